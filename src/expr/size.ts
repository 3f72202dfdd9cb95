import type { Expr } from './types.js';
import { children, postOrder } from './traverse.js';

/** Number of nodes as printed, counting a shared subtree once per use. */
export function treeSize(e: Expr): number {
  const sizes = new Map<Expr, number>();
  for (const node of postOrder(e)) {
    sizes.set(node, children(node).reduce((total, c) => total + sizes.get(c)!, 1));
  }
  return sizes.get(e)!;
}

/** Length of the longest path from the root to a leaf, counting nodes. */
export function treeDepth(e: Expr): number {
  const depths = new Map<Expr, number>();
  for (const node of postOrder(e)) {
    depths.set(node, children(node).reduce((deepest, c) => Math.max(deepest, depths.get(c)!), 0) + 1);
  }
  return depths.get(e)!;
}
