import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { parse } from '../../src/parse/parse.js';
import * as build from '../../src/expr/factory.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { toLatex } from '../../src/print/latex.js';
import { functionNames, functionTable, oneArgumentDerivative, type FunctionName } from '../../src/functions/table.js';
import type { DiffStep, RuleId } from '../../src/diff/steps.js';
import { compareAt, close, samplePoints } from '../helpers/numeric.js';
import { expectRenders } from '../helpers/katex.js';

const derivativeText = (input: string, variable?: string): string => toText(differentiate(input, { variable }).result);

/** Checks d/dx against finite differences at the sample points; at least `minimum` points must be usable. */
function expectMatchesFiniteDifferences(input: string, variable = 'x', minimum = 3, env: Record<string, number> = {}, points = samplePoints): void {
  const d = differentiate(input, { variable });
  let used = 0;
  for (const point of points) {
    const c = compareAt(d.input, d.result, variable, point, env);
    if (!c) continue;
    used++;
    expect(close(c.symbolic, c.numeric, 1e-6), `${input} at ${variable} = ${point}: ${c.symbolic} vs ${c.numeric}`).toBe(true);
  }
  expect(used, `usable points for ${input}`).toBeGreaterThanOrEqual(minimum);
}

/** Every rule id used anywhere in a step tree. */
function rulesOf(step: DiffStep): Set<RuleId> {
  const found = new Set<RuleId>([step.rule]);
  for (const s of step.substeps) for (const r of rulesOf(s)) found.add(r);
  return found;
}

describe('structural rules', () => {
  const cases: [RuleId, string, string][] = [
    ['constant', '7', '0'],
    ['constant', 'y^2 + pi', '0'],
    ['variable', 'x', '1'],
    ['sum', 'x^2 + x + 1', '2*x + 1'],
    ['sum', 'x^3 - x', '3*x^2 - 1'],
    ['negation', '-sin(x)', '-cos(x)'],
    ['constant-multiple', '5x^2', '10*x'],
    ['constant-multiple', 'x^2/4', 'x/2'],
    ['product', 'x*sin(x)', 'sin(x) + x*cos(x)'],
    ['product', 'x*exp(x)*sin(x)', 'exp(x)*(x*cos(x) + sin(x)*(x + 1))'],
    ['quotient', '1/(1+exp(-x))', 'sigmoid(x)*(1 - sigmoid(x))'],
    ['quotient', 'sin(x)/(1 + x^2)', '(cos(x)*(1 + x^2) - 2*x*sin(x))/(1 + x^2)^2'],
    ['quotient', 'sin(x)/x', '(x*cos(x) - sin(x))/x^2'],
    ['power', 'x^3', '3*x^2'],
    ['power', 'x^(1/2)', '1/(2*sqrt(x))'],
    ['power', 'x^-2', '-2/x^3'],
    ['power', 'x^a', 'a*x^(a - 1)'],
    ['exponential', 'exp(x)', 'exp(x)'],
    ['exponential', '2^x', 'log(2)*2^x'],
    ['general-power', 'x^x', 'x^x*(log(x) + 1)'],
    ['general-power', 'x^sin(x)', 'x^sin(x)*(cos(x)*log(x) + sin(x)/x)'],
    ['logarithm', 'ln(x)', '1/x'],
    ['logarithm', 'log(x, 2)', '1/(x*log(2))'],
    ['logarithm', 'log10(x)', '1/(x*log(10))'],
    ['logarithm', 'log(2, x)', '-log(2)/(x*log(x)^2)'],
    ['chain', 'sin(x^2)', '2*x*cos(x^2)'],
    ['chain', 'exp(-x)', '-exp(-x)'],
    ['chain', '(1 + x)^3', '3*(1 + x)^2'],
    ['elementary', 'cos(x)', '-sin(x)'],
    ['abstract-function', 'f(x)', "f'(x)"],
    ['abstract-function', 'f(x^2)', "2*x*f'(x^2)"],
  ];
  it.each(cases)('%s: d/dx %s = %s', (rule, input, expected) => {
    const d = differentiate(input, { variable: 'x' });
    expect(toText(d.result)).toBe(expected);
    expect(rulesOf(d.derivations[0]!.step).has(rule)).toBe(true);
    if (!input.includes('f(')) expectMatchesFiniteDifferences(input, 'x', 2, { a: 2.5, y: 1.5 });
  });
});

