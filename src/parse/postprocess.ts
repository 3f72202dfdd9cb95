import type { Expr } from '../expr/types.js';
import * as build from '../expr/factory.js';
import { isInteger, parseDecimal, rational } from '../expr/rational.js';
import type { FunctionValue, NameValue, Token } from './lexer.js';
import { errorAt } from './errors.js';
import { checkLimits } from '../errors.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import { fromTemplate } from '../expr/template.js';
import { delimitedBy, prefixSigns } from '../functions/spellings.js';
import type { SoftmaxKind } from './vector-functions.js';
import { matrixOperators } from '../functions/matrix-table.js';
import { lexer } from './lexer.js';

/*
 * Typed postprocessors for grammar/dydx.ne. Earley parsing completes a rule at every
 * place it could end, so `sum` completes after every term of a long sum: work done in
 * a postprocessor is repeated that often. Postprocessors therefore only record what
 * they saw, in O(1): a value is an Expr, a parenthesised Expr (kept apart so (a+b)+c
 * stays nested), a chain of terms or factors (a persistent list), or a negation not
 * yet built. The tree is built once, from the one complete reading, by toExpr.
 */

interface Grouped { readonly kind: 'grouped'; readonly expr: Expr }
interface Chain {
  readonly kind: 'chain';
  /** A sum, a product, or (matrix notation) an entrywise product. */
  readonly of: 'add' | 'mul' | 'hadamard';
  readonly previous: Chain | Value;
  readonly item: Value;
  /** Where the operator before the item is (the item itself, for a product written without one), where that is known. */
  readonly at: number | undefined;
}
interface Negated { readonly kind: 'negated'; readonly operand: Value }
/**
 * a / b, built when the tree is built (a chain on the left would be built again at every
 * completion); in matrix notation also a ⊘ b, entrywise.
 */
interface Quotient { readonly kind: 'quotient'; readonly numerator: Value; readonly denominator: Value; readonly at: number; readonly entrywise: boolean }
/** The exponents of a chain a^b^c, in order, as a persistent list; in matrix notation a .^ is an entrywise power. */
interface Exponents { readonly previous: Exponents | undefined; readonly item: Value; readonly at: number; readonly entrywise: boolean }
/** base^e₁^e₂…, optionally with a final superscript (2^x²): associated to the right when built. */
interface PowerChain { readonly kind: 'powers'; readonly base: Value; readonly exponents: Exponents; readonly superscript: bigint | undefined }
/** A value that is one item of a chain, even if it is itself a chain of another operation; where it starts, when known. */
interface Sealed { readonly kind: 'sealed'; readonly value: Value; readonly start?: number }
/** A transposed power, xᵀ (matrix notation): the operand transposed `count` times, the sign at `at`. */
interface Transposed { readonly kind: 'transposed'; readonly operand: Value; readonly count: number; readonly at: number }
/**
 * A function name with the power written on it, sin^2 or sin⁻¹: an exponent to read, or a
 * superscript's number.
 */
interface Head { readonly kind: 'head'; readonly fn: Token; readonly power: Value | bigint | undefined }
/** A function applied without brackets, sin x: built when the tree is built, as its argument grows with each factor. */
interface Applied { readonly kind: 'applied'; readonly head: Head; readonly argument: Value }
export type Value = Expr | Grouped | Chain | Negated | Sealed | Quotient | PowerChain | Applied | Transposed;

/** The source text, for errors raised while building the tree. */
let source = '';
export function setSource(text: string): void {
  source = text;
}

/**
 * Where the parts of a node read in matrix notation are in the input: the node itself (a name,
 * a function's name) and the operator before each of its parts after the first (a product's ·,
 * or where a factor written without one starts). Matrix notation's errors of shape are located
 * by these. A subtree typed twice is one node (equal trees are one tree): the first place it is
 * built is kept.
 */
export interface Place {
  readonly at: number | undefined;
  readonly operators: readonly (number | undefined)[];
}

/** The places of the nodes built while a map is given (matrix notation), else none. */
let places: Map<Expr, Place> | undefined;

/** Runs a reading with the places of the nodes it builds kept in `into`. */
export function keepingPlaces<T>(into: Map<Expr, Place>, reading: () => T): T {
  places = into;
  try {
    return reading();
  } finally {
    places = undefined;
  }
}

function placed<E extends Expr>(node: E, at: number | undefined, operators: readonly (number | undefined)[] = []): E {
  if (places !== undefined && !places.has(node)) places.set(node, { at, operators });
  return node;
}

