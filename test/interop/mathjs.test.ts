import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unlessNoValue } from '../helpers/no-value.js';
import { create, all, parse as mathParse, type MathNode } from 'mathjs';
import { parse } from '../../src/parse/parse.js';
import { fromMathjs, toMathjs } from '../../src/mathjs.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { equals, postOrder } from '../../src/expr/traverse.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { toText } from '../../src/print/linear.js';
import { InputError } from '../../src/errors.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { functionTable } from '../../src/functions/table.js';
import { close, isWellConditioned, largestPart } from '../helpers/numeric.js';
import { mathjsEvaluatesExactly } from '../helpers/mathjs-precision.js';
import type { Expr } from '../../src/expr/types.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);
const env = { x: 0.7, y: -1.3, theta: 0.4, w1: 2.2 };
/** mathjs answering NaN, not complex numbers, for real-undefined values. */
const real = create(all!, { predictable: true });
const complex = create(all!);

const value = (f: () => unknown): number => {
  try {
    const v = f();
    return typeof v === 'number' ? v : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

/** Trees whose every construct mathjs has: no function mathjs lacks (σ, softplus, relu: written out), no f′. */
const shared = (e: Expr): boolean => postOrder(e).every((n) => !(n.kind === 'call' && functionTable[n.name].code.mathjs === undefined) && !(n.kind === 'apply' && n.orders.some((o) => o > 0)));

describe('mathjs interop', () => {
  it('round-trips every tree both have: fromMathjs(toMathjs(e)) equals e', () => {
    fc.assert(fc.property(expressionTree().filter(shared), (e) => {
      expect(equals(fromMathjs(toMathjs(e)), e), toText(e)).toBe(true);
    }), { numRuns: runs });
  });

  it('hands mathjs nodes it evaluates to the values dydx computes', () => {
    let compared = 0;
    // σ and softplus written out lose digits far out (log(1 + 6·10⁻⁸)): they are checked on their own below.
    fc.assert(fc.property(expressionTree({ abstract: false }).filter((e) => shared(e) && mathjsEvaluatesExactly(e)), (e) => {
      const ours = value(() => evaluate(e, env));
      const theirs = value(() => toMathjs(e).compile().evaluate({ ...env }));
      if (!Number.isFinite(ours) || !Number.isFinite(theirs) || largestPart(e, env) > 1e9 || !isWellConditioned(e, env)) return;
      compared++;
      expect(close(ours, theirs, 1e-9), `${toText(e)}: ${ours} vs ${theirs}`).toBe(true);
    }), { numRuns: runs });
    expect(compared).toBeGreaterThan(runs / 4);
  });

  it('reads what mathjs parses', () => {
    const cases: [string, string][] = [
      ['1/(1+exp(-x))', '1/(1 + exp(-x))'],
      ['2.5x^2 - 3x + 1', '2.5*x^2 - 3*x + 1'],
      ['log(x, 2) + ln(y)', 'log(x, 2) + log(y)'],
      ['sin(pi*x)*e^x', 'sin(pi*x)*exp(x)'],
      ['+x', 'x'],
      ['f(x^2)', 'f(x^2)'],
      ['1.5e-7*x', '0.00000015*x'],
    ];
    for (const [mathjs, dydx] of cases) expect(toText(fromMathjs(mathParse(mathjs))), mathjs).toBe(dydx);
  });

  it('keeps decimals exact: 0.1 read from mathjs is one tenth', () => {
    expect(equals(fromMathjs(mathParse('0.1 + 0.2')), parse('0.1 + 0.2'))).toBe(true);
    expect(toText(differentiate(fromMathjs(mathParse('0.1*x + 0.2*x'))).result)).toBe('0.3');
  });

  it('writes σ and softplus out for mathjs, and keeps 1/3 exact', () => {
    const sigma = toMathjs(parse('sigmoid(2x)'));
    expect(sigma.compile().evaluate({ x: 0.3 })).toBeCloseTo(1 / (1 + Math.exp(-0.6)), 15);
    expect(toMathjs(parse('softplus(x)')).toString()).toBe('log(1 + exp(x))');
    for (const x of [-3, -0.5, 0, 0.8, 4]) {
      expect(toMathjs(parse('softplus(x)')).compile().evaluate({ x })).toBeCloseTo(Math.log(1 + Math.exp(x)), 14);
    }
    expect(toMathjs(parse('x/3 + 1/3')).toString()).toMatch(/1 \/ 3/);
  });

  it('names what has no counterpart', () => {
    const fails = (node: MathNode, message: RegExp): void => {
      expect(() => fromMathjs(node)).toThrow(InputError);
      expect(() => fromMathjs(node)).toThrow(message);
    };
    fails(mathParse('x == 1'), /operator '=='/);
    fails(mathParse('lcm(x, 2)'), /function 'lcm'/);
    fails(mathParse('[1, 2]'), /ArrayNode/);
    fails(mathParse('2 + 3i'), /symbol 'i'/);
    fails(mathParse('x!'), /operator '!'/);
    fails(mathParse('sin(x, y)'), /sin takes 1 argument, not 2/);
    expect(() => toMathjs(parse("f'(x)"))).toThrow(/no mathjs form/);
  });

  it('converts 10,000 levels deep both ways without overflowing the stack', () => {
    let node: MathNode = mathParse('x');
    for (let i = 0; i < 10_000; i++) node = mathParse('sin(a)').transform((n) => (n.type === 'SymbolNode' && (n as unknown as { name: string }).name === 'a' ? node : n));
    const tree = fromMathjs(node);
    expect(equals(fromMathjs(toMathjs(tree)), tree)).toBe(true);
  });

  it('agrees with complex-step derivatives through mathjs, exact to rounding', () => {
    // f′(x) = Im f(x + ih)/h for analytic f: no subtraction, so no cancellation.
    const h = 1e-20;
    let compared = 0;
    // Analytic, and with a mathjs complex implementation accurate at tiny imaginary parts (its asin, acos, atan are not,
    // nor asec, acsc and acot, which it takes through them).
    // Functions with kinks or jumps (|x|, sign, max, relu) are not analytic.
    const inaccurate = ['abs', 'cbrt', 'asin', 'acos', 'atan', 'asec', 'acsc', 'acot'];
    const analytic = (e: Expr): boolean => postOrder(e).every((n) => !(n.kind === 'call' && (inaccurate.includes(n.name) || functionTable[n.name].notDifferentiable))
      && !(n.kind === 'pow' && n.exponent.kind === 'num' && n.exponent.value.d !== 1n));
    fc.assert(fc.property(expressionTree({ abstract: false, depth: 4 }).filter(analytic), (e) => {
      let f: ReturnType<MathNode['compile']>;
      try {
        f = toMathjs(e).compile();
      } catch {
        // A function mathjs lacks, with no closed form in those it has (polygamma).
        return;
      }
      const z = value(() => {
        const out = f.evaluate({ ...env, x: complex.complex(env.x, h) }) as { im: number } | number;
        return typeof out === 'number' ? 0 : out.im / h;
      });
      const derivative = unlessNoValue(() => differentiate(e, { variable: 'x' }).result);
      const ours = value(() => evaluate(derivative, env));
      const plain = value(() => real.evaluate(toText(e), { ...env }));
      // mathjs takes z^n through the complex logarithm: for a negative base its rounding swamps h.
      if (!postOrder(e).every((n) => n.kind !== 'pow' || value(() => evaluate(n.base, env)) > 0)) return;
      // The derivative's own conditioning too: atanh(tanh(a)·tanh(b)) is tame, its derivative divides by 1 − (≈1)².
      if (!Number.isFinite(z) || !Number.isFinite(ours) || !Number.isFinite(plain) || largestPart(e, env) > 1e6
        || !isWellConditioned(e, env) || !isWellConditioned(derivative, env)) return;
      compared++;
      expect(close(ours, z, 1e-6), `d/dx ${toText(e)}: ${ours} vs complex step ${z}`).toBe(true);
    }), { numRuns: runs });
    expect(compared).toBeGreaterThan(runs / 5);
  });
});
