import type {
  AbstractFunctionName, Add, Apply, Call, Constant, ConstantName, Derivative, Div, Expr, Mul, Neg, Num, Pow, Rational, Variable,
} from './types.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import { beforeEachWork, InputError } from '../errors.js';
import { hashBigInt, hashList, hashOfHashed, hashString, mix } from './hash.js';
import { ownComplexity } from './own-complexity.js';
import { forgetNodeMemos } from './node-memo.js';
import { InternTable } from './intern-table.js';
import { isTerminating, isZero, rational } from './rational.js';
import { anyCallBits, callBit } from './calls.js';
import { anyVariableBits, variableBit } from './variable-bits.js';

/*
 * The only place trees are made. A few canonical forms are applied here so that
 * every tree the project can hold prints and reads back as itself:
 *  - the sign of a leading number is part of the number: −2·x is mul(−2, x), −1/x is div(−1, x);
 *  - a quotient of two numbers is a rational number: 1/2 is num(1/2);
 *  - e^u is exp(u);
 *  - a sum or product of one item is that item, of none is 0 or 1.
 */

const seed = {
  num: hashString('num'), constant: hashString('constant'), variable: hashString('variable'),
  add: hashString('add'), mul: hashString('mul'), div: hashString('div'), neg: hashString('neg'),
  pow: hashString('pow'), call: hashString('call'), apply: hashString('apply'),
  derivative: hashString('derivative'),
};

/** Size and depth of a node with these children: each node knows its own, so asking is O(1). */
function sizeOf(parts: readonly Expr[]): number {
  let size = 1;
  for (const p of parts) size += p.size;
  return size;
}
function depthOf(parts: readonly Expr[]): number {
  let depth = 0;
  for (const p of parts) if (p.depth > depth) depth = p.depth;
  return depth + 1;
}
const sizeOf2 = (a: Expr, b: Expr): number => 1 + a.size + b.size;
function complexityOf(own: number, parts: readonly Expr[]): number {
  let total = own;
  for (const p of parts) total += p.complexity;
  return total;
}
const depthOf2 = (a: Expr, b: Expr): number => 1 + Math.max(a.depth, b.depth);
/** Whether a number below is written as a decimal: the algebra then knows such a part by its fraction's twin (see atoms.ts). */
function decimalsIn(parts: readonly Expr[]): boolean {
  for (const p of parts) if (p.hasDecimal) return true;
  return false;
}
/** The functions called below (expr/calls.ts): a part built by hand, without bits, may call any. */
function callsIn(parts: readonly Expr[]): number {
  let bits = 0;
  for (const p of parts) bits |= p.calls ?? anyCallBits;
  return bits;
}
const callsIn2 = (a: Expr, b: Expr): number => (a.calls ?? anyCallBits) | (b.calls ?? anyCallBits);
/** The variables below (expr/variable-bits.ts): a part built by hand, without bits, may hold any. */
function variablesIn(parts: readonly Expr[]): number {
  let bits = 0;
  for (const p of parts) bits |= p.variables ?? anyVariableBits;
  return bits;
}
const variablesIn2 = (a: Expr, b: Expr): number => (a.variables ?? anyVariableBits) | (b.variables ?? anyVariableBits);

/*
 * Equal trees are one tree: every node is interned, so building x + 1 twice gives the same
 * object, with its hash, size, normal form and other cached facts worked out once. Each node
 * has a small integer id, unique to it, which memos and the algebra key by. A node is looked up
 * by its hash and compared shallowly, its children by identity (they are interned too). The
 * table is emptied between two pieces of work once it holds `maxInterned` nodes, so a
 * long-running process does not keep every node it ever made: a node built after that is a new
 * object with a new id even where an equal one was made before. Within a piece of work the
 * algebra keys atoms by id, so the table is never emptied under it, only at a point where the
 * work carries one tree on (between two orders of a derivative), and that tree is built again
 * in the new table (see renew.ts).
 */
const maxInterned = 1 << 19;
const maxInternedAtAll = 1 << 23;
const interned = new InternTable<Expr>();
let nextId = 1;

/**
 * Small whole numbers as nodes, found without making a fraction and hashing it each time: most
 * numbers the writing of normal forms makes are small. Emptied with the table (forgetNodes), by
 * a new Map: an emptied Map keeps its old tables, and once those are in the old generation, every
 * collection of the young objects keeps the young nodes they held (and all those nodes hold),
 * however long ago they were let go of, until a full collection. Every Map kept from one piece of
 * work to the next is renewed so.
 */