/**
 * The tree a value stands for, built parts first: by recursion where the value is shallow (most
 * are), and without, by stacks of its own, where it is deeper, so any depth builds.
 */
export function toExpr(root: Value): Expr {
  if (isExpr(root)) return root;
  try {
    return builtRecursively(root, 0);
  } catch (error) {
    if (error !== tooDeep) throw error;
  }
  return builtIteratively(root);
}

/** Where building by recursion gives up for building by a stack of its own (the parts built so far are kept: equal trees are one node). */
const recursionDepth = 200;
const tooDeep = Symbol('too deep');

/** The tree a value stands for, built by recursion: for the shallow values of most inputs, quicker than a stack of its own. */
function builtRecursively(value: Value, depth: number): Expr {
  if (isExpr(value)) return value;
  if (depth > recursionDepth) throw tooDeep;
  checkLimits();
  const own = partsOf(value);
  const parts: Expr[] = [];
  for (const part of own) parts.push(builtRecursively(part, depth + 1));
  return builtFrom(value, parts);
}

/** A value's node from its parts' nodes, its place kept where places are (matrix notation). */
function builtFrom(value: Value, parts: readonly Expr[]): Expr {
  const node = assemble(value, parts);
  if (places !== undefined) {
    const operators = operatorsOf(value);
    placed(node, operators[0], operators);
  }
  return node;
}

/**
 * The tree a value stands for, built without recursion. The values of one reading are a tree (the
 * grammar builds each once), so no memo of what is built is kept: a stack of values with their
 * parts, once listed, and a stack of the trees built.
 */
function builtIteratively(root: Value): Expr {
  const pending: Value[] = [root];
  const partsPending: (Value[] | undefined)[] = [undefined];
  const built: Expr[] = [];
  while (pending.length > 0) {
    checkLimits();
    const top = pending.length - 1;
    const value = pending[top]!;
    const parts = partsPending[top];
    if (parts === undefined && !isExpr(value)) {
      const own = partsOf(value);
      partsPending[top] = own;
      for (let i = own.length - 1; i >= 0; i--) {
        pending.push(own[i]!);
        partsPending.push(undefined);
      }
      continue;
    }
    pending.pop();
    partsPending.pop();
    if (parts === undefined) {
      built.push(value as Expr);
      continue;
    }
    built.push(builtFrom(value, built.splice(built.length - parts.length, parts.length)));
  }
  return built[0]!;
}

const isExpr = (v: Value): v is Expr => 'id' in v;

/** Where the operators between a value's parts are, in order. */
function operatorsOf(value: Value): (number | undefined)[] {
  switch (value.kind) {
    case 'chain': {
      const at: (number | undefined)[] = [];
      let node: Chain | Value = value;
      while (node.kind === 'chain' && node.of === value.of) {
        at.push(node.at);
        node = node.previous;
      }
      return at.reverse();
    }
    case 'quotient': return [value.at];
    case 'powers': return exponentsOf(value).map((e) => e.at);
    case 'transposed': return [value.at];
    case 'applied': return [value.head.fn.offset];
    default: return [];
  }
}

/** What a value is built from: the operand of a sign, the items of a chain in order. */
function partsOf(value: Value): Value[] {
  switch (value.kind) {
    case 'sealed': return [value.value];
    case 'negated': return [value.operand];
    case 'quotient': return [value.numerator, value.denominator];
    case 'powers': return [value.base, ...exponentsOf(value).map((e) => unsigned(e.item).core)];
    case 'applied': return [value.argument];
    case 'transposed': return [value.operand];
    case 'chain': {
      const items: Value[] = [];
      let node: Chain | Value = value;
      while (node.kind === 'chain' && node.of === value.of) {
        items.push(node.item);
        node = node.previous;
      }
      items.push(node);
      return items.reverse();
    }
    default: return [];
  }
}

function exponentsOf(chain: PowerChain): Exponents[] {
  const items: Exponents[] = [];
  for (let e: Exponents | undefined = chain.exponents; e; e = e.previous) items.push(e);
  return items.reverse();
}

/** An exponent without its leading signs, and how many minus signs there were. */
function unsigned(exponent: Value): { core: Value; minuses: number } {
  let core = exponent;
  let minuses = 0;
  while (core.kind === 'negated') {
    minuses++;
    core = core.operand;
  }
  return { core, minuses };
}

