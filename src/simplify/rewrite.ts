import type { Expr, Kind } from '../expr/types.js';

/**
 * Tidying rules: each has a stable id and rewrites one node, or returns undefined
 * when it does not apply. They are applied bottom-up to a fixed point by simplify().
 * Every rule makes the tree smaller or moves it toward one normal form, so the
 * rewriting terminates.
 */
export interface RewriteRule {
  readonly id: string;
  /** The kind of node the rule rewrites: simplify() offers it no other. */
  readonly kind: Kind;
  readonly apply: (e: Expr) => Expr | undefined;
}

/** One firing of a rewrite rule: which rule, and the subexpression before and after. */
export interface RewriteStep {
  readonly rule: string;
  readonly before: Expr;
  readonly after: Expr;
  /** With `places`: child indices from the root to the rewritten part, at the moment of the rewrite. */
  readonly path?: readonly number[];
  /** An identity the rewrite relies on, shown beside it: σ(x) = 1/(1 + e^(−x)). */
  readonly uses?: readonly [Expr, Expr];
}

