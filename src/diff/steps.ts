import type { AbstractFunctionName, Expr } from '../expr/types.js';
import type { FunctionName } from '../functions/table.js';

/**
 * A derivation is a tree of rule applications. Each step records the stable id of
 * the rule, what was differentiated and with respect to which variable, what the
 * rule bound its letters to, the derivative the rule gives, and the steps for the
 * parts the rule needed. Ids never change once shipped; wording lives elsewhere.
 */
interface StepOf<Rule extends string, Bindings> {
  readonly rule: Rule;
  /** The expression differentiated. */
  readonly expr: Expr;
  readonly variable: string;
  /** What the rule bound its letters to: u = 1, v = 1 + e^(−x). */
  readonly bindings: Bindings;
  /**
   * The rule's formula with its letters filled in, the parts still to differentiate
   * left as unevaluated derivatives: ((1)′·v − 1·(v)′)/v². The same as `result` for
   * rules with no parts.
   */
  readonly formula: Expr;
  /** The derivative as the rule produces it, before any tidying. */
  readonly result: Expr;
  readonly substeps: readonly DiffStep[];
  /** Where the function differentiated here has no derivative (|u| at u = 0): the result holds where none of these fails. */
  readonly exceptWhere?: readonly Condition[];
}

/**
 * A condition a derivative holds under: `left` ≠ `right` (x ≠ 0, x ≠ −1/2), or `left` not a whole
 * number (floor′ = 0 for x ∉ ℤ).
 */
export interface Condition {
  readonly kind: 'not-equal' | 'not-integer';
  readonly left: Expr;
  readonly right: Expr;
}

export type DiffStep =
  /** c′ = 0, including any expression free of the variable */
  | StepOf<'constant', Record<string, never>>
  /** x′ = 1 */
  | StepOf<'variable', Record<string, never>>
  /** (u + v − w)′ = u′ + v′ − w′ */
  | StepOf<'sum', { readonly terms: readonly Expr[] }>
  /** (−u)′ = −u′ */
  | StepOf<'negation', { readonly u: Expr }>
  /** (c·u)′ = c·u′ and (u/c)′ = u′/c */
  | StepOf<'constant-multiple', { readonly c: Expr; readonly u: Expr }>
  /** (u·v)′ = u′·v + u·v′, and for more factors one term per factor */
  | StepOf<'product', { readonly factors: readonly Expr[] }>
  /** (u/v)′ = (u′·v − u·v′)/v² */
  | StepOf<'quotient', { readonly u: Expr; readonly v: Expr }>
  /** (xⁿ)′ = n·xⁿ⁻¹ for n free of x */
  | StepOf<'power', { readonly n: Expr }>
  /** (eˣ)′ = eˣ, (aˣ)′ = aˣ·ln a */
  | StepOf<'exponential', { readonly base: Expr }>
  /** (f^g)′ = f^g·(g′·ln f + g·f′/f), by logarithmic differentiation */
  | StepOf<'general-power', { readonly f: Expr; readonly g: Expr }>
  /** (ln x)′ = 1/x, (log_b x)′ = 1/(x·ln b) */
  | StepOf<'logarithm', { readonly base: Expr }>
  /** (f(u))′ = f′(u)·u′: substeps are the outer derivative (in the placeholder) and the inner one */
  | StepOf<'chain', { readonly outer: Expr; readonly placeholder: string; readonly u: Expr }>
  /** an entry of the function table: (sin x)′ = cos x */
  | StepOf<'elementary', { readonly fn: FunctionName }>
  /** a function of the table of several arguments that vary: (f(u, v))′ = ∂f/∂u·u′ + ∂f/∂v·v′ */
  | StepOf<'several-arguments', { readonly fn: FunctionName }>
  /** an abstract function: (f(x))′ = f′(x), (f(x, c))′ = ∂₁f(x, c) */
  | StepOf<'abstract-function', { readonly fn: AbstractFunctionName }>
  /** an abstract function of several arguments that vary: (f(u, v))′ = ∂₁f(u, v)·u′ + ∂₂f(u, v)·v′ */
  | StepOf<'abstract-several-arguments', { readonly fn: AbstractFunctionName }>
  /** (P(f))′ = P′(f)·f′ for a polynomial P in f = σ(u), tanh(u) or e^u whose derivative is again a polynomial in f */
  | StepOf<'polynomial-in-function', { readonly f: Expr }>
  /** (P(f₁, …, fₖ))′ = Σ ∂P/∂fᵢ·fᵢ′ for a polynomial P in functions whose derivatives are polynomials in them (σ(σ(x)) and σ(x); tan x and sec x) */
  | StepOf<'polynomial-in-functions', { readonly functions: readonly Expr[] }>;

export type RuleId = DiffStep['rule'];

export const ruleIds: readonly RuleId[] = [
  'constant', 'variable', 'sum', 'negation', 'constant-multiple', 'product', 'quotient', 'power',
  'exponential', 'general-power', 'logarithm', 'chain', 'elementary', 'several-arguments', 'abstract-function',
  'abstract-several-arguments', 'polynomial-in-function', 'polynomial-in-functions',
];
