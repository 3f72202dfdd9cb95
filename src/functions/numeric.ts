import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import stdlibGamma from '@stdlib/math-base-special-gamma';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibPolygamma from '@stdlib/math-base-special-polygamma';

/*
 * Numeric values of the functions that JavaScript's Math lacks, in floating point: NaN where
 * undefined (outside the domain), ±Infinity only where the true value overflows. Each is written
 * so that it does not overflow or cancel where the value itself is representable.
 */

/** σ(x) = 1/(1 + e^(−x)), never computing e^t for large positive t. */
export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)). */
export const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** The logarithm of x to base b (the natural one without b). */
export const logarithm = (x: number, base?: number): number => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base));

export const sec = (x: number): number => 1 / Math.cos(x);
export const csc = (x: number): number => 1 / Math.sin(x);
export const cot = (x: number): number => Math.cos(x) / Math.sin(x);

/** 1/cosh x, 1/sinh x, 1/tanh x: each overflows or vanishes only where the true value does. */
export const sech = (x: number): number => 1 / Math.cosh(x);
export const csch = (x: number): number => 1 / Math.sinh(x);
export const coth = (x: number): number => 1 / Math.tanh(x);

/** The inverses of the reciprocal functions, through the inverse of the reciprocal: arcsec x = arccos(1/x). */
export const asec = (x: number): number => Math.acos(1 / x);
export const acsc = (x: number): number => Math.asin(1 / x);
/** arctan(1/x): π/2 at 0, where 1/0 is +∞. */
export const acot = (x: number): number => Math.atan(1 / x);
export const asech = (x: number): number => Math.acosh(1 / x);
export const acsch = (x: number): number => Math.asinh(1 / x);
export const acoth = (x: number): number => Math.atanh(1 / x);

/** The unit step, ½ at 0. */
export const heaviside = (x: number): number => (x > 0 ? 1 : x < 0 ? 0 : x === 0 ? 0.5 : Number.NaN);

/** Halves away from zero: Math.round takes −2.5 to −2. */
export function roundHalfAway(x: number): number {
  const r = Math.round(x);
  return x < 0 && r - x === 0.5 ? r - 1 : r;
}

export const relu = (x: number): number => Math.max(x, 0);
export const leakyRelu = (x: number, slope = 0.01): number => (x >= 0 ? x : slope * x);
/** eˣ − 1 by expm1, exact for small x. */
export const elu = (x: number, scale = 1): number => (x > 0 ? x : scale * Math.expm1(x));

/* The special functions, from stdlib's well-tested implementations. */
export const erf: (x: number) => number = stdlibErf;
export const erfc: (x: number) => number = stdlibErfc;
export const gamma: (x: number) => number = stdlibGamma;
/** ln |Γ(x)|. */
export const gammaln: (x: number) => number = stdlibGammaln;
export const digamma: (x: number) => number = stdlibDigamma;
/** ψ⁽ⁿ⁾(x), for whole n ≥ 0 (NaN otherwise). */
export const polygamma = (n: number, x: number): number => (Number.isInteger(n) && n >= 0 ? stdlibPolygamma(n, x) : Number.NaN);

/** sin(x)/x, 1 at 0: for tiny x, sin(x) is x to the last bit, so no series is needed. */
export const sinc = (x: number): number => (x === 0 ? 1 : Math.sin(x) / x);

/** x·Φ(x) = x·erfc(−x/√2)/2: erfc, not 1 + erf, so that it does not cancel for large negative x. */
export const gelu = (x: number): number => (x * stdlibErfc(-x / Math.SQRT2)) / 2;
export const silu = (x: number): number => x * sigmoid(x);
export const mish = (x: number): number => x * Math.tanh(softplus(x));
export const softsign = (x: number): number => x / (1 + Math.abs(x));
/** ln σ(x) = −softplus(−x). */
export const logSigmoid = (x: number): number => -softplus(-x);
/** ln(e^x₁ + … + e^xₙ) = m + ln(1 + Σ e^(xᵢ − m)) over all but one largest xᵢ = m: no term overflows. */
export function logSumExp(...xs: number[]): number {
  const top = xs.reduce((most, x) => (x > most || Number.isNaN(x) ? x : most), -Infinity);
  if (!Number.isFinite(top)) return top;
  const at = xs.indexOf(top);
  return top + Math.log1p(xs.reduce((sum, x, i) => (i === at ? sum : sum + Math.exp(x - top)), 0));
}
