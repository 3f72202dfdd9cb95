import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { normalForm } from '../../src/algebra/normal-form.js';
import { expandFactored, splitFraction } from '../../src/algebra/factored.js';
import { polyGcd } from '../../src/algebra/poly-gcd.js';
import { isUnit } from '../../src/algebra/monomial.js';
import { toText } from '../../src/print/linear.js';
import type { Expr } from '../../src/expr/types.js';
import { parse } from '../../src/parse/parse.js';
import { normalToExpr } from '../../src/simplify/written-form.js';
import { evaluate } from '../../src/evaluate/evaluate.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 100);

/** A polynomial in x (and y) with small whole coefficients, as text. */
const polynomial = (variables: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.integer({ min: -6, max: 6 }).filter((c) => c !== 0), ...variables.map(() => fc.nat(3))), { minLength: 1, maxLength: 4 })
    .map((terms) => terms.map(([c, ...powers]) => [String(c), ...variables.map((v, i) => `${v}^${powers[i]}`)].join('*')).join(' + '));

/** An expression's normal form, written as the simplifier writes it. */
const written = (input: string): Expr => normalToExpr(normalForm(parse(input)), 'auto');
const normal = (input: string): string => toText(written(input));

/** Each input's written normal form has the input's value at each of these points of x. */
function expectSameValues(inputs: readonly string[], points: readonly number[]): void {
  for (const input of inputs) {
    for (const x of points) expect(evaluate(written(input), { x }), input).toBeCloseTo(evaluate(parse(input), { x }), 10);
  }
}

/** Whether the numerator and denominator of e's normal form, multiplied out, share no factor but a number. */
function inLowestTerms(e: Expr): boolean {
  const { numerator, denominator } = splitFraction(normalForm(e));
  const top = expandFactored(numerator);
  const bottom = expandFactored(denominator);
  if (!top || !bottom) return true;
  const g = polyGcd(top, bottom);
  return g === undefined || g.gcd.monomials.every((m) => isUnit(m));
}

