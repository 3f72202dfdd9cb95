import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { simplify, simplifyWithSteps } from '../../src/simplify/simplify.js';
import { algebraRules } from '../../src/simplify/normal-form-rules.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { coefficientsOf } from '../helpers/polynomials.js';
import { equals } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';

const unicode = (input: string): string => toUnicode(simplify(parse(input)));
const derivative = (input: string, options: Parameters<typeof differentiate>[1] = {}): string =>
  toUnicode(differentiate(input, options).result);

describe('algebra rules', () => {
  const cases: [string, string, string][] = [
    ['collect-like-terms', 'x + 2x + y - y', '3x'],
    ['collect-like-terms', 'σ(x)·(1 − σ(x))·(1 − σ(x)) − σ(x)·σ(x)·(1 − σ(x))', 'σ(x)·(1 − σ(x))·(1 − 2σ(x))'],
    ['combine-powers', 'x^3*x^2*x', 'x⁶'],
    ['combine-powers', 'x*y*x*x*x', 'x⁴·y'],
    ['combine-powers', 'x*x', 'x²'],
    ['combine-powers', '2*x*x*exp(x)', '2x²·e^x'],
    ['collect-like-terms', 'x + x', '2x'],
    ['collect-like-terms', 'x + 2 + x', '2(x + 1)'],
    ['cancel-common-factors', '(x^2 - 1)/(x - 1)', 'x + 1'],
    ['cancel-common-factors', 'x^3*sin(x)/(x*sin(x)^2)', 'x²/sin(x)'],
    ['split-fraction', '(2*x^2/(x^2 + 1) - log(1 + x^2))/x^2', '2/(x² + 1) − ln(1 + x²)/x²'],
    ['order-factors', 'sin(x)*x*2', '2x·sin(x)'],
    ['negative-power-as-fraction', 'x^(-2)', '1/x²'],
    ['fractional-power-as-root', 'x^(1/2)', '√x'],
    ['fractional-power-as-root', 'x^(1/3)', '∛x'],
    ['power-of-root', 'sqrt(x+1)^4', '(x + 1)²'],
  ];
  it.each(cases)('%s: %s → %s', (rule, input, expected) => {
    const { result, steps } = simplifyWithSteps(parse(input));
    expect(toUnicode(result)).toBe(expected);
    expect(steps.map((s) => s.rule)).toContain(rule);
  });

  it('has a test case for every algebra rule', () => {
    expect(new Set(cases.map(([rule]) => rule))).toEqual(new Set(algebraRules.map((r) => r.id)));
  });

  it('keeps a sum whole in a quotient or product whose normal form written out is no simpler', () => {
    // The sum (over √(4 − x²), beside sin(x)) written out over its own denominator is longer: the
    // quotient's 1/4 goes above as a number, and the sum stays as it stands.
    const sum = 'cos(x) - x/sqrt(4 - x^2) + 2*sin(x)';
    const quotient = parse(`(${sum})/(x*(2 - x)/4)`);
    const rule = algebraRules.find((r) => r.id === 'cancel-common-factors' && r.kind === 'div')!;
    const rewritten = (rule.apply as (e: typeof quotient) => typeof quotient | undefined)(quotient);
    expect(rewritten && toText(rewritten)).toBe(`-4*(${sum})/(x*(x - 2))`);
    const product = parse(`(${sum})/(x*(2 - x)/4)*(cos(x)/2)`);
    expect(toText(simplify(product))).toBe(`-2*cos(x)*(${sum})/(x*(x - 2))`);
  });

  it('writes powers and roots as people do', () => {
    expect(derivative('1/x')).toBe('−1/x²');
    expect(derivative('x^(1/2)')).toBe('1/(2√x)');
    expect(derivative('x^(5/2)')).toBe('5x·√x/2');
    expect(unicode('2x/4')).toBe('x/2');
  });

  it('writes repeated letters once, with a coefficient or a power', () => {
    expect(derivative('x*y*x')).toBe('2x·y');
    expect(derivative('(x+1)*(x+1)')).toBe('2(x + 1)');
    expect(derivative('x*exp(x)*cos(x^2)')).toBe('e^x·(cos(x²)·(x + 1) − 2x²·sin(x²))');
  });

  it('expands or factors only when that is shorter', () => {
    expect(derivative('x^2*sin(x)')).toBe('2x·sin(x) + x²·cos(x)');
    expect(derivative('x*exp(x)*sin(x)')).toBe('e^x·(x·cos(x) + sin(x)·(x + 1))');
    expect(unicode('(x - 1)*(x + 1)')).toBe('x² − 1');
  });

  // Sums and products of up to 16 parts are looked over pair by pair, longer ones by filing their parts: both ways find them.
  it.each([4, 16, 17, 40])('finds like terms and repeated bases among %i parts, wherever they stand', (n) => {
    const powers = Array.from({ length: n }, (_, k) => `${k + 1}*sin(x)^${k + 1}`);
    // −sin(x)^n/2 is like the last term, a number below it: the two are one term.
    expect(toText(simplify(parse(`${powers.join(' + ')} - sin(x)^${n}/2`)))).toBe(toText(simplify(parse(`${powers.slice(0, -1).join(' + ')} + ${2 * n - 1}*sin(x)^${n}/2`))));
    expect(toText(simplify(parse(`${powers.join(' + ')} - ${n}*sin(x)^${n}`)))).not.toContain(`^${n}`);
    const letters = Array.from({ length: n - 1 }, (_, k) => `y${k + 1}`);
    // x at both ends of a product of n + 1 factors: x².
    const product = toText(simplify(parse(['x', ...letters, '3*x'].join('*'))));
    expect(product.startsWith('3*x^2*')).toBe(true);
    expect(product.match(/x/g)).toHaveLength(1);
    // A factor common to every term comes out: x²·e^x·(sin(y1) + sin(y2) + …).
    const common = toText(simplify(parse(letters.map((y) => `x^2*exp(x)*sin(${y})`).join(' + '))));
    expect(common.startsWith('x^2*exp(x)*(sin(')).toBe(true);
    expect(common.match(/exp/g)).toHaveLength(1);
  });

  it('collects like terms in a long sum, where a term with a sum for a factor holds a part of each function', () => {
    // Nine terms k·(x·sin(x + k) + x²·cos(x + k)): a term of the last sum cancels with the term after it.
    const terms = Array.from({ length: 9 }, (_, i) => `${i + 1}*(x*sin(x + ${i + 1}) + x^2*cos(x + ${i + 1}))`);
    const simplified = toText(simplify(parse(`${terms.join(' + ')} + 5*cos(x + 3) - 9*x^2*cos(x + 9)`)));
    expect(simplified).not.toContain('cos(x + 9)');
    expect(simplified).toContain('9*x*sin(x + 9)');
    expect(simplified).toContain('cos(x + 3)*(3*x^2 + 5)');
  });
});

