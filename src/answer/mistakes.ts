import type { Expr } from '../expr/types.js';
import type { DiffStep } from '../diff/steps.js';
import { add, call, constant, div, int, mul, neg, pow, sub } from '../expr/factory.js';
import { substitute } from '../expr/substitute.js';
import { dependsOn } from '../expr/traverse.js';

/*
 * The mistakes students make in differentiating, as data: each entry takes the step the rules
 * give for one part and says what that part's derivative would be with the mistake made there
 * (none where it cannot be made). Differentiating again with one entry applied at one place,
 * and comparing with a student's answer, finds the mistake that explains it.
 */

export type MistakeId =
  | 'chain-inner-dropped' | 'exp-inner-dropped' | 'log-inner-dropped' | 'derivative-inside'
  | 'product-of-derivatives' | 'product-rule-minus'
  | 'quotient-numerator-swapped' | 'quotient-rule-plus' | 'quotient-denominator-not-squared' | 'quotient-of-derivatives' | 'reciprocal-of-derivative'
  | 'power-rule-on-exponential' | 'exponential-without-ln' | 'power-rule-on-variable-exponent' | 'exponential-rule-on-variable-base' | 'power-not-lowered' | 'power-exponent-raised' | 'tan-not-squared'
  | 'trig-sign' | 'sqrt-as-reciprocal' | 'constant-kept-in-sum' | 'constant-factor-dropped';

/** A mistaken derivative of a part, with the parts of the rule the words name. */
export interface MistakenStep {
  readonly result: Expr;
  /** What the words of the mistake name: the inner function u and its derivative, the constant kept, …. */
  readonly parts: Readonly<Record<string, Expr>>;
}

export interface Mistake {
  readonly id: MistakeId;
  /**
   * How a teacher says it, {u} and the like standing for the parts: "the chain rule's inner
   * derivative ({u})′ = {du} is left out".
   */
  readonly words: string;
  /** The part's derivative with this mistake made in its step; none where it cannot be made there. */
  readonly make: (step: DiffStep) => readonly MistakenStep[];
}

const one = int(1);

/**
 * The step of the function itself (sin, eᵘ, uⁿ) and how to put a changed derivative of it back:
 * through the chain rule (times u′, u put in) when the step is one, directly otherwise.
 */
function outerOf(step: DiffStep): { outer: DiffStep; rebuild: (outerResult: Expr) => Expr } | undefined {
  if (step.rule === 'chain') {
    const [outer, inner] = step.substeps as [DiffStep, DiffStep];
    const { placeholder, u } = step.bindings;
    return { outer, rebuild: (r) => mul([substitute(r, placeholder, u), inner.result]) };
  }
  if (step.substeps.length === 0) return { outer: step, rebuild: (r) => r };
  return undefined;
}

/** The function a chain rule step applies to its inner part, when it is one of the table's. */
const outerFunction = (step: DiffStep): string | undefined =>
  step.rule === 'chain' && step.bindings.outer.kind === 'call' ? step.bindings.outer.name : undefined;

/** The chain rule without its inner derivative: f′(u) alone. */
function innerDropped(step: DiffStep): MistakenStep[] {
  if (step.rule !== 'chain') return [];
  const [outer, inner] = step.substeps as [DiffStep, DiffStep];
  return [{ result: substitute(outer.result, step.bindings.placeholder, step.bindings.u), parts: { u: step.bindings.u, du: inner.result } }];
}

const trigonometric = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);