describe('answers in lowest terms', () => {
  it('differentiating a random rational function gives an answer whose numerator and denominator have no common factor', () => {
    let compared = 0;
    fc.assert(fc.property(polynomial(['x']), polynomial(['x']), polynomial(['x']), fc.integer({ min: 1, max: 3 }), (p, q, r, k) => {
      let answer: Expr;
      try {
        // (p·r)/(q·r)^k shares r between numerator and denominator before it is differentiated.
        answer = differentiate(`((${p})*(${r}))/((${q})*(${r}))^${k}`, { variable: 'x', maxNodes: 100_000 }).result;
      } catch {
        return;
      }
      compared++;
      expect(inLowestTerms(answer), toText(answer)).toBe(true);
    }), { numRuns: runs });
    expect(compared).toBeGreaterThan(runs / 2);
  });

  it('cancels a whole number above the bar against its root below it', () => {
    expect(normal('2/sqrt(2)')).toBe('sqrt(2)');
    expect(normal('6*x/sqrt(3)')).toBe('2*x*sqrt(3)');
    expect(normal('4/cbrt(2)')).toBe('2*cbrt(2)^2');
    // Nothing to cancel: the root stays below.
    expect(normal('3/sqrt(2)')).toBe('3/sqrt(2)');
    expect(normal('1/sqrt(2)')).toBe('1/sqrt(2)');
  });

  it('cancels a polynomial against its root where the root keeps it written the other way round', () => {
    // 1 − x² is kept as written under the root; elsewhere it is −(x² − 1).
    expect(normal('(1 - x^2)/sqrt(1 - x^2)')).toBe('sqrt(1 - x^2)');
    expect(normal('(x - 1)/sqrt(1 - x)')).toBe('-sqrt(1 - x)');
    expect(normal('(2 - 2*x)^2/sqrt(1 - x)')).toBe('4*sqrt(1 - x)^3');
    expect(normal('sqrt(4 - x^2)/(x^2 - 4)')).toBe('-1/sqrt(4 - x^2)');
    // Not a multiple: nothing to join.
    expect(normal('(1 + x^2)/sqrt(1 - x^2)')).toBe('(x^2 + 1)/sqrt(1 - x^2)');
  });

  it('cancels a sum with a square root in it against the same sum', () => {
    expect(normal('(1 + x/sqrt(x^2 - 1))/(x + sqrt(x^2 - 1))')).toBe('1/sqrt(x^2 - 1)');
    expect(normal('(sqrt(x^2 + 1) - x)*(1 - x/sqrt(x^2 + 1))/(sqrt(x^2 + 1) - x)^2')).toBe('1/sqrt(x^2 + 1)');
    // A base to a whole power beside its root in another term is that power, not the root.
    expectSameValues(['2*sqrt(x)*(x + 1) + 2*x*sqrt(x + 1)', '(x + 1)^2 + sqrt(x + 1)', 'x/sqrt(x + 1) + (x + 1)*x'], [0.5, 2, 7]);
  });

  it('joins a product of the factors of a root\'s base to the root', () => {
    // x − x² is −x·(x − 1): x·(x − 1) to a whole power is one of x − x².
    expect(normal('1/(x*(x - 1)*sqrt(x - x^2))')).toBe('-1/sqrt(x - x^2)^3');
    expect(normal('x^2*(x - 1)*sqrt(x - x^2)')).toBe('-x*sqrt(x - x^2)^3');
    // Only whole times the product: x·(x − 1)² leaves an x − 1.
    expect(normal('x*(x - 1)^2*sqrt(x - x^2)')).toBe('(1 - x)*sqrt(x - x^2)^3');
    expectSameValues(['1/(x*(x - 1)*sqrt(x - x^2))', 'x^2*(x - 1)*sqrt(x - x^2)', 'x*(x - 1)^2*sqrt(x - x^2)'], [0.2, 0.5, 0.9]);
  });

  it('writes a sum over a square root in lowest terms in the root', () => {
    // (x² − 1)² beside √(1 − x²)³ is a power of 1 − x², whose root comes out of both terms.
    expect(normal('((x^2 - 1)^2 + x*sqrt(1 - x^2)^3)/(1 - x^2)^3')).toBe('(x + sqrt(1 - x^2))/sqrt(1 - x^2)^3');
    // The terms without the root are a multiple of 1 − x²: 4 + 7x² − 11x⁴ is (1 − x²)(11x² + 4), so √(1 − x²) comes out.
    expect(normal('(4 + 7*x^2 - 11*x^4 + 3*x*(2*x^2 + 3)*asin(x)*sqrt(1 - x^2))/(1 - x^2)^4'))
      .toBe('(6*x^3*asin(x) + 11*x^2*sqrt(1 - x^2) + 9*x*asin(x) + 4*sqrt(1 - x^2))/sqrt(1 - x^2)^7');
    // A square of the root, which multiplying out a base that holds it gives, is the base.
    expect(normal('sqrt(1 - x)*(2*sqrt(1 - x)*cos(x) - 1) + sin(x)')).toBe('2*cos(x) + sin(x) - 2*x*cos(x) - sqrt(1 - x)');
    // Not a multiple of 1 − x² without the root: nothing comes out.
    expect(normal('(1 + x^2 + x*sqrt(1 - x^2))/(1 - x^2)')).toBe('(x*sqrt(1 - x^2) + x^2 + 1)/(1 - x^2)');
    // Beside a sum in other functions (x·sin(x) − sin(x) − cos(x)), multiplied out into the terms.
    expect(normal('2*cos(x) - 1/(2*sqrt(1 - x)) + 2*(sin(x)*(x - 1) - cos(x))')).toBe('(4*x*sin(x)*sqrt(1 - x) - 4*sin(x)*sqrt(1 - x) - 1)/(2*sqrt(1 - x))');
    expectSameValues(['((x^2 - 1)^2 + x*sqrt(1 - x^2)^3)/(1 - x^2)^3', 'sqrt(1 - x)*(2*sqrt(1 - x)*cos(x) - 1) + sin(x)', '(2*x + 1)^2/sqrt(2*x + 1) + x*sqrt(2*x + 1)',
      '2*cos(x) - 1/(2*sqrt(1 - x)) + 2*(sin(x)*(x - 1) - cos(x))'], [0.2, 0.6, 0.9]);
  });

  it('keeps the derivatives of a quotient with a root beside other functions in lowest terms', () => {
    // The quotient rule's (x − 1)² below and the (x − 1) of each term above cancel: (x − 1)³, not (x − 1)⁴.
    const second = differentiate('(sin(x) + sqrt(1 - x))/(1 - x)', { order: 2 }).result;
    expect(toText(second)).toBe('(sin(x)*(4*x^2 - 8*x - 4) + 8*cos(x)*(x - 1) - 3*sqrt(1 - x))/(4*(x - 1)^3)');
    const third = differentiate('(log(x) + sqrt(1 - x^2))/(1 - x^2)', { order: 3 }).result;
    expect(toText(third)).toBe('(log(x)*(24*x^6 + 24*x^4) + sqrt(1 - x^2)*(6*x^6 + 9*x^4) + 2 - 6*x^2 + 30*x^4 - 26*x^6)/(x^3*(x^2 - 1)^4)');
  });

  it('writes a sum over two square roots in lowest terms in each', () => {
    // asin′ brings √(1 − x²) beside √(4 − x²): each root is an atom whose square is its base.
    expect(normal('x/sqrt(1 - x^2) + 1/sqrt(4 - x^2)')).toBe('(x*sqrt(4 - x^2) + sqrt(1 - x^2))/(sqrt(1 - x^2)*sqrt(4 - x^2))');
    expect(toText(differentiate('asin(x)/sqrt(4 - x^2)').result)).toBe('(x*asin(x)*sqrt(1 - x^2) - x^2 + 4)/(sqrt(1 - x^2)*sqrt(4 - x^2)^3)');
    const third = differentiate('asin(x)/sqrt(4 - x^2)', { order: 3 }).result;
    expect(toText(third)).toBe('(6*x*asin(x)*sqrt(1 - x^2)*(x - 1)^2*(x + 1)^2*(x^2 + 6) + 112 + 44*x^2 - 138*x^4 + 74*x^6 - 11*x^8)/(sqrt(1 - x^2)^5*sqrt(4 - x^2)^7)');
    expectSameValues(['x/sqrt(1 - x^2) + 1/sqrt(4 - x^2)', '1/(sqrt(1 - x^2)*sqrt(4 - x^2)) + x*asin(x)/sqrt(4 - x^2)^3'], [-0.7, 0.2, 0.9]);
  });

  it('and so of rational functions of two variables, by each', () => {
    fc.assert(fc.property(polynomial(['x', 'y']), polynomial(['x', 'y']), polynomial(['x', 'y']), fc.constantFrom('x', 'y'), (p, q, r, v) => {
      let answer: Expr;
      try {
        answer = differentiate(`((${p})*(${r}))/((${q})*(${r}))`, { variable: v, maxNodes: 100_000 }).result;
      } catch {
        return;
      }
      expect(inLowestTerms(answer), toText(answer)).toBe(true);
    }), { numRuns: runs });
  });

  // SymPy, where it is installed, says the same of the answers as written: its gcd of their numerator and denominator is a number.
  const sympy = spawnSync('python3', ['-c', 'import sympy'], { encoding: 'utf8' });
  it.skipIf(sympy.status !== 0)('as SymPy finds them (skipped where python3 lacks sympy)', () => {
    const inputs = [
      '1/(1+x^2)', 'x/(x^2+1)', '(x^2-1)/(x^2+1)', '(x^3 - x)/(x^2 - 2*x + 1)', '(x + 1)^3/(x^2 - 1)', '(x*y + 1)/(x^2*y^2 - 1)',
      '(2*x^2 + 3*x - 2)/(x^2 + 4*x + 4)', '1/(x^3 + 1)^2', '(x^4 - 1)/(x^3 - x)', 'x^2/(x + y)^2',
    ];
    const answers = inputs.flatMap((input) => [1, 2].map((order) => toText(differentiate(input, { variable: 'x', order }).result)));
    const script = [
      'import json, sys, sympy as sp',
      'x, y = sp.symbols("x y")',
      'bad = []',
      'for a in json.load(sys.stdin):',
      '    n, d = sp.fraction(sp.sympify(a.replace("^", "**")))',
      '    g = sp.gcd(sp.expand(n), sp.expand(d))',
      '    if g.free_symbols: bad.append([a, str(g)])',
      'print(json.dumps(bad))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(answers), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
