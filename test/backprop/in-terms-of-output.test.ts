import { describe, expect, it } from 'vitest';
import { inTermsOfOutput, type OutputForm } from '../../src/backprop/in-terms-of-output.js';
import { functionNames, functionTable } from '../../src/functions/table.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { toText } from '../../src/print/linear.js';
import { read } from '../../src/parse/parse.js';

const alone = (input: string, variable?: string): string | undefined => {
  const form = inTermsOfOutput(input, variable ? { variable } : {});
  return form.inOutput && toText(form.inOutput);
};

/** At points across the line where f is defined and the conditions hold, the form in y at y = f(x) is f′(x). */
function expectHolds(form: OutputForm): void {
  let compared = 0;
  for (let t = -6.03; t < 6; t += 0.137) {
    const env = { [form.variable]: t, w: 0.7, b: -0.3 };
    const y = evaluate(form.input, env);
    const d = evaluate(form.derivative, env);
    if (!Number.isFinite(y) || !Number.isFinite(d) || Math.abs(d) > 1e6) continue;
    if (!form.holds.every((h) => (h.relation === '>' ? evaluate(h.expr, env) > 0 : evaluate(h.expr, env) < 0))) continue;
    compared++;
    const g = evaluate(form.inOutput ?? form.mixed!, { ...env, [form.output]: y });
    expect(Math.abs(g - d), `${toText(form.input)} at ${t}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(d)));
  }
  expect(compared, toText(form.input)).toBeGreaterThan(5);
}

describe('the derivative in terms of the output', () => {
  it.each([
    ['1/(1+exp(-x))', 'y*(1 - y)'],
    ['sigmoid(x)', 'y*(1 - y)'],
    ['tanh(x)', '1 - y^2'],
    ['tanh(3*x+1)', '3*(1 - y^2)'],
    ['exp(x)', 'y'],
    ['exp(-2*x)', '-2*y'],
    ['log(x)', 'exp(-y)'],
    ['softplus(x)', '1 - exp(-y)'],
    ['logsigmoid(x)', '1 - exp(y)'],
    ['sqrt(x)', '1/(2*y)'],
    ['1/x', '-y^2'],
    ['tan(x)', '1 + y^2'],
    ['relu(x)', 'sign(y)'],
    ['3*x+1', '3'],
    ['10^x', 'y*log(10)'],
    ['2^(3*x)', '3*y*log(2)'],
  ])('%s: y′ = %s', (input, expected) => {
    expect(alone(input)).toBe(expected);
    expectHolds(inTermsOfOutput(input));
  });

  it('by a weight of a neuron: the input stays as it is, a constant', () => {
    expect(alone('sigmoid(w*x+b)', 'w')).toBe('x*y*(1 - y)');
    expect(alone('sigmoid(w*x+b)', 'b')).toBe('y*(1 - y)');
  });

  it('of every function whose table entry writes its derivative in its value, applied to 2x − 1', () => {
    const names = functionNames.filter((n) => functionTable[n].derivativeInOutput && functionTable[n].arity[0] === 1);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const form = inTermsOfOutput(`${name}(2*x-1)`);
      expect(form.inOutput, name).toBeDefined();
      expectHolds(form);
    }
  });

  it('of compositions and powers, where they hold', () => {
    for (const input of ['exp(x^3)', 'sigmoid(x)^2', 'log(log(x))', 'exp(sigmoid(x))', '2*sigmoid(x)+1', 'sinh(2*x)', '(x^2+1)^2', 'x^(2/3)', 'cbrt(x)', 'asin(x)/3', '5*exp(x)-1', '1/(1+x^2)']) {
      const form = inTermsOfOutput(input);
      expect(form.inOutput, input).toBeDefined();
      expectHolds(form);
    }
  });

  it('of a power with an even numerator holds on one side, and says the function is not one-to-one', () => {
    const form = inTermsOfOutput('x^2');
    expect(toText(form.inOutput!)).toBe('2*sqrt(y)');
    expect(form.holds.map((h) => `${toText(h.expr)} ${h.relation} 0`)).toEqual(['x > 0']);
    expect(form.reason?.kind).toBe('not-one-to-one');
  });

  it('has none where f is not one-to-one: two points of one value and different slopes show it', () => {
    for (const input of ['x*sigmoid(x)', 'gelu(x)', 'x*tanh(softplus(x))', 'sin(x)', 'abs(x)', 'cosh(x)']) {
      const form = inTermsOfOutput(input);
      expect(form.inOutput, input).toBeUndefined();
      const reason = form.reason!;
      if (reason.kind !== 'not-one-to-one') throw new Error(`${input}: ${reason.kind}`);
      const f = read(input).expr;
      const [a, b] = reason.at;
      expect(Math.abs(evaluate(f, { x: a }) - evaluate(f, { x: b })), input).toBeLessThan(1e-8);
      expect(Math.abs(evaluate(form.derivative, { x: a }) - reason.slopes[0]), input).toBeLessThan(1e-12);
      expect(Math.abs(reason.slopes[0] - reason.slopes[1]), input).toBeGreaterThan(1e-3);
    }
  });

  it('gives SiLU the form with σ(x) and y together, the forward pass reusing σ(x)', () => {
    const form = inTermsOfOutput('x*sigmoid(x)');
    expect(toText(form.mixed!)).toBe('sigmoid(x) + y*(1 - sigmoid(x))');
    expectHolds(form);
    expect(toText(inTermsOfOutput('x^2*exp(x)').mixed!)).toBe('y + 2*x*exp(x)');
  });

  it('says where it knows no inverse, and names the output another letter where y is taken', () => {
    expect(inTermsOfOutput('x + exp(x)').reason).toEqual({ kind: 'no-inverse' });
    const form = inTermsOfOutput('sigmoid(y*x)', { variable: 'x' });
    expect(form.output).toBe('z');
    expect(toText(form.inOutput!)).toBe('y*z*(1 - z)');
  });

  it('shows its steps: the table form, the inversion, the substitution', () => {
    const form = inTermsOfOutput('exp(x^3)');
    expect(form.steps.map((s) => s.kind)).toEqual(['value-form', 'invert', 'power-form', 'substitute', 'simplify']);
  });
});
