import { InputError } from '../errors.js';
import type { MatrixExpr } from './types.js';
import * as m from './factory.js';
import { readOff, type InnerStep } from './gradient.js';
import { isColumn, isScalar } from './shape.js';
import { diagonalOfOuter } from './simplify.js';

/*
 * The Jacobian read off a differential. A differential df of a vector is linear in dx, so it is
 * J·dx for one matrix J: the Jacobian, entry (i, j) ∂fᵢ/∂xⱼ. Each step moves what stands before
 * dx into the matrix on the left by a named identity (a Hadamard product as diag(…), a scalar
 * factor as an outer product, …), until dx stands alone.
 */

/** Stable ids of the identities used; their names and general forms are in print/matrix-steps.ts. */
export type LinearRule = 'sum' | 'left-factor' | 'scalar-factor' | 'hadamard-as-diag' | 'diag-swap' | 'transpose-of-product' | 'diagonal-of-outer-product';

/** M·E: the matrix on the left, and what it multiplies. */
export interface LinearForm {
  readonly matrix: MatrixExpr;
  readonly of: MatrixExpr;
}

/** One identity applied: E = M·E′ (a sum of such, for a sum), and the steps that go on from each. */
export interface LinearStep {
  readonly rule: LinearRule;
  readonly before: LinearForm;
  readonly after: readonly LinearForm[];
  readonly substeps: readonly (LinearStep | ScalarStep)[];
}

/** A scalar factor's gradient read off on the way: α = gᵀdx. */
export interface ScalarStep {
  readonly rule: 'gradient-of-scalar';
  readonly of: MatrixExpr;
  readonly gradient: MatrixExpr;
  readonly steps: readonly InnerStep[];
}

export interface JacobianReadOff {
  readonly terms: readonly MatrixExpr[];
  readonly steps: readonly (LinearStep | ScalarStep)[];
}

/** M·E = J·dx: the terms of J and the steps, E linear in the differential dx of a column or a scalar. */
export function readOffJacobian(start: LinearForm, by: string, byShape: { rows: number; cols: number }): JacobianReadOff {
  const terms: MatrixExpr[] = [];
  const steps: (LinearStep | ScalarStep)[] = [];
  const go = (form: LinearForm, into: (LinearStep | ScalarStep)[]): void => {
    const { matrix, of } = form;
    if (!of.differentials.has(by)) return;
    if (of.kind === 'differential' && of.operand.kind === 'variable' && of.operand.name === by) {
      terms.push(matrix);
      return;
    }
    // A scalar α linear in a vector's dx is gᵀdx, g its gradient.
    if (isScalar(of.shape) && !isScalar(byShape)) {
      const read = readOff({ weight: m.int(1), of }, by);
      const gradient = m.add(read.terms);
      into.push({ rule: 'gradient-of-scalar', of, gradient, steps: read.steps });
      terms.push(m.product([matrix, m.transpose(gradient)]));
      return;
    }
    const moved = move(form, by);
    const substeps: (LinearStep | ScalarStep)[] = [];
    into.push({ rule: moved.rule, before: form, after: moved.after, substeps });
    for (const next of moved.after) go(next, substeps);
  };
  go(start, steps);
  return { terms, steps };
}

const notLinear = (e: MatrixExpr): InputError =>
  new InputError(`a Jacobian is read from a differential written as J·dx, and a ${e.kind} with the differential in it is no such form dydx reads`, 'invalid-request');

