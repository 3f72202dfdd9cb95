import type { Add, Expr, Rational } from '../expr/types.js';
import { add, div, int, mul, neg } from '../expr/factory.js';
import { isZero, rational } from '../expr/rational.js';
import { atomKey } from '../algebra/atoms.js';

/*
 * Like terms: the terms of a sum that are one number times the same product (3x·sin(x) and
 * −x·sin(x)/2), or times the same quotient (−8x/(x² + 5)² and −10x/(x² + 5)²), and their sum.
 */

/*
 * The tests for like terms run on every sum the simplifier meets, nearly all of which they turn
 * away: up to this many parts, they compare the parts two by two, making no list, set or text
 * (which cost more than the comparisons on the few parts most have); past it, they file them.
 */
export const comparedPairwiseUpTo = 16;

export const hasRepeats = (keys: readonly (string | number)[]): boolean => new Set(keys).size < keys.length;

/** What decides which terms a term is like: 3x²·y for −3x²·y/2 (its sign and a number below it aside). */
function likeCore(term: Expr): Expr {
  const core = term.kind === 'neg' ? term.operand : term;
  return core.kind === 'div' && core.denominator.kind === 'num' ? likeCore(core.numerator) : core;
}

/*
 * A sum is one factor whatever the order of its terms: the normal form writes a sum in its own
 * order and the rules keep the order a sum was made in, so one part of an answer may hold
 * (a + b)·u and another (b + a)·u.
 */

/** A factor's key, the same for sums (and their powers) that differ only in the order of their terms. */
function factorKey(f: Expr): string {
  if (f.kind === 'add') return `(${f.terms.map(atomKey).sort((a, b) => a - b).join('+')})`;
  if (f.kind === 'pow' && f.base.kind === 'add') return `${factorKey(f.base)}^${atomKey(f.exponent)}`;
  return String(atomKey(f));
}

/** Whether two factors are one, or sums (or their powers) of the same terms in another order. */
function sameFactor(a: Expr, b: Expr): boolean {
  if (atomKey(a) === atomKey(b)) return true;
  if (a.kind === 'add' && b.kind === 'add') return a.terms.length === b.terms.length && factorKey(a) === factorKey(b);
  return a.kind === 'pow' && b.kind === 'pow' && a.base.kind === 'add' && b.base.kind === 'add' && atomKey(a.exponent) === atomKey(b.exponent)
    && sameFactor(a.base, b.base);
}

/** A quotient's denominator, where it is more than a number (a core has none that is only a number). */
const below = (core: Expr): Expr | undefined => (core.kind === 'div' ? core.denominator : undefined);

/** What decides which terms a quotient's term is like above the bar: its numerator, its sign and numbers aside. */
const above = (core: Expr): Expr => (core.kind === 'div' ? likeCore(core.numerator) : core);

/**
 * Two terms are alike where they are numbers, or have the same factors but for their numbers, in
 * the same order, over the same denominator if any: 8x/(x² + 5)² and −10x/(x² + 5)².
 */
function likeKey(term: Expr): string {
  const core = likeCore(term);
  const denominator = below(core);
  const product = productKey(above(core));
  return denominator === undefined ? product : `${product}/${factorKey(denominator)}`;
}

function productKey(core: Expr): string {
  if (core.kind === 'num') return '#';
  if (core.kind === 'mul') return core.factors.filter((f) => f.kind !== 'num').map(factorKey).join('*');
  return factorKey(core);
}

/** Whether likeKey gives two terms one key, found without making it. */
function alike(a: Expr, b: Expr): boolean {
  const qa = likeCore(a);
  const qb = likeCore(b);
  const da = below(qa);
  const db = below(qb);
  if (da !== undefined || db !== undefined) {
    if (da === undefined || db === undefined || !sameFactor(da, db)) return false;
  }
  const ca = above(qa);
  const cb = above(qb);
  if (ca.kind === 'num' || cb.kind === 'num') return ca.kind === cb.kind;
  const na = ca.kind === 'mul' ? ca.factors.length : 1;
  const nb = cb.kind === 'mul' ? cb.factors.length : 1;
  for (let i = 0, j = 0; ; i++, j++) {
    while (i < na && factorAt(ca, i).kind === 'num') i++;
    while (j < nb && factorAt(cb, j).kind === 'num') j++;
    if (i === na || j === nb) return i === na && j === nb;
    if (!sameFactor(factorAt(ca, i), factorAt(cb, j))) return false;
  }
}

