import type { Apply, Call, Div, Expr, Mul, Pow } from '../expr/types.js';
import { add, apply, call, constant, derivative, div, int, mul, neg, num, pow, sub, variable } from '../expr/factory.js';
import { oneArgumentDerivative, type FunctionName, type FunctionTable } from '../functions/table.js';
import { fromTemplate } from '../expr/template.js';
import { kinkArguments, partialDerivative } from './partials.js';
import { dependsOn } from '../expr/traverse.js';
import { substitute } from '../expr/substitute.js';
import { InputError } from '../errors.js';
import type { Condition, DiffStep } from './steps.js';
import { stepWith, withFormula } from './step-with-formula.js';

/** What every rule needs: the variable, and a way to differentiate parts (recording their steps). */
export interface RuleContext {
  readonly variable: string;
  /** Differentiates a part with respect to a variable (the context's unless given). */
  readonly differentiate: (e: Expr, variable?: string) => DiffStep;
  /** A letter free in the whole problem, used for the inner function of the chain rule. */
  readonly placeholder: string;
  /** The function table whose derivatives the rules use. */
  readonly functions: FunctionTable;
  /** The most nodes a rule's result may have: past it the rule is refused before it is built. */
  readonly maxNodes: number;
}

/** What a rule's formula is written from: its step, the formula aside (see step-with-formula.ts). */
type Written<Bindings> = Pick<DiffStep, 'expr' | 'variable' | 'substeps'> & { readonly bindings: Bindings };

/** (e)′ with respect to the rule's variable, left for a substep to work out. */
const d = (e: Expr, ctx: RuleContext): Expr => derivative(e, ctx.variable);

/** A rule with no parts to differentiate: its formula is its result. */
const leaf = <S extends Omit<DiffStep, 'formula' | 'substeps'>>(step: S): S & { formula: Expr; substeps: [] } =>
  // Written out rather than spread: one shape for every step, and this runs once per node.
  ({ rule: step.rule, expr: step.expr, variable: step.variable, bindings: step.bindings, result: step.result, formula: step.result, substeps: [] }) as unknown as S & { formula: Expr; substeps: [] };

const zero = int(0);
const one = int(1);
const ln = (u: Expr): Expr => call('log', [u]);

export function constantRule(e: Expr, ctx: RuleContext): DiffStep {
  return { rule: 'constant', expr: e, variable: ctx.variable, bindings: {}, formula: zero, result: zero, substeps: [] };
}

export function variableRule(e: Expr, ctx: RuleContext): DiffStep {
  return { rule: 'variable', expr: e, variable: ctx.variable, bindings: {}, formula: one, result: one, substeps: [] };
}

export function sumRule(e: Expr & { kind: 'add' }, ctx: RuleContext): DiffStep {
  const substeps = e.terms.map((t) => ctx.differentiate(t));
  return withFormula({
    rule: 'sum', expr: e, variable: ctx.variable, bindings: { terms: e.terms }, result: add(substeps.map((s) => s.result)), substeps,
  }, sumFormula);
}
const sumFormula = (s: Written<{ terms: readonly Expr[] }>): Expr => add(s.bindings.terms.map((t) => derivative(t, s.variable)));

export function negationRule(e: Expr & { kind: 'neg' }, ctx: RuleContext): DiffStep {
  const inner = ctx.differentiate(e.operand);
  return withFormula({
    rule: 'negation', expr: e, variable: ctx.variable, bindings: { u: e.operand }, result: neg(inner.result), substeps: [inner],
  }, negationFormula);
}
const negationFormula = (s: Written<{ u: Expr }>): Expr => neg(derivative(s.bindings.u, s.variable));

