import 'katex/dist/katex.min.css';
import './style.css';
import type { AnswerView, ImplicitView, PageView } from './present.js';
import type { GraphView } from './graph-view.js';
import { defaultState, fromHash as fromHashWith, maxOrder, toHash, validRange, type PageState } from './state.js';
import { drawTangent, renderPlot } from './plot-view.js';
import type { PlotData } from './plot.js';
import { explorable } from './plot-interaction.js';
import { showErrorAt } from './input-view.js';
import { parsed, SlicedInsertion } from './in-slices.js';
import { noTexts, unpackText, type PackedTexts } from './packed-texts.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const ui = {
  input: $<HTMLInputElement>('expr'),
  mirror: $('expr-mirror'),
  inputError: $('expr-error'),
  variable: $<HTMLSelectElement>('variable'),
  order: $<HTMLInputElement>('order'),
  shapes: $<HTMLInputElement>('shapes'),
  form: $<HTMLSelectElement>('form'),
  values: $('values'),
  answer: $('answer'),
  answerNote: $('answer-note'),
  staleNote: $('stale-note'),
  mine: $<HTMLInputElement>('mine'),
  mineVerdict: $('mine-verdict'),
  mineDetail: $('mine-detail'),
  mineSentence: $('mine-sentence'),
  mineMore: $('mine-more'),
  reading: $('reading'),
  readingMath: $('reading-math'),
  readingNotes: $('reading-notes'),
  answerError: $('answer-error'),
  working: $('working'),
  workingWhat: $('working-what'),
  check: $('check'),
  checkDetail: $('check-detail'),
  copyStatus: $('copy-status'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  alsoFirst: $<HTMLInputElement>('also-first'),
  plot: document.getElementById('plot') as unknown as SVGSVGElement,
  plotNote: $('plot-note'),
  fitCurve: $<HTMLButtonElement>('fit-curve'),
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
  plotSection: $('plot-section'),
  backpropSection: $('backprop-section'),
  graphSection: $('graph-section'),
  graph: $('graph'),
  graphPoint: $('graph-point'),
  graphStep: $('graph-step'),
  graphStatus: $('graph-status'),
  graphGradient: $('graph-gradient'),
  graphDescription: $('graph-description'),
  graphError: $('graph-error'),
  graphButtons: { start: $<HTMLButtonElement>('graph-start'), back: $<HTMLButtonElement>('graph-back'), next: $<HTMLButtonElement>('graph-next'), end: $<HTMLButtonElement>('graph-end') },
};

/** A link's state, its form and code target among those the selectors list (the library's: a test sees to it). */
const fromHash = (hash: string): PageState => fromHashWith(hash, {
  forms: Array.from(ui.form.options, (o) => o.value),
  targets: Array.from(ui.target.options, (o) => o.value),
});
let state: PageState = location.hash.length > 1 ? fromHash(location.hash) : defaultState;

/**
 * HTML put in place only when it changes: zooming the plot brings the same answer and derivation
 * back from the worker, and parsing megabytes of typeset steps again would freeze the page.
 */
function setHtml(element: Element, html: string): void {
  if (htmlShown.get(element) === html) return;
  htmlShown.set(element, html);
  element.innerHTML = html;
}
const htmlShown = new WeakMap<Element, string>();

/** What the closed steps of the derivation in view hold (see Deferred in steps-html.ts). */
let stepsDeferred: PackedTexts = noTexts;

/**
 * A closed step's placeholder filled with what it holds, when the step is opened: a slice at a time
 * where that is long (an earlier order of tan x to order 30), unless something is put in already.
 */
function fillDeferred(details: HTMLDetailsElement): void {
  const placeholder = details.querySelector<HTMLElement>(':scope > .deferred');
  if (!placeholder) return;
  const part = unpackText(stepsDeferred, Number(placeholder.dataset.deferred));
  if (part === undefined) return;
  if (part.length <= stepsAtOnce || insertion) {
    placeholder.replaceWith(parsed(part));
    return;
  }
  placeholder.remove();
  const slices = new SlicedInsertion(ui.steps);
  slices.add(details, part);
  inSlices(slices, undefined);
}
/** The last answer shown, for the copy buttons; kept while the input does not parse. */
let shown: PageView = { kind: 'empty' };
/** The answer in view, of whatever kind (a derivative, a curve's, a Jacobian), or undefined when there is none. */
const answerInView = (): AnswerView | ImplicitView | undefined => (shown.kind === 'ok' || shown.kind === 'implicit' || shown.kind === 'jacobian' || shown.kind === 'matrix' ? shown : undefined);

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
  ui.shapes.value = state.shapes;
}

