import type Fraction from 'fraction.js';
import type { FunctionName } from '../functions/table.js';

/** An exact rational number (BigInt numerator and denominator). */
export type Rational = Fraction;

/** The named mathematical constants. */
export type ConstantName = 'e' | 'pi';

interface NodeBase {
  /**
   * Unique to this node: equal trees built by the factories are one object (see expr/factory.ts),
   * so memos key by this small number. Equal trees may still be two objects (0.1 and 1/10, or
   * trees built far apart in a long-running process): `equals` is the test of equality.
   */
  readonly id: number;
  /** Structural hash, computed once by the factory; equal trees have equal hashes. */
  readonly hash: number;
  /** Number of nodes as printed (a shared part counted once per use), computed once by the factory. */
  readonly size: number;
  /** Nodes on the longest path from here to a leaf, computed once by the factory. */
  readonly depth: number;
  /** Size as a reader sees it (see algebra/complexity.ts), computed once by the factory from its own share (expr/own-complexity.ts). */
  readonly complexity: number;
  /** Whether a number in the tree is written as a decimal (0.5 rather than 1/2), worked out once by the factory. */
  readonly hasDecimal: boolean;
  /** Which functions are called in the tree, as bits (see expr/calls.ts), worked out once by the factory. */
  readonly calls: number;
  /** Which variables are in the tree, as bits (see expr/variable-bits.ts), worked out once by the factory. */
  readonly variables: number;
}

/** An exact rational literal. `decimal` only says how to print it (0.1 rather than 1/10). */
export interface Num extends NodeBase {
  readonly kind: 'num';
  readonly value: Rational;
  readonly decimal: boolean;
}

export interface Constant extends NodeBase {
  readonly kind: 'constant';
  readonly name: ConstantName;
}

export interface Variable extends NodeBase {
  readonly kind: 'variable';
  readonly name: string;
}

/** n-ary sum; subtraction is a term wrapped in `neg` (or a negative coefficient). */
export interface Add extends NodeBase {
  readonly kind: 'add';
  readonly terms: readonly Expr[];
}

/** n-ary product, factors in the order written. */
export interface Mul extends NodeBase {
  readonly kind: 'mul';
  readonly factors: readonly Expr[];
}

/** A fraction kept as written, so steps can show u/v. */
export interface Div extends NodeBase {
  readonly kind: 'div';
  readonly numerator: Expr;
  readonly denominator: Expr;
}

export interface Neg extends NodeBase {
  readonly kind: 'neg';
  readonly operand: Expr;
}

export interface Pow extends NodeBase {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exponent: Expr;
}

/** An application of a function from the function table (sin, ln, sigmoid, …). */
export interface Call extends NodeBase {
  readonly kind: 'call';
  readonly name: FunctionName;
  readonly args: readonly Expr[];
}

/**
 * An application of an abstract function f, g or h (or one declared as a function), or of a
 * derivative of it: `orders` says how many times by each argument. [0] is f(u), [2] is f″(u),
 * [1, 0] is ∂₁f(u, v), the derivative by its first argument, [1, 1] is ∂₁∂₂f(u, v).
 */
export interface Apply extends NodeBase {
  readonly kind: 'apply';
  readonly name: AbstractFunctionName;
  readonly args: readonly Expr[];
  readonly orders: readonly number[];
}

/**
 * The derivative of an expression with respect to a variable, not yet worked out: the
 * (u)′ that a derivation shows before the rule for u is applied.
 */
export interface Derivative extends NodeBase {
  readonly kind: 'derivative';
  readonly operand: Expr;
  readonly variable: string;
}

/**
 * The name of an abstract function: any name outside the function table. The reader reads f, g
 * and h so; the general forms of the rules use f and P.
 */
export type AbstractFunctionName = string;

export type Expr = Num | Constant | Variable | Add | Mul | Div | Neg | Pow | Call | Apply | Derivative;
export type Kind = Expr['kind'];
