import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { compile } from '../../src/evaluate/compile.js';
import { chooseRange, featureWords } from '../../web/src/plot-range.js';

/** The range chosen for a function of x, from it and its derivative as dydx gives it. */
function rangeOf(input: string) {
  const f = parse(input);
  const [at, slope] = [compile(f), compile(differentiate(f).result)];
  const finite = (y: number): number => (Number.isFinite(y) ? y : NaN);
  return chooseRange((x) => finite(at({ x })), (x) => finite(slope({ x })));
}

const kinds = (input: string): string[] => rangeOf(input).features.map((p) => `${p.kind} ${p.x.toFixed(3)}`);

describe('the range a plot starts with', () => {
  it('starts where the domain starts: x^x from 0, around its minimum at 1/e', () => {
    const r = rangeOf('x^x');
    expect(r.from).toBe(0);
    expect(r.to).toBe(2.37);
    expect(kinds('x^x')).toEqual(['start of the domain 0.000', 'minimum 0.368']);
    expect(rangeOf('sqrt(x)').from).toBe(0);
    expect(rangeOf('log(x)').from).toBe(0);
  });

  it('keeps to a domain with two ends: asin on [−1, 1]', () => {
    const r = rangeOf('asin(x)');
    expect([r.from, r.to]).toEqual([-1, 1]);
    expect(kinds('asin(x)')).toEqual(['start of the domain -1.000', 'inflection point 0.000', 'end of the domain 1.000']);
    expect(rangeOf('log(x)')).toEqual({ from: 0, to: 6, features: [{ kind: 'start of the domain', x: 0 }] });
  });

  it('centres on the features: σ\'s inflection, x²\'s minimum, the shifted tanh', () => {
    expect(rangeOf('1/(1+exp(-x))')).toEqual({ from: -3, to: 3, features: [{ kind: 'inflection point', x: 0 }] });
    expect(kinds('x^2')).toEqual(['minimum 0.000']);
    const t = rangeOf('tanh(3x+1)');
    expect(t.features).toHaveLength(1);
    expect(t.features[0]!.x).toBeCloseTo(-1 / 3, 1);
    expect([t.from, t.to]).toEqual([-3.33, 2.67]);
  });

  it('takes the few features nearest 0 of a periodic function, both sides alike, poles included and none next to a pole', () => {
    const sin = rangeOf('sin(x)');
    expect(sin.features.map((p) => p.kind)).toEqual(['inflection point', 'minimum', 'inflection point', 'maximum', 'inflection point']);
    expect([sin.from, sin.to]).toEqual([-6.28, 6.28]);
    const tan = rangeOf('tan(x)');
    expect(tan.features.filter((p) => p.kind === 'pole').map((p) => Number(p.x.toFixed(2)))).toEqual([-1.57, 1.57]);
    expect(kinds('1/x^2')).toEqual(['pole 0.000']);
    expect(kinds('1/x')).toEqual(['pole 0.000']);
    // The top of a bell is a maximum, not a pole.
    expect(kinds('exp(-x^2)')).toEqual(['inflection point -0.710', 'maximum 0.000', 'inflection point 0.710']);
  });

  it('shows [−6, 6] when there is nothing to centre on', () => {
    expect(rangeOf('exp(x)')).toEqual({ from: -6, to: 6, features: [] });
    expect(rangeOf('2x + 1')).toEqual({ from: -6, to: 6, features: [] });
  });
});

describe('the range in words', () => {
  it('names each feature and where it is, plurals and rounding marked', () => {
    expect(featureWords(rangeOf('x^x').features, 'x')).toBe('the start of the domain at x = 0 and the minimum at x ≈ 0.368');
    expect(featureWords(rangeOf('tan(x)').features, 'x')).toBe('the inflection points at x ≈ −3.14, 0 and 3.14 and the poles at x ≈ −1.57 and 1.57');
    expect(featureWords(rangeOf('x^2*sin(x)').features, 't')).toBe('the minimum at t ≈ −2.29, the inflection points at t ≈ −1.52, 0 and 1.52 and the maximum at t ≈ 2.29');
    expect(featureWords([], 'x')).toBe('');
  });
});
