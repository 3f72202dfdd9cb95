import type { Trace, TraceRewrite, TraceStep } from '../../src/steps/trace.js';
import { stepNumber } from '../../src/steps/trace.js';
import { capitalise, words } from '../../src/steps/labels.js';
import { toLatex } from '../../src/print/latex.js';
import type { Expr } from '../../src/expr/types.js';
import { math } from './math.js';

/*
 * The derivation as a tree of <details> elements: each rule one collapsible node with its
 * name and (expression)′ = result in the summary, and inside it the rule's general form,
 * what its letters stand for here, the formula, the steps for the parts and the result.
 * Native <details> are keyboard-usable and read out as expandable by screen readers.
 */

/** Levels of the rule tree open at first; deeper steps are one click (or Enter) away. */
const openLevels = 2;

const equation = (left: Expr, right: Expr): string => `${toLatex(left)} = ${toLatex(right)}`;

function html<K extends keyof HTMLElementTagNameMap>(name: K, className?: string, parent?: Element): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (className) node.className = className;
  parent?.appendChild(node);
  return node;
}

function labelled(parent: Element, label: string, latex: string): void {
  const line = html('div', 'line', parent);
  html('span', 'what', line).textContent = label;
  line.appendChild(math(latex));
}

/** Renders the derivation; steps whose numbers are in `failed` are marked as numerically false. */
export function renderTrace(container: HTMLElement, trace: Trace, failed: ReadonlySet<string>): void {
  container.replaceChildren();
  const several = trace.sections.length > 1;
  for (const section of trace.sections) {
    const prefix = several ? `${words.order(section.order)}, ` : '';
    const block = several ? html('details', 'order', container) : container;
    if (block instanceof HTMLDetailsElement) {
      block.open = section.order === trace.sections.length;
      const summary = html('summary', undefined, block);
      summary.append(`${capitalise(words.order(section.order))}: `, math(`\\frac{d}{d${trace.variable}}\\left(${toLatex(section.expr)}\\right)`));
    }
    const list = html('ol', 'steps', block);
    list.appendChild(stepItem(section.root, prefix, failed));
    if (section.rewrites.length > 0) list.appendChild(rewritesItem(section.rewrites, section.simplifyNumber, prefix, failed));
    const result = html('li', 'result', list);
    html('span', 'what', result).textContent = capitalise(words.answer);
    result.appendChild(math(`${toLatex(section.root.derivative)} = ${toLatex(section.result)}`));
  }
}

function stepItem(s: TraceStep, prefix: string, failed: ReadonlySet<string>): HTMLLIElement {
  const item = html('li', 'step');
  const number = stepNumber(s.number);
  const wrong = failed.has(`${prefix}${number}`);
  if (wrong) item.classList.add('failed');
  const details = html('details', undefined, item);
  details.open = s.number.length <= openLevels || wrong;
  const summary = html('summary', undefined, details);
  html('span', 'number', summary).textContent = number;
  html('span', 'rule', summary).textContent = capitalise(s.label);
  if (wrong) html('span', 'mark', summary).textContent = 'fails the numeric check';
  summary.appendChild(math(equation(s.derivative, s.result)));

  const body = html('div', 'body', details);
  labelled(body, 'Rule', equation(...s.form));
  if (s.bindings.length > 0) labelled(body, words.with, s.bindings.map((b) => `${toLatex(b.name)} = ${toLatex(b.value)}`).join(',\\quad '));
  if (s.formula) labelled(body, 'So', equation(s.derivative, s.formula));
  if (s.substeps.length > 0) {
    const list = html('ol', 'steps', body);
    for (const sub of s.substeps) list.appendChild(stepItem(sub, prefix, failed));
    labelled(body, `${capitalise(words.combine)} ${s.substeps.map((sub) => stepNumber(sub.number)).join(', ')}`, equation(s.derivative, s.result));
  }
  return item;
}

function rewritesItem(rewrites: readonly TraceRewrite[], number: readonly number[], prefix: string, failed: ReadonlySet<string>): HTMLLIElement {
  const item = html('li', 'step');
  const details = html('details', undefined, item);
  details.open = true;
  const summary = html('summary', undefined, details);
  html('span', 'number', summary).textContent = stepNumber(number);
  html('span', 'rule', summary).textContent = capitalise(words.simplify);
  const list = html('ol', 'rewrites', details);
  for (const r of rewrites) {
    const row = html('li', 'rewrite', list);
    const rowNumber = stepNumber(r.number);
    if (failed.has(`${prefix}${rowNumber}`)) row.classList.add('failed');
    html('span', 'number', row).textContent = rowNumber;
    html('span', 'rule', row).textContent = capitalise(r.label);
    row.appendChild(math(`= ${toLatex(r.whole)}`));
    if (r.uses) {
      const uses = html('span', 'uses', row);
      uses.append('using ', math(equation(...r.uses)));
    }
  }
  return item;
}