/** Products: constant factors come out (constant multiple rule); what is left gets the product rule. */
export function productRule(e: Mul, ctx: RuleContext): DiffStep {
  const constants = e.factors.filter((f) => !dependsOn(f, ctx.variable));
  const varying = e.factors.filter((f) => dependsOn(f, ctx.variable));
  if (constants.length > 0) {
    const c = mul(constants);
    const u = mul(varying);
    const inner = ctx.differentiate(u);
    return withFormula({
      rule: 'constant-multiple', expr: e, variable: ctx.variable, bindings: { c, u }, result: withConstants(e, ctx.variable, inner.result), substeps: [inner],
    }, constantMultipleFormula);
  }
  // n factors give n terms of n factors each: refused before they are built, as a product of 100,000 would take all the memory.
  const terms = varying.length;
  const size = terms * varying.reduce((n, f) => n + f.size, 0);
  if (size > ctx.maxNodes) {
    throw new InputError(`the product rule on ${terms} factors gives ${terms} terms of ${terms} factors, about ${size} nodes, more than the limit of ${ctx.maxNodes} (--max-nodes, maxNodes)`, 'limit');
  }
  const substeps = varying.map((f) => ctx.differentiate(f));
  return withFormula({
    rule: 'product', expr: e, variable: ctx.variable, bindings: { factors: varying }, result: productRuleWith(varying, substeps.map((s) => s.result)), substeps,
  }, productFormula);
}
/** u′·v·w + u·v′·w + u·v·w′: one term per factor, the factor's derivative in its place. */
const productRuleWith = (factors: readonly Expr[], derivatives: readonly Expr[]): Expr =>
  add(factors.map((_, i) => mul(factors.map((f, j) => (i === j ? derivatives[i]! : f)))));
const productFormula = (s: Written<{ factors: readonly Expr[] }>): Expr =>
  productRuleWith(s.bindings.factors, s.bindings.factors.map((f) => derivative(f, s.variable)));

/** The constant factors of a product around the derivative of the rest: the derivative takes the place of the first varying factor, so x²·y³ gives 2x·y³. */
function withConstants(e: Mul, variable: string, derivativeOfRest: Expr): Expr {
  const at = e.factors.findIndex((f) => dependsOn(f, variable));
  const before = e.factors.slice(0, at).filter((f) => !dependsOn(f, variable));
  const after = e.factors.slice(at).filter((f) => !dependsOn(f, variable));
  return mul([...before, derivativeOfRest, ...after]);
}

/** c·(u)′ for a product, (u)′/c for a quotient. */
function constantMultipleFormula(s: Written<{ u: Expr }>): Expr {
  const unworked = derivative(s.bindings.u, s.variable);
  return s.expr.kind === 'div' ? div(unworked, s.expr.denominator) : withConstants(s.expr as Mul, s.variable, unworked);
}

/** u/v: the quotient rule, or the constant multiple rule when v is free of the variable. */
export function quotientRule(e: Div, ctx: RuleContext): DiffStep {
  const u = e.numerator;
  const v = e.denominator;
  if (!dependsOn(v, ctx.variable)) {
    const inner = ctx.differentiate(u);
    return withFormula({
      rule: 'constant-multiple', expr: e, variable: ctx.variable, bindings: { c: div(one, v), u }, result: div(inner.result, v), substeps: [inner],
    }, constantMultipleFormula);
  }
  const du = ctx.differentiate(u);
  const dv = ctx.differentiate(v);
  return withFormula({
    rule: 'quotient', expr: e, variable: ctx.variable, bindings: { u, v }, result: quotientRuleWith(u, v, du.result, dv.result), substeps: [du, dv],
  }, quotientFormula);
}
/** (u′·v − u·v′)/v². */
const quotientRuleWith = (u: Expr, v: Expr, uPrime: Expr, vPrime: Expr): Expr => div(sub(mul([uPrime, v]), mul([u, vPrime])), pow(v, int(2)));
const quotientFormula = ({ bindings: { u, v }, variable }: Written<{ u: Expr; v: Expr }>): Expr =>
  quotientRuleWith(u, v, derivative(u, variable), derivative(v, variable));

