import type { Expr } from '../expr/types.js';
import type { Condition, DiffStep } from '../diff/steps.js';
import type { RewriteStep } from '../simplify/rewrite.js';

/** One differentiation: the expression, the rule tree, the tidying steps and the result. */
export interface Derivation {
  readonly expr: Expr;
  readonly step: DiffStep;
  readonly simplification: readonly RewriteStep[];
  readonly result: Expr;
  /** Where the result holds, when not everywhere the expression is defined: d/dx |x| = sign(x) for x ≠ 0. */
  readonly conditions: readonly Condition[];
}
