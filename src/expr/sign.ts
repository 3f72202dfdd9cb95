import type { Expr, Num } from './types.js';
import { isNegative } from './rational.js';
import { add, negated } from './factory.js';

/*
 * Questions about the sign a tree shows: a sum writes a term that starts with a minus sign
 * as a subtraction, and the simplifier prefers fewer of them. They are answered from the
 * tree itself, so the simplifier need not ask a printer.
 */

/** The number a product or quotient starts with, if any: 2 in 2·x/y. */
function leadingNumber(e: Expr): Num | undefined {
  switch (e.kind) {
    case 'num': return e;
    case 'mul': return leadingNumber(e.factors[0]!);
    case 'div': return leadingNumber(e.numerator);
    default: return undefined;
  }
}

/** Whether the tree starts with a minus sign: −u, −2·x, −1/x (so a sum shows it as a subtraction). */
export function isNegativeLooking(e: Expr): boolean {
  if (e.kind === 'neg') return true;
  const lead = leadingNumber(e);
  return lead !== undefined && isNegative(lead.value);
}

/** A negative number: leading a product or quotient, it keeps its sign without parentheses (−2·x, −1/x). */
export const isNegativeNumber = (e: Expr): e is Num => e.kind === 'num' && isNegative(e.value);

/**
 * The terms of a sum negated, a term that shows no minus sign first: in their order where the
 * first shows none (−(−x⁴ + 2x² − 2) is x⁴ − 2x² + 2); the other way round where the sum was
 * written from its number up, as a polynomial is (algebra/to-expr.ts), and that puts one first
 * (−(18 − 18x − 3x²) is 3x² + 18x − 18); else with those that show none first: −(a − b − c) is
 * b + c − a.
 */
export function negatedSum(terms: readonly Expr[]): Expr {
  const turned = terms.map(negated);
  if (!isNegativeLooking(turned[0]!)) return add(turned);
  if (terms[0]!.kind === 'num' && !isNegativeLooking(turned[turned.length - 1]!)) return add(turnedToStartPositive(turned));
  return add([...turned.filter((t) => !isNegativeLooking(t)), ...turned.filter(isNegativeLooking)]);
}

/**
 * The terms of a polynomial written from its highest degree down, the other way round where that
 * puts a term without a minus sign first, as a polynomial in one variable is written
 * (algebra/to-expr.ts): −x² + 4 is 4 − x²; −x² − 4 stays so.
 */
export const turnedToStartPositive = (terms: readonly Expr[]): readonly Expr[] =>
  (isNegativeLooking(terms[0]!) && !isNegativeLooking(terms[terms.length - 1]!) ? terms.slice().reverse() : terms);

/**
 * Whether a sum above a fraction bar reads better with a minus sign in front of the quotient: it
 * starts with one and has so many that one in front saves two or more, −(a + b)/c for (−a − b)/c.
 */
export function signOutOfNumerator(terms: readonly Expr[]): boolean {
  if (!isNegativeLooking(terms[0]!)) return false;
  let negative = 0;
  for (const t of terms) if (isNegativeLooking(t)) negative++;
  return 2 * negative >= terms.length + 2;
}
