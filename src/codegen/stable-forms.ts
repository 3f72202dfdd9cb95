import type { Call, Expr } from '../expr/types.js';
import type { FunctionName } from '../functions/table.js';
import type { Template } from '../functions/template.js';
import { isOne, rational } from '../expr/rational.js';
import { equals, variablesOf } from '../expr/traverse.js';
import { mul, int } from '../expr/factory.js';
import { evaluate } from '../evaluate/evaluate.js';
import { nearZero, type Truncation } from './series.js';

/**
 * How generated code computes a part of a tree that no function of the target computes well,
 * where the stable form needs a choice (if u ≥ 0 …) or numbers worked out for the tree (a
 * series), so that it is no tree itself: the rewrites of stable-rewrites.ts run first and leave
 * sech, atan(e^u), ln cosh and quotients that cancel near 0 for these.
 */
export type StableForm =
  /** A template over the arguments u (and v), as the function table's stable forms are. */
  | { readonly kind: 'template'; readonly form: Template<FunctionName>; readonly args: readonly Expr[] }
  /**
   * The node itself, as written, where |t| is at least the threshold, and below it the cut
   * series in the variable t, where the formula cancels; with a threshold of 0, the formula
   * where t ≠ 0 and the series' value at t = 0.
   */
  | ({ readonly kind: 'near-zero'; readonly variable: string } & Truncation);

interface StableFormRule {
  readonly id: string;
  readonly note: string;
  readonly match: (e: Expr) => StableForm | undefined;
}

/** e^(−|u|), at most 1: never overflows. */
const decaying = ['exp', ['neg', ['abs', 'u']]] as const;

const isCall = (e: Expr, name: Call['name']): e is Call => e.kind === 'call' && e.name === name && e.args.length === 1;
const argumentOf = (e: Expr, name: Call['name']): Expr | undefined => (isCall(e, name) ? e.args[0] : undefined);
const template = (form: Template<FunctionName>, u: Expr): StableForm => ({ kind: 'template', form, args: [u] });

/** u where e is e^(2u), written e^(2u) or (e^u)². */
function doubledExponent(e: Expr, u: Expr): boolean {
  if (e.kind === 'pow' && e.exponent.kind === 'num' && e.exponent.value.equals(2)) {
    const inner = argumentOf(e.base, 'exp');
    return inner !== undefined && equals(inner, u);
  }
  const inner = argumentOf(e, 'exp');
  return inner !== undefined && equals(inner, mul([int(2), u]));
}

/** Largest tree a series is worked out for: a bigger quotient is left as written. */
const largestForSeries = 400;

const stableForms: readonly StableFormRule[] = [
  {
    id: 'sech', note: 'sech(u) = 2e^(−|u|)/(1 + e^(−2|u|)), where 1/cosh(u) overflows',
    match: (e) => {
      const u = argumentOf(e, 'sech');
      return u && template(['div', ['mul', 2, decaying], ['add', 1, ['pow', decaying, 2]]], u);
    },
  },
  {
    // The slope of arctan(e^u): 1/(e^(−u) + e^u), even in u.
    id: 'half-sech', note: 'e^u/(1 + e^(2u)) = e^(−|u|)/(1 + e^(−2|u|)), where e^u overflows',
    match: (e) => {
      if (e.kind !== 'div' || e.denominator.kind !== 'add' || e.denominator.terms.length !== 2) return undefined;
      const u = argumentOf(e.numerator, 'exp');
      const [a, b] = e.denominator.terms as [Expr, Expr];
      const one = (t: Expr): boolean => t.kind === 'num' && isOne(t.value);
      if (!u || !((one(a) && doubledExponent(b, u)) || (one(b) && doubledExponent(a, u)))) return undefined;
      return template(['div', decaying, ['add', 1, ['pow', decaying, 2]]], u);
    },
  },
  {
    id: 'atan-of-exp', note: 'arctan(e^u) = π/2 − arctan(e^(−u)) for u ≥ 0, arctan(e^u) below: with e^(−|u|), which never overflows',
    match: (e) => {
      const inner = argumentOf(e, 'atan');
      const u = inner && argumentOf(inner, 'exp');
      return u && template(['if', ['ge', 'u', 0], ['sub', ['div', 'pi', 2], ['atan', decaying]], ['atan', decaying]], u);
    },
  },
  {
    // 2·sinh(u/2)² is cosh(u) − 1 with its digits, where cosh(u) rounds to 1.
    id: 'log-cosh', note: 'ln cosh(u) = ln(1 + 2·sinh(u/2)²) (log1p) for |u| < 1, |u| + ln(1 + e^(−2|u|)) − ln 2 (log1p) beyond: no overflow, no cancellation',
    match: (e) => {
      const inner = argumentOf(e, 'log');
      const u = inner && argumentOf(inner, 'cosh');
      return u && template(['if', ['lt', ['abs', 'u'], 1],
        ['log1p', ['mul', 2, ['pow', ['sinh', ['div', 'u', 2]], 2]]],
        ['sub', ['add', ['abs', 'u'], ['log1p', ['pow', decaying, 2]]], ['log', 2]]], u);
    },
  },
  {
    id: 'series-near-zero', note: 'a quotient that is 0/0 at 0, as (e^u − 1)/u, sin(u)/u and their slopes: its limit at 0, and its Taylor series near 0 where the formula cancels',
    match: (e) => {
      if (e.kind !== 'div' || e.size > largestForSeries) return undefined;
      const variables = variablesOf(e);
      if (variables.length !== 1) return undefined;
      const t = variables[0]!;
      if (!isZeroAtZero(e.denominator, t)) return undefined;
      const cut = nearZero(e.numerator, e.denominator, t);
      if (!cut) return undefined;
      // sin(u)/u and expm1(u)/u keep their digits down to the smallest u: only u = 0 itself, 0/0, needs the series' value there.
      const sign = e.numerator.kind === 'neg' ? e.numerator.operand : e.numerator;
      if (sign.kind === 'add') return { kind: 'near-zero', variable: t, ...cut };
      return { kind: 'near-zero', variable: t, threshold: rational(0), lead: cut.lead, step: 1, coefficients: cut.coefficients.slice(0, 1) };
    },
  },
];

/** Whether e is 0 at t = 0: a quick test before its series is worked out. */
function isZeroAtZero(e: Expr, t: string): boolean {
  try {
    return evaluate(e, { [t]: 0 }) === 0;
  } catch {
    return false;
  }
}

/** The stable form of a node, where one applies, and the note of the rule that gave it. */
export function stableFormOf(e: Expr): { readonly form: StableForm; readonly note: string } | undefined {
  for (const rule of stableForms) {
    const form = rule.match(e);
    if (form) return { form, note: rule.note };
  }
  return undefined;
}
