import { checkImplicit, implicit } from '../../multivariate/implicit.js';
import { implicitAt, type ImplicitAt, type Line } from '../../multivariate/implicit-at.js';
import type { Implicit } from '../../multivariate/implicit.js';
import { printerFor } from '../../print/notation.js';
import type { Notation } from '../../print/precedence.js';
import { valueIn } from '../../print/value-at.js';
import { InputError } from '../../errors.js';
import { implicitAnswer, implicitWorked, implicitVerdict, primedName } from '../../print/implicit.js';
import { workedIn } from '../../print/worked.js';
import { printed } from '../json.js';
import { checkOutcome, kindOf, oneVariable, readingOptions, type Question, type Request } from '../question.js';
import type { Format } from '../format.js';

/** dy/dx on a curve given by an equation, and its higher orders; with a check, against the curve's own slope. */
export const implicitQuestion: Question = {
  name: 'implicit',
  title: 'an implicit derivative',
  takes: ['implicit', 'var', 'order', 'at', 'tangent', 'normal', 'simplify', 'form', 'steps', 'latexDocument', 'check', 'maxNodes'],
  askedBy: 'implicit',
  variables: 'one',
  // An equation asks for the slope on its curve; y = … names a function unless the other side has y (see readInput).
  asks: (given, request) => request.implicit !== undefined || kindOf(given) === 'equation',
  answer({ text: input }, request) {
    const order = request.order === undefined ? 1 : Number(request.order);
    const r = implicit(input, {
      dependent: request.implicit, variable: oneVariable(request, 'an implicit derivative'), order, simplify: request.simplify, form: request.form,
      ...readingOptions(request),
    });
    const check = request.check ? checkImplicit(r) : undefined;
    const there = request.at !== undefined ? implicitAt(r, request.at, readingOptions(request)) : undefined;
    if (there === undefined && (request.tangent || request.normal)) throw new InputError('a tangent or normal line is at a point of the curve: give the point', 'invalid-request');
    const { format } = request;
    const outcome = check ? checkOutcome(check.verdict) : 'ok';
    if (format === 'json') {
      return {
        output: JSON.stringify({
          input, dependent: r.dependent, variable: r.variable,
          orders: r.orders.map((o) => ({ order: o.order, solved: printed(o.solved), ...(o.onCurve ? { onCurve: printed(o.onCurve) } : {}) })),
          result: printed(r.result), ...(there ? atJson(there) : {}), ...(check ? { check } : {}),
        }),
        notes: [], outcome,
      };
    }
    const notation = format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex';
    const layout = format === 'unicode' ? 'text' : format;
    const answer = there ? atAnswer(r, there, request, format) : format === 'markdown' ? `$${implicitAnswer(r, notation)}$` : implicitAnswer(r, notation);
    const worked = request.steps !== undefined ? workedIn(implicitWorked(r, notation), layout, { detail: request.steps, notation: format === 'text' ? 'text' : 'unicode' }) : undefined;
    // With a point, its value or lines follow the derivation, which ends with the derivative itself.
    const output = worked === undefined ? answer : there ? `${worked}\n\n${answer}` : worked;
    // Asked by the equation alone, the reading is said: which variable is taken as a function of which.
    const reading = request.implicit === undefined ? [`read as a curve: ${r.dependent} is a function of ${r.variable} on it`] : [];
    return { output, notes: [...reading, ...(check ? [implicitVerdict(check, r)] : [])], outcome };
  },
};

/**
 * The derivative's value at the point, or the tangent and normal lines asked for (which then
 * stand alone): in LaTeX as mathematics, in Markdown each in $…$, a vertical tangent in words.
 */
function atAnswer(r: Implicit, there: ImplicitAt, request: Request, format: Format): string {
  const notation: Notation = format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex';
  const dollars = format === 'markdown' || format === 'latex';
  const math = (m: string): string => (format === 'markdown' ? `$${m}$` : m);
  const print = printerFor(notation);
  const line = (l: Line): string => `${l.variable} = ${print(l.equals)}`;
  const point = `(${[r.variable, r.dependent].map((n) => print(there.point.find(([name]) => name === n)![1])).join(', ')})`;
  const lines: string[] = [];
  if (request.tangent) lines.push(math(line(there.tangent)));
  if (request.normal) lines.push(math(line(there.normal)));
  const name = primedName(r.dependent, r.orders.length, notation);
  if (lines.length === 0) {
    if (there.value) lines.push(format === 'latex' ? `${name} = ${valueIn(there.value, notation)} \\text{ at } ${point}` : `${math(`${name} = ${valueIn(there.value, notation)}`)} at ${math(point)}`);
    else if (dollars) lines.push(`$${name}$ has no value at $${point}$: the tangent there is vertical, $${line(there.tangent)}$`);
    else lines.push(`${name} has no value at ${point}: the tangent there is vertical, ${line(there.tangent)}`);
  }
  return lines.join(dollars ? '\n\n' : '\n');
}

const atJson = (there: ImplicitAt) => ({
  at: Object.fromEntries(there.point.map(([n, v]) => [n, printed(v)])),
  value: there.value ? { ...printed(there.value.exact), approximately: there.value.approximately } : null,
  tangent: { variable: there.tangent.variable, equals: printed(there.tangent.equals) },
  normal: { variable: there.normal.variable, equals: printed(there.normal.equals) },
});
