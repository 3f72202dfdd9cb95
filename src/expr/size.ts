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

const sizes = new WeakMap<Expr, number>();

/** treeSize, remembered per node: asking again for a part, or for a tree that contains it, is cheap. */
export function cachedTreeSize(e: Expr): number {
  // Children first, stopping at parts already measured, so each node is measured once overall.
  const stack: { node: Expr; expanded: boolean }[] = [{ node: e, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (sizes.has(top.node)) continue;
    if (top.expanded) {
      sizes.set(top.node, children(top.node).reduce((total, c) => total + sizes.get(c)!, 1));
      continue;
    }
    stack.push({ node: top.node, expanded: true });
    for (const c of children(top.node)) if (!sizes.has(c)) stack.push({ node: c, expanded: false });
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
