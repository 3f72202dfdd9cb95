import type { AnswerReport } from '../../answer/check-answer.js';
import { answerLines } from '../../print/answer.js';
import { InputError } from '../../errors.js';
import { render } from '../derivation.js';
import { answerJson } from '../json.js';
import { judgeAnswers, judgedOutcome, shownAnswer, unreadableJson, unreadableLines, type Judged } from '../judging.js';
import { worstOutcome, type Question } from '../question.js';

/** A student's derivatives of an expression (several separated by ';'), each judged correct, incorrect (with the likely mistake) or undecided. */
export const answerQuestion: Question = {
  name: 'answer',
  title: 'checking an answer',
  takes: ['answer', 'var', 'order', 'steps', 'latexDocument', 'maxShown'],
  askedBy: 'answer',
  variables: 'one',
  prose: true,
  asks: (_, request) => request.answer !== undefined,
  answer({ text: input }, request) {
    const given = request.answer!.split(';').map((a) => a.trim()).filter((a) => a !== '');
    if (given.length === 0) throw new InputError('there is no answer to check', 'invalid-request');
    const judged = judgeAnswers(input, given, request);
    const outcome = worstOutcome(judged.map(judgedOutcome));
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
      return [`${i + 1}. ${shownAnswer(j, notation)}`, ...lines.map((l) => `   ${l}`)].join(joined);
    });
    // With steps the derivation comes first: the step numbers of a mistake are its.
    const first = judged.find((j): j is Extract<Judged, { report: AnswerReport }> => 'report' in j);
    const derivation = request.steps !== undefined && first ? `${render(input, first.report.derivative, request)}\n\n` : '';
    return { output: derivation + blocks.join(joined), notes: [], outcome };
  },
};
