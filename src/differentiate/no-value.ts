import type { Expr } from '../expr/types.js';
import { InputError } from '../errors.js';
import { children } from '../expr/traverse.js';
import { evaluate, nodeValue } from '../evaluate/evaluate.js';
import { NoPreciseValue, PreciseEvaluator } from '../evaluate/precise.js';
import { functionTable } from '../functions/table.js';
import { normalForm } from '../algebra/normal-form.js';
import { isUnit } from '../algebra/monomial.js';
import * as Z from '../algebra/integer.js';
import { anyCallBits, mayCall } from '../expr/calls.js';
import { simplify } from '../simplify/simplify.js';
import { notWorkedOutCount } from '../functions/numeric.js';

/*
 * A part of an expression without a variable (1/0, log(0), √−1) has one value or none, wherever
 * it stands: where it has none, neither has the expression, anywhere, and a derivative of the rest
 * (1/0 + x → 1) would be an answer to a question that has none. A formula with such a part is
 * refused, the part named.
 */

/** Digits enough to tell a pole (log 0, 1/0) from a value too large for a double (e¹⁰⁰⁰). */
const precise = new PreciseEvaluator(20);

/**
 * Whether a part without a variable has a real value: a finite one. Where doubles give none (an
 * overflow, e¹⁰⁰⁰, or one cancelling another, e¹⁰⁰⁰ − e¹⁰⁰⁰), arbitrary precision decides. An
 * infinity there is a pole only where a function meets one at a moderate argument (log 0) or 0 is
 * raised to a negative power; anywhere else it is a number too large to hold (e^(10²⁰)), and where
 * arbitrary precision cannot be had (Γ, erf), only NaN is taken for no value.
 */
function hasValue(e: Expr, value: number, valueOf: (part: Expr) => number): boolean {
  if (Number.isFinite(value)) return true;
  let exact;
  try {
    exact = precise.evaluate(e, {});
  } catch (error) {
    if (error instanceof NoPreciseValue) return !Number.isNaN(value);
    throw error;
  }
  if (exact.isFinite()) return true;
  if (exact.isNaN()) return false;
  return !atPole(e, valueOf);
}

/**
 * Whether a call is at a pole its function has at a multiple of π/2 (tan(π/2), cot(π), csc(−3π)):
 * its argument q·π exactly, for a rational q the normal form gives. Doubles never meet such a
 * pole: cot(π) is −8·10¹⁵ in them, and arbitrary precision only makes it larger. An argument with
 * a function in it is simplified first, so that its exact values are known: asin(1) is π/2, and
 * tan(asin(1)) is at a pole, which the normal form, keeping asin(1) as an atom, cannot see.
 */
function atHalfTurnPole(e: Expr): boolean {
  if (e.kind !== 'call' || e.args.length !== 1) return false;
  const halfTurns = functionTable[e.name].domain?.excluding?.halfTurns;
  if (!halfTurns) return false;
  const [at, every] = halfTurns;
  const argument = e.args[0]!;
  const { coefficient: q, monomial, powers } = normalForm(mayCall(argument, anyCallBits) ? simplify(argument) : argument);
  if (powers.length > 0) return false;
  const isPi = (atom: Expr): boolean => atom.kind === 'constant' && atom.name === 'pi';
  const ofPi = monomial.atoms.length === 1 && isPi(monomial.atoms[0]!) && monomial.nums[0] === 1 && (monomial.dens === undefined || monomial.dens[0] === 1);
  if (!ofPi && !(isUnit(monomial) && Z.isZero(q.n))) return false;
  // q·π = (at + k·every)·π/2 for a whole k: 2q − at is a whole multiple of every.
  const [, rest] = Z.divRem(Z.sub(Z.mul(2, q.n), Z.mul(at, q.d)), Z.mul(every, q.d));
  return Z.isZero(rest);
}

/** Arguments past this size may take a function's value past what arbitrary precision holds (e^(10²⁰)). */
const largestPoleArgument = 1e6;

const atPole = (e: Expr, valueOf: (part: Expr) => number): boolean => (e.kind === 'pow' && isZero(e.base, valueOf(e.base)))
  || (e.kind === 'call' && e.args.every((a) => Math.abs(valueOf(a)) <= largestPoleArgument));

/** Whether a part without a variable, of this value as a double, is 0: in arbitrary precision too (e^(−1000) is no 0). */
function isZero(e: Expr, value: number): boolean {
  if (value !== 0) return false;
  try {
    return precise.evaluate(e, {}).isZero();
  } catch (error) {
    if (error instanceof NoPreciseValue) return false;
    throw error;
  }
}

const isLeaf = (e: Expr): boolean => e.kind === 'num' || e.kind === 'constant' || e.kind === 'variable';
/** Parts whose value is not a number where the variables have theirs, whatever their own parts: f(2), a derivative. */
const unknownOfItself = (e: Expr): boolean => e.kind === 'variable' || e.kind === 'apply' || e.kind === 'derivative';

/**
 * The smallest part of an expression that has no value where its variables have theirs: a part
 * without a variable that has none (log 0, √−1, 1/0), or a quotient over such a part that is 0
 * (x/0, as a derivative's formula may have it). Parts are visited after their own, each once
 * (equal parts are one node), with no recursion: it runs over every input and every derivative.
 */
export function partWithoutValue(root: Expr): Expr | undefined {
  // Whether each compound part visited holds a variable (or anything whose value is not a number,
  // f(2), a derivative), and the double value of each that does not, worked out from its parts'.
  const varying = new Map<Expr, boolean>();
  const values = new Map<Expr, number>();
  const holdsUnknown = (e: Expr): boolean => (isLeaf(e) ? e.kind === 'variable' : varying.get(e)!);
  const valueOf = (e: Expr): number => (isLeaf(e) ? nodeValue(e, valueOf, {}) : values.get(e)!);
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const part = stack[stack.length - 1]!;
    if (isLeaf(part) || varying.has(part)) {
      stack.pop();
      continue;
    }
    const own = children(part);
    let ready = true;
    for (let i = own.length - 1; i >= 0; i--) {
      const c = own[i]!;
      if (!isLeaf(c) && !varying.has(c)) {
        stack.push(c);
        ready = false;
      }
    }
    if (!ready) continue;
    stack.pop();
    if (part.kind === 'div' && !holdsUnknown(part.denominator) && isZero(part.denominator, valueOf(part.denominator))) return part;
    const unknown = unknownOfItself(part) || own.some(holdsUnknown);
    varying.set(part, unknown);
    if (unknown) continue;
    // A part without a variable is tried once its own parts are found to have their values.
    const notWorkedOutBefore = notWorkedOutCount();
    const value = nodeValue(part, valueOf, {});
    if (Number.isNaN(value) && notWorkedOutCount() !== notWorkedOutBefore) {
      // A value too costly to work out (hermite(10²⁰, ½)) exists: the part and those holding it are
      // numbers not known, as a part with a variable is, not parts without a value.
      varying.set(part, true);
      continue;
    }
    if (!hasValue(part, value, valueOf) || atHalfTurnPole(part)) return part;
    values.set(part, value);
  }
  return undefined;
}

/** What a part without a value is, in words. */
function described(part: Expr): string {
  if (part.kind === 'div') return 'a quotient over 0';
  if (part.kind === 'pow') return isZero(part.base, evaluate(part.base, {})) ? '0 to a negative power' : 'a power of a negative number with no real value';
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
