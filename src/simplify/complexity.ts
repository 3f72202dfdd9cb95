import type { Expr } from '../expr/types.js';
import { children, postOrder } from '../expr/traverse.js';

const known = new WeakMap<Expr, number>();

/**
 * Size as a reader sees it: nodes, with a fraction bar counting double (a/b/c reads
 * worse than a/(b·c)) and a rational number p/q as more than its three printed parts
 * (x/2 reads better than 1/2·x). A shared part counts once per use; values are cached.
 */
export function complexity(e: Expr): number {
  const cached = known.get(e);
  if (cached !== undefined) return cached;
  for (const node of postOrder(e)) {
    if (known.has(node)) continue;
    const own = node.kind === 'num' && node.value.d !== 1n ? 5 : node.kind === 'div' ? 2 : 1;
    known.set(node, children(node).reduce((total, c) => total + known.get(c)!, own));
  }
  return known.get(e)!;
}
