import { expect } from 'vitest';
import { evaluateMatrix, type Matrix } from '../../src/matrix/evaluate.js';
import { readMatrixInput } from '../../src/matrix/derive.js';
import { readShapes, type Shapes } from '../../src/matrix/shape.js';
import type { MatrixExpr } from '../../src/matrix/types.js';
import { seeded } from '../../src/evaluate/seeded.js';


/** Random values of the declared shapes (entries in [−1, 1]; square matrices with 2n on the diagonal, so invertible), a one-hot vector for each name in `oneHot`. */
function randomValues(shapes: Shapes, random: () => number, oneHot: readonly string[] = []): Map<string, Matrix> {
  const values = new Map<string, Matrix>();
  for (const [name, { rows, cols }] of shapes) {
    const data = Float64Array.from({ length: rows * cols }, () => 2 * random() - 1);
    if (rows === cols && rows > 1) for (let i = 0; i < rows; i++) data[i * cols + i]! += 2 * rows;
    if (oneHot.includes(name)) {
      data.fill(0);
      data[Math.floor(random() * data.length)] = 1;
    }
    values.set(name, { rows, cols, data });
  }
  return values;
}

/** The tree an expression in matrix notation reads as, with these shapes. */
export const readWith = (text: string, shapes: string): MatrixExpr => readMatrixInput(text, { shapes }).expr;

/** Asserts that two trees have the same shape and, at a few random draws, the same value in every entry. */
export function expectSameValues(actual: MatrixExpr, expected: MatrixExpr, shapes: string, oneHot: readonly string[] = []): void {
  expect(actual.shape).toEqual(expected.shape);
  const random = seeded(7);
  for (let draw = 0; draw < 3; draw++) {
    const values = randomValues(readShapes(shapes), random, oneHot);
    const a = evaluateMatrix(actual, values);
    const b = evaluateMatrix(expected, values);
    const scale = b.data.reduce((m, x) => Math.max(m, Math.abs(x)), 1e-300);
    a.data.forEach((x, i) => expect(Math.abs(x - b.data[i]!) / scale, `entry ${i} of draw ${draw}`).toBeLessThan(1e-9));
  }
}
