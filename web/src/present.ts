import {
  answerLines, answerSentence, at, decimalText, type CheckReport, type Jacobian, checkAnswer, evaluate, generateCode, valueIn, implicitAnswer, implicitWorked, type Implicit, type ImplicitCheck, gradient, hessian, matrixIn, vectorIn, inTermsOfOutput, noFormReason, outputAnswer, outputConditions, plainVerdict, conditionsIn, ParseError, type AnswerVerdict, derivativeName, postOrder, readingIn, toLatex, toText, traceToLatex, traceToText, words,
  type Derivative, type Expr, type Reading,
} from '../../src/index.js';
import { compute, pageMessage, type Computed } from './compute.js';
import { derivativeNameIn, generateMatrixCode, matrixToLatex, matrixToText, matrixWorked, type MatrixAnswer, type MatrixCheckReport } from '../../src/index.js';
import type { PageState } from './state.js';
import { evaluator, plotData, type PlotData } from './plot.js';
import { chooseRange, featureWords } from './plot-range.js';
import { curvePlot, type CurvePlot, type CurveTangent, type CurveTangents } from './curve-plot.js';

/** A number in a sentence: three significant digits, a true minus sign. */
const minus = (x: number): string => decimalText(x, 3);
import { Deferred, traceHtml, workedHtml, type YourStep } from './steps-html.js';
import { highlighted } from './code.js';
import { escapeHtml, mathHtml } from './math.js';
import { elide, elisionMarker } from './elide.js';
import { graphView, type GraphView } from './graph-view.js';

/*
 * What the page shows for a state, as plain data and HTML text: everything is worked out
 * and typeset here, in a worker, so the page only puts it in place and stays responsive
 * however long an expression takes.
 */

export type PageView =
  | { readonly kind: 'empty' }
  | { readonly kind: 'parse-error'; readonly message: string; readonly line: number; readonly column: number; readonly offset: number }
  | { readonly kind: 'error'; readonly message: string; readonly variables: readonly string[] }
  | ImplicitView
  | AnswerView;

/**
 * What is not one function of one variable: y′ on a curve given by an equation (by implicit
 * differentiation, with its derivation and its check against the curve), or the Jacobian of a
 * vector of functions (each entry checked).
 */
export interface ImplicitView {
  readonly kind: 'implicit' | 'jacobian' | 'matrix';
  readonly input: string;
  readonly answerHtml: string;
  readonly stepsHtml: string;
  /** What the closed steps hold, put in when they are opened (see Deferred). */
  readonly stepsDeferred: readonly string[];
  readonly check: { readonly verdict: 'verified' | 'failed' | 'unchecked'; readonly detail: string };
  readonly copies: { readonly answerLatex: string; readonly answerText: string };
  /** The curve an equation gives, plotted, with the tangent at the point asked for. */
  readonly curve?: CurvePlot;
  /** Code for the derivatives, in matrix notation (NumPy, PyTorch, JAX); or why there is none. */
  readonly code?: { readonly text: string; readonly html: string; readonly error: string; readonly about: string };
}

