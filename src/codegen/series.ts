import type { Expr, Rational } from '../expr/types.js';
import { isZero, rational, toNumber } from '../expr/rational.js';

/**
 * Power series at 0, exact and cut at a degree: the coefficients c₀ … cₙ of
 * c₀ + c₁·t + … + cₙ·tⁿ. Enough to write e^t, sin t, ln(1 + t) and their sums, products and
 * quotients near 0, where a quotient such as (e^t − 1)/t or (t·cos t − sin t)/t² cancels.
 */
type Series = Rational[];

const zero = rational(0);
const constantSeries = (q: Rational, n: number): Series => [q, ...Array.from({ length: n }, () => zero)];

const plus = (a: Series, b: Series): Series => a.map((x, i) => x.add(b[i]!));
const minus = (a: Series): Series => a.map((x) => x.neg());

function times(a: Series, b: Series): Series {
  return a.map((_, n) => {
    let sum = zero;
    for (let k = 0; k <= n; k++) if (!isZero(a[k]!) && !isZero(b[n - k]!)) sum = sum.add(a[k]!.mul(b[n - k]!));
    return sum;
  });
}

/** a/b where b₀ ≠ 0. */
function over(a: Series, b: Series): Series | undefined {
  if (isZero(b[0]!)) return undefined;
  const q: Series = [];
  for (let n = 0; n < a.length; n++) {
    let rest = a[n]!;
    for (let k = 1; k <= n; k++) rest = rest.sub(b[k]!.mul(q[n - k]!));
    q.push(rest.div(b[0]!));
  }
  return q;
}

/** s′, one degree shorter, padded back with 0. */
const derivativeOf = (s: Series): Series => [...s.slice(1).map((x, i) => x.mul(i + 1)), zero];
/** ∫₀ᵗ s, to the same degree. */
const integralOf = (s: Series): Series => [zero, ...s.slice(0, -1).map((x, i) => x.div(i + 1))];

/**
 * f(s) for f with f′ = f (exp) or the pair sin/cos, sinh/cosh, by the recurrence that
 * (f∘s)′ = f′(s)·s′ gives, for s₀ = 0: the value at 0 is then 0 or 1, exact.
 */
function exponential(s: Series): Series {
  const a: Series = [rational(1)];
  for (let n = 1; n < s.length; n++) {
    let sum = zero;
    for (let k = 1; k <= n; k++) sum = sum.add(s[k]!.mul(k).mul(a[n - k]!));
    a.push(sum.div(n));
  }
  return a;
}
function sineAndCosine(s: Series, hyperbolic: boolean): { sin: Series; cos: Series } {
  const sin: Series = [zero];
  const cos: Series = [rational(1)];
  for (let n = 1; n < s.length; n++) {
    let sn = zero;
    let cn = zero;
    for (let k = 1; k <= n; k++) {
      sn = sn.add(s[k]!.mul(k).mul(cos[n - k]!));
      cn = cn.add(s[k]!.mul(k).mul(sin[n - k]!));
    }
    sin.push(sn.div(n));
    cos.push((hyperbolic ? cn : cn.neg()).div(n));
  }
  return { sin, cos };
}

/** sin(s)/s for s₀ = 0: Σ (−1)ᵏ s²ᵏ/(2k + 1)!, its terms of degree 2k and up. */
function sincOf(s: Series): Series {
  const square = times(s, s);
  let power = constantSeries(rational(1), s.length - 1);
  let sum = power;
  let factorial = rational(1);
  for (let k = 1; 2 * k < s.length; k++) {
    power = times(power, square);
    factorial = factorial.mul((2 * k) * (2 * k + 1));
    sum = plus(sum, power.map((x) => x.div(k % 2 === 1 ? factorial.neg() : factorial)));
  }
  return sum;
}

/** ln(1 + s) for s₀ = 0: ∫ s′/(1 + s). */
function logOnePlus(s: Series): Series | undefined {
  const slope = over(derivativeOf(s), plus(constantSeries(rational(1), s.length - 1), s));
  return slope && integralOf(slope);
}

/**
 * The series of e in the variable to degree n, or undefined where e is not one of these
 * functions of it analytic at 0 with a rational value there (e^(t + 1) is e·e^t: refused).
 */
