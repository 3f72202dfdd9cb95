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
