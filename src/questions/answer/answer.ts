import { checkAnswer, type AnswerReport } from '../../answer/check-answer.js';
import { answerLines } from '../../print/answer.js';
import { toText, toUnicode } from '../../print/linear.js';
import { toLatex } from '../../print/latex.js';
import { latexProse } from '../../print/steps-latex.js';
import type { Expr } from '../../expr/types.js';
import type { Format } from '../format.js';
import { read } from '../../parse/parse.js';
import { ParseError } from '../../parse/errors.js';
import { InputError } from '../../errors.js';
import { render } from '../derivation.js';
import { answerJson } from '../json.js';
import { oneVariable, worstOutcome, type Outcome, type Question, type Request } from '../question.js';

/** Answers to check, each judged on its own: one that cannot be read is said so, and the others go on. */
type Judged = { readonly given: string; readonly report: AnswerReport } | { readonly given: string; readonly error: ParseError | InputError };

/** A student's derivatives of an expression (several separated by ';'), each judged correct, incorrect (with the likely mistake) or undecided. */
export const answerQuestion: Question = {
  name: 'answer',
  title: 'checking an answer',
  takes: ['answer', 'var', 'order', 'steps', 'latexDocument', 'maxShown'],
  variables: 'one',
  asks: (_, request) => request.answer !== undefined,
  answer(input, request) {
    const given = request.answer!.split(';').map((a) => a.trim()).filter((a) => a !== '');
    if (given.length === 0) throw new InputError('there is no answer to check', 'invalid-request');
    const options = answerOptions(request);
    // The expression is read once, before any answer: an error in it is the whole input's.
    const expr = read(input, options).expr;
    const judged = given.map((g): Judged => {
      try {
        return { given: g, report: checkAnswer(expr, g, options) };
      } catch (error) {
        if (error instanceof ParseError || error instanceof InputError) return { given: g, error };
        throw error;
      }
    });
    const outcome = worstOutcome(judged.map(outcomeOf));
    const { format } = request;
    if (format === 'json') {
      const answers = judged.map((j) => ('report' in j ? answerJson(j.report) : unreadableJson(j.given, j.error)));
      return { output: JSON.stringify({ input, ...(answers.length === 1 ? { answer: answers[0] } : { answers }) }), notes: [], outcome };
    }
    const notation = format;
    // In LaTeX and Markdown each line is a paragraph of running text, its mathematics in $…$.
    const joined = format === 'latex' || format === 'markdown' ? '\n\n' : '\n';
    const blocks = judged.map((j, i) => {
      const lines = 'report' in j ? answerLines(j.report, notation) : unreadableLines(j.error, notation);
      if (judged.length === 1) return lines.join(joined);
      const shown = 'report' in j ? shownAnswer(j.report.answer, notation) : notation === 'latex' ? latexProse(j.given) : j.given;
      return [`${i + 1}. ${shown}`, ...lines.map((l) => `   ${l}`)].join(joined);
    });
    // With steps the derivation comes first: the step numbers of a mistake are its.
    const first = judged.find((j): j is Extract<Judged, { report: AnswerReport }> => 'report' in j);
    const derivation = request.steps !== undefined && first ? `${render(input, first.report.derivative, request)}\n\n` : '';
    return { output: derivation + blocks.join(joined), notes: [], outcome, prose: true };
  },
};

/** What the answer checks take from the request. */
const answerOptions = (request: Request) => ({
  variable: oneVariable(request, 'checking an answer'), order: request.order, timeout: request.timeout, maxMemory: request.maxMemory,
  maxLength: request.maxLength, maxDepth: request.maxDepth, maxDigits: request.maxDigits,
  abstractFunctions: request.function, variables: request.vars, notation: request.input,
});

const outcomeOf = (j: Judged): Outcome => {
  if (!('report' in j)) return 'unreadable';
  return j.report.verdict === 'correct' ? 'ok' : j.report.verdict === 'incorrect' ? 'incorrect' : 'not-checked';
};

/** An answer that could not be read: the message, and where in the answer, with a caret (in LaTeX and Markdown, where by line and column). */
function unreadableLines(error: ParseError | InputError, notation: Format): string[] {
  if (notation === 'latex' || notation === 'markdown') {
    const where = error instanceof ParseError ? ` (line ${error.line}, column ${error.column})` : '';
    const message = `answer: cannot be read: ${error.message}${error.message.endsWith(')') ? '' : where}`;
    return [notation === 'latex' ? latexProse(message) : message];
  }
  return ['answer: cannot be read', ...(error instanceof ParseError ? error.format() : error.message).split('\n').map((l) => `  ${l}`)];
}

/** A student's answer as read, in the notation. */
const shownAnswer = (e: Expr, notation: Format): string =>
  (notation === 'unicode' ? toUnicode(e) : notation === 'latex' || notation === 'markdown' ? `$${toLatex(e)}$` : toText(e));

const unreadableJson = (given: string, error: ParseError | InputError) => ({
  given, verdict: 'unreadable',
  error: { message: error.message, ...(error instanceof ParseError ? { line: error.line, column: error.column } : { line: null, column: null }) },
});
