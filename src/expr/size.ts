import type { Expr } from './types.js';

/*
 * Every node knows its size and depth (the factory works them out from its children's),
 * so these are O(1) however large the tree: the limits are checked on every derivative.
 */

/** Number of nodes as printed, counting a shared subtree once per use. */
export const treeSize = (e: Expr): number => e.size;

/** Length of the longest path from the root to a leaf, counting nodes. */
export const treeDepth = (e: Expr): number => e.depth;

/**
 * Trees up to this deep are worked on recursively, which is quicker; deeper ones part by part,
 * children before parents, so that no stage runs out of stack however deep the input is.
 */
export const maxRecursionDepth = 500;
