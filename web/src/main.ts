import 'katex/dist/katex.min.css';
import './style.css';
import { decimalText } from '../../src/index.js';
import type { AnswerView, ImplicitView, PageView } from './present.js';
import { defaultState, fromHash, maxOrder, toHash, validRange, type PageState } from './state.js';
import { drawTangent, renderPlot } from './plot-view.js';
import { explorable } from './plot-interaction.js';
import { showErrorAt } from './input-view.js';

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
  answerNote: $('answer-note'),
  staleNote: $('stale-note'),
  mine: $<HTMLInputElement>('mine'),
  mineVerdict: $('mine-verdict'),
  mineDetail: $('mine-detail'),
  reading: $('reading'),
  readingMath: $('reading-math'),
  readingNotes: $('reading-notes'),
  answerError: $('answer-error'),
  working: $('working'),
  check: $('check'),
  checkDetail: $('check-detail'),
  copyStatus: $('copy-status'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  alsoFirst: $<HTMLInputElement>('also-first'),
  plot: document.getElementById('plot') as unknown as SVGSVGElement,
  plotNote: $('plot-note'),
  plotReadout: $('plot-readout'),
  steps: $('steps'),
  stepsNote: $('steps-note'),
  theme: $<HTMLSelectElement>('theme'),
  target: $<HTMLSelectElement>('target'),
  outputForm: $('output-form'),
  outputFormNote: $('output-form-note'),
  code: $('code'),
  codeAbout: $('code-about'),
  codeError: $('code-error'),
  at: $<HTMLInputElement>('at'),
  atPoint: $('at-point'),
  atError: $('at-error'),
  several: $('several'),
  gradient: $('gradient'),
  hessian: $('hessian'),
  severalNote: $('several-note'),
};

let state: PageState = location.hash.length > 1 ? fromHash(location.hash) : defaultState;
/** The last answer shown, for the copy buttons; kept while the input does not parse. */
let shown: PageView = { kind: 'empty' };
/** The answer in view, of whatever kind (a derivative, a curve's, a Jacobian), or undefined when there is none. */
const answerInView = (): AnswerView | ImplicitView | undefined => (shown.kind === 'ok' || shown.kind === 'implicit' || shown.kind === 'jacobian' ? shown : undefined);

// ---- controls → state ----

function showState(): void {
  ui.input.value = state.input;
  ui.order.value = String(state.order);
  ui.form.value = state.form;
  ui.from.value = String(state.from);
  ui.to.value = String(state.to);
  ui.alsoFirst.checked = state.alsoFirst;
  ui.mine.value = state.mine;
  ui.target.value = state.target;
  ui.at.value = state.at;
}

function readControls(): void {
  const order = Number(ui.order.value);
  const from = Number(ui.from.value);
  const to = Number(ui.to.value);
  // A control the input has set (d²/dx², d/dt) shows the input's choice, not the page's own.
  state = {
    ...state,
    input: ui.input.value,
    variable: ui.variable.disabled ? state.variable : ui.variable.value,
    order: !ui.order.disabled && Number.isInteger(order) && order >= 1 && order <= maxOrder ? order : state.order,
    form: ui.form.value as PageState['form'],
    ...(validRange(from, to) ? { from, to } : {}),
    alsoFirst: ui.alsoFirst.checked,
    mine: ui.mine.value,
    target: ui.target.value as PageState['target'],
    at: ui.at.value,
  };
}

let pause: number | undefined;
/** Typing is answered after a short pause, so a long expression is not worked out on every key. */
function scheduleUpdate(delay = 120): void {
  window.clearTimeout(pause);
  pause = window.setTimeout(update, delay);
}

for (const control of [ui.input, ui.order, ui.mine, ui.at]) control.addEventListener('input', () => { readControls(); scheduleUpdate(); });
// A range typed in replaces the one chosen from the function, until Reset.
for (const control of [ui.from, ui.to]) control.addEventListener('input', () => { state = { ...state, autoRange: false }; readControls(); scheduleUpdate(); });
$('reset-range').addEventListener('click', () => { state = { ...state, autoRange: true }; update(); });
for (const control of [ui.variable, ui.form, ui.alsoFirst, ui.target]) control.addEventListener('change', () => { readControls(); update(); });
ui.input.addEventListener('scroll', () => { ui.mirror.scrollLeft = ui.input.scrollLeft; });
window.addEventListener('hashchange', () => {
  if (location.hash === toHash(state)) return;
  state = fromHash(location.hash);
  showState();
  update();
});

// ---- the worker ----