export const mistakes: readonly Mistake[] = [
  {
    id: 'chain-inner-dropped',
    words: "the chain rule's inner derivative ({u})′ = {du} is left out",
    make: (step) => (['exp', 'log'].includes(outerFunction(step) ?? '') ? [] : innerDropped(step)),
  },
  {
    id: 'exp-inner-dropped',
    words: '(e^u)′ is taken as e^u, without the inner derivative ({u})′ = {du}',
    make: (step) => (outerFunction(step) === 'exp' ? innerDropped(step) : []),
  },
  {
    id: 'log-inner-dropped',
    words: '(ln u)′ is taken as 1/u, without the inner derivative ({u})′ = {du}',
    make: (step) => (outerFunction(step) === 'log' ? innerDropped(step) : []),
  },
  {
    id: 'derivative-inside',
    words: "the outer derivative is taken at the inner derivative {du} instead of at {u}, and not multiplied by it",
    make: (step) => {
      if (step.rule !== 'chain') return [];
      const [outer, inner] = step.substeps as [DiffStep, DiffStep];
      return [{ result: substitute(outer.result, step.bindings.placeholder, inner.result), parts: { u: step.bindings.u, du: inner.result } }];
    },
  },
  {
    id: 'product-of-derivatives',
    words: 'the derivative of the product {uv} is taken as the product of the derivatives, (uv)′ = u′v′',
    make: (step) => (step.rule === 'product' ? [{ result: mul(step.substeps.map((s) => s.result)), parts: { uv: step.expr } }] : []),
  },
  {
    id: 'product-rule-minus',
    words: "the product rule for {uv} is used with a minus, u′v − uv′, instead of u′v + uv′",
    make: (step) => {
      if (step.rule !== 'product' || step.bindings.factors.length !== 2) return [];
      const [u, v] = step.bindings.factors as [Expr, Expr];
      const [du, dv] = step.substeps.map((s) => s.result) as [Expr, Expr];
      return [{ result: sub(mul([du, v]), mul([u, dv])), parts: { uv: step.expr } }];
    },
  },
  {
    id: 'quotient-numerator-swapped',
    words: "the quotient rule's numerator for {q} is written the wrong way round, uv′ − u′v instead of u′v − uv′",
    make: (step) => quotient(step, (u, v, du, dv) => div(sub(mul([u, dv]), mul([du, v])), pow(v, int(2)))),
  },
  {
    id: 'quotient-rule-plus',
    words: "the quotient rule's numerator for {q} has a plus, u′v + uv′, instead of u′v − uv′",
    make: (step) => quotient(step, (u, v, du, dv) => div(add([mul([du, v]), mul([u, dv])]), pow(v, int(2)))),
  },
  {
    id: 'quotient-denominator-not-squared',
    words: "the quotient rule's denominator for {q} is not squared: v instead of v²",
    make: (step) => quotient(step, (u, v, du, dv) => div(sub(mul([du, v]), mul([u, dv])), v)),
  },
  {
    id: 'quotient-of-derivatives',
    words: 'the derivative of the quotient {q} is taken as the quotient of the derivatives, (u/v)′ = u′/v′',
    make: (step) => quotient(step, (_u, _v, du, dv) => div(du, dv)),
  },
  {
    id: 'reciprocal-of-derivative',
    words: '(1/v)′ is taken as 1/v′ for {q}',
    make: (step) => quotient(step, (u, _v, _du, dv) => (u.kind === 'num' ? div(u, dv) : undefined)),
  },
  {
    id: 'power-rule-on-exponential',
    words: 'the power rule is used on the exponential {f}: (a^x)′ = x·a^(x − 1), as if the exponent were constant',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'exponential') return [];
      const x = o.outer.expr;
      const [base, exponent] = x.kind === 'pow' ? [x.base, x.exponent] : x.kind === 'call' ? [constant('e'), x.args[0]!] : [undefined, undefined];
      if (!base || !exponent) return [];
      return [{ result: o.rebuild(mul([exponent, pow(base, sub(exponent, one))])), parts: { f: step.expr } }];
    },
  },
  {
    id: 'exponential-without-ln',
    words: '(a^u)′ is taken as a^u·u′, without the factor ln a, for {f}',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'exponential' || o.outer.expr.kind !== 'pow') return [];
      return [{ result: o.rebuild(o.outer.expr), parts: { f: step.expr } }];
    },
  },
  {
    id: 'power-rule-on-variable-exponent',
    words: 'the power rule is used on {f} as if its exponent {v} were constant: (u^v)′ = v·u^(v − 1)·u′, without the term u^v·ln u·v′',
    make: (step) => generalPower(step, (f, g, df) => mul([g, pow(f, sub(g, one)), df])),
  },
  {
    id: 'exponential-rule-on-variable-base',
    words: 'the exponential rule is used on {f} as if its base {u} were constant: (u^v)′ = u^v·ln u·v′, without the term v·u^(v − 1)·u′',
    make: (step) => generalPower(step, (f, g, _df, dg) => mul([pow(f, g), call('log', [f]), dg])),
  },
  {
    id: 'power-not-lowered',
    words: 'the power rule for {f} keeps the exponent: n·xⁿ instead of n·xⁿ⁻¹',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'power' || o.outer.expr.kind !== 'pow') return [];
      return [{ result: o.rebuild(mul([o.outer.bindings.n, o.outer.expr])), parts: { f: step.expr } }];
    },
  },
  {
    id: 'power-exponent-raised',
    words: 'the power rule for {f} raises the exponent: n·xⁿ⁺¹ instead of n·xⁿ⁻¹',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'power' || o.outer.expr.kind !== 'pow') return [];
      const { base, exponent } = o.outer.expr;
      return [{ result: o.rebuild(mul([exponent, pow(base, add([exponent, one]))])), parts: { f: step.expr } }];
    },
  },
  {
    id: 'tan-not-squared',
    words: '(tan u)′ is taken as sec u, not sec² u, for {f}',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'elementary' || o.outer.bindings.fn !== 'tan' || o.outer.expr.kind !== 'call') return [];
      return [{ result: o.rebuild(call('sec', o.outer.expr.args)), parts: { f: step.expr } }];
    },
  },
  {
    id: 'trig-sign',
    words: 'the derivative of {f} has the wrong sign',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'elementary' || !trigonometric.has(o.outer.bindings.fn)) return [];
      return [{ result: o.rebuild(neg(o.outer.result)), parts: { f: step.expr } }];
    },
  },
  {
    id: 'sqrt-as-reciprocal',
    words: '(√u)′ is taken as 1/√u, without the factor 1/2, for {f}',
    make: (step) => {
      const o = outerOf(step);
      if (!o || o.outer.rule !== 'elementary' || o.outer.bindings.fn !== 'sqrt') return [];
      return [{ result: o.rebuild(div(one, o.outer.expr)), parts: { f: step.expr } }];
    },
  },
  {
    id: 'constant-kept-in-sum',
    words: 'the constant term {c} is kept in the derivative of the sum: its derivative is 0',
    make: (step) => {
      if (step.rule !== 'sum') return [];
      return step.bindings.terms.flatMap((term, i) => (dependsOn(term, step.variable) || (term.kind === 'num' && term.value.n === 0n) ? []
        : [{ result: add(step.substeps.map((s, k) => (k === i ? term : s.result))), parts: { c: term } }]));
    },
  },
  {
    id: 'constant-factor-dropped',
    words: 'the constant factor {c} is dropped from the derivative of {f}',
    make: (step) => (step.rule === 'constant-multiple' ? [{ result: step.substeps[0]!.result, parts: { c: step.bindings.c, f: step.expr } }] : []),
  },
];

/** The quotient rule's mistaken forms, from u, v, u′ and v′. */
function quotient(step: DiffStep, mistaken: (u: Expr, v: Expr, du: Expr, dv: Expr) => Expr | undefined): MistakenStep[] {
  if (step.rule !== 'quotient') return [];
  const { u, v } = step.bindings;
  const [du, dv] = step.substeps.map((s) => s.result) as [Expr, Expr];
  const result = mistaken(u, v, du, dv);
  return result ? [{ result, parts: { q: step.expr } }] : [];
}

/** (u^v)′ with u and v both depending on the variable, worked out as if one of them were constant. */
function generalPower(step: DiffStep, mistaken: (u: Expr, v: Expr, du: Expr, dv: Expr) => Expr): MistakenStep[] {
  if (step.rule !== 'general-power') return [];
  const { f, g } = step.bindings;
  const [df, dg] = step.substeps.map((s) => s.result) as [Expr, Expr];
  return [{ result: mistaken(f, g, df, dg), parts: { f: step.expr, u: f, v: g } }];
}
