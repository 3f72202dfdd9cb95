import type { Expr } from '../expr/types.js';
import type { Derivative } from '../differentiate/differentiate.js';
import type { Condition, DiffStep } from '../diff/steps.js';
import { derivative } from '../expr/factory.js';
import { Replay } from './replay.js';
import { simplifyWithSteps } from '../simplify/simplify.js';
import { tidyRules } from '../simplify/rules.js';
import { equals } from '../expr/traverse.js';
import { treeSize } from '../expr/size.js';
import { InputError } from '../errors.js';
import { bindingsOf, generalForm, ruleLabel, type Binding, type Equation } from './rules-shown.js';
import { rewriteLabels, words } from './labels.js';
import type { RewriteId } from '../simplify/rewrite.js';
import type { Rational } from '../expr/types.js';

/** −4, 1/2: a rational as its digits (the steps' wording is plain text in any notation). */
const toFractionText = (q: Rational): string => `${q.s < 0n ? '-' : ''}${q.n}${q.d === 1n ? '' : `/${q.d}`}`;

/*
 * A derivation as a person reads it, independent of notation: numbered steps
 * (1, 1.1, 1.1.2) each with its rule, general form, bindings, the formula with the
 * letters filled in, the substeps and the result; then the simplification, one
 * rewrite at a time with the whole expression after it; then the answer. The
 * printers for text, LaTeX and Markdown all walk this.
 */

export interface TraceStep {
  /** Position in the derivation: [1, 2, 2] is step 1.2.2. */
  readonly number: readonly number[];
  readonly step: DiffStep;
  readonly label: string;
  readonly form: Equation;
  /** What the rule's letters stand for here: u = 1, v = 1 + e^(−x). */
  readonly bindings: readonly Binding[];
  /** The derivative being worked out, (expr)′. */
  readonly derivative: Expr;
  /** The formula with the parts still to differentiate, when there are parts. */
  readonly formula: Expr | undefined;
  readonly result: Expr;
  readonly substeps: readonly TraceStep[];
  /** The step that already worked out this derivative, when one did: its substeps are not repeated. */
  readonly sameAs?: readonly number[];
}

export interface TraceRewrite {
  readonly number: readonly number[];
  readonly rule: RewriteId;
  readonly label: string;
  /** The part rewritten, before and after. */
  readonly before: Expr;
  readonly after: Expr;
  /** The whole expression after this rewrite. */
  readonly whole: Expr;
  /** Whether the rewrite was of the whole expression (then before/after add nothing to `whole`). */
  readonly atRoot: boolean;
  /** An identity the rewrite relies on: σ(x) = 1/(1 + e^(−x)). */
  readonly uses: Equation | undefined;
}

/** One differentiation of a possibly higher-order derivative. */
export interface TraceSection {
  readonly order: number;
  readonly expr: Expr;
  readonly root: TraceStep;
  /** Number of the simplification block: the step after the root. */
  readonly simplifyNumber: readonly number[];
  readonly rewrites: readonly TraceRewrite[];
  readonly result: Expr;
}

export interface Trace {
  readonly variable: string;
  readonly input: Expr;
  readonly sections: readonly TraceSection[];
  readonly answer: Expr;
  /** Where the answer holds, when not everywhere the input is defined (see Derivative.conditions). */
  readonly conditions: readonly Condition[];
  /** Where the derivatives repeat, in words, when they do before the order asked for. */
  readonly cycle: string | undefined;
}

/** The most expression nodes a derivation may show, all its lines together (configurable). */
const maxShownNodes = 1_000_000;

/**
 * How many expression nodes the derivation of d would show, estimated without building it:
 * each rule's expression, formula and result, and each rewrite with the whole expression.
 * A chain nested n deep shows about n²/2 nodes, so this is what bounds a derivation. Orders
 * are counted until the count passes `limit`: the later ones of σ⁽¹⁰⁰⁰⁾ need not be made.
 */
function shownSize(d: Derivative, limit: number): { size: number; orders: number } {
  let total = 0;
  let orders = 0;
  for (const derivation of d.derivations) {
    if (total > limit) break;
    orders++;
    const stack: DiffStep[] = [derivation.step];
    while (stack.length > 0) {
      const step = stack.pop()!;
      total += treeSize(step.expr) + treeSize(step.formula) + treeSize(step.result);
      for (const sub of step.substeps) stack.push(sub);
    }
    total += derivation.simplification.length * Math.max(treeSize(derivation.step.result), treeSize(derivation.result));
  }
  return { size: total, orders };
}

