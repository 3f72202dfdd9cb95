import type { Derivative } from '../differentiate/differentiate.js';
import { printerFor } from '../print/notation.js';
import { buildTrace } from '../steps/trace.js';
import { checkJson, derivativeJson } from './json.js';
import { derivativeName } from '../print/reading.js';
import type { Request } from './question.js';
import type { CheckReport } from '../check/check.js';
import { mathNotation, type Part, type Shown, type ShownFormat } from './write.js';

/** A derivative as shown: the answer, or its derivation with --steps; in JSON, with its check. */
export function derivativeShown(input: string, d: Derivative, request: Request, check?: CheckReport): Shown {
  return {
    json: () => ({ ...derivativeJson(input, d, request.maxShown), ...(check ? { check: checkJson(check) } : {}) }),
    parts: (format) => [derivativePart(d, request, format)],
  };
}

/** The derivative as a formula (y = x² is answered y′ = 2x, f(x) = x² f′(x) = 2x), or its derivation. */
export function derivativePart(d: Derivative, request: Request, format: ShownFormat): Part {
  if (request.steps !== undefined) return { kind: 'derivation', trace: buildTrace(d, { maxShownNodes: request.maxShown }) };
  const label = d.reading?.request.label;
  const notation = mathNotation(format);
  return { kind: 'math', lines: [`${label ? `${derivativeName(label, d.order, notation)} = ` : ''}${printerFor(notation)(d.result)}`] };
}
