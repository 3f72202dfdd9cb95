import { describe, expect, it } from 'vitest';
import { gradient, hessian, jacobian, mixedPartial } from '../../src/multivariate/partials.js';
import { readInput } from '../../src/parse/parse.js';
import { ParseError } from '../../src/parse/errors.js';
import { InputError } from '../../src/errors.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { toText } from '../../src/print/linear.js';
import { read } from '../../src/parse/parse.js';
import { matrixIn, vectorIn } from '../../src/print/matrix.js';
import { checkDerivative } from '../../src/check/check.js';
import { thrownBy } from '../helpers/thrown.js';
import { expectRenders } from '../helpers/katex.js';
import { dydx } from '../helpers/cli.js';
import { centralSlope } from '../helpers/numeric.js';
import { buildTrace, shownParts, type TraceStep } from '../../src/steps/trace.js';
import { equals } from '../../src/expr/traverse.js';

const stepsIn = (s: TraceStep): TraceStep[] => [s, ...s.substeps.flatMap(stepsIn)];

const texts = (es: readonly { result: unknown }[]): string[] => es.map((d) => toText(d.result as never));
/** Central difference of f by one variable at a point. */
const slope = (f: string, v: string, point: Record<string, number>): number => centralSlope(read(f).expr, v, point);

describe('gradients', () => {
  it('differentiates by each variable, in the order given or as they appear', () => {
    expect(texts(gradient('x^2*y + sin(x*y)').components)).toEqual(['2*x*y + y*cos(x*y)', 'x^2 + x*cos(x*y)']);
    const g = gradient('x^2*y + sin(x*y)', { by: ['y', 'x'] });
    expect(g.variables).toEqual(['y', 'x']);
    expect(texts(g.components)).toEqual(['x^2 + x*cos(x*y)', '2*x*y + y*cos(x*y)']);
  });

  it('reads a name it differentiates by as one name, on the command line too', async () => {
    expect(texts(gradient('rate*x^2', { by: ['x', 'rate'] }).components)).toEqual(['2*rate*x', 'x^2']);
    expect((await dydx(['rate*x^2', '--var', 'x,rate'])).stdout).toBe('[2*rate*x, x^2]\n');
    expect((await dydx(['sigmoid(w*x+bias)', '--var', 'w,bias', '--emit', 'numpy'])).stdout).toMatch(/^def f\(w, bias, x\):$/m);
  });

  it('agrees with central differences, and every component passes the numeric check', () => {
    for (const f of ['x^2*y + sin(x*y)', 'exp(x*y*z)/(1 + z^2)', 'sigmoid(w*x + b)', 'log(x^2 + y^2)']) {
      const g = gradient(f);
      const at = Object.fromEntries(g.variables.map((v, i) => [v, 0.3 + 0.4 * i]));
      g.components.forEach((d, i) => {
        expect(evaluate(d.result, at), `${f} by ${g.variables[i]}`).toBeCloseTo(slope(f, g.variables[i]!, at), 6);
        expect(checkDerivative(d).verdict).toBe('verified');
      });
    }
  });
});

describe('Jacobians', () => {
  it('of polar coordinates: rows are functions, columns variables; the determinant is r', () => {
    const j = jacobian('[r*cos(t), r*sin(t)]', { determinant: true });
    expect(j.variables).toEqual(['r', 't']);
    expect(j.rows.map(texts)).toEqual([['cos(t)', '-r*sin(t)'], ['sin(t)', 'r*cos(t)']]);
    expect(toText(j.determinant!)).toBe('r');
  });

  it('of spherical coordinates has determinant r²·sin(θ) in value', () => {
    const j = jacobian('[r*sin(p)*cos(t), r*sin(p)*sin(t), r*cos(p)]', { by: ['r', 'p', 't'], determinant: true });
    for (const at of [{ r: 1.3, p: 0.7, t: 2.1 }, { r: 0.4, p: 2.9, t: -1 }]) {
      expect(evaluate(j.determinant!, at)).toBeCloseTo(at.r ** 2 * Math.sin(at.p), 10);
    }
  });

  it('refuses a determinant of a matrix that is not square', () => {
    expect(thrownBy(() => jacobian('[x*y, x+y, x-y]', { determinant: true }), InputError).message).toMatch(/3 functions of 2 variables/);
  });
});