function seriesOf(e: Expr, variable: string, n: number): Series | undefined {
  const memo = new Map<Expr, Series | undefined>();
  const of = (node: Expr): Series | undefined => {
    if (memo.has(node)) return memo.get(node);
    const s = computed(node);
    memo.set(node, s);
    return s;
  };
  const computed = (node: Expr): Series | undefined => {
    switch (node.kind) {
      case 'num': return constantSeries(node.value, n);
      case 'variable': return node.name === variable ? [zero, rational(1), ...Array.from({ length: n - 1 }, () => zero)] : undefined;
      case 'add': return node.terms.map(of).reduce<Series | undefined>((a, b) => (a && b ? plus(a, b) : undefined), constantSeries(zero, n));
      case 'mul': return node.factors.map(of).reduce<Series | undefined>((a, b) => (a && b ? times(a, b) : undefined), constantSeries(rational(1), n));
      case 'neg': { const a = of(node.operand); return a && minus(a); }
      case 'div': { const a = of(node.numerator); const b = of(node.denominator); return a && b && over(a, b); }
      case 'pow': {
        const base = of(node.base);
        const q = node.exponent.kind === 'num' ? node.exponent.value : undefined;
        if (!base || !q || q.d !== 1n || q.n > 64n) return undefined;
        let result = constantSeries(rational(1), n);
        for (let k = 0n; k < q.n; k++) result = times(result, base);
        return q.s < 0n ? over(constantSeries(rational(1), n), result) : result;
      }
      case 'call': {
        if (node.args.length !== 1) return undefined;
        const s = of(node.args[0]!);
        if (!s) return undefined;
        // Every function here is expanded about an argument of 0 (1 for ln): its value there is rational.
        const shifted = node.name === 'log' ? plus(s, constantSeries(rational(-1), n)) : s;
        if (!isZero(shifted[0]!)) return undefined;
        switch (node.name) {
          case 'exp': return exponential(s);
          case 'expm1': return plus(exponential(s), constantSeries(rational(-1), n));
          case 'sin': return sineAndCosine(s, false).sin;
          case 'cos': return sineAndCosine(s, false).cos;
          case 'sinh': return sineAndCosine(s, true).sin;
          case 'cosh': return sineAndCosine(s, true).cos;
          case 'log1p': case 'log': return logOnePlus(shifted);
          case 'sinc': return sincOf(s);
          default: return undefined;
        }
      }
      default: return undefined;
    }
  };
  return of(e);
}

/** Index of the first coefficient that is not 0 (the order of the zero at 0), or the length where all are. */
const orderOf = (s: Series): number => {
  const k = s.findIndex((x) => !isZero(x));
  return k < 0 ? s.length : k;
};

/** Most coefficients that are not 0 a series in generated code may have: more would cost more than the formula. */
const mostTerms = 12;
/** Thresholds tried, largest first: the formula above one is accurate where its cancellation is small. */
const thresholds = [rational(1, 2), rational(1, 4), rational(1, 8), rational(1, 16)];

/** A series cut for code: t^lead·(c₀ + c₁·w + c₂·w² + …), w = t^step, used where |t| < threshold. */
export interface Truncation {
  readonly threshold: Rational;
  readonly lead: number;
  readonly step: number;
  readonly coefficients: readonly Rational[];
}

/**
 * A cut series good to within 2⁻⁵⁶ of its first term for |t| below a threshold: the largest
 * threshold at which at most `mostTerms` terms do, and those terms. `step` is 2 where every
 * other coefficient is 0 (an even or odd function), and then the polynomial is in t².
 */
function truncation(s: Series): Truncation | undefined {
  const lead = orderOf(s);
  if (lead >= s.length) return undefined;
  const step = s.every((x, i) => i < lead || (i - lead) % 2 === 0 || isZero(x)) ? 2 : 1;
  const first = Math.abs(toNumber(s[lead]!));
  for (const threshold of thresholds) {
    const tau = toNumber(threshold);
    const reference = first * tau ** lead * 2 ** -56;
    for (let last = lead, count = 1; last + step < s.length && count <= mostTerms; last += step, count++) {
      let tail = 0;
      for (let j = last + 1; j < s.length; j++) tail += Math.abs(toNumber(s[j]!)) * tau ** j;
      if (tail <= reference) {
        const coefficients: Rational[] = [];
        for (let j = lead; j <= last; j += step) coefficients.push(s[j]!);
        return { threshold, lead, step, coefficients };
      }
    }
  }
  return undefined;
}

/** Degree the series of a quotient is worked out to. */
const seriesDegree = 24;

/**
 * The cut series of numerator/denominator in t near 0, where both are 0 at t = 0 and the
 * quotient has a value there (a removable singularity): (N/t^k)/(D/t^k) for D's zero of order k.
 * Undefined where either is no series of supported functions, or the quotient has a pole.
 */
export function nearZero(numerator: Expr, denominator: Expr, t: string): Truncation | undefined {
  const d = seriesOf(denominator, t, seriesDegree);
  const k = d && orderOf(d);
  if (k === undefined || k === 0 || k > 8) return undefined;
  const n = seriesOf(numerator, t, seriesDegree + k);
  const wide = seriesOf(denominator, t, seriesDegree + k);
  if (!n || !wide || orderOf(n) < k) return undefined;
  const quotient = over(n.slice(k), wide.slice(k));
  return quotient && truncation(quotient);
}