let smallIntegers = new Map<number, Num>();
const largestKept = 1024;

/** The node of this hash that `same` accepts, if one was made; otherwise the one `make` makes, kept. */
function intern<T extends Expr>(hash: number, same: (node: Expr) => boolean, make: (id: number) => T): T {
  return (interned.find(hash, same) as T | undefined) ?? kept(hash, make(nextId++));
}

/** A node just made, put in the table under its hash. */
function kept<T extends Expr>(hash: number, node: T): T {
  interned.add(hash, node);
  return node;
}

/*
 * The sum or product of these parts, if one was made. Sums and products are most of the nodes
 * the simplifier makes: they are looked up with one test, made once, which reads the kind and parts
 * looked for from here, rather than with a test made for each as intern does.
 */
let listKind: 'add' | 'mul' = 'add';
let listParts: readonly Expr[] = [];
const isListLookedFor = (node: Expr): boolean => node.kind === listKind && sameList(node.kind === 'add' ? node.terms : (node as Mul).factors, listParts);
function foundList(hash: number, kind: 'add' | 'mul', parts: readonly Expr[]): Expr | undefined {
  listKind = kind;
  listParts = parts;
  const found = interned.find(hash, isListLookedFor);
  listParts = [];
  return found;
}

/**
 * Forgets every node made so far, as a full table would: nodes made after this are new objects
 * even where equal ones were made before, so nothing worked out for the old ones is found for
 * them (forgetWork in errors.ts empties this table and the algebra's together).
 */
export function forgetNodes(): void {
  interned.clear();
  if (smallIntegers.size > 0) smallIntegers = new Map();
  forgetNodeMemos();
}

beforeEachWork((all) => {
  if (all || interned.size >= maxInterned) forgetNodes();
});

/** Whether the nodes made so far fill the table (`maxInternedAtAll`): then it is emptied where a piece of work can start afresh (renew.ts). */
export const tableFull = (): boolean => interned.size >= maxInternedAtAll;

function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a node of one kind holds beside the facts every node has. */
interface OwnFields {
  readonly terms?: readonly Expr[];
  readonly factors?: readonly Expr[];
  readonly numerator?: Expr;
  readonly denominator?: Expr;
  readonly operand?: Expr;
  readonly base?: Expr;
  readonly exponent?: Expr;
  readonly name?: string;
  readonly args?: readonly Expr[];
  readonly orders?: readonly number[];
  readonly variable?: string;
  readonly value?: Rational;
  readonly decimal?: boolean;
}

/*
 * Every node is made here, with the fields of every kind, in one order, those of other kinds
 * undefined. V8 then gives all nodes one hidden class: where nodes of several kinds pass (nearly
 * everywhere), reading a field is one load rather than a search among a class per kind. That is
 * worth the room the unused fields take.
 */
function made<T extends Expr>(
  kind: T['kind'], id: number, hash: number, size: number, depth: number, complexity: number, hasDecimal: boolean, calls: number, variables: number, own: OwnFields,
): T {
  return {
    kind, id, hash, size, depth, complexity, hasDecimal, calls, variables,
    terms: own.terms, factors: own.factors, numerator: own.numerator, denominator: own.denominator, operand: own.operand,
    base: own.base, exponent: own.exponent, name: own.name, args: own.args, orders: own.orders, variable: own.variable,
    value: own.value, decimal: own.decimal,
  } as unknown as T;
}

/*
 * The parts of a node kept in a list of their own, as long as they are: a list built by pushing
 * has room for more (17 entries for 2), and a large work keeps hundreds of thousands of nodes
 * (a sum of 50,000 terms and its derivative held 45 MB of lists, where 19 MB do).
 */
const exactly = (parts: readonly Expr[]): readonly Expr[] => parts.slice();