describe('Hessians and mixed partials', () => {
  it('works out each mixed partial once and mirrors it; the other order agrees', () => {
    const f = 'x^2*y + sin(x*y) + exp(x - 2*z)*y';
    const h = hessian(f);
    expect(h.computed).toBe(6);
    h.entries.forEach((row, i) => row.forEach((d, j) => {
      expect(d).toBe(h.entries[j]![i]!);
      const other = mixedPartial(f, [h.variables[j]!, h.variables[i]!]);
      const at = { x: 0.3, y: -0.8, z: 0.45 };
      expect(evaluate(d.result, at)).toBeCloseTo(evaluate(other.result, at), 10);
    }));
  });

  it('differentiates a mixed partial in the order given', () => {
    expect(toText(mixedPartial('x^3*y^2*z', ['x', 'y', 'x']).result)).toBe('12*x*y*z');
    expect(mixedPartial('x^3*y^2', ['x', 'y', 'x']).steps).toHaveLength(3);
  });
});

describe('vectors as typed', () => {
  it('are square brackets round the whole input with a comma at their level', () => {
    const components = (input: string) => {
      const { whole } = readInput(input);
      return whole.kind === 'vector' ? whole.components.map(toText) : whole.kind;
    };
    expect(components('[x, y^2]')).toEqual(['x', 'y^2']);
    expect(components('[max(x, y), [x + 1]*2]')).toEqual(['max(x, y)', '(x + 1)*2']);
    expect(components('[x + 1]')).toBe('expression');
    expect(thrownBy(() => readInput('[x, 1] + [y, 2]'), ParseError).message).toBe('a vector [f, g, …] is a whole input: nothing may come after it');
  });

  it('locate an error in a component in the whole input', () => {
    const error = thrownBy(() => jacobian('[x*y, x+, 3]'), ParseError);
    expect([error.line, error.column]).toEqual([1, 9]);
    const empty = thrownBy(() => jacobian('[x, , y]'), ParseError);
    expect([empty.message, empty.column]).toEqual(["expected a number, a name or '(' after ',', found ','", 5]);
  });

  it('print as [a, b] and pmatrix, which KaTeX renders', () => {
    const [a, b] = [read('x^2').expr, read('sin(y)').expr];
    expect(vectorIn([a, b], 'unicode')).toBe('[x², sin(y)]');
    expect(matrixIn([[a, b], [b, a]], 'text')).toBe('[[x^2, sin(y)], [sin(y), x^2]]');
    expectRenders(vectorIn([a, b], 'latex'));
    expectRenders(matrixIn([[a, b], [b, a]], 'latex'));
  });
});

