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
  const of = (part: N): T => {
    if (!memo.has(part)) memo.set(part, combine(part, of));
    return memo.get(part) as T;
  };
  const stack: { node: N; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (memo.has(top.node)) continue;
    const own = parts(top.node);
    if (!top.expanded && own.length > 0) {
      stack.push({ node: top.node, expanded: true });
      for (let i = own.length - 1; i >= 0; i--) if (!memo.has(own[i]!)) stack.push({ node: own[i]!, expanded: false });
      continue;
    }
    memo.set(top.node, combine(top.node, of));
  }
  return memo.get(root) as T;
}