function readControls(): void {
  const order = Number(ui.order.value);
  const from = Number(ui.from.value);
  const to = Number(ui.to.value);
  const before = state;
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
    shapes: ui.shapes.value,
  };
  // A curve fitted in the plot was one of that function's: another function is plotted to f's scale.
  if (state.input !== before.input || state.order !== before.order || state.variable !== before.variable) state = { ...state, scaledBy: 0 };
}

let pause: number | undefined;
/** Typing is answered after a short pause, so a long expression is not worked out on every key. */
function scheduleUpdate(delay = 120): void {
  window.clearTimeout(pause);
  markAsking();
  pause = window.setTimeout(update, delay);
}

for (const control of [ui.input, ui.order, ui.mine, ui.at, ui.shapes]) control.addEventListener('input', () => { readControls(); scheduleUpdate(); });
// A range typed in replaces the one chosen from the function, until Reset.
for (const control of [ui.from, ui.to]) control.addEventListener('input', () => { state = { ...state, autoRange: false }; readControls(); scheduleUpdate(); });
$('reset-range').addEventListener('click', () => { state = { ...state, autoRange: true, scaledBy: 0 }; update(); });
// A curve off the scale is fitted: the y range made for it (f's again, where f is then off it).
let fitOffered: AnswerView['plotFit'];
function showFit(fit: AnswerView['plotFit']): void {
  fitOffered = fit;
  ui.fitCurve.hidden = fit === undefined;
  if (fit) ui.fitCurve.textContent = `Fit ${fit.label} in the plot`;
}
ui.fitCurve.addEventListener('click', () => {
  if (!fitOffered) return;
  state = { ...state, scaledBy: fitOffered.scaledBy };
  update();
});
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
/** Whether the worker has loaded its work (it says so), and since when it has been busy. */
let workerReady = false;
let busySince = 0;
/**
 * A worker busy with older input for longer than this is stopped and a new one started; a
 * quicker one is left to finish, its answer dropped: starting a worker costs loading the
 * library again, more than most answers take.
 */
const stopBusyAfterMs = 300;
let workingTimer: number | undefined;

/** What an answer depends on: the state but for the plot's range and scale and the backward pass's step, which change no answer. */
const answerKey = (s: PageState): string => JSON.stringify({ ...s, autoRange: undefined, from: undefined, to: undefined, graphStep: undefined, scaledBy: undefined });
/** Whether the answer in view is set apart because its successor was stopped (not because the input does not parse). */
let stopped = false;

/** The key of the answer in view, and of the one asked for. */
let shownKey: string | undefined;
let askedKey: string | undefined;

/**
 * From the moment something is typed that changes the answer, the answer in view is for what
 * was asked before: it is not copied. Whether it changes: the state now against the one shown.
 */
function markAsking(): boolean {
  const changes = shownKey !== undefined && answerKey(state) !== shownKey;
  document.body.classList.toggle('asking', changes);
  return changes;
}

function startWorker(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  workerReady = false;
  w.onmessage = (event: MessageEvent<{ id: number; view: PageView; deferred?: PackedTexts } | { kind: 'at'; id: number; value: TangentValue | undefined; readout: string } | { kind: 'ready' }>) => {
    if ('kind' in event.data && event.data.kind === 'ready') {
      workerReady = true;
      return;
    }
    if ('kind' in event.data) {
      if (event.data.id === exactAsked) showReadout(event.data.value, event.data.readout);
      return;
    }
    if (event.data.id !== latest) return;
    pending = false;
    window.clearTimeout(workingTimer);
    shownKey = askedKey;
    document.body.classList.remove('pending');
    show(event.data.view, event.data.deferred ?? noTexts);
    // Work goes on while a long derivation is put in place: the page is done when it is.
    showWorking();
  };
  return w;
}

function update(): void {
  window.clearTimeout(pause);
  history.replaceState(null, '', toHash(state));
  // A worker long busy with older input is stopped: what was typed since replaces it. One still
  // loading, or about to answer, is not: its answer is dropped, and the new input follows it.
  if (pending && worker && workerReady && performance.now() - busySince > stopBusyAfterMs) {
    worker.terminate();
    worker = undefined;
    busySince = performance.now();
  }
  worker ??= startWorker();
  if (!pending) busySince = performance.now();
  pending = true;
  askedKey = answerKey(state);
  // The answer in view is for what was asked before: it is not copied, and, if the new one is
  // slow to come, it is set apart and its verdict hidden.
  const answerChanges = markAsking();
  worker.postMessage({ id: ++latest, state });
  window.clearTimeout(workingTimer);
  workingTimer = window.setTimeout(() => {
    showWorking();
    document.body.classList.toggle('pending', pending && answerChanges);
  }, 300);
}