/** f^g: the power rule (constant g), the exponential rule (constant f), or logarithmic differentiation. */
export function powerRule(e: Pow, ctx: RuleContext): DiffStep {
  const { base, exponent } = e;
  const baseVaries = dependsOn(base, ctx.variable);
  const exponentVaries = dependsOn(exponent, ctx.variable);
  if (baseVaries && !exponentVaries) {
    return withChain(e, base, (u) => pow(u, exponent), (x, v) => leaf({
      rule: 'power', expr: x, variable: v, bindings: { n: exponent },
      result: mul([exponent, pow((x as Pow).base, decrement(exponent))]),
    }), ctx);
  }
  // 0^u is 0 wherever it is defined (u > 0): a constant, whose derivative is 0, not 0^u·ln 0·u′.
  if (!baseVaries && base.kind === 'num' && base.value.n === 0n) return constantRule(e, ctx);
  if (!baseVaries) {
    return withChain(e, exponent, (u) => pow(base, u), (x, v) => leaf({
      rule: 'exponential', expr: x, variable: v, bindings: { base }, result: mul([x, ln(base)]),
    }), ctx);
  }
  const df = ctx.differentiate(base);
  const dg = ctx.differentiate(exponent);
  const logarithmicDifferentiationWith = (fPrime: Expr, gPrime: Expr): Expr =>
    mul([e, add([mul([gPrime, ln(base)]), mul([exponent, div(fPrime, base)])])]);
  return withFormula({
    rule: 'general-power', expr: e, variable: ctx.variable, bindings: { f: base, g: exponent },
    result: logarithmicDifferentiationWith(df.result, dg.result), substeps: [df, dg],
  }, () => logarithmicDifferentiationWith(d(base, ctx), d(exponent, ctx)));
}

/** n − 1, exactly when n is a number. */
function decrement(n: Expr): Expr {
  return n.kind === 'num' ? num(n.value.sub(1), n.decimal) : add([n, int(-1)]);
}

/** A function from the table, through the chain rule when its argument is not just the variable. */
export function callRule(e: Call, ctx: RuleContext): DiffStep {
  const step = callRuleEverywhere(e, ctx);
  // A function with kinks or jumps (|u|, floor(u), max(u, v)): the derivative holds away from them.
  const kinks = ctx.functions[e.name].notDifferentiable;
  if (!kinks) return step;
  const exceptWhere = kinkArguments(e.name, e.args, (arg) => dependsOn(arg, ctx.variable)).map((args): Condition => {
    const at = fromTemplate(kinks.of, args);
    return kinks.where === 'zero' ? { kind: 'not-equal', left: at, right: int(0) }
      : { kind: 'not-integer', left: kinks.where === 'integer' ? at : sub(at, div(one, int(2))), right: int(0) };
  });
  return stepWith(step, { exceptWhere });
}


function callRuleEverywhere(e: Call, ctx: RuleContext): DiffStep {
  if (e.args.length >= 2) return severalArgumentRule(e, ctx);
  const entry = ctx.functions[e.name];
  const derivative = oneArgumentDerivative(entry);
  // ζ(s) is ζ(s, 1): by s, as of two arguments, no derivative in closed form.
  if (derivative === undefined && entry.partials?.[0] === null && dependsOn(e.args[0]!, ctx.variable)) {
    const argument = entry.parameters ? `its argument ${entry.parameters[0]}` : 'argument 1';
    throw new InputError(`${e.name} has no derivative in closed form by ${argument}, which depends on ${ctx.variable}`, 'invalid-request');
  }
  if (derivative === undefined) throw new Error(`internal error: ${e.name} of one argument has no derivative in the table`);
  const [argument] = e.args as [Expr];
  return withChain(e, argument, (u) => call(e.name, [u]), (x, v) => outerStep(e.name, x as Call, v, fromTemplate(derivative, (x as Call).args), ctx), ctx);
}

