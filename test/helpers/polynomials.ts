import type { Expr } from '../../src/expr/types.js';
import { parse } from '../../src/parse/parse.js';
import { normalForm } from '../../src/algebra/normal-form.js';
import { polynomialOverNumber } from '../../src/algebra/factored.js';
import { univariateOf } from '../../src/algebra/univariate.js';
import { toBig } from '../../src/algebra/integer.js';
import type { Poly } from '../../src/algebra/poly.js';

/** An expression multiplied out as a polynomial with whole coefficients over a number (undefined when it is no polynomial). */
export function polynomialOf(e: Expr | string): { poly: Poly; denominator: bigint } | undefined {
  const p = polynomialOverNumber(normalForm(typeof e === 'string' ? parse(e) : e));
  return p && { poly: p.poly, denominator: toBig(p.denominator) };
}

/** The coefficients by degree of an expression that is a polynomial in one atom, as fractions n/denominator. */
export function coefficientsOf(e: Expr | string): { atom: Expr | undefined; numerators: bigint[]; denominator: bigint } | undefined {
  const p = polynomialOf(e);
  const u = p && univariateOf(p.poly);
  return u && { atom: u.atom, numerators: u.coefficients.map(toBig), denominator: p.denominator };
}
