import type { Expr } from '../expr/types.js';
import { compile } from '../evaluate/compile.js';
import { variablesOf } from '../expr/traverse.js';
import { compareExactly } from '../answer/symbolic.js';
import type { AnswerVerdict } from '../answer/check-answer.js';
import { curvePoints, type Implicit } from './implicit.js';
import { InputError } from '../errors.js';

/*
 * A student's implicit derivative judged against dydx's: the two need only agree on the curve
 * (−x/y and −(x² + y²)/y³·y² are one slope on x² + y² = 1), so they are compared at points of the
 * curve, found as the numeric check finds them; equal as expressions, they are equal there too.
 */

export interface ImplicitAnswerReport {
  readonly verdict: AnswerVerdict;
  readonly answer: Expr;
  readonly implicit: Implicit;
  /** How it was decided: the difference simplifies to 0, or values at points of the curve. */
  readonly method: 'symbolic' | 'on-the-curve';
  /** Points of the curve where both have a value and were compared. */
  readonly points: number;
  /** A point of the curve where they differ. */
  readonly where?: { readonly at: readonly [number, number]; readonly yours: number; readonly derivative: number };
}

/** Points of the curve it takes to call an answer correct by its values there. */
const fewestPoints = 5;
const tolerance = 1e-8;

export function checkImplicitAnswer(r: Implicit, answer: Expr): ImplicitAnswerReport {
  const { variable: x, dependent: y } = r;
  const foreign = variablesOf(answer).filter((v) => v !== x && v !== y && !variablesOf(r.left).includes(v) && !variablesOf(r.right).includes(v));
  if (foreign.length > 0) throw new InputError(`the answer has ${foreign.join(', ')}, which the equation has not`, 'invalid-request');
  const base = { answer, implicit: r };
  if (compareExactly(answer, r.result).kind === 'equal') return { ...base, verdict: 'correct', method: 'symbolic', points: 0 };
  const yours = compile(answer);
  const ours = compile(r.result);
  let points = 0;
  for (const [a, b] of curvePoints(r.left, r.right, x, y)) {
    const env = { [x]: a, [y]: b };
    const [mine, right] = [yours(env), ours(env)];
    // Where the slope has no value (a vertical tangent), nothing is compared.
    if (!Number.isFinite(right)) continue;
    points++;
    if (!(Math.abs(mine - right) <= tolerance * Math.max(1, Math.abs(right)))) {
      return { ...base, verdict: 'incorrect', method: 'on-the-curve', points, where: { at: [a, b], yours: mine, derivative: right } };
    }
  }
  return { ...base, verdict: points >= fewestPoints ? 'correct' : 'undecided', method: 'on-the-curve', points };
}