export interface AnswerView {
  readonly kind: 'ok';
  /** The input this answers, as typed: named when a later input does not parse and this answer stays in view. */
  readonly input: string;
  readonly variables: readonly string[];
  readonly variable: string;
  /** How the input was read, typeset, with the conventions that chose it in words: the first thing to check. */
  readonly readingHtml: string;
  readonly readingNotes: readonly string[];
  /** The order differentiated to: the page's own, unless the input asked for one (d²/dx²). */
  readonly order: number;
  /** Whether the input itself says the variable and the order (d/dt, d²/dx², f(t) = …), so the page's controls do not. */
  readonly setByInput: { readonly variable: boolean; readonly order: boolean };
  readonly answerHtml: string;
  /** When the answer is too long to typeset whole: how long it is and how much is shown. */
  readonly answerNote: string;
  /** The reader's own derivative checked, when one is given: the verdict and what was found, in words. */
  readonly mine: { readonly verdict: AnswerVerdict | 'error'; readonly sentence: string; readonly lines: readonly string[]; readonly step?: string } | undefined;
  /** What the copy buttons copy; the derivation's only when it is shown. */
  readonly copies: {
    readonly answerLatex: string;
    readonly answerText: string;
    readonly stepsLatex: string | undefined;
    readonly stepsText: string | undefined;
  };
  /** The numeric check: its verdict, what it found in plain words, and the verdict line with its numbers (errors, digits). */
  readonly check: { readonly verdict: 'verified' | 'failed' | 'unchecked'; readonly pointsUsed: number; readonly detail: string; readonly technical: string };
  readonly stepsHtml: string | undefined;
  /** What the closed steps hold, put in when they are opened (see Deferred). */
  readonly stepsDeferred: readonly string[];
  /** Why the derivation is not shown, when it is not. */
  readonly stepsNote: string;
  readonly plot: PlotData;
  /** The range the plot was sampled over: the state's, or one chosen from the function. */
  readonly plotRange: readonly [number, number];
  readonly plotNote: string;
  /** A curve off the scale of the plot, offered to fit: the y range made for it instead. */
  readonly plotFit: { readonly label: string; readonly scaledBy: number } | undefined;
  /** The plot in words, for a screen reader: what is drawn, over what range, and what it shows. */
  readonly plotDescription: string;
  readonly backprop: BackpropView;
  /** f and f′ at the point asked for, exact, with the tangent there; x as a number, for drawing it; or why not. */
  readonly atPoint: { readonly html: string; readonly x: number | undefined; readonly error: string } | undefined;
  /** The computation graph with its forward and backward passes at the variables' values; or why it is not drawn. */
  readonly graph: GraphView | { readonly error: string } | undefined;
  /** For a function of several variables: its gradient and (for a few variables) its Hessian, typeset. */
  readonly several: { readonly gradientHtml: string; readonly hessianHtml: string; readonly note: string } | undefined;
}

/** For a backward pass: the derivative in terms of the output, and code for the function and its gradient. */
interface BackpropView {
  /** y′ in terms of y, typeset; empty where there is none. */
  readonly formHtml: string;
  /** Where that form holds, or why there is none, in words. */
  readonly formNote: string;
  /** The code, and the code highlighted as HTML; or why there is none. */
  readonly code: string;
  readonly codeHtml: string;
  readonly codeError: string;
  /** What the code returns and needs, in a sentence: f and its gradient (or its derivatives up to an order), and the modules it imports. */
  readonly codeAbout: string;
}

/**
 * The last answer worked out, by its state less the plot's range: zooming and panning
 * change only the plot, so only the plot is worked out again.
 */
let last: { readonly key: string; readonly outcome: Computed; readonly view: AnswerView; readonly values: PageState['values'] } | undefined;

/** f and f′ of the last answer, compiled once for it: the pointer asks for them at every move. */
let lastEvaluators: { readonly of: typeof last; readonly f: (x: number) => number; readonly slope: (x: number) => number } | undefined;

/** The curve in view, when the last answer is an equation's: its points and tangents. */
let curveInView: CurveTangents | undefined;

/**
 * f and f′ of the last answer at x, evaluated (not read off the plot's samples): what the tangent's
 * readout says. For a curve, the point of it nearest (x, y), or above x nearest the height `near`,
 * and the slope there.
 */
function valuesAt(x: number, pointerY?: number, near?: number): CurveTangent | undefined {
  if (curveInView) return curveInView.at(x, pointerY, near);
  if (!last) return undefined;
  if (lastEvaluators?.of !== last) {
    const { outcome: o, values } = last;
    lastEvaluators = { of: last, f: evaluator(o.expr, o.variable, values), slope: evaluator(o.derivative.derivations[0]!.result, o.variable, values) };
  }
  const [y, slope] = [lastEvaluators.f(x), lastEvaluators.slope(x)];
  return Number.isFinite(y) && Number.isFinite(slope) ? { x, y, slope } : undefined;
}

/** The tangent at x (on a curve, at its point nearest (x, y), or above x), with its numbers in words for the plot's readout. */
export function tangentAt(x: number, pointerY?: number, near?: number): { value: CurveTangent | undefined; readout: string } {
  const value = valuesAt(x, pointerY, near);
  if (curveInView) return { value, readout: curveInView.readout(x, value) };
  const v = last?.outcome.variable ?? 'x';
  const short = (n: number): string => decimalText(n, 4);
  if (!value) return { value, readout: `No tangent at ${v} = ${short(x)}: f or f′ has no value there.` };
  return {
    value,
    readout: `At ${v} = ${short(value.x)}: f(${v}) = ${short(value.y)}, f′(${v}) = ${short(value.slope)}; `
      + `the tangent there is y = ${short(value.y)} ${value.slope < 0 ? '−' : '+'} ${short(Math.abs(value.slope))}·(${v} ${value.x < 0 ? '+' : '−'} ${short(Math.abs(value.x))}).`,
  };
}

