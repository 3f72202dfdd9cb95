import type { Expr } from '../expr/types.js';
import * as build from '../expr/factory.js';
import { simplify } from '../simplify/simplify.js';
import { rational } from '../expr/rational.js';
import type { MatrixExpr } from './types.js';
import * as m from './factory.js';

/*
 * The entrywise parts of a tree of matrix notation are scalar expressions applied entry by entry:
 * e^(−u) ⊘ (1 + e^(−u))^⊙2 is, in each entry, e^(−u)/(1 + e^(−u))², which the scalar simplifier
 * writes σ(u)·(1 − σ(u)). So such a part is written as a scalar expression (what is not entrywise in
 * it, a matrix product or a transpose, standing as a name), simplified as scalars are, and written
 * back, where that makes it shorter. Only parts with an exponential in them are offered: the forms
 * the scalar simplifier knows better are those of e^u (σ, softplus, tanh).
 */

/** Whether a node computes entry by entry from its parts: sums, ⊙, powers, functions of the table, scalar multiples. */
export const isEntrywise = (e: MatrixExpr): boolean =>
  e.kind === 'add' || e.kind === 'hadamard' || e.kind === 'power' || e.kind === 'elementwise'
  || (e.kind === 'product' && m.productParts(e).chain.length <= 1);

/** An entrywise part as a scalar expression, each part that is not entrywise a name (`parts` keeps what each name stands for). */
function toScalar(e: MatrixExpr, parts: Map<string, MatrixExpr>, names: Map<MatrixExpr, string>): Expr {
  switch (e.kind) {
    case 'number': return build.num(e.value);
    case 'constant': return build.constant(e.name);
    case 'add': return build.add(e.terms.map((t) => toScalar(t, parts, names)));
    case 'hadamard': return build.mul(e.factors.map((f) => toScalar(f, parts, names)));
    case 'power': return build.pow(toScalar(e.base, parts, names), build.num(e.exponent));
    case 'elementwise': return build.call(e.name, [toScalar(e.argument, parts, names)]);
    default: {
      if (e.kind === 'product' && m.productParts(e).chain.length <= 1) return build.mul(e.factors.map((f) => toScalar(f, parts, names)));
      // A matrix product, a transpose, a function of matrices, a name: a name in the scalar expression.
      let name = names.get(e);
      if (name === undefined) {
        name = `_part${names.size + 1}`;
        names.set(e, name);
        parts.set(name, e);
      }
      return build.variable(name);
    }
  }
}

/** A scalar expression written back entry by entry; undefined where it has what matrix notation does not write (a power by an expression). */
function fromScalar(e: Expr, parts: ReadonlyMap<string, MatrixExpr>): MatrixExpr | undefined {
  const all = (xs: readonly Expr[]): MatrixExpr[] | undefined => {
    const out: MatrixExpr[] = [];
    for (const x of xs) {
      const back = fromScalar(x, parts);
      if (back === undefined) return undefined;
      out.push(back);
    }
    return out;
  };
  switch (e.kind) {
    case 'num': return m.number(e.value);
    case 'constant': return m.constant(e.name);
    case 'variable': return parts.get(e.name);
    case 'add': { const terms = all(e.terms); return terms && m.add(terms); }
    case 'mul': { const factors = all(e.factors); return factors && m.hadamard(factors); }
    case 'div': {
      const [a, b] = all([e.numerator, e.denominator]) ?? [];
      return a && b && m.hadamard([a, m.power(b, rational(-1))]);
    }
    case 'neg': { const [a] = all([e.operand]) ?? []; return a && m.neg(a); }
    case 'pow': {
      if (e.exponent.kind !== 'num') return undefined;
      const base = fromScalar(e.base, parts);
      return base && m.power(base, e.exponent.value);
    }
    case 'call': {
      if (e.args.length !== 1) return undefined;
      const argument = fromScalar(e.args[0]!, parts);
      return argument && m.elementwise(e.name, argument);
    }
    case 'apply': case 'derivative': return undefined;
  }
}

const hasExponential = (e: Expr): boolean => {
  const stack = [e];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'call' && n.name === 'exp') return true;
    if (n.kind === 'add') for (const t of n.terms) stack.push(t);
    else if (n.kind === 'mul') for (const f of n.factors) stack.push(f);
    else if (n.kind === 'div') stack.push(n.numerator, n.denominator);
    else if (n.kind === 'neg') stack.push(n.operand);
    else if (n.kind === 'pow') stack.push(n.base, n.exponent);
    else if (n.kind === 'call') for (const a of n.args) stack.push(a);
  }
  return false;
};

/** One entrywise part written as the scalar simplifier writes it, where that is shorter; undefined where nothing changes. */
export function simplerEntrywise(e: MatrixExpr): MatrixExpr | undefined {
  if (!isEntrywise(e)) return undefined;
  const parts = new Map<string, MatrixExpr>();
  const scalar = toScalar(e, parts, new Map());
  if (!hasExponential(scalar)) return undefined;
  const simpler = simplify(scalar);
  if (simpler.complexity >= scalar.complexity) return undefined;
  try {
    const back = fromScalar(simpler, parts);
    return back === undefined || back === e || back.shape.rows !== e.shape.rows || back.shape.cols !== e.shape.cols ? undefined : back;
  } catch {
    // A sum of a scalar and a vector that the scalar simplifier made (s·v + s from s·(v + 1)) is no tree of matrix notation.
    return undefined;
  }
}
