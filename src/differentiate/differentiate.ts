import type { Expr } from '../expr/types.js';
import { variablesOf } from '../expr/traverse.js';
import { treeSize } from '../expr/size.js';
import { derive } from '../diff/differentiate.js';
import type { Condition, DiffStep } from '../diff/steps.js';
import { conditionsOf, sameCondition } from './conditions.js';
import { simplifyWithSteps, type SimplifyForm } from '../simplify/simplify.js';
import type { RewriteStep } from '../simplify/rewrite.js';
import { parse, type ParseOptions } from '../parse/parse.js';
import { InputError } from '../errors.js';
import type { FunctionTable } from '../functions/table.js';

export interface DifferentiateOptions extends ParseOptions {
  /** Variable to differentiate by; by default x if present, else the only variable. */
  readonly variable?: string;
  /** How many times to differentiate (default 1). */
  readonly order?: number;
  /** Tidy each derivative (default true). */
  readonly simplify?: boolean;
  /** How to write each derivative: auto (default), expanded, factored, or exp (no rewriting into σ). */
  readonly form?: SimplifyForm;
  /** Highest order accepted (default 1000). */
  readonly maxOrder?: number;
  /** Largest derivative accepted, in tree nodes (default 2,000,000). */
  readonly maxNodes?: number;
  /**
   * The function table whose derivatives the rules use (default: the built-in `functionTable`).
   * A copy with one entry changed shows what the numeric checks catch.
   */
  readonly functions?: FunctionTable;
}

/** One differentiation: the expression, the rule tree, the tidying steps and the result. */
export interface Derivation {
  readonly expr: Expr;
  readonly step: DiffStep;
  readonly simplification: readonly RewriteStep[];
  readonly result: Expr;
  /** Where the result holds, when not everywhere the expression is defined: d/dx |x| = sign(x) for x ≠ 0. */
  readonly conditions: readonly Condition[];
}

export interface Derivative {
  readonly input: Expr;
  readonly variable: string;
  readonly order: number;
  /** How the derivatives were written. */
  readonly form: SimplifyForm;
  /** The n-th derivative. */
  readonly result: Expr;
  /** One derivation per order: the first differentiates the input, each next one the result before it. */
  readonly derivations: readonly Derivation[];
  /** Where the n-th derivative holds, when not everywhere the input is defined: those of every order. */
  readonly conditions: readonly Condition[];
}

const differentiateDefaults = { maxOrder: 1000, maxNodes: 2_000_000 } as const;

/** Differentiates an expression (or the text of one) with respect to a variable, n times. */
export function differentiate(input: Expr | string, options: DifferentiateOptions = {}): Derivative {
  try {
    return differentiateUnguarded(input, options);
  } catch (error) {
    // Trees built directly (not parsed) skip the parser's depth limit; recursion may still run out.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new InputError('the expression is nested too deeply to differentiate', 'limit');
    }
    throw error;
  }
}

function differentiateUnguarded(input: Expr | string, options: DifferentiateOptions): Derivative {
  const expr = typeof input === 'string' ? parse(input, options) : input;
  const variable = options.variable ?? defaultVariable(expr);
  const order = options.order ?? 1;
  const maxOrder = options.maxOrder ?? differentiateDefaults.maxOrder;
  const maxNodes = options.maxNodes ?? differentiateDefaults.maxNodes;
  if (!Number.isInteger(order) || order < 0) throw new InputError(`the order must be a whole number ≥ 0, got ${order}`, 'invalid-request');
  if (order > maxOrder) throw new InputError(`order ${order} is above the limit of ${maxOrder}`, 'limit');
  if (!/^(?:[A-Za-z][A-Za-z0-9_]*|[α-ωΑ-Ω])$/.test(variable)) throw new InputError(`'${variable}' is not a variable name`, 'invalid-request');

  const derivations: Derivation[] = [];
  let current = expr;
  for (let n = 1; n <= order; n++) {
    const step = derive(current, variable, { functions: options.functions });
    // Checked before simplifying too: a derivative far past the limit (sin nested 100,000 deep has
    // 5·10⁹ nodes written out) would take all the memory on the way.
    const rawSize = treeSize(step.result);
    if (rawSize > maxNodes) {
      throw new InputError(`derivative ${n} has ${rawSize} nodes as the rules give it, more than the limit of ${maxNodes}`, 'limit');
    }
    // A polynomial worked out on its coefficients is already in normal form; on the way to a
    // higher order it is not rewritten (factored) until the last order.
    const settled = step.rule === 'polynomial-in-function' && n < order;
    const tidied = options.simplify === false || settled ? { result: step.result, steps: [] } : simplifyWithSteps(step.result, { form: options.form });
    derivations.push({ expr: current, step, simplification: tidied.steps, result: tidied.result, conditions: conditionsOf(step, variable) });
    current = tidied.result;
    const size = current === step.result ? rawSize : treeSize(current);
    if (size > maxNodes) {
      throw new InputError(`derivative ${n} has ${size} nodes, more than the limit of ${maxNodes}`, 'limit');
    }
  }
  const conditions = derivations.flatMap((d) => d.conditions).filter((c, i, all) => all.findIndex((other) => sameCondition(other, c)) === i);
  return { input: expr, variable, order, form: options.form ?? 'auto', result: current, derivations, conditions };
}

/** x if the expression has it, else its only variable; asks for a choice when there are several. */
export function defaultVariable(expr: Expr): string {
  const names = variablesOf(expr);
  if (names.includes('x') || names.length === 0) return 'x';
  if (names.length === 1) return names[0]!;
  throw new InputError(`the expression has several variables (${names.join(', ')}): say which one to differentiate by`, 'ambiguous-variable');
}
