import { checkLimits } from '../errors.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { divideMonomials, meetMonomials, type Monomial } from './monomial.js';
import { addPoly, fromSums, isZeroPoly, monomialPoly, zeroPoly, type Poly } from './poly.js';
import { gcdRatio, mulRatio } from './ratio.js';
import { withOppositeExponentialsIn } from './monomial-identities.js';
import {
  expandPowers, isZeroFactored, lowestExponent, maxExpansionProducts, maxExpansionTerms, multiplyFactored, noPowers, polyFactored, zeroFactored, type Base, type Factored, type Power,
} from './factored.js';

/*
 * Sums of normal forms (see factored.ts): what the terms have in common is taken out before
 * anything is multiplied out, and the rest is made one factor again.
 */

/**
 * The sum of normal forms: what every term has in common is taken out (the least power of each
 * base and atom, the content of the coefficients), the rest of each term is multiplied out and
 * added, and the sum is made a factor again. Undefined when multiplying out would pass
 * `maxExpansionTerms` terms, or when two terms hold one base to powers that differ by a fraction.
 */
export function sumFactored(terms: readonly Factored[]): Factored | undefined {
  const nonzero = terms.filter((t) => !isZeroFactored(t));
  if (nonzero.length === 0) return zeroFactored;
  if (nonzero.length === 1) return nonzero[0];
  const common = commonPart(nonzero);
  let total: Poly = zeroPoly;
  // Sums of monomials (the most common) go into one accumulator.
  const sums = new Map<Monomial, Int>();
  const budget = { products: maxExpansionProducts };
  for (const t of nonzero) {
    checkLimits();
    const rest = cofactor(t, common);
    if (rest === undefined) return undefined;
    if (rest.powers.length === 0) {
      const before = sums.get(rest.monomial);
      sums.set(rest.monomial, before === undefined ? rest.coefficient : Z.add(before, rest.coefficient));
      continue;
    }
    const expanded = expandPowers(rest.powers, monomialPoly(rest.monomial, rest.coefficient), budget);
    if (expanded === undefined) return undefined;
    total = addPoly(total, expanded);
    if (total.monomials.length > maxExpansionTerms * 4) return undefined;
  }
  total = withOppositeExponentialsIn(addPoly(fromSums(sums), total));
  if (isZeroPoly(total)) return zeroFactored;
  return multiplyFactored(common, polyFactored(total));
}

interface Cofactor {
  readonly coefficient: Int;
  readonly monomial: Monomial;
  readonly powers: readonly { base: Base; exponent: number }[];
}

const noCofactorPowers: Cofactor['powers'] = Object.freeze([]);

/** What the terms have in common: the content of their coefficients, each atom and base at its least power. */
function commonPart(terms: readonly Factored[]): Factored {
  let coefficient = terms[0]!.coefficient;
  let monomial = terms[0]!.monomial;
  for (let i = 1; i < terms.length; i++) {
    coefficient = gcdRatio(coefficient, terms[i]!.coefficient);
    monomial = meetMonomials(monomial, terms[i]!.monomial);
  }
  // Most sums have terms without bases (sums of monomials): nothing more is common then.
  if (terms.every((t) => t.powers.length === 0)) return { coefficient, monomial, powers: noPowers };
  // Each base at its least exponent over the terms, 0 where a term lacks it.
  const least = new Map<Base, [Int, Int]>();
  const counts = new Map<Base, number>();
  for (const t of terms) {
    for (const p of t.powers) {
      counts.set(p.base, (counts.get(p.base) ?? 0) + 1);
      const before = least.get(p.base);
      if (!before || Z.compare(Z.mul(p.num, before[1]), Z.mul(before[0], p.den)) < 0) least.set(p.base, [p.num, p.den]);
    }
  }
  const powers: Power[] = [];
  for (const [base, [num, den]] of least) {
    const everywhere = counts.get(base) === terms.length;
    if (everywhere ? !Z.isZero(num) : Z.sign(num) < 0) powers.push({ base, num, den });
  }
  powers.sort((x, y) => x.base.id - y.base.id);
  return { coefficient, monomial, powers };
}

/** A term divided by the common part: whole coefficient, whole powers ≥ 0 of its bases (undefined where a power is fractional). */
function cofactor(t: Factored, common: Factored): Cofactor | undefined {
  const q = mulRatio(t.coefficient, { n: common.coefficient.d, d: common.coefficient.n });
  const coefficient = q.d === 1 ? q.n : undefined;
  if (coefficient === undefined) return undefined;
  const monomial = divideMonomials(t.monomial, common.monomial);
  if (t.powers.length === 0 && common.powers.length === 0) return { coefficient, monomial, powers: noCofactorPowers };
  const powers: { base: Base; exponent: number }[] = [];
  const inCommon = new Map(common.powers.map((p) => [p.base, p]));
  const seen = new Set<Base>();
  for (const p of t.powers) {
    seen.add(p.base);
    const c = inCommon.get(p.base);
    const [num, den] = c ? lowestExponent(Z.sub(Z.mul(p.num, c.den), Z.mul(c.num, p.den)), Z.mul(p.den, c.den)) : [p.num, p.den];
    if (Z.isZero(num)) continue;
    // Only whole powers of modest size are multiplied out.
    if (den !== 1 || typeof num !== 'number') return undefined;
    powers.push({ base: p.base, exponent: num });
  }
  // A base in the common part (a denominator) that this term lacks: its power comes back as a factor.
  for (const c of common.powers) {
    if (seen.has(c.base)) continue;
    if (c.den !== 1 || typeof c.num !== 'number') return undefined;
    powers.push({ base: c.base, exponent: -c.num });
  }
  return { coefficient, monomial, powers };
}
