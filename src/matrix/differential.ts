import { InputError } from '../errors.js';
import { rational } from '../expr/rational.js';
import { functionTable, oneArgumentDerivative, type FunctionName } from '../functions/table.js';
import type { Template } from '../functions/template.js';
import type { MatrixExpr } from './types.js';
import * as m from './factory.js';
import { isColumn, isRow, isScalar } from './shape.js';

/*
 * The differential of an expression of matrix notation with one variable X varying, by named
 * rules (the rules of the Matrix Cookbook): d(AB) = dA·B + A·dB, d(A ⊙ B) = dA ⊙ B + A ⊙ dB,
 * d f(U) = f′(U) ⊙ dU with f′ from the function table, d(Aᵀ) = (dA)ᵀ, d A⁻¹ = −A⁻¹·dA·A⁻¹,
 * d det A = det A·tr(A⁻¹·dA), d ln det A = tr(A⁻¹·dA), d tr A = tr dA, d‖v‖² = 2vᵀdv, … Each
 * application is a step, with the rule's formula (its parts' differentials still to work out) and
 * the steps for those parts: the derivation shows them.
 */

/** Stable ids of the rules of differentials; their names and general forms are in print/matrix-steps.ts. */
export type DifferentialRule =
  | 'constant' | 'variable' | 'sum' | 'constant-factors' | 'product' | 'hadamard-product' | 'power' | 'squared-norm' | 'elementwise' | 'chain'
  | 'transpose' | 'inverse' | 'determinant' | 'log-determinant' | 'trace' | 'sum-of-entries' | 'norm' | 'logsumexp'
  | 'softmax' | 'log-softmax' | 'diag';

export interface DifferentialStep {
  readonly rule: DifferentialRule;
  /** What is differentiated. */
  readonly of: MatrixExpr;
  /** The rule's formula, its parts' differentials still to work out, where it has parts. */
  readonly formula?: MatrixExpr;
  readonly result: MatrixExpr;
  readonly substeps: readonly DifferentialStep[];
  /** The step that worked out the same differential before, where one did (it has no substeps then). */
  readonly sameAs?: DifferentialStep;
}

/** ⟨A, B⟩ as a 1×1 expression: aᵀb for columns, abᵀ for rows, tr(AᵀB) for matrices, ab for scalars. */
export function inner(a: MatrixExpr, b: MatrixExpr): MatrixExpr {
  if (isScalar(a.shape)) return m.product([a, b]);
  if (isColumn(a.shape)) return m.product([m.transpose(a), b]);
  if (isRow(a.shape)) return m.product([a, m.transpose(b)]);
  return m.matrixFunction('tr', m.product([m.transpose(a), b]));
}

/** The differential of `e` with `by` varying (and nothing else), with its derivation. */
export function differentiateMatrix(e: MatrixExpr, by: string): DifferentialStep {
  const done = new Map<MatrixExpr, DifferentialStep>();
  const d = (f: MatrixExpr): DifferentialStep => {
    const known = done.get(f);
    if (known !== undefined) return known.substeps.length === 0 ? known : { rule: known.rule, of: f, result: known.result, substeps: [], sameAs: known };
    const step = rule(f, by, d);
    done.set(f, step);
    return step;
  };
  return d(e);
}

/** Where the factors that vary are: each is differentiated in its place, the others left as they are. */
const varyingAt = (factors: readonly MatrixExpr[], by: string): number[] => factors.flatMap((x, i) => (x.variables.has(by) ? [i] : []));

/** A rule's step from its formula: the parts' differentials worked out and put in. */
function fromFormula(rule: DifferentialRule, of: MatrixExpr, parts: readonly MatrixExpr[], build: (dParts: readonly MatrixExpr[]) => MatrixExpr, d: (f: MatrixExpr) => DifferentialStep): DifferentialStep {
  const substeps = parts.map(d);
  const formula = build(parts.map((p) => m.differential(p)));
  const result = build(substeps.map((s) => s.result));
  return { rule, of, formula, result, substeps };
}