describe('every function of the table', () => {
  // Points inside each function's domain, and an inner function for the chain rule.
  /** The sample points, and points inside each bounded interval of the function's domain (asech lives in (0, 1]). */
  const pointsFor = (name: FunctionName): number[] => [
    ...samplePoints,
    // Of three or four arguments the variable is the last, inside (0, 1) for I_x(a, b).
    ...(functionTable[name].arity[0] >= 3 ? [0.15, 0.45, 0.85] : []),
    ...(functionTable[name].domain?.intervals ?? []).filter((i) => Number.isFinite(i.low) && Number.isFinite(i.high))
      .flatMap((i) => [0.21, 0.47, 0.83].map((t) => i.low + t * (i.high - i.low))),
  ];
  /** name(argument), with a fixed second argument for a function that needs two: max(x, 1/3). */
  const applied = (name: FunctionName, argument: string): string => {
    const { arity, discreteArguments, partials } = functionTable[name];
    // ζ(s) has no derivative by s: ζ(2, x) is differentiated by its second argument instead.
    if (arity[0] === 1 && oneArgumentDerivative(functionTable[name]) !== undefined) return `${name}(${argument})`;
    // Of three or four arguments: the variable goes last (x of the polynomials, m of Π), whole numbers at 1, the others at 1/3.
    if (arity[0] >= 3) return `${name}(${partials!.map((_, i) => (i === arity[0] - 1 ? argument : discreteArguments?.includes(i) ? '1' : '1/3')).join(', ')})`;
    // polygamma(n, x) takes a whole number first, and lowergamma(a, x) has no partial by a: the variable goes second.
    // A whole-number argument with few values at which the function is real (W's branch) takes the first.
    const { realOnlyAt } = functionTable[name];
    if (realOnlyAt) return `${name}(${realOnlyAt.values[0]}, ${argument})`;
    return discreteArguments?.includes(0) ? `${name}(1, ${argument})` : partials?.[0] === null ? `${name}(2, ${argument})` : `${name}(${argument}, 1/3)`;
  };
  for (const name of functionNames) {
    it(`${name}: d/dx ${applied(name, 'x')} and ${applied(name, '2x/5 + 1/3')} agree with finite differences`, () => {
      expectMatchesFiniteDifferences(applied(name, 'x'), 'x', 3, {}, pointsFor(name));
      expectMatchesFiniteDifferences(applied(name, '2x/5 + 1/3'), 'x', 2);
      const step = differentiate(applied(name, 'x')).derivations[0]!.step;
      expect(step.rule).toBe(functionTable[name].rule.id);
      const chained = differentiate(applied(name, 'x^2 + 1')).derivations[0]!.step;
      expect(chained.rule).toBe('chain');
    });
  }

  it('refuses to differentiate a function by an argument that takes whole numbers only', () => {
    expect(() => differentiate('polygamma(x, 2)')).toThrow(/polygamma takes a whole number as argument 1/);
  });

  const byEach = (name: FunctionName): boolean => !functionTable[name].discreteArguments && functionTable[name].partials?.[0] !== null;
  it.each(functionNames.filter((name) => functionTable[name].arity[1] === 2 && functionTable[name].rule.id === 'elementary' && byEach(name)))(
    '%s: the chain rule for several arguments agrees with finite differences', (name) => {
      expectMatchesFiniteDifferences(`${name}(x^2 - 1, 3x/4 + 1/2)`, 'x', 3);
      expect(differentiate(`${name}(x^2 - 1, 3x/4 + 1/2)`).derivations[0]!.step.rule).toBe('several-arguments');
    });

  it.each([
    ['sin(x)', 'cos(x)'], ['cos(x)', '-sin(x)'], ['tan(x)', 'sec(x)^2'], ['sec(x)', 'sec(x)*tan(x)'],
    ['csc(x)', '-cot(x)*csc(x)'], ['cot(x)', '-csc(x)^2'], ['asin(x)', '1/sqrt(1 - x^2)'],
    ['acos(x)', '-1/sqrt(1 - x^2)'], ['atan(x)', '1/(1 + x^2)'], ['sinh(x)', 'cosh(x)'], ['cosh(x)', 'sinh(x)'],
    ['tanh(x)', '1 - tanh(x)^2'], ['asinh(x)', '1/sqrt(x^2 + 1)'], ['acosh(x)', '1/sqrt(x^2 - 1)'],
    ['atanh(x)', '1/(1 - x^2)'], ['sigmoid(x)', 'sigmoid(x)*(1 - sigmoid(x))'], ['softplus(x)', 'sigmoid(x)'],
    ['sech(x)', '-sech(x)*tanh(x)'], ['csch(x)', '-coth(x)*csch(x)'], ['coth(x)', '1 - coth(x)^2'],
    ['asec(x)', '1/(abs(x)*sqrt(x^2 - 1))'], ['acsc(x)', '-1/(abs(x)*sqrt(x^2 - 1))'], ['acot(x)', '-1/(1 + x^2)'],
    ['asech(x)', '-1/(x*sqrt(1 - x^2))'], ['acsch(x)', '-1/(abs(x)*sqrt(1 + x^2))'], ['acoth(x)', '1/(1 - x^2)'],
    ['arcsec(x)', '1/(abs(x)*sqrt(x^2 - 1))'], ['arsech(x)', '-1/(x*sqrt(1 - x^2))'], ['arcoth(x)', '1/(1 - x^2)'],
    ['sqrt(x)', '1/(2*sqrt(x))'], ['cbrt(x)', '1/(3*cbrt(x)^2)'], ['abs(x)', 'sign(x)'], ['log2(x)', '1/(x*log(2))'],
  ])('d/dx %s = %s', (input, expected) => expect(derivativeText(input)).toBe(expected));
});

