import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import stdlibGamma from '@stdlib/math-base-special-gamma';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibPolygamma from '@stdlib/math-base-special-polygamma';
import stdlibErfinv from '@stdlib/math-base-special-erfinv';
import stdlibErfcinv from '@stdlib/math-base-special-erfcinv';
import stdlibFresnelS from '@stdlib/math-base-special-fresnels';
import stdlibFresnelC from '@stdlib/math-base-special-fresnelc';
import stdlibBesselJ0 from '@stdlib/math-base-special-besselj0';
import stdlibBesselJ1 from '@stdlib/math-base-special-besselj1';
import stdlibBesselY0 from '@stdlib/math-base-special-bessely0';
import stdlibBesselY1 from '@stdlib/math-base-special-bessely1';
import stdlibSici from '@stdlib/math-base-special-sici';
import stdlibEllipk from '@stdlib/math-base-special-ellipk';
import stdlibEllipe from '@stdlib/math-base-special-ellipe';
import stdlibBeta from '@stdlib/math-base-special-beta';
import stdlibGammainc from '@stdlib/math-base-special-gammainc';

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

export const erfinv: (x: number) => number = stdlibErfinv;
export const erfcinv: (x: number) => number = stdlibErfcinv;
/** The Fresnel integrals S(x) = ∫₀ˣ sin(πt²/2) dt and C(x) = ∫₀ˣ cos(πt²/2) dt, as SciPy and SymPy have them. */
export const fresnelS: (x: number) => number = stdlibFresnelS;
export const fresnelC: (x: number) => number = stdlibFresnelC;
/** The Bessel functions of the first and second kinds of orders 0 and 1 (Y only for x > 0). */
export const besselJ0: (x: number) => number = stdlibBesselJ0;
export const besselJ1: (x: number) => number = stdlibBesselJ1;
export const besselY0 = (x: number): number => (x > 0 ? stdlibBesselY0(x) : Number.NaN);
export const besselY1 = (x: number): number => (x > 0 ? stdlibBesselY1(x) : Number.NaN);
/** The sine integral Si(x) = ∫₀ˣ sin(t)/t dt. */
export const sineIntegral = (x: number): number => stdlibSici(x)[0]!;
/** The cosine integral Ci(x) = γ + ln x + ∫₀ˣ (cos t − 1)/t dt, for x > 0. */
export const cosineIntegral = (x: number): number => (x > 0 ? stdlibSici(x)[1]! : Number.NaN);
/** The complete elliptic integrals K(m) and E(m) of the parameter m = k², for m < 1 (m ≤ 1 for E). */
export const ellipticK = (m: number): number => (m < 1 ? stdlibEllipk(m) : Number.NaN);
export const ellipticE = (m: number): number => (m <= 1 ? stdlibEllipe(m) : Number.NaN);
/** x! = Γ(x + 1), for real x other than −1, −2, … */
export const factorial = (x: number): number => stdlibGamma(x + 1);

/**
 * The principal branch W₀ of the Lambert W function, w·eʷ = x, for x ≥ −1/e: Halley's iteration
 * from the branch-point series near −1/e, from ln(1 + x) for moderate x and ln x − ln ln x beyond.
 */
export function lambertW(x: number): number {
  if (Number.isNaN(x) || x < -1 / Math.E) return Number.NaN;
  if (x === Infinity) return Infinity;
  if (x === 0) return 0;
  let w: number;
  if (x < -0.25) {
    const p = Math.sqrt(2 * (Math.E * x + 1));
    w = -1 + p - (p * p) / 3 + (11 / 72) * p * p * p;
  } else if (x < 3) {
    w = Math.log1p(x) * (1 - Math.log1p(Math.log1p(x)) / (2 + Math.log1p(x)));
  } else {
    const l = Math.log(x);
    w = l - Math.log(l);
  }
  for (let i = 0; i < 100; i++) {
    const ew = Math.exp(w);
    const f = w * ew - x;
    if (f === 0 || w === -1) break;
    const step = f / (ew * (w + 1) - ((w + 2) * f) / (2 * w + 2));
    w -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(w))) break;
  }
  return w;
}

