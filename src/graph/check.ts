import type { Expr } from '../expr/types.js';
import { sub } from '../expr/factory.js';
import { variablesOf } from '../expr/traverse.js';
import { evaluate } from '../evaluate/evaluate.js';
import { simplify } from '../simplify/simplify.js';
import type { Derivative } from '../differentiate/differentiate.js';
import { InputError } from '../errors.js';
import { checkDerivative, checkPoints, fixedValues, relativeError, type CheckReport } from '../check/check.js';
import { checkSlopeAt } from '../check/slope-at.js';
import { gradient } from '../multivariate/partials.js';
import { pointValues, valueAt } from '../multivariate/at-point.js';
import { inInputVariables, type ForwardBackward, type SymbolicBackward } from './passes.js';

/*
 * The inputs' adjoints are the gradient: each is checked against the derivative the rules give
 * by its variable, and against finite differences of the function. At a point the adjoint's
 * value is compared with the derivative's value there and with f's difference quotients there;
 * without one, the adjoint written in the variables is compared with the derivative (their
 * difference simplified, else their values along the line), and the derivative with finite
 * differences along the line, as --check does for a derivative.
 */

/** How an adjoint compares with the rules' derivative: equal exactly, within rounding, apart, or not comparable (no value there). */
export type Agreement = 'exact' | 'close' | 'apart' | 'no-value';

export interface AdjointCheck {
  readonly variable: string;
  /** The input node of the variable, whose adjoint this is. */
  readonly node: number;
  /** The derivative by the variable, by the differentiation rules. */
  readonly derivative: Derivative;
  /** Whether the adjoint was compared at a point (its value) or along the line (written in the variables). */
  readonly atPoint: boolean;
  readonly agreement: Agreement;
  /** The relative error between the two: at the point, or the largest along the line; 0 where they are equal exactly. */
  readonly error: number;
  /** Finite differences: of f at the point against the adjoint, or along the line against the derivative. */
  readonly differences: CheckReport;
  readonly verdict: 'verified' | 'failed' | 'unchecked';
}

/** Largest relative error of an adjoint against the rules' derivative still taken as equal: its values are good to 15 digits. */
export const adjointTolerance = 1e-12;

/** Checks the inputs' adjoints of a forward and backward pass at a point, or of a backward pass written out. */
export function checkAdjoints(passes: ForwardBackward | SymbolicBackward, options: { readonly timeout?: number } = {}): AdjointCheck[] {
  if (typeof passes !== 'object' || passes === null || !('adjoints' in passes) || !('gradient' in passes)) {
    throw new InputError('checkAdjoints takes what forwardBackward() or backwardPass() returns', 'invalid-request');
  }
  const { graph } = passes;
  const variables = passes.gradient.map((g) => g.variable);
  if (variables.length === 0) return [];
  const derivatives = gradient(graph.input, { by: variables }).components;
  return passes.gradient.map((component, i) => {
    const derivative = derivatives[i]!;
    const compared = 'point' in passes
      ? atThePoint(passes, i, derivative)
      : alongTheLine(passes, i, derivative, options.timeout);
    const verdict = compared.agreement === 'apart' || compared.differences.verdict === 'failed' ? 'failed'
      : compared.agreement !== 'no-value' && compared.differences.verdict === 'verified' ? 'verified' : 'unchecked';
    return { variable: component.variable, node: component.node, derivative, atPoint: 'point' in passes, ...compared, verdict };
  });
}

type Compared = Pick<AdjointCheck, 'agreement' | 'error' | 'differences'>;

function atThePoint(passes: ForwardBackward, i: number, derivative: Derivative): Compared {
  const { graph, point } = passes;
  const { variable, adjoint } = passes.gradient[i]!;
  const differences = checkSlopeAt(graph.input, variable, pointValues(point), adjoint.approximately);
  let value;
  try {
    value = valueAt(derivative.result, point, `∂f/∂${variable}`);
  } catch (error) {
    if (error instanceof InputError) return { agreement: 'no-value', error: Number.NaN, differences };
    throw error;
  }
  if (isZero(simplify(sub(adjoint.exact, value.exact)))) return { agreement: 'exact', error: 0, differences };
  const error = relativeError(Number(adjoint.decimal), Number(value.decimal), Number.MIN_VALUE);
  return { agreement: error <= adjointTolerance ? 'close' : 'apart', error, differences };
}

function alongTheLine(passes: SymbolicBackward, i: number, derivative: Derivative, timeout: number | undefined): Compared {
  const { graph } = passes;
  const { variable, adjoint } = passes.gradient[i]!;
  const differences = checkDerivative(derivative, { timeout });
  if (adjoint === undefined) return { agreement: 'no-value', error: Number.NaN, differences };
  const written = inInputVariables(graph, adjoint);
  if (isZero(simplify(sub(written, derivative.result)))) return { agreement: 'exact', error: 0, differences };
  // Not equal as the simplifier writes them: compared where both have values, the other variables held fixed.
  const fixed = fixedValues(variablesOf(graph.input).filter((v) => v !== variable));
  let worst = 0;
  let compared = 0;
  for (const x of checkPoints) {
    const env = { ...fixed, [variable]: x };
    const [a, b] = [evaluate(written, env), evaluate(derivative.result, env)];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    compared++;
    worst = Math.max(worst, relativeError(a, b));
  }
  if (compared === 0) return { agreement: 'no-value', error: Number.NaN, differences };
  return { agreement: worst <= 1e-9 ? 'close' : 'apart', error: worst, differences };
}

const isZero = (e: Expr): boolean => e.kind === 'num' && e.value.equals(0);