describe('the step tree', () => {
  it('records the quotient rule with its bindings and substeps for 1/(1+e^(−x))', () => {
    const step = differentiate('1/(1+exp(-x))').derivations[0]!.step;
    expect(step.rule).toBe('quotient');
    if (step.rule !== 'quotient') return;
    expect(toUnicode(step.bindings.u)).toBe('1');
    expect(toUnicode(step.bindings.v)).toBe('1 + e^(−x)');
    const [du, dv] = step.substeps;
    expect(du!.rule).toBe('constant');
    expect(dv!.rule).toBe('sum');
    const chain = dv!.substeps[1]!;
    expect(chain.rule).toBe('chain');
    if (chain.rule !== 'chain') return;
    expect(toUnicode(chain.bindings.outer)).toBe('e^u');
    expect(toUnicode(chain.bindings.u)).toBe('−x');
    expect(chain.substeps.map((s) => s.rule)).toEqual(['exponential', 'negation']);
    expect(toText(chain.substeps[1]!.result)).toBe('-1');
  });

  it('gives every step a result that is the derivative of its expression', () => {
    const walk = (step: DiffStep): void => {
      if (step.variable === 'x') {
        for (const point of [0.4, 1.7]) {
          const c = compareAt(step.expr, step.result, 'x', point);
          if (c) expect(close(c.symbolic, c.numeric, 1e-6)).toBe(true);
        }
      }
      step.substeps.forEach(walk);
    };
    walk(differentiate('x^2*sin(3x)/(1 + exp(-x)) + log(x, 3)^2').derivations[0]!.step);
  });

  it('picks a placeholder that does not clash with the user\'s variables', () => {
    const step = differentiate('sin(u*x)', { variable: 'x' }).derivations[0]!.step;
    expect(step.rule === 'chain' && step.bindings.placeholder).toBe('w');
  });

  it('differentiates shared subexpressions once', () => {
    const shared = parse('sin(x^2)');
    const d = differentiate(build.add([shared, build.mul([build.int(3), shared])]));
    const [first, second] = d.derivations[0]!.step.substeps;
    // The second term is 3·shared: its inner step is the very step object of the first term.
    expect(second!.substeps[0]).toBe(first);
  });
});

