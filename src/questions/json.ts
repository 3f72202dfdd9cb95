import type { ValueAt } from '../multivariate/at-point.js';
import type { AnswerReport, FoundMistake, WorkingReport } from '../answer/check-answer.js';
import { mistakeWords } from '../print/answer.js';
import type { Expr } from '../expr/types.js';
import { num } from '../expr/factory.js';
import type { Derivative } from '../differentiate/differentiate.js';
import { toText, toUnicode } from '../print/linear.js';
import { toLatex } from '../print/latex.js';
import { conditionIn } from '../print/conditions.js';
import type { CheckReport } from '../check/check.js';
import { buildTrace, stepNumber, tooLargeToShow, type Trace, type TraceRewrite, type TraceStep } from '../steps/trace.js';
import { derivativeName, readingIn } from '../print/reading.js';
import type { FunctionLabel } from '../parse/request.js';
import type { OutputForm, OutputStep } from '../backprop/in-terms-of-output.js';

/** An expression in the three notations. */
export interface PrintedExpr {
  readonly text: string;
  readonly unicode: string;
  readonly latex: string;
}

/** An expression in the three notations JSON gives. */
export const printed = (e: Expr): PrintedExpr => ({ text: toText(e), unicode: toUnicode(e), latex: toLatex(e) });

type BindingValue = string | PrintedExpr | PrintedExpr[];

/** One rule application, with stable ids and every expression in three notations. */
export interface StepJson {
  readonly number: string;
  readonly rule: string;
  readonly variable: string;
  readonly expression: PrintedExpr;
  readonly bindings: Record<string, BindingValue>;
  /** The rule's formula with unevaluated derivatives of the parts, when it has parts. */
  readonly formula?: PrintedExpr;
  readonly result: PrintedExpr;
  readonly substeps: StepJson[];
  /** The step that worked out the same derivative before, when one did (then there are no substeps). */
  readonly sameAs?: string;
}

function stepJson(s: TraceStep): StepJson {
  const bindings: Record<string, BindingValue> = {};
  for (const [name, value] of Object.entries(s.step.bindings as Record<string, string | Expr | readonly Expr[]>)) {
    bindings[name] = typeof value === 'string' ? value : Array.isArray(value) ? value.map(printed) : printed(value as Expr);
  }
  return {
    number: stepNumber(s.number),
    rule: s.step.rule,
    variable: s.step.variable,
    expression: printed(s.step.expr),
    bindings,
    ...(s.formula ? { formula: printed(s.formula) } : {}),
    result: printed(s.result),
    substeps: s.substeps.map(stepJson),
    ...(s.sameAs ? { sameAs: stepNumber(s.sameAs) } : {}),
  };
}

const rewriteJson = (r: TraceRewrite) => ({
  number: stepNumber(r.number), rule: r.rule, before: printed(r.before), after: printed(r.after), whole: printed(r.whole),
  ...(r.uses ? { uses: { left: printed(r.uses[0]), right: printed(r.uses[1]) } } : {}),
});

/** The CLI's JSON answer for one input: the derivative and, per order, its derivation. */
export function derivativeJson(input: string, d: Derivative, maxShownNodes?: number) {
  // Where the answer holds, when not everywhere the input is defined: |x|′ = sign(x) for x ≠ 0.
  const holds = d.conditions.length > 0
    ? { holds: d.conditions.map((c) => ({ text: conditionIn(c, 'text'), unicode: conditionIn(c, 'unicode'), latex: conditionIn(c, 'latex') })) }
    : {};
  // An order past 2⁵³ is no JSON number: it is given as its digits.
  const order = typeof d.order === 'bigint' ? d.order.toString() : d.order;
  const cycle = d.cycle ? {
    cycle: {
      from: d.cycle.from, length: d.cycle.length, answerOrder: d.cycle.answerOrder,
      ...(d.cycle.factor ? { factor: printed(num(d.cycle.factor)), repeats: d.cycle.repeats!.toString() } : {}),
    },
  } : {};
  // How the input was read, in the three notations, with the conventions that chose it.
  const reading = d.reading ? {
    reading: {
      notation: d.reading.notation, text: readingIn(d.reading, 'text'), unicode: readingIn(d.reading, 'unicode'), latex: readingIn(d.reading, 'latex'),
      expression: printed(d.reading.expr), notes: d.reading.notes,
      ...(d.reading.request.label ? { name: printedName(d.reading.request.label, d.order) } : {}),
    },
  } : {};
  const base = { input, ...reading, variable: d.variable, order, derivative: printed(d.result), ...holds, ...cycle };
  // A derivation too large to show is left out, with the reason; the answer is still given.
  const tooLarge = tooLargeToShow(d, maxShownNodes);
  if (tooLarge) return { ...base, steps: null, stepsOmitted: tooLarge };
  return { ...base, steps: stepsJson(buildTrace(d, { maxShownNodes })) };
}