let worker: Worker | undefined;
let latest = 0;
let pending = false;
let workingTimer: number | undefined;

function startWorker(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<{ id: number; view: PageView }>) => {
    if (event.data.id !== latest) return;
    pending = false;
    window.clearTimeout(workingTimer);
    ui.working.hidden = true;
    show(event.data.view);
  };
  return w;
}

function update(): void {
  window.clearTimeout(pause);
  history.replaceState(null, '', toHash(state));
  // A worker still busy with older input is stopped: what was typed since replaces it.
  if (pending && worker) {
    worker.terminate();
    worker = undefined;
  }
  worker ??= startWorker();
  pending = true;
  worker.postMessage({ id: ++latest, state });
  window.clearTimeout(workingTimer);
  workingTimer = window.setTimeout(() => { ui.working.hidden = !pending; }, 300);
}

// ---- view → page ----

function show(view: PageView): void {
  showInput(view);
  // While the input does not parse, what is shown is the last good input's: set apart, named as
  // such, without its verdict, and the copy buttons do not copy it.
  document.body.classList.toggle('stale', view.kind === 'parse-error');
  const earlier = answerInView()?.input;
  ui.staleNote.hidden = !(view.kind === 'parse-error' && earlier !== undefined);
  if (view.kind === 'parse-error') {
    if (earlier !== undefined) ui.staleNote.textContent = `Not the answer to what is typed: this is for the last input that could be read, ${earlier}.`;
    ui.check.hidden = true;
    ui.checkDetail.textContent = '';
    return;
  }
  shown = view;
  if (view.kind !== 'implicit' && view.kind !== 'jacobian') showVariables(view);
  ui.answerError.textContent = view.kind === 'error' ? view.message : '';
  if (view.kind !== 'ok') {
    ui.reading.hidden = true;
    ui.order.disabled = false;
    ui.variable.disabled = false;
    ui.order.value = String(state.order);
    ui.answer.replaceChildren();
    ui.answerNote.textContent = '';
    showMine(undefined);
    ui.check.hidden = true;
    ui.checkDetail.textContent = '';
    ui.plot.replaceChildren();
    ui.plot.setAttribute('aria-label', 'No plot: there is no function to plot.');
    ui.plotNote.textContent = '';
    ui.steps.replaceChildren();
    ui.stepsNote.textContent = '';
    showBackprop(undefined);
    showSeveral(undefined);
    showAtPoint(undefined);
    if (view.kind === 'implicit' || view.kind === 'jacobian') showImplicit(view);
    return;
  }
  // d²/dx² or f(t) = … in the input say the order or the variable: the controls show it and wait.
  ui.order.disabled = view.setByInput.order;
  ui.order.value = String(view.setByInput.order ? view.order : state.order);
  ui.variable.disabled = view.setByInput.variable;
  // At order 1 the derivative plotted is f′ already.
  ui.alsoFirst.disabled = view.order <= 1;
  ui.reading.hidden = false;
  ui.readingMath.innerHTML = view.readingHtml;
  ui.readingNotes.textContent = view.readingNotes.length > 0 ? `(${view.readingNotes.join('; ')})` : '';
  ui.answer.innerHTML = view.answerHtml;
  ui.answerNote.textContent = view.answerNote;
  showMine(view.mine);
  ui.check.hidden = false;
  ui.check.className = `badge ${view.check.verdict}`;
  ui.check.textContent = verdictBadges[view.check.verdict];
  ui.checkDetail.textContent = view.check.detail;
  ui.checkDetail.title = view.check.technical;
  drawPlot();
  ui.plot.setAttribute('aria-label', view.plotDescription);
  // A range chosen from the function is shown in the fields, where it can be changed.
  if (state.autoRange) [ui.from.value, ui.to.value] = view.plotRange.map(String) as [string, string];
  ui.plotNote.textContent = view.plotNote;
  ui.steps.innerHTML = view.stepsHtml ?? '';
  ui.stepsNote.textContent = view.stepsNote;
  showBackprop(view.backprop);
  showSeveral(view.several);
  showAtPoint(view.atPoint);
  scrollableByKeyboard();
}

/** y′ on a curve: the answer, its check and its derivation; the plot and the rest are for functions. */
function showImplicit(view: ImplicitView): void {
  ui.answer.innerHTML = view.answerHtml;
  ui.check.hidden = false;
  ui.check.className = `badge ${view.check.verdict}`;
  ui.check.textContent = verdictBadges[view.check.verdict];
  ui.checkDetail.textContent = view.check.detail;
  ui.checkDetail.title = '';
  ui.plotNote.textContent = view.kind === 'implicit'
    ? 'An equation of a curve: its derivative is found by implicit differentiation, and the curve is not plotted.'
    : 'A vector of functions: its Jacobian is shown, and nothing is plotted.';
  ui.steps.innerHTML = view.stepsHtml;
  scrollableByKeyboard();
}

