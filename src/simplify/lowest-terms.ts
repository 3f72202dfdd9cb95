import type { Expr } from '../expr/types.js';
import { isInteger, isNegative, isZero } from '../expr/rational.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { children, postOrder } from '../expr/traverse.js';
import { replaceParts } from '../expr/substitute.js';
import { add, div, neg, negated } from '../expr/factory.js';
import { isNegativeLooking } from '../expr/sign.js';
import { simpler } from '../algebra/complexity.js';
import { writtenNormalForm } from './written-form.js';

/*
 * A rational function of the variables (numbers, variables, + − × ÷ and whole powers, nothing
 * else) in which terms or factors combine in two places or more is written in lowest terms at
 * once, from its normal form, rather than part by part: each part's normal form written and
 * compared, then the whole's, is most of what a quotient of polynomials costs, and the whole's
 * is the answer anyway. Where they combine in one place only, the rules' own normal form there
 * is all the work: the whole's would cost more (10x·(x² + 1)⁴ is left as it is by the rules,
 * where its normal form weighs the product expanded).
 */

/*
 * A part's fold value: whether it is rational (the lowest bit), then how many places it
 * combines in, then (for a product) how many sums it multiplies, its products' own counted (the
 * rules' products are nested), each count kept up to 2, which is all that is asked; then whether
 * it holds a quotient, and whether it holds a sum with a quotient among its terms outside any
 * quotient (an exposed sum of fractions, 1/x + 1/(x + 1) or 3·(x + 1/x)).
 */
const rational = 1;
const placeUnit = 2;
const sumUnit = 8;
const quotient = 32;
const exposedFractions = 64;
const placesOf = (k: number): number => (k >> 1) & 3;
const sumsOf = (k: number): number => (k >> 3) & 3;
const withPlaces = (places: number): number => rational | (Math.min(places, 2) * placeUnit);

/** A sum of two terms or more, one with a variable, as the rules leave the derivative of a constant or of ax (2x + 0, 2·1 + 0) aside. */
function isRealSum(e: Expr): boolean {
  if (e.kind !== 'add') return false;
  let terms = 0;
  let variable = false;
  for (const t of e.terms) {
    if (t.kind === 'num' && isZero(t.value)) continue;
    terms++;
    variable ||= t.variables !== 0;
  }
  return terms > 1 && variable;
}

const sumFactor = (e: Expr): boolean => isRealSum(e) || (e.kind === 'pow' && isRealSum(e.base));
/** A term that multiplies a sum out: a sum, a power of one, or a product with one. */
const isCompound = (e: Expr): boolean => sumFactor(e) || (e.kind === 'mul' && e.factors.some(sumFactor));

/** A part's fold value, from its parts' (`of`). */
function combineKind(node: Expr, of: (part: Expr) => number): number {
  switch (node.kind) {
    case 'variable': return rational;
    case 'num': return node.decimal ? 0 : rational;
    case 'neg': return of(node.operand) & (rational | (3 * placeUnit) | quotient | exposedFractions);
    case 'add': {
      let places = node.terms.some(isCompound) ? 1 : 0;
      let flags = 0;
      for (const t of node.terms) {
        const k = of(t);
        if (!(k & rational)) return 0;
        places += placesOf(k);
        flags |= k & (quotient | exposedFractions);
      }
      // Its terms over one denominator is the rules' question (collect-like-terms), not this one's.
      return withPlaces(places) | flags | (flags & quotient ? exposedFractions : 0);
    }
    case 'mul': {
      let places = 0;
      let sums = 0;
      let flags = 0;
      for (const f of node.factors) {
        const k = of(f);
        if (!(k & rational)) return 0;
        places += placesOf(k);
        flags |= k & (quotient | exposedFractions);
        sums += sumFactor(f) ? 1 : f.kind === 'mul' ? sumsOf(k) : 0;
      }
      return withPlaces(places + (sums > 1 ? 1 : 0)) | (Math.min(sums, 2) * sumUnit) | flags;
    }
    case 'div': {
      const above = of(node.numerator);
      const below = of(node.denominator);
      if (!(above & below & rational)) return 0;
      // Within a quotient, its sums of fractions are put over one denominator with it.
      const byVariables = node.denominator.variables !== 0;
      return withPlaces(placesOf(above) + placesOf(below) + (byVariables ? 1 : 0)) | ((above | below) & quotient) | (byVariables ? quotient : 0);
    }
    case 'pow': {
      const n = node.exponent;
      if (n.kind !== 'num' || !isInteger(n.value)) return 0;
      const k = of(node.base);
      if (!(k & rational)) return 0;
      // x^(−2) is a quotient (of what its base holds too); (x/2)² and (2x)² are multiplied out.
      const negative = isNegative(n.value);
      const combines = negative || node.base.kind === 'mul' || node.base.kind === 'div';
      return withPlaces(placesOf(k) + (combines ? 1 : 0)) | (negative ? quotient : k & (quotient | exposedFractions));
    }
    default: return 0;
  }
}

const kinds = new NodeMemo<number>();
/** Parts up to this size (counted as printed: a shared part once per use) are walked through rather than remembered: a memo costs more than the walk. */
const walkedUpTo = 256;

function kindOf(e: Expr): number {
  if (e.size <= walkedUpTo) {
    const of = (part: Expr): number => combineKind(part, of);
    return of(e);
  }
  return kinds.get(e) ?? foldParts<Expr, number>(e, children, combineKind, kinds);
}

