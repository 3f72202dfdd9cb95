/** A derivative estimated from values, with an estimate of its own error. */
export interface DerivativeEstimate {
  readonly value: number;
  readonly error: number;
}

/** The first step of the differences at x: 1/100 of x's size, at least 1/100. */
export const richardsonStep = (x: number): number => 1e-2 * Math.max(1, Math.abs(x));

/**
 * f′(x) by central differences at steps h, h/2, h/4, h/8, extrapolated to step 0
 * (Richardson): the error falls as h⁸ instead of h², so the estimate is good to about
 * ten digits for smooth f. The error estimate is the change made by the last level;
 * it is large near poles and kinks, where the estimate should not be trusted.
 * NaN when f is undefined anywhere on the stencil.
 */
export function richardson(f: (x: number) => number, x: number, h = richardsonStep(x), levels = 4): DerivativeEstimate {
  let previous: number[] = [];
  let error = Number.POSITIVE_INFINITY;
  for (let i = 0; i < levels; i++) {
    const step = h / 2 ** i;
    const row = [(f(x + step) - f(x - step)) / (2 * step)];
    for (let j = 1; j <= i; j++) row.push(row[j - 1]! + (row[j - 1]! - previous[j - 1]!) / (4 ** j - 1));
    if (i > 0) error = Math.abs(row[i]! - previous[i - 1]!);
    previous = row;
  }
  const value = previous[levels - 1]!;
  return Number.isFinite(value) ? { value, error } : { value: Number.NaN, error: Number.POSITIVE_INFINITY };
}