describe('the command line', () => {
  it('gives the gradient for several --var, also given one by one', async () => {
    expect((await dydx(['x^2*y + sin(x*y)', '--var', 'x,y'])).stdout).toBe('[2*x*y + y*cos(x*y), x^2 + x*cos(x*y)]\n');
    expect((await dydx(['x^2*y', '--var', 'x', '--var', 'y'])).stdout).toBe('[2*x*y, x^2]\n');
  });

  it('gives the Jacobian of a vector and its determinant, and the Hessian with a note on symmetry', async () => {
    const det = await dydx(['[r*cos(t), r*sin(t)]', '--det', '-f', 'unicode']);
    expect(det.stdout).toBe('[[cos(t), −r·sin(t)], [sin(t), r·cos(t)]]\ndet = r\n');
    const h = await dydx(['x^2*y', '--hessian']);
    expect(h.stdout).toBe('[[2*y, 2*x], [2*x, 0]]\n');
    expect(h.stderr).toContain('each mixed partial is worked out once (3 of 4)');
  });

  it('numbers the steps by component, checks every component, and answers in JSON', async () => {
    const steps = await dydx(['x^2*y', '--var', 'x,y', '--steps', 'brief']);
    expect(steps.stdout).toMatch(/^1 df\/dx\n/);
    expect(steps.stdout).toContain('\n2 df/dy\n');
    expect(steps.stdout).toContain('2.1 Constant multiple rule');
    const checked = await dydx(['x^2*y', '--var', 'x,y', '--check']);
    expect(checked.status).toBe(0);
    expect(checked.stderr.match(/check: verified/g)).toHaveLength(2);
    const json = JSON.parse((await dydx(['[x*y, x+y]', '-f', 'json'])).stdout) as { jacobian: { text: string }[][] };
    expect(json.jacobian.map((r) => r.map((c) => c.text))).toEqual([['y', 'x'], ['1', '1']]);
  });

  it('works out a part once across components and refers to it after, in every format', async () => {
    // e^(x·y) by x in f₁ and again in f₂: step 3.1.1 refers to 1.1 rather than repeating it.
    const text = (await dydx(['[exp(x*y), exp(x*y) + z]', '--var', 'x,y', '--steps', 'brief'])).stdout;
    expect(text).toContain("\n1.1 Chain rule: (exp(x*y))' = exp(x*y)*(1*y)\n  1.1.1 Exponential rule");
    expect(text).toContain("\n  3.1.1 Chain rule, as in 1.1: (exp(x*y))' = exp(x*y)*(1*y)\n  3.1.2 Constant rule");
    expect(text).toContain('4.1.1 Chain rule, as in 2.1:');
    expect(text).not.toContain('3.1.1.1');
    const latex = (await dydx(['[exp(x*y), exp(x*y) + z]', '--var', 'x,y', '--steps', '-f', 'latex'])).stdout;
    expect(latex).toContain('\\text{3.1.1 chain rule, as in 1.1}');
    const markdown = (await dydx(['[exp(x*y), exp(x*y) + z]', '--var', 'x,y', '--steps', '-f', 'markdown'])).stdout;
    expect(markdown).toContain('**Chain rule**, as in 1.1');
    type StepJson = { number: string; sameAs?: string; substeps: StepJson[] };
    expect(JSON.parse((await dydx(['[exp(x*y), exp(x*y) + z]', '--var', 'x,y', '-f', 'json'])).stdout)).not.toHaveProperty('derivations');
    const json = JSON.parse((await dydx(['[exp(x*y), exp(x*y) + z]', '--var', 'x,y', '-f', 'json', '--steps'])).stdout) as
      { derivations: { of: string; steps: { derivation: StepJson }[] }[] };
    expect(json.derivations.map((d) => d.of)).toEqual(['df1/dx', 'df1/dy', 'df2/dx', 'df2/dy']);
    const referred = json.derivations[2]!.steps[0]!.derivation.substeps[0]!;
    expect(referred).toMatchObject({ number: '3.1.1', sameAs: '1.1', substeps: [] });
    expect(json.derivations[0]!.steps[0]!.derivation.number).toBe('1.1');
  });

  it('refers only to the same derivative by the same variable, and the referred steps still check', () => {
    const h = hessian('x^2*y + sin(x*y)');
    const parts = shownParts();
    const shown = [...h.gradient, h.entries[0]![0]!, h.entries[0]![1]!, h.entries[1]![1]!];
    const traces = shown.map((d, k) => buildTrace(d, { within: [k + 1], shown: parts }));
    const steps = traces.flatMap((t) => t.sections.flatMap((s) => stepsIn(s.root)));
    const byNumber = new Map(steps.map((s) => [s.number.join('.'), s]));
    const referring = steps.filter((s) => s.sameAs);
    expect(referring.length).toBeGreaterThan(0);
    for (const s of referring) {
      const earlier = byNumber.get(s.sameAs!.join('.'))!;
      expect(equals(earlier.step.expr, s.step.expr) && earlier.step.variable === s.step.variable).toBe(true);
      expect(equals(earlier.result, s.result)).toBe(true);
      expect(earlier.sameAs).toBeUndefined();
    }
    for (const d of shown) expect(checkDerivative(d, { steps: true }).verdict).toBe('verified');
  });

  it('refuses what does not go together, with exit 2', async () => {
    for (const args of [['x*y', '--var', 'x,y', '--order', '2'], ['x*y', '--det'], ['[x, y]', '--hessian']]) {
      const run = await dydx(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^dydx: /);
    }
  });
});
