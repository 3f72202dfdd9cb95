import { checkAnswer, type AnswerOptions, type AnswerReport } from '../answer/check-answer.js';
import { toText, toUnicode } from '../print/linear.js';
import { toLatex } from '../print/latex.js';
import { latexProse } from '../print/steps-latex.js';
import type { Expr } from '../expr/types.js';
import { read } from '../parse/parse.js';
import { ParseError } from '../parse/errors.js';
import { InputError } from '../errors.js';
import type { Format } from './format.js';
import type { Outcome, Request } from './question.js';
import { differentiate } from '../differentiate/differentiate.js';

/*
 * Students' answers judged one by one, for one student's several answers and for a class's file
 * alike: an answer that cannot be read is said to be so, with where, and the others go on.
 */

export type Judged = { readonly given: string; readonly report: AnswerReport } | { readonly given: string; readonly error: ParseError | InputError };

/** Each answer judged against the derivative of the expression, which is read once, before any answer: an error in it is the whole input's. */
export function judgeAnswers(input: string, given: readonly string[], request: Request): Judged[] {
  const variables = request.var ?? [];
  const options = answerOptions(request);
  // A mixed partial, --var x,y: the answer is judged as the derivative by the last variable of the partial by the ones before.
  const expr = variables.slice(0, -1).reduce((e, v) => differentiate(e, { ...options, variable: v, order: 1 }).result, read(input, options).expr);
  return given.map((g): Judged => {
    try {
      return { given: g, report: checkAnswer(expr, g, options) };
    } catch (error) {
      if (error instanceof ParseError || error instanceof InputError) return { given: g, error };
      throw error;
    }
  });
}

/** What the answer checks take from the request. */
const answerOptions = (request: Request): AnswerOptions => ({
  variable: request.var?.at(-1), order: mixedOrder(request), timeout: request.timeout, maxMemory: request.maxMemory,
  maxLength: request.maxLength, maxDepth: request.maxDepth, maxDigits: request.maxDigits,
  abstractFunctions: request.function, variables: request.vars, notation: request.input,
});

/** A mixed partial is of order one by each variable named: --order does not go with several. */
function mixedOrder(request: Request): AnswerOptions['order'] {
  if ((request.var?.length ?? 0) > 1 && request.order !== undefined) throw new InputError('a mixed partial, --var x,y, is of order one by each variable it names: --order goes with one variable', 'invalid-request');
  return request.order;
}

export const judgedOutcome = (j: Judged): Outcome => {
  if (!('report' in j)) return 'unreadable';
  return j.report.verdict === 'correct' ? 'ok' : j.report.verdict === 'incorrect' ? 'incorrect' : 'not-checked';
};

/** Why an answer cannot be read, in words: where by line and column in LaTeX and Markdown, with a caret under it in text. */
export function unreadableLines(error: ParseError | InputError, notation: Format): string[] {
  if (notation === 'latex' || notation === 'markdown') {
    const where = error instanceof ParseError ? ` (line ${error.line}, column ${error.column})` : '';
    const message = `answer: cannot be read: ${error.message}${error.message.endsWith(')') ? '' : where}`;
    return [notation === 'latex' ? latexProse(message) : message];
  }
  return ['answer: cannot be read', ...(error instanceof ParseError ? error.format() : error.message).split('\n').map((l) => `  ${l}`)];
}

export const unreadableJson = (given: string, error: ParseError | InputError) => ({
  given, verdict: 'unreadable',
  error: { message: error.message, ...(error instanceof ParseError ? { line: error.line, column: error.column } : { line: null, column: null }) },
});

/** A student's answer as read, in the notation; as typed where it could not be read. */
export function shownAnswer(j: { readonly given: string } & ({ readonly report: { readonly answer: Expr } } | { readonly error: unknown }), notation: Format): string {
  if (!('report' in j)) return notation === 'latex' ? latexProse(j.given) : j.given;
  const e: Expr = j.report.answer;
  return notation === 'unicode' ? toUnicode(e) : notation === 'latex' || notation === 'markdown' ? `$${toLatex(e)}$` : toText(e);
}
