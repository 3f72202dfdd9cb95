import { checkDerivative } from '../../check/check.js';
import { softmax } from '../../multivariate/softmax.js';
import { softmaxAnswer, softmaxPattern, softmaxWorked } from '../../print/softmax.js';
import { mathNotation, noteNotation, type Part, type ShownFormat } from '../write.js';
import { checkJson, printed } from '../json.js';
import { checkOutcome, kindOf, worstOutcome, type Question } from '../question.js';

/** softmax, log-softmax or the cross-entropy of softmax: the derivatives in terms of the outputs, with the pattern beside. */
export const softmaxQuestion: Question = {
  name: 'softmax',
  title: 'softmax and its kin',
  takes: ['steps', 'latexDocument', 'check'],
  variables: 'one',
  asks: (given) => kindOf(given) === 'vector-function',
  answer({ text: input }, request) {
    const r = softmax(input, { maxLength: request.maxLength, maxDepth: request.maxDepth, maxDigits: request.maxDigits, variables: request.vars, notation: request.input });
    const checks = request.check ? r.derivatives.flat().map((d) => checkDerivative(d)) : [];
    const outcome = worstOutcome(checks.map((c) => checkOutcome(c.verdict)));
    const json = () => ({
      input, kind: r.kind, variables: r.variables, outputs: r.outputs,
      derivatives: r.derivatives.map((row) => row.map((d) => printed(d.result))),
      inTermsOfOutputs: r.inOutputs.map((row) => row.map(printed)), ...(r.oneHot ? { oneHot: r.oneHot.map(printed) } : {}),
      ...(checks.length > 0 ? { check: checks.map(checkJson) } : {}),
    });
    const parts = (format: ShownFormat): Part[] => {
      const notation = mathNotation(format);
      return [request.steps !== undefined ? { kind: 'worked', worked: softmaxWorked(r, notation) } : { kind: 'math', lines: [softmaxAnswer(r, notation)] }];
    };
    const failed = checks.filter((c) => c.verdict !== 'verified').length;
    const notes = [
      softmaxPattern(r, noteNotation(request.format)),
      // The form printed is compared with the derivatives when it is made (multivariate/softmax.ts): they are what is checked here.
      ...(checks.length > 0 ? [`check: ${failed === 0 ? `verified all ${checks.length} derivatives` : `${failed} of ${checks.length} derivatives not verified`} against finite differences, the form printed equal to them`] : []),
    ];
    return { shown: { json, parts }, notes, outcome };
  },
};
