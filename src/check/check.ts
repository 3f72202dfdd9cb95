import type { Expr } from '../expr/types.js';
import { isZero } from '../expr/rational.js';
import type { Derivative } from '../differentiate/differentiate.js';
import { postOrder, variablesOf } from '../expr/traverse.js';
import { compile, type CompiledExpression } from '../evaluate/compile.js';
import { evaluate, type AbstractFunctions, type Environment } from '../evaluate/evaluate.js';
import { buildTrace, shownEquations, stepInWords } from '../steps/trace.js';
import { words } from '../steps/labels.js';
import { holdsAt } from '../differentiate/conditions.js';
import { richardson, richardsonStep, type DerivativeEstimate } from './richardson.js';
import { roundingError } from '../evaluate/rounding.js';
import { Calculators, preciseSlope, preciseValue, type PreciseSlope } from './precise-slope.js';
import { InputError } from '../errors.js';

/*
 * Numbers confirming a symbolic result: the answer against a Richardson-extrapolated
 * finite difference of the function at points spread over where both are defined, and,
 * on request, every equality the derivation shows.
 */

export interface CheckOptions {
  /** Also check every equality of the derivation (each rule's formula and result, each rewrite). */
  readonly steps?: boolean;
  /** Largest relative error accepted (values under 10⁻⁶ are compared absolutely). Default 10⁻⁶. */
  readonly tolerance?: number;
  /** With `steps`: the most expression nodes the derivation may show (see buildTrace). */
  readonly maxShownNodes?: number | undefined;
  /** Most seconds the check may take: past them it stops and judges by the points compared so far. */
  readonly timeout?: number | undefined;
  /** Check at this one point (every variable's value) rather than at points spread over the line. */
  readonly at?: Environment;
}

export interface CheckFailure {
  /** What disagreed, in words: "answer", "order 2", or a step: "1.2 chain rule" ("order 2, 1.2 chain rule" in a higher derivative). */
  readonly what: string;
  /** The order of the derivative whose answer or step disagreed (1 for the first). */
  readonly order: number;
  /** The step that disagreed ([1, 2] for step 1.2), or none when it is the answer of that order. */
  readonly step?: readonly number[];
  /** The point, with the values of the other variables. */
  readonly at: Environment;
  /** The two sides: the symbolic value and the finite-difference estimate, or the two sides of a step. */
  readonly left: number;
  readonly right: number;
  readonly error: number;
}

export interface CheckReport {
  /** verified: every comparison made agreed; failed: one did not; unchecked: no usable point. */
  readonly verdict: 'verified' | 'failed' | 'unchecked';
  readonly variable: string;
  /** Points tried, and points where the answer could be compared (defined, finite, differentiable there). */
  readonly pointsTried: number;
  readonly pointsUsed: number;
  /** Smallest and largest point used. */
  readonly range: readonly [number, number] | undefined;
  /** Values given to the other variables. */
  readonly fixed: Environment;
  /** Worst relative error over every comparison made; NaN when none was made. */
  readonly worstError: number;
  readonly tolerance: number;
  /** With `steps`: how many equalities the derivation shows, and how many could be compared somewhere. */
  readonly equalities?: { readonly total: number; readonly checked: number };
  /**
   * Why points were not used: where the answer is said not to hold (a kink), where the function
   * is undefined or not real near the point, where its finite differences do not settle (a pole,
   * a kink, digits lost), and where they cannot resolve the slope at all (f is so large that
   * f(x + h) − f(x − h) is rounding: 10¹⁶ + x).
   */
  readonly skipped: {
    readonly excluded: number; readonly undefined: number; readonly unsettled: number; readonly unresolvable: number;
    /** Where f has numbers past the range of doubles (10³⁰⁸) and arbitrary precision was not tried (too many orders for the points left). */
    readonly pastDoubles: number;
  };
  /** The largest |f| where the slope could not be resolved. */
  readonly largestUnresolved?: number;
  /**
   * When doubles could not resolve the slope: points tried in arbitrary precision, points where
   * the comparison was made so (every order there settled), and the most digits used.
   */
  readonly precise?: { readonly tried: number; readonly points: number; readonly digits: number };
  /** When the check stopped at its time limit: how many points were not tried. */
  readonly stopped?: { readonly pointsLeft: number };
  /** The first disagreement of each thing that disagreed (at most five). */
  readonly failures: readonly CheckFailure[];
}

