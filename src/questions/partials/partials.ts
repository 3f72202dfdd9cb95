import type { Derivative } from '../../differentiate/differentiate.js';
import { gradient, hessian, jacobian, mixedPartial } from '../../multivariate/partials.js';
import { InputError } from '../../errors.js';
import { checkDerivative } from '../../check/check.js';
import { verdictLine } from '../../check/verdict.js';
import { matrixIn, partialName, vectorIn } from '../../print/matrix.js';
import { printerFor } from '../../print/notation.js';
import type { Notation } from '../../print/precedence.js';
import { buildTrace, shownParts, tooLargeToShow, type Trace } from '../../steps/trace.js';
import { mathNotation, noteNotation, type Part } from '../write.js';
import { checkJson, printed, stepsJson } from '../json.js';
import { checkOutcome, kindOf, readingOptions, type Given, worstOutcome, type Answered, type Question, type Request } from '../question.js';

/** Derivatives by several variables or of several functions: a gradient, Jacobian, Hessian or mixed partial. */
export const partialsQuestion: Question = {
  name: 'partials',
  title: 'a gradient, Jacobian, Hessian or mixed partial',
  takes: ['var', 'hessian', 'det', 'simplify', 'form', 'steps', 'latexDocument', 'check', 'maxNodes', 'maxShown'],
  variables: 'several',
  // A vector [f, g], several variables, or a Hessian or determinant asked for.
  asks: (given, request) => kindOf(given) === 'vector' || (request.var?.length ?? 0) > 1 || request.hessian === true || request.det === true,
  answer: (given, request) => answerPartials(given, request),
};

/** One derivative of the answer: its name (∂f/∂x) and its derivation. */
interface Partial {
  readonly name: readonly string[];
  readonly derivative: Derivative;
}

/** The gradient, Jacobian, Hessian or mixed partial the request asks for, printed. */
function answerPartials(given: Given, request: Request): Answered {
  const input = given.text;
  const options = { simplify: request.simplify, form: request.form, ...readingOptions(request) };
  const vector = kindOf(given) === 'vector';
  const variables = request.var;
  const repeated = variables !== undefined && new Set(variables).size !== variables.length;
  if (request.hessian && (vector || repeated)) throw new InputError('a Hessian is of one expression, by distinct variables', 'invalid-request');
  if (request.det && !vector) throw new InputError('a determinant is of the Jacobian of a vector [f, g]', 'invalid-request');

  let shown: Partial[];
  let answer: (notation: Notation) => string[];
  let json: Record<string, unknown>;
  const notes: string[] = [];
  if (vector) {
    const j = jacobian(input, { ...options, by: variables, determinant: request.det });
    const many = j.functions.length > 1;
    shown = j.rows.flatMap((row, i) => row.map((d, k) => ({ name: [many ? `f${i + 1}` : 'f', j.variables[k]!], derivative: d })));
    const results = j.rows.map((r) => r.map((d) => d.result));
    answer = (notation) => [
      matrixIn(results, notation),
      ...(j.determinant ? [`${notation === 'latex' ? '\\det J' : 'det'} = ${printerFor(notation)(j.determinant)}`] : []),
    ];
    json = { variables: j.variables, jacobian: results.map((r) => r.map(printed)), ...(j.determinant ? { determinant: printed(j.determinant) } : {}) };
  } else if (request.hessian) {
    const h = hessian(input, { ...options, by: variables });
    const n = h.variables.length;
    shown = [
      ...h.gradient.map((d, i) => ({ name: ['f', h.variables[i]!], derivative: d })),
      ...h.entries.flatMap((row, i) => row.flatMap((d, j) => (j >= i ? [{ name: ['f', h.variables[i]!, h.variables[j]!], derivative: d }] : []))),
    ];
    const results = h.entries.map((r) => r.map((d) => d.result));
    answer = (notation) => [matrixIn(results, notation)];
    json = { variables: h.variables, hessian: results.map((r) => r.map(printed)), computed: h.computed };
    if (n > 1) {
      notes.push(`each mixed partial is worked out once (${h.computed} of ${n * n}): ∂²f/∂x∂y = ∂²f/∂y∂x wherever the second derivatives are continuous`);
    }
  } else if (repeated) {
    const p = mixedPartial(input, variables!, options);
    shown = p.steps.map((d, i) => ({ name: ['f', ...p.variables.slice(0, i + 1)], derivative: d }));
    answer = (notation) => [printerFor(notation)(p.result)];
    json = { variables: p.variables, partial: printed(p.result) };
  } else {
    const g = gradient(input, { ...options, by: variables });
    shown = g.components.map((d, i) => ({ name: ['f', g.variables[i]!], derivative: d }));
    const results = g.components.map((d) => d.result);
    answer = (notation) => [vectorIn(results, notation)];
    json = { variables: g.variables, gradient: results.map(printed) };
  }

  const checks = request.check ? shown.map((s) => checkDerivative(s.derivative)) : [];
  const outcome = worstOutcome(checks.map((c) => checkOutcome(c.verdict)));
  const nameOf = (s: Partial, n: Notation): string => partialName(s.name[0]!, s.name.slice(1), n);
  checks.forEach((c, i) => notes.push(`${nameOf(shown[i]!, noteNotation(request.format))}: ${verdictLine(c)}`));
  // With --steps, each derivative's derivation, a part worked out in one referred to in those after.
  const traces = request.steps === undefined ? [] : componentTraces(shown, request.maxShown);
  return {
    shown: {
      json: () => {
        const check = checks.length > 0 ? { check: checks.map((c, i) => ({ of: nameOf(shown[i]!, 'text'), ...checkJson(c) })) } : {};
        // Too large a derivation is left out, with why.
        const derivations = request.steps === undefined ? {} : {
          derivations: traces.map((t, k) => ({ of: nameOf(shown[k]!, 'text'), ...(typeof t === 'string' ? { steps: null, stepsOmitted: t } : { steps: stepsJson(t) }) })),
        };
        return { input, ...json, ...check, ...derivations };
      },
      parts: (format) => {
        const notation = mathNotation(format);
        const derivations = traces.map((trace, k): Part => {
          if (typeof trace === 'string') throw new InputError(trace, 'limit');
          return { kind: 'derivation', trace, heading: { number: k + 1, name: nameOf(shown[k]!, notation) } };
        });
        return [...derivations, { kind: 'math', lines: answer(notation) }];
      },
    },
    notes, outcome,
  };
}

/**
 * Each derivative's derivation, numbered by its place (∂f/∂x is 1: 1.1, 1.2 …; ∂f/∂y is 2), a part
 * worked out in one referred to in those after; or why it is too large to show.
 */
function componentTraces(shown: readonly Partial[], maxShownNodes: number | undefined): (Trace | string)[] {
  const parts = shownParts();
  return shown.map((s, k) => tooLargeToShow(s.derivative, maxShownNodes) ?? buildTrace(s.derivative, { maxShownNodes, within: [k + 1], shown: parts }));
}