function rule(f: MatrixExpr, by: string, d: (f: MatrixExpr) => DifferentialStep): DifferentialStep {
  if (!f.variables.has(by)) return { rule: 'constant', of: f, result: m.zero(f.shape), substeps: [] };
  switch (f.kind) {
    case 'variable': return { rule: 'variable', of: f, result: m.differential(f), substeps: [] };
    // A number in a sum of vectors (1 − σ(u)) stands in every entry, and its differential is 0: it is left out.
    case 'add': return fromFormula('sum', f, f.terms.filter((t) => isScalar(t.shape) === isScalar(f.shape)), (ds) => m.add(ds), d);
    case 'product': {
      // Only the factors that vary: each in its place, the others as they are.
      const at = varyingAt(f.factors, by);
      // One factor varying: the others stay, d(P·X·Q) = P·dX·Q.
      return fromFormula(at.length === 1 ? 'constant-factors' : 'product', f, at.map((i) => f.factors[i]!), (ds) => m.add(at.map((i, k) => m.product(f.factors.map((y, j) => (j === i ? ds[k]! : y))))), d);
    }
    case 'hadamard': {
      const at = varyingAt(f.factors, by);
      return fromFormula('hadamard-product', f, at.map((i) => f.factors[i]!), (ds) => m.add(at.map((i, k) => m.hadamard(f.factors.map((y, j) => (j === i ? ds[k]! : y))))), d);
    }
    case 'power': {
      // d‖v‖² = 2⟨v, dv⟩: no ‖v‖ to cancel.
      if (f.base.kind === 'function' && f.base.name === 'norm' && f.exponent.equals(2)) {
        const v = f.base.operand;
        return fromFormula('squared-norm', f, [v], ([dv]) => m.product([m.int(2), inner(v, dv!)]), d);
      }
      const q = f.exponent;
      return fromFormula('power', f, [f.base], ([du]) => m.hadamard([m.number(q), m.power(f.base, q.sub(1)), du!]), d);
    }
    case 'elementwise': {
      const u = f.argument;
      if (f.name === 'log' && u.kind === 'function' && u.name === 'det') {
        const a = u.operand;
        return fromFormula('log-determinant', f, [a], ([da]) => m.matrixFunction('tr', m.product([m.matrixFunction('inv', a), da!])), d);
      }
      if (f.name === 'log' && u.kind === 'function' && u.name === 'softmax' && !isScalar(u.shape)) {
        // ln softmax(z) = z − logsumexp(z)·𝟏.
        const z = u.operand;
        return fromFormula('log-softmax', f, [z], ([dz]) => m.sub(dz!, m.product([inner(u, dz!), m.ones(z.shape)])), d);
      }
      const derivative = entrywiseDerivative(f.name, u);
      return fromFormula(isScalar(u.shape) ? 'chain' : 'elementwise', f, [u], ([du]) => m.hadamard([derivative, du!]), d);
    }
    case 'transpose': return fromFormula('transpose', f, [f.operand], ([da]) => m.transpose(da!), d);
    case 'function': {
      const a = f.operand;
      switch (f.name) {
        case 'inv': return fromFormula('inverse', f, [a], ([da]) => m.product([m.int(-1), f, da!, f]), d);
        case 'det': return fromFormula('determinant', f, [a], ([da]) => m.product([f, m.matrixFunction('tr', m.product([m.matrixFunction('inv', a), da!]))]), d);
        case 'tr': return fromFormula('trace', f, [a], ([da]) => m.matrixFunction('tr', da!), d);
        case 'sum': return fromFormula('sum-of-entries', f, [a], ([da]) => m.matrixFunction('sum', da!), d);
        case 'norm': return fromFormula('norm', f, [a], ([da]) => m.product([inner(a, da!), m.power(f, rational(-1))]), d);
        case 'logsumexp': return fromFormula('logsumexp', f, [a], ([da]) => inner(m.matrixFunction('softmax', a), da!), d);
        case 'softmax': return fromFormula('softmax', f, [a], ([da]) => m.sub(m.hadamard([f, da!]), m.product([inner(f, da!), f])), d);
        case 'diag': return fromFormula('diag', f, [a], ([da]) => m.matrixFunction('diag', da!), d);
      }
    }
    // Numbers, constants, I, 𝟏 and 0 have no variable in them; a differential is not differentiated again.
    case 'number': case 'constant': case 'identity': case 'ones': case 'zero': case 'differential':
      throw new Error(`internal error: the differential of a ${f.kind} with a variable in it`);
  }
}

/**
 * f′(U) entry by entry, from the function table's derivative of f: products there are
 * entrywise here, quotients entrywise quotients, so σ′(U) = σ(U) ⊙ (1 − σ(U)).
 */
export function entrywiseDerivative(name: FunctionName, u: MatrixExpr): MatrixExpr {
  // leaky_relu(u) and elu(u) are of one argument with the second's default: their derivative is the first partial there.
  const template = oneArgumentDerivative(functionTable[name]);
  if (template === undefined || functionTable[name].arity[0] !== 1) {
    throw new InputError(`the derivative of ${name} of one argument is not known, so ${name} of a vector or matrix is not differentiated`, 'invalid-request');
  }
  return fromTemplate(template, u, name);
}

function fromTemplate(t: Template<FunctionName>, u: MatrixExpr, of: FunctionName): MatrixExpr {
  if (typeof t === 'number') return m.int(t);
  switch (t) {
    case 'u': return u;
    case 'v': case 'w': case 't': throw new InputError(`the derivative of ${of} needs its other arguments, which matrix notation does not give`, 'invalid-request');
    case 'e': case 'pi': return m.constant(t);
  }
  const [head, ...rest] = t;
  const parts = (): MatrixExpr[] => rest.map((r) => fromTemplate(r, u, of));
  switch (head) {
    case 'add': return m.add(parts());
    case 'sub': return m.sub(parts()[0]!, parts()[1]!);
    case 'mul': return m.hadamard(parts());
    case 'div': {
      const [a, b] = parts() as [MatrixExpr, MatrixExpr];
      return m.hadamard([a, m.power(b, rational(-1))]);
    }
    case 'neg': return m.neg(parts()[0]!);
    case 'pow': {
      const [a, b] = parts() as [MatrixExpr, MatrixExpr];
      if (b.kind !== 'number') throw new InputError(`the derivative of ${of} has a power that is not a number, which matrix notation does not write`, 'invalid-request');
      return m.power(a, b.value);
    }
    case 'if': case 'gt': case 'lt': case 'ge':
      throw new InputError(`the derivative of ${of} is given by cases, which matrix notation does not write`, 'invalid-request');
    default: {
      const name = head as FunctionName;
      if (rest.length !== 1) throw new InputError(`the derivative of ${of} has ${name} of ${rest.length} arguments, which matrix notation does not write`, 'invalid-request');
      return m.elementwise(name, parts()[0]!);
    }
  }
}