/**
 * What the page is busy with, if anything: the worker with an answer, or putting a long
 * derivation in place (or opening its steps) a slice at a time.
 */
function showWorking(): void {
  ui.working.hidden = !pending && insertion === undefined;
  ui.workingWhat.textContent = pending ? 'Working on it…'
    : insertion?.opening !== undefined ? 'Opening the steps…' : 'Putting the derivation in place…';
}

// A slow answer can be given up: the worker is stopped, and the answer in view stays set apart.
// Steps being put in place or opened stop where they are.
$('cancel-working').addEventListener('click', () => {
  if (!pending && insertion) {
    stopInsertion();
    return;
  }
  if (!pending || !worker) return;
  worker.terminate();
  worker = undefined;
  pending = false;
  window.clearTimeout(workingTimer);
  showWorking();
  if (document.body.classList.contains('asking')) {
    document.body.classList.remove('pending', 'asking');
    document.body.classList.add('stale');
    const earlier = answerInView()?.input;
    ui.staleNote.hidden = false;
    ui.staleNote.textContent = `Stopped: the answer below is not for what is asked now${earlier === undefined ? '' : `, but for ${earlier}`}.`;
    stopped = true;
  }
});

// ---- view → page ----

/** A view from the worker, with what its closed steps hold (its own stepsDeferred is empty). */
function show(view: PageView, deferred: PackedTexts): void {
  showInput(view);
  document.body.classList.remove('asking');
  stopped = false;
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
  // A Jacobian or no answer at all has no plot, and only a function a backward pass: those sections go.
  ui.plotSection.hidden = view.kind !== 'ok' && !(view.kind === 'implicit' && view.curve);
  ui.backpropSection.hidden = view.kind !== 'ok';
  ui.graphSection.hidden = view.kind !== 'ok' || view.graph === undefined;
  if (view.kind !== 'implicit' && view.kind !== 'jacobian' && view.kind !== 'matrix') showVariables(view);
  ui.answerError.textContent = view.kind === 'error' ? view.message : '';
  if (view.kind !== 'ok') {
    ui.reading.hidden = true;
    ui.order.disabled = false;
    ui.variable.disabled = false;
    ui.order.value = String(state.order);
    setHtml(ui.answer, '');
    ui.answerNote.textContent = '';
    showMine(undefined);
    ui.check.hidden = true;
    ui.checkDetail.textContent = '';
    ui.plot.replaceChildren();
    ui.plot.setAttribute('aria-label', 'No plot: there is no function to plot.');
    ui.plotNote.textContent = '';
    showFit(undefined);
    showSteps('', noTexts);
    ui.stepsNote.textContent = '';
    showBackprop(undefined);
    showSeveral(undefined);
    showAtPoint(undefined);
    if (view.kind === 'implicit' || view.kind === 'jacobian' || view.kind === 'matrix') showImplicit(view, deferred);
    return;
  }
  // d²/dx² or f(t) = … in the input say the order or the variable: the controls show it and wait.
  ui.order.disabled = view.setByInput.order;
  ui.order.value = String(view.setByInput.order ? view.order : state.order);
  ui.variable.disabled = view.setByInput.variable;
  // At order 1 the derivative plotted is f′ already.
  ui.alsoFirst.disabled = view.order <= 1;
  ui.reading.hidden = false;
  setHtml(ui.readingMath, view.readingHtml);
  ui.readingNotes.textContent = view.readingNotes.length > 0 ? `(${view.readingNotes.join('; ')})` : '';
  setHtml(ui.answer, view.answerHtml);
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
  showFit(view.plotFit);
  showSteps(view.stepsHtml ?? '', deferred);
  ui.stepsNote.textContent = view.stepsNote;
  showBackprop(view.backprop);
  showSeveral(view.several);
  showAtPoint(view.atPoint);
  showGraph(view.graph);
  scrollableByKeyboard();
}

// ---- the backward pass on the graph ----

/** The graph in view, with its steps; stepping is the page's own, with no new work for the worker. */
let graphShown: GraphView | undefined;

function showGraph(g: AnswerView['graph']): void {
  graphShown = g && 'svg' in g ? g : undefined;
  ui.graphError.textContent = g && 'error' in g ? g.error : '';
  setHtml(ui.graph, graphShown?.svg ?? '');
  setHtml(ui.graphGradient, graphShown ? `<span class="label">The inputs' adjoints are the gradient:</span> ${graphShown.gradientHtml}` : '');
  ui.graphDescription.textContent = graphShown?.description ?? '';
  showGraphPoint(graphShown?.values ?? []);
  showGraphStep();
}

