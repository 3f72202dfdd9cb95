import type { AnswerReport } from '../../answer/check-answer.js';
import { answerLines } from '../../print/answer.js';
import { InputError } from '../../errors.js';
import { derivativePart } from '../derivation.js';
import type { Part, ShownFormat } from '../write.js';
import { answerJson } from '../json.js';
import { judgeAnswers, judgedOutcome, shownAnswer, unreadableJson, unreadableLines, type Judged } from '../judging.js';
import { kindOf, worstOutcome, type Question } from '../question.js';
import { implicitAnswers } from './implicit-answers.js';

/** A student's derivatives of an expression (several separated by ';'), each judged correct, incorrect (with the likely mistake) or undecided. */
export const answerQuestion: Question = {
  name: 'answer',
  title: 'checking an answer',
  takes: ['answer', 'var', 'order', 'implicit', 'steps', 'latexDocument', 'maxShown'],
  askedBy: 'answer',
  variables: 'several',
  asks: (_, request) => request.answer !== undefined,
  answer(asked, request) {
    const input = asked.text;
    const given = request.answer!.split(';').map((a) => a.trim()).filter((a) => a !== '');
    if (given.length === 0) throw new InputError('there is no answer to check', 'invalid-request');
    // An equation's answer is y′ on its curve.
    if (request.implicit !== undefined || kindOf(asked) === 'equation') return implicitAnswers(input, given, request);
    const judged = judgeAnswers(input, given, request);
    const outcome = worstOutcome(judged.map(judgedOutcome));
    const json = () => {
      const answers = judged.map((j) => ('report' in j ? answerJson(j.report) : unreadableJson(j.given, j.error)));
      return { input, ...(answers.length === 1 ? { answer: answers[0] } : { answers }) };
    };
    const parts = (format: ShownFormat): Part[] => {
      const lines = judged.flatMap((j, i) => {
        const verdict = 'report' in j ? answerLines(j.report, format) : unreadableLines(j.error, format);
        return judged.length === 1 ? verdict : [`${i + 1}. ${shownAnswer(j, format)}`, ...verdict.map((l) => `   ${l}`)];
      });
      // With steps the derivation comes first: the step numbers of a mistake are its.
      const first = judged.find((j): j is Extract<Judged, { report: AnswerReport }> => 'report' in j);
      const derivation = request.steps !== undefined && first ? [derivativePart(first.report.derivative, request, format)] : [];
      return [...derivation, { kind: 'prose', lines }];
    };
    return { shown: { json, parts }, notes: [], outcome };
  },
};
