import { checkWorking } from '../../answer/check-answer.js';
import { workingLines } from '../../print/answer.js';
import { derivativePart } from '../derivation.js';
import { workingJson } from '../json.js';
import { linesOf, oneVariable, type Question } from '../question.js';

/** A student's working in a file, checked line by line: each line claimed equal to the one before, the first to the derivative. */
export const workingQuestion: Question = {
  name: 'working',
  title: 'checking working',
  takes: ['answerFile', 'var', 'order', 'steps', 'latexDocument', 'maxShown'],
  askedBy: 'answerFile',
  variables: 'one',
  asks: (_, request) => request.answerFile !== undefined,
  answer({ text: input }, request) {
    const lines = linesOf(request, request.answerFile!, 'the working').map((l) => l.text);
    const report = checkWorking(input, lines, {
      variable: oneVariable(request, 'checking working'), order: request.order, timeout: request.timeout, maxMemory: request.maxMemory,
      maxLength: request.maxLength, maxDepth: request.maxDepth, maxDigits: request.maxDigits,
      abstractFunctions: request.function, variables: request.vars, notation: request.input,
    });
    const outcome = report.verdict === 'correct' ? 'ok' : report.verdict === 'incorrect' ? 'incorrect' : 'not-checked';
    return {
      shown: {
        json: () => ({ input, working: workingJson(report) }),
        parts: (format) => [
          ...(request.steps !== undefined ? [derivativePart(report.derivative, request, format)] : []),
          { kind: 'prose', lines: workingLines(report, format) },
        ],
      },
      notes: [], outcome,
    };
  },
};
