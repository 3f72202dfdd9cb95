/** An interval of the real line, each end in it or not; ends may be infinite. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly lowIncluded: boolean;
  readonly highIncluded: boolean;
}

/**
 * Where a function is defined: a union of intervals, less some points: `at` alone (coth has no
 * value at 0), or, with `every`, the points at + k·every for whole k (tan's poles at π/2 + kπ),
 * those up to `upTo` only when it is given (Γ's poles at 0, −1, −2, …).
 */
export interface Domain {
  readonly intervals: readonly Interval[];
  readonly excluding?: {
    readonly at: number; readonly every?: number; readonly upTo?: number;
    /**
     * `at` and `every` as whole multiples of π/2, where they are such: [1, 2] for tan's poles at
     * π/2 + kπ. No double is such a point (cot(π) is −8·10¹⁵ in doubles), so an argument that is
     * one exactly is told by its exact form.
     */
    readonly halfTurns?: readonly [at: number, every: number];
  };
}

/** [low, high], (low, high), [low, high) or (low, high]. */
export function interval(low: number, high: number, ends: '[]' | '()' | '[)' | '(]'): Interval {
  return { low, high, lowIncluded: ends[0] === '[', highIncluded: ends[1] === ']' };
}

export function inInterval(i: Interval, x: number): boolean {
  return (x > i.low || (i.lowIncluded && x === i.low)) && (x < i.high || (i.highIncluded && x === i.high));
}

/**
 * Whether x is in the domain. An excluded point is one a whole number of periods from `at`
 * to within rounding: π/2 itself is no double, so tan(π/2) in floating point is finite but
 * meaningless.
 */
export function inDomain(d: Domain, x: number): boolean {
  if (!d.intervals.some((i) => inInterval(i, x))) return false;
  if (!d.excluding) return true;
  if (d.excluding.every === undefined) return x !== d.excluding.at;
  if (d.excluding.upTo !== undefined && x > d.excluding.upTo) return true;
  const periods = (x - d.excluding.at) / d.excluding.every;
  return Math.abs(periods - Math.round(periods)) > 1e-12 * Math.max(1, Math.abs(periods));
}
