import type { Expr } from '../expr/types.js';
import { isInteger, isNegative, isZero } from '../expr/rational.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { children, postOrder } from '../expr/traverse.js';
import { replaceParts } from '../expr/substitute.js';
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
 * rules' products are nested); each count kept up to 2, which is all that is asked.
 */
const rational = 1;
const placeUnit = 2;
const sumUnit = 8;
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
    case 'neg': return of(node.operand) & (rational | (3 * placeUnit));
    case 'add': {
      let places = node.terms.some(isCompound) ? 1 : 0;
      for (const t of node.terms) {
        const k = of(t);
        if (!(k & rational)) return 0;
        places += placesOf(k);
      }
      return withPlaces(places);
    }
    case 'mul': {
      let places = 0;
      let sums = 0;
      for (const f of node.factors) {
        const k = of(f);
        if (!(k & rational)) return 0;
        places += placesOf(k);
        sums += sumFactor(f) ? 1 : f.kind === 'mul' ? sumsOf(k) : 0;
      }
      return withPlaces(places + (sums > 1 ? 1 : 0)) | (Math.min(sums, 2) * sumUnit);
    }
    case 'div': {
      const above = of(node.numerator);
      const below = of(node.denominator);
      if (!(above & below & rational)) return 0;
      return withPlaces(placesOf(above) + placesOf(below) + (node.denominator.variables !== 0 ? 1 : 0));
    }
    case 'pow': {
      const n = node.exponent;
      if (n.kind !== 'num' || !isInteger(n.value)) return 0;
      const k = of(node.base);
      if (!(k & rational)) return 0;
      // x^(−2) is a quotient; (x/2)² and (2x)² are multiplied out.
      const combines = isNegative(n.value) || node.base.kind === 'mul' || node.base.kind === 'div';
      return withPlaces(placesOf(k) + (combines ? 1 : 0));
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
 * A part written in lowest terms from its normal form, each sum of a denominator written as the
 * rules leave it where that is no less simple: 1 + x², as arctan′ has it, not x² + 1; 1 + (x + 174)²,
 * not x² + 348x + 30277. `simplified` is how the rules leave a sum.
 */
export function writtenInLowestTerms(e: Expr, simplified: (sum: Expr) => Expr): Expr {
  const written = writtenNormalForm(e, 'auto');
  const asLeft = new Map<Expr, Expr>();
  for (const sum of denominatorSums(e)) {
    const left = simplified(sum);
    if (left.kind !== 'add') continue;
    const normal = writtenNormalForm(left, 'auto');
    if (normal !== left && normal.kind === 'add' && !simpler(normal, left)) asLeft.set(normal, left);
  }
  return asLeft.size === 0 ? written : replaceParts(written, asLeft);
}

/**
 * Where a part is written in lowest terms at once (see above): `here`; `nowhere`, in it or in its
 * parts (a rational part that combines in fewer than two places: so do its parts); or `unknown`,
 * not here, but maybe in a part (sin(x/(x + 1) + 1/x)).
 */
export function lowestTermsAt(e: Expr): 'here' | 'nowhere' | 'unknown' {
  if (e.calls !== 0) return 'unknown';
  if (e.variables === 0 || e.kind === 'variable' || e.kind === 'num') return 'nowhere';
  const k = kindOf(e);
  if (!(k & rational)) return 'unknown';
  return placesOf(k) > 1 ? 'here' : 'nowhere';
}