function assemble(value: Value, parts: readonly Expr[]): Expr {
  switch (value.kind) {
    case 'grouped': return value.expr;
    case 'sealed': return parts[0]!;
    case 'negated': return build.neg(parts[0]!);
    case 'quotient': return value.entrywise ? build.apply(matrixOperators.hadamardQuotient, parts) : build.div(parts[0]!, parts[1]!);
    case 'powers': {
      // From the right: c, then b^c, then a^(b^c); a sign before an exponent covers the rest of the chain.
      const exponents = exponentsOf(value);
      let result = parts.at(-1)!;
      if (value.superscript !== undefined) result = build.pow(result, build.num(rational(value.superscript)));
      for (let j = exponents.length; j >= 1; j--) {
        for (let k = 0; k < unsigned(exponents[j - 1]!.item).minuses; k++) result = build.neg(result);
        result = exponents[j - 1]!.entrywise ? build.apply(matrixOperators.hadamardPower, [parts[j - 1]!, result]) : build.pow(parts[j - 1]!, result);
      }
      return result;
    }
    case 'chain': return value.of === 'add' ? build.add(parts) : value.of === 'mul' ? build.mul(parts) : build.apply(matrixOperators.hadamard, parts);
    case 'applied': return withHead(value.head, [parts[0]!]);
    case 'transposed': {
      let result = parts[0]!;
      for (let k = 0; k < value.count; k++) result = build.apply(matrixOperators.transpose, [result]);
      return result;
    }
    default: return value;
  }
}

function extend(of: Chain['of'], left: Value, item: Value, at: number | undefined): Chain {
  // Only an unparenthesised chain of the same operation is extended; anything else starts one.
  const previous = left.kind === 'chain' && left.of === of ? left : { kind: 'sealed' as const, value: left };
  return { kind: 'chain', of, previous, item, at };
}

type Data = readonly unknown[];
const value = (d: Data, i: number): Value => d[i] as Value;
const token = (d: Data, i: number): Token => d[i] as Token;

export const plus = (d: Data): Value => extend('add', value(d, 0), value(d, 2), token(d, 1).offset);
export const minus = (d: Data): Value => extend('add', value(d, 0), { kind: 'negated', operand: value(d, 2) }, token(d, 1).offset);
export const negate = (d: Data): Value => ({ kind: 'negated', operand: value(d, 1) });
export const unaryPlus = (d: Data): Value => value(d, 1);

export const times = (d: Data): Value => extend('mul', value(d, 0), value(d, 2), token(d, 1).offset);
export const juxtapose = (d: Data): Value => extend('mul', value(d, 0), value(d, 1), startOf(value(d, 1)));
export const divide = (d: Data): Value => ({ kind: 'quotient', numerator: value(d, 0), denominator: value(d, 2), at: token(d, 1).offset, entrywise: false });
/** a ⊙ b and a ⊘ b: matrix notation's entrywise product and quotient. */
export const hadamard = (d: Data): Value => extend('hadamard', value(d, 0), value(d, 2), token(d, 1).offset);
export const hadamardQuotient = (d: Data): Value => ({ kind: 'quotient', numerator: value(d, 0), denominator: value(d, 2), at: token(d, 1).offset, entrywise: true });

/** A factor written without an operator before it, with where it starts (nearley gives the index of its first token). */
export const factorAt = (d: Data, start: number | undefined): Value => ({ kind: 'sealed', value: value(d, 0), start: start === undefined ? undefined : lexer.all[start]?.offset });
const startOf = (v: Value): number | undefined => (v.kind === 'sealed' ? v.start : v.kind === 'applied' ? v.head.fn.offset : undefined);

/** A power transposed, xᵀ: its operand and the sign, which carries how many primes were written. */
export const transposed = (d: Data): Value => ({ kind: 'transposed', operand: value(d, 0), count: Number(token(d, 1).meaning), at: token(d, 1).offset });

export const firstExponent = (d: Data): Exponents => ({ previous: undefined, item: value(d, 1), at: token(d, 0).offset, entrywise: token(d, 0).type === 'epow' });
export const nextExponent = (d: Data): Exponents => ({ previous: d[0] as Exponents, item: value(d, 2), at: token(d, 1).offset, entrywise: token(d, 1).type === 'epow' });
/** The base of powered[BASE]: the macro passes it wrapped in a list, once for each macro it is passed through (raised[BASE]). */
const base = (d: Data): Value => {
  let b: unknown = d[0];
  while (Array.isArray(b)) b = b[0];
  return b as Value;
};
export const poweredChain = (d: Data): Value => ({
  kind: 'powers', base: base(d), exponents: d[1] as Exponents,
  superscript: d.length > 2 ? token(d, 2).meaning as bigint : undefined,
});
export const poweredSuperscript = (d: Data): Expr =>
  build.pow(toExpr(base(d)), build.num(rational(token(d, 1).meaning as bigint)));
