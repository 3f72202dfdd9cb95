import {
  capitalise, rewriteGroups, stepNumber, stepRange, toLatex, words, type Expr, type Trace, type TraceRewrite, type TraceStep, type Words, type Worked, type WorkedStep,
} from '../../src/index.js';
import { escapeHtml, mathHtml } from './math.js';
import { latexWithin } from './elide.js';

/*
 * The derivation as a tree of <details> elements: each rule one collapsible node with its
 * name and (expression)′ = result in the summary, and inside it the rule's general form,
 * what its letters stand for here, the formula, the steps for the parts and the result.
 * Native <details> are keyboard-usable and read out as expandable by screen readers.
 * Built as HTML text, so it can be made away from the page (in a worker).
 */

/**
 * Levels of the rule tree open at first; deeper steps are one click (or Enter) away. A derivative
 * of a higher order opens one level of its last order: each of its steps is as long as an answer.
 */
const openLevels = (orders: number): number => (orders > 1 ? 1 : 2);

/**
 * What closed steps hold, kept apart from the page's HTML: a long derivation (tan x to order 30,
 * megabytes of typeset steps) would otherwise be parsed and laid out whole while almost all of it
 * is folded away. A closed step holds a placeholder; the page puts its part in when it is opened.
 */
export class Deferred {
  readonly parts: string[] = [];

  /** The HTML itself where it is open, else a placeholder for it. */
  body(open: boolean, html: string): string {
    if (open || html === '') return html;
    this.parts.push(html);
    return `<div class="deferred" data-deferred="${this.parts.length - 1}"></div>`;
  }
}

const placeholder = /<div class="deferred" data-deferred="(\d+)"><\/div>/g;

/** The HTML with every placeholder filled in, to any depth: the derivation whole, as when every step is open. */
export function withDeferred(html: string, parts: readonly string[]): string {
  return html.replace(placeholder, (_, k: string) => withDeferred(parts[Number(k)]!, parts));
}

/**
 * Past this many characters of LaTeX a side of a step's equation is shown in part (tan x to order
 * 30 has steps of a hundred thousand): the derivation copied or downloaded has it whole.
 */
const mostTypesetSide = 600;

/** An order's heading names what it differentiates in at most this many characters: the steps inside have it whole. */
const mostTypesetTitle = 300;

/** A simplification of more rewrites than this is shown closed, as its line says how it ends. */
const mostOpenRewrites = 12;

const equation = (left: Expr, right: Expr): string => `${latexWithin(left, mostTypesetSide)} = ${latexWithin(right, mostTypesetSide)}`;
const text = escapeHtml;

function line(label: string, latex: string): string {
  return `<div class="line"><span class="what">${text(label)}</span>${mathHtml(latex)}</div>`;
}

/** Whether the numeric check found a step false: by the order of the derivative and the step's number. */
export type FailedStep = (order: number, step: readonly number[]) => boolean;

/** Where a reader's own answer went wrong: the step, the part differentiated there, and the reader's derivative of it. */
export interface YourStep {
  readonly order: number;
  readonly step: readonly number[];
  readonly place: Expr;
  readonly got: Expr;
}

/** The derivation; steps the check found false are marked so, and the reader's mistaken step is shown beside the right one. */
export function traceHtml(trace: Trace, failed: FailedStep, yours?: YourStep, deferred = new Deferred()): string {
  const several = trace.sections.length > 1;
  return trace.sections.map((section) => {
    const failedHere = (step: readonly number[]): boolean => failed(section.order, step);
    const yoursHere = yours?.order === section.order ? yours : undefined;
    const steps = [
      stepHtml(section.root, failedHere, yoursHere, deferred, openLevels(trace.sections.length)),
      section.rewrites.length > 0 ? rewritesHtml(section.rewrites, section.simplifyNumber, failedHere, deferred) : '',
      `<li class="result"><span class="what">${text(capitalise(words.answer))}</span>${mathHtml(equation(section.root.derivative, section.result))}</li>`,
    ].join('');
    const list = `<ol class="steps">${steps}</ol>`;
    if (!several) return list;
    // What an order differentiates, or where that is long, which derivative of the input it is.
    const v = trace.variable;
    const short = toLatex(section.expr);
    const previous = section.order - 1;
    const of = short.length <= mostTypesetTitle || previous < 1
      ? latexWithin(section.expr, mostTypesetTitle)
      : `\\frac{d^{${previous}}}{d${v}^{${previous}}}\\left(${latexWithin(trace.sections[0]!.expr, mostTypesetTitle)}\\right)`;
    const title = `${text(capitalise(words.order(section.order)))}: ${mathHtml(`\\frac{d}{d${v}}\\left(${of}\\right)`)}`;
    const open = section.order === trace.sections.length;
    return `<details class="order"${open ? ' open' : ''}><summary>${title}</summary>${deferred.body(open, list)}</details>`;
  }).join('');
}

