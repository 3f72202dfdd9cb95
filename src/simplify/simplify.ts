import { checkLimits } from '../errors.js';
import type { Expr } from '../expr/types.js';
import { equals, mapChildren, postOrder } from '../expr/traverse.js';
import { maxRecursionDepth } from '../expr/size.js';
import { tidyRules } from './rules.js';
import { algebraRules } from './normal-form-rules.js';
import { functionRules, identityRules } from './function-rules.js';
import { rewriteInSigmoid, type NotInSigmoid } from './sigmoid.js';
import { factoredAtRationalRoots, termsGroupedByFunctions, termsPositiveFirst, writtenNormalForm } from './written-form.js';
import type { AnyRewriteRule, RewriteStep } from './rewrite.js';
import { expectTree } from '../expr/check-tree.js';
import { lowestTermsAt, writtenInLowestTerms } from './lowest-terms.js';

export interface Simplified {
  readonly result: Expr;
  readonly steps: readonly RewriteStep[];
}

export interface SimplifyOptions {
  readonly rules?: readonly AnyRewriteRule[];
  /** Most rule firings before giving up (a guard; the rules terminate on their own). */
  readonly maxSteps?: number;
  /**
   * Rewrite every place of the tree on its own and record where, so the steps can be
   * replayed on the whole expression. Otherwise equal parts are simplified once.
   */
  readonly places?: boolean;
  /**
   * How to write the result: `auto` (default) picks the smallest form and rewrites
   * exponentials into σ where that is simpler; `expanded` and `factored` force that form
   * of the result's polynomial parts; `exp` never rewrites into σ.
   */
  readonly form?: SimplifyForm;
  /**
   * Normal forms already worked out, shared by several simplifications (the partial derivatives
   * of one gradient have most of their parts in common): each part is simplified once, and a
   * simplification that finds a part done by another still records that part's steps.
   */
  readonly memo?: SimplifyMemo;
}

/** A part's normal form, and the steps that made it: entries `from` to `to` of the steps of the simplification that did it. */
interface Done {
  readonly normal: Expr;
  readonly steps: readonly RewriteStep[];
  readonly from: number;
  readonly to: number;
}

/** Normal forms to share between simplifications with the same rules and form (see SimplifyOptions.memo). */
export class SimplifyMemo {
  /** A part's normal form where no step made it (most parts), and its Done otherwise. */
  readonly done = new Map<Expr, Expr | Done>();
}

export type SimplifyForm = 'auto' | 'expanded' | 'factored' | 'exp';
export const simplifyForms: readonly SimplifyForm[] = ['auto', 'expanded', 'factored', 'exp'];


/**
 * The tidying rules first (cheap, local), then those that know functions, then the algebra of
 * the polynomial normal form, then identities between functions.
 */
export const simplificationRules: readonly AnyRewriteRule[] = [...tidyRules, ...functionRules, ...algebraRules, ...identityRules];

/** The rules for each kind of node, in their order: a node is offered only the rules for its kind. */
function rulesByKind(rules: readonly AnyRewriteRule[]): ReadonlyMap<Expr['kind'], readonly AnyRewriteRule[]> {
  // Grouped once per list of rules (nearly always the one list), not once per simplification.
  const known = rulesByList.get(rules);
  if (known) return known;
  const byKind = new Map<Expr['kind'], AnyRewriteRule[]>();
  for (const rule of rules) {
    const list = byKind.get(rule.kind);
    if (list) list.push(rule);
    else byKind.set(rule.kind, [rule]);
  }
  rulesByList.set(rules, byKind);
  return byKind;
}
const rulesByList = new WeakMap<readonly AnyRewriteRule[], ReadonlyMap<Expr['kind'], readonly AnyRewriteRule[]>>();

