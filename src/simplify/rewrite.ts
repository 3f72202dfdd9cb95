import type { Expr, Kind } from '../expr/types.js';

/**
 * The stable ids of every rewrite the simplifier records, one id per rewrite. They appear in
 * JSON and never change once shipped; their wording lives in src/steps/labels.ts.
 */
export const rewriteIds = [
  // Tidying rules (rules.ts)
  'flatten-sum', 'add-numbers', 'cancel-opposite-terms', 'flatten-product', 'multiply-by-zero', 'collect-coefficient',
  'multiply-by-reciprocal', 'divide-by-itself', 'negate-sum', 'double-negation', 'sign-out-of-quotient',
  'reduce-numeric-fraction', 'divide-by-one', 'zero-numerator', 'power-of-zero', 'power-of-one', 'one-to-a-power',
  'fold-power', 'power-of-power', 'zero-to-a-power',
  // Rewrites that know functions (function-rules.ts)
  'exact-value', 'cancel-inverse', 'inverse-in-closed-form', 'power-of-base-log', 'root-of-power', 'fewer-arguments', 'abs-of-nonnegative', 'relu-root-beside-step', 'square-identity', 'quotient-as-function',
  // Rules backed by the polynomial normal form (normal-form-rules.ts)
  'collect-like-terms', 'combine-powers', 'cancel-common-factors', 'order-factors', 'negative-power-as-fraction',
  'fractional-power-as-root', 'power-of-root',
  // A rational function of the variables written from its normal form at once (lowest-terms.ts)
  'lowest-terms',
  // Writing an answer in terms of σ, as by hand (sigmoid.ts)
  'add-and-subtract-one', 'split-fraction', 'cancel-in-each-fraction', 'factor-out', 'substitute-sigmoid',
  'normal-form-in-sigmoid', 'rewrite-in-sigmoid',
  // The form asked for (simplify.ts)
  'expand', 'factor', 'group-terms', 'order-terms',
] as const;

export type RewriteId = (typeof rewriteIds)[number];

/** A node of one kind: an Add for 'add'. */
export type ExprOfKind<K extends Kind> = Extract<Expr, { readonly kind: K }>;

/**
 * A rewrite rule: a stable id and a rewrite of one kind of node, which returns undefined where
 * it does not apply. The rules are applied bottom-up to a fixed point by simplify(), which offers
 * each rule only nodes of its kind. Every rule makes the tree smaller or moves it toward one
 * normal form, so the rewriting terminates.
 */
export interface RewriteRule<K extends Kind = Kind> {
  readonly id: RewriteId;
  readonly kind: K;
  readonly apply: (e: ExprOfKind<K>) => Expr | undefined;
}

/** A rule for any kind of node, as rule lists hold them. */
export type AnyRewriteRule = { readonly [K in Kind]: RewriteRule<K> }[Kind];

/** A rule for nodes of one kind: its rewrite sees only them. */
export const rule = <K extends Kind>(kind: K, id: RewriteId, apply: (e: ExprOfKind<K>) => Expr | undefined): RewriteRule<K> =>
  ({ id, kind, apply });

/** One firing of a rewrite rule: which rule, and the subexpression before and after. */
export interface RewriteStep {
  readonly rule: RewriteId;
  readonly before: Expr;
  readonly after: Expr;
  /** With `places`: child indices from the root to the rewritten part, at the moment of the rewrite. */
  readonly path?: readonly number[];
  /** An identity the rewrite relies on, shown beside it: σ(x) = 1/(1 + e^(−x)). */
  readonly uses?: readonly [Expr, Expr];
}
