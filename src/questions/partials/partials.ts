import type { Derivative } from '../../differentiate/differentiate.js';
import { gradient, hessian, jacobian, mixedPartial } from '../../multivariate/partials.js';
import { InputError } from '../../errors.js';
import { checkDerivative } from '../../check/check.js';
import { verdictLine } from '../../check/verdict.js';
import { matrixIn, partialName, vectorIn } from '../../print/matrix.js';
import { toLatex } from '../../print/latex.js';
import { toText, toUnicode } from '../../print/linear.js';
import { buildTrace, shownParts, tooLargeToShow, type Trace } from '../../steps/trace.js';
import { traceToText } from '../../print/steps-text.js';
import { traceToLatex } from '../../print/steps-latex.js';
import { traceToMarkdown } from '../../print/steps-markdown.js';
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

/** One derivative shown: its name (∂f/∂x) and its derivation. */
interface Shown {
  readonly name: readonly string[];
  readonly derivative: Derivative;
}

/** The gradient, Jacobian, Hessian or mixed partial the request asks for, printed. */
function answerPartials(given: Given, request: Request): Answered {
  const input = given.text;
  const options = { simplify: request.simplify, form: request.form, ...readingOptions(request) };
  const { format } = request;
  const notation = format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex';
  const vector = kindOf(given) === 'vector';
  const variables = request.var;
  const repeated = variables !== undefined && new Set(variables).size !== variables.length;
  if (request.hessian && (vector || repeated)) throw new InputError('a Hessian is of one expression, by distinct variables', 'invalid-request');
  if (request.det && !vector) throw new InputError('a determinant is of the Jacobian of a vector [f, g]', 'invalid-request');

  let shown: Shown[];
  let answer: string;
  let json: Record<string, unknown>;
  const notes: string[] = [];
  if (vector) {
    const j = jacobian(input, { ...options, by: variables, determinant: request.det });
    const many = j.functions.length > 1;
    shown = j.rows.flatMap((row, i) => row.map((d, k) => ({ name: [many ? `f${i + 1}` : 'f', j.variables[k]!], derivative: d })));
    const results = j.rows.map((r) => r.map((d) => d.result));
    answer = matrixIn(results, notation);
    if (j.determinant) answer += `\n${notation === 'latex' ? '\\det J' : 'det'} = ${notation === 'text' ? toText(j.determinant) : notation === 'unicode' ? toUnicode(j.determinant) : toLatex(j.determinant)}`;
    json = { variables: j.variables, jacobian: results.map((r) => r.map(printed)), ...(j.determinant ? { determinant: printed(j.determinant) } : {}) };
  } else if (request.hessian) {
    const h = hessian(input, { ...options, by: variables });
    const n = h.variables.length;
    shown = [
      ...h.gradient.map((d, i) => ({ name: ['f', h.variables[i]!], derivative: d })),
      ...h.entries.flatMap((row, i) => row.flatMap((d, j) => (j >= i ? [{ name: ['f', h.variables[i]!, h.variables[j]!], derivative: d }] : []))),
    ];
    const results = h.entries.map((r) => r.map((d) => d.result));
    answer = matrixIn(results, notation);
    json = { variables: h.variables, hessian: results.map((r) => r.map(printed)), computed: h.computed };
    if (n > 1 && format !== 'json') {
      notes.push(`each mixed partial is worked out once (${h.computed} of ${n * n}): ∂²f/∂x∂y = ∂²f/∂y∂x wherever the second derivatives are continuous`);
    }
  } else if (repeated) {
    const p = mixedPartial(input, variables!, options);
    shown = p.steps.map((d, i) => ({ name: ['f', ...p.variables.slice(0, i + 1)], derivative: d }));
    answer = notation === 'text' ? toText(p.result) : notation === 'unicode' ? toUnicode(p.result) : toLatex(p.result);
    json = { variables: p.variables, partial: printed(p.result) };
  } else {
    const g = gradient(input, { ...options, by: variables });
    shown = g.components.map((d, i) => ({ name: ['f', g.variables[i]!], derivative: d }));
    const results = g.components.map((d) => d.result);
    answer = vectorIn(results, notation);
    json = { variables: g.variables, gradient: results.map(printed) };
  }

  const checks = request.check ? shown.map((s) => checkDerivative(s.derivative)) : [];
  const outcome = worstOutcome(checks.map((c) => checkOutcome(c.verdict)));
  const nameOf = (s: Shown, n: 'text' | 'unicode' | 'latex'): string => partialName(s.name[0]!, s.name.slice(1), n);
  if (format !== 'json') {
    checks.forEach((c, i) => notes.push(`${nameOf(shown[i]!, notation === 'latex' ? 'text' : notation)}: ${verdictLine(c)}`));
  }
  if (format === 'json') {
    const check = checks.length > 0 ? { check: checks.map((c, i) => ({ of: nameOf(shown[i]!, 'text'), ...checkJson(c) })) } : {};
    // With --steps, each derivative's derivation; too large a one is left out, with why.
    const derivations = request.steps === undefined ? {} : {
      derivations: componentTraces(shown, request.maxShown).map((t, k) =>
        ({ of: nameOf(shown[k]!, 'text'), ...(typeof t === 'string' ? { steps: null, stepsOmitted: t } : { steps: stepsJson(t) }) })),
    };
    return { output: JSON.stringify({ input, ...json, ...check, ...derivations }), notes, outcome };
  }
  const whole = format === 'markdown' ? `$${answer.replace('\n', '$\n\n$')}$` : answer;
  if (request.steps === undefined) return { output: whole, notes, outcome };
  return { output: `${derivations(shown, request, nameOf)}\n\n${whole}`, notes, outcome };
}

/**
 * Each derivative's derivation, numbered by its place (∂f/∂x is 1: 1.1, 1.2 …; ∂f/∂y is 2), a part
 * worked out in one referred to in those after; or why it is too large to show.
 */
function componentTraces(shown: readonly Shown[], maxShownNodes: number | undefined): (Trace | string)[] {
  const parts = shownParts();
  return shown.map((s, k) => tooLargeToShow(s.derivative, maxShownNodes) ?? buildTrace(s.derivative, { maxShownNodes, within: [k + 1], shown: parts }));
}

/** Each derivative's derivation, printed. */
function derivations(shown: readonly Shown[], request: Request, nameOf: (s: Shown, n: 'text' | 'unicode' | 'latex') => string): string {
  return componentTraces(shown, request.maxShown).map((trace, k) => {
    if (typeof trace === 'string') throw new InputError(trace, 'limit');
    const s = shown[k]!;
    switch (request.format) {
      case 'latex': return `\\section*{$${nameOf(s, 'latex')}$}\n${traceToLatex(trace, request.steps)}`;
      case 'markdown': return `### ${k + 1}. $${nameOf(s, 'latex')}$\n\n${traceToMarkdown(trace, request.steps)}`;
      default: {
        const notation = request.format === 'unicode' ? 'unicode' : 'text';
        return `${k + 1} ${nameOf(s, notation)}\n${traceToText(trace, { notation, detail: request.steps!, colour: request.colour })}`;
      }
    }
  }).join('\n\n');
}
