import 'katex/dist/katex.min.css';
import './style.css';
import { differentiate } from '../../src/api.js';
import { toLatex } from '../../src/print/latex.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { traceToLatex } from '../../src/print/steps-latex.js';
import { traceToText } from '../../src/print/steps-text.js';
import type { Expr } from '../../src/expr/types.js';
import { compute, type Computed, type Outcome } from './compute.js';
import { defaultState, fromHash, maxOrder, toHash, validRange, type PageState } from './state.js';
import { plotData } from './plot.js';
import { renderPlot } from './plot-view.js';
import { renderTrace } from './steps-view.js';
import { showErrorAt } from './input-view.js';
import { math } from './math.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const ui = {
  input: $<HTMLInputElement>('expr'),
  mirror: $('expr-mirror'),
  inputError: $('expr-error'),
  variable: $<HTMLSelectElement>('variable'),
  order: $<HTMLInputElement>('order'),
  form: $<HTMLSelectElement>('form'),
  values: $('values'),
  answer: $('answer'),
  answerError: $('answer-error'),
  check: $('check'),
  checkDetail: $('check-detail'),
  copyStatus: $('copy-status'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  second: $<HTMLInputElement>('second'),
  plot: document.getElementById('plot') as unknown as SVGSVGElement,
  plotNote: $('plot-note'),
  steps: $('steps'),
  stepsNote: $('steps-note'),
  theme: $<HTMLSelectElement>('theme'),
  share: $<HTMLButtonElement>('copy-link'),
};

let state: PageState = location.hash.length > 1 ? fromHash(location.hash) : defaultState;
let outcome: Outcome = { kind: 'empty' };

// ---- controls → state ----

function showState(): void {
  ui.input.value = state.input;
  ui.order.value = String(state.order);
  ui.form.value = state.form;
  ui.from.value = String(state.from);
  ui.to.value = String(state.to);
  ui.second.checked = state.second;
}

function readControls(): void {
  const order = Number(ui.order.value);
  const from = Number(ui.from.value);
  const to = Number(ui.to.value);
  state = {
    ...state,
    input: ui.input.value,
    variable: ui.variable.value,
    order: Number.isInteger(order) && order >= 1 && order <= maxOrder ? order : state.order,
    form: ui.form.value as PageState['form'],
    ...(validRange(from, to) ? { from, to } : {}),
    second: ui.second.checked,
  };
}

let pending: number | undefined;
/** Typing is answered after a short pause, so a long expression is not worked out on every key. */
function scheduleUpdate(delay = 120): void {
  window.clearTimeout(pending);
  pending = window.setTimeout(update, delay);
}

for (const control of [ui.input, ui.order, ui.from, ui.to]) control.addEventListener('input', () => { readControls(); scheduleUpdate(); });
for (const control of [ui.variable, ui.form, ui.second]) control.addEventListener('change', () => { readControls(); update(); });
ui.input.addEventListener('scroll', () => { ui.mirror.scrollLeft = ui.input.scrollLeft; });
window.addEventListener('hashchange', () => {
  if (location.hash === toHash(state)) return;
  state = fromHash(location.hash);
  showState();
  update();
});

// ---- state → page ----

function update(): void {
  window.clearTimeout(pending);
  outcome = compute(state);
  history.replaceState(null, '', toHash(state));
  showInput(outcome);
  // While the input does not parse, what is shown is the last good input's, dimmed.
  document.body.classList.toggle('stale', outcome.kind === 'parse-error');
  showVariables(outcome);
  showAnswer(outcome);
  showPlot(outcome);
  showSteps(outcome);
}

function showInput(o: Outcome): void {
  if (o.kind === 'parse-error') {
    showErrorAt(ui.input, ui.mirror, o.offset);
    ui.inputError.textContent = `${o.error.message} (line ${o.error.line}, column ${o.error.column})`;
  } else {
    showErrorAt(ui.input, ui.mirror, undefined);
    ui.inputError.textContent = '';
  }
}

function showVariables(o: Outcome): void {
  if (o.kind === 'parse-error' || o.kind === 'empty') return;
  const variables = o.variables;
  const chosen = o.kind === 'ok' ? o.variable : state.variable;
  const names = variables.length > 0 ? variables : ['x'];
  ui.variable.replaceChildren(...names.map((name) => new Option(name, name, false, name === chosen)));
  // The other variables get a value for the plot.
  const others = o.kind === 'ok' ? names.filter((n) => n !== chosen) : [];
  const existing = new Map([...ui.values.querySelectorAll('input')].map((i) => [i.dataset.name!, i]));
  ui.values.replaceChildren(...others.map((name) => {
    const label = document.createElement('label');
    const input = existing.get(name) ?? document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.dataset.name = name;
    input.value = String(state.values[name] ?? 1);
    input.oninput = () => {
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) return;
      state = { ...state, values: { ...state.values, [name]: value } };
      scheduleUpdate();
    };
    label.append(`${name} =`, input);
    return label;
  }));
  ui.values.hidden = others.length === 0;
}

/** (expr)′, (expr)″ or the n-th derivative, as LaTeX. */
function derivativeLatex(c: Computed): string {
  const d = c.variable;
  const n = c.derivative.order;
  const wrt = n === 1 ? `\\frac{d}{d${d}}` : `\\frac{d^{${n}}}{d${d}^{${n}}}`;
  return `${wrt}\\left(${toLatex(c.expr)}\\right)`;
}

