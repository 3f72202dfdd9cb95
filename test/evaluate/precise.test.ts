import { describe, expect, it } from 'vitest';
import { functionNames, functionTable, type FunctionName } from '../../src/functions/table.js';
import { call, int, variable } from '../../src/expr/factory.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { NoPreciseValue, PreciseEvaluator } from '../../src/evaluate/precise.js';
import { relativeError } from '../../src/check/check.js';
import { parse } from '../../src/parse/parse.js';

/* Values in arbitrary precision: the same as in doubles wherever doubles have them, to their digits. */

const points = [-7.3, -2.9, -1.7, -0.93, -0.41, -0.06, 0.03, 0.27, 0.44, 0.58, 0.71, 0.97, 1.08, 1.6, 2.4, 4.1, 9.6];
const p = new PreciseEvaluator(40);
const x = variable('x');

/**
 * The functions whose values rest on one that decimal.js lacks and that has no definition in
 * others (erf, Γ, polygamma, the Bessel functions): no precise value and no definition, or a
 * definition that uses such a function.
 */
function restsOnMissing(name: FunctionName): boolean {
  const uses = (t: unknown): boolean => (typeof t === 'string' ? t in functionTable && t !== name && restsOnMissing(t as FunctionName) : Array.isArray(t) && t.some(uses));
  const entry = functionTable[name];
  return !entry.precise && (entry.definition === undefined || uses(entry.definition));
}

describe('precise values', () => {
  it.each(functionNames.filter((name) => !restsOnMissing(name)))('%s agrees with its double value wherever that is finite, and is NaN where that is', (name) => {
    const { arity, discreteArguments } = functionTable[name];
    // A second argument where one is needed, or where the first takes whole numbers only (polygamma's order).
    const args = arity[0] >= 2 || (discreteArguments ?? []).length > 0 ? [x, int(2)] : [x];
    let compared = 0;
    for (const t of points) {
      const e = call(name, args);
      const double = evaluate(e, { x: t });
      const precise = p.evaluate(e, { x: p.number(t) });
      if (Number.isNaN(double)) {
        expect(precise.isFinite(), `${name}(${t})`).toBe(false);
        continue;
      }
      expect(relativeError(precise.toNumber(), double, 1e-300), `${name}(${t}): ${precise} vs ${double}`).toBeLessThan(1e-13);
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });

  it('has no value for erf, Γ, polygamma and abstract functions, rather than a wrong one', () => {
    for (const text of ['erf(x)', 'gamma(x)', 'gelu(x)', 'f(x)', 'besselj0(x)', 'lambertw(x)', 'erfcinv(x)']) {
      expect(() => p.evaluate(parse(text), { x: p.number(0.5) }), text).toThrow(NoPreciseValue);
    }
  });

  it('keeps the real domain: odd roots of negatives are real, 0 to a negative power and logs of negatives have no value', () => {
    expect(p.evaluate(parse('x^(1/3)'), { x: p.number(-8) }).toNumber()).toBe(-2);
    expect(p.evaluate(parse('x^(2/3)'), { x: p.number(-8) }).toNumber()).toBe(4);
    expect(p.evaluate(parse('x^(1/2)'), { x: p.number(-4) }).isNaN()).toBe(true);
    expect(p.evaluate(parse('x^(-1)'), { x: p.number(0) }).isFinite()).toBe(false);
    expect(p.evaluate(parse('log(x)'), { x: p.number(-1) }).isNaN()).toBe(true);
  });

  it('resolves what doubles lose: 10¹⁶ + x and 1.5¹⁰⁰⁰ exactly to its digits', () => {
    expect(p.evaluate(parse('1e16 + x'), { x: p.number('0.5') }).toString()).toBe('10000000000000000.5');
    const big = new PreciseEvaluator(200).evaluate(parse('1.5^1000'), {});
    expect(big.toFixed(0).slice(0, 11)).toBe('12338405969');
    expect(relativeError(big.toNumber(), 1.5 ** 1000)).toBeLessThan(1e-14);
  });
});
