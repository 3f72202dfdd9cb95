import { describe, expect, it } from 'vitest';
import { expectWorkedStepsRender } from '../helpers/katex.js';
import { softmax } from '../../src/multivariate/softmax.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { toText } from '../../src/print/linear.js';
import { vectorIn } from '../../src/print/matrix.js';
import { InputError } from '../../src/errors.js';
import { ParseError } from '../../src/parse/errors.js';
import { thrownBy } from '../helpers/thrown.js';
import { dydx } from '../helpers/cli.js';

const zs = (n: number): string[] => Array.from({ length: n }, (_, k) => `z${k + 1}`);
/** The softmax of numbers, and its value. */
const softmaxOf = (z: readonly number[]): number[] => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
};

describe('softmax, log-softmax and cross-entropy', () => {
  it.each([2, 3, 4, 5, 6, 7, 8, 9, 10])('softmax of %i inputs: ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), and the rules give it too', (n) => {
    const names = zs(n);
    const r = softmax(`softmax(${names.join(', ')})`);
    const z = names.map((_, k) => Math.sin(3.7 * k + n) * 2);
    const env = Object.fromEntries(names.map((v, k) => [v, z[k]!]));
    const s = softmaxOf(z);
    const outputs = Object.fromEntries(r.outputs.map((o, k) => [o, s[k]!]));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const expected = s[i]! * ((i === j ? 1 : 0) - s[j]!);
        expect(evaluate(r.inOutputs[i]![j]!, outputs), `(${i + 1}, ${j + 1})`).toBeCloseTo(expected, 12);
        expect(evaluate(r.derivatives[i]![j]!.result, env), `(${i + 1}, ${j + 1})`).toBeCloseTo(expected, 12);
        // And the finite difference of the component itself.
        const h = 1e-6;
        const up = softmaxOf(z.map((v, k) => (k === j ? v + h : v)))[i]!;
        const down = softmaxOf(z.map((v, k) => (k === j ? v - h : v)))[i]!;
        expect((up - down) / (2 * h)).toBeCloseTo(expected, 8);
      }
    }
    expect(toText(r.inOutputs[0]![0]!)).toBe('s1*(1 - s1)');
    expect(toText(r.inOutputs[0]![1]!)).toBe('-s1*s2');
  });

  it('log-softmax: δᵢⱼ − sⱼ', () => {
    const r = softmax('log_softmax(z1, z2, z3)');
    expect(r.inOutputs.map((row) => row.map(toText))).toEqual([['1 - s1', '-s2', '-s3'], ['-s1', '1 - s2', '-s3'], ['-s1', '-s2', '1 - s3']]);
  });

  it('cross-entropy of softmax with one-hot labels: p − y, and sⱼ·Σyᵢ − yⱼ in general', () => {
    for (const n of [2, 3, 5, 10]) {
      const names = zs(n);
      const labels = names.map((_, k) => `y${k + 1}`);
      const r = softmax(`cross_entropy(softmax(${names.join(', ')}), [${labels.join(', ')}])`);
      expect(r.oneHot!.map(toText)).toEqual(names.map((_, k) => `s${k + 1} - y${k + 1}`));
      // With a one-hot label the rules' gradient is p − y.
      const z = names.map((_, k) => Math.cos(1.3 * k) * 3);
      const y = names.map((_, k) => (k === 1 ? 1 : 0));
      const env = Object.fromEntries([...names.map((v, k) => [v, z[k]!]), ...labels.map((v, k) => [v, y[k]!])]);
      const p = softmaxOf(z);
      r.derivatives[0]!.forEach((d, j) => expect(evaluate(d.result, env)).toBeCloseTo(p[j]! - y[j]!, 12));
    }
  });

  it('writes the cross-entropy\'s gradient as s − y only where the labels may sum to 1', () => {
    const gradient = (labels: string) => vectorIn((softmax(`cross_entropy(softmax(z1, z2), ${labels})`).oneHot ?? softmax(`cross_entropy(softmax(z1, z2), ${labels})`).inOutputs[0])!, 'text');
    expect(gradient('[1, 1]')).toBe('[2*s1 - 1, 2*s2 - 1]');
    expect(gradient('[1, 0]')).toBe('[s1 - 1, s2]');
    expect(gradient('[y, 1 - y]')).toBe('[s1 - y, s2 + y - 1]');
    expect(softmax('cross_entropy(softmax(z1, z2), [y1, y2])').oneHot!.map((e) => toText(e))).toEqual(['s1 - y1', 's2 - y2']);
    expect(softmax('cross_entropy(softmax(z1, z2), [y1^2, y2])').oneHot).toBeUndefined();
  });

  it('knows softmax(…) only as the whole input, and refuses what it cannot be', () => {
    expect(softmax('softmax(z1, z2)').kind).toBe('softmax');
    expect(thrownBy(() => softmax('softmax(z1)*(z2)'), ParseError).message).toBe('softmax(…) is a whole input: nothing may come after it');
    expect(thrownBy(() => softmax('softmax(z1, [a, b])'), ParseError).column).toBe(13);
    expect(thrownBy(() => softmax('softmax(z1)'), InputError).message).toMatch(/2 to 10 inputs/);
    expect(thrownBy(() => softmax('cross_entropy(z1, [y1])'), InputError).message).toMatch(/cross_entropy\(softmax/);
  });

  it('on the command line: the Jacobian in the outputs, the pattern beside it, the steps with δᵢⱼ', async () => {
    const run = await dydx(['softmax(z1, z2, z3)', '-f', 'unicode']);
    expect(run.stdout).toBe('[[s1·(1 − s1), −s1·s2, −s1·s3], [−s1·s2, s2·(1 − s2), −s2·s3], [−s1·s3, −s2·s3, s3·(1 − s3)]]\n');
    expect(run.stderr).toBe('∂sᵢ/∂zⱼ = sᵢ·(δᵢⱼ − sⱼ) with sᵢ = e^zᵢ/(e^z1 + e^z2 + e^z3), row i and column j\n');
    const loss = await dydx(['cross_entropy(softmax(z1, z2, z3), [y1, y2, y3])', '--check']);
    expect(loss.stdout).toBe('[s1 - y1, s2 - y2, s3 - y3]\n');
    expect(loss.stderr).toContain('check: verified all 3 derivatives');
    expect((await dydx(['softmax(z1, z2)', '--steps', '-f', 'unicode'])).stdout).toContain('δᵢⱼ = 1 if i = j and 0 otherwise');
    const latex = (await dydx(['cross_entropy(softmax(z1, z2, z3), [y1, y2, y3])', '--steps', '-f', 'latex'])).stdout;
    expect(latex).toContain('\\frac{\\partial e^{z_{i}}}{\\partial z_{j}} &= \\delta_{ij} \\cdot e^{z_{i}}');
    expect(latex).toContain('\\frac{\\partial L}{\\partial z_{j}} &= s_{j} - y_{j}');
    const markdown = (await dydx(['log_softmax(z1, z2)', '--steps', '-f', 'markdown'])).stdout;
    expect(markdown).toContain('- **5** $\\ln s_{i} = z_{i} - \\ln S$');
    expectWorkedStepsRender(latex, markdown);
    expect((await dydx(['softmax(z1, z2)', '--order', '2'])).status).toBe(2);
    // Within an expression it is refused where it stands, not read as s·o·f·t·max.
    for (const [input, column] of [['2*softmax(z1, z2)', 3], ['sin(log_softmax(x, y))', 5], ['softmax + 1', 1]] as const) {
      const refused = await dydx([input]);
      expect(refused.status, input).toBe(2);
      expect(refused.stderr, input).toMatch(new RegExp(`^dydx: \\w+ is a vector function: type it as the whole input.*\\(line 1, column ${column}\\)\\n`));
    }
  });
});
