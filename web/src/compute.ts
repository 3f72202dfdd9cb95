import {
  checkMatrixDerivative, matrixDerivative, type MatrixAnswer, type MatrixCheckReport,
  buildTrace, checkDerivative, defaultVariable, expressionRead, inputGiven, questionFor, type Given, type QuestionRequest, checkImplicit, differentiate, implicit, jacobian, type Jacobian, InputError, inputErrorMessage, ParseError, read, tooLargeToShow, variablesOf, verdictLine,
  type CheckReport, type Derivative, type Expr, type Implicit, type ImplicitCheck, type Reading, type Trace,
} from '../../src/index.js';
import type { PageState } from './state.js';

/*
 * What the page shows for a state, worked out without touching the page: the parse,
 * the derivative, its derivation and its numeric check, or what went wrong and where.
 */

export type Outcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'implicit'; readonly result: Implicit; readonly check: ImplicitCheck }
  | { readonly kind: 'jacobian'; readonly result: Jacobian; readonly checks: readonly CheckReport[] }
  | { readonly kind: 'matrix'; readonly result: MatrixAnswer; readonly checks: readonly MatrixCheckReport[] }
  | { readonly kind: 'parse-error'; readonly error: ParseError; readonly offset: number }
  | { readonly kind: 'error'; readonly message: string; readonly variables: readonly string[] }
  | Computed;

export interface Computed {
  readonly kind: 'ok';
  readonly expr: Expr;
  /** How the input was read: its notation, what it asked for (d/dx, y = …), the conventions used. */
  readonly reading: Reading;
  readonly variables: readonly string[];
  readonly variable: string;
  readonly derivative: Derivative;
  /** The derivation, unless it is too large to show on a page (then `traceOmitted` says why). */
  readonly trace: Trace | undefined;
  readonly traceOmitted: string | undefined;
  readonly check: CheckReport;
  readonly verdict: string;
}

/**
 * The most expression nodes a derivation shown on the page may have: every one is typeset,
 * and past this typesetting takes seconds (the command line allows 1,000,000).
 */
const pageShownNodes = 20_000;

/**
 * The page asks the question the command line would for the input alone (its panels, the answer
 * check, the point and the code, are options on top): a derivative, an implicit derivative on a
 * curve, or the Jacobian of a vector; softmax and its kin are answered by the command line.
 */
export function compute(state: PageState): Outcome {
  if (state.input.trim() === '') return { kind: 'empty' };
  // Shapes declared: the input is in matrix notation (W*x + b with W a matrix), as --shape reads it.
  if (state.shapes.trim() !== '') return matrixNotation(state);
  const request = pageRequest(state);
  const given = inputGiven(state.input, request);
  switch (questionFor(given, request).name) {
    case 'implicit': return implicitCurve(state);
    case 'partials': return vectorFunction(state);
    case 'softmax': return { kind: 'error', message: 'softmax(…), log_softmax(…) and cross_entropy(…) are answered by the command line (npx dydx) and the library (softmax()): the page shows one function, a curve or a vector of functions', variables: [] };
    default: return oneDerivative(state, given);
  }
}

/** The request the page makes of every input: its order and form, in text, with the page's own limits. */
const pageRequest = (state: PageState): QuestionRequest => ({
  input: 'auto', format: 'text', simplify: true, form: state.form, order: state.order, timeout: pageSeconds, maxMemory: pageMemoryMb, colour: false,
});

/** How long and how much memory one answer on the page may take: the command line's defaults. */
const pageSeconds = 10;
const pageMemoryMb = 700;

/** The derivative of one expression, its derivation and its check; or where the input does not read. */
function oneDerivative(state: PageState, given: Given): Outcome {
  let reading: Reading;
  try {
    const read_ = expressionRead(given);
    reading = typeof read_ === 'string' ? read(read_) : read_;
  } catch (error) {
    if (error instanceof ParseError) return { kind: 'parse-error', error, offset: offsetOf(state.input, error.line, error.column) };
    return { kind: 'error', message: messageOf(error), variables: [] };
  }
  const { expr, request } = reading;
  const variables = variablesOf(expr);
  // What the input asks for (d/dt, d²/dx², f(t) = …) comes before the page's own choices.
  // The variable chosen on the page while the expression has it; otherwise the library's own default.
  let variable: string;
  try {
    variable = request.variable ?? (variables.includes(state.variable) ? state.variable : defaultVariable(expr));
  } catch (error) {
    return { kind: 'error', message: messageOf(error), variables };
  }
  const order = request.order ?? state.order;
  try {
    const derivative = differentiate(expr, { variable, order, form: state.form });
    const traceOmitted = tooLargeToShow(derivative, pageShownNodes);
    const trace = traceOmitted === undefined ? buildTrace(derivative, { maxShownNodes: pageShownNodes }) : undefined;
    const check = checkDerivative(derivative, { steps: trace !== undefined, maxShownNodes: pageShownNodes });
    return { kind: 'ok', expr, reading, variables, variable, derivative, trace, traceOmitted, check, verdict: verdictLine(check) };
  } catch (error) {
    return { kind: 'error', message: messageOf(error), variables };
  }
}

/** Most orders of an implicit derivative (the library's limit). */
const mostImplicitOrders = 10;

/** The derivative on the curve an equation gives (x² + y² = 1), y a function of x on it. */
function implicitCurve(state: PageState): Outcome {
  try {
    const result = implicit(state.input, { order: Math.min(state.order, mostImplicitOrders) });
    return { kind: 'implicit', result, check: checkImplicit(result) };
  } catch (error) {
    return failed(state, error);
  }
}

/** A vector [f, g, …] of functions: its Jacobian (with its determinant when square), each entry checked. */
function vectorFunction(state: PageState): Outcome {
  try {
    const plain = jacobian(state.input, { form: state.form });
    const result = plain.rows.length === plain.variables.length ? jacobian(state.input, { form: state.form, determinant: true }) : plain;
    return { kind: 'jacobian', result, checks: result.rows.flat().map((d) => checkDerivative(d)) };
  } catch (error) {
    return failed(state, error);
  }
}

/** Derivatives in matrix notation by the variables the shapes declare: gradients, or a Jacobian, each checked entry by entry. */
function matrixNotation(state: PageState): Outcome {
  try {
    const result = matrixDerivative(state.input, { shapes: state.shapes, timeout: pageSeconds, maxMemory: pageMemoryMb });
    return { kind: 'matrix', result, checks: result.derivatives.map((d) => checkMatrixDerivative(result, d)) };
  } catch (error) {
    return failed(state, error);
  }
}

/** A parse error located in the input, or another error's message. */
function failed(state: PageState, error: unknown): Outcome {
  if (error instanceof ParseError) return { kind: 'parse-error', error, offset: offsetOf(state.input, error.line, error.column) };
  return { kind: 'error', message: messageOf(error), variables: [] };
}

/** The character offset of a 1-based line and column. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = source.indexOf('\n', offset);
    if (end < 0) break;
    offset = end + 1;
  }
  return Math.min(source.length, offset + column - 1);
}

function messageOf(error: unknown): string {
  if (error instanceof InputError || error instanceof ParseError) return pageMessage(error);
  // Anything else is a fault of dydx's, not of the input: say so rather than fail silently.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/** An error's message as the page says it: advice to declare a name speaks of the page's fields, not the command line's flags. */
export function pageMessage(error: unknown): string {
  if (error instanceof ParseError) return error.messageFor('page');
  if (error instanceof InputError) return inputErrorMessage(error);
  return error instanceof Error ? error.message : String(error);
}
