import { inTermsOfOutput } from '../../backprop/in-terms-of-output.js';
import { noFormReason, outputAnswer, outputConditions, outputStepLines } from '../../print/output-form.js';
import { outputFormJson } from '../json.js';
import { oneVariable, readingOptions, type Question } from '../question.js';
import { noteNotation, type Part, type ShownFormat } from '../write.js';

/** The derivative written with the function's own value y = f(x): σ′ = y·(1 − y); beside it, where it holds and why there is no form in y alone. */
export const outputFormQuestion: Question = {
  name: 'output-form',
  title: 'the derivative in terms of the output',
  takes: ['inTermsOfOutput', 'var', 'steps', 'latexDocument'],
  askedBy: 'inTermsOfOutput',
  variables: 'one',
  asks: (_, request) => request.inTermsOfOutput === true,
  answer({ text: input }, request) {
    const form = inTermsOfOutput(input, { variable: oneVariable(request, 'the derivative in terms of the output'), ...readingOptions(request) });
    const { format } = request;
    const notation = noteNotation(format);
    const parts = (shownIn: ShownFormat): Part[] => {
      // In LaTeX and Markdown the form itself; in text, with --steps, the lines that lead to it.
      if (shownIn === 'latex' || shownIn === 'markdown') return [{ kind: 'math', lines: [outputAnswer(form, 'latex')] }];
      const lines = request.steps !== undefined ? outputStepLines(form, notation) : [outputAnswer(form, notation)];
      return [{ kind: 'verbatim', text: lines.join('\n') }];
    };
    const shown = { json: () => outputFormJson(input, form), parts };
    const notes: string[] = [];
    if (request.steps === undefined || format === 'latex' || format === 'markdown') {
      const why = form.reason && noFormReason(form, form.reason, notation);
      if (form.holds.length > 0) notes.push(`holds for ${outputConditions(form.holds, notation)}${why ? ` (${why})` : ''}`);
      else if (why) notes.push(`no form in ${form.output} alone: ${why}`);
    }
    return { shown, notes, outcome: 'ok' };
  },
};