export const poweredNothing = (d: Data): Value => base(d);

export const number = (d: Data): Expr => {
  const text = token(d, 0).text;
  return build.num(parseDecimal(text), /[.eE]/.test(text));
};

export const name = (d: Data): Expr => {
  const meaning = token(d, 0).meaning as NameValue;
  return placed(meaning.kind === 'constant' ? build.constant(meaning.name) : build.variable(meaning.name), token(d, 0).offset);
};

export const group = (d: Data): Grouped => ({ kind: 'grouped', expr: toExpr(value(d, 1)) });

/**
 * (u)′, (u)″: a derivative left to work out, as a student's working writes it, by x (a working
 * checked against a problem in another variable takes that one).
 */
export function derivativeOf(d: Data): Expr {
  return primed(toExpr(value(d, 1)), token(d, 3));
}

/** x′: the derivative of a variable, as the variable rule writes it. */
export const derivativeOfName = (d: Data): Expr => primed(toExpr(name([d[0]])), token(d, 1));

function primed(e: Expr, prime: Token): Expr {
  let out = e;
  for (let n = Number(prime.meaning); n > 0; n--) out = build.derivative(out, 'x');
  return out;
}

/** The function written between bars, |u| (in LaTeX also \left| and \lvert). */
const betweenBars = delimitedBy.get('|')!;
export const delimited = (d: Data): Expr => build.call(betweenBars, [toExpr(value(d, 1))]);

export const root = (d: Data): Expr => build.call(prefixSigns.get(token(d, 0).text)!, [toExpr(value(d, 1))]);

/** The arguments read so far, as a persistent list: copying an array at each completion would make f(a, b, …) quadratic. */
interface Arguments { readonly previous: Arguments | undefined; readonly item: Value }
export const firstArgument = (d: Data): Arguments => ({ previous: undefined, item: value(d, 0) });
export const nextArgument = (d: Data): Arguments => ({ previous: d[0] as Arguments, item: value(d, 2) });

function argumentsOf(list: Arguments): Expr[] {
  return itemsOf(list).map(toExpr);
}

function itemsOf(list: Arguments): Value[] {
  const items: Value[] = [];
  for (let a: Arguments | undefined = list; a; a = a.previous) items.push(a.item);
  return items.reverse();
}

/*
 * The kinds of input that are only ever whole (grammar rule `input`): recorded as read, and
 * built by toInput from the one complete reading, as values are by toExpr.
 */
interface Equation { readonly kind: 'equation'; readonly left: Value; readonly equals: Token; readonly right: Value }
interface Vector { readonly kind: 'vector'; readonly open: Token; readonly first: Arguments; readonly last: Value }
interface VectorCall { readonly kind: 'vector-call'; readonly fn: Token; readonly args: Arguments }
export type Whole = Equation | Vector | VectorCall;

export const equation = (d: Data): Equation => ({ kind: 'equation', left: value(d, 0), equals: token(d, 1), right: value(d, 2) });
export const vector = (d: Data): Vector => ({ kind: 'vector', open: token(d, 0), first: d[1] as Arguments, last: value(d, 3) });
export const vectorCall = (d: Data): VectorCall => ({ kind: 'vector-call', fn: token(d, 0), args: d[2] as Arguments });

/** What a whole input is: an expression, an equation, a vector of functions, or a vector function applied. */
export type Input =
  | { readonly kind: 'expression'; readonly expr: Expr }
  | { readonly kind: 'equation'; readonly left: Expr; readonly right: Expr; readonly offset: number }
  | { readonly kind: 'vector'; readonly components: readonly Expr[]; readonly offset: number }
  | { readonly kind: 'vector-function'; readonly name: SoftmaxKind; readonly spelling: string; readonly args: readonly Input[]; readonly offset: number };

const isWhole = (v: Value | Whole): v is Whole => v.kind === 'equation' || v.kind === 'vector' || v.kind === 'vector-call';

/** The input a complete reading stands for. */
export function toInput(root: Value | Whole): Input {
  if (!isWhole(root)) return { kind: 'expression', expr: toExpr(root) };
  switch (root.kind) {
    case 'equation': return { kind: 'equation', left: toExpr(root.left), right: toExpr(root.right), offset: root.equals.offset };
    case 'vector': return { kind: 'vector', components: [...argumentsOf(root.first), toExpr(root.last)], offset: root.open.offset };
    case 'vector-call': return {
      kind: 'vector-function', name: root.fn.meaning as SoftmaxKind, spelling: root.fn.text,
      args: itemsOf(root.args).map((a) => toInput(a as Value | Whole)), offset: root.fn.offset,
    };
  }
}