/** B(x, y) = Γ(x)Γ(y)/Γ(x + y): stdlib's for positive x and y, where Γ's quotient would overflow first; that quotient elsewhere. */
export const beta = (x: number, y: number): number => (x > 0 && y > 0 ? stdlibBeta(x, y) : (stdlibGamma(x) * stdlibGamma(y)) / stdlibGamma(x + y));

/**
 * The value at x of the polynomials p₀, p₁, … of a three-term recurrence p_{k+1} = a(k)·p_k − b(k)·p_{k−1},
 * at a whole degree n ≥ 0 (NaN at any other): the forward recurrence is how the orthogonal
 * polynomials are computed, stable on their interval of orthogonality and beyond.
 */
function byRecurrence(n: number, p0: number, p1: number, next: (k: number, pk: number, pk1: number) => number): number {
  if (!Number.isInteger(n) || n < 0) return Number.NaN;
  if (n === 0) return p0;
  let [before, now] = [p0, p1];
  for (let k = 1; k < n; k++) [before, now] = [now, next(k, now, before)];
  return now;
}

/** The Hermite polynomial Hₙ(x) of physics: H₀ = 1, H₁ = 2x, H_{k+1} = 2x·H_k − 2k·H_{k−1}. */
export const hermite = (n: number, x: number): number => byRecurrence(n, 1, 2 * x, (k, pk, pk1) => 2 * x * pk - 2 * k * pk1);
/** The Laguerre polynomial Lₙ(x): (k + 1)·L_{k+1} = (2k + 1 − x)·L_k − k·L_{k−1}. */
export const laguerre = (n: number, x: number): number => byRecurrence(n, 1, 1 - x, (k, pk, pk1) => ((2 * k + 1 - x) * pk - k * pk1) / (k + 1));
/** The Legendre polynomial Pₙ(x): (k + 1)·P_{k+1} = (2k + 1)·x·P_k − k·P_{k−1}; P₋ₙ₋₁ = Pₙ. */
export const legendre = (n: number, x: number): number =>
  (Number.isInteger(n) && n < 0 ? legendre(-n - 1, x) : byRecurrence(n, 1, x, (k, pk, pk1) => ((2 * k + 1) * x * pk - k * pk1) / (k + 1)));
/** The Chebyshev polynomial of the first kind Tₙ(x): T_{k+1} = 2x·T_k − T_{k−1}; T₋ₙ = Tₙ. */
export const chebyshevT = (n: number, x: number): number => byRecurrence(Math.abs(n), 1, x, (_, pk, pk1) => 2 * x * pk - pk1);
/** The Chebyshev polynomial of the second kind Uₙ(x): U_{k+1} = 2x·U_k − U_{k−1}; U₋₁ = 0 and U₋ₙ = −Uₙ₋₂. */
export const chebyshevU = (n: number, x: number): number =>
  (n === -1 ? 0 : Number.isInteger(n) && n < -1 ? -chebyshevU(-n - 2, x) : byRecurrence(n, 1, 2 * x, (_, pk, pk1) => 2 * x * pk - pk1));

/**
 * The Bessel function Jₙ(x) of whole order n: the forward recurrence J_{k+1} = (2k/x)·J_k − J_{k−1}
 * from stdlib's J₀ and J₁ where |x| > n, where it is stable; below, Miller's backward recurrence
 * from far above n, scaled by 1 = J₀ + 2(J₂ + J₄ + …). J₋ₙ = (−1)ⁿJₙ.
 */