/** The step for a function of the table applied to the variable (or the chain rule's letter): its derivative by its first argument. */
function outerStep(name: FunctionName, x: Call, v: string, result: Expr, ctx: RuleContext): DiffStep {
  const { rule } = ctx.functions[name];
  switch (rule.id) {
    case 'elementary': return leaf({ rule: 'elementary', expr: x, variable: v, bindings: { fn: name }, result });
    case 'exponential': return leaf({ rule: 'exponential', expr: x, variable: v, bindings: { base: constant('e') }, result });
    // log(u, b) shows its base b; ln, log10 and log2 theirs.
    case 'logarithm': return leaf({ rule: 'logarithm', expr: x, variable: v, bindings: { base: x.args[1] ?? (rule.base === 'e' ? constant('e') : int(rule.base)) }, result });
  }
}

/**
 * A function of two or more arguments. With one argument varying, the chain rule on it with the partial
 * derivative by it: (log_b u)′ = u′/(u·ln b), (max(u, 2))′ = heaviside(u − 2)·u′. A logarithm
 * whose base varies is differentiated through its definition, ln u / ln b; any other function of
 * two varying arguments takes the chain rule for several arguments: (f(u, v))′ = ∂f/∂u·u′ + ∂f/∂v·v′.
 */
function severalArgumentRule(e: Call, ctx: RuleContext): DiffStep {
  const [, second] = e.args as [Expr, Expr];
  const { rule, definition, discreteArguments, partials, parameters, associative, realOnlyAt } = ctx.functions[e.name];
  const branch = realOnlyAt && e.args[realOnlyAt.argument];
  if (realOnlyAt && branch?.kind === 'num' && !realOnlyAt.values.some((value) => branch.value.equals(value))) {
    const argument = parameters ? parameters[realOnlyAt.argument] : `argument ${realOnlyAt.argument + 1}`;
    throw new InputError(`${e.name} of ${argument} = ${branch.value.toString()} has no real derivative: it ${realOnlyAt.reason}`, 'invalid-request');
  }
  for (const i of discreteArguments ?? []) {
    if (dependsOn(e.args[i]!, ctx.variable)) {
      throw new InputError(`${e.name} takes a whole number as argument ${i + 1}: it cannot depend on ${ctx.variable}, so ${e.name} has no derivative by it`, 'invalid-request');
    }
  }
  partials?.forEach((partial, i) => {
    // An associative f of more than two arguments takes its first two partials pairwise.
    if (partial === null && i < e.args.length && !(associative && e.args.length > 2) && dependsOn(e.args[i]!, ctx.variable)) {
      const argument = parameters ? `its argument ${parameters[i]}` : `argument ${i + 1}`;
      throw new InputError(`${e.name} has no derivative in closed form by ${argument}, which depends on ${ctx.variable}`, 'invalid-request');
    }
  });
  // One argument varies: the chain rule on it, with the partial derivative by it.
  const varies = e.args.map((arg) => dependsOn(arg, ctx.variable));
  if (varies.filter(Boolean).length === 1 && !(rule.id === 'logarithm' && varies[1])) {
    const at = varies.indexOf(true);
    const withArgument = (u: Expr): Expr => call(e.name, e.args.map((arg, i) => (i === at ? u : arg)));
    return withChain(e, e.args[at]!, withArgument, (x, v) => outerStep(e.name, x as Call, v, partialDerivative(e.name, at, (x as Call).args), ctx), ctx);
  }
  if (rule.id === 'logarithm' && definition) {
    const defined = fromTemplate(definition, e.args);
    const rewritten = ctx.differentiate(defined);
    return withFormula({
      rule: 'logarithm', expr: e, variable: ctx.variable, bindings: { base: second }, result: rewritten.result, substeps: [rewritten],
    }, () => d(defined, ctx));
  }
  const varying: { arg: Expr; partial: Expr }[] = [];
  e.args.forEach((arg, i) => {
    if (dependsOn(arg, ctx.variable)) varying.push({ arg, partial: partialDerivative(e.name, i, e.args) });
  });
  const substeps = varying.map(({ arg }) => ctx.differentiate(arg));
  const chainRuleWith = (derivatives: readonly Expr[]): Expr => add(varying.map(({ partial }, k) => mul([partial, derivatives[k]!])));
  return withFormula({
    rule: 'several-arguments', expr: e, variable: ctx.variable, bindings: { fn: e.name }, result: chainRuleWith(substeps.map((s) => s.result)), substeps,
  }, () => chainRuleWith(varying.map(({ arg }) => d(arg, ctx))));
}

