import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { polyGcd } from '../../src/algebra/poly-gcd.js';
import { mulPoly, polyEquals, type Poly } from '../../src/algebra/poly.js';
import { polyExpr } from '../../src/algebra/to-expr.js';
import { toText } from '../../src/print/linear.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { polynomialOf } from '../helpers/polynomials.js';

const poly = (text: string): Poly => polynomialOf(text)!.poly;

/** The gcd of two polynomials written as text, written back as text (undefined when it is a number). */
function gcdOf(a: string, b: string): string | undefined {
  const g = polyGcd(poly(a), poly(b))!;
  const text = toText(polyExpr(g.gcd));
  return /^-?\d+$/.test(text) ? undefined : text;
}

describe('the gcd of polynomials', () => {
  it('finds the common factor in one atom, whatever the coefficients', () => {
    expect(gcdOf('x^3 + 2x^2 - x - 2', 'x^3 + 4x^2 + 5x + 2')).toBe('x^2 + 3*x + 2');
    expect(gcdOf('(x^2 - 1)*(x + 3)', '(x - 1)*(x + 3)*(x^2 + 1)')).toBe('x^2 + 2*x - 3');
    expect(gcdOf('2x^2 - 2', '3x - 3')).toBe('x - 1');
    expect(gcdOf('6x^2 - 6', '-4x + 4')).toBe('2*x - 2');
  });

  it('says when there is none', () => {
    expect(gcdOf('x^2 + 1', 'x - 1')).toBeUndefined();
    expect(gcdOf('x^40 + 2x^20 + 3', 'x^39 + 5x^3 + 7')).toBeUndefined();
  });

  it('finds common factors in several atoms, and of atoms under roots', () => {
    expect(gcdOf('(x + y)*(x - y)', '(x + y)^2')).toBe('x + y');
    expect(gcdOf('(x*y + 1)*(x^2 + y^2 + 1)', '(x^2 + y^2 + 1)^2*(x - 3*y)')).toBe('x^2 + y^2 + 1');
    expect(gcdOf('(sin(x) + x*y)*(y - 1)', '(sin(x) + x*y)*(y + 1)')).toBe('x*y + sin(x)');
    // 1 + √x divides x − 1.
    expect(gcdOf('1 + sqrt(x)', 'x - 1')).toBe('sqrt(x) + 1');
    expect(gcdOf('x^2*y + x*y^2', 'x^3*y')).toBe('x*y');
  });

  it('keeps the coefficients small on the way, so a degree of 100 is no work', () => {
    expect(gcdOf('x^100 + 2x^50 + 3', 'x^99 + 5x^3 + 7')).toBeUndefined();
    expect(gcdOf('(x^60 + 1)*(x^3 - 2)', '(x^61 + x + 1)*(x^3 - 2)')).toBe('x^3 - 2');
    expect(toText(differentiate('(x^40+2*x^20+3)/(x^39+5*x^3+7)').result)).toMatch(/^\(x\^78 - 38\*x\^58/);
  });

  it('divides both into their cofactors, and holds every common factor, over random polynomials in three variables', () => {
    const term = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.nat(3), fc.nat(3), fc.nat(2));
    const polynomial = fc.array(term, { minLength: 1, maxLength: 4 }).map((terms) =>
      terms.map(([c, i, j, k]) => `${c}*x^${i}*y^${j}*z^${k}`).join(' + '))
      .filter((text) => polynomialOf(text)!.poly.monomials.length > 0);
    fc.assert(fc.property(polynomial, polynomial, polynomial, (f, g, h) => {
      const a = mulPoly(poly(f), poly(h));
      const b = mulPoly(poly(g), poly(h));
      const { gcd, cofactorA, cofactorB } = polyGcd(a, b)!;
      expect(polyEquals(mulPoly(gcd, cofactorA), a)).toBe(true);
      expect(polyEquals(mulPoly(gcd, cofactorB), b)).toBe(true);
      // h divides the gcd: the gcd of (gcd, h) is h itself, up to a number.
      const withH = polyGcd(gcd, poly(h))!;
      expect(withH.cofactorB.monomials.length === 1 && withH.cofactorB.monomials[0]!.keys.length === 0).toBe(true);
    }), { numRuns: 200 });
  });
});

describe('the tables of work', () => {
  it('are emptied by forgetWork between pieces of work, and the answers stay the same', async () => {
    const { forgetWork } = await import('../../src/errors.js');
    const { monomialGeneration } = await import('../../src/algebra/monomial.js');
    const before = toText(differentiate('(x^2 - 1)/(x - 1)^3 + exp(2*x)/(1 + exp(x))').result);
    const generation = monomialGeneration();
    forgetWork();
    expect(monomialGeneration()).toBe(generation + 1);
    expect(toText(differentiate('(x^2 - 1)/(x - 1)^3 + exp(2*x)/(1 + exp(x))').result)).toBe(before);
  });
});