export function besselJ(n: number, x: number): number {
  if (!Number.isInteger(n) || Number.isNaN(x)) return Number.NaN;
  if (n < 0) return (n % 2 === 0 ? 1 : -1) * besselJ(-n, x);
  if (n === 0) return stdlibBesselJ0(x);
  if (n === 1) return stdlibBesselJ1(x);
  if (x === 0) return 0;
  const ax = Math.abs(x);
  let value: number;
  if (ax > n) {
    let [before, now] = [stdlibBesselJ0(ax), stdlibBesselJ1(ax)];
    for (let k = 1; k < n; k++) [before, now] = [now, ((2 * k) / ax) * now - before];
    value = now;
  } else {
    const start = 2 * Math.floor((n + Math.floor(Math.sqrt(160 * n)) + Math.ceil(ax)) / 2);
    let [above, now, sum, even] = [0, 1, 0, false];
    value = 0;
    for (let k = start; k > 0; k--) {
      const below = ((2 * k) / ax) * now - above;
      [above, now] = [now, below];
      // Rescale far from overflow: only the ratios matter until the sum scales them.
      if (Math.abs(now) > 1e250) [now, above, value, sum] = [now * 1e-250, above * 1e-250, value * 1e-250, sum * 1e-250];
      if (even) sum += now;
      even = !even;
      if (k === n) value = above;
    }
    value /= 2 * sum - now;
  }
  return x < 0 && n % 2 === 1 ? -value : value;
}

/** The Bessel function Yₙ(x) of whole order n, for x > 0: the forward recurrence from stdlib's Y₀ and Y₁, stable for Y. Y₋ₙ = (−1)ⁿYₙ. */
export function besselY(n: number, x: number): number {
  if (!Number.isInteger(n) || !(x > 0)) return Number.NaN;
  if (n < 0) return (n % 2 === 0 ? 1 : -1) * besselY(-n, x);
  if (n === 0) return stdlibBesselY0(x);
  let [before, now] = [stdlibBesselY0(x), stdlibBesselY1(x)];
  for (let k = 1; k < n && Number.isFinite(now); k++) [before, now] = [now, ((2 * k) / x) * now - before];
  return now;
}

/*
 * The incomplete Γ functions of order a > 0 at x ≥ 0, from stdlib's gammainc(x, a, regularized, upper):
 * γ(a, x) and Γ(a, x), and their regularised forms P = γ/Γ(a) and Q = Γ(a, x)/Γ(a).
 */
const incompleteGamma = (regularized: boolean, upper: boolean) => (a: number, x: number): number =>
  (a > 0 && x >= 0 ? stdlibGammainc(x, a, regularized, upper) : Number.NaN);
export const lowerGamma = incompleteGamma(false, false);
export const upperGamma = incompleteGamma(false, true);
export const regularizedLowerGamma = incompleteGamma(true, false);
export const regularizedUpperGamma = incompleteGamma(true, true);

/** B₂ⱼ/(2j)! for j = 1 … 8: the Euler–Maclaurin corrections of the Hurwitz ζ. */
const bernoulliOverFactorial = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000, 1 / 74724249600, -3617 / 10670622842880000];

/**
 * The Hurwitz ζ(s, a) = Σₖ (a + k)^(−s), for a > 0 and s ≠ 1, continued to s < 1: the first ten
 * terms, then the Euler–Maclaurin tail from a + 10 with eight Bernoulli corrections, which at
 * a + 10 ≥ 10 leave an error below 10⁻¹⁵ of the value for |s| up to about 20.
 */
export function hurwitzZeta(s: number, a: number): number {
  if (!(a > 0) || s === 1 || Number.isNaN(s)) return Number.NaN;
  const terms = 10;
  let sum = 0;
  for (let k = 0; k < terms; k++) sum += (a + k) ** -s;
  const n = a + terms;
  sum += n ** (1 - s) / (s - 1) + n ** -s / 2;
  // (s)(s + 1)…(s + 2j − 2)·n^(−s − 2j + 1), built up two factors at a time.
  let rising = s * n ** (-s - 1);
  for (let j = 0; j < bernoulliOverFactorial.length; j++) {
    sum += bernoulliOverFactorial[j]! * rising;
    rising *= ((s + 2 * j + 1) * (s + 2 * j + 2)) / (n * n);
  }
  return sum;
}

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