/** Why d is too large to show step by step, or undefined when it is not. */
export function tooLargeToShow(d: Derivative, limit: number = maxShownNodes): string | undefined {
  const { size, orders } = shownSize(d, limit);
  const where = orders < d.derivations.length ? ` in its first ${orders} of ${d.derivations.length} orders alone` : '';
  return size > limit
    ? `the derivation is too large to show step by step: about ${size} expression nodes${where}, more than the limit of ${limit} (the answer alone has no such limit)`
    : undefined;
}

/**
 * The derivatives of parts already shown in the derivations of one gradient, Jacobian or Hessian,
 * by hash: a part that recurs, (sin(x·y))′ by y in ∂f/∂y and again in ∂²f/∂y², is worked out once
 * and referred to after ("as in 2.1.2").
 */
export type ShownParts = Map<number, { readonly expr: Expr; readonly variable: string; readonly number: readonly number[] }[]>;

export const shownParts = (): ShownParts => new Map();

/** Traces already built: the printers and the numeric check of one derivative share its trace. */
const traces = new WeakMap<Derivative, Trace>();

export interface TraceOptions {
  readonly maxShownNodes?: number | undefined;
  /** The number of a derivation within others (one component of a gradient: 2.1, 2.2 …). */
  readonly within?: readonly number[];
  /** The parts the other derivations have shown, to refer to rather than repeat. */
  readonly shown?: ShownParts;
}

export function buildTrace(d: Derivative, options: TraceOptions = {}): Trace {
  const tooLarge = tooLargeToShow(d, options.maxShownNodes ?? maxShownNodes);
  if (tooLarge) throw new InputError(tooLarge, 'limit');
  // A derivation within another (one component of a gradient, numbered 2.1, 2.2 …) is numbered apart.
  if (options.within !== undefined || options.shown !== undefined) return traceOf(d, options.within ?? [], options.shown);
  let trace = traces.get(d);
  if (!trace) traces.set(d, (trace = traceOf(d, [])));
  return trace;
}

function traceOf(d: Derivative, within: readonly number[], shown?: ShownParts): Trace {
  const sections = d.derivations.map((derivation, i): TraceSection => {
    const root = traceStep(derivation.step, [...within, 1], shown);
    const replay = new Replay(derivation.step.result);
    // Simplified again place by place, so each rewrite can be shown in the whole expression.
    const simplification = derivation.simplification.length === 0 ? []
      : simplifyWithSteps(derivation.step.result, { places: true, form: d.form }).steps;
    const rewrites = simplification.map((r, j): TraceRewrite => {
      replay.apply(r.path!, r.after);
      return {
        number: [...within, 2, j + 1], rule: r.rule, label: rewriteLabels[r.rule], before: r.before, after: r.after,
        whole: replay.current(), atRoot: r.path!.length === 0, uses: r.uses,
      };
    });
    if (!equals(rewrites.at(-1)?.whole ?? derivation.step.result, derivation.result)) {
      throw new Error('internal error: the simplification steps do not lead to the simplified result');
    }
    return { order: i + 1, expr: derivation.expr, root, simplifyNumber: [...within, 2], rewrites, result: derivation.result };
  });
  const { cycle: repeat } = d;
  const cycle = repeat && words.cycle(repeat.from + repeat.length, repeat.from, repeat.length, d.order, repeat.answerOrder,
    repeat.factor && toFractionText(repeat.factor), repeat.repeats);
  return { variable: d.variable, input: d.input, sections, answer: d.result, conditions: d.conditions, cycle };
}

function traceStep(step: DiffStep, number: readonly number[], shown?: ShownParts): TraceStep {
  // A rule with no parts is one line: it is shown again rather than referred to.
  const sameAs = shown && step.substeps.length > 0 ? shownBefore(shown, step, number) : undefined;
  return {
    number,
    step,
    label: ruleLabel(step),
    form: generalForm(step),
    bindings: bindingsOf(step),
    derivative: derivative(step.expr, step.variable),
    formula: sameAs === undefined && step.substeps.length > 0 && !equals(step.formula, step.result) ? step.formula : undefined,
    result: step.result,
    substeps: sameAs === undefined ? step.substeps.map((s, i) => traceStep(s, [...number, i + 1], shown)) : [],
    ...(sameAs ? { sameAs } : {}),
  };
}