/** A derivation in JSON: per order, the rules applied and the simplification. */
export const stepsJson = (trace: Trace) => trace.sections.map((section) => ({
  order: section.order,
  expression: printed(section.expr),
  derivation: stepJson(section.root),
  simplification: section.rewrites.map(rewriteJson),
  result: printed(section.result),
}));

/** The name of the answer, y′ or f′(x), in the three notations. */
const printedName = (label: FunctionLabel, order: number | bigint): PrintedExpr =>
  ({ text: derivativeName(label, order, 'text'), unicode: derivativeName(label, order, 'unicode'), latex: derivativeName(label, order, 'latex') });

/** A numeric check in JSON: NaN (no comparison made) is null. */
export function checkJson(report: CheckReport) {
  return {
    ...report,
    worstError: Number.isNaN(report.worstError) ? null : report.worstError,
    range: report.range ?? null,
  };
}

/** A checked answer in JSON: the verdict, how it was reached, where it fails, and the mistake that explains it. */
export function answerJson(report: AnswerReport) {
  const where = report.where ? { where: { at: report.where.at, yours: finiteOrNull(report.where.yours), derivative: finiteOrNull(report.where.derivative) } } : {};
  return {
    input: printed(report.answer),
    verdict: report.verdict, method: report.method, points: report.points, worstDifference: report.worstDifference,
    ...where, ...(report.partOfDomain ? { partOfDomain: true } : {}),
    ...(report.mistake ? { mistake: mistakeJson(report.mistake) } : {}),
    simplest: report.simplest, derivative: printed(report.derivative.result),
  };
}

function mistakeJson(m: FoundMistake): Record<string, unknown> {
  return {
    id: m.id, step: m.step ? m.step.join('.') : null, description: mistakeWords(m, 'text'),
    ...(m.place && m.expected && m.got ? { place: printed(m.place), expected: printed(m.expected), got: printed(m.got) } : {}),
    ...(m.with ? { with: mistakeJson(m.with) } : {}),
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A checked working in JSON: the verdict, the first line that is wrong and where, and its mistake. */
export function workingJson(report: WorkingReport) {
  const wrong = report.firstWrong;
  return {
    verdict: report.verdict, lines: report.lines.map(printed),
    ...(wrong ? { firstWrong: { line: wrong.line, at: wrong.where.at, value: finiteOrNull(wrong.where.line), before: finiteOrNull(wrong.where.before) } } : {}),
    ...(report.report?.mistake ? { mistake: mistakeJson(report.report.mistake) } : {}),
    derivative: printed(report.derivative.result),
  };
}

/** The derivative in terms of the output, for --in-terms-of-output --format json. */
export function outputFormJson(input: string, form: OutputForm): Record<string, unknown> {
  const step = (s: OutputStep): Record<string, unknown> => {
    switch (s.kind) {
      case 'value-form': return { kind: s.kind, function: s.name, value: printed(s.value), derivative: printed(s.derivative), inValue: printed(s.inValue) };
      case 'power-form': return { kind: s.kind, power: printed(s.power), derivative: printed(s.derivative), inValue: printed(s.inValue) };
      case 'invert': return { kind: s.kind, argument: printed(s.argument), fromValue: printed(s.fromValue) };
      case 'substitute': case 'simplify': return { kind: s.kind, result: printed(s.result) };
    }
  };
  return {
    input, variable: form.variable, output: form.output,
    derivative: printed(form.derivative),
    inTermsOfOutput: form.inOutput ? printed(form.inOutput) : null,
    holds: form.holds.map((h) => ({ expression: printed(h.expr), relation: h.relation })),
    ...(form.mixed ? { withInput: printed(form.mixed) } : {}),
    ...(form.reason ? { reason: form.reason.kind === 'not-one-to-one' ? { ...form.reason } : { kind: form.reason.kind } } : {}),
    steps: form.steps.map(step),
  };
}

/** A value's decimal in JSON: a number where a double holds it, its digits where one does not (e^710, 10⁻⁴⁰⁰). */
export const approximatelyJson = (v: ValueAt): number | string => {
  const n = Number(v.decimal);
  return Number.isFinite(n) && (n !== 0 || Number(v.decimal.replace(/e.*$/, '')) === 0) ? n : v.decimal;
};
