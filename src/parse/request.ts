import { errorAt } from './errors.js';
import { abstractFunctionNames } from '../functions/spellings.js';
import { fromSuperscript, greekVariableNames, superscriptDigits } from '../expr/letters.js';

/*
 * What an input asks for besides its expression, as textbooks write it: a derivative operator
 * before it (d/dx, d²/dx², ∂/∂x, \frac{d}{dx}) gives the variable and the order; a name before
 * '=' (y = x², f(x) = x²) names the function, so the answer can be written y′ = … or f′(x) = ….
 * Both are blanked out of the input with spaces, so every position in the rest is where it was.
 */

/** The name given to the function: y in y = x², or f(x) in f(x) = x²; with `order`, a derivative's name, f′(x) = 2x. */
export type FunctionLabel =
  | { readonly kind: 'name'; readonly name: string; readonly order?: number }
  | { readonly kind: 'function'; readonly name: string; readonly variable: string; readonly order?: number };

export interface Request {
  /** The variable of a derivative operator (d/dt) or of f(t) = …. */
  readonly variable?: string;
  /** The order of a derivative operator: 2 for d²/dx². */
  readonly order?: number;
  readonly label?: FunctionLabel;
  /** The derivative operator as written, d/dx. */
  readonly operator?: string;
}

const greek = [...greekVariableNames].join('|');
/** A variable as the operator or a function's label names it: x, x1, x_1, w_{1}, theta, θ, \theta. */
const name = String.raw`(?:(?:${greek}|[A-Za-z])(?:\d+|_[A-Za-z0-9]+|_\{[A-Za-z0-9]+\})?|[α-ωΑ-Ω]|\\[A-Za-z]+)`;
const power = String.raw`(?:\^\s*\{?\s*(\d+)\s*\}?|([${superscriptDigits}]+))?`;
const d = String.raw`(?:d|\\mathrm\s*\{\s*d\s*\}|\\mathrm\s+d|∂|\\partial)`;
/** Space as LaTeX writes it: blanks and the spacing commands \, \; \: \! and "\ ". */
const space = String.raw`(?:\s|\\[,;:! ])*`;

/**
 * d/dx, d^2/dx^2, d²/dx², ∂/∂x, dy/dx: the groups are d, its power (digits or a superscript), the
 * function's name (y in dy/dx), d, the variable and its power.
 */
const slash = String.raw`(${d})\s*${power}\s*(${name})?\s*/\s*(${d})\s*(${name})\s*${power}`;
/** \frac{d}{dx}, \frac{d^2}{dx^2}, \frac{dy}{dx}, \frac{\mathrm{d}}{\mathrm{d}x}, \frac{\partial}{\partial x}. */
const frac = String.raw`\\[dt]?frac${space}\{${space}(${d})${space}${power}${space}(${name})?${space}\}${space}\{${space}(${d})${space}(${name})${space}${power}${space}\}`;
/**
 * \frac{d f(x)}{dx}, \frac{d}{dx} with the expression in its numerator: the groups are as in frac, up
 * to the numerator's own brace, whose place is found by counting braces.
 */
const fracTop = new RegExp(String.raw`^\\[dt]?frac${space}\{${space}(${d})${space}${power}`);
const fracBottom = new RegExp(String.raw`^${space}\{${space}(${d})${space}(${name})${space}${power}${space}\}`);
/** D_x, D_{x}: the operator as some texts write it. */
const subscripted = new RegExp(String.raw`^D_(?:\{\s*(${name})\s*\}|(${name}))`);
/** An operator at the start, bare or in brackets: (d/dx). */
const operators = [slash, frac].flatMap((op) => [new RegExp(String.raw`^\(\s*${op}\s*\)`), new RegExp(`^${op}`)]);
/** An operator anywhere, not inside a longer name: d/dx x^2 − d/dx x has one after the start. */
const anyOperator = new RegExp(String.raw`(?<![A-Za-z0-9_\\])(?:${slash}|${frac})`);

/** The name of a function being defined: y, f, softplus, \sigma, \operatorname{ReLU}. */
const functionName = String.raw`(?:[A-Za-z][A-Za-z0-9_]*|[α-ωΑ-Ω]|\\(?:operatorname|mathrm)\s*\{\s*[A-Za-z]+\s*\}|\\[A-Za-z]+)`;
/** y =, f(x) =: a name, or a name applied to a variable. */
const label = new RegExp(String.raw`^((?:\s|\\displaystyle|\\textstyle)*)(${functionName})\s*(['′″‴]*)\s*(?:(?:\(|\\left\s*\()\s*(${name}(?:\s*,\s*${name})*)\s*(?:\)|\\right\s*\)))?\s*=(?!=)`);