describe('partial derivatives and higher orders', () => {
  it('differentiates with respect to any variable', () => {
    expect(derivativeText('x^2*y^3', 'y')).toBe('3*x^2*y^2');
    expect(derivativeText('x^2*y^3', 'x')).toBe('2*x*y^3');
    expect(derivativeText('sigmoid(w*x + b)', 'w')).toBe('x*sigmoid(w*x + b)*(1 - sigmoid(w*x + b))');
    expectMatchesFiniteDifferences('sigmoid(w*x + b)', 'w', 3, { x: 0.7, b: -0.3 });
  });

  it('differentiates n times', () => {
    expect(toText(differentiate('x^5', { order: 3 }).result)).toBe('60*x^2');
    expect(toText(differentiate('sin(x)', { order: 4 }).result)).toBe('sin(x)');
    expect(toText(differentiate('x^2', { order: 0 }).result)).toBe('x^2');
    expect(differentiate('x^3', { order: 2 }).derivations).toHaveLength(2);
  });

  it('agrees with finite differences at order 2', () => {
    const second = differentiate('x^3*exp(-x)', { order: 2 });
    const first = differentiate('x^3*exp(-x)', { order: 1 });
    for (const point of [0.5, 1.5, 2.5]) {
      const c = compareAt(first.result, second.result, 'x', point)!;
      expect(close(c.symbolic, c.numeric, 1e-6)).toBe(true);
    }
  });

  it('chooses x, else the only variable, and asks when it cannot choose', () => {
    expect(differentiate('x*y').variable).toBe('x');
    expect(differentiate('t^2').variable).toBe('t');
    expect(differentiate('42').variable).toBe('x');
    expect(() => differentiate('a*b')).toThrow(/several variables \(a, b\)/);
  });

  it('rejects a bad order and a result past the size limit', () => {
    expect(() => differentiate('x', { order: -1 })).toThrow(/whole number/);
    expect(() => differentiate('x*exp(x)', { order: 5000 })).toThrow(/above the limit of 1000, and the first 1000 derivatives do not repeat/);
    expect(() => differentiate('x^x', { order: 6, maxNodes: 100 })).toThrow(/more than the limit of 100/);
  });
});

describe('tidying', () => {
  it.each([
    ['x*1', '1'], ['0*x + x', '1'], ['x + 0', '1'], ['2*3*x', '6'], ['x^1', '1'], ['--x', '1'],
  ])('d/dx %s is %s, not an absurd form', (input, expected) => expect(derivativeText(input)).toBe(expected));

  it('can be turned off', () => {
    expect(toText(differentiate('1/(1+exp(-x))', { simplify: false }).result))
      .toBe('(0*(1 + exp(-x)) - 1*(0 + exp(-x)*(-1)))/(1 + exp(-x))^2');
  });

  it('prints the sigmoid derivative in every notation', () => {
    const result = differentiate('1/(1+exp(-x))', { form: 'exp' }).result;
    expect(toText(result)).toBe('exp(-x)/(1 + exp(-x))^2');
    expect(toUnicode(result)).toBe('e^(−x)/(1 + e^(−x))²');
    expect(toLatex(result)).toBe('\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}');
    expectRenders(toLatex(result));
  });
});

describe('equal parts', () => {
  it('are differentiated once, even when typed twice', () => {
    const d = differentiate('sin(x^2)*sin(x^2) + (1 + e^(-x))/(1 + e^(-x))^2');
    // Every step of the tree, grouped by the part it differentiates.
    const byPart = new Map<string, Set<DiffStep>>();
    const stack: DiffStep[] = [d.derivations[0]!.step];
    while (stack.length > 0) {
      const step = stack.pop()!;
      const key = toText(step.expr);
      byPart.set(key, (byPart.get(key) ?? new Set()).add(step));
      stack.push(...step.substeps);
    }
    for (const part of ['sin(x^2)', '1 + exp(-x)', 'exp(-x)']) expect(byPart.get(part)?.size, part).toBe(1);
    expect([...byPart.values()].every((steps) => steps.size === 1)).toBe(true);
  });
});
