import type { Expr } from '../expr/types.js';
import { InputError } from '../errors.js';
import { children, postOrder } from '../expr/traverse.js';
import { evaluate } from '../evaluate/evaluate.js';
import { NoPreciseValue, PreciseEvaluator } from '../evaluate/precise.js';

/*
 * A part of an expression without a variable (1/0, log(0), √−1) has one value or none, wherever
 * it stands: where it has none, neither has the expression, anywhere, and a derivative of the rest
 * (1/0 + x → 1) would be an answer to a question that has none. A formula with such a part is
 * refused, the part named.
 */

/** Digits enough to tell a pole (log 0, 1/0) from a value too large for a double (e¹⁰⁰⁰). */
const precise = new PreciseEvaluator(20);

/** Whether a part without a variable has a real value: a finite one, in arbitrary precision where doubles overflow. */
function hasValue(e: Expr): boolean {
  const value = evaluate(e, {});
  if (Number.isFinite(value)) return true;
  if (Number.isNaN(value)) return false;
  // An infinity: a pole (log 0, 1/0), or a value too large for a double (e¹⁰⁰⁰), which arbitrary precision holds.
  try {
    return precise.evaluate(e, {}).isFinite();
  } catch (error) {
    if (error instanceof NoPreciseValue) return true;
    throw error;
  }
}

/** Whether a part without a variable is 0: as a double, and so in arbitrary precision too (e^(−1000) is no 0). */
function isZero(e: Expr): boolean {
  if (evaluate(e, {}) !== 0) return false;
  try {
    return precise.evaluate(e, {}).isZero();
  } catch (error) {
    if (error instanceof NoPreciseValue) return false;
    throw error;
  }
}

/**
 * The smallest part of an expression that has no value where its variables have theirs: a part
 * without a variable that has none (log 0, √−1, 1/0), or a quotient over such a part that is 0
 * (x/0, as a derivative's formula may have it).
 */
export function partWithoutValue(e: Expr): Expr | undefined {
  // Parts in post order, each after its own: whether one holds a variable (or anything whose value
  // is not a number, f(2), a derivative) is read off its parts'.
  const unknown = new Set<Expr>();
  for (const part of postOrder(e)) {
    if (part.kind === 'div' && !unknown.has(part.denominator) && isZero(part.denominator)) return part;
    if (part.kind === 'variable' || part.kind === 'apply' || part.kind === 'derivative' || children(part).some((c) => unknown.has(c))) {
      unknown.add(part);
      continue;
    }
    // Numbers and constants have values; a compound part is tried once its own parts are found to have theirs.
    if (part.kind !== 'num' && part.kind !== 'constant' && !hasValue(part)) return part;
  }
  return undefined;
}

/** What a part without a value is, in words. */
function described(part: Expr): string {
  if (part.kind === 'div') return 'a quotient over 0';
  if (part.kind === 'pow') return isZero(part.base) ? '0 to a negative power' : 'an even root of a negative number';
  if (part.kind === 'call') return `${part.name} at a number where it has no real value`;
  return 'a part with no real value';
}

/**
 * Refuses an expression with a part that has no value, saying why (`why`: the expression has
 * none, or a derivative cannot be given); the part goes with the error, for a printer to show.
 */
export function expectValue(e: Expr, why: string): void {
  const part = partWithoutValue(e);
  if (part === undefined) return;
  throw new InputError(`${why}: it holds ${described(part)}`, 'no-value', part);
}
