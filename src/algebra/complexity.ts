import type { Expr } from '../expr/types.js';
import { children } from '../expr/traverse.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';

/**
 * A measure that adds up over the tree: each node's own weight plus its children's, a
 * shared part counted once per use; cached per node, computed without recursion.
 */
function treeSum(own: (node: Expr) => number): (e: Expr) => number {
  const known = new NodeMemo<number>();
  const combine = (node: Expr, of: (part: Expr) => number): number => {
    let total = own(node);
    const parts = children(node);
    for (let i = 0; i < parts.length; i++) total += of(parts[i]!);
    return total;
  };
  return (e) => {
    const found = known.get(e);
    if (found !== undefined) return found;
    // Asked mostly of a node just made from parts asked about before: their sums are known.
    let total = own(e);
    const parts = children(e);
    for (let i = 0; i < parts.length; i++) {
      const part = known.get(parts[i]!);
      if (part === undefined) return foldParts(e, children, combine, known);
      total += part;
    }
    known.set(e, total);
    return total;
  };
}

/**
 * Size as a reader sees it: nodes, with a fraction bar counting double (a/b/c reads
 * worse than a/(b·c)), a rational number p/q as more than its three printed parts
 * (x/2 reads better than 1/2·x), and the unwritten parts of 2x and x² as nothing
 * (each node's share is in expr/own-complexity.ts). Each node knows its own.
 */
export const complexity = (e: Expr): number => e.complexity;

/** How many times variables and constants are written: 2 in x + x and x·x, 1 in 2x and x². */
const letterCount = treeSum((node) => (node.kind === 'variable' || node.kind === 'constant' ? 1 : 0));

/** How many numbers are written: 2 in −2x/(2y), none in −x/y. */
const numberCount = treeSum((node) => (node.kind === 'num' ? 1 : 0));

/** How many digits the numbers have: 4 in −81/(4y³), 6 in −324/(16y³). */
// Counted in hexadecimal digits, which a BigInt gives in linear time: the order is what matters.
const digitCount = treeSum((node) => (node.kind === 'num' ? node.value.n.toString(16).length + (node.value.d === 1n ? 0 : node.value.d.toString(16).length) : 0));

/**
 * Whether a reads simpler than b: smaller, or as small with fewer letters written
 * (2x rather than x + x, x² rather than x·x), or with fewer numbers (−x/y rather than
 * −2x/(2y)), or with fewer digits (−81/(4y³) rather than −324/(16y³), in hexadecimal digits). Each measure adds up
 * over the tree, so a rewrite that makes a part simpler makes the whole simpler, and rewriting
 * terminates.
 */
export function simpler(a: Expr, b: Expr): boolean {
  const ca = a.complexity;
  const cb = b.complexity;
  if (ca !== cb) return ca < cb;
  const la = letterCount(a);
  const lb = letterCount(b);
  if (la !== lb) return la < lb;
  const na = numberCount(a);
  const nb = numberCount(b);
  return na < nb || (na === nb && digitCount(a) < digitCount(b));
}
