import type { Expr } from '../expr/types.js';
import { children, postOrder } from '../expr/traverse.js';

const known = new WeakMap<Expr, number>();

/**
 * Size as a reader sees it: nodes, with a fraction bar counting double (a/b/c reads
 * worse than a/(b·c)), a rational number p/q as more than its three printed parts
 * (x/2 reads better than 1/2·x), and the unwritten parts of 2x and x² as nothing.
 * A shared part counts once per use; values are cached.
 */
export function complexity(e: Expr): number {
  const cached = known.get(e);
  if (cached !== undefined) return cached;
  for (const node of postOrder(e)) {
    if (known.has(node)) continue;
    known.set(node, children(node).reduce((total, c) => total + known.get(c)!, ownComplexity(node)));
  }
  return known.get(e)!;
}

function ownComplexity(node: Expr): number {
  switch (node.kind) {
    case 'num': return node.value.d !== 1n ? 5 : 1;
    case 'div': return 2;
    // 2x is two symbols, as x + x is three: the product sign of a whole coefficient is not written.
    case 'mul': return node.factors[0]!.kind === 'num' && node.factors[0]!.value.d === 1n ? 0 : 1;
    // x² is written as two symbols, x·x as three.
    case 'pow': return node.exponent.kind === 'num' && node.exponent.value.d === 1n ? 0 : 1;
    default: return 1;
  }
}

const occurrences = new WeakMap<Expr, number>();

/** How many times variables and constants are written: 2 in x + x and x·x, 1 in 2x and x². */
export function letterCount(e: Expr): number {
  const cached = occurrences.get(e);
  if (cached !== undefined) return cached;
  for (const node of postOrder(e)) {
    if (occurrences.has(node)) continue;
    const own = node.kind === 'variable' || node.kind === 'constant' ? 1 : 0;
    occurrences.set(node, children(node).reduce((total, c) => total + occurrences.get(c)!, own));
  }
  return occurrences.get(e)!;
}

/**
 * Whether a reads simpler than b: smaller, or as small with fewer letters written
 * (2x rather than x + x, x² rather than x·x). Both measures add up over the tree, so a
 * rewrite that makes a part simpler makes the whole simpler, and rewriting terminates.
 */
export function simpler(a: Expr, b: Expr): boolean {
  const ca = complexity(a);
  const cb = complexity(b);
  return ca < cb || (ca === cb && letterCount(a) < letterCount(b));
}
