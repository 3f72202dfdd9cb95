import { foldParts } from './fold.js';
import { NodeMemo } from './node-memo.js';
import type { Apply, Expr } from './types.js';
import { callBits, mayCall } from './calls.js';
import { holdsVariable } from './variable-bits.js';
import { add, apply, call, derivative, div, mul, neg, pow } from './factory.js';

/** The children of a leaf: one shared empty list, since this is asked of every node of large trees. */
const noChildren: readonly Expr[] = Object.freeze([]);

/** The direct subexpressions of a node, in print order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num': case 'constant': case 'variable': return noChildren;
    case 'add': return e.terms;
    case 'mul': return e.factors;
    case 'div': return [e.numerator, e.denominator];
    case 'neg': return [e.operand];
    case 'pow': return [e.base, e.exponent];
    case 'call': return e.args;
    case 'apply': return e.args;
    case 'derivative': return [e.operand];
  }
}

/** Rebuilds a node with new children; returns the same node when nothing changed. */
export function withChildren(e: Expr, next: readonly Expr[]): Expr {
  const old = children(e);
  if (old.length === next.length && old.every((c, i) => c === next[i])) return e;
  return rebuild(e, next);
}

/**
 * The node with each child c replaced by f(c, its index): the same node where f gives every child
 * back, and no list made then (this runs at every node the simplifier visits).
 */
export function mapChildren(e: Expr, f: (child: Expr, index: number) => Expr): Expr {
  switch (e.kind) {
    case 'num': case 'constant': case 'variable': return e;
    case 'div': case 'pow': {
      const [a, b] = e.kind === 'div' ? [e.numerator, e.denominator] : [e.base, e.exponent];
      const x = f(a, 0);
      const y = f(b, 1);
      return x === a && y === b ? e : rebuild(e, [x, y]);
    }
    case 'neg': case 'derivative': {
      const x = f(e.operand, 0);
      return x === e.operand ? e : rebuild(e, [x]);
    }
    default: {
      const old = children(e);
      let next: Expr[] | undefined;
      for (let i = 0; i < old.length; i++) {
        const c = f(old[i]!, i);
        if (next === undefined && c !== old[i]) next = old.slice(0, i);
        if (next !== undefined) next.push(c);
      }
      return next === undefined ? e : rebuild(e, next);
    }
  }
}

/** A node of the same kind with the given children, made by the factories (so in canonical form). */
export function rebuild(e: Expr, next: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'num': case 'constant': case 'variable': return e;
    case 'add': return add(next);
    case 'mul': return mul(next);
    case 'div': return div(next[0]!, next[1]!);
    case 'neg': return neg(next[0]!);
    case 'pow': return pow(next[0]!, next[1]!);
    case 'call': return call(e.name, next);
    case 'apply': return apply(e.name, next, e.orders);
    case 'derivative': return derivative(next[0]!, e.variable);
  }
}

/** Structural equality (the print-only `decimal` flag of numbers is ignored). */
export function equals(a: Expr, b: Expr): boolean {
  // Most trees compared are one node, or differ at once (equal trees are mostly one node): answered without a stack.
  if (a === b) return true;
  if (a.hash !== b.hash || a.kind !== b.kind) return false;
  const stack: [Expr, Expr][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (x.hash !== y.hash || x.kind !== y.kind || !sameLabel(x, y)) return false;
    const xs = children(x);
    const ys = children(y);
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) stack.push([xs[i]!, ys[i]!]);
  }
  return true;
}

function sameLabel(x: Expr, y: Expr): boolean {
  switch (x.kind) {
    case 'num': return y.kind === 'num' && x.value.equals(y.value);
    case 'constant': return y.kind === 'constant' && x.name === y.name;
    case 'variable': return y.kind === 'variable' && x.name === y.name;
    case 'call': return y.kind === 'call' && x.name === y.name;
    case 'apply': return y.kind === 'apply' && x.name === y.name && x.orders.length === y.orders.length && x.orders.every((o, i) => o === y.orders[i]);
    case 'derivative': return y.kind === 'derivative' && x.variable === y.variable;
    default: return true;
  }
}

