import type { Expr } from '../expr/types.js';
import type { Environment } from '../evaluate/evaluate.js';
import { NoPreciseValue, PreciseEvaluator } from '../evaluate/precise.js';
import type { CheckReport } from './check.js';

/** Steps of the difference quotients, and the digits they are worked out with: far below any scale of the input. */
const steps = ['1e-30', '1e-45'] as const;
const digits = 120;

/**
 * A slope at one point, worked out otherwise than by the rules there (from f's one-sided
 * derivatives, where the rules' derivative has no value), against f's own difference quotients
 * from the right and from the left at that point, in arbitrary precision: f is not smooth
 * there, so central differences and their extrapolation do not apply.
 */
export function checkSlopeAt(f: Expr, variable: string, at: Environment, slope: number, tolerance = 1e-6): CheckReport {
  const x = at[variable]!;
  const fixed = Object.fromEntries(Object.entries(at).filter(([name]) => name !== variable));
  const quotients = differenceQuotients(f, variable, at);
  const usable = quotients !== undefined && quotients.every(Number.isFinite);
  // Relative to the slope, or absolute below 10⁻⁶, without the cap at 1 of a relative error: how far off matters, to see it shrink.
  const errors = usable ? quotients.map((q) => Math.abs(q - slope) / Math.max(Math.abs(slope), 1e-6)) : [];
  // The smaller step's quotients decide; off but nearer than the larger step's, they are still closing in, however slowly.
  const largest = (values: readonly number[]): number => values.reduce((most, v) => Math.max(most, v), 0);
  const [coarse, fine] = [largest(errors.slice(0, 2)), largest(errors.slice(2))];
  const verdict = !usable ? 'unchecked' : fine <= tolerance ? 'verified' : fine < coarse ? 'unchecked' : 'failed';
  const worstAt = errors.lastIndexOf(fine);
  return {
    verdict, variable, pointsTried: 1, pointsUsed: verdict === 'unchecked' ? 0 : 1, range: verdict === 'unchecked' ? undefined : [x, x], fixed,
    worstError: usable ? fine : Number.NaN, tolerance,
    skipped: { excluded: 0, undefined: usable ? 0 : 1, unsettled: usable && verdict === 'unchecked' ? 1 : 0, unresolvable: 0, pastDoubles: 0 },
    failures: verdict === 'failed' ? [{ what: 'answer', order: 1, at, left: slope, right: quotients![worstAt]!, error: fine }] : [],
  };
}

/** (f(x + h) − f(x))/h and (f(x) − f(x − h))/h at each step; undefined where f has no such value (erf, Γ). */
function differenceQuotients(f: Expr, variable: string, at: Environment): number[] | undefined {
  const calculator = new PreciseEvaluator(digits);
  try {
    const env = Object.fromEntries(Object.entries(at).map(([name, value]) => [name, calculator.number(value)]));
    const x = env[variable]!;
    const value = (shift: string) => calculator.evaluate(f, { ...env, [variable]: x.add(shift) });
    const middle = value('0');
    return steps.flatMap((h) => [value(h).sub(middle).div(h).toNumber(), middle.sub(value(`-${h}`)).div(h).toNumber()]);
  } catch (error) {
    if (error instanceof NoPreciseValue) return undefined;
    throw error;
  }
}
