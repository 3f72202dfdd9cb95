import type { Expr } from '../expr/types.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import { toNumber } from '../expr/rational.js';
import { postOrder } from '../expr/traverse.js';
import { InputError } from '../errors.js';
import { expectTree } from '../expr/check-tree.js';

/** Values of variables, and optionally of abstract functions and their derivatives (f, f′ = order 1, …). */
export interface Environment {
  readonly [variable: string]: number;
}
/** Values of abstract functions and their derivatives: the arguments, and how many times it is differentiated by each. */
export type AbstractFunctions = Readonly<Record<string, (args: readonly number[], orders: readonly number[]) => number>>;

/** How to evaluate an unevaluated derivative (u)′ at a point, e.g. by finite differences. */
export type DerivativeEvaluator = (operand: Expr, variable: string, env: Environment) => number;

export interface EvaluateOptions {
  readonly functions?: AbstractFunctions;
  readonly derivative?: DerivativeEvaluator;
}

/**
 * The real value of an expression in floating point; NaN where it is undefined or
 * not real (log of a negative, 0/0). Odd roots of negatives are real: (−8)^(1/3) = −2.
 * Iterative, so any depth of nesting is evaluated; shared parts are evaluated once.
 */
export function evaluate(e: Expr, env: Environment, options: EvaluateOptions = {}): number {
  expectTree(e, 'evaluate');
  if (typeof env !== 'object' || env === null) throw new InputError('evaluate takes the values of the variables as an object, as { x: 1 }', 'invalid-request');
  const values = new Map<Expr, number>();
  const value = (node: Expr): number => values.get(node)!;
  for (const node of postOrder(e)) values.set(node, nodeValue(node, value, env, options));
  return value(e);
}

/** The value of one node from the values of its parts (`value`), as evaluate works it out. */
export function nodeValue(node: Expr, value: (part: Expr) => number, env: Environment, options: EvaluateOptions = {}): number {
  switch (node.kind) {
    case 'num': return toNumber(node.value);
    case 'constant': return node.name === 'e' ? Math.E : Math.PI;
    case 'variable': return valueOf(env, node.name);
    // From the first item, not from 0 or 1, so −0 + −0 is −0, as the compiled a + b gives.
    case 'add': return node.terms.map(value).reduce((s, t) => s + t);
    case 'mul': return node.factors.map(value).reduce((p, f) => p * f);
    case 'div': return value(node.numerator) / value(node.denominator);
    case 'neg': return -value(node.operand);
    case 'pow': return realPower(value(node.base), node.exponent, value(node.exponent));
    case 'call': return applyNumeric(node.name, node.args.map(value));
    case 'apply': {
      const f = options.functions?.[node.name];
      if (!f) throw new Error(`no definition for the abstract function '${node.name}'`);
      return f(node.args.map(value), node.orders);
    }
    case 'derivative': {
      if (!options.derivative) throw new Error(`no way to evaluate the unevaluated derivative of a ${node.operand.kind}`);
      return options.derivative(node.operand, node.variable, env);
    }
  }
}

/**
 * The value a point gives a variable: its own property (not toString or constructor, which
 * every object has), and a number.
 */
export function valueOf(env: Environment, name: string): number {
  if (!Object.hasOwn(env, name)) throw new InputError(`no value for variable '${name}'`, 'invalid-request');
  const x: unknown = env[name];
  if (typeof x !== 'number') throw new InputError(`the value of '${name}' is not a number: ${typeof x}`, 'invalid-request');
  return x;
}

/**
 * A function of the table at these numbers. Arguments are passed one by one, never spread:
 * an associative function (max, logsumexp) of thousands of them is folded two at a time.
 */
export function applyNumeric(name: FunctionName, args: readonly number[]): number {
  // An argument with no real value gives the call none, whatever the function makes of NaN:
  // C₀⁽⁰⁾(u) is 1 for every real u, not for a u that is none (compile.ts writes the same test).
  for (const a of args) if (Number.isNaN(a)) return Number.NaN;
  const { evaluate: f, associative } = functionTable[name];
  switch (args.length) {
    case 1: return f(args[0]!);
    case 2: return f(args[0]!, args[1]!);
    case 3: return f(args[0]!, args[1]!, args[2]!);
    default:
      if (!associative) return args.length === 4 ? f(args[0]!, args[1]!, args[2]!, args[3]!) : Number.NaN;
      return args.reduce((acc, x) => f(acc, x));
  }
}

/** base^exponent over the reals: an exact exponent p/q with q odd has a real value for negative bases. */
export function realPower(base: number, exponent: Expr, power: number): number {
  if (base < 0 && exponent.kind === 'num' && exponent.value.d % 2n === 1n && exponent.value.d !== 1n) {
    return oddRoot(base, power, exponent.value.n % 2n === 0n);
  }
  return base ** power;
}

/** (−b)^(p/q) for odd q: |b|^(p/q), negated when p is odd. */
export function oddRoot(base: number, power: number, evenNumerator: boolean): number {
  const magnitude = Math.abs(base) ** power;
  return evenNumerator ? magnitude : -magnitude;
}