/** Every node of the tree, each distinct object once, children before parents. */
export function postOrder(root: Expr): Expr[] {
  const out: Expr[] = [];
  foldParts<Expr, true>(root, children, (node) => {
    out.push(node);
    return true;
  });
  return out;
}

/**
 * A value for every node, children first, without recursion: `combine` gets the node and
 * a lookup for its children's values. Each distinct node is combined once. A node made
 * on the way (a child that is not in the tree) is combined when it is looked up.
 */
export function foldTree<T>(root: Expr, combine: (node: Expr, of: (child: Expr) => T) => T): T {
  return foldParts(root, children, combine);
}

/** Nesting up to which foldWritten recurses, well within the stack; deeper trees fold by foldTree. */
const recursedUpTo = 500;

/**
 * foldTree for a value as long as the tree written out, as a printed text is: a shared part is
 * combined again where it stands, which costs no more than writing its text there, and a tree of
 * modest depth (nearly all) recurses, without the stacks and the memo of foldTree, which cost more
 * than printing a short answer.
 */
export function foldWritten<T>(root: Expr, combine: (node: Expr, of: (child: Expr) => T) => T): T {
  // A tree built by hand has no depth: it folds by foldTree, whatever its depth.
  if (!(root.depth <= recursedUpTo)) return foldTree(root, combine);
  const of = (child: Expr): T => combine(child, of);
  try {
    return combine(root, of);
  } catch (error) {
    // A part built by hand below a factory's node makes its depth read too small: folded without recursion then.
    if (error instanceof RangeError) return foldTree(root, combine);
    throw error;
  }
}

/** The variables of an expression, in order of first appearance. */
export function variablesOf(e: Expr): string[] {
  const names = new Set<string>();
  const stack: Expr[] = [e];
  const order: string[] = [];
  // A shared part is walked once: derivatives share parts, and walking every path would be exponential.
  const seen = new Set<Expr>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'variable' && !names.has(node.name)) {
      names.add(node.name);
      order.push(node.name);
    }
    const cs = children(node);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
  return order;
}

/** Whether a call of one of the named functions occurs anywhere in e; stops at the first, looks at a shared part once. */
export function containsCall(e: Expr, names: ReadonlySet<string>): boolean {
  if (!mayCall(e, callBits(names))) return false;
  const stack: Expr[] = [e];
  const seen = new Set<Expr>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'call' && names.has(node.name)) return true;
    for (const child of children(node)) stack.push(child);
  }
  return false;
}

/** The variables of each node, found once for all the variables asked about (a gradient asks about each). */
const variableSets = new NodeMemo<ReadonlySet<string>>();
const noVariables: ReadonlySet<string> = new Set();
const singleVariables = new Map<string, ReadonlySet<string>>();

/** a ∪ b, reusing either where it holds the other (most parts of a tree have the same variables). */
function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === b || b.size === 0) return a;
  if (a.size === 0) return b;
  if (a.size >= b.size && [...b].every((v) => a.has(v))) return a;
  if ([...a].every((v) => b.has(v))) return b;
  return new Set([...a, ...b]);
}

function variableSet(e: Expr): ReadonlySet<string> {
  const known = variableSets.get(e);
  if (known) return known;
  // Stops at parts already answered, so asking of each part of a tree in turn stays linear.
  return foldParts(e, children, (node, of) => {
    if (node.kind === 'variable') {
      let single = singleVariables.get(node.name);
      if (!single) {
        single = new Set([node.name]);
        if (singleVariables.size < 10_000) singleVariables.set(node.name, single);
      }
      return single;
    }
    let all = noVariables;
    for (const c of children(node)) all = union(all, of(c));
    return all;
  }, variableSets);
}

/** Does e contain the variable `name`? Its bits say so at once for most names; otherwise cached per node, so repeated questions are cheap. */
export function dependsOn(e: Expr, name: string): boolean {
  return holdsVariable(e, name) ?? variableSet(e).has(name);
}

/** The arguments a derivative of an abstract function is by, 1-based, each as often as it is: [1, 1, 2] for ∂₁∂₁∂₂f. */
export const partialIndices = (e: Apply): number[] => e.orders.flatMap((n, i) => Array.from({ length: n }, () => i + 1));
