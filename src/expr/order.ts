import Fraction from 'fraction.js';
import { NodeMemo } from './node-memo.js';
import type { Expr, Rational } from './types.js';
import { partialIndices } from './traverse.js';

/*
 * The reading order of trees: two trees compare as their symbols do, read left to right,
 * the way they are written (operands around their operators, a function's name before its
 * arguments), without parentheses or spaces. So −x < 2x < x < x + 1 < x², and sin(x) comes
 * before sinh(x). It is worked out from the trees themselves, lazily: comparing stops at the
 * first symbol that differs.
 */

/** The kinds of symbol, in the order they sort: as their characters do in ASCII. */
const kind = {
  /** between the terms of a sum */
  plus: 0,
  /** the primes of f′(u) */
  prime: 1,
  open: 2,
  close: 3,
  times: 4,
  comma: 5,
  minus: 6,
  over: 7,
  number: 8,
  power: 9,
  name: 10,
} as const;

type Mark =
  | { readonly kind: Exclude<(typeof kind)[keyof typeof kind], typeof kind.number | typeof kind.name> }
  | { readonly kind: typeof kind.number; readonly value: Rational }
  | { readonly kind: typeof kind.name; readonly name: string };
type Item = Expr | Mark;

const plus: Mark = { kind: kind.plus };
const prime: Mark = { kind: kind.prime };
const open: Mark = { kind: kind.open };
const close: Mark = { kind: kind.close };
const times: Mark = { kind: kind.times };
const comma: Mark = { kind: kind.comma };
const minus: Mark = { kind: kind.minus };
const over: Mark = { kind: kind.over };
const power: Mark = { kind: kind.power };
const name = (text: string): Mark => ({ kind: kind.name, name: text });
const number = (value: Rational): Mark => ({ kind: kind.number, value });

function between(parts: readonly Expr[], separator: Item): Item[] {
  const items: Item[] = [];
  parts.forEach((p, i) => {
    if (i > 0) items.push(separator);
    items.push(p);
  });
  return items;
}

/** What a node reads as, one level down: its symbols and its children in writing order. */
function spelledOut(e: Expr): readonly Item[] {
  switch (e.kind) {
    case 'num': return e.value.s < 0n && e.value.n !== 0n ? [minus, number(e.value.abs())] : [number(e.value)];
    case 'constant': case 'variable': return [name(e.name)];
    case 'add': return between(e.terms, plus);
    case 'mul': return between(e.factors, times);
    case 'div': return [e.numerator, over, e.denominator];
    case 'neg': return [minus, e.operand];
    case 'pow': return [e.base, power, e.exponent];
    case 'call': return [name(e.name), open, ...between(e.args, comma), close];
    case 'apply': {
      // The primes, then which argument each is by: ∂₁∂₁f before ∂₁∂₂f before ∂₂∂₂f.
      const by = partialIndices(e);
      return [name(e.name), ...by.map(() => prime), ...by.map((i) => number(new Fraction(i))), open, ...between(e.args, comma), close];
    }
    case 'derivative': return [open, e.operand, close, prime];
  }
}

/** The symbols of a tree one at a time, expanding its parts only as far as they are read. */
class Reader {
  private readonly pending: Item[];
  constructor(root: Expr) {
    this.pending = [root];
  }
  next(): Mark | undefined {
    for (;;) {
      const item = this.pending.pop();
      if (item === undefined || typeof item.kind === 'number') return item as Mark | undefined;
      const parts = spelledOut(item as Expr);
      for (let i = parts.length - 1; i >= 0; i--) this.pending.push(parts[i]!);
    }
  }
}

function compareMarks(a: Mark, b: Mark): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  if (a.kind === kind.number) return a.value.compare((b as typeof a).value);
  if (a.kind === kind.name) return a.name < (b as typeof a).name ? -1 : a.name > (b as typeof a).name ? 1 : 0;
  return 0;
}

/** Negative when a reads before b, positive when after, 0 when they read the same (equal trees). */
export function compareReading(a: Expr, b: Expr): number {
  if (a === b) return 0;
  return compareFrom(new Reader(a), new Reader(b));
}

function compareFrom(left: Reader, right: Reader): number {
  for (;;) {
    const x = left.next();
    const y = right.next();
    // A tree that is the start of the other reads first: x before x + 1.
    if (x === undefined || y === undefined) return (x === undefined ? 0 : 1) - (y === undefined ? 0 : 1);
    const order = compareMarks(x, y);
    if (order !== 0) return order;
  }
}

/** How many symbols of a tree are kept for quick comparison. */
const startLength = 24;

/** The first symbols of a tree, kept for comparing it quickly with others (see compareStarts). */
export interface ReadingStart {
  readonly tree: Expr;
  readonly marks: readonly Mark[];
  /** Whether the marks are the whole reading. */
  readonly whole: boolean;
}
const starts = new NodeMemo<ReadingStart>();

/** The start of a tree's reading, read once and kept. */
export function readingStart(tree: Expr): ReadingStart {
  let start = starts.get(tree);
  if (!start) {
    const reader = new Reader(tree);
    const marks: Mark[] = [];
    for (let m = reader.next(); m !== undefined; m = marks.length < startLength ? reader.next() : undefined) marks.push(m);
    start = { tree, marks, whole: marks.length < startLength || reader.next() === undefined };
    starts.set(tree, start);
  }
  return start;
}

/**
 * A total order close to the reading order, quick for many comparisons of deep trees: trees that
 * differ in their first symbols are in reading order; trees that start alike (deep chains such as
 * cos(sin(sin(…))), alike for thousands of symbols) go larger first, then in reading order.
 */
export function compareStarts(x: ReadingStart, y: ReadingStart): number {
  if (x === y) return 0;
  const n = Math.min(x.marks.length, y.marks.length);
  for (let i = 0; i < n; i++) {
    const order = compareMarks(x.marks[i]!, y.marks[i]!);
    if (order !== 0) return order;
  }
  if (x.whole || y.whole) return (x.whole ? 0 : 1) - (y.whole ? 0 : 1) || x.marks.length - y.marks.length;
  return y.tree.size - x.tree.size || compareReading(x.tree, y.tree);
}

export const compareQuickly = (a: Expr, b: Expr): number => (a === b ? 0 : compareStarts(readingStart(a), readingStart(b)));
