import type { Expr } from '../expr/types.js';
import { children, withChildren } from '../expr/traverse.js';
import { tidyRules, type RewriteRule } from './rules.js';

/** One firing of a rewrite rule: which rule, and the subexpression before and after. */
export interface RewriteStep {
  readonly rule: string;
  readonly before: Expr;
  readonly after: Expr;
}

export interface Simplified {
  readonly result: Expr;
  readonly steps: readonly RewriteStep[];
}

export interface SimplifyOptions {
  readonly rules?: readonly RewriteRule[];
  /** Most rule firings before giving up (a guard; the rules terminate on their own). */
  readonly maxSteps?: number;
}

/** Applies the rules bottom-up until none fires, recording each firing. */
export function simplifyWithSteps(e: Expr, options: SimplifyOptions = {}): Simplified {
  const rules = options.rules ?? tidyRules;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const steps: RewriteStep[] = [];
  const normal = new Map<Expr, Expr>();

  const visit = (node: Expr): Expr => {
    const known = normal.get(node);
    if (known) return known;
    let current = withChildren(node, children(node).map(visit));
    for (;;) {
      const fired = fire(current);
      if (!fired) break;
      steps.push(fired);
      if (steps.length > maxSteps) throw new Error(`simplification did not settle within ${maxSteps} steps`);
      // The rewritten node may have new children that are not yet in normal form.
      current = withChildren(fired.after, children(fired.after).map(visit));
    }
    normal.set(node, current);
    normal.set(current, current);
    return current;
  };

  const fire = (node: Expr): RewriteStep | undefined => {
    for (const rule of rules) {
      const after = rule.apply(node);
      if (after !== undefined && after !== node) return { rule: rule.id, before: node, after };
    }
    return undefined;
  };

  return { result: visit(e), steps };
}

export const simplify = (e: Expr, options?: SimplifyOptions): Expr => simplifyWithSteps(e, options).result;
