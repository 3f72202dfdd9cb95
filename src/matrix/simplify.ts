import type { MatrixExpr } from './types.js';
import * as m from './factory.js';
import { isScalar, sameShape } from './shape.js';
import { isEntrywise, simplerEntrywise } from './entrywise.js';

/*
 * The named identities that write an answer of matrix notation simply, applied one at a time,
 * innermost first, until none applies: (AB)ᵀ = BᵀAᵀ, 𝟏ᵀv = sum(v), a·M + b·M = (a + b)·M,
 * P·x + Q·x = (P + Q)·x. The trivial forms (flat products, 1·A, (Aᵀ)ᵀ, numbers added) are the
 * factories' own, so every rewrite shown says something.
 */

/** Stable ids of the identities; their names are in print/matrix-steps.ts. */
export type MatrixRewriteRule = 'entrywise-as-scalars' | 'transpose-of-product' | 'sum-of-entries' | 'diag-times-vector' | 'diag-product' | 'diag-of-outer-product' | 'collect-terms' | 'common-right-factor' | 'common-left-factor';

interface Rule {
  readonly id: MatrixRewriteRule;
  readonly rewrite: (e: MatrixExpr) => MatrixExpr | undefined;
}

export interface MatrixRewrite {
  readonly rule: MatrixRewriteRule;
  readonly before: MatrixExpr;
  readonly after: MatrixExpr;
  /** The whole expression after the rewrite. */
  readonly whole: MatrixExpr;
}

export interface Simplified {
  readonly result: MatrixExpr;
  readonly rewrites: readonly MatrixRewrite[];
}

/**
 * A key equal for trees equal up to the order of a sum's terms and of an entrywise product's
 * factors (a ⊙ b is b ⊙ a), for finding like terms and common factors.
 */
function orderFreeKey(e: MatrixExpr, memo = new Map<MatrixExpr, string>()): string {
  const known = memo.get(e);
  if (known !== undefined) return known;
  const children = childrenOf(e).map((c) => orderFreeKey(c, memo));
  if (e.kind === 'add' || e.kind === 'hadamard') children.sort();
  const own = e.kind === 'variable' ? e.name : e.kind === 'number' ? e.value.toFraction() : e.kind === 'power' ? e.exponent.toFraction()
    : e.kind === 'elementwise' || e.kind === 'function' ? e.name : e.kind === 'constant' ? e.name : '';
  const key = `${e.kind}:${own}:${e.shape.rows}x${e.shape.cols}(${children.join(',')})`;
  memo.set(e, key);
  return key;
}
const alike = (a: MatrixExpr, b: MatrixExpr): boolean => a === b || orderFreeKey(a) === orderFreeKey(b);

/** A product's factors without its number, as one node: what a multiple of it is a multiple of. */
function body(e: MatrixExpr): { coefficient: MatrixExpr; body: MatrixExpr } {
  const { coefficient, scalars, chain } = m.productParts(e);
  return { coefficient: m.number(coefficient), body: m.product([...scalars, ...chain]) };
}

const rules: readonly Rule[] = [
  {
    // (A·B)ᵀ = Bᵀ·Aᵀ.
    id: 'transpose-of-product',
    rewrite: (e) => (e.kind === 'transpose' && e.operand.kind === 'product' ? m.product([...e.operand.factors].reverse().map(m.transpose)) : undefined),
  },
  {
    // 𝟏ᵀ·v = vᵀ·𝟏 = sum(v).
    id: 'sum-of-entries',
    rewrite: (e) => {
      if (e.kind !== 'product' || !isScalar(e.shape) || e.factors.length !== 2) return undefined;
      const [a, b] = e.factors as [MatrixExpr, MatrixExpr];
      if (a.kind === 'ones') return m.matrixFunction('sum', b);
      if (b.kind === 'ones') return m.matrixFunction('sum', a);
      return undefined;
    },
  },
  {
    // diag(a)·b = a ⊙ b, for vectors a and b.
    id: 'diag-times-vector',
    rewrite: (e) => {
      if (e.kind !== 'product') return undefined;
      const { coefficient, scalars, chain } = m.productParts(e);
      const i = chain.findIndex((f, k) => f.kind === 'function' && f.name === 'diag' && f.operand.shape.cols === 1 && chain[k + 1]?.shape.cols === 1);
      if (i < 0) return undefined;
      const diagonal = chain[i] as MatrixExpr & { kind: 'function' };
      return m.product([m.number(coefficient), ...scalars, ...chain.slice(0, i), m.hadamard([diagonal.operand, chain[i + 1]!]), ...chain.slice(i + 2)]);
    },
  },
  {
    // diag(a·bᵀ) = a ⊙ b: the diagonal of an outer product.
    id: 'diag-of-outer-product',
    rewrite: (e) => diagonalOfOuter(e),
  },
  {
    // diag(a)·diag(b) = diag(a ⊙ b).
    id: 'diag-product',
    rewrite: (e) => {
      if (e.kind !== 'product') return undefined;
      const { coefficient, scalars, chain } = m.productParts(e);
      const isDiagonal = (f: MatrixExpr | undefined): f is MatrixExpr & { kind: 'function' } => f?.kind === 'function' && f.name === 'diag' && f.operand.shape.cols === 1;
      const i = chain.findIndex((f, k) => isDiagonal(f) && isDiagonal(chain[k + 1]));
      if (i < 0) return undefined;
      const [a, b] = [chain[i], chain[i + 1]] as [MatrixExpr & { kind: 'function' }, MatrixExpr & { kind: 'function' }];
      return m.product([m.number(coefficient), ...scalars, ...chain.slice(0, i), m.matrixFunction('diag', m.hadamard([a.operand, b.operand])), ...chain.slice(i + 2)]);
    },
  },
  {
    // a·M + b·M = (a + b)·M.
    id: 'collect-terms',
    rewrite: (e) => {
      if (e.kind !== 'add') return undefined;
      const bodies = e.terms.map(body);
      for (let i = 0; i < bodies.length; i++) {
        const j = bodies.findIndex((b, k) => k > i && alike(b.body, bodies[i]!.body));
        if (j < 0) continue;
        const together = m.product([m.add([bodies[i]!.coefficient, bodies[j]!.coefficient]), bodies[i]!.body]);
        return m.add(e.terms.flatMap((t, k) => (k === i ? [together] : k === j ? [] : [t])));
      }
      return undefined;
    },
  },
  {
    // P·x + Q·x = (P + Q)·x.
    id: 'common-right-factor',
    rewrite: (e) => commonFactor(e, 'right'),
  },
  {
    // A·u + A·v = A·(u + v).
    id: 'common-left-factor',
    rewrite: (e) => commonFactor(e, 'left'),
  },
];