/** A field for each variable's value at the point; a value typed is the plot's too. */
function showGraphPoint(values: readonly { name: string; value: number }[]): void {
  const names = values.map((v) => v.name).join(',');
  if (ui.graphPoint.dataset.names === names) return;
  ui.graphPoint.dataset.names = names;
  ui.graphPoint.replaceChildren(Object.assign(document.createElement('legend'), { textContent: 'At' }));
  for (const { name, value } of values) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.value = String(value);
    input.dataset.name = name;
    input.addEventListener('input', () => {
      const x = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(x)) return;
      state = { ...state, values: { ...state.values, [name]: x } };
      scheduleUpdate();
    });
    label.append(`${name} =`, input);
    ui.graphPoint.append(label);
  }
}

/** The steps of the backward pass done so far: their nodes' adjoints shown, the last one's edges lit and its sum written out. */
function showGraphStep(): void {
  const g = graphShown;
  const total = g?.steps.length ?? 0;
  const step = Math.min(state.graphStep, total);
  const svg = ui.graph.querySelector('svg');
  svg?.querySelectorAll('.done, .current, .active').forEach((e) => e.classList.remove('done', 'current', 'active'));
  if (!g || !svg) {
    setHtml(ui.graphStep, '');
    ui.graphStatus.textContent = '';
    return;
  }
  g.steps.slice(0, step).forEach((s, k) => {
    const node = svg.querySelector(`[data-node="${s.node}"]`);
    node?.classList.add(k === step - 1 ? 'current' : 'done');
  });
  const current = step > 0 ? g.steps[step - 1] : undefined;
  for (const edge of current?.edges ?? []) svg.querySelector(`[data-edge="${edge}"]`)?.classList.add('active');
  setHtml(ui.graphStep, current?.html ?? '<p class="detail">The forward pass: every node\'s value at the point, under it. Step through the backward pass with Next step.</p>');
  ui.graphStatus.textContent = current ? `Step ${step} of ${total}: ${current.text}` : `Forward pass at ${g.point}; the backward pass has ${total} steps.`;
  ui.graphButtons.start.disabled = step === 0;
  ui.graphButtons.back.disabled = step === 0;
  ui.graphButtons.next.disabled = step === total;
  ui.graphButtons.end.disabled = step === total;
  // The node of the step in view, where the graph scrolls.
  svg.querySelector('.current')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function goToGraphStep(step: number): void {
  const total = graphShown?.steps.length ?? 0;
  state = { ...state, graphStep: Math.max(0, Math.min(total, step)) };
  history.replaceState(null, '', toHash(state));
  showGraphStep();
}
ui.graphButtons.start.addEventListener('click', () => goToGraphStep(0));
ui.graphButtons.back.addEventListener('click', () => goToGraphStep(state.graphStep - 1));
ui.graphButtons.next.addEventListener('click', () => goToGraphStep(state.graphStep + 1));
ui.graphButtons.end.addEventListener('click', () => goToGraphStep(graphShown?.steps.length ?? 0));

/** y′ on a curve: the answer, its check and its derivation; the plot and the rest are for functions. */
function showImplicit(view: ImplicitView, deferred: PackedTexts): void {
  setHtml(ui.answer, view.answerHtml);
  ui.check.hidden = false;
  ui.check.className = `badge ${view.check.verdict}`;
  ui.check.textContent = verdictBadges[view.check.verdict];
  ui.checkDetail.textContent = view.check.detail;
  ui.checkDetail.title = '';
  showCurve(view.curve);
  showSteps(view.stepsHtml, deferred);
  // Matrix notation has code of its own: the Backprop section shows it, with nothing in terms of the output.
  if (view.code) {
    ui.backpropSection.hidden = false;
    setHtml(ui.outputForm, '<span class="detail">none in matrix notation</span>');
    ui.outputFormNote.textContent = '';
    setHtml(ui.code, view.code.html);
    ui.codeError.textContent = view.code.error;
    ui.codeAbout.textContent = view.code.about;
  }
  scrollableByKeyboard();
}

/** The curve an equation gives, plotted as the plot of a function is, with the tangent at the point asked for. */
function showCurve(curve: ImplicitView['curve']): void {
  if (!curve) return;
  ui.alsoFirst.disabled = true;
  drawPlot();
  ui.plot.setAttribute('aria-label', curve.description);
  if (state.autoRange) [ui.from.value, ui.to.value] = curve.range.map(String) as [string, string];
  ui.plotNote.textContent = curve.note;
  setHtml(ui.atPoint, '');
  ui.atError.textContent = curve.at && 'error' in curve.at ? curve.at.error : '';
  // A point asked for places the tangent (none, when the curve has no point there); without one, the pointer's stays.
  if (curve.at) [tangentX, tangentY] = ['error' in curve.at ? undefined : curve.at.x, undefined];
  curveTangent = curve.at && !('error' in curve.at) ? curve.at : undefined;
  showTangent();
}

/**
 * The derivation (or a long step of it) being put in place a slice at a time, or its steps being
 * opened (`opening`: the Expand all it answers), while that lasts: a long one would otherwise hold
 * up the page for a quarter of a second or more.
 */
let insertion: { readonly slices: SlicedInsertion; readonly opening: number | undefined } | undefined;
/** Up to this many characters a derivation is put in place at once; a longer one, a slice at a time. */
const stepsAtOnce = 30_000;

function showSteps(html: string, deferred: PackedTexts): void {
  if (htmlShown.get(ui.steps) === html) return;
  // Steps being opened or put in place one slice at a time are of the derivation replaced: that stops.
  expandAsked++;
  insertion?.slices.stop();
  insertion = undefined;
  ui.steps.removeAttribute('aria-busy');
  stepsDeferred = deferred;
  htmlShown.set(ui.steps, html);
  if (html.length <= stepsAtOnce) {
    ui.steps.innerHTML = html;
    scrollableByKeyboard(ui.steps);
    return;
  }
  ui.steps.replaceChildren();
  const slices = new SlicedInsertion(ui.steps);
  slices.add(ui.steps, html);
  inSlices(slices, undefined);
}

/**
 * Steps put in place a slice at a time: marked busy while it lasts, for assistive technology and
 * whoever waits for the whole derivation; once all of it is in, its formulas too wide are marked.
 */
function inSlices(slices: SlicedInsertion, opening: number | undefined): void {
  const current = { slices, opening };
  insertion = current;
  ui.steps.setAttribute('aria-busy', 'true');
  void slices.done.then((whole) => {
    if (!whole || insertion !== current) return;
    insertion = undefined;
    ui.steps.removeAttribute('aria-busy');
    scrollableByKeyboard(ui.steps);
    showWorking();
  });
}

/**
 * Stop pressed while steps come in: what is in place stays. A derivation cut short says so at its
 * end, with a button that puts all of it in place again; steps being opened are just left closed.
 */
function stopInsertion(): void {
  const current = insertion;
  if (!current) return;
  current.slices.stop();
  insertion = undefined;
  ui.steps.removeAttribute('aria-busy');
  showWorking();
  scrollableByKeyboard(ui.steps);
  if (current.opening !== undefined) return;
  const html = htmlShown.get(ui.steps);
  const note = document.createElement('p');
  note.className = 'detail cut-short';
  note.textContent = 'The rest of the derivation was stopped. ';
  const rest = document.createElement('button');
  rest.type = 'button';
  rest.textContent = 'Show all of it';
  rest.addEventListener('click', () => {
    htmlShown.delete(ui.steps);
    if (html !== undefined) showSteps(html, stepsDeferred);
  });
  note.append(rest);
  ui.steps.append(note);
}

/** The tangent asked for: exact values typeset, and drawn on the plot (where the pointer is not). */
function showAtPoint(p: AnswerView['atPoint']): void {
  setHtml(ui.atPoint, p?.html ?? '');
  ui.atError.textContent = p?.error ?? '';
  // A point asked for places the tangent; without one, the pointer's stays where it was.
  if (p) tangentX = p.x;
  showTangent();
}

function showSeveral(s: AnswerView['several']): void {
  ui.several.hidden = s === undefined;
  setHtml(ui.gradient, s?.gradientHtml ?? '');
  setHtml(ui.hessian, s?.hessianHtml ?? '');
  ui.severalNote.textContent = s?.note ?? '';
}

function showBackprop(b: AnswerView['backprop'] | undefined): void {
  setHtml(ui.outputForm, b?.formHtml || (b ? '<span class="detail">none</span>' : ''));
  ui.outputFormNote.textContent = b?.formNote ?? '';
  setHtml(ui.code, b?.codeHtml ?? '');
  ui.codeError.textContent = b?.codeError ?? '';
  ui.codeAbout.textContent = b && b.code !== '' ? b.codeAbout : '';
}

/**
 * An equation too wide for the screen scrolls in its own box; such a box takes the keyboard's
 * focus, so it can be scrolled with the arrow keys too, and is marked so that it shows it scrolls.
 * Looked at again whenever widths may change (the page's width, KaTeX's fonts arriving, a step
 * opened), a few hundred boxes a frame, every width read before any box is marked: one layout a
 * frame, not one per box, however long the derivation.
 */
const boxesToMeasure = new Set<HTMLElement>();
let measuring = false;
function scrollableByKeyboard(root: ParentNode = document): void {
  for (const box of root.querySelectorAll<HTMLElement>('.math')) boxesToMeasure.add(box);
  if (measuring) return;
  measuring = true;
  requestIdleCallback(measureWhileIdle);
}
/** Boxes measured while the page has nothing else to do, a batch at a time. */
function measureWhileIdle(deadline: IdleDeadline): void {
  do measureSome(); while (boxesToMeasure.size > 0 && deadline.timeRemaining() > 10);
  if (boxesToMeasure.size > 0) requestIdleCallback(measureWhileIdle);
  else measuring = false;
}
const boxesPerBatch = 60;
function measureSome(): void {
  const batch: HTMLElement[] = [];
  for (const box of boxesToMeasure) {
    boxesToMeasure.delete(box);
    if (box.isConnected) batch.push(box);
    if (batch.length === boxesPerBatch) break;
  }
  const wide = batch.map((box) => box.scrollWidth > box.clientWidth + 1);
  batch.forEach((box, i) => {
    if (box.classList.contains('scrolls') === wide[i]) return;
    box.classList.toggle('scrolls', wide[i]!);
    if (wide[i]) {
      box.tabIndex = 0;
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', 'Equation wider than the page, scrolls sideways');
      const cue = document.createElement('span');
      cue.className = 'scroll-cue';
      cue.setAttribute('aria-hidden', 'true');
      cue.textContent = 'scrolls →';
      box.after(cue);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      if (box.nextElementSibling?.classList.contains('scroll-cue')) box.nextElementSibling.remove();
    }
  });
}
void document.fonts.ready.then(() => scrollableByKeyboard());
// toggle does not bubble: it is caught on its way down. An opened step gets what it holds.
document.addEventListener('toggle', (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement)) return;
  if (details.open) fillDeferred(details);
  scrollableByKeyboard(details);
}, true);