function showAnswer(o: Outcome): void {
  ui.answerError.textContent = o.kind === 'error' ? o.message : '';
  if (o.kind !== 'ok') {
    if (o.kind !== 'parse-error') ui.answer.replaceChildren();
    if (o.kind !== 'parse-error') showCheck(undefined);
    return;
  }
  ui.answer.replaceChildren(math(`${derivativeLatex(o)} = ${toLatex(o.derivative.result)}`, true));
  showCheck(o);
}

function showCheck(o: Computed | undefined): void {
  const badge = ui.check;
  badge.hidden = o === undefined;
  ui.checkDetail.textContent = o?.verdict.replace(/^check: /, '') ?? '';
  if (!o) return;
  badge.className = `badge ${o.check.verdict}`;
  badge.textContent = {
    verified: `✓ Verified at ${o.check.pointsUsed} points`,
    failed: '✗ Numeric check failed',
    unchecked: '? Not checked numerically',
  }[o.check.verdict];
}

function showPlot(o: Outcome): void {
  if (o.kind !== 'ok') {
    if (o.kind !== 'parse-error') ui.plot.replaceChildren();
    ui.plotNote.textContent = '';
    return;
  }
  const curves: { label: string; expr: Expr }[] = [
    { label: 'f', expr: o.expr },
    { label: 'f′', expr: o.derivative.derivations[0]!.result },
  ];
  let note = '';
  if (state.second) {
    try {
      const second = o.derivative.derivations[1]?.result
        ?? differentiate(o.expr, { variable: o.variable, order: 2, form: state.form }).result;
      curves.push({ label: 'f″', expr: second });
    } catch (error) {
      note = `f″ is not plotted: ${(error as Error).message}`;
    }
  }
  const data = plotData(curves, o.variable, state.from, state.to, state.values);
  renderPlot(ui.plot, data, state.from, state.to, o.variable);
  ui.plot.setAttribute('aria-label', `Plot of ${curves.map((c) => c.label).join(', ')} for ${o.variable} from ${state.from} to ${state.to}`);
  const abstract = /\b[fgh](?:′|'|\()/.test(toUnicode(o.expr)) ? 'f, g and h are plotted with stand-ins: f(t) = e^(t/2), g(t) = sin t, h(t) = cos 2t. ' : '';
  const defined = data.curves.some((c) => c.points.some((p) => Number.isFinite(p.y)));
  ui.plotNote.textContent = `${abstract}${defined ? '' : 'Nothing to plot: the function is undefined or not real over this range. '}${note}`.trim();
}

function showSteps(o: Outcome): void {
  if (o.kind !== 'ok') {
    if (o.kind !== 'parse-error') ui.steps.replaceChildren();
    ui.stepsNote.textContent = '';
    return;
  }
  if (!o.trace) {
    ui.steps.replaceChildren();
    ui.stepsNote.textContent = o.traceOmitted ?? '';
    return;
  }
  ui.stepsNote.textContent = '';
  // Failures name their step as "1.2 chain rule" or "order 2, 1.2 chain rule".
  const failed = new Set(o.check.failures.map((f) => /^((?:order \d+, )?\d+(?:\.\d+)*) /.exec(f.what)?.[1] ?? f.what));
  renderTrace(ui.steps, o.trace, failed);
}

// ---- buttons ----

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    ui.copyStatus.textContent = `Copied ${what}.`;
  } catch {
    ui.copyStatus.textContent = `Could not copy ${what}: the browser did not allow it.`;
  }
}

const copyActions: Record<string, () => [string, string] | undefined> = {
  'copy-answer-latex': () => (outcome.kind === 'ok' ? [toLatex(outcome.derivative.result), 'the LaTeX of the answer'] : undefined),
  'copy-steps-latex': () => (outcome.kind === 'ok' && outcome.trace ? [traceToLatex(outcome.trace), 'the derivation as LaTeX'] : undefined),
  'copy-answer-text': () => (outcome.kind === 'ok' ? [toText(outcome.derivative.result), 'the answer as text'] : undefined),
  'copy-steps-text': () => (outcome.kind === 'ok' && outcome.trace ? [traceToText(outcome.trace), 'the derivation as text'] : undefined),
  'copy-link': () => [location.href, 'the link'],
};
for (const [id, action] of Object.entries(copyActions)) {
  $(id).addEventListener('click', () => {
    const found = action();
    if (found) void copy(...found);
    else ui.copyStatus.textContent = 'Nothing to copy yet.';
  });
}

$('expand-all').addEventListener('click', () => ui.steps.querySelectorAll('details').forEach((d) => { d.open = true; }));
$('collapse-all').addEventListener('click', () => ui.steps.querySelectorAll('details').forEach((d) => { d.open = false; }));

// ---- theme ----

function applyTheme(theme: string): void {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
const savedTheme = localStorage.getItem('dydx-theme') ?? 'auto';
ui.theme.value = savedTheme;
applyTheme(savedTheme);
ui.theme.addEventListener('change', () => {
  localStorage.setItem('dydx-theme', ui.theme.value);
  applyTheme(ui.theme.value);
});

showState();
update();
