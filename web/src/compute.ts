import {
  buildTrace, checkDerivative, checkImplicit, differentiate, implicit, jacobian, type Jacobian, InputError, ParseError, read, readEquation, tooLargeToShow, variablesOf, verdictLine,
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

export function compute(state: PageState): Outcome {
  if (state.input.trim() === '') return { kind: 'empty' };
  let reading: Reading;
  try {
    reading = read(state.input);
  } catch (error) {
    if (error instanceof ParseError) return implicitCurve(state) ?? vectorFunction(state) ?? { kind: 'parse-error', error, offset: offsetOf(state.input, error.line, error.column) };
    return { kind: 'error', message: messageOf(error), variables: [] };
  }
  const { expr, request } = reading;
  const variables = variablesOf(expr);
  // What the input asks for (d/dt, d²/dx², f(t) = …) comes before the page's own choices.
  const variable = request.variable ?? chooseVariable(variables, state.variable);
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

/**
 * An equation that is not y = … (x² + y² = 1) is a curve, y a function of x on it: its
 * derivative by implicit differentiation, or undefined when the input is no such equation.
 */
function implicitCurve(state: PageState): Outcome | undefined {
  try {
    readEquation(state.input);
  } catch {
    return undefined;
  }
  try {
    const result = implicit(state.input, { order: Math.min(state.order, mostImplicitOrders) });
    return { kind: 'implicit', result, check: checkImplicit(result) };
  } catch (error) {
    return { kind: 'error', message: messageOf(error), variables: [] };
  }
}

/** A vector [f, g, …] of functions: its Jacobian (with its determinant when square), each entry checked; undefined for other input. */
function vectorFunction(state: PageState): Outcome | undefined {
  if (!/^\s*\[/.test(state.input)) return undefined;
  try {
    const plain = jacobian(state.input, { form: state.form });
    const result = plain.rows.length === plain.variables.length ? jacobian(state.input, { form: state.form, determinant: true }) : plain;
    return { kind: 'jacobian', result, checks: result.rows.flat().map((d) => checkDerivative(d)) };
  } catch (error) {
    return error instanceof ParseError ? undefined : { kind: 'error', message: messageOf(error), variables: [] };
  }
}

/** The chosen variable if the expression has it; else x if present, else the first one. */
function chooseVariable(variables: readonly string[], chosen: string): string {
  if (chosen !== '' && variables.includes(chosen)) return chosen;
  if (variables.includes('x') || variables.length === 0) return 'x';
  return variables[0]!;
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
  if (error instanceof InputError) return error.message;
  // Anything else is a fault of dydx's, not of the input: say so rather than fail silently.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}
