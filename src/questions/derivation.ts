import type { Derivative } from '../differentiate/differentiate.js';
import { toText, toUnicode } from '../print/linear.js';
import { toLatex } from '../print/latex.js';
import { traceToText } from '../print/steps-text.js';
import { traceToLatex } from '../print/steps-latex.js';
import { traceToMarkdown } from '../print/steps-markdown.js';
import { buildTrace } from '../steps/trace.js';
import { checkJson, derivativeJson } from './json.js';
import { derivativeName } from '../print/reading.js';
import type { Request } from './question.js';
import type { CheckReport } from '../check/check.js';

/** A derivative, or its derivation, in a format, without a trailing newline. */
export function render(input: string, d: Derivative, options: Request, check?: CheckReport): string {
  const { format, steps } = options;
  if (format === 'json') return JSON.stringify({ ...derivativeJson(input, d, options.maxShown), ...(check ? { check: checkJson(check) } : {}) });
  if (steps === undefined) {
    // y = x² is answered y′ = 2x, f(x) = x² f′(x) = 2x.
    const label = d.reading?.request.label;
    const named = (notation: 'text' | 'unicode' | 'latex'): string => (label ? `${derivativeName(label, d.order, notation)} = ` : '');
    switch (format) {
      case 'text': return named('text') + toText(d.result);
      case 'unicode': return named('unicode') + toUnicode(d.result);
      case 'markdown': return `$${named('latex')}${toLatex(d.result)}$`;
      case 'latex': return named('latex') + toLatex(d.result);
    }
  }
  const trace = buildTrace(d, { maxShownNodes: options.maxShown });
  switch (format) {
    case 'text': case 'unicode':
      return traceToText(trace, { notation: format, detail: steps, colour: options.colour });
    case 'markdown': return traceToMarkdown(trace, steps);
    case 'latex': return traceToLatex(trace, steps);
  }
}