describe('answers in terms of σ', () => {
  it('rewrites only the terms of a sum with the exponential, leaving the others as they are', () => {
    expect(toText(simplify(parse('exp(-x)/(1+exp(-x))^2 + log(x)')))).toBe('sigmoid(x)*(1 - sigmoid(x)) + log(x)');
    expect(toText(simplify(parse('exp(-x)/(1+exp(-x))^2 + 3*exp(2*x)')))).toBe('sigmoid(x)*(1 - sigmoid(x)) + 3*exp(2*x)');
    const steps = simplifyWithSteps(parse('log(x) + exp(-x)/(1+exp(-x))^2')).steps.filter((s) => s.rule === 'rewrite-in-sigmoid');
    expect(steps.map((s) => toText(s.after))).toEqual(['log(x) + sigmoid(x)*(1 - sigmoid(x))']);
  });

  it('leaves no exponential of another multiple of u beside σ(u)', () => {
    // 3e^(−x)/(e^(−x) + e^(−2x)) is 3σ(x): written term by term in σ(x), e^(−2x) stayed beside it.
    const input = '3*exp(-x)/(exp(-x) + exp(-2*x)) + 1/(1 + exp(-x)) + x';
    const first = toText(differentiate(input).result);
    expect(first.includes('sigmoid') && first.includes('exp')).toBe(false);
    expect(derivative(input, { order: 2 })).toBe('4σ(x)·(1 − σ(x))·(1 − 2σ(x))');
  });

  it('writes each argument of a sum in its own σ, one step each', () => {
    const sum = 'exp(x)/(1 + exp(x))^2 + 2*exp(2*x)/(1 + exp(2*x))^2 + 3*exp(-3*x)/(1 + exp(-3*x))^2';
    const { result, steps } = simplifyWithSteps(parse(sum));
    expect(toText(result)).toBe('sigmoid(x)*(1 - sigmoid(x)) + 2*sigmoid(2*x)*(1 - sigmoid(2*x)) + 3*sigmoid(3*x)*(1 - sigmoid(3*x))');
    expect(steps.filter((s) => s.rule === 'rewrite-in-sigmoid')).toHaveLength(3);
  });

  it.each([
    ['sigmoid(2x - 1)', '2σ(2x − 1)·(1 − σ(2x − 1))'],
    ['1/(1+e^(-x))', 'σ(x)·(1 − σ(x))'],
    ['1/(1+exp(-x))', 'σ(x)·(1 − σ(x))'],
    ['e^x/(1+e^x)', 'σ(x)·(1 − σ(x))'],
    ['(1+e^(-x))^(-1)', 'σ(x)·(1 − σ(x))'],
    ['1/(1+exp(1-2x))', '2σ(2x − 1)·(1 − σ(2x − 1))'],
    ['softplus(x)', 'σ(x)'],
    ['log(1+e^x)', 'σ(x)'],
    ['log(sigmoid(x))', '1 − σ(x)'],
    ['log(1/(1+exp(-x)))', '1 − σ(x)'],
    ['x*sigmoid(x)', 'σ(x) + x·σ(x)·(1 − σ(x))'],
    ['x/(1+exp(-x))', 'σ(x) + x·σ(x)·(1 − σ(x))'],
    ['sigmoid(x)^2', '2σ(x)²·(1 − σ(x))'],
    ['3*sigmoid(x) + x^2', '3σ(x)·(1 − σ(x)) + 2x'],
  ])('d/dx %s = %s', (input, expected) => expect(derivative(input)).toBe(expected));

  it('differentiates parameters of σ', () => {
    expect(derivative('sigmoid(w*x + b)', { variable: 'w' })).toBe('x·σ(w·x + b)·(1 − σ(w·x + b))');
    expect(derivative('sigmoid(w*x + b)', { variable: 'b' })).toBe('σ(w·x + b)·(1 − σ(w·x + b))');
    expect(derivative('-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))', { variable: 'w' }))
      .toBe('x·σ(w·x + b) − x·y');
  });

  it('handles fractional powers of σ', () => {
    expect(derivative('sigmoid(x)^0.1')).toBe('0.1σ(x)^0.1·(1 − σ(x))');
  });

  it('keeps e^u as e^u, and tanh′ as 1 − tanh²', () => {
    expect(derivative('e^x')).toBe('e^x');
    expect(derivative('e^(2x)')).toBe('2e^(2x)');
    expect(derivative('tanh(x)')).toBe('1 − tanh(x)²');
    expect(derivative('tanh(3x + 1)')).toBe('3(1 − tanh(3x + 1)²)');
  });

  it('can be asked not to rewrite into σ', () => {
    expect(derivative('1/(1+exp(-x))', { form: 'exp' })).toBe('e^(−x)/(1 + e^(−x))²');
  });

  it('gives expanded and factored forms on request', () => {
    expect(derivative('sigmoid(x)', { order: 2, form: 'expanded' })).toBe('σ(x) − 3σ(x)² + 2σ(x)³');
    expect(derivative('sigmoid(x)', { order: 2, form: 'factored' })).toBe('σ(x)·(1 − σ(x))·(1 − 2σ(x))');
    expect(derivative('x^2 - 1', { order: 0, form: 'factored' })).toBe('x² − 1');
  });

  it('writes higher derivatives of σ factored at their rational roots', () => {
    expect(derivative('sigmoid(x)', { order: 2 })).toBe('σ(x)·(1 − σ(x))·(1 − 2σ(x))');
    expect(derivative('sigmoid(x)', { order: 3 })).toBe('σ(x)·(1 − σ(x))·(1 − 6σ(x) + 6σ(x)²)');
    expect(derivative('1/(1+exp(-x))', { order: 2 })).toBe('σ(x)·(1 − σ(x))·(1 − 2σ(x))');
    expect(derivative('sigmoid(2x)', { order: 2 })).toBe('4σ(2x)·(1 − σ(2x))·(1 − 2σ(2x))');
    for (let n = 2; n <= 10; n++) expect(derivative('sigmoid(x)', { order: n })).toMatch(/^σ\(x\)·\(1 − σ\(x\)\)/);
  });
});