/**
 * diag(c·α·a·bᵀ), the diagonal of an outer product (a chain that is a column times a row, split
 * where a factor has one column), as c·α·(a ⊙ b); undefined for anything else.
 */
export function diagonalOfOuter(e: MatrixExpr): MatrixExpr | undefined {
  if (e.kind !== 'function' || e.name !== 'diag' || e.operand.shape.cols === 1 || e.operand.kind !== 'product') return undefined;
  const { coefficient, scalars, chain } = m.productParts(e.operand);
  const k = chain.findIndex((f, i) => i < chain.length - 1 && f.shape.cols === 1);
  if (k < 0) return undefined;
  const column = m.product(chain.slice(0, k + 1));
  const row = m.product(chain.slice(k + 1));
  return m.product([m.number(coefficient), ...scalars, m.hadamard([column, m.transpose(row)])]);
}

/** A sum whose terms all end (or all start) with one vector or matrix, that factor taken out. */
function commonFactor(e: MatrixExpr, side: 'left' | 'right'): MatrixExpr | undefined {
  if (e.kind !== 'add') return undefined;
  const parts = e.terms.map(m.productParts);
  const end = (chain: readonly MatrixExpr[]): MatrixExpr | undefined => (side === 'right' ? chain.at(-1) : chain[0]);
  const shared = end(parts[0]!.chain);
  if (shared === undefined || !parts.every((p) => p.chain.length > 0 && alike(end(p.chain)!, shared))) return undefined;
  const rests = parts.map((p) => m.product([m.number(p.coefficient), ...p.scalars, ...(side === 'right' ? p.chain.slice(0, -1) : p.chain.slice(1))]));
  // The rests must be added: one shape, or scalars all (2x + 3x is collect-terms' to write).
  if (!rests.every((r) => sameShape(r.shape, rests[0]!.shape)) || rests.every((r) => r.kind === 'number')) return undefined;
  const sum = m.add(rests);
  return side === 'right' ? m.product([sum, shared]) : m.product([shared, sum]);
}

/** The same node with other children, through the factories. */
export function withChildren(e: MatrixExpr, next: readonly MatrixExpr[]): MatrixExpr {
  switch (e.kind) {
    case 'add': return m.add(next);
    case 'product': return m.product(next);
    case 'hadamard': return m.hadamard(next);
    case 'power': return m.power(next[0]!, e.exponent);
    case 'elementwise': return m.elementwise(e.name, next[0]!);
    case 'transpose': return m.transpose(next[0]!);
    case 'function': return m.matrixFunction(e.name, next[0]!);
    case 'differential': return m.differential(next[0]!);
    case 'variable': case 'number': case 'constant': case 'identity': case 'ones': case 'zero': return e;
  }
}

export function childrenOf(e: MatrixExpr): readonly MatrixExpr[] {
  switch (e.kind) {
    case 'add': return e.terms;
    case 'product': case 'hadamard': return e.factors;
    case 'power': return [e.base];
    case 'elementwise': return [e.argument];
    case 'transpose': case 'function': case 'differential': return [e.operand];
    case 'variable': case 'number': case 'constant': case 'identity': case 'ones': case 'zero': return [];
  }
}

/**
 * The first rewrite that applies, innermost first, and the whole after it. An entrywise part is
 * written as scalars are only whole (where its parent is not entrywise), so that the scalar
 * simplifier sees all of it.
 */
function rewriteOnce(e: MatrixExpr, insideEntrywise = false): MatrixRewrite | undefined {
  const children = childrenOf(e);
  for (let i = 0; i < children.length; i++) {
    const inner = rewriteOnce(children[i]!, isEntrywise(e));
    if (inner) return { ...inner, whole: withChildren(e, children.map((c, k) => (k === i ? inner.whole : c))) };
  }
  for (const rule of rules) {
    const after = rule.rewrite(e);
    if (after !== undefined && after !== e) return { rule: rule.id, before: e, after, whole: after };
  }
  const simpler = insideEntrywise ? undefined : simplerEntrywise(e);
  return simpler === undefined ? undefined : { rule: 'entrywise-as-scalars', before: e, after: simpler, whole: simpler };
}

/** Most rewrites of one answer: each makes it shorter or pushes a transpose down, so this is never reached in practice. */
const mostRewrites = 500;

export function simplifyMatrix(e: MatrixExpr): Simplified {
  const rewrites: MatrixRewrite[] = [];
  let current = e;
  for (let n = 0; n < mostRewrites; n++) {
    const next = rewriteOnce(current);
    if (next === undefined) break;
    rewrites.push(next);
    current = next.whole;
  }
  return { result: current, rewrites };
}