/** Irregular points, so that no special value (0, ±1, π/2) is hit; wide, for functions defined on part of the line. */
export const checkPoints: readonly number[] = [
  0.37, -0.81, 1.23, -1.67, 2.11, -2.53, 0.063, -0.29, 3.07, -3.41, 0.71, 4.3,
  0.13, -0.047, 0.52, 0.88, 1.49, 5.7, -6.2, 7.9, 11.3, -13.1, 0.0071, 2.77,
];
const otherValues = [0.53, -0.77, 1.19, 0.31, -1.43, 0.89, 2.06, -0.21];

/** Three functions of one variable with all their derivatives: e^(t/2), sin t, cos 2t. */
const standIns: readonly ((t: number, n: number) => number)[] = [
  (t, n) => 0.5 ** n * Math.exp(t / 2),
  (t, n) => Math.sin(t + (n * Math.PI) / 2),
  (t, n) => 2 ** n * Math.cos(2 * t + (n * Math.PI) / 2),
];

/**
 * A concrete stand-in for the abstract function of this name, with all its derivatives: the
 * rules must hold for any f. f, g and h of one argument are e^(t/2), sin t and cos 2t; with
 * several arguments, a product of those, a different one for each argument (f(s, t) = e^(s/2)·sin t),
 * so that a derivative by the wrong argument shows.
 */
function standIn(first: number): AbstractFunctions[string] {
  return (args, orders) => args.reduce((p, a, i) => p * standIns[(first + i) % standIns.length]!(a, orders[i] ?? 0), 1);
}

/** Stand-ins for the abstract functions of these expressions: f, g, h as above, any other name by its first letter. */
export function standInsFor(...exprs: readonly Expr[]): AbstractFunctions {
  const functions: Record<string, AbstractFunctions[string]> = {};
  for (const e of exprs) {
    for (const node of postOrder(e)) {
      if (node.kind === 'apply') functions[node.name] ??= standIn(['f', 'g', 'h'].indexOf(node.name) >= 0 ? ['f', 'g', 'h'].indexOf(node.name) : node.name.charCodeAt(0) % 3);
    }
  }
  return functions;
}

const maxFailures = 5;
/**
 * At most this many points are compared in arbitrary precision (and twice as many tried), and at
 * most this many orders at all those points together: σ⁽¹⁰⁰⁾ has a hundred, each a polynomial at
 * hundreds of digits.
 */
const maxPrecisePoints = 4;
const precisePointOrders = 120;

