import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixDerivative, type MatrixDerivative } from '../../src/matrix/derive.js';
import { checkMatrixDerivative, checkMatrixSteps } from '../../src/matrix/check.js';
import { evaluateMatrix, type Matrix } from '../../src/matrix/evaluate.js';
import type { InnerProduct, InnerStep } from '../../src/matrix/gradient.js';
import * as m from '../../src/matrix/factory.js';
import { inner } from '../../src/matrix/differential.js';
import { readShapes } from '../../src/matrix/shape.js';
import type { MatrixExpr } from '../../src/matrix/types.js';
import { matrixToText } from '../../src/print/matrix-notation.js';
import { readWith } from './values.js';
import { expression, shapes } from './expressions.js';
import { seeded } from '../../src/evaluate/seeded.js';

/*
 * The laws of matrix notation over random expressions of vectors and matrices: every derivative
 * agrees with finite differences entry by entry, every step that reads a gradient off and every
 * rewrite is an equality (at random values, and random differentials), and the text of each tree
 * reads back as that tree.
 */

const runs = Math.min(60, Number(process.env.DYDX_PROPERTY_RUNS ?? 400));
const declared = readShapes(shapes);

/** Random values of the declared shapes, square matrices invertible. */
function values(seed: number): { values: Map<string, Matrix>; random: () => number } {
  const random = seeded(seed);
  const out = new Map<string, Matrix>();
  for (const [name, { rows, cols }] of declared) {
    const data = Float64Array.from({ length: rows * cols }, () => 2 * random() - 1);
    if (rows === cols && rows > 1) for (let i = 0; i < rows; i++) data[i * cols + i]! += 2 * rows;
    out.set(name, { rows, cols, data });
  }
  return { values: out, random };
}

/** Whether two values agree entry by entry, relative to the larger. */
function agree(a: Matrix, b: Matrix): boolean {
  const scale = Math.max(1, a.data.reduce((s, x) => Math.max(s, Math.abs(x)), 0), b.data.reduce((s, x) => Math.max(s, Math.abs(x)), 0));
  return a.data.every((x, i) => !Number.isFinite(x) || Math.abs(x - b.data[i]!) <= 1e-9 * scale);
}

/** ⟨A, E⟩ as one expression. */
const pairValue = (p: InnerProduct): MatrixExpr => (p.of.shape.rows === 1 && p.of.shape.cols === 1 ? m.product([p.weight, p.of]) : inner(p.weight, p.of));

/** Asserts that each read-off step and each rewrite of a gradient is an equality at random values and a random differential. */
function expectStepsHold(d: MatrixDerivative, seed: number): void {
  const { values: at, random } = values(seed);
  const dX = new Map([[d.by.name, { rows: d.by.shape.rows, cols: d.by.shape.cols, data: Float64Array.from({ length: d.by.shape.rows * d.by.shape.cols }, () => 2 * random() - 1) }]]);
  const value = (e: MatrixExpr): Matrix => evaluateMatrix(e, at, dX);
  const visit = (s: InnerStep): void => {
    expect(agree(value(pairValue(s.before)), value(m.add(s.after.map(pairValue)))), `${s.rule}: ${matrixToText(pairValue(s.before))}`).toBe(true);
    s.substeps.forEach(visit);
  };
  if (d.kind === 'gradient') (d.readOff as readonly InnerStep[]).forEach(visit);
  for (const r of d.rewrites) expect(agree(value(r.before), value(r.after)), `${r.rule}: ${matrixToText(r.before)}`).toBe(true);
}

/**
 * Asserts that a tree's text reads back as a tree of the same value, which prints as that text
 * (scalar factors may come back in another order: xᵀx·sin(s) and sin(s)·xᵀx are one product).
 */
function expectReadsBack(e: MatrixExpr, seed: number): void {
  const text = matrixToText(e);
  const back = readWith(text, shapes);
  const { values: at } = values(seed);
  expect(agree(evaluateMatrix(back, at), evaluateMatrix(e, at)), text).toBe(true);
  expect(matrixToText(readWith(matrixToText(back), shapes)), text).toBe(matrixToText(back));
}

describe('matrix notation, over random expressions', () => {
  it('every gradient agrees with finite differences, its steps and rewrites are equalities, and its text reads back', () => {
    fc.assert(fc.property(expression('scalar', 3), fc.constantFrom('x', 'A', 'W', 's'), fc.integer({ min: 1, max: 1 << 30 }), (input, by, seed) => {
      const answer = matrixDerivative(input, { shapes, by: [by] });
      const d = answer.derivatives[0]!;
      expectReadsBack(answer.expr, seed);
      expectReadsBack(d.result, seed);
      expect(d.result.shape).toEqual(declared.get(by));
      expect(checkMatrixDerivative(answer, d, { draws: 2 }).verdict).not.toBe('failed');
      expectStepsHold(d, seed);
      expect(checkMatrixSteps(answer, d).failing).toEqual([]);
    }), { numRuns: runs });
  });

  it('every Jacobian of a vector by x agrees with finite differences', () => {
    fc.assert(fc.property(expression('v3', 3), (input) => {
      const answer = matrixDerivative(input, { shapes, by: ['x'] });
      const d = answer.derivatives[0]!;
      expect(d.result.shape).toEqual({ rows: 3, cols: 3 });
      expectReadsBack(d.result, 7);
      expect(checkMatrixDerivative(answer, d, { draws: 2 }).verdict).not.toBe('failed');
    }), { numRuns: runs });
  });

  it('every Hessian by x agrees with finite differences of the gradient', () => {
    fc.assert(fc.property(expression('scalar', 2), (input) => {
      const answer = matrixDerivative(input, { shapes, by: ['x'], hessian: true });
      for (const d of answer.derivatives) expect(checkMatrixDerivative(answer, d, { draws: 2 }).verdict).not.toBe('failed');
    }), { numRuns: Math.ceil(runs / 2) });
  });
});
