import type { SimplifyForm, Target } from '../../src/index.js';

/** Everything the page shows follows from this; it lives in the URL's hash so a link restores it. */
export interface PageState {
  readonly input: string;
  /** The variable chosen; empty for the default (x if present, else the first variable). */
  readonly variable: string;
  readonly order: number;
  readonly form: SimplifyForm;
  /** The plotted range of the variable: chosen from the function unless set (typed, zoomed or dragged). */
  readonly autoRange: boolean;
  readonly from: number;
  readonly to: number;
  /** Whether the plot shows f′ too, beside the derivative of a higher order asked for. */
  readonly alsoFirst: boolean;
  /** The curve whose values set the plot's y range: 0 for f, 1 for the derivative asked for (fitted when it is off f's scale). */
  readonly scaledBy: number;
  /** Values of the other variables, for the plot. */
  readonly values: Readonly<Record<string, number>>;
  /** The reader's own derivative, to be checked; empty for none. */
  readonly mine: string;
  /** The language of the generated backprop code. */
  readonly target: Target;
  /** Where the tangent is worked out exactly and drawn: a value of the variable as typed (1, pi/4); empty for none. */
  readonly at: string;
  /** How many steps of the backward pass the graph shows: 0 for the forward pass alone. */
  readonly graphStep: number;
  /** The shapes of vectors and matrices (W=3x4, x=4), as --shape takes them: the input is then in matrix notation. */
  readonly shapes: string;
}

export const defaultState: PageState = {
  input: '1/(1+e^(-x))', variable: '', order: 1, form: 'auto', autoRange: true, from: -6, to: 6, alsoFirst: false, scaledBy: 0, values: {}, mine: '', target: 'numpy', at: '', graphStep: 0, shapes: '',
};

export const maxOrder = 100;

/** The hash for a state: only what differs from the defaults, so links stay short. */
export function toHash(state: PageState): string {
  const params = new URLSearchParams();
  params.set('f', state.input);
  if (state.variable !== '') params.set('by', state.variable);
  if (state.order !== defaultState.order) params.set('n', String(state.order));
  if (state.form !== defaultState.form) params.set('form', state.form);
  if (!state.autoRange) params.set('range', `${state.from},${state.to}`);
  if (state.alsoFirst) params.set('f1', '1');
  if (state.scaledBy !== 0) params.set('scale', String(state.scaledBy));
  if (state.mine !== '') params.set('mine', state.mine);
  if (state.target !== defaultState.target) params.set('code', state.target);
  if (state.at !== '') params.set('at', state.at);
  if (state.graphStep !== 0) params.set('bp', String(state.graphStep));
  if (state.shapes !== '') params.set('shape', state.shapes);
  for (const [name, value] of Object.entries(state.values)) params.set(`at.${name}`, String(value));
  return `#${params.toString()}`;
}

/** The state a hash describes; anything missing or malformed takes its default. */
/**
 * The forms and code targets a link may name: the library's, as the page's selectors list them
 * (the page reads them from there, and so does not load the library on its own thread).
 */
export interface Choices {
  readonly forms: readonly string[];
  readonly targets: readonly string[];
}

export function fromHash(hash: string, choices: Choices): PageState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const input = params.get('f') ?? defaultState.input;
  const variable = params.get('by') ?? '';
  const order = Number(params.get('n') ?? defaultState.order);
  const form = params.get('form') as SimplifyForm | null;
  const [from, to] = (params.get('range') ?? '').split(',').map(Number);
  const values: Record<string, number> = {};
  for (const [key, value] of params) {
    const name = /^at\.(.+)$/.exec(key)?.[1];
    if (name !== undefined && Number.isFinite(Number(value))) values[name] = Number(value);
  }
  const range = validRange(from, to) ? { autoRange: false, from: from!, to: to! } : { autoRange: true, from: defaultState.from, to: defaultState.to };
  return {
    input,
    variable: /^[A-Za-z][A-Za-z0-9_]*$|^[α-ωΑ-Ω]$/.test(variable) ? variable : '',
    order: Number.isInteger(order) && order >= 1 && order <= maxOrder ? order : defaultState.order,
    form: form !== null && choices.forms.includes(form) ? form : defaultState.form,
    ...range,
    alsoFirst: params.get('f1') === '1',
    scaledBy: params.get('scale') === '1' ? 1 : 0,
    values,
    mine: params.get('mine') ?? '',
    target: (choices.targets.find((t) => t === params.get('code')) as Target | undefined) ?? defaultState.target,
    at: params.get('at') ?? '',
    graphStep: Math.max(0, Math.floor(Number(params.get('bp') ?? 0)) || 0),
    shapes: params.get('shape') ?? '',
  };
}

/** A plot range: two finite numbers, the first below the second. */
export const validRange = (from: number | undefined, to: number | undefined): boolean =>
  from !== undefined && to !== undefined && Number.isFinite(from) && Number.isFinite(to) && from < to;