/* The nodes exactly as given, hash, size, depth and complexity worked out: the factories below apply the canonical forms first. */
function addNode(terms: readonly Expr[]): Add {
  const hash = hashOfHashed(seed.add, terms);
  return (foundList(hash, 'add', terms) as Add | undefined)
    ?? kept(hash, made<Add>('add', nextId++, hash, sizeOf(terms), depthOf(terms), complexityOf(ownComplexity.other, terms), decimalsIn(terms), callsIn(terms), variablesIn(terms), { terms: exactly(terms) }));
}
function mulNode(factors: readonly Expr[]): Mul {
  const hash = hashOfHashed(seed.mul, factors);
  return (foundList(hash, 'mul', factors) as Mul | undefined)
    ?? kept(hash, made<Mul>('mul', nextId++, hash, sizeOf(factors), depthOf(factors), complexityOf(ownComplexity.mul(factors[0]!), factors), decimalsIn(factors), callsIn(factors), variablesIn(factors), { factors: exactly(factors) }));
}
function divNode(numerator: Expr, denominator: Expr): Div {
  const hash = mix(mix(seed.div, numerator.hash), denominator.hash);
  return intern(hash, (n) => n.kind === 'div' && n.numerator === numerator && n.denominator === denominator, (id) => made<Div>('div', id, hash,
    sizeOf2(numerator, denominator), depthOf2(numerator, denominator), ownComplexity.div + numerator.complexity + denominator.complexity, numerator.hasDecimal || denominator.hasDecimal, callsIn2(numerator, denominator), variablesIn2(numerator, denominator),
    { numerator, denominator }));
}
function negNode(operand: Expr): Neg {
  const hash = mix(seed.neg, operand.hash);
  return intern(hash, (n) => n.kind === 'neg' && n.operand === operand,
    (id) => made<Neg>('neg', id, hash, operand.size + 1, operand.depth + 1, ownComplexity.other + operand.complexity, operand.hasDecimal, operand.calls ?? anyCallBits, operand.variables ?? anyVariableBits, { operand }));
}
function powNode(base: Expr, exponent: Expr): Pow {
  const hash = mix(mix(seed.pow, base.hash), exponent.hash);
  return intern(hash, (n) => n.kind === 'pow' && n.base === base && n.exponent === exponent, (id) => made<Pow>('pow', id, hash, sizeOf2(base, exponent), depthOf2(base, exponent),
    ownComplexity.pow(base, exponent) + base.complexity + exponent.complexity, base.hasDecimal || exponent.hasDecimal, callsIn2(base, exponent), variablesIn2(base, exponent), { base, exponent }));
}

export function num(value: Rational, decimal = false): Num {
  const hash = mix(mix(seed.num, hashBigInt(value.n)), hashBigInt(value.d) ^ Number(value.s));
  const asDecimal = decimal && isTerminating(value);
  // 0.1 and 1/10 are equal (see equals) but printed apart: two nodes.
  return intern(hash, (n) => n.kind === 'num' && n.decimal === asDecimal && n.value.n === value.n && n.value.d === value.d && n.value.s === value.s,
    (id) => made<Num>('num', id, hash, 1, 1, ownComplexity.num(value), asDecimal, 0, 0, { value, decimal: asDecimal }));
}

export function int(n: number | bigint): Num {
  const key = typeof n === 'number' ? n : n >= -largestKept && n <= largestKept ? Number(n) : undefined;
  if (key === undefined || !Number.isInteger(key) || key < -largestKept || key > largestKept) return num(rational(n));
  let node = smallIntegers.get(key);
  if (node === undefined) {
    node = num(rational(n));
    smallIntegers.set(key, node);
  }
  return node;
}

export function constant(name: ConstantName): Constant {
  const hash = mix(seed.constant, hashString(name));
  return intern(hash, (n) => n.kind === 'constant' && n.name === name, (id) => made<Constant>('constant', id, hash, 1, 1, ownComplexity.other, false, 0, 0, { name }));
}

export function variable(name: string): Variable {
  const hash = mix(seed.variable, hashString(name));
  return intern(hash, (n) => n.kind === 'variable' && n.name === name, (id) => made<Variable>('variable', id, hash, 1, 1, ownComplexity.other, false, 0, variableBit(name), { name }));
}

export function add(terms: readonly Expr[]): Expr {
  if (terms.length === 0) return int(0);
  if (terms.length === 1) return terms[0]!;
  return addNode(terms);
}

export function mul(factors: readonly Expr[]): Expr {
  if (factors.length === 0) return int(1);
  if (factors.length === 1) return factors[0]!;
  return mulNode(factors);
}

export function div(numerator: Expr, denominator: Expr): Expr {
  if (numerator.kind === 'num' && denominator.kind === 'num' && !isZero(denominator.value)) {
    return num(numerator.value.div(denominator.value), numerator.decimal || denominator.decimal);
  }
  return divNode(numerator, denominator);
}

export function neg(operand: Expr): Expr {
  const folded = negateLeadingNumber(operand);
  if (folded) return folded;
  return negNode(operand);
}