const verdictBadges = { verified: '✓ Verified numerically', failed: '✗ Numeric check failed', unchecked: '? Not checked numerically' } as const;

/** The check of the reader's own derivative: a badge with the verdict, and what was found, line by line. */
/**
 * The check of the reader's own derivative: a badge that says it is about theirs, what was found in
 * a sentence (coloured by the verdict), a link to the step marked where it went wrong, and the
 * check's lines folded under "In detail".
 */
function showMine(mine: AnswerView['mine']): void {
  ui.mineVerdict.hidden = mine === undefined;
  ui.mineMore.hidden = mine === undefined || mine.lines.length === 0;
  ui.mineDetail.textContent = mine ? mine.lines.join('\n') : '';
  ui.mineSentence.replaceChildren();
  ui.mineSentence.className = 'mine-sentence';
  if (!mine) return;
  const tone = { correct: 'verified', incorrect: 'failed', undecided: 'unchecked', error: 'failed' }[mine.verdict];
  ui.mineVerdict.className = `badge ${tone}`;
  ui.mineVerdict.textContent = { correct: '✓ Yours is correct', incorrect: '✗ Yours is not correct', undecided: '? Yours: undecided', error: '✗ Yours cannot be read' }[mine.verdict];
  ui.mineSentence.classList.add(tone);
  ui.mineSentence.append(mine.sentence);
  if (mine.step !== undefined) {
    const link = document.createElement('a');
    link.href = '#your-step';
    link.textContent = `Go to step ${mine.step}`;
    // The link is the page's own: it scrolls to the step and leaves the state in the address alone.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById('your-step')?.scrollIntoView({ block: 'center' });
      document.getElementById('your-step')?.querySelector('summary')?.focus();
    });
    ui.mineSentence.append(' ', link);
  }
}