/** The tangent asked for: exact values typeset, and drawn on the plot (where the pointer is not). */
function showAtPoint(p: AnswerView['atPoint']): void {
  ui.atPoint.innerHTML = p?.html ?? '';
  ui.atError.textContent = p?.error ?? '';
  // A point asked for places the tangent; without one, the pointer's stays where it was.
  if (p) tangentX = p.x;
  showTangent();
}

function showSeveral(s: AnswerView['several']): void {
  ui.several.hidden = s === undefined;
  ui.gradient.innerHTML = s?.gradientHtml ?? '';
  ui.hessian.innerHTML = s?.hessianHtml ?? '';
  ui.severalNote.textContent = s?.note ?? '';
}

function showBackprop(b: AnswerView['backprop'] | undefined): void {
  ui.outputForm.innerHTML = b?.formHtml || (b ? '<span class="detail">none</span>' : '');
  ui.outputFormNote.textContent = b?.formNote ?? '';
  ui.code.innerHTML = b?.codeHtml ?? '';
  ui.codeError.textContent = b?.codeError ?? '';
  ui.codeAbout.textContent = b && b.code !== ''
    ? `A function that returns f and its gradient by ${b.variables.join(', ')}, every part they share computed once.`
    : '';
}

/**
 * An equation too wide for the screen scrolls in its own box; such a box takes the keyboard's
 * focus, so it can be scrolled with the arrow keys too. Looked at again whenever widths may
 * change: the page's width, KaTeX's fonts arriving, a step opened.
 */
let widthsChecked: number | undefined;
function scrollableByKeyboard(): void {
  if (widthsChecked !== undefined) return;
  widthsChecked = requestAnimationFrame(() => {
    widthsChecked = undefined;
    for (const box of document.querySelectorAll<HTMLElement>('.math')) {
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    }
  });
}
void document.fonts.ready.then(scrollableByKeyboard);
// toggle does not bubble: it is caught on its way down.
document.addEventListener('toggle', scrollableByKeyboard, true);

const verdictBadges = { verified: '✓ Verified numerically', failed: '✗ Numeric check failed', unchecked: '? Not checked numerically' } as const;

/** The check of the reader's own derivative: a badge with the verdict, and what was found, line by line. */
function showMine(mine: AnswerView['mine']): void {
  ui.mineVerdict.hidden = mine === undefined;
  ui.mineDetail.textContent = mine ? mine.lines.join('\n') : '';
  if (!mine) return;
  ui.mineVerdict.className = `badge ${{ correct: 'verified', incorrect: 'failed', undecided: 'unchecked', error: 'failed' }[mine.verdict]}`;
  ui.mineVerdict.textContent = { correct: '✓ Correct', incorrect: '✗ Incorrect', undecided: '? Undecided', error: '✗ Cannot read it' }[mine.verdict];
}

function drawPlot(): void {
  if (shown.kind !== 'ok') return;
  renderPlot(ui.plot, shown.plot, ...shown.plotRange, shown.variable);
  showTangent();
}

/** Where the tangent is drawn, kept while the plot is redrawn (zoomed, panned, another input). */
let tangentX: number | undefined;
const short = (x: number): string => decimalText(x, 4);
/** The tangent at tangentX, and its numbers in words under the plot. */
function showTangent(): void {
  const value = shown.kind === 'ok' && tangentX !== undefined ? drawTangent(ui.plot, shown.plot, tangentX) : undefined;
  if (!value || shown.kind !== 'ok') {
    if (tangentX === undefined) ui.plotReadout.textContent = '';
    else ui.plotReadout.textContent = shown.kind === 'ok' ? `No tangent at ${shown.variable} = ${short(tangentX)}: f or f′ has no value there.` : '';
    return;
  }
  const v = shown.variable;
  ui.plotReadout.textContent = `At ${v} = ${short(value.x)}: f(${v}) = ${short(value.y)}, f′(${v}) = ${short(value.slope)}; `
    + `the tangent there is y = ${short(value.y)} ${value.slope < 0 ? '−' : '+'} ${short(Math.abs(value.slope))}·(${v} ${value.x < 0 ? '+' : '−'} ${short(Math.abs(value.x))}).`;
}

