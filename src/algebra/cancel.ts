import Fraction from 'fraction.js';
import { isInteger, isNegative, isZero } from '../expr/rational.js';
import { sameAtom } from './atoms.js';
import {
  addPolynomials, atomPolynomial, commonMonomial, constantPolynomial, divideByMonomial, integerContent, monomial,
  monomialPolynomial, multiplyPolynomials, scale, sortedTerms, type Polynomial,
} from './polynomial.js';
import { fromPolynomial, type RationalFunction } from './rational-function.js';
import { candidateRoots, divideCoefficients, evaluateAt, fromCoefficients, trim, univariate, univariateGcd } from './univariate.js';

/* Cancelling a rational function: common monomials, numbers, and common factors in one atom. */

const one = new Fraction(1);

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
    ({ numerator, denominator } = cancelLinearFactors(numerator, denominator));
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
 * For a denominator in one atom A and a numerator in A and other atoms, cancels the
 * factors (A − r) at the denominator's rational roots r where the numerator vanishes too:
 * (x·y·(σ − 1) + …)/(σ − 1).
 */
function cancelLinearFactors(numerator: Polynomial, denominator: Polynomial): RationalFunction {
  const d = univariate(denominator);
  if (!d?.atom || trim(d.coefficients).length < 2) return { numerator, denominator };
  const atomOf = d.atom;
  // The numerator as coefficients (polynomials in the other atoms) by degree in the atom.
  const byDegree: Polynomial[] = [];
  for (const t of numerator.values()) {
    const inAtom = t.monomial.factors.find(([a]) => sameAtom(a, atomOf));
    if (inAtom && (!isInteger(inAtom[1]) || isNegative(inAtom[1]))) return { numerator, denominator };
    const degree = inAtom ? Number(inAtom[1].n) : 0;
    const rest = monomialPolynomial(t.monomial.factors.filter(([a]) => !sameAtom(a, atomOf)));
    while (byDegree.length <= degree) byDegree.push(new Map());
    byDegree[degree] = addPolynomials(byDegree[degree]!, scale(rest, t.coefficient));
  }
  let top = byDegree;
  let bottom = trim(d.coefficients);
  for (const root of candidateRoots(bottom)) {
    while (bottom.length >= 2 && isZero(evaluateAt(bottom, root))) {
      // Synthetic division of the numerator by (atom − root); it must leave no remainder.
      const quotient: Polynomial[] = Array.from({ length: top.length - 1 }, () => new Map());
      let carry: Polynomial = new Map();
      for (let k = top.length - 1; k >= 1; k--) {
        carry = addPolynomials(top[k]!, scale(carry, root));
        quotient[k - 1] = carry;
      }
      if (addPolynomials(top[0] ?? new Map(), scale(carry, root)).size !== 0 || top.length < 2) break;
      top = quotient;
      bottom = divideCoefficients(bottom, [root.neg(), new Fraction(1)]).quotient;
    }
  }
  if (bottom.length === trim(d.coefficients).length) return { numerator, denominator };
  let rebuilt: Polynomial = new Map();
  top.forEach((c, degree) => {
    rebuilt = addPolynomials(rebuilt, multiplyPolynomials(c, degree === 0 ? constantPolynomial(one) : atomPolynomial(atomOf, new Fraction(degree))));
  });
  return { numerator: rebuilt, denominator: fromCoefficients(atomOf, bottom) };
}

function exactQuotient(p: Polynomial, divisor: Polynomial): Polynomial {
  const up = univariate(p)!;
  const ud = univariate(divisor)!;
  return fromCoefficients(ud.atom!, divideCoefficients(up.coefficients, ud.coefficients).quotient);
}

