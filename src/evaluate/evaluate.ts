import type { Expr } from '../expr/types.js';
import { functionEntry } from '../expr/functions.js';
import { toNumber } from '../expr/rational.js';

/** Values of variables, and optionally of abstract functions and their derivatives (f, f′ = order 1, …). */
export interface Environment {
  readonly [variable: string]: number;
}
export type AbstractFunctions = Readonly<Record<string, (x: number, order: number) => number>>;

/** How to evaluate an unevaluated derivative (u)′ at a point, e.g. by finite differences. */
export type DerivativeEvaluator = (operand: Expr, variable: string, env: Environment) => number;

export interface EvaluateOptions {
  readonly functions?: AbstractFunctions;
  readonly derivative?: DerivativeEvaluator;
}

/**
 * The real value of an expression in floating point; NaN where it is undefined or
 * not real (log of a negative, 0/0). Odd roots of negatives are real: (−8)^(1/3) = −2.
 */
export function evaluate(e: Expr, env: Environment, options: EvaluateOptions = {}): number {
  const functions = options.functions ?? {};
  const memo = new Map<Expr, number>();
  const value = (node: Expr): number => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    const v = compute(node);
    memo.set(node, v);
    return v;
  };
  const compute = (node: Expr): number => {
    switch (node.kind) {
      case 'num': return toNumber(node.value);
      case 'constant': return node.name === 'e' ? Math.E : Math.PI;
      case 'variable': {
        const v = env[node.name];
        if (v === undefined) throw new Error(`no value for variable '${node.name}'`);
        return v;
      }
      case 'add': return node.terms.reduce((s, t) => s + value(t), 0);
      case 'mul': return node.factors.reduce((p, f) => p * value(f), 1);
      case 'div': return value(node.numerator) / value(node.denominator);
      case 'neg': return -value(node.operand);
      case 'pow': return realPower(value(node.base), node.exponent, value(node.exponent));
      case 'call': return functionEntry(node.name).evaluate(...node.args.map(value));
      case 'apply': {
        const f = functions[node.name];
        if (!f) throw new Error(`no definition for the abstract function '${node.name}'`);
        return f(value(node.arg), node.order);
      }
      case 'derivative': {
        if (!options.derivative) throw new Error(`no way to evaluate the unevaluated derivative of a ${node.operand.kind}`);
        return options.derivative(node.operand, node.variable, env);
      }
    }
  };
  return value(e);
}

function realPower(base: number, exponent: Expr, power: number): number {
  if (base < 0 && exponent.kind === 'num' && exponent.value.d % 2n === 1n && exponent.value.d !== 1n) {
    // An exact exponent p/q with q odd has a real value for negative bases.
    const magnitude = Math.abs(base) ** power;
    return exponent.value.n % 2n === 0n ? magnitude : -magnitude;
  }
  return base ** power;
}
