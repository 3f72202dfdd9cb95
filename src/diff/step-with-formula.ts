import type { Expr } from '../expr/types.js';
import type { Condition, DiffStep } from './steps.js';

/*
 * A rule with parts shows a formula: the rule with its letters filled in and the parts'
 * derivatives left to work out, ((1)′·v − 1·(v)′)/v². Most derivatives are asked for their answer
 * alone, and for a long sum the formulas are a third of the nodes the rules make: a step of such a
 * rule writes its formula when it is first read. The step is a class with the formula a getter of
 * the class (an object written with a getter of its own is kept through every collection of the
 * young objects, see DerivationContext in differentiate.ts), its own state private; a copy by
 * spread would have no formula, so a step is copied with `stepWith`.
 */
class StepWithFormula {
  readonly #write: (step: DiffStep) => Expr;
  #formula: Expr | undefined;

  constructor(
    readonly rule: DiffStep['rule'],
    readonly expr: Expr,
    readonly variable: string,
    readonly bindings: DiffStep['bindings'],
    readonly result: Expr,
    readonly substeps: readonly DiffStep[],
    write: (step: DiffStep) => Expr,
    readonly exceptWhere: readonly Condition[] | undefined,
  ) {
    this.#write = write;
  }

  get formula(): Expr {
    return (this.#formula ??= this.#write(this as unknown as DiffStep));
  }
}

/**
 * A step of a rule with parts, its formula written from the step by `formula` when it is first
 * read. The rules met most (sums, products, quotients, the chain rule) write it from the step
 * alone, with a function that keeps nothing else alive; a closure over the rule's own variables
 * keeps them as long as the step.
 */
export function withFormula<S extends Omit<DiffStep, 'formula'>>(step: S, formula: (step: S) => Expr): S & { readonly formula: Expr } {
  return new StepWithFormula(step.rule, step.expr, step.variable, step.bindings, step.result, step.substeps, formula as unknown as (step: DiffStep) => Expr, step.exceptWhere) as unknown as S & { readonly formula: Expr };
}

/** The step with its result or the places it does not hold changed, its formula the step's own. */
export function stepWith(step: DiffStep, changes: Pick<Partial<DiffStep>, 'result' | 'exceptWhere'>): DiffStep {
  if (!(step instanceof StepWithFormula)) return { ...step, ...changes } as DiffStep;
  return new StepWithFormula(step.rule, step.expr, step.variable, step.bindings, changes.result ?? step.result, step.substeps, () => step.formula, changes.exceptWhere ?? step.exceptWhere) as unknown as DiffStep;
}
