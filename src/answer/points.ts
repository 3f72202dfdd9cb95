import type { Expr } from '../expr/types.js';
import type { AbstractFunctions, Environment } from '../evaluate/evaluate.js';
import { checkPoints, fixedValues } from '../check/check.js';
import { switchesIn, switchPlaces, type Switch } from './kinks.js';

/*
 * Where an answer is compared with the derivative. First the check's fixed points, the other
 * variables at their fixed values: a wrong answer is nearly always told there, and what is
 * said about it does not change. Then, for an answer that agrees there, points that the fixed
 * ones leave out: far along the line (10³, 10⁶), on every piece of each piecewise function in
 * either expression (beside and between the places it changes piece), and with the other
 * variables at several values, negative and large ones too, and on each side of their own
 * pieces' ends. Two expressions that are not equal differ somewhere on a piece, or far out.
 */

export interface ComparisonPoint {
  readonly at: Environment;
  /** One of the check's fixed points: where an answer with no value (and the derivative one) is told. */
  readonly fixed: boolean;
}

/** Far out along the line, both ways: where a term such as 10⁻³⁰⁰·x²⁰⁰ shows. */
const farPoints: readonly number[] = [17.3, 31.7, 101.3, 316.9, 1e3, 9871.3, 1.0137e5, 1e6].flatMap((x) => [x, -x]);

/** The fixed points taken again at each other value of the other variables. */
const fewerPoints = checkPoints.filter((_, i) => i % 2 === 0);

/** More values for the other variables: each variable starts at a different place in the list. */
const otherSpread: readonly number[] = [-0.77, 1.19, -1.43, 2.06, -3.7, 5.3, -11.9, 0.31, 13.7, -0.21, 97.1, -1013.3];

/** Most points taken for the pieces of the variable at one point of the others. */
const maxPiecePoints = 400;

export interface WherePoints {
  /** The first stage: the fixed points. */
  readonly fixed: readonly ComparisonPoint[];
  /** The second stage, made only when the first found no difference. */
  readonly more: () => readonly ComparisonPoint[];
}

/** The points to compare at; `farOnly`: past the fixed points, only far along the line and at other values of the other variables. */
export function comparisonPoints(exprs: readonly Expr[], variable: string, others: readonly string[], functions: AbstractFunctions, farOnly = false): WherePoints {
  const base = fixedValues(others);
  const at = (values: Environment, x: number): Environment => ({ ...values, [variable]: x });
  return {
    fixed: checkPoints.map((x) => ({ at: at(base, x), fixed: true })),
    more: () => {
      const switches = farOnly ? [] : switchesIn(exprs, variable);
      const out: ComparisonPoint[] = [];
      const xs = (values: Environment): number[] => piecePoints(switches.flatMap((s) => switchPlaces(s, variable, values, functions)));
      for (const x of [...farPoints, ...xs(base)]) out.push({ at: at(base, x), fixed: false });
      for (const values of otherValues(farOnly ? [] : exprs, variable, others, base, functions)) {
        for (const x of [...fewerPoints, ...farPoints, ...xs(values)]) out.push({ at: at(values, x), fixed: false });
      }
      return out;
    },
  };
}

/**
 * Points of the other variables besides their fixed values: several spread over the line,
 * then, for each variable, one on each side of each place its pieces change (the variable
 * of the derivative at one of its fixed points).
 */
function otherValues(exprs: readonly Expr[], variable: string, others: readonly string[], base: Environment, functions: AbstractFunctions): Environment[] {
  if (others.length === 0) return [];
  const out: Environment[] = [];
  for (let k = 0; k < 6; k++) {
    out.push(Object.fromEntries(others.map((v, i) => [v, otherSpread[(k + 3 * i) % otherSpread.length]! * (1 + i / 11)])));
  }
  const where = { ...base, [variable]: checkPoints[0]! };
  for (const v of others) {
    const switches: Switch[] = switchesIn(exprs, v);
    const places = piecePoints(switches.flatMap((s) => switchPlaces(s, v, where, functions))).slice(0, 8);
    for (const y of places) out.push({ ...base, [v]: y });
  }
  return out.slice(0, 24);
}

/**
 * Points on every piece the places cut the line into: beside each place on both sides, and
 * two inside each stretch between neighbouring places; the places themselves are left out
 * (the derivative has no value there, and each side's value is another).
 */
function piecePoints(places: readonly number[]): number[] {
  const sorted = [...new Set(places.filter(Number.isFinite))].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: number[] = [];
  const near = (k: number): number => 1e-3 * Math.max(1, Math.abs(k));
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i]!;
    const below = i > 0 ? k - sorted[i - 1]! : Number.POSITIVE_INFINITY;
    const above = i + 1 < sorted.length ? sorted[i + 1]! - k : Number.POSITIVE_INFINITY;
    out.push(k - Math.min(near(k), below / 8), k + Math.min(near(k), above / 8));
    if (Number.isFinite(above)) out.push(k + 0.382 * above, k + 0.707 * above);
  }
  const [first, last] = [sorted[0]!, sorted.at(-1)!];
  out.push(first - 0.41 * Math.max(1, Math.abs(first)), last + 0.37 * Math.max(1, Math.abs(last)));
  // Past the most kept, those nearest 0 are kept: where a question's interesting part usually is.
  return out.filter((x) => Number.isFinite(x) && !sorted.includes(x)).sort((a, b) => Math.abs(a) - Math.abs(b)).slice(0, maxPiecePoints);
}
