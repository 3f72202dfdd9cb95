import { describe, expect, it } from 'vitest';
import { univariateGcd } from '../../src/algebra/univariate.js';
import { toRationalFunction } from '../../src/algebra/rational-function.js';
import { polynomialToExpr } from '../../src/algebra/to-expr.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { differentiate } from '../../src/differentiate/differentiate.js';

/** The gcd of two polynomials written as text, written back as text (undefined when it is a number). */
function gcdOf(a: string, b: string): string | undefined {
  const g = univariateGcd(toRationalFunction(parse(a)).numerator, toRationalFunction(parse(b)).numerator);
  return g && toText(polynomialToExpr(g));
}

describe('the gcd of polynomials in one atom', () => {
  it('finds the common factor, whatever the coefficients', () => {
    expect(gcdOf('x^3 + 2x^2 - x - 2', 'x^3 + 4x^2 + 5x + 2')).toBe('x^2 + 3*x + 2');
    expect(gcdOf('(x^2 - 1)*(x + 3)', '(x - 1)*(x + 3)*(x^2 + 1)')).toBe('x^2 + 2*x - 3');
    expect(gcdOf('x^2/3 - 1/3', 'x/2 - 1/2')).toBe('x - 1');
    expect(gcdOf('6x^2 - 6', '-4x + 4')).toBe('x - 1');
  });

  it('says when there is none', () => {
    expect(gcdOf('x^2 + 1', 'x - 1')).toBeUndefined();
    expect(gcdOf('x^40 + 2x^20 + 3', 'x^39 + 5x^3 + 7')).toBeUndefined();
  });

  it('keeps the coefficients small on the way, so a degree of 100 is no work', () => {
    // Over the rationals the remainders' coefficients grow without bound: degree 40 takes minutes that way.
    expect(gcdOf('x^100 + 2x^50 + 3', 'x^99 + 5x^3 + 7')).toBeUndefined();
    expect(gcdOf('(x^60 + 1)*(x^3 - 2)', '(x^61 + x + 1)*(x^3 - 2)')).toBe('x^3 - 2');
    expect(toText(differentiate('(x^40+2*x^20+3)/(x^39+5*x^3+7)').result)).toMatch(/^\(x\^78 - 38\*x\^58/);
  });
});
