import type { MatrixFunctionName } from '../functions/matrix-table.js';
import { isColumn, isRow, isScalar, isSquare, scalarShape, shapeWords, type Shape } from './shape.js';

/** The functions of one vector or matrix: dot takes two, and eye, ones and zeros take sizes. */
export type OperandFunctionName = Exclude<MatrixFunctionName, 'dot' | 'eye' | 'ones' | 'zeros'>;

/**
 * What each function of vectors and matrices gives for an argument of a shape, or, where it
 * takes no argument of that shape, why not (in words, for the reader's located message).
 */
export const functionShapes: Readonly<Record<OperandFunctionName, (operand: Shape) => Shape | string>> = {
  sum: () => scalarShape,
  norm: () => scalarShape,
  logsumexp: () => scalarShape,
  tr: (s) => (isSquare(s) ? scalarShape : `the trace is of a square matrix, and this is ${shapeWords(s)}`),
  det: (s) => (isSquare(s) ? scalarShape : `the determinant is of a square matrix, and this is ${shapeWords(s)}`),
  inv: (s) => (isSquare(s) ? s : `only a square matrix has an inverse, and this is ${shapeWords(s)}`),
  // diag(v) is the diagonal matrix of a vector; diag(A) the diagonal of a square matrix, as a vector.
  diag: (s) => (isScalar(s) ? s : isColumn(s) || isRow(s) ? { rows: s.rows * s.cols, cols: s.rows * s.cols } : isSquare(s) ? { rows: s.rows, cols: 1 }
    : `diag takes a vector (its diagonal matrix) or a square matrix (its diagonal), and this is ${shapeWords(s)}`),
  softmax: (s) => (isScalar(s) || isColumn(s) || isRow(s) ? s : `softmax is of a vector, and this is ${shapeWords(s)}: of its rows or its columns?`),
};
