import { printerFor } from '../../print/notation.js';
import type { Notation } from '../../print/precedence.js';
import { valueIn } from '../../print/value-at.js';
import { at, pointValues, type ValueAt } from '../../multivariate/at-point.js';
import { checkDerivative } from '../../check/check.js';
import { verdictLine } from '../../check/verdict.js';
import { buildTrace, shownParts } from '../../steps/trace.js';
import { traceToText } from '../../print/steps-text.js';
import { traceToLatex } from '../../print/steps-latex.js';
import { traceToMarkdown } from '../../print/steps-markdown.js';
import { checkJson, printed } from '../json.js';
import { InputError } from '../../errors.js';
import { checkOutcome, readingOptions, worstOutcome, type Answered, type Question, type Request } from '../question.js';

/** The derivative or gradient at a point, exact where it can be, with the tangent, normal or directional derivative asked for. */
export const atPointQuestion: Question = {
  name: 'at-point',
  title: 'a derivative at a point',
  takes: ['at', 'var', 'tangent', 'normal', 'direction', 'simplify', 'form', 'steps', 'latexDocument', 'check', 'maxNodes', 'maxShown'],
  askedBy: 'at',
  variables: 'several',
  asks: (_, request) => request.at !== undefined,
  answer: ({ text }, request) => answerAt(text, request),
};

/** The derivative (or gradient) at a point, its tangent and normal, its directional derivative, printed. */
function answerAt(input: string, request: Request): Answered {
  const options = { simplify: request.simplify, form: request.form, ...readingOptions(request) };
  const r = at(input, request.at!, { ...options, by: request.var, direction: request.direction });
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
    if (r.normal === undefined) throw new InputError('a normal line is of a function of one variable, where its slope is not 0', 'invalid-request');
    lines.push(`${output} = ${print(r.normal)}`);
  }
  if (r.directional) lines.push(`${notation === 'latex' ? 'D_{u} f' : 'D_u f'}(${args}) = ${valueIn(r.directional, notation)}`);
  // The line asked for stands alone; the derivative's value is the answer otherwise.
  const shown = request.tangent || request.normal || r.directional ? lines.slice(1) : lines;

  // Checked where the value is given: the slope there against finite differences there.
  const checks = request.check ? r.derivatives.map((d) => checkDerivative(d.derivative, { at: pointValues(r.point) })) : [];
  const notes = format === 'json' ? [] : checks.map((c, i) => `${one ? '' : `by ${r.variables[i]}: `}${verdictLine(c)}`);
  const outcome = worstOutcome(checks.map((c) => checkOutcome(c.verdict)));
  if (format === 'json') {
    const valued = (v: ValueAt) => ({ ...printed(v.exact), approximately: v.approximately });
    return {
      output: JSON.stringify({
        input, at: Object.fromEntries(r.point.map(([n, v]) => [n, printed(v)])), value: valued(r.value),
        derivatives: r.derivatives.map((d, i) => ({ variable: r.variables[i], derivative: printed(d.derivative.result), at: valued(d.at) })),
        tangent: printed(r.tangent), ...(r.normal ? { normal: printed(r.normal) } : {}), ...(r.directional ? { directional: valued(r.directional) } : {}),
        ...(checks.length > 0 ? { check: checks.map(checkJson) } : {}),
      }),
      notes, outcome,
    };
  }
  const answer = format === 'markdown' ? shown.map((l) => `$${l}$`).join('\n\n') : shown.join('\n');
  if (request.steps === undefined) return { output: answer, notes, outcome };
  const parts = shownParts();
  const derivations = r.derivatives.map((d, k) => {
    const trace = buildTrace(d.derivative, { maxShownNodes: request.maxShown, ...(one ? {} : { within: [k + 1], shown: parts }) });
    if (format === 'latex') return traceToLatex(trace, request.steps);
    if (format === 'markdown') return traceToMarkdown(trace, request.steps);
    return traceToText(trace, { notation: notation === 'unicode' ? 'unicode' : 'text', detail: request.steps!, colour: request.colour });
  });
  return { output: `${derivations.join('\n\n')}\n\n${answer}`, notes, outcome };
}