function stepHtml(s: TraceStep, failed: (step: readonly number[]) => boolean, yours: YourStep | undefined, deferred: Deferred, levels: number): string {
  const number = stepNumber(s.number);
  const wrong = failed(s.number);
  const mine = yours !== undefined && stepNumber(yours.step) === number;
  // The reader's mistaken step, and every step it lies in, is open.
  const onTheWay = yours !== undefined && stepNumber(yours.step).startsWith(`${number}.`);
  const open = s.number.length <= levels || wrong || mine || onTheWay;
  const summary = [
    `<span class="number">${text(number)}</span>`,
    `<span class="rule">${text(capitalise(s.label))}</span>`,
    wrong ? '<span class="mark">fails the numeric check</span>' : '',
    mine ? '<span class="mark">your answer went wrong here</span>' : '',
    mathHtml(equation(s.derivative, s.result)),
  ].join('');
  const body = [
    mine ? line('Yours', `\\left(${toLatex(yours.place)}\\right)' = ${toLatex(yours.got)}`) : '',
    line('Rule', equation(s.form[0], s.form[1])),
    s.bindings.length > 0 ? line(words.with, s.bindings.map((b) => `${toLatex(b.name)} = ${latexWithin(b.value, mostTypesetSide)}`).join(',\\quad ')) : '',
    s.formula ? line('So', equation(s.derivative, s.formula)) : '',
    s.substeps.length > 0
      ? `<ol class="steps">${s.substeps.map((sub) => stepHtml(sub, failed, yours, deferred, levels)).join('')}</ol>`
        + line(`${capitalise(words.combine)} ${s.substeps.map((sub) => stepNumber(sub.number)).join(', ')}`, equation(s.derivative, s.result))
      : '',
  ].join('');
  return `<li class="step${wrong ? ' failed' : ''}${mine ? ' yours" id="your-step' : ''}"><details${open ? ' open' : ''}><summary>${summary}</summary>${deferred.body(open, `<div class="body">${body}</div>`)}</details></li>`;
}

function rewriteHtml(r: TraceRewrite, failed: (step: readonly number[]) => boolean): string {
  const wrong = failed(r.number);
  const uses = r.uses ? `<span class="uses">using ${mathHtml(equation(r.uses[0], r.uses[1]))}</span>` : '';
  return `<li class="rewrite${wrong ? ' failed' : ''}"><span class="number">${text(stepNumber(r.number))}</span><span class="rule">${text(capitalise(r.label))}</span>${mathHtml(`= ${latexWithin(r.whole, mostTypesetSide)}`)}${uses}</li>`;
}

/**
 * The simplification, each run of tidying rewrites (0·a → 0, adding numbers) folded into one
 * "tidy up" line that opens to show them; open already when the check found one of them false.
 */
function rewritesHtml(rewrites: readonly TraceRewrite[], number: readonly number[], failed: (step: readonly number[]) => boolean, deferred: Deferred): string {
  const rows = rewriteGroups(rewrites).map((group) => {
    if (group.kind === 'one') return rewriteHtml(group.rewrite, failed);
    const wrong = group.rewrites.some((r) => failed(r.number));
    const summary = `<span class="number">${text(stepRange(group.rewrites))}</span><span class="rule">${text(capitalise(words.tidyUp(group.rewrites.length)))}</span>${mathHtml(`= ${latexWithin(group.whole, mostTypesetSide)}`)}`;
    const rows = `<ol class="rewrites">${group.rewrites.map((r) => rewriteHtml(r, failed)).join('')}</ol>`;
    return `<li class="rewrite tidy${wrong ? ' failed' : ''}"><details${wrong ? ' open' : ''}><summary>${summary}</summary>${deferred.body(wrong, rows)}</details></li>`;
  }).join('');
  const summary = `<span class="number">${text(stepNumber(number))}</span><span class="rule">${text(capitalise(words.simplify))}</span>`;
  // A long simplification (each line the whole expression again) is closed until asked for.
  const open = rewrites.length <= mostOpenRewrites || rewrites.some((r) => failed(r.number));
  return `<li class="step"><details${open ? ' open' : ''}><summary>${summary}</summary>${deferred.body(open, `<ol class="rewrites">${rows}</ol>`)}</details></li>`;
}

/** Words with mathematics in them (LaTeX), as HTML. */
const wordsHtml = (words: Words): string => words.map((w) => (typeof w === 'string' ? text(w) : mathHtml(w.math))).join('');

/**
 * A worked derivation (implicit differentiation) as a list: each step its words and equation,
 * its substeps, and the rules' derivation of the derivative it works out, closed.
 */
export function workedHtml(worked: Worked, deferred = new Deferred()): string {
  const step = (s: WorkedStep): string => {
    const equation = s.equation ? mathHtml(`${s.equation[0]} = ${s.equation[1]}`) : '';
    // What the rules differentiate is named: "Derivative of x² + y² by the rules".
    const of = s.trace?.sections[0] ? ` ${mathHtml(toLatex(s.trace.sections[0].expr))}` : '';
    const trace = s.trace
      ? `<details class="worked-trace"><summary>${text(capitalise(words.derivativeOf))}${of} by the rules</summary>${deferred.body(false, traceHtml(s.trace, () => false, undefined, deferred))}</details>`
      : '';
    const substeps = s.substeps ? `<ol class="steps">${s.substeps.map(step).join('')}</ol>` : '';
    // Words that lead to an equation end with a colon: "Solve for y′: y′ = −x/y".
    const lead = s.words.length > 0 && equation !== '' ? ':' : '';
    return `<li class="step worked"><span class="number">${text(s.number)}</span><span class="rule">${wordsHtml(s.words)}${lead}</span> ${equation}${trace}${substeps}</li>`;
  };
  return `<p class="worked-heading">${wordsHtml(worked.heading)}</p><ol class="steps">${worked.steps.map(step).join('')}</ol>`
    + `<p class="result"><span class="what">${text(capitalise(words.answer))}</span>${mathHtml(worked.answer)}</p>`;
}
