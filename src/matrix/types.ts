import type { Rational } from '../expr/types.js';
import type { FunctionName } from '../functions/table.js';
import type { OperandFunctionName } from './function-shapes.js';
import type { Shape } from './shape.js';

/*
 * The tree of matrix notation: every node knows its shape. Nodes are made only by the
 * factories of factory.ts, which keep the canonical forms (a product's number first, then its
 * scalar factors, then its chain of matrices) and make equal trees one object, so equality is
 * identity and a node's id keys memos.
 */

interface NodeBase {
  /** Unique to the node: equal trees are one node. */
  readonly id: number;
  readonly shape: Shape;
  /** The variables it depends on, differentials aside. */
  readonly variables: ReadonlySet<string>;
  /** The variables whose differentials it holds: dX in d(XY) = dX·Y + X·dY. */
  readonly differentials: ReadonlySet<string>;
}

/** A declared vector or matrix, or a scalar (any name not declared). */
export interface MVariable extends NodeBase { readonly kind: 'variable'; readonly name: string }

/** An exact rational number; in a sum of vectors or matrices, that number in every entry. */
export interface MNumber extends NodeBase { readonly kind: 'number'; readonly value: Rational }

interface MConstant extends NodeBase { readonly kind: 'constant'; readonly name: 'e' | 'pi' }

/** The identity matrix I of its shape. */
interface MIdentity extends NodeBase { readonly kind: 'identity' }

/** The vector or matrix of ones, 𝟏, of its shape. */
interface MOnes extends NodeBase { readonly kind: 'ones' }

/** The zero vector or matrix of its shape. */
interface MZero extends NodeBase { readonly kind: 'zero' }

/** A sum: its terms have its shape, or are numbers, which stand in every entry. */
interface MAdd extends NodeBase { readonly kind: 'add'; readonly terms: readonly MatrixExpr[] }

/**
 * A matrix product: its number (when not 1) first, then its scalar factors (1×1, which
 * multiply as numbers do), then its chain of vectors and matrices, each one's columns as many
 * as the next one's rows.
 */
export interface MProduct extends NodeBase { readonly kind: 'product'; readonly factors: readonly MatrixExpr[] }

/** An entrywise (Hadamard) product a ⊙ b of vectors or matrices of one shape. */
interface MHadamard extends NodeBase { readonly kind: 'hadamard'; readonly factors: readonly MatrixExpr[] }

/** Each entry to a rational power: the power of a scalar, or an entrywise power (a ⊙ a, 1 ⊘ a). */
interface MPower extends NodeBase { readonly kind: 'power'; readonly base: MatrixExpr; readonly exponent: Rational }

/** A function of the function table of one argument, applied entry by entry: σ(Wx + b). */
interface MElementwise extends NodeBase { readonly kind: 'elementwise'; readonly name: FunctionName; readonly argument: MatrixExpr }

interface MTranspose extends NodeBase { readonly kind: 'transpose'; readonly operand: MatrixExpr }

/** A function of vectors and matrices of one argument: sum, norm, tr, det, inv, diag, softmax, logsumexp. */
interface MFunction extends NodeBase { readonly kind: 'function'; readonly name: OperandFunctionName; readonly operand: MatrixExpr }

/**
 * The differential d(F), with F's shape: of a variable, dX, what a derivative is read from; of
 * anything else, the differential still to work out that a rule's formula shows.
 */
export interface MDifferential extends NodeBase { readonly kind: 'differential'; readonly operand: MatrixExpr }

export type MatrixExpr =
  | MVariable | MNumber | MConstant | MIdentity | MOnes | MZero | MAdd | MProduct | MHadamard | MPower | MElementwise
  | MTranspose | MFunction | MDifferential;
