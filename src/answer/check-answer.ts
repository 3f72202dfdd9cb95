import type { Expr } from '../expr/types.js';
import type { DiffStep } from '../diff/steps.js';
import { derivative, sub } from '../expr/factory.js';
import { children, equals, postOrder, rebuild, variablesOf } from '../expr/traverse.js';
import { simpler } from '../algebra/complexity.js';
import { derive } from '../diff/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { differentiate, type Derivative, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { read } from '../parse/parse.js';
import { ParseError } from '../parse/errors.js';
import { evaluate, type Environment } from '../evaluate/evaluate.js';
import { roundingError } from '../evaluate/rounding.js';
import { checkPoints, fixedValues, relativeError, standInsFor, valueWithDifferences } from '../check/check.js';
import { InputError } from '../errors.js';
import { mistakes, type MistakeId, type MistakenStep } from './mistakes.js';
import { StructuralMap } from '../expr/structural-map.js';
import { expectTree } from '../expr/check-tree.js';

/*
 * Whether a student's derivative is right: symbolically (the difference simplifies to 0) or
 * at points spread over the line, minding where each side is defined; and if it is wrong,
 * which mistake of the catalogue, made at which step of the derivation, gives it.
 */

export type AnswerVerdict = 'correct' | 'incorrect' | 'undecided';

/** A mistake that explains an answer: which, where in the derivation, and the step done right and done so. */
export interface FoundMistake {
  readonly id: MistakeId | 'constant-factor';
  /** The step of the derivation it was made at ([1, 2] is step 1.2); none for a slip in the final answer. */
  readonly step?: readonly number[];
  /** The words of the mistake, its parts standing as {u}, {du}, … (see `parts`). */
  readonly words: string;
  readonly parts: Readonly<Record<string, Expr>>;
  /** The part differentiated there, its derivative as the rules give it, and with the mistake. */
  readonly place?: Expr;
  readonly expected?: Expr;
  readonly got?: Expr;
  /** A second mistake made with it, when one alone does not explain the answer. */
  readonly with?: FoundMistake;
}

export interface AnswerReport {
  readonly verdict: AnswerVerdict;
  /** symbolic: the difference simplifies to 0; numeric: the values agree (or not) at `points` points. */
  readonly method: 'symbolic' | 'numeric';
  /** Points where both sides have values and were compared. */
  readonly points: number;
  /** Largest relative difference at those points. */
  readonly worstDifference: number;
  /** Where they differ (incorrect), or where the answer has no value but the derivative has (correct on part of the domain). */
  readonly where?: { readonly at: Environment; readonly yours: number; readonly derivative: number };
  /** Correct where the answer is defined, but it is not defined everywhere the derivative is. */
  readonly partOfDomain?: true;
  /** The most likely mistake, for an incorrect answer, when one of the catalogue (or two) explains it. */
  readonly mistake?: FoundMistake;
  /** Whether the answer is as simple as dydx's form. */
  readonly simplest: boolean;
  readonly answer: Expr;
  readonly derivative: Derivative;
}

export interface AnswerOptions extends Pick<DifferentiateOptions,
  'variable' | 'order' | 'timeout' | 'maxMemory' | 'maxLength' | 'maxDepth' | 'maxDigits' | 'variables' | 'abstractFunctions' | 'notation'> {
  /** Largest relative difference taken as agreement (default 10⁻⁸). */
  readonly tolerance?: number;
}

/** Fewest points both sides must have values at for a verdict. */
const fewestPoints = 3;

/** Checks a student's derivative of an expression (either may be text). */
export function checkAnswer(input: Expr | string, answer: Expr | string, options: AnswerOptions = {}): AnswerReport {
  if (typeof answer !== 'string') expectTree(answer, "checkAnswer's second argument, the answer to check,");
  const d = differentiate(input, options);
  const given = typeof answer === 'string' ? readAnswer(answer, options) : undefined;
  if (given && (given.request.order !== undefined || given.request.variable !== undefined)) {
    throw new InputError('the answer is an expression equal to the derivative, not a request to differentiate', 'invalid-request');
  }
  const yours = given ? given.expr : answer as Expr;
  const tolerance = options.tolerance ?? 1e-8;
  const compared = compare(yours, d.result, d, tolerance);
  const simplest = !simpler(d.result, yours);
  const base = { answer: yours, derivative: d, simplest, points: compared.points, worstDifference: compared.worst };
  if (compared.differs) {
    const mistake = findMistake(d, yours, tolerance);
    return { ...base, verdict: 'incorrect', method: 'numeric', where: compared.differs, ...(mistake ? { mistake } : {}) };
  }
  const symbolic = isZero(simplify(sub(yours, d.result)));
  if (!symbolic && compared.points < fewestPoints) return { ...base, verdict: 'undecided', method: 'numeric' };
  return {
    ...base, verdict: 'correct', method: symbolic ? 'symbolic' : 'numeric',
    ...(compared.undefinedAt ? { partOfDomain: true, where: compared.undefinedAt } : {}),
  };
}

