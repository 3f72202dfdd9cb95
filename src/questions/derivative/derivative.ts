import { differentiate } from '../../differentiate/differentiate.js';
import { checkDerivative } from '../../check/check.js';
import { verdictLine } from '../../check/verdict.js';
import { conditionsIn } from '../../print/conditions.js';
import { words } from '../../steps/labels.js';
import { derivativeShown } from '../derivation.js';
import { mathNotation } from '../write.js';
import { derivationHeading } from '../../print/steps-latex.js';
import { checkOutcome, expressionRead, oneVariable, readingOptions, type Question } from '../question.js';

/** One derivative of one expression, of any order: the question asked when no other is. */
export const derivativeQuestion: Question = {
  name: 'derivative',
  title: 'a derivative',
  takes: ['var', 'order', 'simplify', 'form', 'steps', 'latexDocument', 'check', 'maxNodes', 'maxShown'],
  variables: 'one',
  asks: () => true,
  answer(given, request) {
    const input = given.text;
    const started = Date.now();
    const d = differentiate(expressionRead(given), {
      variable: oneVariable(request, 'a derivative'), order: request.order, simplify: request.simplify, form: request.form, ...readingOptions(request),
    });
    // The check has what is left of the time: the answer is there already, and it judges by the points it reached.
    const left = Math.max(0.001, request.timeout - (Date.now() - started) / 1000);
    const check = request.check ? checkDerivative(d, { steps: request.steps !== undefined, maxShownNodes: request.maxShown, timeout: left }) : undefined;
    const notes: string[] = [];
    const { format } = request;
    // Where the answer holds goes beside it, as the verdict does (a derivation says so in its answer line).
    if (d.conditions.length > 0 && request.steps === undefined) notes.push(`holds ${words.holdsFor} ${conditionsIn(d.conditions, mathNotation(format))}`);
    // The verdict goes beside the answer, not into it: the output stays text, LaTeX or Markdown to paste.
    if (check) notes.push(verdictLine(check));
    return { shown: derivativeShown(input, d, request, check), notes, outcome: check ? checkOutcome(check.verdict) : 'ok', heading: derivationHeading(d) };
  },
};
