import type { Expr } from './types.js';
import { InputError } from '../errors.js';
import { checkCall } from './factory.js';

/*
 * A tree handed to the library may be built by hand. The factories cannot make a cycle or a
 * malformed node, but an object literal can: such a tree is refused with an InputError before
 * any work that would loop forever or run out of memory on it.
 */

const kinds = new Set(['num', 'constant', 'variable', 'add', 'mul', 'div', 'neg', 'pow', 'call', 'apply', 'derivative']);

/** The children of a node as they stand in the object, whatever it holds. */
function partsOf(node: Expr): readonly unknown[] {
  switch (node.kind) {
    case 'add': return Array.isArray(node.terms) ? node.terms : [undefined];
    case 'mul': return Array.isArray(node.factors) ? node.factors : [undefined];
    case 'div': return [node.numerator, node.denominator];
    case 'neg': return [node.operand];
    case 'pow': return [node.base, node.exponent];
    case 'call': case 'apply': return Array.isArray(node.args) ? node.args : [undefined];
    case 'derivative': return [node.operand];
    default: return [];
  }
}

/** Refuses a tree with a node that is not one, or that contains itself. Shared parts are fine. */
export function checkTree(root: unknown): void {
  // A tree checked once is not checked again: the partials of a gradient each take the same tree.
  if (root === lastRead || (typeof root === 'object' && root !== null && checked.has(root))) return;
  const done = new WeakSet<object>();
  const onPath = new WeakSet<object>();
  // Iterative, with each node's parts pushed after the node: any depth is checked.
  const stack: { node: unknown; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (typeof node !== 'object' || node === null || !kinds.has((node as { kind?: string }).kind ?? '')) {
      throw new InputError(`not an expression: ${node === null ? 'null' : typeof node === 'object' ? `an object of kind ${String((node as { kind?: unknown }).kind)}` : typeof node}`, 'invalid-request');
    }
    if (leaving) {
      onPath.delete(node);
      done.add(node);
      continue;
    }
    if (done.has(node)) continue;
    if (onPath.has(node)) throw new InputError('the expression contains itself: a tree built with a cycle has no value', 'invalid-request');
    const { kind } = node as Expr;
    if (kind === 'call') checkCall((node as Expr & { kind: 'call' }).name, partsOf(node as Expr).length);
    onPath.add(node);
    stack.push({ node, leaving: true });
    for (const part of partsOf(node as Expr)) stack.push({ node: part, leaving: false });
  }
  checked.add(root as object);
}

/** Trees found whole and well formed (their nodes are readonly, so they stay so). */
const checked = new WeakSet<object>();

/**
 * A tree the reader made, of the factories' nodes alone, recorded as well formed: a tree parsed
 * and then handed to the library is not walked again to find so.
 */
export function readAsWellFormed<E extends Expr>(tree: E): E {
  lastRead = tree;
  return tree;
}

/**
 * The tree the reader made last, which is nearly always the one handed to the library next
 * (differentiate(parse(…))): known so without an entry in a WeakSet, which costs a few percent of
 * reading a short input. A tree read before it is walked once, then kept in `checked`.
 */
let lastRead: Expr | undefined;

/**
 * Refuses, at once, what is plainly not a tree where a function of the library takes one: a
 * string (which parse() reads first), a number, nothing. A tree's own nodes are checked where the
 * work starts (checkTree).
 */
export function expectTree(value: unknown, what: string): asserts value is Expr {
  if (typeof value === 'object' && value !== null && kinds.has((value as { kind?: string }).kind ?? '')) return;
  const given = typeof value === 'string' ? `the text '${value.length > 40 ? `${value.slice(0, 37)}...` : value}': read it with parse() first` : value === null ? 'null' : typeof value;
  throw new InputError(`${what} takes an expression tree, not ${given}`, 'invalid-request');
}