/** The answer's text read, an error in it said to be in the answer (or in its line of the working). */
function readAnswer(text: string, options: AnswerOptions, where = 'the answer') {
  try {
    return read(text, options);
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(`in ${where}: ${error.message}`, error.line, error.column, error.source);
    throw error;
  }
}

/** A student's working checked line by line: the first line not equal to the one before, and why. */
export interface WorkingReport {
  /** correct: every line equals the one before (the first, the derivative); incorrect: one does not. */
  readonly verdict: AnswerVerdict;
  readonly lines: readonly Expr[];
  /** The first line (1-based) not equal to the line before, with a point where they differ. */
  readonly firstWrong?: { readonly line: number; readonly where: { readonly at: Environment; readonly line: number; readonly before: number } };
  /** That line checked as an answer: the mistake that explains it, when one does. */
  readonly report?: AnswerReport;
  readonly derivative: Derivative;
}

/**
 * Checks a student's working: each line an expression claimed equal to the derivative, each
 * compared with the line before (the first with the derivative). The first line that is not
 * equal is named, and checked as an answer, for the mistake that explains it.
 */
export function checkWorking(input: Expr | string, working: readonly string[], options: AnswerOptions = {}): WorkingReport {
  if (!Array.isArray(working) || working.some((line) => typeof line !== 'string')) throw new InputError('checkWorking takes the working as an array of lines of text', 'invalid-request');
  const d = differentiate(input, options);
  const tolerance = options.tolerance ?? 1e-8;
  const lines = working.map((text, i) => byVariable(readAnswer(text, options, `line ${i + 1} of the working`).expr, d.variable));
  if (lines.length === 0) throw new InputError('the working has no line in it', 'invalid-request');
  let undecided = false;
  for (let i = 0; i < lines.length; i++) {
    const before = i === 0 ? d.result : lines[i - 1]!;
    const c = compare(lines[i]!, before, d, tolerance);
    if (c.differs) {
      const report = checkAnswer(d.input, lines[i]!, options);
      return {
        verdict: 'incorrect', lines, derivative: d, report,
        firstWrong: { line: i + 1, where: { at: c.differs.at, line: c.differs.yours, before: c.differs.derivative } },
      };
    }
    if (c.points < fewestPoints && !isZero(simplify(sub(lines[i]!, before)))) undecided = true;
  }
  return { verdict: undecided ? 'undecided' : 'correct', lines, derivative: d };
}

const isZero = (e: Expr): boolean => e.kind === 'num' && e.value.n === 0n;

interface Comparison {
  readonly points: number;
  readonly worst: number;
  /** The first point where both have values that differ. */
  readonly differs?: { readonly at: Environment; readonly yours: number; readonly derivative: number };
  /** The first point where the derivative has a value and the answer none. */
  readonly undefinedAt?: { readonly at: Environment; readonly yours: number; readonly derivative: number };
}

/** Both sides at the check's points, the other variables fixed as the check fixes them. */
function compare(yours: Expr, right: Expr, d: Derivative, tolerance: number): Comparison {
  const others = [...new Set([...variablesOf(d.input), ...variablesOf(yours)])].filter((v) => v !== d.variable).sort();
  const fixed = fixedValues(others);
  const functions = standInsFor(d.input, yours, right);
  // A working's (u)′ is valued by finite differences.
  const value = (e: Expr, at: Environment): number => valueWithDifferences(e, at, tolerance, functions);
  const rounding = (e: Expr, at: Environment): number => {
    try {
      const bound = roundingError(e, at, { functions });
      return Number.isFinite(bound) ? bound : 0;
    } catch {
      return 0;
    }
  };
  let points = 0;
  let worst = 0;
  let differs: Comparison['differs'];
  let undefinedAt: Comparison['undefinedAt'];
  for (const x of checkPoints) {
    const at = { ...fixed, [d.variable]: x };
    const [a, b] = [value(yours, at), value(right, at)];
    if (!Number.isFinite(b)) continue;
    if (!Number.isFinite(a)) {
      undefinedAt ??= { at, yours: a, derivative: b };
      continue;
    }
    points++;
    // Rounding in either side's value is no difference: 1 − tanh²x at x = 11.3 keeps 8 digits of 16.
    const noise = 16 * Number.EPSILON * (rounding(yours, at) + rounding(right, at));
    const error = Math.abs(a - b) <= noise ? 0 : relativeError(a, b, 1e-9);
    worst = Math.max(worst, error);
    if (error > tolerance) differs ??= { at, yours: a, derivative: b };
  }
  return { points, worst, ...(differs ? { differs } : {}), ...(undefinedAt ? { undefinedAt } : {}) };
}

