import { InputError } from '../../errors.js';
import { matrixDerivative, type MatrixAnswer, type MatrixDerivative } from '../../matrix/derive.js';
import { checkMatrixAnswer, checkMatrixSteps, matrixVerdictLine, type MatrixCheckReport, type StepsCheck } from '../../matrix/check.js';
import type { DifferentialStep } from '../../matrix/differential.js';
import type { InnerProduct, InnerStep } from '../../matrix/gradient.js';
import type { LinearStep, ScalarStep } from '../../matrix/jacobian.js';
import type { MatrixExpr } from '../../matrix/types.js';
import { shapeText } from '../../matrix/shape.js';
import { matrixPrinter, matrixToLatex, matrixToText, matrixToUnicode } from '../../print/matrix-notation.js';
import { derivativeKind, derivativeNameIn, formIn, matrixWorked, pairIn } from '../../print/matrix-steps.js';
import { latexProse } from '../../print/steps-latex.js';
import { generateMatrixCode } from '../../codegen/matrix.js';
import { mathNotation, noteNotation, type Part, type ShownFormat } from '../write.js';
import { checkOutcome, readingOptions, worstOutcome, type Answered, type Given, type Question, type Request } from '../question.js';

/**
 * Derivatives in matrix notation, where shapes are declared (--shape W=3x4,x=4): the gradient of
 * a scalar by vectors and matrices, the Jacobian of a vector by a vector, the Hessian of a scalar
 * by a vector; with their derivation, the numeric check, and code.
 */
export const matricesQuestion: Question = {
  name: 'matrices',
  title: 'a derivative in matrix notation',
  takes: ['shape', 'var', 'hessian', 'steps', 'latexDocument', 'check', 'emit', 'name'],
  askedBy: 'shape',
  variables: 'several',
  asks: (_, request) => request.shape !== undefined,
  answer: (given, request) => answerMatrices(given, request),
};

/** An expression of matrix notation in the three notations JSON gives. */
const printed = (e: MatrixExpr) => ({ text: matrixToText(e), unicode: matrixToUnicode(e), latex: matrixToLatex(e) });

function answerMatrices(given: Given, request: Request): Answered {
  if (request.name !== undefined && request.emit === undefined) throw new InputError('--name goes with --emit', 'invalid-request');
  if (request.emit !== undefined && (request.format === 'latex' || request.format === 'markdown')) {
    throw new InputError(`--format ${request.format} does not go with --emit: code is written as text (or JSON)`, 'invalid-request');
  }
  if (request.emit !== undefined && (request.steps !== undefined || request.check)) {
    throw new InputError(`${request.steps !== undefined ? '--steps' : '--check'} does not go with --emit: the code is the answer (its derivatives are those --check verifies without --emit)`, 'invalid-request');
  }
  const input = given.text;
  // A name given to --var or --shape is read as one name, as one given to --vars is.
  const answer = matrixDerivative(input, { ...readingOptions(request), shapes: request.shape!, by: request.var, hessian: request.hessian === true });
  const readAs = (notation: 'text' | 'unicode'): string | undefined => readingNoteOf(answer, input, notation);
  if (request.emit !== undefined) {
    const code = generateMatrixCode(answer, { target: request.emit, name: request.name });
    return {
      shown: { json: () => ({ input, reading: readingJson(answer), target: request.emit, code }), parts: () => [{ kind: 'verbatim', text: code.replace(/\n$/, '') }] },
      notes: [], outcome: 'ok', readAs,
    };
  }
  // The check shares the command's time limit: past it, the verdict rests on the entries compared.
  const checks = request.check ? checkMatrixAnswer(answer, { deadline: Date.now() + request.timeout * 1000 }) : [];
  // With --steps, every equality the derivation shows is checked too.
  const steps = request.check && request.steps !== undefined ? answer.derivatives.map((d) => checkMatrixSteps(answer, d)) : [];
  const stepsWords = (s: StepsCheck | undefined): string => (s === undefined ? ''
    : s.failing.length === 0 ? `; ${s.holding} of ${s.equalities} equalities of the derivation hold`
      : `; FAILED: ${s.failing.length} of ${s.equalities} equalities of the derivation do not hold (${[...new Set(s.failing)].join(', ')})`);
  const notes = [
    ...oneHotNotes(answer, noteNotation(request.format)),
    ...checks.map((c, k) => `${derivativeNameIn(answer, k, noteNotation(request.format))}: check: ${matrixVerdictLine(c)}${stepsWords(steps[k])}`),
  ];
  const outcomes = [...checks.map((c) => checkOutcome(c.verdict)), ...steps.map((s) => checkOutcome(s.failing.length > 0 ? 'failed' : 'verified'))];
  const parts = (format: ShownFormat): Part[] => {
    const notation = mathNotation(format);
    if (request.steps !== undefined) return answer.derivatives.map((_, k) => ({ kind: 'worked', worked: matrixWorked(answer, k, notation) }));
    return [{ kind: 'math', lines: answer.derivatives.map((d, k) => `${derivativeNameIn(answer, k, notation)} = ${matrixPrinter(notation)(d.result)}`) }];
  };
  return {
    shown: { parts, json: () => answerJson(answer, checks, steps, request.steps !== undefined) },
    notes,
    outcome: worstOutcome(outcomes),
    heading: `${latexProse('Derivative in matrix notation')} of $${matrixToLatex(answer.expr)}$`,
    readAs,
  };
}

