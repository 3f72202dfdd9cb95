import type { Expr, Rational } from './types.js';

/*
 * Each node's own share of its size as a reader sees it (the whole is the sum over the tree: see
 * algebra/complexity.ts): nodes, with a fraction bar counting double (a/b/c reads worse than
 * a/(b·c)), a rational number p/q as more than its three printed parts (x/2 reads better than
 * 1/2·x), and the unwritten parts of 2x and x² as nothing.
 */
export const ownComplexity = {
  num: (value: Rational): number => (value.d !== 1n ? 5 : 1),
  div: 2,
  // 2x is two symbols, as x + x is three: the product sign of a whole coefficient is not written.
  mul: (first: Expr): number => (first.kind === 'num' && first.value.d === 1n ? 0 : 1),
  // x² is written as two symbols, x·x as three; a number inside a power, (2x)², reads worse than 4x².
  pow: (base: Expr, exponent: Expr): number => (exponent.kind === 'num' && exponent.value.d === 1n ? 0 : 1)
    + (base.kind === 'mul' && base.factors[0]!.kind === 'num' ? 1 : 0),
  other: 1,
} as const;