/** Checks a derivative numerically. */
export function checkDerivative(d: Derivative, options: CheckOptions = {}): CheckReport {
  if (typeof d !== 'object' || d === null || !('derivations' in d)) throw new InputError('checkDerivative takes what differentiate() returns', 'invalid-request');
  const tolerance = options.tolerance ?? 1e-6;
  const variable = d.variable;
  const endAt = options.timeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeout * 1000;
  let pointsLeft = 0;
  const outOfTime = (): boolean => Date.now() > endAt;
  const others = variablesOf(d.input).filter((v) => v !== variable).sort();
  const point = options.at;
  const fixed = point ? Object.fromEntries(others.map((v) => [v, point[v] ?? Number.NaN])) : fixedValues(others);
  const points = point ? [point[variable] ?? Number.NaN] : checkPoints;
  const at = (x: number): Environment => ({ ...fixed, [variable]: x });
  const standInFunctions = standInsFor(d.input);

  const failures: CheckFailure[] = [];
  let worst = Number.NaN;
  const compare = (where: Pick<CheckFailure, 'what' | 'order' | 'step'>, point: Environment, left: number, right: number, floor?: number,
    error = relativeError(left, right, floor)): void => {
    if (!(error <= worst)) worst = error;
    // The first disagreement of each thing compared: a wrong rule shows in its step and in the answer.
    if (!(error <= tolerance) && failures.length < maxFailures && !failures.some((f) => f.what === where.what)) {
      failures.push({ ...where, at: point, left, right, error });
    }
  };

  // Each order against finite differences of the order before: the answer, by induction.
  // Each order is compiled when first compared, so the time limit holds while a thousand orders are made ready.
  const orders = d.derivations.map((derivation, i) => {
    // Kept once read: a derivation may make its trees afresh at each reading (see polynomial-chain.ts).
    let expr: Expr | undefined;
    let answer: Expr | undefined;
    let f: CompiledExpression | undefined;
    let derivative: CompiledExpression | undefined;
    return {
      where: { what: d.derivations.length > 1 ? words.order(i + 1) : words.answer, order: i + 1 },
      get expr() { return (expr ??= derivation.expr); },
      get answer() { return (answer ??= derivation.result); },
      get f() { return (f ??= compile(this.expr, { functions: standInFunctions })); },
      get derivative() { return (derivative ??= compile(this.answer, { functions: standInFunctions })); },
    };
  });
  const used: number[] = [];
  // Not where the answer is said not to hold (at a kink or a jump): no derivative to compare there.
  const holds = (point: Environment): boolean => d.conditions.every((c) =>
    holdsAt(c, safe(() => evaluate(c.left, point, { functions: standInFunctions })), safe(() => evaluate(c.right, point, { functions: standInFunctions }))));
  const skipped = { excluded: 0, undefined: 0, unsettled: 0, unresolvable: 0, pastDoubles: 0 };
  let largestUnresolved = 0;
  // Where doubles cannot resolve the slope or it does not settle, orders are compared in arbitrary
  // precision at a few points (abstract functions have no such values): those orders only.
  const calculators = new Calculators();
  const precise = {
    points: 0, digits: 0, tried: 0,
    // Enough for one point at any order.
    budget: postOrder(d.input).some((node) => node.kind === 'apply') ? 0 : Math.max(precisePointOrders, orders.length),
  };
  for (const [index, x] of points.entries()) {
    if (outOfTime()) {
      pointsLeft = points.length - index;
      break;
    }
    if (!holds(at(x))) {
      skipped.excluded++;
      continue;
    }
    const estimates: { o: typeof orders[number]; symbolic: number; numeric: DerivativeEstimate; noise: number }[] = [];
    for (const o of orders) {
      // σ⁽¹⁰⁰⁰⁾ has a thousand orders to estimate at each point: time is watched between them.
      if (outOfTime()) break;
      const symbolic = safe(() => o.derivative(at(x)));
      const numeric = richardson((t) => safe(() => o.f(at(t))), x);
      // How much rounding in f moves the differences: about 16 times f's rounding error over h.
      const noise = 16 * Number.EPSILON * safe(() => roundingError(o.expr, at(x), { functions: standInFunctions })) / richardsonStep(x);
      estimates.push({ o, symbolic, numeric, noise: Number.isFinite(noise) ? noise : 0 });
    }
    if (estimates.length < orders.length) {
      pointsLeft = points.length - index;
      break;
    }
    // Where f is so large that its differences are rounding, no slope can be read from them: 10¹⁶ + x.
    // Nor where they do not settle (a pole, a kink, digits lost), or are so small that doubles lose
    // digits (below 10⁻²⁸⁰ they have fewer and fewer), or f has no value in doubles (undefined, or
    // past their range: σ⁽³⁰⁰⁾'s coefficients reach 10⁵⁰⁰).
    const scale = ({ symbolic, numeric }: typeof estimates[number]): number => Math.max(Math.abs(numeric.value), Number.isFinite(symbolic) ? Math.abs(symbolic) : 0);
    const unresolved = (e: typeof estimates[number]): boolean => e.noise > tolerance * Math.max(scale(e), 1);
    const usable = (e: typeof estimates[number]): boolean => Number.isFinite(e.numeric.value) && !unresolved(e)
      && settled(e.numeric, tolerance) && !(scale(e) > 0 && scale(e) < 1e-280);
    const doubtful = estimates.filter((e) => !usable(e));
    const tryPrecisely = doubtful.length > 0 && doubtful.length <= precise.budget && precise.points < maxPrecisePoints && precise.tried < 2 * maxPrecisePoints;
    const slopes = tryPrecisely ? preciseSlopes(doubtful.map((e) => e.o), x) : undefined;
    // A point the time limit cut short is one not tried.
    if (tryPrecisely && !(slopes instanceof Map) && outOfTime()) {
      pointsLeft = points.length - index;
      break;
    }
    // Points where f has no value at all cost little and are not counted against the few tried.
    if (tryPrecisely && slopes !== 'no-value') {
      precise.tried++;
      precise.budget -= doubtful.length;
    }
    if (doubtful.length > 0 && !(slopes instanceof Map)) {
      const noValue = doubtful.filter((e) => !Number.isFinite(e.numeric.value));
      const large = doubtful.find(unresolved);
      if (noValue.length > 0) {
        if (!tryPrecisely && noValue.some((e) => pastDoubles(e.o.expr))) skipped.pastDoubles++;
        else skipped.undefined++;
      } else if (large) {
        skipped.unresolvable++;
        largestUnresolved = Math.max(largestUnresolved, Math.abs(safe(() => large.o.f(at(x)))));
      } else {
        skipped.unsettled++;
      }
      continue;
    }
    // A usable point. There the answer must have a value: NaN or infinity where f is smooth is a
    // wrong answer, not a skipped point.
    used.push(x);
    if (slopes instanceof Map) precise.points++;
    // Compared relative to the slope itself, down to what the differences can tell (their rounding,
    // their last change): a slope of 10⁻¹³ is checked too, and noise about a slope of 0 is no disagreement.
    for (const e of estimates) {
      const slope = slopes instanceof Map ? slopes.get(e.o) : undefined;
      if (!slope) {
        let symbolic = e.symbolic;
        // The answer's parts may pass the double range where its value does not ((e^(2x²) − x)⁴ at
        // x = 11.3): its value is then worked out in arbitrary precision, and only an answer with
        // no value there either fails (1/√x for x < 0).
        const precisely = Number.isFinite(symbolic) ? undefined : preciseValue(e.o.answer, at(x), tolerance, calculators);
        if (precisely?.isFinite()) symbolic = precisely.toNumber();
        let floor = Math.max(e.noise, 10 * e.numeric.error) / tolerance;
        // The answer's own rounding in doubles, where a disagreement is within it (1 + erf(−9.3) in
        // GELU′ at −13.1 is rounding about 1): no failure there. Worked out only where they disagree,
        // and not for a value worked out in arbitrary precision, which has no such rounding.
        if (precisely === undefined && !(relativeError(symbolic, e.numeric.value, floor) <= tolerance)) {
          const own = 16 * Number.EPSILON * safe(() => roundingError(e.o.answer, at(x), { functions: standInFunctions }));
          if (Number.isFinite(own)) floor = Math.max(floor, own / tolerance);
        }
        compare(e.o.where, at(x), symbolic, e.numeric.value, floor);
        continue;
      }
      const { symbolic, numeric, uncertainty, digits } = slope;
      precise.digits = Math.max(precise.digits, digits);
      const size = [symbolic.abs(), numeric.abs(), uncertainty.div(tolerance)].reduce((a, b) => (a.gt(b) ? a : b));
      const error = !symbolic.isFinite() ? Number.NaN : symbolic.eq(numeric) ? 0 : symbolic.sub(numeric).abs().div(size).toNumber();
      compare(e.o.where, at(x), symbolic.toNumber(), numeric.toNumber(), undefined, error);
    }
  }

  /** The slopes of these orders at x in arbitrary precision, or why one of them cannot be had. */
  function preciseSlopes(these: readonly typeof orders[number][], x: number): Map<typeof orders[number], PreciseSlope & { kind: 'estimate' }> | 'no-value' | 'unsettled' {
    const out = new Map<typeof orders[number], PreciseSlope & { kind: 'estimate' }>();
    for (const o of these) {
      if (outOfTime()) return 'unsettled';
      const slope = preciseSlope(o.expr, o.answer, variable, at(x), tolerance, calculators);
      if (slope.kind !== 'estimate') return slope.kind;
      out.set(o, slope);
    }
    return out;
  }

  let equalities: CheckReport['equalities'];
  if (options.steps) {
    const trace = buildTrace(d, { maxShownNodes: options.maxShownNodes });
    const shown = shownEquations(trace);
    let checked = 0;
    for (const { order, step, label, equation: [lhs, rhs], letting } of shown) {
      if (outOfTime()) break;
      const where = { what: stepInWords(trace, order, step, label), order, step };
      let compared = false;
      for (const x of used) {
        // The chain rule's letters take the values of what they stand for.
        const point = letting.reduce<Environment>((env, [name, value]) => ({ ...env, [name]: safe(() => evaluate(value, env, { functions: standInFunctions })) }), at(x));
        const left = valueWithDifferences(lhs, point, tolerance, standInFunctions);
        const right = valueWithDifferences(rhs, point, tolerance, standInFunctions);
        if (!Number.isFinite(left) || !Number.isFinite(right)) continue;
        compared = true;
        compare(where, point, left, right);
      }
      if (compared) checked++;
    }
    equalities = { total: shown.length, checked };
  }

  const verdict = failures.length > 0 ? 'failed' : used.length === 0 ? 'unchecked' : 'verified';
  return {
    verdict, variable, pointsTried: points.length, pointsUsed: used.length,
    range: used.length > 0 ? [used.reduce((a, b) => Math.min(a, b)), used.reduce((a, b) => Math.max(a, b))] : undefined,
    fixed, worstError: worst, tolerance, ...(equalities ? { equalities } : {}), failures,
    skipped, ...(largestUnresolved > 0 ? { largestUnresolved } : {}),
    ...(precise.tried > 0 ? { precise: { tried: precise.tried, points: precise.points, digits: precise.digits } } : {}),
    ...(pointsLeft > 0 || (options.timeout !== undefined && outOfTime()) ? { stopped: { pointsLeft } } : {}),
  };
}

