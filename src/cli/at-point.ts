import { printerFor } from '../print/notation.js';
import type { Notation } from '../print/precedence.js';
import { valueIn } from '../print/value-at.js';
import { at, pointValues, type AtOptions, type ValueAt } from '../multivariate/at-point.js';
import { checkDerivative, type CheckReport } from '../check/check.js';
import { verdictLine } from '../check/verdict.js';
import { buildTrace, shownParts } from '../steps/trace.js';
import { traceToText, type StepDetail } from '../print/steps-text.js';
import { traceToLatex } from '../print/steps-latex.js';
import { traceToMarkdown } from '../print/steps-markdown.js';
import { checkJson, printed } from './json.js';
import type { Format } from './render.js';

export interface AtRequest {
  readonly point: string;
  readonly variables: readonly string[] | undefined;
  readonly tangent: boolean;
  readonly normal: boolean;
  readonly direction: readonly string[] | undefined;
  readonly check: boolean;
  readonly steps: StepDetail | undefined;
  readonly format: Format;
  readonly colour: boolean;
  readonly maxShownNodes: number | undefined;
}


/** The derivative (or gradient) at a point, its tangent and normal, its directional derivative, printed. */
export function answerAt(input: string, request: AtRequest, options: AtOptions): { output: string; notes: string[]; checks: CheckReport[] } {
  const r = at(input, request.point, { ...options, by: request.variables, direction: request.direction });
  const { format } = request;
  const notation: Notation = format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex';
  const print = printerFor(notation);
  const args = r.point.map(([, v]) => print(v)).join(', ');
  const prime = notation === 'unicode' ? '′' : "'";
  const one = r.derivatives.length === 1;
  const nabla = notation === 'latex' ? '\\nabla ' : notation === 'unicode' ? '∇' : 'grad ';
  const lines: string[] = [];
  if (one) lines.push(`f${prime}(${args}) = ${valueIn(r.derivatives[0]!.at, notation)}`);
  else lines.push(`${nabla}f(${args}) = [${r.derivatives.map((d) => valueIn(d.at, notation)).join(', ')}]`);
  const output = r.variables.length === 1 ? 'y' : 'z';
  if (request.tangent) lines.push(`${output} = ${print(r.tangent)}`);
  if (request.normal) {
    if (r.normal === undefined) throw new Error('the normal line is of one variable where the slope is not 0');
    lines.push(`${output} = ${print(r.normal)}`);
  }
  if (r.directional) lines.push(`${notation === 'latex' ? 'D_{u} f' : 'D_u f'}(${args}) = ${valueIn(r.directional, notation)}`);
  // The line asked for stands alone; the derivative's value is the answer otherwise.
  const shown = request.tangent || request.normal || r.directional ? lines.slice(1) : lines;

  // Checked where the value is given: the slope there against finite differences there.
  const checks = request.check ? r.derivatives.map((d) => checkDerivative(d.derivative, { at: pointValues(r.point) })) : [];
  const notes = format === 'json' ? [] : checks.map((c, i) => `${one ? '' : `by ${r.variables[i]}: `}${verdictLine(c)}`);
  if (format === 'json') {
    const valued = (v: ValueAt) => ({ ...printed(v.exact), approximately: v.approximately });
    return {
      output: JSON.stringify({
        input, at: Object.fromEntries(r.point.map(([n, v]) => [n, printed(v)])), value: valued(r.value),
        derivatives: r.derivatives.map((d, i) => ({ variable: r.variables[i], derivative: printed(d.derivative.result), at: valued(d.at) })),
        tangent: printed(r.tangent), ...(r.normal ? { normal: printed(r.normal) } : {}), ...(r.directional ? { directional: valued(r.directional) } : {}),
        ...(checks.length > 0 ? { check: checks.map(checkJson) } : {}),
      }),
      notes, checks,
    };
  }
  const answer = format === 'markdown' ? shown.map((l) => `$${l}$`).join('\n\n') : shown.join('\n');
  if (request.steps === undefined) return { output: answer, notes, checks };
  const parts = shownParts();
  const derivations = r.derivatives.map((d, k) => {
    const trace = buildTrace(d.derivative, { maxShownNodes: request.maxShownNodes, ...(one ? {} : { within: [k + 1], shown: parts }) });
    if (format === 'latex') return traceToLatex(trace);
    if (format === 'markdown') return traceToMarkdown(trace);
    return traceToText(trace, { notation: notation === 'unicode' ? 'unicode' : 'text', detail: request.steps!, colour: request.colour });
  });
  return { output: `${derivations.join('\n\n')}\n\n${answer}`, notes, checks };
}
