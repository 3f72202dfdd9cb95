import { checkImplicit, implicit } from '../../multivariate/implicit.js';
import { implicitAt, type ImplicitAt, type Line } from '../../multivariate/implicit-at.js';
import type { Implicit } from '../../multivariate/implicit.js';
import { printerFor } from '../../print/notation.js';
import { valueIn } from '../../print/value-at.js';
import { InputError } from '../../errors.js';
import { implicitAnswer, implicitWorked, implicitVerdict, primedName } from '../../print/implicit.js';
import { approximatelyJson, printed } from '../json.js';
import { checkOutcome, kindOf, oneVariable, readingOptions, type Question, type Request } from '../question.js';
import { mathNotation, type Part, type ShownFormat } from '../write.js';

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
    const outcome = check ? checkOutcome(check.verdict) : 'ok';
    const json = () => ({
      input, dependent: r.dependent, variable: r.variable,
      orders: r.orders.map((o) => ({ order: o.order, solved: printed(o.solved), ...(o.onCurve ? { onCurve: printed(o.onCurve) } : {}) })),
      result: printed(r.result), ...(there ? atJson(there) : {}), ...(check ? { check } : {}),
    });
    // The derivation ends with the derivative itself; a point's value or lines follow it.
    const parts = (format: ShownFormat): Part[] => {
      const notation = mathNotation(format);
      const worked: Part[] = request.steps !== undefined ? [{ kind: 'worked', worked: implicitWorked(r, notation) }] : [];
      if (there) return [...worked, atPart(r, there, request, format)];
      return worked.length > 0 ? worked : [{ kind: 'math', lines: [implicitAnswer(r, notation)] }];
    };
    // Asked by the equation alone, the reading is said: which variable is taken as a function of which.
    const reading = request.implicit === undefined ? [`read as a curve: ${r.dependent} is a function of ${r.variable} on it`] : [];
    return { shown: { json, parts }, notes: [...reading, ...(check ? [implicitVerdict(check, r)] : [])], outcome };
  },
};

/**
 * The tangent and normal lines asked for, or else the derivative's value at the point, in words
 * with its mathematics; a vertical tangent has no slope, and says so.
 */
function atPart(r: Implicit, there: ImplicitAt, request: Request, format: ShownFormat): Part {
  const notation = mathNotation(format);
  const print = printerFor(notation);
  const math = (m: string): string => (notation === 'latex' ? `$${m}$` : m);
  const line = (l: Line): string => `${l.variable} = ${print(l.equals)}`;
  if (request.tangent || request.normal) {
    return { kind: 'math', lines: [...(request.tangent ? [line(there.tangent)] : []), ...(request.normal ? [line(there.normal)] : [])] };
  }
  const point = `(${[r.variable, r.dependent].map((n) => print(there.point.find(([name]) => name === n)![1])).join(', ')})`;
  const name = primedName(r.dependent, r.orders.length, notation);
  const words = there.value
    ? `${math(`${name} = ${valueIn(there.value, notation)}`)} at ${math(point)}`
    : `${math(name)} has no value at ${math(point)}: the tangent there is vertical, ${math(line(there.tangent))}`;
  return { kind: 'prose', lines: [words] };
}

const atJson = (there: ImplicitAt) => ({
  at: Object.fromEntries(there.point.map(([n, v]) => [n, printed(v)])),
  value: there.value ? { ...printed(there.value.exact), approximately: approximatelyJson(there.value) } : null,
  tangent: { variable: there.tangent.variable, equals: printed(there.tangent.equals) },
  normal: { variable: there.normal.variable, equals: printed(there.normal.equals) },
});
