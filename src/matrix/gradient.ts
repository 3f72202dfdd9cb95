import type { MatrixExpr } from './types.js';
import * as m from './factory.js';
import { inner } from './differential.js';
import { sameShape } from './shape.js';

/*
 * The gradient read off a differential. A differential dL of a scalar is linear in dX, so it is
 * ⟨G, dX⟩ = tr(GᵀdX) for one G with X's shape: the gradient. Starting from ⟨1, dL⟩ = dL, each
 * step moves what stands around dX into the weight on the left by a named identity (the cyclic
 * property of the trace, the transpose, a Hadamard product moved across the inner product, …),
 * until dX stands alone. This is reverse-mode differentiation, written out.
 */

/** Stable ids of the identities used; their names and general forms are in print/matrix-steps.ts. */
export type InnerRule = 'sum' | 'coefficient' | 'scalar-factor' | 'move-factors' | 'transpose' | 'hadamard' | 'trace' | 'sum-of-entries' | 'diag';

/** ⟨weight, of⟩: the weight has the shape of what it weighs. */
export interface InnerProduct {
  readonly weight: MatrixExpr;
  readonly of: MatrixExpr;
}

/** One identity applied: ⟨A, E⟩ = ⟨A′, E′⟩ (several, for a sum), and the steps that go on from each. */
export interface InnerStep {
  readonly rule: InnerRule;
  readonly before: InnerProduct;
  readonly after: readonly InnerProduct[];
  readonly substeps: readonly InnerStep[];
}

/** What is read off: the gradient's terms, one for each place dX stands, and the steps. */
export interface ReadOff {
  readonly terms: readonly MatrixExpr[];
  readonly steps: readonly InnerStep[];
}

/** ⟨weight, of⟩ = ⟨G, dX⟩: the terms of G and the steps, `of` linear in the differential dX. */
export function readOff(start: InnerProduct, by: string): ReadOff {
  const terms: MatrixExpr[] = [];
  const go = (p: InnerProduct): InnerStep | undefined => {
    const { weight, of } = p;
    // dL = 0: L does not depend on the variable, and its gradient is 0.
    if (!of.differentials.has(by)) return undefined;
    if (of.kind === 'differential' && of.operand.kind === 'variable' && of.operand.name === by) {
      terms.push(weight);
      return undefined;
    }
    const moved = move(p, by);
    const substeps = moved.after.flatMap((q) => go(q) ?? []);
    return { rule: moved.rule, before: p, after: moved.after, substeps };
  };
  const first = go(start);
  return { terms, steps: first === undefined ? [] : [first] };
}

/** The identity that moves one thing from around dX into the weight. */
function move({ weight: a, of: e }: InnerProduct, by: string): { rule: InnerRule; after: InnerProduct[] } {
  const holds = (x: MatrixExpr): boolean => x.differentials.has(by);
  switch (e.kind) {
    case 'add': return { rule: 'sum', after: e.terms.filter(holds).map((t) => ({ weight: a, of: t })) };
    case 'product': {
      const { coefficient, scalars, chain } = m.productParts(e);
      const number = m.number(coefficient);
      const scalarAt = scalars.findIndex(holds);
      if (scalarAt >= 0) {
        // ⟨A, α·M⟩ = ⟨⟨A, M⟩, α⟩ for a scalar α.
        const others = scalars.filter((_, i) => i !== scalarAt);
        const rest = chain.length === 0 ? a : inner(a, m.product(chain));
        return { rule: 'scalar-factor', after: [{ weight: m.product([number, ...others, rest]), of: scalars[scalarAt]! }] };
      }
      const j = chain.findIndex(holds);
      const before = chain.slice(0, j);
      const after = chain.slice(j + 1);
      // ⟨A, P·M·Q⟩ = tr(Aᵀ·P·M·Q) = tr(Q·Aᵀ·P·M) = ⟨Pᵀ·A·Qᵀ, M⟩: the cyclic property of the trace.
      const weight = m.product([number, ...scalars, ...before.map(m.transpose).reverse(), a, ...after.map(m.transpose).reverse()]);
      return { rule: before.length === 0 && after.length === 0 ? 'coefficient' : 'move-factors', after: [{ weight, of: chain[j]! }] };
    }
    case 'hadamard': {
      // ⟨A, B ⊙ M⟩ = ⟨A ⊙ B, M⟩: aᵀ(b ⊙ c) = (a ⊙ b)ᵀc.
      const k = e.factors.findIndex(holds);
      return { rule: 'hadamard', after: [{ weight: m.hadamard([a, ...e.factors.filter((_, i) => i !== k)]), of: e.factors[k]! }] };
    }
    case 'transpose': return { rule: 'transpose', after: [{ weight: m.transpose(a), of: e.operand }] };
    case 'function':
      switch (e.name) {
        case 'tr': return { rule: 'trace', after: [{ weight: m.product([a, m.identity(e.operand.shape.rows)]), of: e.operand }] };
        case 'sum': return { rule: 'sum-of-entries', after: [{ weight: m.product([a, m.ones(e.operand.shape)]), of: e.operand }] };
        case 'diag': {
          // ⟨A, diag(v)⟩ = ⟨diag(A), v⟩ and ⟨a, diag(M)⟩ = ⟨diag(a), M⟩.
          const v = e.operand;
          const diagonal = m.matrixFunction('diag', a);
          const weight = sameShape(diagonal.shape, v.shape) ? diagonal : m.transpose(diagonal);
          return { rule: 'diag', after: [{ weight, of: v }] };
        }
        default: break;
      }
      break;
    default: break;
  }
  throw new Error(`internal error: ${e.kind} is not linear in d${by}`);
}