/** The plot in view: a function's, or a curve's; undefined when none is. */
function plotInView(): { plot: PlotData; range: readonly [number, number]; variable: string } | undefined {
  if (shown.kind === 'ok') return { plot: shown.plot, range: shown.plotRange, variable: shown.variable };
  if (shown.kind === 'implicit' && shown.curve) return { plot: shown.curve.plot, range: shown.curve.range, variable: shown.curve.variable };
  return undefined;
}

function drawPlot(): void {
  const p = plotInView();
  if (!p) return;
  renderPlot(ui.plot, p.plot, p.range[0], p.range[1], p.variable, plotWidth);
  showTangent();
}

/** Where the tangent is drawn, kept while the plot is redrawn (zoomed, panned, another input). */
let tangentX: number | undefined;
/** On a curve, the pointer's height too: the tangent is at the point of the curve nearest the pointer. */
let tangentY: number | undefined;
/** On a curve, the point the tangent is at now: the arrow keys keep to its branch. */
let curveTangent: TangentValue | undefined;
/**
 * The tangent at tangentX, drawn from the plot's samples at once; its numbers in words under the
 * plot come from f and f′ evaluated there by the worker, not read off the samples (which, zoomed
 * far out, are far apart).
 */
type TangentValue = { readonly x: number; readonly y: number; readonly slope: number };
let exactAsked = 0;
function showTangent(): void {
  if (shown.kind === 'implicit') {
    if (tangentX === undefined || !shown.curve) {
      exactAsked++;
      drawTangent(ui.plot, shown.curve?.plot ?? { curves: [], y: [-1, 1] }, 0, undefined);
      ui.plotReadout.textContent = '';
      return;
    }
    // The point of the curve and its slope come from the worker, which holds the curve.
    worker?.postMessage({ kind: 'at', id: ++exactAsked, x: tangentX, y: tangentY, near: tangentY === undefined ? curveTangent?.y : undefined });
    return;
  }
  const drawn = shown.kind === 'ok' && tangentX !== undefined ? drawTangent(ui.plot, shown.plot, tangentX) : undefined;
  if (tangentX === undefined || shown.kind !== 'ok') {
    exactAsked++;
    ui.plotReadout.textContent = '';
    return;
  }
  // The numbers in words come from the worker, with f and f′ evaluated there (or why there are none).
  worker?.postMessage({ kind: 'at', id: ++exactAsked, x: drawn?.x ?? tangentX });
}