export function present(state: PageState): PageView {
  // The plot's range and scale and the step of the backward pass shown change no answer.
  const key = JSON.stringify({ ...state, autoRange: undefined, from: undefined, to: undefined, graphStep: undefined, scaledBy: undefined });
  curveInView = undefined;
  if (last?.key === key) return { ...last.view, ...plotView(last.outcome, state) };
  const o = compute(state);
  switch (o.kind) {
    case 'empty': return o;
    case 'error': return o;
    case 'implicit': return implicitView(o.result, o.check, state);
    case 'jacobian': return jacobianView(o.result, o.checks, state);
    case 'matrix': return matrixView(o.result, o.checks, state);
    case 'parse-error':
      return { kind: 'parse-error', message: pageMessage(o.error), line: o.error.line, column: o.error.column, offset: o.offset };
    case 'ok': {
      const view = answerView(o, state);
      last = { key, outcome: o, view, values: state.values };
      return view;
    }
  }
}

/** The parts of the view that depend on the plot's range. */
function plotView(o: Computed, state: PageState): Pick<AnswerView, 'plot' | 'plotRange' | 'plotNote' | 'plotFit' | 'plotDescription'> {
  const { plot, note, fit, range, description } = plotOf(o, state);
  return { plot, plotRange: range, plotNote: note, plotFit: fit, plotDescription: description };
}

function answerView(o: Computed, state: PageState): AnswerView {
  const d = o.derivative;
  const failed = (order: number, step: readonly number[]): boolean =>
    o.check.failures.some((f) => f.order === order && f.step !== undefined && f.step.join('.') === step.join('.'));
  const shown = answerHtml(answerName(o.reading, d), d.result, holds(d));
  const mine = mineChecked(o, state);
  const deferred = new Deferred();
  return {
    kind: 'ok',
    input: state.input,
    variables: o.variables,
    variable: o.variable,
    readingHtml: mathHtml(readingIn(o.reading, 'latex')),
    readingNotes: o.reading.notes,
    order: Number(d.order),
    setByInput: { variable: o.reading.request.variable !== undefined, order: o.reading.request.order !== undefined },
    answerHtml: shown.html,
    answerNote: shown.note,
    mine: mine.view,
    copies: {
      answerLatex: toLatex(d.result),
      answerText: toText(d.result),
      stepsLatex: o.trace && traceToLatex(o.trace),
      stepsText: o.trace && traceToText(o.trace),
    },
    check: { verdict: o.check.verdict, pointsUsed: o.check.pointsUsed, detail: plainVerdict(o.check), technical: o.verdict.replace(/^check: /, '') },
    stepsHtml: o.trace && traceHtml(o.trace, failed, mine.mistake, deferred),
    stepsDeferred: deferred.parts,
    stepsNote: o.traceOmitted ?? '',
    ...plotView(o, state),
    backprop: backpropView(o, state),
    several: severalView(o, state),
    atPoint: atPointView(o, state),
    graph: graphOf(o, state),
  };
}

