import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { compile, maxCompiledNodes } from '../../src/evaluate/compile.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { standInsFor } from '../../src/check/check.js';
import { add, int, mul, variable, call } from '../../src/expr/factory.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { toText } from '../../src/print/linear.js';
import type { Expr } from '../../src/expr/types.js';
import { functionNames, functionTable } from '../../src/functions/table.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);
const env = { x: 0.7, y: -1.3, theta: 0.4, w1: 2.2 };

describe('a function of an argument with no real value', () => {
  it('has none, evaluated or compiled, for every function of the table and each of its arguments', () => {
    // √y at y = −1 is no real number; C₀⁽⁰⁾(u), besselj(u, 0) and their kin are numbers for every real u only.
    const none = call('sqrt', [variable('y')]);
    for (const name of functionNames) {
      const count = Math.max(1, functionTable[name].arity[0]);
      for (let i = 0; i < count; i++) {
        const e = call(name, Array.from({ length: count }, (_, k) => (k === i ? none : int(0))));
        expect(evaluate(e, { y: -1 }), `${toText(e)} evaluated`).toBeNaN();
        expect(compile(e)({ y: -1 }), `${toText(e)} compiled`).toBeNaN();
      }
    }
  });
});

describe('compiled expressions', () => {
  it('give exactly the values the evaluator gives, on random trees', () => {
    fc.assert(fc.property(expressionTree(), fc.double({ min: -3, max: 3, noNaN: true }), (e, x) => {
      const at = { ...env, x };
      const compiled = compile(e, { functions: standInsFor(e) })(at);
      const walked = evaluate(e, at, { functions: standInsFor(e) });
      expect(Object.is(compiled, walked) || (Number.isNaN(compiled) && Number.isNaN(walked)), `${toText(e)} at x = ${x}: ${compiled} vs ${walked}`).toBe(true);
    }), { numRuns: runs });
  });

  it('keep the sign of zero as the evaluator does', () => {
    const e = parse('e*(x + x)');
    expect(Object.is(compile(e)({ x: -0 }), -0)).toBe(true);
    expect(Object.is(evaluate(e, { x: -0 }), -0)).toBe(true);
  });

  it('name the variables they read, and say which one is missing', () => {
    const f = compile(parse('w*x + b'));
    expect([...f.variables].sort()).toEqual(['b', 'w', 'x']);
    expect(f({ w: 2, x: 3, b: 1 })).toBe(7);
    expect(() => f({ w: 2, x: 3 })).toThrow("no value for variable 'b'");
  });

  it('take real odd roots of negatives and answer NaN where undefined', () => {
    expect(compile(parse('x^(1/3)'))({ x: -8 })).toBeCloseTo(-2, 12);
    expect(compile(parse('x^(2/3)'))({ x: -8 })).toBeCloseTo(4, 12);
    expect(compile(parse('log(x)'))({ x: -1 })).toBeNaN();
    expect(compile(parse('x - -2'))({ x: 1 })).toBe(3);
  });

  it('evaluate abstract functions only when given them', () => {
    expect(compile(parse("f'(x)"), { functions: standInsFor(parse("f'(x)")) })({ x: 2 })).toBeCloseTo(0.5 * Math.exp(1), 14);
    expect(() => compile(parse('f(x)'))({ x: 1 })).toThrow(/abstract function 'f'/);
  });

  it('work for trees past the compiled size and 10,000 levels deep', () => {
    const wide = add(Array.from({ length: maxCompiledNodes }, (_, i) => mul([int(i + 1), variable('x')])));
    expect(compile(wide)({ x: 1 })).toBe((maxCompiledNodes * (maxCompiledNodes + 1)) / 2);
    let deep: Expr = variable('x');
    for (let i = 0; i < 10_000; i++) deep = call('sin', [deep]);
    const expected = Array.from({ length: 10_000 }).reduce<number>((v) => Math.sin(v), 0.5);
    expect(compile(deep)({ x: 0.5 })).toBe(expected);
    expect(evaluate(deep, { x: 0.5 })).toBe(expected);
  });
});