/** "read as: ‖σ(Wx + b) − y‖²/2", when the reading is not what was typed (spaces and * aside), or a convention chose it. */
function readingNoteOf(answer: MatrixAnswer, input: string, notation: 'text' | 'unicode'): string | undefined {
  const bare = (text: string): string => text.replace(/[\s*·]+/g, '').replace(/−/g, '-');
  const same = [matrixToText(answer.expr), matrixToUnicode(answer.expr)].some((r) => bare(r) === bare(input));
  const notes = answer.reading.notes;
  if (same && notes.length === 0) return undefined;
  return `read as: ${matrixPrinter(notation)(answer.expr)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** The answer for one-hot labels, where it differs: the cross-entropy of a softmax. */
function oneHotNotes(answer: MatrixAnswer, notation: 'text' | 'unicode'): string[] {
  return (answer.oneHot ?? []).map((o) => {
    const forms = o.results.map((r, k) => `${derivativeNameIn(answer, k, notation)} = ${matrixPrinter(notation)(r)}`);
    return `for a one-hot ${o.label} (its entries summing to 1): ${forms.join(', ')}`;
  });
}

const readingJson = (answer: MatrixAnswer) => ({
  notation: answer.reading.notation, ...printed(answer.expr), notes: answer.reading.notes,
});

function answerJson(answer: MatrixAnswer, checks: readonly MatrixCheckReport[], stepsChecks: readonly StepsCheck[], steps: boolean) {
  return {
    input: answer.input,
    reading: readingJson(answer),
    shapes: Object.fromEntries([...answer.shapes].map(([name, shape]) => [name, shapeText(shape)])),
    kind: answer.kind,
    derivatives: answer.derivatives.map((d, k) => ({
      kind: derivativeKind(answer, d),
      by: d.by.name,
      name: { text: derivativeNameIn(answer, k, 'text'), unicode: derivativeNameIn(answer, k, 'unicode'), latex: derivativeNameIn(answer, k, 'latex') },
      shape: shapeText(d.result.shape),
      derivative: printed(d.result),
      ...(answer.oneHot ? { oneHot: answer.oneHot.map((o) => ({ label: o.label, derivative: printed(o.results[k]!) })) } : {}),
      ...(steps ? { steps: stepsJson(d) } : {}),
    })),
    ...(checks.length > 0 ? {
      check: checks.map((c, k) => ({
        of: derivativeNameIn(answer, k, 'text'), ...c, worstError: Number.isNaN(c.worstError) ? null : c.worstError,
        ...(stepsChecks[k] ? { equalities: stepsChecks[k] } : {}),
      })),
    } : {}),
  };
}

/** A derivation in JSON: the differential's rules, the steps that read the derivative off, the rewrites; every expression in three notations. */
function stepsJson(d: MatrixDerivative) {
  const differential = (s: DifferentialStep): Record<string, unknown> => ({
    rule: s.rule, of: printed(s.of), ...(s.formula ? { formula: printed(s.formula) } : {}), result: printed(s.result),
    ...(s.sameAs ? { sameAs: true } : {}), substeps: s.substeps.map(differential),
  });
  const pair = (p: InnerProduct) => ({ weight: printed(p.weight), of: printed(p.of), text: pairIn(p, 'text') });
  const inner = (s: InnerStep): Record<string, unknown> => ({ rule: s.rule, before: pair(s.before), after: s.after.map(pair), substeps: s.substeps.map(inner) });
  const linear = (s: LinearStep | ScalarStep): Record<string, unknown> => (s.rule === 'gradient-of-scalar'
    ? { rule: s.rule, of: printed(s.of), gradient: printed(s.gradient), substeps: s.steps.map(inner) }
    : { rule: s.rule, before: formIn(s.before, 'text'), after: s.after.map((f) => formIn(f, 'text')), substeps: s.substeps.map(linear) });
  return {
    differential: differential(d.differential),
    readOff: d.kind === 'gradient' ? (d.readOff as readonly InnerStep[]).map(inner) : (d.readOff as readonly (LinearStep | ScalarStep)[]).map(linear),
    readOffResult: printed(d.unsimplified),
    simplification: d.rewrites.map((r) => ({ rule: r.rule, before: printed(r.before), after: printed(r.after), whole: printed(r.whole) })),
    result: printed(d.result),
  };
}