function move({ matrix, of: e }: LinearForm, by: string): { rule: LinearRule; after: LinearForm[] } {
  const holds = (x: MatrixExpr): boolean => x.differentials.has(by);
  switch (e.kind) {
    case 'add': return { rule: 'sum', after: e.terms.filter(holds).map((t) => ({ matrix, of: t })) };
    case 'product': {
      const { coefficient, scalars, chain } = m.productParts(e);
      const number = m.number(coefficient);
      const scalarAt = scalars.findIndex(holds);
      if (scalarAt >= 0) {
        // v·α: the scalar moves to the right of the vector, v·α = (v)·α, read as v·gᵀ·dx.
        const others = scalars.filter((_, i) => i !== scalarAt);
        const left = m.product([matrix, number, ...others, ...(chain.length === 0 ? [] : [m.product(chain)])]);
        return { rule: 'scalar-factor', after: [{ matrix: left, of: scalars[scalarAt]! }] };
      }
      const j = chain.findIndex(holds);
      const rest = chain.slice(j);
      const head = chain.slice(0, j);
      const left = m.product([matrix, number, ...scalars, ...head]);
      if (rest.length === 1) return { rule: 'left-factor', after: [{ matrix: left, of: rest[0]! }] };
      // diag(u)·q = diag(q)·u, for the u with dx in it.
      const [first, ...after] = rest as [MatrixExpr, ...MatrixExpr[]];
      const q = m.product(after);
      if (first.kind === 'function' && first.name === 'diag' && isColumn(first.operand.shape) && isColumn(q.shape)) {
        return { rule: 'diag-swap', after: [{ matrix: m.product([left, m.matrixFunction('diag', q)]), of: first.operand }] };
      }
      // A run from a row with dx to a column is a scalar: (dxᵀ·a)·… is read as a scalar factor.
      if (first.shape.rows === 1) {
        const scalar = m.product(rest);
        if (isScalar(scalar.shape)) return { rule: 'scalar-factor', after: [{ matrix: left, of: scalar }] };
      }
      // dx·(aᵀq): a column with dx times a scalar.
      if (isColumn(first.shape) && isScalar(q.shape)) return { rule: 'scalar-factor', after: [{ matrix: m.product([left, q]), of: first }] };
      // (M + N)·q = M·q + N·q, and (M·N)ᵀ·q = Nᵀ·Mᵀ·q: sums and transposes in the chain are opened.
      if (first.kind === 'add') return { rule: 'sum', after: first.terms.filter(holds).map((t) => ({ matrix: left, of: m.product([t, ...after]) })) };
      if (first.kind === 'transpose') {
        const pushed = pushTranspose(first.operand);
        if (pushed !== undefined) return { rule: 'transpose-of-product', after: [{ matrix: left, of: m.product([pushed, ...after]) }] };
      }
      throw notLinear(first);
    }
    case 'hadamard': {
      // a ⊙ M = diag(a)·M.
      const k = e.factors.findIndex(holds);
      const others = m.hadamard(e.factors.filter((_, i) => i !== k));
      if (!isColumn(others.shape)) throw notLinear(e);
      return { rule: 'hadamard-as-diag', after: [{ matrix: m.product([matrix, m.matrixFunction('diag', others)]), of: e.factors[k]! }] };
    }
    case 'transpose': {
      const pushed = pushTranspose(e.operand);
      if (pushed === undefined) throw notLinear(e);
      return { rule: 'transpose-of-product', after: [{ matrix, of: pushed }] };
    }
    case 'function': {
      // The diagonal of a matrix with dx in it: diag(A + B) = diag(A) + diag(B), diag(a·bᵀ) = a ⊙ b.
      if (e.name !== 'diag' || e.operand.shape.cols === 1) throw notLinear(e);
      if (e.operand.kind === 'add') return { rule: 'sum', after: e.operand.terms.filter(holds).map((t) => ({ matrix, of: m.matrixFunction('diag', t) })) };
      const outer = diagonalOfOuter(e);
      if (outer === undefined) throw notLinear(e);
      return { rule: 'diagonal-of-outer-product', after: [{ matrix, of: outer }] };
    }
    default: throw notLinear(e);
  }
}

/** Mᵀ with the transpose pushed into M: (a·B)ᵀ = Bᵀ·aᵀ, (A + B)ᵀ = Aᵀ + Bᵀ, (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ; undefined where it goes no further. */
function pushTranspose(inside: MatrixExpr): MatrixExpr | undefined {
  switch (inside.kind) {
    case 'product': return m.product([...inside.factors].reverse().map(m.transpose));
    case 'add': return m.add(inside.terms.map(m.transpose));
    case 'hadamard': return m.hadamard(inside.factors.map(m.transpose));
    default: return undefined;
  }
}