/** What every request is written with: '=' after a name, '/' or \frac in an operator, D_ in D_x. An input without any asks for nothing. */
const mayAsk = /[=/\\]|D_/;

/** What the input asks for, and the input with that part replaced by spaces; without labels, y = … is left to be an equation. */
export function readRequest(input: string, variableOf: (written: string) => string | undefined, { labels = true } = {}): { request: Request; rest: string } {
  if (!mayAsk.test(input)) return { request: {}, rest: input };
  let rest = input;
  let request: Request = {};
  const blank = (from: number, to: number): void => {
    rest = rest.slice(0, from) + rest.slice(from, to).replace(/[^\n]/g, ' ') + rest.slice(to);
  };
  const variableName = (written: string, at: number): string => {
    const named = variableOf(written);
    if (!named) throw errorAt(input, at, `${written} is not a variable: write one after d, as in d/dx`);
    return named;
  };

  const labelled = labels ? label.exec(rest) : null;
  if (labelled) {
    const [whole, lead, fn, primes, argument] = labelled as unknown as [string, string, string, string, string | undefined];
    const at = lead.length;
    if (argument?.includes(',')) {
      throw errorAt(input, at, `${fn}(${argument.replace(/\s+/g, '')}) = … names a function of several variables: give its expression alone, and the variables to differentiate by`);
    }
    // f′(x) = 14x − 5: the derivative given, as an answer writes it.
    const order = [...primes].reduce((n, c) => n + (c === '″' ? 2 : c === '‴' ? 3 : 1), 0);
    // \operatorname{ReLU} is ReLU; \sigma is σ.
    const called = fn.replace(/^\\(?:operatorname|mathrm)\s*\{\s*([A-Za-z]+)\s*\}$/, '$1');
    const shown = called.startsWith('\\') ? variableOf(called) ?? called.slice(1) : called;
    const primed = order > 0 ? { order } : {};
    request = argument === undefined
      ? { label: { kind: 'name', name: shown, ...primed } }
      : { label: { kind: 'function', name: shown, variable: variableName(argument, at), ...primed }, variable: variableName(argument, at) };
    blank(0, whole.length);
  }

  const start = rest.length - rest.trimStart().length;
  let match: RegExpExecArray | Operator | null = null;
  for (const operator of operators) {
    match = operator.exec(rest.slice(start));
    if (match) break;
  }
  // \frac{\partial f}{\partial x} alone: f is what is differentiated, not the name of what follows.
  if (match?.[4] !== undefined && abstractFunctionNames.has(match[4]) && rest.slice(start + match[0].length).trim() === '') match = aroundExpression(rest.slice(start)) ?? match;
  match ??= aroundExpression(rest.slice(start)) ?? subscriptOperator(rest.slice(start)) ?? null;
  if (!match) {
    refuseOperatorWithin(input, rest);
    return { request, rest };
  }
  const [whole, top, topPower, topSup, named, bottom, variable, bottomPower, bottomSup] = match as unknown as (string | undefined)[] as
    [string, string, string | undefined, string | undefined, string | undefined, string, string, string | undefined, string | undefined];
  // \frac{d f(x)}{dx}: the expression stays where it is, inside the operator.
  const kept = 'kept' in match ? match.kept : undefined;
  const orderOf = (digits: string | undefined, sup: string | undefined): number | undefined =>
    digits !== undefined ? Number(digits) : sup !== undefined ? fromSuperscript(sup) : undefined;
  const order = orderOf(topPower, topSup) ?? 1;
  const bottomOrder = orderOf(bottomPower, bottomSup) ?? 1;
  const written = whole.trim();
  if (order !== bottomOrder) {
    throw errorAt(input, start, `${written}: the order above (${order}) and below (${bottomOrder}) differ; write d^${order}/d${variable}^${order}`);
  }
  if (order < 1) throw errorAt(input, start, `${written}: the order of a derivative is a whole number from 1`);
  const partial = (s: string): boolean => s.includes('∂') || s.includes('partial');
  if (partial(top) !== partial(bottom)) throw errorAt(input, start, `${written}: write d/dx or ∂/∂x, not a mix of the two`);
  const v = variableName(variable, start);
  if (request.variable !== undefined && request.variable !== v) {
    throw errorAt(input, start, `${written} differentiates by ${v}, but the function is written of ${request.variable}`);
  }
  const end = start + whole.length;
  // d/dx2x: by x2 of x, or by x of 2x? Neither is guessed.
  const following = rest.slice(start + whole.trimEnd().length);
  if (/\d$/.test(variable) && /^[A-Za-z0-9(]/.test(following)) {
    const digits = /\d+$/.exec(variable)![0];
    const next = following.split(/\s/)[0]!;
    throw errorAt(input, start, `${written}${next} can be read two ways: write ${written.slice(0, -digits.length)} ${digits}${next} or ${written} ${next}`);
  }
  // dy/dx x²: the derivative of y = x².
  if (named !== undefined) {
    if (request.label !== undefined) throw errorAt(input, start, `${written} names the function ${named}, which is named before = already`);
    request = { ...request, label: { kind: 'name', name: variableName(named, start) } };
  }
  if (kept) {
    if (rest.slice(end).trim() !== '') throw errorAt(input, end, `${written} has its expression in it: nothing may come after it`);
    blank(start, start + kept[0]);
    blank(start + kept[1], end);
  } else {
    blank(start, end);
  }
  if (rest.trim() === '') throw errorAt(input, end, `${written} needs an expression after it, as in ${written} x^2`);
  refuseOperatorWithin(input, rest);
  return { request: { ...request, variable: v, order, operator: written }, rest };
}

/** d/dx anywhere but at the start: x^2 − d/dx x would read as d/(d·x·x). */
function refuseOperatorWithin(input: string, rest: string): void {
  const another = anyOperator.exec(rest);
  if (!another) return;
  const written = another[0].trim();
  throw errorAt(input, another.index + another[0].length - another[0].trimStart().length,
    `${written} stands at the start of the input, before the whole expression: differentiate the parts one at a time, or write the whole after one ${written}`);
}

/** An operator matched by hand, as a regular expression's match is: its groups, and where its expression is when it holds one. */
type Operator = (string | undefined)[] & { readonly index: 0; readonly kept?: readonly [number, number] };

const operatorMatch = (groups: (string | undefined)[], kept?: readonly [number, number]): Operator =>
  Object.assign(groups, { index: 0 as const, ...(kept ? { kept } : {}) });

/** \frac{d f(x)}{dx}: d/dx with its expression in the numerator, found by counting braces. */
function aroundExpression(text: string): Operator | undefined {
  const top = fracTop.exec(text);
  if (!top) return undefined;
  let depth = 1;
  let at = top[0].length;
  for (; at < text.length && depth > 0; at++) {
    if (text[at] === '{') depth++;
    else if (text[at] === '}') depth--;
  }
  if (depth > 0 || text.slice(top[0].length, at - 1).trim() === '') return undefined;
  const bottom = fracBottom.exec(text.slice(at));
  if (!bottom) return undefined;
  const [, dTop, power, sup] = top as unknown as (string | undefined)[];
  const [, dBottom, variable, bottomPower, bottomSup] = bottom as unknown as (string | undefined)[];
  return operatorMatch([text.slice(0, at + bottom[0].length), dTop, power, sup, undefined, dBottom, variable, bottomPower, bottomSup], [top[0].length, at - 1]);
}

/** D_x before an expression: d/dx. */
function subscriptOperator(text: string): Operator | undefined {
  const m = subscripted.exec(text);
  if (!m || /^[A-Za-z0-9_]/.test(text.slice(m[0].length))) return undefined;
  return operatorMatch([m[0], 'd', undefined, undefined, undefined, 'd', m[1] ?? m[2], undefined, undefined]);
}

/** A name applied to a variable, and nothing else: θ(x), y(t), \theta\left(x\right). */
const appliedToVariable = new RegExp(String.raw`^\s*(${name})\s*(?:\(|\\left\s*\()\s*(${name})\s*(?:\)|\\right\s*\))\s*$`);

/**
 * The name of an unknown function that an operator's expression applies to its variable, as in
 * \frac{d\theta(x)}{dx} or d/dt y(t): there θ(x) is θ of x (a function), not θ times x.
 */
export function functionOfOperatorVariable(rest: string, request: Request, variableOf: (written: string) => string | undefined): string | undefined {
  if (request.operator === undefined || request.variable === undefined) return undefined;
  const match = appliedToVariable.exec(rest);
  if (!match) return undefined;
  const fn = variableOf(match[1]!);
  return fn !== undefined && fn !== request.variable && variableOf(match[2]!) === request.variable ? fn : undefined;
}
