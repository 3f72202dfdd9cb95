import { printerFor } from '../../print/notation.js';
import type { Notation } from '../../print/precedence.js';
import { pointValueIn, valueIn } from '../../print/value-at.js';
import { at, pointValues, type Normal, type ValueAt } from '../../multivariate/at-point.js';
import { checkDerivative } from '../../check/check.js';
import { checkSlopeAt } from '../../check/slope-at.js';
import { verdictLine } from '../../check/verdict.js';
import { buildTrace, shownParts } from '../../steps/trace.js';
import { mathNotation, type Part, type ShownFormat } from '../write.js';
import { approximatelyJson, checkJson, printed } from '../json.js';
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
  const one = r.derivatives.length === 1;

  /** The value of the derivative or gradient there; the tangent, normal or directional derivative asked for instead, where one is. */
  const answerLines = (notation: Notation): string[] => {
    const print = printerFor(notation);
    const args = r.point.map(([, v]) => pointValueIn(v, notation)).join(', ');
    const prime = notation === 'unicode' ? '′' : "'";
    const nabla = notation === 'latex' ? '\\nabla ' : notation === 'unicode' ? '∇' : 'grad ';
    const lines: string[] = [];
    if (one) lines.push(`f${prime}(${args}) = ${valueIn(r.derivatives[0]!.at, notation)}`);
    else lines.push(`${nabla}f(${args}) = [${r.derivatives.map((d) => valueIn(d.at, notation)).join(', ')}]`);
    const output = r.variables.length === 1 ? 'y' : 'z';
    if (request.tangent) lines.push(`${output} = ${print(r.tangent)}`);
    if (request.normal) lines.push(normalIn(r.normal, [...r.variables, output], notation));
    if (r.directional) lines.push(`${notation === 'latex' ? 'D_{u} f' : 'D_u f'}(${args}) = ${valueIn(r.directional, notation)}`);
    // The line asked for stands alone; the derivative's value is the answer otherwise.
    return request.tangent || request.normal || r.directional ? lines.slice(1) : lines;
  };

  // Checked where the value is given: the slope there against finite differences there.
  // A derivative found from both sides is checked against f's own differences there, the rules' derivative having no value.
  const checks = request.check ? r.derivatives.map((d) => (d.sides
    ? checkSlopeAt(r.input, d.derivative.variable, pointValues(r.point), d.at.approximately)
    : checkDerivative(d.derivative, { at: pointValues(r.point) }))) : [];
  const bySides = r.derivatives.flatMap((d, i) => (d.sides
    ? [`${one ? '' : `by ${r.variables[i]}: `}the derivative there is what both one-sided derivatives give: the rules' derivative has no value at the point itself`] : []));
  const notes = [...bySides, ...checks.map((c, i) => `${one ? '' : `by ${r.variables[i]}: `}${verdictLine(c)}`)];
  const outcome = worstOutcome(checks.map((c) => checkOutcome(c.verdict)));
  const json = () => {
    const valued = (v: ValueAt) => ({ ...printed(v.exact), approximately: approximatelyJson(v) });
    return {
      input, at: Object.fromEntries(r.point.map(([n, v]) => [n, printed(v)])), value: valued(r.value),
      derivatives: r.derivatives.map((d, i) => ({ variable: r.variables[i], derivative: printed(d.derivative.result), at: valued(d.at) })),
      tangent: printed(r.tangent),
      normal: r.normal.kind === 'line' ? { variable: r.normal.variable, equals: printed(r.normal.equals) } : { point: r.normal.point.map(printed), direction: r.normal.direction.map(printed) }, ...(r.directional ? { directional: valued(r.directional) } : {}),
      ...(checks.length > 0 ? { check: checks.map(checkJson) } : {}),
    };
  };
  const parts = (format: ShownFormat): Part[] => {
    const answer: Part = { kind: 'math', lines: answerLines(mathNotation(format)) };
    if (request.steps === undefined) return [answer];
    const shown = shownParts();
    const derivations = r.derivatives.map((d, k): Part =>
      ({ kind: 'derivation', trace: buildTrace(d.derivative, { maxShownNodes: request.maxShown, ...(one ? {} : { within: [k + 1], shown }) }) }));
    return [...derivations, answer];
  };
  return { shown: { json, parts }, notes, outcome };
}

/** y = …, x = a, or for a surface (x, y, z) = (a, b, c) + t·(∂f/∂x, ∂f/∂y, −1). */
function normalIn(normal: Normal, coordinates: readonly string[], notation: Notation): string {
  const print = printerFor(notation);
  if (normal.kind === 'line') return `${normal.variable} = ${print(normal.equals)}`;
  const t = ['t', 's', 'λ'].find((name) => !coordinates.includes(name))!;
  const tuple = (parts: readonly string[]): string => (notation === 'latex' ? `\\left(${parts.join(', ')}\\right)` : `(${parts.join(', ')})`);
  const times = notation === 'latex' ? ' \\cdot ' : notation === 'unicode' ? '·' : '*';
  return `${tuple(coordinates)} = ${tuple(normal.point.map(print))} + ${t}${times}${tuple(normal.direction.map(print))}`;
}