/** −e without a double negation: u for −u, −2·x for 2·x (a sum's term with its sign turned, as printers and rules write it). */
export const negated = (e: Expr): Expr => (e.kind === 'neg' ? e.operand : neg(e));

/** −(2·x) is (−2)·x and −(1/x) is (−1)/x: the sign joins the leading number, if there is one. */
function negateLeadingNumber(e: Expr): Expr | undefined {
  switch (e.kind) {
    case 'num':
      return num(e.value.neg(), e.decimal);
    case 'mul': {
      const first = negateLeadingNumber(e.factors[0]!);
      return first && mul([first, ...e.factors.slice(1)]);
    }
    case 'div': {
      const numerator = negateLeadingNumber(e.numerator);
      return numerator && div(numerator, e.denominator);
    }
    default:
      return undefined;
  }
}

export function pow(base: Expr, exponent: Expr): Expr {
  if (base.kind === 'constant' && base.name === 'e') return call('exp', [exponent]);
  return powNode(base, exponent);
}

export function call(name: FunctionName, args: readonly Expr[]): Call {
  checkCall(name, args.length);
  const hash = hashOfHashed(mix(seed.call, hashString(name)), args);
  return intern(hash, (n) => n.kind === 'call' && n.name === name && sameList(n.args, args), (id) => made<Call>('call', id, hash,
    sizeOf(args), depthOf(args), complexityOf(ownComplexity.other, args), decimalsIn(args), callBit(name) | callsIn(args), variablesIn(args), { name, args: exactly(args) }));
}

/** Refuses a call of a name that is no function of the table, or with too few or too many arguments. */
export function checkCall(name: unknown, count: number): void {
  if (typeof name !== 'string' || !Object.hasOwn(functionTable, name)) {
    throw new InputError(`'${String(name)}' is not a function dydx knows (an unknown function is built with apply)`, 'invalid-request');
  }
  const [fewest, most] = functionTable[name as FunctionName].arity;
  if (count < fewest || count > most) {
    const takes = fewest === most ? `${fewest}` : most === Infinity ? `at least ${fewest}` : `${fewest} to ${most}`;
    throw new InputError(`${name} takes ${takes} argument${fewest === 1 && most === 1 ? '' : 's'}, not ${count}`, 'invalid-request');
  }
}

/** name(args), differentiated `orders[i]` times by argument i (none when `orders` is left out). */
export function apply(name: AbstractFunctionName, args: readonly Expr[], orders: readonly number[] = args.map(() => 0)): Apply {
  const hash = hashOfHashed(hashList(mix(seed.apply, hashString(name)), orders), args);
  const sameOrders = (other: readonly number[]): boolean => other.length === orders.length && other.every((o, i) => o === orders[i]);
  return intern(hash, (n) => n.kind === 'apply' && n.name === name && sameOrders(n.orders) && sameList(n.args, args),
    (id) => made<Apply>('apply', id, hash, sizeOf(args), depthOf(args), complexityOf(ownComplexity.other, args), decimalsIn(args), callsIn(args), variablesIn(args), { name, args: exactly(args), orders }));
}

/** (u)′ with respect to a variable, unevaluated. */
export function derivative(operand: Expr, variable: string): Derivative {
  const hash = mix(mix(seed.derivative, hashString(variable)), operand.hash);
  return intern(hash, (n) => n.kind === 'derivative' && n.variable === variable && n.operand === operand, (id) => made<Derivative>('derivative', id, hash,
    operand.size + 1, operand.depth + 1, ownComplexity.other + operand.complexity, operand.hasDecimal, operand.calls ?? anyCallBits, operand.variables ?? anyVariableBits, { operand, variable }));
}

/**
 * The same node with other children, built exactly as given, without the canonical
 * forms above. Only for showing the intermediate forms of a derivation, where a
 * child is rewritten before its parent is: −(2·x) must stay −(2·x) until then.
 */
export function rebuildExactly(e: Expr, next: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'add': return addNode(next);
    case 'mul': return mulNode(next);
    case 'div': return divNode(next[0]!, next[1]!);
    case 'neg': return negNode(next[0]!);
    case 'pow': return powNode(next[0]!, next[1]!);
    case 'call': return call(e.name, next);
    case 'apply': return apply(e.name, next, e.orders);
    case 'derivative': return derivative(next[0]!, e.variable);
    case 'num': case 'constant': case 'variable': return e;
  }
}

/** a − b, as the parser reads it. */
export const sub = (a: Expr, b: Expr): Expr => add([a, neg(b)]);
