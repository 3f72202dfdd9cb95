import type { Expr } from '../expr/types.js';
import type { DiffStep } from '../diff/steps.js';
import { derivative } from '../expr/factory.js';
import { children, equals, postOrder, rebuild, variablesOf } from '../expr/traverse.js';
import { simpler } from '../algebra/complexity.js';
import { derive } from '../diff/differentiate.js';
import { stepWith } from '../diff/step-with-formula.js';
import { simplify } from '../simplify/simplify.js';
import { differentiate, type Derivative, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { read } from '../parse/parse.js';
import { ParseError } from '../parse/errors.js';
import { evaluate, type Environment } from '../evaluate/evaluate.js';
import { roundingError } from '../evaluate/rounding.js';
import { checkPoints, relativeError, standInsFor, valueWithDifferences } from '../check/check.js';
import { InputError } from '../errors.js';
import { mistakes, type MistakeId, type MistakenStep } from './mistakes.js';
import { StructuralMap } from '../expr/structural-map.js';
import { expectTree } from '../expr/check-tree.js';
import { comparisonPoints, type ComparisonPoint } from './points.js';
import { compareExactly, type ExactComparison } from './symbolic.js';
import { wrongOrder, wrongOrderWords } from './wrong-order.js';

/*
 * Whether a student's derivative is right: exactly first (the difference's normal form is 0,
 * or a number that is not, or the quotient's is a number other than 1), then at points over
 * the whole line and on every piece of the piecewise functions in either side, minding where
 * each side is defined; and if it is wrong, which mistake of the catalogue, made at which step
 * of the derivation, gives it. It never says correct from agreement at a few points alone.
 */

export type AnswerVerdict = 'correct' | 'incorrect' | 'undecided';

/** A mistake that explains an answer: which, where in the derivation, and the step done right and done so. */
export interface FoundMistake {
  readonly id: MistakeId | 'constant-factor' | 'wrong-order';
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
  /**
   * symbolic: decided exactly (the difference simplifies to 0, or is a number other than 0, or
   * the answer is a constant other than 1 times the derivative); numeric: the values agree (or
   * not) at `points` points.
   */
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
  // f′(x) = 2x is an answer with its name; d/dx … asks for a derivative, which an answer does not.
  if (given && given.request.operator !== undefined) {
    throw new InputError('the answer is an expression equal to the derivative, not a request to differentiate', 'invalid-request');
  }
  const yours = given ? given.expr : answer as Expr;
  const tolerance = options.tolerance ?? 1e-8;
  const exact = compareExactly(yours, d.result);
  // An answer the algebra proves equal is compared at the fixed points only, for where it has no value.
  const compared = compare(yours, d.result, d, tolerance, { everywhere: exact.kind !== 'equal', ...(exact.kind === 'unknown' ? { differences: exact.differences } : {}) });
  const simplest = !simpler(d.result, yours);
  const base = { answer: yours, derivative: d, simplest, points: compared.points, worstDifference: compared.worst };
  if (compared.differs) {
    const mistake = findMistake(d, yours, tolerance, exact);
    return { ...base, verdict: 'incorrect', method: 'numeric', where: compared.differs, ...(mistake ? { mistake } : {}) };
  }
  const apart = provedApart(exact, compared);
  if (apart) {
    const mistake = findMistake(d, yours, tolerance, exact);
    return { ...base, verdict: 'incorrect', method: 'symbolic', where: apart, ...(mistake ? { mistake } : {}) };
  }
  const symbolic = exact.kind === 'equal';
  if (!symbolic && compared.points < fewestPoints) return { ...base, verdict: 'undecided', method: 'numeric' };
  return {
    ...base, verdict: 'correct', method: symbolic ? 'symbolic' : 'numeric',
    ...(compared.undefinedAt ? { partOfDomain: true, where: compared.undefinedAt } : {}),
  };
}

/**
 * The point to show for two expressions proved unequal although their values agree within the
 * tolerance: where they are relatively furthest apart. A constant factor is a difference only
 * where the derivative is not 0, so a point where it is not is needed; none where no point has both values.
 */
function provedApart(exact: ExactComparison, compared: Comparison): Comparison['differs'] {
  if (exact.kind === 'constant-apart') return compared.furthest ?? compared.first;
  if (exact.kind === 'constant-factor') return compared.furthestNonZero;
  return undefined;
}

/** The constant factor the algebra found, when no step of the derivation explains it. */
function exactFactor(exact: ExactComparison): FoundMistake | undefined {
  if (exact.kind !== 'constant-factor') return undefined;
  return { id: 'constant-factor', words: `a constant factor is off: yours is ${exact.factor} times the derivative`, parts: {} };
}

/** The answer's text read, an error in it said to be in the answer (or in its line of the working). */
function readAnswer(text: string, options: AnswerOptions, where = 'the answer') {
  try {
    return read(text, options);
  } catch (error) {
    if (error instanceof ParseError) {
      const advice = error.advice;
      throw new ParseError(`in ${where}: ${error.message}`, error.line, error.column, error.source, advice && { declare: advice.declare, say: (words) => `in ${where}: ${advice.say(words)}` });
    }
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
    const exact = compareExactly(lines[i]!, before);
    const c = compare(lines[i]!, before, d, tolerance, { everywhere: exact.kind !== 'equal', ...(exact.kind === 'unknown' ? { differences: exact.differences } : {}) });
    const differs = c.differs ?? provedApart(exact, c);
    if (differs) {
      const report = checkAnswer(d.input, lines[i]!, options);
      return {
        verdict: 'incorrect', lines, derivative: d, report,
        firstWrong: { line: i + 1, where: { at: differs.at, line: differs.yours, before: differs.derivative } },
      };
    }
    if (c.points < fewestPoints && exact.kind !== 'equal') undecided = true;
  }
  return { verdict: undecided ? 'undecided' : 'correct', lines, derivative: d };
}

type PointValues = { readonly at: Environment; readonly yours: number; readonly derivative: number };

interface Comparison {
  readonly points: number;
  readonly worst: number;
  /** The first point where both have values that differ. */
  readonly differs?: PointValues;
  /** The first fixed point where the derivative has a value and the answer none. */
  readonly undefinedAt?: PointValues;
  /** The first point where both have values; the one where they are relatively furthest apart; that one among those where the derivative is not 0. */
  readonly first?: PointValues;
  readonly furthest?: PointValues;
  readonly furthestNonZero?: PointValues;
}

interface CompareOptions {
  /**
   * Past the fixed points, when they agree: at points over the whole line and on every piece
   * (see points.ts); far along the line only ('far': enough to tell one mistake from another).
   */
  readonly everywhere: boolean | 'far';
  /** Stop at the first difference: only whether they agree is asked. */
  readonly firstDifference?: boolean;
  /**
   * yours − right simplified (in one form or more): where the values agree within the tolerance, it is valued itself at
   * each point, and a value that its rounding cannot explain is a difference. The simplifier
   * cancels what the two share, so 10⁻¹²·sin x or relu(x − 25) beside e^x shows although the
   * two values agree to 12 digits.
   */
  readonly differences?: readonly Expr[];
}

/**
 * How many times its bound on rounding the simplified difference must exceed to be a difference:
 * the bound is to first order and takes each function as rounded once, which a library's Γ or
 * ψ is not quite.
 */
const roundingMargin = 2 ** 20;

/**
 * Both sides at the check's fixed points, the other variables fixed as the check fixes them;
 * then, where they agree there and `everywhere` asks, at the points of points.ts.
 */
function compare(yours: Expr, right: Expr, d: Derivative, tolerance: number, options: CompareOptions): Comparison {
  const others = [...new Set([...variablesOf(d.input), ...variablesOf(yours), ...variablesOf(right)])].filter((v) => v !== d.variable).sort();
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
  let differs: PointValues | undefined;
  let undefinedAt: PointValues | undefined;
  // Points passed over for rounding: the simplified difference may still be told apart from 0 there.
  const passedOver: PointValues[] = [];
  let first: PointValues | undefined;
  const furthest = { any: { error: -1, point: undefined as PointValues | undefined }, nonZero: { error: -1, point: undefined as PointValues | undefined } };
  /** Both values at a point; the point with them where both have one. */
  const visit = ({ at, fixed }: ComparisonPoint): PointValues | undefined => {
    const [a, b] = [value(yours, at), value(right, at)];
    if (!Number.isFinite(b)) return undefined;
    if (!Number.isFinite(a)) {
      // Far out, a value past the range of doubles (e^1000/e^1000) is no sign that the answer has none.
      if (fixed) undefinedAt ??= { at, yours: a, derivative: b };
      return undefined;
    }
    let error = relativeError(a, b, 1e-9);
    // Rounding in either side's value is no difference: 1 − tanh²x at x = 11.3 keeps 8 digits of 16.
    // Where it is as large as the tolerance allows, the values tell nothing and the point is passed
    // over: sinc(u) for u = (x + 2e)^54.1 near 10⁴⁰ has no digit right, beside any other value.
    if (error > 0) {
      const bound = 16 * Number.EPSILON * (rounding(yours, at) + rounding(right, at));
      if (Math.abs(a - b) <= bound) {
        if (bound > tolerance * Math.max(Math.abs(a), Math.abs(b))) {
          passedOver.push({ at, yours: a, derivative: b });
          return undefined;
        }
        error = 0;
      }
    }
    points++;
    const here = { at, yours: a, derivative: b };
    first ??= here;
    worst = Math.max(worst, error);
    if (error > tolerance) differs ??= here;
    // Where exactly unequal expressions are shown apart: their relative difference before rounding is allowed for.
    const apart = relativeError(a, b, Number.MIN_VALUE);
    if (apart > furthest.any.error) furthest.any = { error: apart, point: here };
    if (b !== 0 && apart > furthest.nonZero.error) furthest.nonZero = { error: apart, point: here };
    return here;
  };
  const where = comparisonPoints([d.input, yours, right], d.variable, others, functions, options.everywhere === 'far');
  const done = (): boolean => options.firstDifference === true && differs !== undefined;
  const compared: PointValues[] = [];
  const keep = (p: PointValues | undefined): void => {
    if (p) compared.push(p);
  };
  for (const p of where.fixed) if (!done()) keep(visit(p));
  if (options.everywhere && !differs) for (const p of where.more()) if (!done()) keep(visit(p));
  // Only where the values agree within the tolerance: a wrong answer is told where it was before.
  const differences = options.differences ?? [];
  // At a point passed over, too: past x = 20.5, 2e^(2x)·(1 − tanh(e^(2x))²) has no digit right, and
  // relu(x − 20.5) beside it is seen only there.
  if (!differs) differs = [...compared, ...passedOver].find((p) => differences.some((e) => clearlyNonZero(e, p.at)));
  return {
    points, worst, ...(differs ? { differs } : {}), ...(undefinedAt ? { undefinedAt } : {}), ...(first ? { first } : {}),
    ...(furthest.any.point ? { furthest: furthest.any.point } : {}), ...(furthest.nonZero.point ? { furthestNonZero: furthest.nonZero.point } : {}),
  };
}

/** Whether an expression's value at a point is further from 0 than its rounding can take it. */
function clearlyNonZero(e: Expr, at: Environment): boolean {
  const functions = standInsFor(e);
  const v = valueWithDifferences(e, at, 1e-8, functions);
  if (!Number.isFinite(v) || v === 0) return false;
  let bound: number;
  try {
    bound = roundingError(e, at, { functions });
  } catch {
    return false;
  }
  return Number.isFinite(bound) && Math.abs(v) > roundingMargin * Number.EPSILON * bound;
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

/**
 * Whether two expressions agree at every point where both have values, at enough of them,
 * and the algebra does not prove them apart (e^x is not e^x·(1 + 10⁻²⁰)).
 */
function agrees(a: Expr, b: Expr, d: Derivative, tolerance: number): boolean {
  const c = compare(a, b, d, tolerance, { everywhere: 'far', firstDifference: true });
  if (c.differs || c.points < fewestPoints) return false;
  const exact = compareExactly(a, b).kind;
  return exact !== 'constant-apart' && exact !== 'constant-factor';
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
    return change ? stepWith(step, { result: change.result }) : undefined;
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
function findMistake(d: Derivative, yours: Expr, tolerance: number, exact: ExactComparison): FoundMistake | undefined {
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
  const order = wrongOrder(d, (e) => agrees(e, yours, d, tolerance));
  if (order !== undefined) return { id: 'wrong-order', words: wrongOrderWords(order, d.derivations.length), parts: {} };
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
  if (exact.kind === 'constant-factor') return exactFactor(exact);
  // A number apart is no factor off, however near to 1 the values' ratio is.
  return exact.kind === 'constant-apart' ? undefined : constantFactor(d, yours, tolerance);
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
  if (Math.abs(k - 1) <= tolerance || values.some((r) => relativeError(r, k, 1e-9) > tolerance)) return undefined;
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