/**
 * An abstract function: one more prime, (f(u))′ = f′(u)·u′; with several arguments, the
 * derivative by each that varies, (f(u, v))′ = ∂₁f(u, v)·u′ + ∂₂f(u, v)·v′.
 */
export function abstractFunctionRule(e: Apply, ctx: RuleContext): DiffStep {
  const varying: number[] = [];
  e.args.forEach((arg, i) => {
    if (dependsOn(arg, ctx.variable)) varying.push(i);
  });
  /** The derivative by argument i, at these arguments. */
  const by = (i: number, args: readonly Expr[]): Expr => apply(e.name, args, e.orders.map((o, k) => (k === i ? o + 1 : o)));
  if (varying.length === 1) {
    const at = varying[0]!;
    const withArgument = (u: Expr): Expr => apply(e.name, e.args.map((arg, k) => (k === at ? u : arg)), e.orders);
    return withChain(e, e.args[at]!, withArgument, (x, v) => leaf({
      rule: 'abstract-function', expr: x, variable: v, bindings: { fn: e.name }, result: by(at, (x as Apply).args),
    }), ctx);
  }
  const substeps = varying.map((i) => ctx.differentiate(e.args[i]!));
  const chainRuleWith = (derivatives: readonly Expr[]): Expr => add(varying.map((i, k) => mul([by(i, e.args), derivatives[k]!])));
  return withFormula({
    rule: 'abstract-several-arguments', expr: e, variable: ctx.variable, bindings: { fn: e.name }, result: chainRuleWith(substeps.map((s) => s.result)), substeps,
  }, () => chainRuleWith(varying.map((i) => d(e.args[i]!, ctx))));
}

/**
 * Applies an outer rule directly when the inner expression is the variable itself,
 * and otherwise through the chain rule: the outer rule on a placeholder u, the inner
 * derivative u′, and their product with u put back.
 */
function withChain(
  e: Expr, inner: Expr, outerOf: (u: Expr) => Expr,
  outerRule: (outer: Expr, variable: string) => DiffStep, ctx: RuleContext,
): DiffStep {
  if (inner.kind === 'variable' && inner.name === ctx.variable) return outerRule(e, ctx.variable);
  const u = variable(ctx.placeholder);
  const outer = outerOf(u);
  const outerStep = outerRule(outer, ctx.placeholder);
  const innerStep = ctx.differentiate(inner);
  return withFormula({
    rule: 'chain', expr: e, variable: ctx.variable, bindings: { outer, placeholder: ctx.placeholder, u: inner },
    result: mul([outerDerivativeAt(outerStep, ctx.placeholder, inner), innerStep.result]), substeps: [outerStep, innerStep],
  }, chainFormula);
}
/** f′(u) with u put back for the placeholder the outer rule was applied to. */
const outerDerivativeAt = (outerStep: DiffStep, placeholder: string, inner: Expr): Expr => substitute(outerStep.result, placeholder, inner);
const chainFormula = (s: Written<{ placeholder: string; u: Expr }>): Expr =>
  mul([outerDerivativeAt(s.substeps[0]!, s.bindings.placeholder, s.bindings.u), derivative(s.bindings.u, s.variable)]);
