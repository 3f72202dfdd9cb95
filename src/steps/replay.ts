import type { Expr } from '../expr/types.js';
import { rebuildExactly } from '../expr/factory.js';
import { children, rebuild } from '../expr/traverse.js';

/*
 * The simplifier records each rewrite as a part before and after, and where it was;
 * a derivation shows the whole expression after each one. The simplifier rewrites a
 * child completely before it rebuilds the parent, and rebuilding can fold a sign into
 * a number (−(2·x) is (−2)·x), so the whole is rebuilt exactly, without folding, and
 * shown in canonical form, which prints the same.
 */
export class Replay {
  constructor(private whole: Expr) {}

  /** Puts `after` at the path. */
  apply(path: readonly number[], after: Expr): void {
    const place = (node: Expr, depth: number): Expr => {
      if (depth === path.length) return after;
      const next = [...children(node)];
      const index = path[depth]!;
      if (index >= next.length) throw new Error('internal error: a rewrite is outside the expression');
      next[index] = place(next[index]!, depth + 1);
      return rebuildExactly(node, next);
    };
    this.whole = place(this.whole, 0);
  }

  /** The whole expression now, as the factories would build it. */
  current(): Expr {
    return canonical(this.whole);
  }
}

function canonical(node: Expr): Expr {
  const cs = children(node);
  return cs.length === 0 ? node : rebuild(node, cs.map(canonical));
}