/** Whether a sum is a polynomial in its variables: no quotient, no power but whole positive ones, no function. */
const isPolynomial = (e: Expr): boolean => e.calls === 0 && foldParts<Expr, boolean>(e, children, (node, of) => {
  if (node.kind === 'div') return false;
  if (node.kind === 'pow') return node.exponent.kind === 'num' && isInteger(node.exponent.value) && !isNegative(node.exponent.value) && of(node.base);
  return node.kind === 'variable' || (node.kind === 'num' && !node.decimal) || ((node.kind === 'add' || node.kind === 'mul' || node.kind === 'neg') && children(node).every(of));
}, polynomials);
const polynomials = new NodeMemo<boolean>();

/** The polynomial sums each denominator of a part is a product of powers of: x + 1 and 1 + x² in 2/((x + 1)²·(1 + x²)). */
function denominatorSums(e: Expr): Set<Expr> {
  const sums = new Set<Expr>();
  const basesOf = (d: Expr): void => {
    if (d.kind === 'add') {
      if (isRealSum(d) && isPolynomial(d)) sums.add(d);
    } else if (d.kind === 'mul') for (const f of d.factors) basesOf(f);
    else if (d.kind === 'neg') basesOf(d.operand);
    else if (d.kind === 'pow' && d.exponent.kind === 'num') basesOf(d.base);
  };
  for (const node of postOrder(e)) {
    if (node.kind === 'div') basesOf(node.denominator);
    else if (node.kind === 'pow' && node.exponent.kind === 'num' && isNegative(node.exponent.value)) basesOf(node.base);
  }
  return sums;
}

/**
 * How many terms a part spreads into where it is written: a sum's (its sums' terms counted), a
 * product's most, a quotient's numerator's. 3 for x·(x + 1)² + 2x + 1, 2 for 3·(x + 1/x).
 */
function termsSpread(e: Expr): number {
  switch (e.kind) {
    case 'neg': return termsSpread(e.operand);
    case 'add': return e.terms.reduce((n, t) => n + (t.kind === 'add' ? termsSpread(t) : 1), 0);
    case 'mul': return e.factors.reduce((most, f) => Math.max(most, termsSpread(f)), 1);
    case 'div': return termsSpread(e.numerator);
    default: return 1;
  }
}

/** How many terms a written form has where it is a sum, or its numerator is: a product is the factors the writer found, and spreads into none. */
function termsWritten(e: Expr): number {
  if (e.kind === 'neg') return termsWritten(e.operand);
  if (e.kind === 'div') return termsWritten(e.numerator);
  return e.kind === 'add' ? e.terms.length : 1;
}

/**
 * A part written in lowest terms from its normal form, each sum of a denominator written as the
 * rules leave it where that is no less simple: 1 + x², as arctan′ has it, not x² + 1; 1 + (x + 174)²,
 * not x² + 348x + 30277. `simplified` is how the rules leave a sum. Undefined where that is no
 * simpler than the part as it stands, or spreads into more terms than it has: a sum of two
 * products of high powers whose sum has no factors is left to the rules, which keep each product.
 */
export function writtenInLowestTerms(e: Expr, simplified: (sum: Expr) => Expr): Expr | undefined {
  const normal = writtenNormalForm(e, 'auto');
  // A sum of products (the product rule's) is no longer than it is: (x + 1)(x − 2)(x + 3)′ has
  // three terms, as 3x² + 4x − 5; a quotient's numerator may have a few more (the quotient rule's
  // two terms are products of sums).
  const spread = termsSpread(e);
  if (termsWritten(normal) > ((e.kind === 'neg' ? e.operand : e).kind === 'add' ? spread : 2 * spread + 1)) return undefined;
  const asLeft = new Map<Expr, Expr>();
  for (const sum of denominatorSums(e)) {
    const left = simplified(sum);
    if (left.kind !== 'add') continue;
    const written = writtenNormalForm(left, 'auto');
    if (written !== left && written.kind === 'add' && !simpler(written, left)) asLeft.set(written, left);
  }
  const result = signInFront(asLeft.size === 0 ? normal : replaceParts(normal, asLeft));
  return simpler(result, e) ? result : undefined;
}

/** −(10x³ + 26x)/(x² + 3)³ rather than (−10x³ − 26x)/(x² + 3)³, as the rules write it: the sign in front joins a sum the quotient stands in. */
function signInFront(e: Expr): Expr {
  if (e.kind !== 'div' || e.numerator.kind !== 'add' || !e.numerator.terms.every(isNegativeLooking)) return e;
  return neg(div(add(e.numerator.terms.map(negated)), e.denominator));
}

/** The most nodes (counted as printed) of a part written in lowest terms at once. */
const largestAtOnce = 1 << 13;

/**
 * Where a part is written in lowest terms at once (see above): `here`; `nowhere`, in it or in its
 * parts (a rational part that combines in fewer than two places: so do its parts); or `unknown`,
 * not here, but maybe in a part (sin(x/(x + 1) + 1/x)).
 */
export function lowestTermsAt(e: Expr): 'here' | 'nowhere' | 'unknown' {
  if (e.calls !== 0) return 'unknown';
  if (e.variables === 0 || e.kind === 'variable' || e.kind === 'num') return 'nowhere';
  // A very large part (the product rule's over 200 factors) goes by the rules, part by part: its
  // normal form whole is as costly, and may be no shorter than it stands.
  if (e.size > largestAtOnce) return 'unknown';
  const k = kindOf(e);
  if (!(k & rational)) return 'unknown';
  if (placesOf(k) < 2) return 'nowhere';
  return k & exposedFractions ? 'unknown' : 'here';
}