/** The i-th factor of a term's core, a part that is no product being its own only factor. */
export const factorAt = (core: Expr, i: number): Expr => (core.kind === 'mul' ? core.factors[i]! : core);

/** Whether two terms of a sum are alike (see likeKey), and may be one. */
export function hasLikeTerms(terms: readonly Expr[]): boolean {
  if (terms.length > comparedPairwiseUpTo) return hasRepeats(terms.map(likeKey));
  for (let i = 1; i < terms.length; i++) {
    for (let j = 0; j < i; j++) if (alike(terms[i]!, terms[j]!)) return true;
  }
  return false;
}

const one = rational(1);

/**
 * A term as the number it is written with, the factors that number multiplies and what they are
 * divided by: −1/2 and [x] for −x/2, −8, [x] and (x² + 5)² for −8x/(x² + 5)². Undefined for u/0.
 */
interface NumberAndRest {
  readonly number: Rational;
  readonly rest: readonly Expr[];
  readonly below?: Expr;
}

function numberAndRest(term: Expr): NumberAndRest | undefined {
  if (term.kind === 'neg') {
    const inner = numberAndRest(term.operand);
    return inner && { ...inner, number: inner.number.neg() };
  }
  if (term.kind === 'div' && term.denominator.kind === 'num') {
    const divisor = term.denominator.value;
    const inner = isZero(divisor) ? undefined : numberAndRest(term.numerator);
    return inner && { ...inner, number: inner.number.div(divisor) };
  }
  if (term.kind === 'div') {
    // A numerator that is a number is all number: 3/(x + 1) is 3 times nothing over x + 1.
    const inner = term.numerator.kind === 'num' ? { number: term.numerator.value, rest: [] } : numberAndRest(term.numerator);
    return inner && inner.below === undefined ? { number: inner.number, rest: inner.rest, below: term.denominator } : undefined;
  }
  if (term.kind !== 'mul') return { number: one, rest: [term] };
  let number = one;
  const rest: Expr[] = [];
  for (const f of term.factors) {
    if (f.kind === 'num') number = number.mul(f.value);
    else rest.push(f);
  }
  return { number, rest };
}

/** A number times factors over a denominator if any, written as a term is: 4x, −x, 5x/6, −18x/(x² + 5)². */
function termOf(number: Rational, rest: readonly Expr[], denominator: Expr | undefined): Expr {
  // fraction.js keeps the sign apart: n and d are the magnitude's.
  const numerator = number.n === 1n ? mul(rest) : mul([int(number.n), ...rest]);
  const divisor = number.d === 1n ? denominator : denominator === undefined ? int(number.d) : mul([int(number.d), denominator]);
  const magnitude = divisor === undefined ? numerator : div(numerator, divisor);
  return number.s < 0n ? neg(magnitude) : magnitude;
}

/**
 * The sum with each group of like terms added into one, where its first term stood: x·log(x) +
 * 2x + 2x is x·log(x) + 4x, and 3x·y − 3x·y goes. Numbers are add-numbers' to add, and terms
 * written with decimals keep them as they stand. Undefined where no two terms add into one.
 */
export function likeTermsAdded(e: Add): Expr | undefined {
  if (!hasLikeTerms(e.terms)) return undefined;
  interface Group { readonly first: Expr; readonly rest: readonly Expr[]; readonly below?: Expr; number: Rational; count: number }
  const groups = new Map<string, Group>();
  // Each term as it stands, or the group that stands in the place of its first term.
  const places: (Expr | Group)[] = [];
  for (const t of e.terms) {
    const key = t.hasDecimal ? undefined : likeKey(t);
    const split = key === undefined || key === '#' ? undefined : numberAndRest(t);
    if (key === undefined || split === undefined) {
      places.push(t);
      continue;
    }
    const group = groups.get(key);
    if (group) {
      group.number = group.number.add(split.number);
      group.count++;
    } else {
      const made: Group = { first: t, rest: split.rest, below: split.below, number: split.number, count: 1 };
      groups.set(key, made);
      places.push(made);
    }
  }
  let added = false;
  const terms: Expr[] = [];
  for (const place of places) {
    if (!('count' in place)) terms.push(place);
    else if (place.count === 1) terms.push(place.first);
    else {
      added = true;
      if (!isZero(place.number)) terms.push(termOf(place.number, place.rest, place.below));
    }
  }
  return added ? add(terms) : undefined;
}
