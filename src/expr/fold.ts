import { checkLimits } from '../errors.js';

/** Where a fold keeps its values: a Map for one fold, or a WeakMap shared by many. */
export interface FoldMemo<N, T> {
  has(node: N): boolean;
  get(node: N): T | undefined;
  set(node: N, value: T): unknown;
}

/**
 * A value for every node of a tree (or a graph of shared parts) of any kind, parts first,
 * without recursion, so any depth folds: `parts` names a node's parts and `combine` makes
 * its value, looking its parts' values up with `of`. Each node is combined once. A part
 * that `parts` did not name (one made on the way) is combined when it is looked up.
 */
export function foldParts<N, T>(
  root: N,
  parts: (node: N) => readonly N[],
  combine: (node: N, of: (part: N) => T) => T,
  memo: FoldMemo<N, T> = new Map<N, T>(),
): T {
  // Most folds are asked of a node already folded: found without making the stacks below.
  const known = memo.get(root);
  if (known !== undefined) return known;
  // One lookup where the value is there, as it nearly always is (a value may be undefined: then two).
  const of = (part: N): T => {
    const known = memo.get(part);
    if (known !== undefined || memo.has(part)) return known as T;
    const value = combine(part, of);
    memo.set(part, value);
    return value;
  };
  // Most of the rest are asked of a node whose parts are folded (a tree is simplified parts first): combined at once.
  const own = parts(root);
  let partsKnown = true;
  for (let i = 0; i < own.length && partsKnown; i++) partsKnown = memo.get(own[i]!) !== undefined || memo.has(own[i]!);
  if (partsKnown) {
    const value = combine(root, of);
    memo.set(root, value);
    return value;
  }
  // Two parallel stacks rather than one of small objects: this runs over every node of large trees.
  const nodes: N[] = [root];
  const expanded: boolean[] = [false];
  while (nodes.length > 0) {
    checkLimits();
    const node = nodes.pop()!;
    const ready = expanded.pop()!;
    if (memo.get(node) !== undefined || memo.has(node)) continue;
    const own = parts(node);
    if (!ready && own.length > 0) {
      nodes.push(node);
      expanded.push(true);
      for (let i = own.length - 1; i >= 0; i--) {
        if (memo.get(own[i]!) === undefined && !memo.has(own[i]!)) {
          nodes.push(own[i]!);
          expanded.push(false);
        }
      }
      continue;
    }
    memo.set(node, combine(node, of));
  }
  return memo.get(root) as T;
}
