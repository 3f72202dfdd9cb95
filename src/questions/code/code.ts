import { generateCode } from '../../codegen/generate.js';
import type { Question } from '../question.js';

/** Code for a function and its derivative together, every shared part computed once. */
export const codeQuestion: Question = {
  name: 'code',
  title: 'code',
  takes: ['emit', 'var', 'order', 'name', 'unsafe', 'withCheck', 'maxNodes'],
  askedBy: 'emit',
  variables: 'several',
  // Code is text in its own language; JSON carries it as a string.
  formats: ['text', 'unicode', 'json'],
  asks: (_, request) => request.emit !== undefined,
  answer({ text: input }, request) {
    const code = generateCode(input, {
      target: request.emit, order: request.order === undefined ? undefined : Number(request.order), name: request.name, stable: request.unsafe !== true, withCheck: request.withCheck === true,
      variables: request.var, variableNames: request.vars, abstractFunctions: request.function,
      maxLength: request.maxLength, maxDepth: request.maxDepth, maxDigits: request.maxDigits, maxNodes: request.maxNodes,
      timeout: request.timeout, maxMemory: request.maxMemory, notation: request.input,
    });
    // The code ends with its own newline; the answer has none.
    return { shown: { json: () => ({ input, target: request.emit, code }), parts: () => [{ kind: 'verbatim', text: code.replace(/\n$/, '') }] }, notes: [], outcome: 'ok' };
  },
};