/**
 * |a − b| relative to the larger of the two, absolute below `floor` (10⁻⁶ unless given: an
 * answer compared with finite differences gives their rounding noise, so a slope of 10⁻¹³ is
 * compared too). NaN (never within a tolerance) when either side has no value.
 */
export function relativeError(a: number, b: number, floor = 1e-6): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor, Number.MIN_VALUE);
}

/** Whether a finite-difference estimate has converged well enough to judge against (absolutely below 10⁻⁶). */
function settled(estimate: { value: number; error: number }, tolerance: number): boolean {
  return estimate.error <= (tolerance / 10) * Math.max(Math.abs(estimate.value), 1e-6);
}

/** The value of an expression whose unevaluated derivatives (u)′ are estimated numerically; NaN if any is unsettled. */
export function valueWithDifferences(e: Expr, env: Environment, tolerance: number, standInFunctions: AbstractFunctions): number {
  return safe(() => evaluate(e, env, {
    functions: standInFunctions,
    // (u)′ inside u too, as in ((x²)′)′.
    derivative: (operand, variable, point) => {
      const x = point[variable];
      if (x === undefined) return Number.NaN;
      const estimate = richardson((t) => valueWithDifferences(operand, { ...point, [variable]: t }, tolerance, standInFunctions), x);
      return settled(estimate, tolerance) ? estimate.value : Number.NaN;
    },
  }));
}

/** The values the other variables are given, in their order: irregular, so no special value is hit. */
export function fixedValues(names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((v, i) => [v, otherValues[i % otherValues.length]! * (1 + Math.floor(i / otherValues.length) / 7)]));
}

/** Whether an expression holds a number past the range of doubles, too large or too small (but not 0). */
function pastDoubles(e: Expr): boolean {
  return postOrder(e).some((node) => node.kind === 'num' && !isZero(node.value) && Math.abs(node.value.n.toString().length - node.value.d.toString().length) > 307);
}

const safe = (f: () => number): number => {
  try {
    return f();
  } catch {
    return Number.NaN;
  }
};