/** Stirling numbers of the second kind S(n, k), exactly. */
function stirling(n: number): bigint[][] {
  const s: bigint[][] = Array.from({ length: n + 1 }, () => Array.from({ length: n + 1 }, () => 0n));
  s[0]![0] = 1n;
  for (let i = 1; i <= n; i++) for (let k = 1; k <= i; k++) s[i]![k] = BigInt(k) * s[i - 1]![k]! + s[i - 1]![k - 1]!;
  return s;
}

describe('σ⁽ⁿ⁾ is a polynomial in σ with exact coefficients', () => {
  it('matches Σₖ (−1)ᵏ k! S(n+1, k+1) σᵏ⁺¹ for n ≤ 30', () => {
    const s = stirling(31);
    for (let n = 1; n <= 30; n++) {
      const result = differentiate('sigmoid(x)', { order: n, form: 'expanded' }).result;
      const p = coefficientsOf(result)!;
      expect(p.denominator).toBe(1n);
      let factorial = 1n;
      for (let k = 0; k <= n; k++) {
        if (k > 0) factorial *= BigInt(k);
        expect(p.numerators[k + 1], `n = ${n}, σ^${k + 1}`).toBe((k % 2 === 0 ? 1n : -1n) * factorial * s[n + 1]![k + 1]!);
      }
      expect(p.numerators.length).toBe(n + 2);
    }
  });
});

describe('simplification, over random trees', () => {
  it('terminates within a step bound', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      const { steps } = simplifyWithSteps(e, { maxSteps: 5000 });
      expect(steps.length).toBeLessThan(5000);
    }), { numRuns: 300 });
  });
  it('is idempotent', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      const once = simplify(e);
      expect(equals(simplify(once), once), toText(e)).toBe(true);
    }), { numRuns: 300 });
  });
});
