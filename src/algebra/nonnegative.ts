import type { Expr } from '../expr/types.js';
import { isInteger, isNegative } from '../expr/rational.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { children } from '../expr/traverse.js';
import { functionTable } from '../functions/table.js';

/*
 * Whether a tree is ≥ 0 wherever it is defined, as far as its form shows: |u|, e^u, √u, u²,
 * σ(u), and sums, products and quotients of such. False means "not known", not "negative".
 */

const known = new NodeMemo<boolean>();

/** The parts a node's sign rests on: of a sum, product or quotient all of them, of a power its base. */
const signParts = (e: Expr): readonly Expr[] => {
  if (e.kind === 'add' || e.kind === 'mul' || e.kind === 'div') return children(e);
  return e.kind === 'pow' ? [e.base] : [];
};

export function isNonNegative(root: Expr): boolean {
  return foldParts(root, signParts, (e, of) => {
    switch (e.kind) {
      case 'num': return !isNegative(e.value);
      case 'constant': return true;
      case 'add': return e.terms.every(of);
      case 'mul': return e.factors.every(of);
      case 'div': return of(e.numerator) && of(e.denominator);
      case 'pow': {
        // u^(2k) and u^(p/q) with p even are |u| to a power; a power of a non-negative base is one.
        if (e.exponent.kind === 'num' && e.exponent.value.n % 2n === 0n && (isInteger(e.exponent.value) || e.exponent.value.d % 2n === 1n)) return true;
        return of(e.base);
      }
      case 'call': {
        const range = functionTable[e.name].range;
        return range !== undefined && range.low >= 0;
      }
      default: return false;
    }
  }, known);
}