/** Each part simplified, children before parents, by the rules until none fires: the whole's own rewrites (σ, the form asked for) aside. */
function simplifyParts(e: Expr, options: SimplifyOptions): { readonly result: Expr; readonly steps: RewriteStep[] } {
  const rules = options.rules ?? simplificationRules;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const places = options.places === true;
  const steps: RewriteStep[] = [];
  // Keyed by node, and equal parts are one node: each is simplified (and its steps recorded) once.
  const normal = (places ? undefined : options.memo?.done) ?? new Map<Expr, Expr | Done>();
  const rulesFor = rulesByKind(rules);
  // Written in lowest terms at once only where the rules include the algebra's (see lowest-terms.ts).
  const lowestTerms = rules === simplificationRules;
  // With places, within a part written in lowest terms at once elsewhere: its own parts go by the rules alone.
  let withinLowestTerms = false;
  // Set for each part of a node found to be written in lowest terms nowhere: nor are its parts, and they are not asked.
  let nowhereAbove = false;

  const noPath: readonly number[] = [];
  const visitHere = (c: Expr): Expr => visit(c, noPath);
  const childrenVisited = (n: Expr): Expr => mapChildren(n, visitHere);
  const visitBelowNowhere = (c: Expr): Expr => {
    nowhereAbove = true;
    return visit(c, noPath);
  };
  const visit = (node: Expr, path: readonly number[]): Expr => {
    const nowhere = nowhereAbove;
    nowhereAbove = false;
    // A leaf (a number, a variable, a constant) no rule rewrites is its own normal form.
    if ((node.kind === 'num' || node.kind === 'variable' || node.kind === 'constant') && !rulesFor.has(node.kind)) return node;
    const known = places ? undefined : normal.get(node);
    if (known) {
      if ('kind' in known) return known;
      // Done by another simplification: its steps are this one's too.
      if (known.steps !== steps) for (let i = known.from; i < known.to; i++) steps.push(known.steps[i]!);
      return known.normal;
    }
    const from = steps.length;
    checkLimits();
    const at = !lowestTerms || withinLowestTerms ? undefined : nowhere ? 'nowhere' : lowestTermsAt(node);
    if (at === 'here') {
      if (!places) {
        const written = writtenInLowestTerms(node, (sum) => simplifyParts(sum, { rules, maxSteps }).result);
        if (written) {
          // Written from its normal form, it is in normal form: the rules are not asked again.
          steps.push({ rule: 'lowest-terms', before: node, after: written });
          normal.set(node, { normal: written, steps, from, to: steps.length });
          return written;
        }
      } else {
        // Shown rule by rule where the rules reach the same form; otherwise in one step, from the
        // part as it stands: the answer is the one the simplification without places gives.
        withinLowestTerms = true;
        let shown: Expr;
        try {
          shown = settle(node, path, from, false);
        } finally {
          withinLowestTerms = false;
        }
        const atOnce = simplifyParts(node, { rules, maxSteps }).result;
        if (equals(shown, atOnce)) return shown;
        steps.length = from;
        steps.push({ rule: 'lowest-terms', before: node, after: atOnce, path });
        return atOnce;
      }
    }
    return settle(node, path, from, at === 'nowhere');
  };

  /** A node with its children simplified, rewritten by the rules until none fires. */
  const settle = (node: Expr, path: readonly number[], from: number, nowhereBelow: boolean): Expr => {
    // Paths are only kept with places: making one per child visit is most of the cost otherwise.
    const normalChildren = places ? (n: Expr): Expr => mapChildren(n, (c, i) => visit(c, [...path, i])) : childrenVisited;
    // Its own parts only: a rewritten node's may be written in lowest terms.
    let current = nowhereBelow && !places ? mapChildren(node, visitBelowNowhere) : normalChildren(node);
    // Each form this node has taken, with the steps before it: rules that undo each other (two
    // ways of grouping one sum, equally simple) come back to a form met before, and stop there,
    // the steps of the round trip taken back (kept where another simplification shares the
    // record of steps, which may have read them already).
    let met: Map<Expr, number> | undefined;
    for (;;) {
      const fired = fire(current);
      if (!fired) break;
      // Made at the first rewrite: most nodes are in normal form as they stand, and never need it.
      met ??= new Map<Expr, number>([[current, steps.length]]);
      steps.push(places ? { ...fired, path } : fired);
      if (steps.length > maxSteps) throw new Error(`simplification did not settle within ${maxSteps} steps`);
      checkLimits();
      // The rewritten node may have new children that are not yet in normal form.
      current = normalChildren(fired.after);
      const before = met.get(current);
      if (before !== undefined) {
        if (!options.memo) steps.length = before;
        break;
      }
      met.set(current, steps.length);
    }
    // Most parts are in normal form as they stand: those keep no record of steps.
    if (!places) normal.set(node, steps.length === from ? current : { normal: current, steps, from, to: steps.length });
    return current;
  };

  const fire = (node: Expr): RewriteStep | undefined => {
    for (const rule of rulesFor.get(node.kind) ?? []) {
      // The rules listed under a node's kind are rules for that kind: each gets nodes of its own kind only.
      const after = (rule.apply as (e: Expr) => Expr | undefined)(node);
      if (after !== undefined && after !== node) return { rule: rule.id, before: node, after };
    }
    return undefined;
  };

  // Without places, equal parts are simplified once: doing the parts first, children before
  // parents, means each visit finds its children done, and nothing recurses deeply. A shallow
  // tree (most, and every long sum) is visited straight away: listing its parts costs more.
  if (!places && e.depth > maxRecursionDepth) for (const part of postOrder(e)) visit(part, []);
  return { result: visit(e, []), steps };
}

/** Applies the rules bottom-up until none fires, recording each firing. */
export function simplifyWithSteps(e: Expr, options: SimplifyOptions = {}): Simplified {
  expectTree(e, 'simplify');
  const visited = simplifyParts(e, options);
  const { steps } = visited;
  let { result } = visited;
  const form = options.form ?? 'auto';
  if (form !== 'exp') {
    // Until no σ(u) is simpler: σ′(x) + σ′(2x) has a σ of each argument. Each rewrite makes the
    // whole strictly simpler, so this ends; a part found not simpler is not tried again.
    const notSimpler: NotInSigmoid = new Set();
    for (let inSigmoid = rewriteInSigmoid(result, notSimpler); inSigmoid; inSigmoid = rewriteInSigmoid(result, notSimpler)) {
      for (const step of inSigmoid.steps) steps.push(step);
      result = inSigmoid.result;
      checkLimits();
    }
  }
  if (form === 'auto') {
    const factored = factoredAtRationalRoots(result);
    if (factored && !equals(factored, result)) {
      steps.push({ rule: 'factor', before: result, after: factored, path: [] });
      result = factored;
    }
    const grouped = termsGroupedByFunctions(result);
    if (grouped !== result) {
      steps.push({ rule: 'group-terms', before: result, after: grouped, path: [] });
      result = grouped;
    }
    const ordered = termsPositiveFirst(result);
    if (ordered !== result) {
      steps.push({ rule: 'order-terms', before: result, after: ordered, path: [] });
      result = ordered;
    }
  }
  if (form === 'expanded' || form === 'factored') {
    const written = writtenNormalForm(result, form);
    if (!equals(written, result)) {
      steps.push({ rule: form === 'expanded' ? 'expand' : 'factor', before: result, after: written, path: [] });
      result = written;
    }
  }
  return { result, steps };
}

export const simplify = (e: Expr, options?: SimplifyOptions): Expr => simplifyWithSteps(e, options).result;
