import type { Derivative } from '../differentiate/differentiate.js';
import { gradient, hessian, jacobian, mixedPartial, type PartialsOptions } from '../multivariate/partials.js';
import { vectorComponents } from '../parse/vector.js';
import { InputError } from '../errors.js';
import { checkDerivative, type CheckReport } from '../check/check.js';
import { verdictLine } from '../check/verdict.js';
import { matrixIn, partialName, vectorIn } from '../print/matrix.js';
import { toLatex } from '../print/latex.js';
import { toText, toUnicode } from '../print/linear.js';
import { buildTrace, shownParts, tooLargeToShow, type Trace } from '../steps/trace.js';
import { traceToText, type StepDetail } from '../print/steps-text.js';
import { traceToLatex } from '../print/steps-latex.js';
import { traceToMarkdown } from '../print/steps-markdown.js';
import { checkJson, printed, stepsJson } from './json.js';
import type { Format } from './render.js';

/** What the command line asked for beyond one derivative: several variables, a vector, a Hessian, a determinant. */
export interface PartialsRequest {
  readonly variables: readonly string[] | undefined;
  readonly hessian: boolean;
  readonly determinant: boolean;
  readonly check: boolean;
  readonly steps: StepDetail | undefined;
  readonly format: Format;
  readonly colour: boolean;
  readonly maxShownNodes: number | undefined;
}

/** Whether an input and options ask for derivatives by several variables (or of several functions). */
export const asksForPartials = (input: string, variables: readonly string[] | undefined, hessianAsked: boolean, determinant: boolean): boolean =>
  vectorComponents(input) !== undefined || (variables?.length ?? 0) > 1 || hessianAsked || determinant;

/** One derivative shown: its name (∂f/∂x) and its derivation. */
interface Shown {
  readonly name: readonly string[];
  readonly derivative: Derivative;
}

export interface PartialsAnswer {
  readonly output: string;
  /** Lines for standard error: the verdicts and what is worth knowing beside the answer. */
  readonly notes: readonly string[];
  readonly checks: readonly CheckReport[];
}

/** The gradient, Jacobian, Hessian or mixed partial the request asks for, printed. */
export function answerPartials(input: string, request: PartialsRequest, options: PartialsOptions): PartialsAnswer {
  const { format } = request;
  const notation = format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex';
  const vector = vectorComponents(input) !== undefined;
  const variables = request.variables;
  const repeated = variables !== undefined && new Set(variables).size !== variables.length;
  if (request.hessian && (vector || repeated)) throw new InputError('--hessian is of one expression, by distinct variables', 'invalid-request');
  if (request.determinant && !vector) throw new InputError('--det is of the Jacobian of a vector [f, g]', 'invalid-request');

  let shown: Shown[];
  let answer: string;
  let json: Record<string, unknown>;
  const notes: string[] = [];
  if (vector) {
    const j = jacobian(input, { ...options, by: variables, determinant: request.determinant });
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
  const nameOf = (s: Shown, n: 'text' | 'unicode' | 'latex'): string => partialName(s.name[0]!, s.name.slice(1), n);
  if (format !== 'json') {
    checks.forEach((c, i) => notes.push(`${nameOf(shown[i]!, notation === 'latex' ? 'text' : notation)}: ${verdictLine(c)}`));
  }
  if (format === 'json') {
    const check = checks.length > 0 ? { check: checks.map((c, i) => ({ of: nameOf(shown[i]!, 'text'), ...checkJson(c) })) } : {};
    // With --steps, each derivative's derivation; too large a one is left out, with why.
    const derivations = request.steps === undefined ? {} : {
      derivations: componentTraces(shown, request.maxShownNodes).map((t, k) =>
        ({ of: nameOf(shown[k]!, 'text'), ...(typeof t === 'string' ? { steps: null, stepsOmitted: t } : { steps: stepsJson(t) }) })),
    };
    return { output: JSON.stringify({ input, ...json, ...check, ...derivations }), notes, checks };
  }
  const whole = format === 'markdown' ? `$${answer.replace('\n', '$\n\n$')}$` : answer;
  if (request.steps === undefined) return { output: whole, notes, checks };
  return { output: `${derivations(shown, request, nameOf)}\n\n${whole}`, notes, checks };
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
function derivations(shown: readonly Shown[], request: PartialsRequest, nameOf: (s: Shown, n: 'text' | 'unicode' | 'latex') => string): string {
  return componentTraces(shown, request.maxShownNodes).map((trace, k) => {
    if (typeof trace === 'string') throw new InputError(trace, 'limit');
    const s = shown[k]!;
    switch (request.format) {
      case 'latex': return `\\section*{$${nameOf(s, 'latex')}$}\n${traceToLatex(trace)}`;
      case 'markdown': return `### ${k + 1}. $${nameOf(s, 'latex')}$\n\n${traceToMarkdown(trace)}`;
      default: {
        const notation = request.format === 'unicode' ? 'unicode' : 'text';
        return `${k + 1} ${nameOf(s, notation)}\n${traceToText(trace, { notation, detail: request.steps!, colour: request.colour })}`;
      }
    }
  }).join('\n\n');
}