explorable(ui.plot, {
  range: () => (shown.kind === 'ok' ? shown.plotRange : [state.from, state.to]),
  setRange: (from, to) => {
    if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to)) return;
    // Rounded as a person would type them; a range too narrow to round apart stays as it is.
    const [a, b] = [Number(from.toPrecision(4)), Number(to.toPrecision(4))];
    if (!(b > a)) return;
    state = { ...state, autoRange: false, from: a, to: b };
    [ui.from.value, ui.to.value] = [String(a), String(b)];
    scheduleUpdate(30);
  },
  reset: () => {
    state = { ...state, autoRange: true };
    update();
  },
  // Where the pointer leaves, the tangent goes back to the point asked for, if any.
  pointAt: (x) => {
    tangentX = x ?? (shown.kind === 'ok' ? shown.atPoint?.x : undefined);
    showTangent();
  },
});
// Redrawn when its width changes (a phone turned, a window resized), so its text keeps its size.
let plotWidth = 0;
new ResizeObserver(() => {
  if (Math.abs(ui.plot.clientWidth - plotWidth) < 1) return;
  plotWidth = ui.plot.clientWidth;
  drawPlot();
  scrollableByKeyboard();
}).observe(ui.plot);

function showInput(view: PageView): void {
  if (view.kind === 'parse-error') {
    showErrorAt(ui.input, ui.mirror, view.offset);
    ui.inputError.textContent = `${view.message} (line ${view.line}, column ${view.column})`;
  } else {
    showErrorAt(ui.input, ui.mirror, undefined);
    ui.inputError.textContent = '';
  }
}

function showVariables(view: PageView): void {
  if (view.kind !== 'ok' && view.kind !== 'error') return;
  const chosen = view.kind === 'ok' ? view.variable : state.variable;
  const names = view.variables.length > 0 ? view.variables : ['x'];
  ui.variable.replaceChildren();
  for (const name of names) ui.variable.append(new Option(name, name, false, name === chosen));
  // The other variables get a value for the plot.
  const others = view.kind === 'ok' ? names.filter((n) => n !== chosen) : [];
  ui.values.replaceChildren();
  for (const label of others.map((name) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.dataset.name = name;
    input.value = String(state.values[name] ?? 1);
    input.addEventListener('input', () => {
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) return;
      state = { ...state, values: { ...state.values, [name]: value } };
      scheduleUpdate();
    });
    label.append(`${name} =`, input);
    return label;
  })) ui.values.append(label);
  ui.values.hidden = others.length === 0;
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

/** Whether the answer in view belongs to an earlier input, the one typed not parsing. */
const isStale = (): boolean => document.body.classList.contains('stale');
const staleReason = 'the input does not parse, and the answer in view is for an earlier one';

const copyActions: Record<string, () => [string | undefined, string]> = {
  'copy-answer-latex': () => [answerInView()?.copies.answerLatex, 'the LaTeX of the answer'],
  'copy-steps-latex': () => [shown.kind === 'ok' ? shown.copies.stepsLatex : undefined, 'the derivation as LaTeX'],
  'copy-answer-text': () => [answerInView()?.copies.answerText, 'the answer as text'],
  'copy-steps-text': () => [shown.kind === 'ok' ? shown.copies.stepsText : undefined, 'the derivation as text'],
  'copy-link': () => [location.href, 'the link'],
  'copy-code': () => [shown.kind === 'ok' && shown.backprop.code !== '' ? shown.backprop.code : undefined, 'the code'],
};
for (const [id, action] of Object.entries(copyActions)) {
  $(id).addEventListener('click', () => {
    const [text, what] = action();
    if (id !== 'copy-link' && isStale()) ui.copyStatus.textContent = `Nothing copied: ${staleReason}.`;
    else if (text !== undefined) void copy(text, what);
    else ui.copyStatus.textContent = `Nothing to copy: ${what} is not shown.`;
  });
}

// The answer as a text file, LaTeX after the text: for answers too long to copy by hand or to show whole.
$('download-answer').addEventListener('click', () => {
  if (shown.kind !== 'ok' || isStale()) {
    ui.copyStatus.textContent = `Nothing to download: ${shown.kind !== 'ok' ? 'no answer is shown' : staleReason}.`;
    return;
  }
  const file = new Blob([`${shown.copies.answerText}\n\n${shown.copies.answerLatex}\n`], { type: 'text/plain' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = 'derivative.txt';
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  ui.copyStatus.textContent = 'Downloaded the answer as derivative.txt (text, then LaTeX).';
});

// An example replaces the input; the other choices are kept.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
  button.addEventListener('click', () => {
    ui.input.value = button.dataset.example!;
    readControls();
    update();
    ui.input.focus();
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
