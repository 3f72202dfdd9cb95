import { checkLimits } from '../errors.js';
import type { Expr } from '../expr/types.js';
import { dependsOn, postOrder, variablesOf } from '../expr/traverse.js';
import { maxRecursionDepth } from '../expr/size.js';
import type { DiffStep } from './steps.js';
import { functionTable, type FunctionTable } from '../functions/table.js';
import { polynomialInFunctionRule, polynomialInFunctionsRule } from './polynomial-rule.js';
import {
  abstractFunctionRule, callRule, constantRule, negationRule, powerRule, productRule, quotientRule,
  sumRule, variableRule, type RuleContext,
} from './rules.js';

export interface DeriveOptions {
  /** The function table to differentiate with (its derivatives); the built-in one by default. */
  readonly functions?: FunctionTable;
  /**
   * Which derivative this is (1 for the input's). From the third on, a polynomial in functions
   * whose derivatives are polynomials in them is differentiated on its coefficients: the first
   * two show the product and chain rules as they would be applied by hand.
   */
  readonly order?: number;
  /**
   * A different step for a part, in place of the one the rules give (undefined: the rules'
   * own): what a derivative would be with a mistake made there. Parts equal in structure
   * are one part.
   */
  readonly replace?: ((part: Expr, step: DiffStep) => DiffStep | undefined) | undefined;
  /**
   * The most nodes a derivative may have as the rules give it: a rule whose result would be
   * larger is refused before it is built (the product rule on n factors gives n² of them).
   */
  readonly maxNodes?: number;
}

/** d/dx of e with its derivation; the result is exactly what the rules give, untidied. */
export function derive(e: Expr, variable: string, options: DeriveOptions = {}): DiffStep {
  // Keyed by node: equal parts are one node (see expr/factory.ts), so they are differentiated once,
  // whether shared or typed twice, as in (1 + e^(−x))·(1 + e^(−x)).
  const memo = new Map<string, Map<Expr, DiffStep>>();
  const replaced = (part: Expr, step: DiffStep): DiffStep => options.replace?.(part, step) ?? step;
  const ctx: RuleContext = new DerivationContext(e, variable, options.functions ?? functionTable, options.maxNodes ?? Number.POSITIVE_INFINITY, (part, v = variable) => {
    const context = v === variable ? ctx : { ...ctx, placeholder: ctx.placeholder, variable: v };
    // A leaf's rule is quicker than looking it up.
    if (part.size === 1) return replaced(part, apply(part, context));
    let byNode = memo.get(v);
    if (!byNode) memo.set(v, (byNode = new Map()));
    const known = byNode.get(part);
    if (known) return known;
    checkLimits();
    const step = replaced(part, apply(part, context));
    byNode.set(part, step);
    return step;
  });
  // A whole expression that is a polynomial in σ(u), tanh(u) or e^u is differentiated on its coefficients.
  // Not where steps are replaced: a mistake is made in a rule a person applies, part by part.
  const polynomial = options.replace ? undefined
    : polynomialInFunctionRule(e, ctx) ?? ((options.order ?? 1) >= 3 ? polynomialInFunctionsRule(e, ctx) : undefined);
  if (polynomial) return polynomial;
  if (!dependsOn(e, variable)) return constantRule(e, ctx);
  // A deep tree's parts first, children before parents: each rule then finds its parts'
  // derivatives made, and nothing recurses deeper than a rule or two, however deep the tree.
  // A shallow one (most, and every long sum) is worked on straight away: listing its parts costs more.
  if (e.depth > maxRecursionDepth) for (const part of postOrder(e)) if (part !== e) ctx.differentiate(part);
  return ctx.differentiate(e);
}

/**
 * The context of one derivation. A class, its placeholder a getter of the class: an object
 * written with a getter of its own is one V8 keeps, with all it points to, through every
 * collection of the young objects until a full collection, long after the derivation is done.
 */
class DerivationContext implements RuleContext {
  private found: string | undefined;

  constructor(
    private readonly whole: Expr,
    readonly variable: string,
    readonly functions: FunctionTable,
    readonly maxNodes: number,
    readonly differentiate: (e: Expr, variable?: string) => DiffStep,
  ) {}

  /** Found when the chain rule first needs it: finding it reads the whole expression. */
  get placeholder(): string {
    return (this.found ??= freshPlaceholder(this.whole, this.variable));
  }
}

function apply(e: Expr, ctx: RuleContext): DiffStep {
  if (!dependsOn(e, ctx.variable)) return constantRule(e, ctx);
  switch (e.kind) {
    case 'variable': return variableRule(e, ctx);
    case 'add': return sumRule(e, ctx);
    case 'neg': return negationRule(e, ctx);
    case 'mul': return productRule(e, ctx);
    case 'div': return quotientRule(e, ctx);
    case 'pow': return powerRule(e, ctx);
    case 'call': return callRule(e, ctx);
    case 'apply': return abstractFunctionRule(e, ctx);
    // (u)′ is worked out first; its derivative is the derivative of that.
    case 'derivative': return ctx.differentiate(derive(e.operand, e.variable, { functions: ctx.functions }).result);
    case 'num': case 'constant': return constantRule(e, ctx);
  }
}

/** u, unless the problem already uses u; then another letter. */
function freshPlaceholder(e: Expr, variable: string): string {
  const taken = new Set([...variablesOf(e), variable]);
  const candidates = ['u', 'w', 't', 's', 'z'];
  for (const c of candidates) if (!taken.has(c)) return c;
  let i = 1;
  while (taken.has(`u${i}`)) i++;
  return `u${i}`;
}
