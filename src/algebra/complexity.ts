import type { Expr } from '../expr/types.js';
import { children } from '../expr/traverse.js';
import { foldParts } from '../expr/fold.js';

/**
 * A measure that adds up over the tree: each node's own weight plus its children's, a
 * shared part counted once per use; cached per node, computed without recursion.
 */
function treeSum(own: (node: Expr) => number): (e: Expr) => number {
  const known = new WeakMap<Expr, number>();
  return (e) => known.get(e) ?? foldParts(e, children, (node, of) => children(node).reduce((total, c) => total + of(c), own(node)), known);
}

/**
 * Size as a reader sees it: nodes, with a fraction bar counting double (a/b/c reads
 * worse than a/(b·c)), a rational number p/q as more than its three printed parts
 * (x/2 reads better than 1/2·x), and the unwritten parts of 2x and x² as nothing.
 */
export const complexity = treeSum((node) => {
  switch (node.kind) {
    case 'num': return node.value.d !== 1n ? 5 : 1;
    case 'div': return 2;
    // 2x is two symbols, as x + x is three: the product sign of a whole coefficient is not written.
    case 'mul': return node.factors[0]!.kind === 'num' && node.factors[0]!.value.d === 1n ? 0 : 1;
    // x² is written as two symbols, x·x as three.
    case 'pow': return node.exponent.kind === 'num' && node.exponent.value.d === 1n ? 0 : 1;
    default: return 1;
  }
});

/** How many times variables and constants are written: 2 in x + x and x·x, 1 in 2x and x². */
const letterCount = treeSum((node) => (node.kind === 'variable' || node.kind === 'constant' ? 1 : 0));

/** How many numbers are written: 2 in −2x/(2y), none in −x/y. */
const numberCount = treeSum((node) => (node.kind === 'num' ? 1 : 0));

/**
 * Whether a reads simpler than b: smaller, or as small with fewer letters written
 * (2x rather than x + x, x² rather than x·x), or with fewer numbers (−x/y rather than
 * −2x/(2y)). Each measure adds up over the tree, so a rewrite that makes a part simpler
 * makes the whole simpler, and rewriting terminates.
 */
export function simpler(a: Expr, b: Expr): boolean {
  const ca = complexity(a);
  const cb = complexity(b);
  if (ca !== cb) return ca < cb;
  const la = letterCount(a);
  const lb = letterCount(b);
  return la < lb || (la === lb && numberCount(a) < numberCount(b));
}
