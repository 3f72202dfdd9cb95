import type { Expr } from '../expr/types.js';
import type { Derivative } from '../api.js';
import type { DiffStep } from '../diff/steps.js';
import type { RewriteStep } from '../simplify/simplify.js';
import { toText, toUnicode } from '../print/linear.js';
import { toLatex } from '../print/latex.js';

/** An expression in the three notations. */
export interface PrintedExpr {
  readonly text: string;
  readonly unicode: string;
  readonly latex: string;
}

export const printed = (e: Expr): PrintedExpr => ({ text: toText(e), unicode: toUnicode(e), latex: toLatex(e) });

export interface StepJson {
  readonly rule: string;
  readonly variable: string;
  readonly expression: PrintedExpr;
  readonly bindings: Record<string, string | PrintedExpr | PrintedExpr[]>;
  readonly result: PrintedExpr;
  readonly substeps: StepJson[];
}

export function stepJson(step: DiffStep): StepJson {
  const bindings: Record<string, string | PrintedExpr | PrintedExpr[]> = {};
  for (const [name, value] of Object.entries(step.bindings as Record<string, string | Expr | readonly Expr[]>)) {
    bindings[name] = typeof value === 'string' ? value : Array.isArray(value) ? value.map(printed) : printed(value as Expr);
  }
  return {
    rule: step.rule,
    variable: step.variable,
    expression: printed(step.expr),
    bindings,
    result: printed(step.result),
    substeps: step.substeps.map(stepJson),
  };
}

const rewriteJson = (r: RewriteStep) => ({ rule: r.rule, before: printed(r.before), after: printed(r.after) });

/** The CLI's JSON answer for one input. */
export function derivativeJson(input: string, d: Derivative) {
  return {
    input,
    variable: d.variable,
    order: d.order,
    derivative: printed(d.result),
    steps: d.derivations.map((derivation, i) => ({
      order: i + 1,
      derivation: stepJson(derivation.step),
      simplification: derivation.simplification.map(rewriteJson),
      result: printed(derivation.result),
    })),
  };
}
