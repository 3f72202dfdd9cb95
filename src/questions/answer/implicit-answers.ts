import { implicit } from '../../multivariate/implicit.js';
import { checkImplicitAnswer, type ImplicitAnswerReport } from '../../multivariate/implicit-answer.js';
import { implicitAnswerLines } from '../../print/answer.js';
import { implicitWorked } from '../../print/implicit.js';
import { read } from '../../parse/parse.js';
import { ParseError } from '../../parse/errors.js';
import { InputError } from '../../errors.js';
import { printed } from '../json.js';
import { shownAnswer, unreadableJson, unreadableLines } from '../judging.js';
import { readingOptions, worstOutcome, type Answered, type Outcome, type Request } from '../question.js';
import { mathNotation, type Part, type ShownFormat } from '../write.js';

/*
 * Students' implicit derivatives, each judged against dydx's on the curve: the equation gives
 * the curve, --implicit (or the equation alone) which variable depends on which.
 */

type JudgedOnCurve = { readonly given: string; readonly report: ImplicitAnswerReport } | { readonly given: string; readonly error: ParseError | InputError };

const outcomes: Readonly<Record<ImplicitAnswerReport['verdict'], Outcome>> = { correct: 'ok', incorrect: 'incorrect', undecided: 'not-checked' };

export function implicitAnswers(input: string, given: readonly string[], request: Request): Answered {
  const options = readingOptions(request);
  if ((request.var?.length ?? 0) > 1) throw new InputError('an implicit derivative is by one variable, not several', 'invalid-request');
  const r = implicit(input, { dependent: request.implicit, variable: request.var?.[0], order: request.order === undefined ? 1 : Number(request.order), ...options });
  const judged = given.map((g): JudgedOnCurve => {
    try {
      return { given: g, report: checkImplicitAnswer(r, read(g, options).expr) };
    } catch (error) {
      if (error instanceof ParseError || error instanceof InputError) return { given: g, error };
      throw error;
    }
  });
  const outcome = worstOutcome(judged.map((j) => ('report' in j ? outcomes[j.report.verdict] : 'unreadable')));
  const json = () => {
    const answers = judged.map((j) => ('report' in j
      ? {
        given: j.given, verdict: j.report.verdict, method: j.report.method, points: j.report.points,
        ...(j.report.where ? { where: { at: { [r.variable]: j.report.where.at[0], [r.dependent]: j.report.where.at[1] }, yours: j.report.where.yours, derivative: j.report.where.derivative } } : {}),
      }
      : unreadableJson(j.given, j.error)));
    return { input, dependent: r.dependent, variable: r.variable, derivative: printed(r.result), ...(answers.length === 1 ? { answer: answers[0] } : { answers }) };
  };
  const parts = (format: ShownFormat): Part[] => {
    const lines = judged.flatMap((j, i) => {
      const verdict = 'report' in j ? implicitAnswerLines(j.report, format) : unreadableLines(j.error, format);
      return judged.length === 1 ? verdict : [`${i + 1}. ${shownAnswer(j, format)}`, ...verdict.map((l) => `   ${l}`)];
    });
    const worked: Part[] = request.steps !== undefined ? [{ kind: 'worked', worked: implicitWorked(r, mathNotation(format)) }] : [];
    return [...worked, { kind: 'prose', lines }];
  };
  return { shown: { json, parts }, notes: [], outcome };
}
