import type { Expr } from '../expr/types.js';
import { variable } from '../expr/factory.js';
import type { Condition, RuleId } from '../diff/steps.js';
import { differentiate, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { sameProductWith } from '../backprop/substitute-output.js';

/** ∂(a node)/∂(one of its inputs), in node variables: the weight of that edge in the backward pass. */
export interface LocalDerivative {
  /** The input node's index. */
  readonly input: number;
  /** The derivative, its node's own value put where the rules' derivative has it: σ′ = v·(1 − v), √′ = 1/(2v). */
  readonly derivative: Expr;
  /** The rule that differentiates the node's definition by that input, at the root of its derivation. */
  readonly rule: RuleId;
  /** Where it holds, when not wherever the node is defined: relu′ for v ≠ 0. */
  readonly conditions: readonly Condition[];
  /** Whether the node's own value stands in it (σ, tanh, exp, √): the forward pass's value reused. */
  readonly reusesOutput: boolean;
}

/**
 * The local derivatives of a node defined as `definition` in its inputs' variables: each by the
 * differentiation rules (the function table's derivative for a function, the sum, product,
 * quotient and power rules for the operations), the node's own value then put wherever the
 * derivative has the definition itself, as a backward pass reuses what the forward pass computed.
 */
export function localDerivatives(
  definition: Expr, letter: string, inputs: readonly number[], output: number, options: Pick<DifferentiateOptions, 'functions'>,
): LocalDerivative[] {
  const own = variable(`${letter}${output}`);
  return inputs.map((input) => {
    const d = differentiate(definition, { variable: `${letter}${input}`, functions: options.functions });
    const reused = sameProductWith(d.result, definition, own);
    return {
      input,
      derivative: reused === undefined ? d.result : simplify(reused),
      rule: d.derivations[0]!.step.rule,
      conditions: d.conditions,
      reusesOutput: reused !== undefined,
    };
  });
}