/** The step that showed the derivative `step` works out, if one did; else `step` is recorded as showing it. */
function shownBefore(shown: ShownParts, step: DiffStep, number: readonly number[]): readonly number[] | undefined {
  const alike = shown.get(step.expr.hash) ?? [];
  const earlier = alike.find((p) => p.variable === step.variable && equals(p.expr, step.expr));
  if (!earlier) shown.set(step.expr.hash, [...alike, { expr: step.expr, variable: step.variable, number }]);
  return earlier?.number;
}

/** An equation the derivation shows, with where it is shown: step 1.2 chain rule, step 2.3 add the numbers. */
export interface ShownEquation {
  /** The order of the derivative whose derivation shows it (1 for the first). */
  readonly order: number;
  /** The step that shows it: [1, 2] is step 1.2. */
  readonly step: readonly number[];
  /** The step's rule or rewrite, in words. */
  readonly label: string;
  readonly equation: Equation;
  /**
   * What the chain rule's letters stand for here, innermost last: the outer step of
   * (e^(−x))′ is (e^u)′ = e^u with u = −x, true at the value −x takes.
   */
  readonly letting: readonly (readonly [string, Expr])[];
}

/** Every equation the derivation shows, in order, each with its step, for checking numerically. */
export function shownEquations(trace: Trace): ShownEquation[] {
  const shown: ShownEquation[] = [];
  for (const section of trace.sections) {
    const { order } = section;
    const walk = (s: TraceStep, letting: ShownEquation['letting']): void => {
      const where = { order, step: s.number, label: s.label };
      if (s.formula) shown.push({ ...where, equation: [s.derivative, s.formula], letting });
      shown.push({ ...where, equation: [s.derivative, s.result], letting });
      const step = s.step;
      s.substeps.forEach((sub, i) => walk(sub,
        step.rule === 'chain' && i === 0 ? [...letting, [step.bindings.placeholder, step.bindings.u]] : letting));
    };
    walk(section.root, []);
    let previous = section.root.result;
    for (const r of section.rewrites) {
      shown.push({ order, step: r.number, label: r.label, equation: [previous, r.whole], letting: [] });
      previous = r.whole;
    }
  }
  return shown;
}

/** A step in words: "1.2 chain rule", or "order 2, 1.2 chain rule" in a derivation of several orders. */
export function stepInWords(trace: Pick<Trace, 'sections'>, order: number, step: readonly number[], label: string): string {
  return `${trace.sections.length > 1 ? `${words.order(order)}, ` : ''}${stepNumber(step)} ${label}`;
}

/** Every equation the derivation shows, for checking each one numerically. */
export function traceEquations(trace: Trace): Equation[] {
  return shownEquations(trace).map((s) => s.equation);
}

export const stepNumber = (number: readonly number[]): string => number.join('.');

/** Rewrites that only tidy (fold numbers, drop 0 and 1, flatten, move signs): the simplifier's tidying rules. */
const tidying: ReadonlySet<RewriteId> = new Set(tidyRules.map((r) => r.id));

/** Rewrites as a brief derivation shows them: a run of tidying ones as one group, every other one by itself. */
export type RewriteGroup =
  | { readonly kind: 'one'; readonly rewrite: TraceRewrite }
  | { readonly kind: 'tidy'; readonly rewrites: readonly TraceRewrite[]; readonly whole: Expr };

/**
 * The rewrites grouped: two or more tidying rewrites in a row (0·a → 0, 1·a → a, adding numbers)
 * become one "tidy up" group, so the steps that matter (cancel, split, substitute σ) stand out.
 */
export function rewriteGroups(rewrites: readonly TraceRewrite[]): RewriteGroup[] {
  const groups: RewriteGroup[] = [];
  for (let i = 0; i < rewrites.length;) {
    let end = i;
    while (end < rewrites.length && tidying.has(rewrites[end]!.rule)) end++;
    if (end - i >= 2) {
      const run = rewrites.slice(i, end);
      groups.push({ kind: 'tidy', rewrites: run, whole: run.at(-1)!.whole });
      i = end;
    } else {
      groups.push({ kind: 'one', rewrite: rewrites[i]! });
      i++;
    }
  }
  return groups;
}

/** The numbers of a group of rewrites: 2.1–2.5 (a hyphen in ASCII). */
export const stepRange = (rewrites: readonly TraceRewrite[], dash = '–'): string =>
  `${stepNumber(rewrites[0]!.number)}${dash}${stepNumber(rewrites.at(-1)!.number)}`;