/** The tangent where f and f′ (or, on a curve, its point and y′) really are, and its numbers in words, from the worker. */
function showReadout(value: TangentValue | undefined, readout: string): void {
  if (shown.kind === 'implicit' && shown.curve) {
    curveTangent = value;
    drawTangent(ui.plot, shown.curve.plot, value?.x ?? 0, value);
  } else if (shown.kind === 'ok') {
    // Drawn again where f and f′ really are: the samples may be far apart (a band, zoomed out).
    if (value) drawTangent(ui.plot, shown.plot, value.x, value);
  } else return;
  ui.plotReadout.textContent = tangentX === undefined ? '' : readout;
}

explorable(ui.plot, {
  // The range last asked for, not the one drawn: notches of the wheel that come before the plot is
  // drawn again each zoom from the one before, none of them lost.
  range: () => (state.autoRange ? plotInView()?.range ?? [state.from, state.to] : [state.from, state.to]),
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
    state = { ...state, autoRange: true, scaledBy: 0 };
    update();
  },
  // Where the pointer leaves, the tangent goes back to the point asked for, if any.
  pointAt: (x, y) => {
    const asked = shown.kind === 'ok' ? shown.atPoint?.x : shown.kind === 'implicit' && shown.curve?.at && !('error' in shown.curve.at) ? shown.curve.at.x : undefined;
    [tangentX, tangentY] = x === undefined ? [asked, undefined] : [x, y];
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

/**
 * What a button did, said beside it (under its row of buttons) and gone after a while: not in
 * another section, and not left standing for later inputs.
 */
let statusTimer: number | undefined;
function sayBeside(button: HTMLElement, message: string): void {
  const row = button.closest('.buttons, .options') ?? button;
  if (ui.copyStatus.previousElementSibling !== row) row.after(ui.copyStatus);
  ui.copyStatus.textContent = message;
  window.clearTimeout(statusTimer);
  statusTimer = window.setTimeout(() => { ui.copyStatus.textContent = ''; }, 6000);
}

async function copy(button: HTMLElement, text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    sayBeside(button, `Copied ${what}.`);
  } catch {
    sayBeside(button, `Could not copy ${what}: the browser did not allow it.`);
  }
}

/** Why the answer in view is not the one asked for, if it is not: the input does not parse, or a new answer is on its way. */
function staleReason(): string | undefined {
  if (document.body.classList.contains('asking')) return 'the answer in view is for what was asked before, and the new one is still being worked out';
  if (document.body.classList.contains('stale')) {
    return stopped ? 'the answer in view is not for what is asked now' : 'the input does not parse, and the answer in view is for an earlier one';
  }
  return undefined;
}

const copyActions: Record<string, () => [string | undefined, string]> = {
  'copy-answer-latex': () => [answerInView()?.copies.answerLatex, 'the LaTeX of the answer'],
  'copy-steps-latex': () => [shown.kind === 'ok' ? shown.copies.stepsLatex : undefined, 'the derivation as LaTeX'],
  'copy-answer-text': () => [answerInView()?.copies.answerText, 'the answer as text'],
  'copy-steps-text': () => [shown.kind === 'ok' ? shown.copies.stepsText : undefined, 'the derivation as text'],
  'copy-link': () => [location.href, 'the link'],
  'copy-code': () => [shown.kind === 'ok' && shown.backprop.code !== '' ? shown.backprop.code : shown.kind === 'matrix' && shown.code?.text ? shown.code.text : undefined, 'the code'],
};
for (const [id, action] of Object.entries(copyActions)) {
  const button = $(id);
  button.addEventListener('click', () => {
    const [text, what] = action();
    const stale = id === 'copy-link' ? undefined : staleReason();
    if (stale !== undefined) sayBeside(button, `Nothing copied: ${stale}.`);
    else if (text !== undefined) void copy(button, text, what);
    else sayBeside(button, `Nothing to copy: ${what} is not shown.`);
  });
}

// The answer as a text file, LaTeX after the text: for answers too long to copy by hand or to show whole.
$('download-answer').addEventListener('click', () => {
  const button = $('download-answer');
  const stale = staleReason();
  if (shown.kind !== 'ok' || stale !== undefined) {
    sayBeside(button, `Nothing to download: ${shown.kind !== 'ok' ? 'no answer is shown' : stale}.`);
    return;
  }
  const file = new Blob([`${shown.copies.answerText}\n\n${shown.copies.answerLatex}\n`], { type: 'text/plain' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = 'derivative.txt';
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  sayBeside(button, 'Downloaded the answer as derivative.txt (text, then LaTeX).');
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

/**
 * Every step opened, a slice at a time (see in-slices.ts), or, for printing, at once. What a step
 * holds, once begun, is always put in whole, so that no step is left with part of it: Collapse all
 * stops the opening of further steps, not that. A derivation still being put in place (or the
 * rest of an opening stopped so) is opened once it is in.
 */
let expandAsked = 0;
function expandAll(whole = false): void {
  const current = insertion;
  if (current?.opening === expandAsked) {
    if (whole) current.slices.finish();
    return;
  }
  if (current) {
    if (whole) current.slices.finish();
    else {
      const asked = ++expandAsked;
      void current.slices.done.then((complete) => { if (complete && asked === expandAsked) expandAll(); });
      return;
    }
  }
  const asked = ++expandAsked;
  const closed = Array.from(ui.steps.querySelectorAll<HTMLDetailsElement>('details:not([open])'));
  // The next closed step opened, what it holds parsed and handed over to be put in; what that holds
  // may hold closed steps in turn, opened next. Last first: what is put in moves only what comes
  // after it, and the page in view (near its top) is drawn again the fewest times.
  const slices = new SlicedInsertion(ui.steps, () => {
    const details = asked === expandAsked ? closed.pop() : undefined;
    if (!details) return false;
    const placeholder = details.querySelector<HTMLElement>(':scope > .deferred');
    const part = placeholder ? unpackText(stepsDeferred, Number(placeholder.dataset.deferred)) : undefined;
    if (placeholder && part !== undefined) {
      placeholder.remove();
      const content = parsed(part);
      for (const inner of content.querySelectorAll<HTMLDetailsElement>('details:not([open])')) closed.push(inner);
      slices.add(details, content);
    }
    details.open = true;
    return true;
  });
  if (whole) slices.finish();
  inSlices(slices, asked);
}
$('expand-all').addEventListener('click', () => expandAll());
$('collapse-all').addEventListener('click', () => {
  expandAsked++;
  ui.steps.querySelectorAll('details').forEach((d) => { d.open = false; });
});
// On paper every step is shown: all of them are opened before printing.
window.addEventListener('beforeprint', () => expandAll(true));

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

// On a phone the examples and help fold away, so the answer is on the first screen.
if (matchMedia('(max-width: 36rem)').matches) $<HTMLDetailsElement>('extras').open = false;

// KaTeX's usual fonts are fetched while the first answer is worked out: fetched only once a long
// derivation is laid out, they would arrive after it and have all of it laid out again.
for (const font of ['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1', '1em KaTeX_Size2']) void document.fonts.load(font);

showState();
update();
