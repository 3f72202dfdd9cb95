import Fraction from 'fraction.js';
import { isInteger, isNegative } from '../expr/rational.js';
import type { Rational } from '../expr/types.js';
import { sameAtom } from './atoms.js';
import {
  addPolynomials, commonMonomial, divideByMonomial, integerContent, monomial,
  monomialPolynomial, multiplyPolynomials, scale, sortedTerms, type Polynomial,
} from './polynomial.js';
import { fromPolynomial, type RationalFunction } from './rational-function.js';
import { divideCoefficients, fromCoefficients, gcdCoefficients, trim, univariate, univariateGcd } from './univariate.js';

/* Cancelling a rational function: common monomials, numbers, and common factors in one atom. */

/**
 * Cancels what numerator and denominator share: a monomial (x in x²/x), a number
 * (2 in 2x/4) and, for polynomials in one atom, their greatest common divisor
 * ((x² − 1)/(x − 1) is x + 1). Negative exponents move below the fraction bar.
 */
export function cancel(r: RationalFunction): RationalFunction {
  if (r.numerator.size === 0) return fromPolynomial(new Map());
  let { numerator, denominator } = shiftMonomials(r);
  const divisor = univariateGcd(numerator, denominator);
  if (divisor) {
    numerator = exactQuotient(numerator, divisor);
    denominator = exactQuotient(denominator, divisor);
  } else {
    ({ numerator, denominator } = cancelFactorsInOneAtom(numerator, denominator));
  }
  // The denominator's leading coefficient becomes 1, or its integer content 1.
  const lead = sortedTerms(denominator)[0]!.coefficient;
  const content = denominator.size === 1 ? lead : integerContent(denominator, lead);
  return { numerator: scale(numerator, content.inverse()), denominator: scale(denominator, content.inverse()) };
}


/** Divides out the common monomial of numerator and denominator, and clears negative exponents. */
function shiftMonomials(r: RationalFunction): RationalFunction {
  const n = commonMonomial(r.numerator);
  const d = commonMonomial(r.denominator);
  // numerator/denominator = (N/n)/(D/d) · n/d, and n/d splits into positive (top) and negative (bottom) exponents.
  const net = monomial([...n, ...d.map(([a, e]) => [a, e.neg()] as const)]).factors;
  const top = net.filter(([, e]) => !isNegative(e));
  const bottom = net.filter(([, e]) => isNegative(e)).map(([a, e]) => [a, e.neg()] as const);
  return {
    numerator: multiplyPolynomials(divideByMonomial(r.numerator, n), monomialPolynomial(top)),
    denominator: multiplyPolynomials(divideByMonomial(r.denominator, d), monomialPolynomial(bottom)),
  };
}


/**
 * For a denominator in one atom A and a numerator in A and other atoms, cancels their common
 * factor in A: the numerator is Σ m·Pₘ(A) over monomials m in the other atoms, and a polynomial
 * in A divides it when it divides every Pₘ, so the factor is the gcd of the denominator and
 * all the Pₘ: (atan(x)·x² + atan(x))/(x² + 1) is atan(x), (x·y·(σ − 1) + …)/(σ − 1).
 */
function cancelFactorsInOneAtom(numerator: Polynomial, denominator: Polynomial): RationalFunction {
  const d = univariate(denominator);
  if (!d?.atom || trim(d.coefficients).length < 2) return { numerator, denominator };
  const atomOf = d.atom;
  // The numerator by its monomials in the other atoms, each with its coefficients by degree in A.
  const groups = new Map<string, { rest: Polynomial; coefficients: Rational[] }>();
  for (const t of numerator.values()) {
    const inAtom = t.monomial.factors.find(([a]) => sameAtom(a, atomOf));
    if (inAtom && (!isInteger(inAtom[1]) || isNegative(inAtom[1]))) return { numerator, denominator };
    const degree = inAtom ? Number(inAtom[1].n) : 0;
    if (degree > 2000) return { numerator, denominator };
    const rest = monomialPolynomial(t.monomial.factors.filter(([a]) => !sameAtom(a, atomOf)));
    const key = [...rest.keys()][0]!;
    const group = groups.get(key) ?? { rest, coefficients: [] };
    while (group.coefficients.length <= degree) group.coefficients.push(new Fraction(0));
    group.coefficients[degree] = t.coefficient;
    groups.set(key, group);
  }
  let common = trim(d.coefficients);
  for (const { coefficients } of groups.values()) {
    common = gcdCoefficients(common, coefficients);
    if (common.length < 2) return { numerator, denominator };
  }
  let rebuilt: Polynomial = new Map();
  for (const { rest, coefficients } of groups.values()) {
    rebuilt = addPolynomials(rebuilt, multiplyPolynomials(rest, fromCoefficients(atomOf, divideCoefficients(coefficients, common).quotient)));
  }
  return { numerator: rebuilt, denominator: fromCoefficients(atomOf, divideCoefficients(d.coefficients, common).quotient) };
}

function exactQuotient(p: Polynomial, divisor: Polynomial): Polynomial {
  const up = univariate(p)!;
  const ud = univariate(divisor)!;
  return fromCoefficients(ud.atom!, divideCoefficients(up.coefficients, ud.coefficients).quotient);
}