/** A working's (u)′, read as a derivative by x, made one by the problem's variable. */
function byVariable(e: Expr, variable: string): Expr {
  if (variable === 'x') return e;
  const next = new Map<Expr, Expr>();
  for (const node of postOrder(e)) {
    const parts = children(node).map((c) => next.get(c)!);
    next.set(node, node.kind === 'derivative' ? derivative(parts[0]!, variable) : rebuild(node, parts));
  }
  return next.get(e)!;
}

/** Whether two expressions agree at every point where both have values, at enough of them. */
function agrees(a: Expr, b: Expr, d: Derivative, tolerance: number): boolean {
  const c = compare(a, b, d, tolerance);
  return !c.differs && c.points >= fewestPoints;
}

/** One entry of the catalogue made at one step: the part, its mistaken derivative, and what the mistake's words need. */
interface Candidate {
  readonly id: MistakeId;
  readonly words: string;
  readonly step: DiffStep;
  readonly number: readonly number[];
  readonly made: MistakenStep;
  readonly part: Expr;
  readonly result: Expr;
}

/** The mistake as it is reported, its parts and both forms of the step simplified to be read (only for the one found). */
const found = (c: Candidate): FoundMistake => ({
  id: c.id, step: c.number, words: c.words, parts: Object.fromEntries(Object.entries(c.made.parts).map(([k, v]) => [k, simplify(v)])),
  place: c.part, expected: simplify(c.step.result), got: simplify(c.result),
});

/** The derivative with these parts' steps given these results. */
function mistaken(d: Derivative, changes: readonly Candidate[]): Expr {
  const replace = (part: Expr, step: DiffStep): DiffStep | undefined => {
    const change = changes.find((c) => equals(c.part, part));
    return change ? { ...step, result: change.result } : undefined;
  };
  return derive(differentiated(d), d.variable, { replace }).result;
}

/** What the last order differentiated: the input itself for a first derivative. */
const differentiated = (d: Derivative): Expr => d.derivations.at(-1)?.expr ?? d.input;

/**
 * The mistake that explains the answer: each entry of the catalogue at each step it can be
 * made at, the derivative worked out again with it, compared with the answer; then pairs of
 * them; then a constant factor off.
 */
function findMistake(d: Derivative, yours: Expr, tolerance: number): FoundMistake | undefined {
  const root = derive(differentiated(d), d.variable);
  const candidates: Candidate[] = [];
  for (const { step, number } of numberedSteps(root)) {
    // The chain rule's outer step is in its letter u: its mistakes are made through the chain rule's step.
    if (step.variable !== d.variable) continue;
    for (const m of mistakes) {
      for (const made of m.make(step)) candidates.push({ id: m.id, words: m.words, step, number, made, part: step.expr, result: made.result });
    }
  }
  for (const c of candidates) if (agrees(mistaken(d, [c]), yours, d, tolerance)) return found(c);
  // Two mistakes at two different places.
  if (candidates.length <= 40) {
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const [a, b] = [candidates[i]!, candidates[j]!];
        if (equals(a.part, b.part)) continue;
        if (agrees(mistaken(d, [a, b]), yours, d, tolerance)) return { ...found(a), with: found(b) };
      }
    }
  }
  return constantFactor(d, yours, tolerance);
}

/** The answer as a constant times the derivative: a slip in a coefficient of a one-term answer, or a factor lost or doubled. */
function constantFactor(d: Derivative, yours: Expr, tolerance: number): FoundMistake | undefined {
  const at = checkPoints.map((x) => ({ [d.variable]: x }));
  const values = at.flatMap((point) => {
    try {
      const r = evaluate(yours, point) / evaluate(d.result, point);
      return Number.isFinite(r) ? [r] : [];
    } catch {
      return [];
    }
  });
  if (values.length < fewestPoints || postOrder(d.input).some((n) => n.kind === 'apply')) return undefined;
  const k = values[0]!;
  if (k === 1 || values.some((r) => relativeError(r, k, 1e-9) > tolerance)) return undefined;
  const factor = Number(k.toPrecision(12));
  return { id: 'constant-factor', words: `a constant factor is off: yours is ${factor} times the derivative`, parts: {} };
}

/** Every step of a derivation with its number (1, 1.1, 1.2, 1.2.1, …), parts that are alike taken once, first where they come. */
function numberedSteps(root: DiffStep): { step: DiffStep; number: number[] }[] {
  const out: { step: DiffStep; number: number[] }[] = [];
  const seen = new StructuralMap<true>();
  const stack: { step: DiffStep; number: number[] }[] = [{ step: root, number: [1] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (seen.get(item.step.expr)) continue;
    seen.set(item.step.expr, true);
    out.push(item);
    for (let i = item.step.substeps.length - 1; i >= 0; i--) stack.push({ step: item.step.substeps[i]!, number: [...item.number, i + 1] });
  }
  return out;
}