export const head = (d: Data): Head => ({
  kind: 'head', fn: token(d, 0),
  power: d.length === 1 ? undefined : token(d, 1).type === 'sup' ? token(d, 1).meaning as bigint : value(d, 2),
});

export const applied = (d: Data): Applied => ({ kind: 'applied', head: d[0] as Head, argument: value(d, 1) });

export const call = (d: Data): Expr => placed(withHead(d[0] as Head, argumentsOf(d[2] as Arguments)), (d[0] as Head).fn.offset);

/**
 * A function with its power applied to arguments: sin^2(x) is sin(x)², and sin^-1(x) is asin(x),
 * as calculators write the inverse; any other power of a function is refused, not guessed.
 */
function withHead({ fn, power }: Head, args: readonly Expr[]): Expr {
  if (power === undefined) return applyFunction(fn, args);
  const exponent = typeof power === 'bigint' ? build.num(rational(power)) : toExpr(power);
  const n = exponent.kind === 'num' && isInteger(exponent.value) ? exponent.value.s * exponent.value.n : undefined;
  const meaning = fn.meaning as FunctionValue;
  const inverse = meaning.kind === 'table' ? functionTable[meaning.name].inverse : undefined;
  if (n === -1n && inverse) return build.call(inverse, checkedArguments(fn, inverse, args));
  if (n !== undefined && n >= 1n && meaning.kind !== 'abstract') return build.pow(applyFunction(fn, args), exponent);
  const written = `${meaning.spelling}^${exponent.kind === 'num' ? exponent.value.toFraction() : '…'}`;
  const inverseHint = inverse ? `, or −1 for the inverse function (${meaning.spelling}^-1 x is ${inverse}(x))` : '';
  throw errorAt(source, fn.offset, meaning.kind === 'abstract'
    ? `${written}: a power of an unknown function could be a power of its value or a repeated application: write ${meaning.name}(x)^2 or ${meaning.name}(${meaning.name}(x))`
    : `${written}: a power written on a function is a whole number from 1 (${meaning.spelling}^2 x is ${meaning.spelling}(x)^2)${inverseHint}; write other powers after the argument, as ${meaning.spelling}(x)^(1/2)`);
}

/** A function applied to arguments, their number checked. */
export function applyFunction(fn: Token, args: readonly Expr[]): Expr {
  const meaning = fn.meaning as FunctionValue;
  if (meaning.kind === 'abstract') {
    // Primes are for a function of one argument; ∂₂f needs at least two.
    if (meaning.order > 0 && args.length !== 1) {
      throw errorAt(source, fn.offset, `primes are for a function of one argument: for a derivative of ${meaning.name}(…) by its first argument write D1${meaning.name} or ∂₁${meaning.name}`);
    }
    const most = Math.max(0, ...meaning.by);
    if (args.length < most) throw errorAt(source, fn.offset, `${meaning.spelling} is a derivative by argument ${most}, but ${meaning.name} is given ${args.length}`);
    const orders = args.map((_, i) => (args.length === 1 ? meaning.order : 0) + meaning.by.filter((k) => k === i + 1).length);
    return build.apply(meaning.name, args, orders);
  }
  // log_2 x: the base written as a subscript is the second argument.
  const all = meaning.kind === 'table' && meaning.base ? [...args, meaning.base] : args;
  if (meaning.kind === 'notation') {
    const { arity, tree } = meaning.notation;
    if (all.length < arity[0] || all.length > arity[1]) throw arityError(fn, meaning.spelling, arity, all.length);
    return fromTemplate(tree, all);
  }
  const { arity, withOneMore } = functionTable[meaning.name];
  const name = all.length === arity[1] + 1 && withOneMore ? withOneMore : meaning.name;
  return build.call(name, checkedArguments(fn, name, all));
}

function checkedArguments(fn: Token, name: FunctionName, args: readonly Expr[]): readonly Expr[] {
  const { arity } = functionTable[name];
  if (args.length < arity[0] || args.length > arity[1]) throw arityError(fn, (fn.meaning as FunctionValue).spelling, arity, args.length);
  return args;
}

function arityError(fn: Token, spelling: string, [fewest, most]: readonly [number, number], got: number): Error {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  const takes = fewest === most ? plural(fewest) : most === Infinity ? `${plural(fewest)} or more` : `${fewest} or ${plural(most)}`;
  return errorAt(source, fn.offset, `${spelling} takes ${takes}, got ${got}`);
}
