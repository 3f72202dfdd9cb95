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
import cephes from 'cephes';
import { chebyshevTRecurrence, chebyshevURecurrence, hermiteRecurrence, laguerreRecurrence, legendreRecurrence, nextValue, type ThreeTermRecurrence } from './recurrence.js';

// Cephes is WebAssembly, compiled asynchronously where it is imported as a module: its functions exist once this settles.
await cephes.compiled;

/** A Cephes function's value, NaN where Cephes reports its argument outside its domain (it throws there). */
function fromCephes(value: () => number): number {
  try {
    return value();
  } catch {
    return Number.NaN;
  }
}

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
/**
 * erf(y) − erf(x): as erfc(x) − erfc(y) where both are positive and erfc(−y) − erfc(−x) where both are
 * negative, so that it keeps its relative precision where erf is near ±1 at both.
 */
export function erf2(x: number, y: number): number {
  if (x > 0 && y > 0) return stdlibErfc(x) - stdlibErfc(y);
  if (x < 0 && y < 0) return stdlibErfc(-y) - stdlibErfc(-x);
  return stdlibErf(y) - stdlibErf(x);
}

/**
 * The z with erf(z) − erf(x) = y, erfinv(y + erf(x)) where y + erf(x) lies in (−1, 1): for x > 0 as
 * erfcinv(erfc(x) − y), for x < 0 as −erfcinv(erfc(−x) + y), so that a z far out is not lost to erf(x) rounding to ±1.
 */
export function erf2inv(x: number, y: number): number {
  if (x > 0) return stdlibErfcinv(stdlibErfc(x) - y);
  if (x < 0) return -stdlibErfcinv(stdlibErfc(-x) + y);
  return stdlibErfinv(y);
}

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
  return halleyLambertW(w, x);
}