/** The backward pass shown on the graph, at the variables' values (1 where none is given). */
function graphOf(o: Computed, state: PageState): AnswerView['graph'] {
  const variables = o.variables.length > 0 ? o.variables : [];
  if (variables.length === 0) return undefined;
  try {
    return graphView(o.expr, variables, state.values);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Past this many characters of LaTeX the answer is typeset in part: KaTeX takes seconds over a
 * few hundred thousand, and the page would hold a megabyte of markup (σ(σ(x)) to order 100).
 */
const mostTypesetAnswer = 6000;

/** The answer typeset: whole, or in part with ⋯ for what is left out (else its LaTeX source begun), with a note that says so. */
function answerHtml(name: string, result: Expr, conditions: string): { html: string; note: string } {
  const whole = toLatex(result);
  if (whole.length <= mostTypesetAnswer) return { html: mathHtml(`${name} = ${whole}${conditions}`, true), note: '' };
  const size = `The answer is long (${whole.length.toLocaleString('en')} characters of LaTeX)`;
  const rest = 'copy or download it whole with the buttons below';
  const marker = elisionMarker(result);
  const part = elide(result, mostTypesetAnswer, marker);
  if (!part) {
    return {
      html: `<div class="math display source">${escapeHtml(whole.slice(0, mostTypesetAnswer))}…</div>`,
      note: `${size}: the beginning of its LaTeX is shown; ${rest}.`,
    };
  }
  return {
    html: mathHtml(`${name} = ${toLatex(part).replaceAll(toLatex(marker), '\\cdots')}${conditions}`, true),
    note: `${size}: it is shown in part, ⋯ standing for the terms left out; ${rest}.`,
  };
}

/** The reader's own derivative against this one: correct, incorrect with the mistake that explains it, or why it cannot be read. */
function mineChecked(o: Computed, state: PageState): { view: AnswerView['mine']; mistake: YourStep | undefined } {
  if (state.mine.trim() === '') return { view: undefined, mistake: undefined };
  try {
    const report = checkAnswer(o.expr, state.mine, { variable: o.variable, order: Number(o.derivative.order) });
    const m = report.mistake;
    // The step it was made at, in the derivation of the last order: shown there beside the right one.
    const mistake = m?.step && m.place && m.got ? { order: o.derivative.derivations.length, step: m.step, place: m.place, got: m.got } : undefined;
    const view = { verdict: report.verdict, sentence: answerSentence(report, 'unicode'), lines: answerLines(report, 'unicode') };
    return { view: mistake ? { ...view, step: m!.step!.join('.') } : view, mistake };
  } catch (error) {
    const where = error instanceof ParseError ? ` (column ${error.column})` : '';
    return { view: { verdict: 'error', sentence: `Yours cannot be read: ${pageMessage(error)}${where}.`, lines: [] }, mistake: undefined };
  }
}

/** What the answer is the derivative of: y′ for y = …, f′(x) for f(x) = …, else d/dx(…). */
function answerName(reading: Reading, d: Derivative): string {
  const { label } = reading.request;
  if (label) return derivativeName(label, d.order, 'latex');
  const n = d.order;
  const wrt = n === 1 ? `\\frac{d}{d${d.variable}}` : `\\frac{d^{${n}}}{d${d.variable}^{${n}}}`;
  return `${wrt}\\left(${toLatex(d.input)}\\right)`;
}

/** Where the answer holds, when not everywhere: ", for x ≠ 0" in LaTeX. */
const holds = (d: Derivative): string => (d.conditions.length > 0 ? `,\\quad \\text{${words.holdsFor} } ${conditionsIn(d.conditions, 'latex')}` : '');

/**
 * f and the derivative of the order asked for (and f′ beside a higher one, when asked for),
 * sampled over the state's range or, unless one is set, a range chosen from f and f′.
 */
function plotOf(o: Computed, state: PageState): { plot: PlotData; note: string; fit: AnswerView['plotFit']; range: readonly [number, number]; description: string } {
  const d = o.derivative;
  const name = (order: number | bigint): string => derivativeName({ kind: 'name', name: 'f' }, order, 'unicode');
  const curves: { label: string; expr: Expr }[] = [{ label: 'f', expr: o.expr }, { label: name(d.order), expr: d.result }];
  if (state.alsoFirst && Number(d.order) > 1) curves.push({ label: name(1), expr: d.derivations[0]!.result });
  const notes: string[] = [];
  const v = o.variable;
  const chosen = state.autoRange
    ? chooseRange(evaluator(o.expr, v, state.values), evaluator(d.derivations[0]!.result, v, state.values))
    : undefined;
  const [from, to] = chosen ? [chosen.from, chosen.to] : [state.from, state.to];
  const range = `${v} from ${minus(from)} to ${minus(to)}`;
  const shows = chosen && chosen.features.length > 0 ? featureWords(chosen.features, v) : '';
  if (chosen) notes.push(`Range chosen from the function: ${range}${shows ? `, to show ${shows}` : ''}. Change it with From and To, or by dragging and zooming the plot.`);
  if (postOrder(o.expr).some((n) => n.kind === 'apply')) notes.push('f, g and h are plotted with stand-ins: f(t) = e^(t/2), g(t) = sin t, h(t) = cos 2t.');
  // f or the derivative asked for sets the y range (the others are drawn on it).
  const scaledBy = state.scaledBy < 2 ? state.scaledBy : 0;
  const plot = plotData(curves, v, from, to, state.values, undefined, d.derivations[0]!.result, scaledBy);
  if (!plot.curves.some((c) => c.points.some((p) => Number.isFinite(p.y)))) {
    notes.push('Nothing to plot: the function is undefined or not real over this range.');
  }
  if (plot.bands) notes.push(`${plot.bands.map((label) => `${label}(${v})`).join(' and ')} turn${plot.bands.length === 1 ? 's' : ''} faster than the plot can show at this range: drawn as the band ${plot.bands.length === 1 ? 'it fills' : 'they fill'}. Zoom in to see the curve.`);
  // A curve with values, hardly any of them within the y range drawn (f⁽³⁰⁾ of tan beside tan itself,
  // seen only where it crosses 0), is said to be off the scale; f or the derivative asked for is
  // offered to fit, the y range made for it.
  let fit: AnswerView['plotFit'];
  plot.curves.forEach((c, i) => {
    const ys = c.points.map((p) => p.y).filter(Number.isFinite);
    if (ys.length === 0 || ys.filter((y) => y >= plot.y[0] && y <= plot.y[1]).length >= 0.05 * ys.length) return;
    const [low, high] = ys.reduce(([a, b], y) => [Math.min(a, y), Math.max(b, y)], [Infinity, -Infinity]);
    const rough = (x: number): string => x.toPrecision(3).replace('-', '−');
    notes.push(`${c.label}(${v}) is off the scale of this plot, whose y range (${minus(plot.y[0])} to ${minus(plot.y[1])}) is ${curves[scaledBy]!.label}'s: its values run from ${rough(low)} to ${rough(high)}.`);
    if (i < 2 && fit === undefined) fit = { label: `${c.label}(${v})`, scaledBy: i };
  });
  // Fitted to the derivative, f is drawn to its scale (flat, as often as not): f's own is offered back.
  if (scaledBy !== 0) {
    notes.push(`The y range is ${curves[scaledBy]!.label}'s, fitted to it.`);
    fit ??= { label: `f(${v})`, scaledBy: 0 };
  }
  const names = plot.curves.map((c) => `${c.label}(${v})`);
  const description = `Plot of ${names.slice(0, -1).join(', ')} and ${names.at(-1)} for ${range}, y from ${minus(plot.y[0])} to ${minus(plot.y[1])}${shows ? `; it shows ${shows}` : ''}.`;
  return { plot, note: notes.join(' '), fit, range: [from, to], description };
}

/** Most seconds the page gives the backprop code: past them it says so and the rest of the answer stands. */
const codeSeconds = 3;

/** y′ in terms of the output y, and code that computes f with its gradient by every variable. */
function backpropView(o: Computed, state: PageState): BackpropView {
  let formHtml = '';
  let formNote = '';
  try {
    const form = inTermsOfOutput(o.expr, { variable: o.variable, timeout: codeSeconds });
    const why = form.reason && noFormReason(form, form.reason, 'unicode');
    if (form.inOutput || form.mixed) formHtml = mathHtml(outputAnswer(form, 'latex'));
    if (form.holds.length > 0) formNote = `Holds for ${outputConditions(form.holds, 'unicode')}${why ? ` (${why})` : ''}.`;
    else if (why) formNote = `No form in ${form.output} alone: ${why}.`;
  } catch (error) {
    formNote = (error as Error).message;
  }
  const variables = o.variables.length > 0 ? o.variables : [o.variable];
  // Of one variable, the code gives every derivative up to the order asked for; of several, the gradient.
  const order = variables.length === 1 ? Number(o.derivative.order) : 1;
  try {
    const code = generateCode(o.expr, { target: state.target, variables, timeout: codeSeconds, ...(order > 1 ? { order } : {}) });
    return { formHtml, formNote, code, codeHtml: highlighted(code, state.target), codeError: '', codeAbout: codeAbout(code, variables, order, Number(o.derivative.order)) };
  } catch (error) {
    return { formHtml, formNote, code: '', codeHtml: '', codeError: (error as Error).message, codeAbout: '' };
  }
}

/** What the code returns, and what it imports (SciPy besides NumPy for erf and kin, say). */
function codeAbout(code: string, variables: readonly string[], order: number, asked: number): string {
  const returns = order > 1
    ? `A function that returns f and its derivatives by ${variables[0]} up to order ${order}`
    : `A function that returns f and its gradient by ${variables.join(', ')}${asked > 1 ? ` (first derivatives: the order asked for is the answer's, for one variable only)` : ''}`;
  const imports = [...code.matchAll(/^(?:import|from)\s+([\w.]+)/gm)].map((m) => m[1]!);
  const needs = imports.length > 0 ? ` It imports ${imports.join(' and ')}.` : '';
  return `${returns}, every part they share computed once.${needs}`;
}

/** Most variables whose Hessian the page typesets: n(n + 1)/2 second derivatives. */
const mostHessianVariables = 4;
/** Most variables whose gradient the page typesets. */
const mostGradientVariables = 12;

/** ∇f as a column and the Hessian as a matrix, for a function of two variables or more. */
function severalView(o: Computed, state: PageState): AnswerView['several'] {
  const n = o.variables.length;
  if (n < 2) return undefined;
  if (n > mostGradientVariables) return { gradientHtml: '', hessianHtml: '', note: `The gradient is not shown for ${n} variables (at most ${mostGradientVariables}); the code in Backprop computes it.` };
  const by = `\\left(${o.variables.join(', ')}\\right)`;
  const options = { by: o.variables, form: state.form, timeout: codeSeconds };
  const gradientHtml = (components: readonly Derivative[]): string =>
    mathHtml(`\\nabla f${by} = ${vectorIn(components.map((d) => d.result), 'latex')}`, true);
  try {
    if (n > mostHessianVariables) {
      return { gradientHtml: gradientHtml(gradient(o.expr, options).components), hessianHtml: '', note: `The Hessian is shown for at most ${mostHessianVariables} variables.` };
    }
    // The Hessian is worked out from the gradient, which it keeps: neither is worked out twice.
    const h = hessian(o.expr, options);
    const hessianHtml = mathHtml(`H${by} = ${matrixIn(h.entries.map((row) => row.map((d) => d.result)), 'latex')}`, true);
    return { gradientHtml: gradientHtml(h.gradient), hessianHtml, note: `By ${o.variables.join(', ')} in that order; the Hessian's ${h.computed} distinct entries are worked out once each.` };
  } catch (error) {
    return { gradientHtml: '', hessianHtml: '', note: (error as Error).message };
  }
}

/** The implicit derivative typeset, its worked derivation, and the check against the curve in plain words. */
function implicitView(r: Implicit, c: ImplicitCheck, state: PageState): ImplicitView {
  const deferred = new Deferred();
  let curve: CurvePlot | undefined;
  try {
    const plotted = curvePlot(r, { auto: state.autoRange, from: state.from, to: state.to }, state.at, state.values);
    curve = plotted.view;
    curveInView = plotted.tangents;
  } catch {
    // A curve that cannot be evaluated (an abstract function in it) is not plotted; the answer stands.
    curve = undefined;
  }
  const what = r.orders.length === 1 ? 'slope' : 'second difference';
  const detail = {
    verified: `Checked at ${c.points} points of the curve: the answer agrees with the curve's own ${what} there.`,
    failed: c.failure ? `At (${c.failure.at.map((v) => decimalText(v, 4)).join(', ')}) on the curve the answer gives ${decimalText(c.failure.derivative, 4)}, but the curve's ${what} is ${decimalText(c.failure.curve, 4)}.` : '',
    unchecked: r.orders.length > 2 ? 'Not checked: past the second order the curve is not followed closely enough.' : 'Not checked: no point of the curve was found.',
  }[c.verdict];
  return {
    kind: 'implicit',
    input: state.input,
    answerHtml: mathHtml(implicitAnswer(r, 'latex'), true),
    stepsHtml: workedHtml(implicitWorked(r, 'latex'), deferred),
    stepsDeferred: deferred.parts,
    check: { verdict: c.verdict, detail },
    copies: { answerLatex: implicitAnswer(r, 'latex'), answerText: implicitAnswer(r, 'text') },
    ...(curve ? { curve } : {}),
  };
}

/** f(a), f′(a) and the tangent y = f(a) + f′(a)(x − a), exact where they are; the other variables at their plot values. */
function atPointView(o: Computed, state: PageState): AnswerView['atPoint'] {
  if (state.at.trim() === '') return undefined;
  const v = o.variable;
  try {
    const others = o.variables.filter((name) => name !== v).map((name) => `${name}=${state.values[name] ?? 1}`);
    const p = at(o.expr, [`${v}=${state.at}`, ...others].join(','), { by: [v], timeout: codeSeconds });
    const a = p.point.find(([name]) => name === v)![1];
    const where = `\\left(${toLatex(a)}\\right)`;
    const latex = `f${where} = ${valueIn(p.value, 'latex')},\\quad f'${where} = ${valueIn(p.derivatives[0]!.at, 'latex')},\\quad \\text{tangent: } y = ${toLatex(p.tangent)}`;
    return { html: mathHtml(latex), x: evaluate(a, {}), error: '' };
  } catch (error) {
    return { html: '', x: undefined, error: pageMessage(error) };
  }
}

/** J (and det J when square) typeset, each entry's check summed up in plain words. */
function jacobianView(j: Jacobian, checks: readonly CheckReport[], state: PageState): ImplicitView {
  const entries = j.rows.map((row) => row.map((d) => d.result));
  const by = `\\left(${j.variables.join(', ')}\\right)`;
  const det = j.determinant ? `,\\quad \\det J = ${toLatex(j.determinant)}` : '';
  const failed = checks.filter((c) => c.verdict === 'failed').length;
  const verified = checks.filter((c) => c.verdict === 'verified').length;
  const verdict = failed > 0 ? 'failed' : verified === checks.length ? 'verified' : 'unchecked';
  const detail = {
    verified: `Each of the ${checks.length} entries checked against the slope measured at points of its own.`,
    failed: `${failed} of the ${checks.length} entries disagree with the slope measured.`,
    unchecked: `${verified} of the ${checks.length} entries checked; the others had no point where their slope could be measured.`,
  }[verdict];
  return {
    kind: 'jacobian',
    input: state.input,
    answerHtml: mathHtml(`J${by} = ${matrixIn(entries, 'latex')}${det}`, true),
    stepsHtml: '',
    stepsDeferred: [],
    check: { verdict, detail },
    copies: { answerLatex: matrixIn(entries, 'latex'), answerText: matrixIn(entries, 'text') },
  };
}

/**
 * Derivatives in matrix notation: each typeset (∂L/∂W = …), their worked derivations by the
 * differential's rules and the identities that read the derivative off, the check entry by entry,
 * and the code (NumPy, PyTorch or JAX) that computes the value and every derivative.
 */
function matrixView(answer: MatrixAnswer, checks: readonly MatrixCheckReport[], state: PageState): ImplicitView {
  const deferred = new Deferred();
  const latex = answer.derivatives.map((d, k) => `${derivativeNameIn(answer, k, 'latex')} = ${matrixToLatex(d.result)}`);
  const failed = checks.filter((c) => c.verdict === 'failed').length;
  const verified = checks.filter((c) => c.verdict === 'verified').length;
  const verdict = failed > 0 ? 'failed' : verified === checks.length ? 'verified' : 'unchecked';
  const entries = checks.reduce((n, c) => n + c.entries, 0);
  const detail = {
    verified: `Checked entry by entry against finite differences at random ${answer.shapes.size > 1 ? 'values of the declared shapes' : 'values'}: ${entries} entries agree.`,
    failed: `${failed} of the ${checks.length} derivatives disagree with finite differences at random values.`,
    unchecked: `${verified} of the ${checks.length} derivatives checked; the others had no values to compare.`,
  }[verdict];
  const steps = answer.derivatives.map((_, k) => workedHtml(matrixWorked(answer, k, 'latex'), deferred)).join('');
  let code: ImplicitView['code'];
  try {
    const text = generateMatrixCode(answer, { target: state.target });
    code = { text, html: highlighted(text, state.target), error: '', about: `A function that returns the value and its derivative${answer.derivatives.length > 1 ? 's' : ''} by ${answer.derivatives.map((d) => matrixToText(d.by)).join(', ')}, every part they share computed once.` };
  } catch (error) {
    code = { text: '', html: '', error: (error as Error).message, about: '' };
  }
  return {
    kind: 'matrix',
    input: state.input,
    answerHtml: latex.map((l) => mathHtml(l, true)).join(''),
    stepsHtml: steps,
    stepsDeferred: deferred.parts,
    check: { verdict, detail },
    copies: { answerLatex: latex.join(',\quad '), answerText: answer.derivatives.map((d) => matrixToText(d.result)).join('\n') },
    code,
  };
}