/** Halley's iteration for w·eʷ = x from w, to the last bit; the branch is the one w starts on. */
function halleyLambertW(start: number, x: number): number {
  let w = start;
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

/**
 * The branch W₋₁ of w·eʷ = x, for −1/e ≤ x < 0, where w ≤ −1: Halley's iteration from the branch-point
 * series near −1/e (taking the other sign of its root than W₀) and from ln(−x) − ln(−ln(−x)) near 0.
 */
function lambertWMinus1(x: number): number {
  if (Number.isNaN(x) || x < -1 / Math.E || x > 0) return Number.NaN;
  if (x === 0) return -Infinity;
  let w: number;
  if (x < -0.25) {
    const p = -Math.sqrt(2 * (Math.E * x + 1));
    w = -1 + p - (p * p) / 3 + (11 / 72) * p * p * p;
  } else {
    const l1 = Math.log(-x);
    const l2 = Math.log(-l1);
    w = l1 - l2 + l2 / l1;
  }
  return Math.min(halleyLambertW(w, x), -1);
}

/** The branch k of Lambert's W that is real: W₀ for k = 0 (x ≥ −1/e), W₋₁ for k = −1 (−1/e ≤ x < 0); the others are complex (NaN). */
export const generalizedLambertW = (k: number, x: number): number => (k === 0 ? lambertW(x) : k === -1 ? lambertWMinus1(x) : Number.NaN);

/** B(x, y) = Γ(x)Γ(y)/Γ(x + y): stdlib's for positive x and y, where Γ's quotient would overflow first; that quotient elsewhere. */
export const beta = (x: number, y: number): number => (x > 0 && y > 0 ? stdlibBeta(x, y) : (stdlibGamma(x) * stdlibGamma(y)) / stdlibGamma(x + y));

/**
 * Most steps a recurrence in a degree or an order takes (up to a few tenths of a second): past it the
 * value is not worked out (NaN), rather than taking hours, as hermite(10³⁰⁸, x) would.
 */
const mostRecurrenceSteps = 10_000_000;
const pastMostSteps = (n: number): boolean => Math.abs(n) > mostRecurrenceSteps;

/** How many values were not worked out past the most steps: each exists, a real number, but is NaN here. */
let valuesNotWorkedOut = 0;

/**
 * A count that grows each time a value is not worked out past the most steps of a recurrence (its
 * arguments otherwise in the function's domain): a NaN met while it grew stands for a value, not
 * for none, which the check of parts with no value must not take for a pole.
 */
export const notWorkedOutCount = (): number => valuesNotWorkedOut;

/** NaN for a value that exists but takes too many steps to work out, counted. */
function notWorkedOut(): number {
  valuesNotWorkedOut++;
  return Number.NaN;
}

/**
 * The value at x of the polynomials p₀, p₁, … of a three-term recurrence p_{k+1} = a(k)·p_k − b(k)·p_{k−1},
 * at a whole degree n ≥ 0 (NaN at any other): the forward recurrence is how the orthogonal
 * polynomials are computed, stable on their interval of orthogonality and beyond.
 */
function byRecurrence(n: number, p0: number, p1: number, next: (k: number, pk: number, pk1: number) => number): number {
  if (!Number.isInteger(n) || n < 0) return Number.NaN;
  if (pastMostSteps(n)) return notWorkedOut();
  if (n === 0) return p0;
  let [before, now] = [p0, p1];
  for (let k = 1; k < n; k++) [before, now] = [now, next(k, now, before)];
  return now;
}

/** The value at x of a polynomial of a three-term recurrence (recurrence.ts) at a whole degree n ≥ 0. */
const byThreeTerms = (recurrence: ThreeTermRecurrence, n: number, x: number): number =>
  byRecurrence(n, 1, recurrence.first[0] + recurrence.first[1] * x, (k, pk, pk1) => nextValue(recurrence, k, x, pk, pk1));

/** The Hermite polynomial Hₙ(x) of physics. */
export const hermite = (n: number, x: number): number => byThreeTerms(hermiteRecurrence, n, x);
/** The Laguerre polynomial Lₙ(x). */
export const laguerre = (n: number, x: number): number => byThreeTerms(laguerreRecurrence, n, x);
/** The Legendre polynomial Pₙ(x); P₋ₙ₋₁ = Pₙ. */
export const legendre = (n: number, x: number): number =>
  (Number.isInteger(n) && n < 0 ? legendre(-n - 1, x) : byThreeTerms(legendreRecurrence, n, x));
/** The Chebyshev polynomial of the first kind Tₙ(x); T₋ₙ = Tₙ. */
export const chebyshevT = (n: number, x: number): number => byThreeTerms(chebyshevTRecurrence, Math.abs(n), x);
/** The Chebyshev polynomial of the second kind Uₙ(x); U₋₁ = 0 and U₋ₙ = −Uₙ₋₂. */
export const chebyshevU = (n: number, x: number): number =>
  (n === -1 ? 0 : Number.isInteger(n) && n < -1 ? -chebyshevU(-n - 2, x) : byThreeTerms(chebyshevURecurrence, n, x));

/**
 * The Bessel function Jₙ(x) of whole order n: the forward recurrence J_{k+1} = (2k/x)·J_k − J_{k−1}
 * from stdlib's J₀ and J₁ where |x| > n, where it is stable; below, Miller's backward recurrence
 * from far above n, scaled by 1 = J₀ + 2(J₂ + J₄ + …). J₋ₙ = (−1)ⁿJₙ.
 */
function besselJ(n: number, x: number): number {
  if (!Number.isInteger(n) || Number.isNaN(x)) return Number.NaN;
  // Past the steps a recurrence may take, Cephes's jv, whose expansions for large orders take no steps.
  if (pastMostSteps(n)) {
    // J₋ₙ(x) = (−1)ⁿJₙ(x) and Jₙ(−x) = (−1)ⁿJₙ(x): the sign changes once for each that holds, at odd n.
    const flips = n % 2 !== 0 && (n < 0) !== (x < 0);
    return (flips ? -1 : 1) * fromCephes(() => cephes.jv(Math.abs(n), Math.abs(x)));
  }
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
function besselY(n: number, x: number): number {
  if (!Number.isInteger(n) || !(x > 0)) return Number.NaN;
  if (pastMostSteps(n)) return notWorkedOut();
  if (n < 0) return (n % 2 === 0 ? 1 : -1) * besselY(-n, x);
  if (n === 0) return stdlibBesselY0(x);
  let [before, now] = [stdlibBesselY0(x), stdlibBesselY1(x)];
  for (let k = 1; k < n && Number.isFinite(now); k++) [before, now] = [now, ((2 * k) / x) * now - before];
  return now;
}

/*
 * The incomplete Γ functions of order a > 0 at x ≥ 0, from Cephes's regularised igam and igamc:
 * P = γ(a, x)/Γ(a) and Q = Γ(a, x)/Γ(a), and γ and Γ(a, x) as those times Γ(a). (stdlib's gammainc
 * is some 2 % off where a and x are large and near each other: Q(1003, 1012.5) is 0.3785, not 0.3868.)
 */
const incompleteGamma = (regularized: boolean, upper: boolean) => (a: number, x: number): number => {
  if (!(a > 0 && x >= 0)) return Number.NaN;
  const part = x === Infinity ? (upper ? 0 : 1) : fromCephes(() => (upper ? cephes.igamc(a, x) : cephes.igam(a, x)));
  return regularized ? part : part * stdlibGamma(a);
};
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
export function hurwitzZeta(s: number, a = 1): number {
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

/*
 * The Bessel functions of any real order ν. Cephes's jv, yv and iv where they are accurate; K by
 * its integral of positive terms, which Cephes lacks for orders that are not whole.
 */

/** Jᵥ(x): the whole orders as above; the others from Cephes's jv, for x ≥ 0 (complex below). */
export const besselJv = (v: number, x: number): number =>
  (Number.isInteger(v) ? besselJ(v, x) : x >= 0 ? fromCephes(() => cephes.jv(v, x)) : Number.NaN);

/** Yᵥ(x) for x > 0: the whole orders as above; the others from Cephes's yv. */
export const besselYv = (v: number, x: number): number =>
  // An infinite order is none (Cephes's yv spends seconds on it).
  (!Number.isFinite(v) ? Number.NaN : Number.isInteger(v) ? besselY(v, x) : x > 0 ? fromCephes(() => cephes.yv(v, x)) : Number.NaN);

/** ln cosh y without overflow. */
const logCosh = (y: number): number => Math.abs(y) + Math.log1p(Math.exp(-2 * Math.abs(y))) - Math.LN2;

/**
 * Kᵥ(x) = ∫₀^∞ e^(−x·cosh t)·cosh(νt) dt for x > 0, by the trapezoidal rule: the integrand is smooth,
 * even and decays doubly exponentially, so the rule converges geometrically in the step, and its
 * terms are positive, so the sum keeps its relative precision. The step h ≤ 0.5/√(x + |ν|) keeps the
 * error below e^(−70) of the value where the integrand narrows about its peak (large x or ν). Summed in logarithms
 * scaled by the largest term, so that no term overflows where the value does not.
 */
export function besselK(v: number, x: number): number {
  if (!(x > 0) || Number.isNaN(v)) return Number.NaN;
  if (x === Infinity) return 0;
  const h = Math.min(0.25, 0.5 / Math.sqrt(x + Math.abs(v)));
  const logs: number[] = [];
  let most = -Infinity;
  for (let k = 0; k < 100000; k++) {
    const t = k * h;
    const l = -x * (Math.cosh(t) - 1) + logCosh(v * t);
    logs.push(k === 0 ? l - Math.LN2 : l);
    most = Math.max(most, l);
    // Past the peak, once the terms are below 10⁻¹⁸ of the largest (or cosh t has overflowed), the rest do not count.
    if ((l < most - 42 && k > 0 && l < logs[k - 1]!) || !Number.isFinite(l)) break;
  }
  const sum = logs.reduce((s, l) => (Number.isFinite(l) ? s + Math.exp(l - most) : s), 0);
  return Math.exp(most - x + Math.log(h * sum));
}

/**
 * Iᵥ(x) for ν ≥ 0 and x ≥ 0 by its series (x/2)^ν·Σₖ (x²/4)ᵏ/(k!·Γ(ν + k + 1)), whose terms are all
 * positive, so that the sum keeps its relative precision at any x (Cephes's iv loses all of it beyond
 * x ≈ 100); rescaled as it grows, so that it overflows only where the value does, near x = 713.
 * Below order 0, I₋ᵥ = Iᵥ + (2/π)·sin(νπ)·Kᵥ; for x < 0 only the whole orders are real: Iₙ(−x) = (−1)ⁿIₙ(x).
 */
export function besselI(v: number, x: number): number {
  if (Number.isNaN(v) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) return Number.isInteger(v) ? (v % 2 === 0 ? 1 : -1) * besselI(v, -x) : Number.NaN;
  if (v < 0 && Number.isInteger(v)) return besselI(-v, x);
  if (v < 0) return x === 0 ? Number.NaN : besselI(-v, x) + (2 / Math.PI) * Math.sin(-v * Math.PI) * besselK(-v, x);
  if (x === 0) return v === 0 ? 1 : 0;
  const quarter = (x * x) / 4;
  let [sum, term, logScale] = [0, 1, 0];
  for (let k = 0; k < 100000; k++) {
    sum += term;
    if (term < 1e-17 * sum && k > quarter / (v + 1)) break;
    term *= quarter / ((k + 1) * (v + k + 1));
    if (term > 1e280) [sum, term, logScale] = [sum * 1e-280, term * 1e-280, logScale + 280 * Math.LN10];
  }
  return Math.exp(v * Math.log(x / 2) - gammaln(v + 1) + logScale + Math.log(sum));
}

/**
 * Ai(x), Ai′(x), Bi(x), Bi′(x): from Cephes's airy up to x = 25.77, beyond which it gives 0 and the
 * largest double; there by the Bessel functions of order ⅓ and ⅔ of ζ = (2/3)·x^(3/2) (DLMF 9.6.1–9.6.9):
 * Ai = √(x/3)·K₁/₃(ζ)/π, Ai′ = −x·K₂/₃(ζ)/(π√3), Bi = √(x/3)·(I₋₁/₃ + I₁/₃)(ζ), Bi′ = x·(I₋₂/₃ + I₂/₃)(ζ)/√3.
 */
const airy = (part: 'ai' | 'aip' | 'bi' | 'bip') => (x: number): number => {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 25.77) return fromCephes(() => cephes.airy(x)[1][part]);
  const zeta = (2 / 3) * x ** 1.5;
  switch (part) {
    case 'ai': return (Math.sqrt(x / 3) * besselK(1 / 3, zeta)) / Math.PI;
    case 'aip': return (-x * besselK(2 / 3, zeta)) / (Math.PI * Math.sqrt(3));
    case 'bi': return zeta > 700 ? Infinity : Math.sqrt(x / 3) * (besselI(-1 / 3, zeta) + besselI(1 / 3, zeta));
    case 'bip': return zeta > 700 ? Infinity : (x * (besselI(-2 / 3, zeta) + besselI(2 / 3, zeta))) / Math.sqrt(3);
  }
};
export const airyAi = airy('ai');
export const airyAiPrime = airy('aip');
export const airyBi = airy('bi');
export const airyBiPrime = airy('bip');

/** E₁(x) = ∫ₓ^∞ e^(−t)/t dt for x > 0, from Cephes's expn(1, x). */
export const exponentialE1 = (x: number): number => (x > 0 ? fromCephes(() => cephes.expn(1, x)) : x === 0 ? Infinity : Number.NaN);
/** Ei(x), the principal value of ∫₋∞ˣ eᵗ/t dt, for x ≠ 0: Cephes's ei above 0, −E₁(−x) below. */
export const exponentialEi = (x: number): number =>
  (x > 0 ? fromCephes(() => cephes.ei(x)) : x < 0 ? -exponentialE1(-x) : x === 0 ? -Infinity : Number.NaN);
/** li(x) = Ei(ln x), the principal value of ∫₀ˣ dt/ln t, for x ≥ 0 (−∞ at 1). */
export const logarithmicIntegral = (x: number): number => (x > 0 ? exponentialEi(Math.log(x)) : x === 0 ? 0 : Number.NaN);
/** Li(x) = li(x) − li(2), the offset logarithmic integral. */
export const offsetLogarithmicIntegral = (x: number): number => logarithmicIntegral(x) - logarithmicIntegral(2);


/**
 * The polylogarithm Liₛ(z) = Σₖ zᵏ/kˢ of real order s at real z: Cephes's polylog for whole s ≥ 0
 * (z < 1); ζ(s) at z = 1 for s > 1; otherwise its series where |z| ≤ 0.95, whose terms then fall at
 * least as fast as 0.95ᵏ; elsewhere not computed (NaN) rather than approximated.
 */
export function polylog(s: number, z: number): number {
  if (Number.isNaN(s) || Number.isNaN(z) || z > 1) return Number.NaN;
  if (z === 1) return s > 1 ? hurwitzZeta(s) : Number.NaN;
  if (Number.isInteger(s) && s >= 0) return fromCephes(() => cephes.polylog(s, z));
  if (!(Math.abs(z) <= 0.95)) return Number.NaN;
  let [sum, power] = [0, 1];
  for (let k = 1; k <= 5000; k++) {
    power *= z;
    const term = power / k ** s;
    sum += term;
    if (Math.abs(term) < 1e-18 * Math.abs(sum) && k > 10) break;
  }
  return sum;
}

/**
 * The binomial coefficient C(n, k) = Γ(n + 1)/(Γ(k + 1)·Γ(n − k + 1)) = 1/((n + 1)·B(n − k + 1, k + 1)), for real n and k,
 * rounded to the whole number it is for whole 0 ≤ k ≤ n. Where Γ has poles the quotient is its limit, as SymPy and
 * Mathematica have it: 0 for whole n ≥ 0 and whole k outside 0 … n, and for whole k < 0 and n not a negative whole number
 * (1/Γ(k + 1) = 0); (−1)ᵏ·C(k − n − 1, k) for whole n < 0 and whole k ≥ 0. Where the limit depends on the way to the
 * point (whole n < 0 and k not a whole number ≥ 0) it has none: NaN.
 */
export function binomial(n: number, k: number): number {
  const wholeN = Number.isInteger(n);
  const wholeK = Number.isInteger(k);
  if (wholeN && n >= 0 && wholeK) return k < 0 || k > n ? 0 : Math.round(1 / ((n + 1) * beta(n - k + 1, k + 1)));
  if (wholeN && n < 0) return wholeK && k >= 0 ? (k % 2 === 0 ? 1 : -1) * binomial(k - n - 1, k) : Number.NaN;
  if (wholeK && k < 0) return 0;
  return 1 / ((n + 1) * beta(n - k + 1, k + 1));
}

/** The regularised incomplete beta function I_x(a, b) = ∫₀ˣ t^(a−1)·(1 − t)^(b−1) dt/B(a, b), for a, b > 0 and 0 ≤ x ≤ 1, from Cephes's incbet. */
export const regularizedIncompleteBeta = (a: number, b: number, x: number): number =>
  (a > 0 && b > 0 && x >= 0 && x <= 1 ? fromCephes(() => cephes.incbet(a, b, x)) : Number.NaN);

/**
 * Marcum's Q function Q_m(a, b) = ∫_b^∞ x·(x/a)^(m−1)·e^(−(x² + a²)/2)·I_{m−1}(a·x) dx, for m > 0 and a, b ≥ 0: the
 * chance that a noncentral χ² of 2m degrees and noncentrality a² exceeds b², for a ≤ 40, as the Poisson mixture
 * Σⱼ e^(−a²/2)·(a²/2)ʲ/j!·Q(m + j, b²/2) of Cephes's regularised upper Γ, igamc (Q(s, x) = Γ(s, x)/Γ(s); stdlib's
 * loses digits where s and x are near each other and large, Q(1003, 1012.5) by 2%). Every term is
 * positive, so the sum keeps its relative precision; it runs from the largest Poisson weight both ways until the
 * weights are below 10⁻¹⁸ of the sum.
 */
export function marcumQ(m: number, a: number, b: number): number {
  // Beyond a = 40 the sum needs hundreds of terms more for each further unit of a: not computed there.
  if (!(m > 0 && a >= 0 && a <= 40 && b >= 0)) return Number.NaN;
  const lambda = (a * a) / 2;
  const x = (b * b) / 2;
  const peak = Math.floor(lambda);
  const logWeight = (j: number): number => -lambda + (j === 0 ? 0 : j * Math.log(lambda)) - gammaln(j + 1);
  const term = (j: number): number => {
    const q = fromCephes(() => cephes.igamc(m + j, x));
    // Cephes reports an underflow of the far tail (x well past m + j) as an error: the tail is 0 there.
    return Math.exp(logWeight(j)) * (Number.isNaN(q) && x > m + j ? 0 : q);
  };
  // A weight below 10⁻³⁰⁰ adds nothing a double holds, where the sum itself is all but 0 (b far beyond a).
  const negligible = (j: number, sum: number): boolean => { const w = Math.exp(logWeight(j)); return w < 1e-18 * sum || w < 1e-300; };
  let sum = 0;
  for (let j = peak; j < peak + 100000; j++) {
    sum += term(j);
    if (!Number.isFinite(sum)) return Number.NaN;
    if (j > peak && negligible(j, sum)) break;
  }
  for (let j = peak - 1; j >= 0; j--) {
    sum += term(j);
    if (negligible(j, sum)) break;
  }
  return sum;
}

/*
 * The incomplete elliptic integrals by Carlson's symmetric forms R_F and R_D (DLMF 19.25.5, 19.25.9),
 * each by its duplication theorem until its arguments agree to 10⁻³, then its series to the fifth
 * order, whose error is then below 10⁻¹⁸: valid for every real parameter m where 1 − m·sin²φ > 0.
 */

function carlsonRF(x: number, y: number, z: number): number {
  for (let i = 0; i < 100; i++) {
    const a = (x + y + z) / 3;
    if (Math.max(Math.abs(a - x), Math.abs(a - y), Math.abs(a - z)) < 1e-3 * a) break;
    const l = Math.sqrt(x) * Math.sqrt(y) + Math.sqrt(y) * Math.sqrt(z) + Math.sqrt(z) * Math.sqrt(x);
    [x, y, z] = [(x + l) / 4, (y + l) / 4, (z + l) / 4];
  }
  const a = (x + y + z) / 3;
  const [dx, dy] = [1 - x / a, 1 - y / a];
  const dz = -(dx + dy);
  const e2 = dx * dy - dz * dz;
  const e3 = dx * dy * dz;
  return (1 - e2 / 10 + e3 / 14 + (e2 * e2) / 24 - (3 * e2 * e3) / 44) / Math.sqrt(a);
}

function carlsonRD(x: number, y: number, z: number): number {
  let [sum, scale] = [0, 1];
  for (let i = 0; i < 100; i++) {
    const a = (x + y + 3 * z) / 5;
    if (Math.max(Math.abs(a - x), Math.abs(a - y), Math.abs(a - z)) < 1e-3 * a) break;
    const l = Math.sqrt(x) * Math.sqrt(y) + Math.sqrt(y) * Math.sqrt(z) + Math.sqrt(z) * Math.sqrt(x);
    sum += scale / (Math.sqrt(z) * (z + l));
    scale /= 4;
    [x, y, z] = [(x + l) / 4, (y + l) / 4, (z + l) / 4];
  }
  const a = (x + y + 3 * z) / 5;
  const [dx, dy] = [(a - x) / a, (a - y) / a];
  const dz = -(dx + dy) / 3;
  const e2 = dx * dy - 6 * dz * dz;
  const e3 = (3 * dx * dy - 8 * dz * dz) * dz;
  const e4 = 3 * (dx * dy - dz * dz) * dz * dz;
  const e5 = dx * dy * dz * dz * dz;
  const series = 1 - (3 * e2) / 14 + e3 / 6 + (9 * e2 * e2) / 88 - (3 * e4) / 22 - (9 * e2 * e3) / 52 + (3 * e5) / 26;
  return 3 * sum + (scale * series) / (a * Math.sqrt(a));
}

/**
 * F(φ | m) and E(φ | m) by Carlson's forms on |φ| ≤ π/2, and beyond by F(φ + kπ) = F(φ) + 2k·K(m)
 * (E likewise), for m < 1; for m ≥ 1 only where 1 − m·sin²φ > 0 on the way from 0 to φ, within |φ| ≤ π/2.
 */
function incompleteElliptic(second: boolean) {
  const reduced = (phi: number, m: number): number => {
    const [s, c] = [Math.sin(phi), Math.cos(phi)];
    const delta = 1 - m * s * s;
    if (!(delta > 0)) return Number.NaN;
    const f = s * carlsonRF(c * c, delta, 1);
    return second ? f - (m * s ** 3 * carlsonRD(c * c, delta, 1)) / 3 : f;
  };
  return (phi: number, m: number): number => {
    if (!Number.isFinite(phi) || Number.isNaN(m)) return Number.NaN;
    if (Math.abs(phi) <= Math.PI / 2) return reduced(phi, m);
    if (!(m < 1)) return Number.NaN;
    const k = Math.round(phi / Math.PI);
    return reduced(phi - k * Math.PI, m) + 2 * k * (second ? ellipticE(m) : ellipticK(m));
  };
}
export const ellipticF = incompleteElliptic(false);
export const ellipticEOf2 = incompleteElliptic(true);

/**
 * The Jacobi elliptic functions sn, cn, dn of u and the parameter m ≤ 1: Cephes's ellpj for
 * 0 ≤ m ≤ 1; for m < 0, the transformation to μ = −m/(1 − m) in (0, 1) (DLMF 22.17.2–4):
 * sn(u|m) = sd(u√(1 − m) | μ)/√(1 − m), cn(u|m) = cd(…), dn(u|m) = nd(…).
 */
function jacobi(part: 'sn' | 'cn' | 'dn') {
  return (u: number, m: number): number => {
    // An infinite parameter, or an argument past the doubles once scaled, is none: Cephes traps on them.
    if (!Number.isFinite(u) || !Number.isFinite(m) || !(m <= 1)) return Number.NaN;
    if (m >= 0) return fromCephes(() => cephes.ellpj(u, m)[1][part]);
    const r = Math.sqrt(1 - m);
    if (!Number.isFinite(u * r)) return Number.NaN;
    return fromCephes(() => {
      const { sn, cn, dn } = cephes.ellpj(u * r, -m / (1 - m))[1];
      return part === 'sn' ? sn / (dn * r) : part === 'cn' ? cn / dn : 1 / dn;
    });
  };
}
export const jacobiSn = jacobi('sn');
export const jacobiCn = jacobi('cn');
export const jacobiDn = jacobi('dn');

/**
 * Jacobi's amplitude am(u | m), the φ with F(φ | m) = u, continuous in u: the angle of (cn, sn), taken on the
 * branch nearest πu/(2K(m)), from which it differs by less than π/2 (am(kK) = kπ/2, and am increases).
 */
export function jacobiAm(u: number, m: number): number {
  const angle = Math.atan2(jacobiSn(u, m), jacobiCn(u, m));
  if (m === 1) return angle;
  const straight = (Math.PI * u) / (2 * ellipticK(m));
  return angle + 2 * Math.PI * Math.round((straight - angle) / (2 * Math.PI));
}

/**
 * The spherical Bessel functions jₙ(x) = √(π/(2x))·Jₙ₊½(x) and yₙ(x) = √(π/(2x))·Yₙ₊½(x) of real order n, for
 * x > 0; at whole n, below 0 too by jₙ(−x) = (−1)ⁿjₙ(x), and jₙ(0) = 1 for n = 0, 0 for n > 0.
 */
const spherical = (cylindrical: (v: number, x: number) => number, atZero: (n: number) => number) => (n: number, x: number): number => {
  if (Number.isNaN(n) || Number.isNaN(x)) return Number.NaN;
  if (x > 0) return Math.sqrt(Math.PI / (2 * x)) * cylindrical(n + 0.5, x);
  if (x === 0) return atZero(n);
  return Number.isInteger(n) ? (n % 2 === 0 ? 1 : -1) * spherical(cylindrical, atZero)(n, -x) : Number.NaN;
};
export const sphericalJn = spherical(besselJv, (n) => (n === 0 ? 1 : Number.isInteger(n) && n > 0 ? 0 : Number.NaN));
export const sphericalYn = spherical(besselYv, () => Number.NaN);

/**
 * Carlson's R_C(x, y) = R_F(x, y, y) for x ≥ 0 and y > 0, by the duplication theorem until the
 * arguments agree to 10⁻³, then its series to the fifth order, whose error is then below 10⁻¹⁷.
 */
function carlsonRC(x: number, y: number): number {
  for (let i = 0; i < 100; i++) {
    const a = (x + 2 * y) / 3;
    if (Math.abs(y - a) < 1e-3 * a) break;
    const l = 2 * Math.sqrt(x) * Math.sqrt(y) + y;
    [x, y] = [(x + l) / 4, (y + l) / 4];
  }
  const a = (x + 2 * y) / 3;
  const s = (y - a) / a;
  return (1 + s * s * (3 / 10 + s * (1 / 7 + s * (3 / 8 + s * (9 / 22))))) / Math.sqrt(a);
}

/**
 * Carlson's R_J(x, y, z, p) for x, y, z ≥ 0 (at most one 0) and p > 0, by the duplication theorem
 * (DLMF 19.36.1's algorithm, as Carlson's of 1995) until the arguments agree to 10⁻³, then its series
 * to the fifth order; each step adds a term in R_C, which stays positive.
 */
function carlsonRJ(x: number, y: number, z: number, p: number): number {
  let [sum, scale] = [0, 1];
  for (let i = 0; i < 100; i++) {
    const a = (x + y + z + 2 * p) / 5;
    if (Math.max(Math.abs(a - x), Math.abs(a - y), Math.abs(a - z), Math.abs(a - p)) < 1e-3 * a) break;
    const [sx, sy, sz] = [Math.sqrt(x), Math.sqrt(y), Math.sqrt(z)];
    const l = sx * sy + sy * sz + sz * sx;
    const alpha = (p * (sx + sy + sz) + sx * sy * sz) ** 2;
    const beta = p * (p + l) ** 2;
    sum += scale * carlsonRC(alpha, beta);
    scale /= 4;
    [x, y, z, p] = [(x + l) / 4, (y + l) / 4, (z + l) / 4, (p + l) / 4];
  }
  const a = (x + y + z + 2 * p) / 5;
  const [dx, dy, dz] = [(a - x) / a, (a - y) / a, (a - z) / a];
  const dp = -(dx + dy + dz) / 2;
  const ea = dx * (dy + dz) + dy * dz;
  const eb = dx * dy * dz;
  const ec = dp * dp;
  const ed = ea - 3 * ec;
  const ee = eb + 2 * dp * (ea - ec);
  const series = 1 + ed * (-3 / 14 + (9 / 88) * ed - (9 / 52) * ee) + eb * (1 / 6 + dp * (-3 / 11 + dp * (3 / 26))) + dp * ea * (1 / 3 - dp * (3 / 22)) - (1 / 3) * dp * ec;
  return 3 * sum + (scale * series) / (a * Math.sqrt(a));
}

/**
 * The incomplete elliptic integral of the third kind Π(n; φ | m) = ∫₀^φ dθ/((1 − n·sin²θ)·√(1 − m·sin²θ)),
 * by Carlson's forms (DLMF 19.25.14): sin φ·R_F(cos²φ, Δ², 1) + (n/3)·sin³φ·R_J(cos²φ, Δ², 1, 1 − n·sin²φ)
 * with Δ² = 1 − m·sin²φ, on |φ| ≤ π/2, and beyond by Π(n; φ + kπ | m) = Π(n; φ | m) + 2k·Π(n | m) for n, m < 1.
 * Where 1 − n·sin²θ vanishes on the way the integral has a pole, and only a principal value: NaN there.
 */
export function ellipticPiOf3(n: number, phi: number, m: number): number {
  if (!Number.isFinite(phi) || Number.isNaN(n) || Number.isNaN(m)) return Number.NaN;
  if (Math.abs(phi) > Math.PI / 2) {
    if (!(n < 1 && m < 1)) return Number.NaN;
    const k = Math.round(phi / Math.PI);
    return ellipticPiOf3(n, phi - k * Math.PI, m) + 2 * k * ellipticPi(n, m);
  }
  const [s, c] = [Math.sin(phi), Math.cos(phi)];
  const delta = 1 - m * s * s;
  const p = 1 - n * s * s;
  if (!(delta > 0 && p > 0)) return Number.NaN;
  return s * carlsonRF(c * c, delta, 1) + (n * s ** 3 * carlsonRJ(c * c, delta, 1, p)) / 3;
}

/** The complete integral of the third kind Π(n | m) = Π(n; π/2 | m) = R_F(0, 1 − m, 1) + (n/3)·R_J(0, 1 − m, 1, 1 − n), for n < 1 and m < 1. */
export function ellipticPi(n: number, m: number): number {
  if (!(n < 1 && m < 1)) return Number.NaN;
  return carlsonRF(0, 1 - m, 1) + (n * carlsonRJ(0, 1 - m, 1, 1 - n)) / 3;
}

/*
 * The classical orthogonal polynomials with parameters, of whole degree n, by their three-term recurrences
 * (DLMF 18.9.1, 18.9.2), stable on their intervals of orthogonality and beyond. Below degree 0 they are 0, as
 * in mpmath: their normalisations have 1/Γ(n + 1), which vanishes there, and the derivatives that lower the
 * degree (L₀′ = −L₋₁ = 0) need it. A degree that is not whole is not computed (NaN).
 */
const ofWholeDegree = (n: number, compute: () => number): number => (!Number.isInteger(n) ? Number.NaN : n < 0 ? 0 : compute());

/** The generalised Laguerre polynomial Lₙ⁽ᵃ⁾(x): (k + 1)·L_{k+1} = (2k + 1 + a − x)·L_k − (k + a)·L_{k−1}. */
export const assocLaguerre = (n: number, a: number, x: number): number => ofWholeDegree(n, () =>
  byRecurrence(n, 1, 1 + a - x, (k, pk, pk1) => ((2 * k + 1 + a - x) * pk - (k + a) * pk1) / (k + 1)));

/** The Gegenbauer polynomial Cₙ⁽ᵃ⁾(x): (k + 1)·C_{k+1} = 2(k + a)·x·C_k − (k + 2a − 1)·C_{k−1}. */
export const gegenbauer = (n: number, a: number, x: number): number => ofWholeDegree(n, () =>
  byRecurrence(n, 1, 2 * a * x, (k, pk, pk1) => (2 * (k + a) * x * pk - (k + 2 * a - 1) * pk1) / (k + 1)));

/**
 * The Jacobi polynomial Pₙ⁽ᵃ·ᵇ⁾(x): 2(k + 1)(k + a + b + 1)(2k + a + b)·P_{k+1}
 * = (2k + a + b + 1)·((2k + a + b + 2)(2k + a + b)·x + a² − b²)·P_k − 2(k + a)(k + b)(2k + a + b + 2)·P_{k−1}.
 */
export const jacobiP = (n: number, a: number, b: number, x: number): number => ofWholeDegree(n, () =>
  byRecurrence(n, 1, (a + 1) + ((a + b + 2) * (x - 1)) / 2, (k, pk, pk1) => {
    const c = 2 * k + a + b;
    return ((c + 1) * ((c + 2) * c * x + a * a - b * b) * pk - 2 * (k + a) * (k + b) * (c + 2) * pk1) / (2 * (k + 1) * (k + a + b + 1) * c);
  }));

/**
 * The associated Legendre function Pₙᵐ(x) of whole degree n and order m on −1 ≤ x ≤ 1, with the
 * Condon–Shortley phase (−1)ᵐ, as SymPy, SciPy's lpmv and mpmath's legenp have it: from
 * Pₘᵐ = (−1)ᵐ(2m − 1)!!·(1 − x²)^(m/2) up by (k − m + 1)·P_{k+1}ᵐ = (2k + 1)·x·P_kᵐ − (k + m)·P_{k−1}ᵐ (DLMF 14.10.3);
 * 0 for m > n; P_n^(−m) = (−1)ᵐ·(n − m)!/(n + m)!·Pₙᵐ for m ≤ n; P₋ₙ₋₁ᵐ = Pₙᵐ.
 */
export function assocLegendre(n: number, m: number, x: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(m) || !(Math.abs(x) <= 1)) return Number.NaN;
  if (pastMostSteps(n) || pastMostSteps(m)) return notWorkedOut();
  if (n < 0) return assocLegendre(-n - 1, m, x);
  if (m < 0) {
    // Beyond −n the function is no polynomial times a power of 1 − x² (nor SymPy's): not computed.
    if (-m > n) return Number.NaN;
    let ratio = 1;
    for (let k = n + m + 1; k <= n - m; k++) ratio /= k;
    return (m % 2 === 0 ? 1 : -1) * ratio * assocLegendre(n, -m, x);
  }
  if (m > n) return 0;
  let pmm = 1;
  const root = Math.sqrt((1 - x) * (1 + x));
  for (let k = 1; k <= m; k++) pmm *= -(2 * k - 1) * root;
  if (n === m) return pmm;
  let [before, now] = [pmm, x * (2 * m + 1) * pmm];
  for (let k = m + 1; k < n; k++) [before, now] = [now, ((2 * k + 1) * x * now - (k + m) * before) / (k - m + 1)];
  return now;
}

/*
 * The inverse Jacobi functions, as Maxima has them: the u with sn(u | m) = x (and cn likewise) on the
 * branch through u = 0 (through u = K(m) at x = 0 for cn), by the incomplete integral F of the
 * amplitude: arcsn x = F(arcsin x | m), arccn x = F(arccos x | m).
 */
export const inverseJacobiSn = (x: number, m: number): number => (Math.abs(x) <= 1 ? ellipticF(Math.asin(x), m) : Number.NaN);
export const inverseJacobiCn = (x: number, m: number): number => (Math.abs(x) <= 1 ? ellipticF(Math.acos(x), m) : Number.NaN);
