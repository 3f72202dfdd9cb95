import type { Expr } from '../expr/types.js';
import { call } from '../expr/factory.js';
import { NodeMemo } from '../expr/node-memo.js';
import type { FunctionName } from '../functions/table.js';
import type { Monomial } from './monomial.js';

/*
 * The atoms f(±m) of a function with f(a + b) = f(a)·f(b) (e^u), one per monomial m of an argument
 * and sign: the normal form keeps e^(2x − x²/2) as (e^x)²·(e^(−x²))^(1/2), and writing puts such
 * factors back into one exponential. A multiple keeps its sign (e^(−2x) is (e^(−x))², not (e^x)^(−2)),
 * so an answer stays in the exponentials its question had: e^(−x)/(1 + e^(−x))² is not turned into
 * e^x/(1 + e^x)²; where e^m and e^(−m) meet in one product they are one power. Each atom remembers
 * its monomial and sign.
 */

export interface ExponentialArgument {
  readonly monomial: Monomial;
  readonly sign: 1 | -1;
}

// A memo of the work in hand, not a WeakMap: a young collection keeps a WeakMap's values alive
// (the argument's monomial and its atoms with it) until an old one, long after the work is done.
const arguments_ = new NodeMemo<ExponentialArgument>();

/** f(sign·m) as an atom, the argument written out. */
export function exponentialAtom(name: FunctionName, m: Monomial, sign: 1 | -1, argument: Expr): Expr {
  const atom = call(name, [argument]);
  arguments_.set(atom, { monomial: m, sign });
  return atom;
}

/** The monomial and sign an exponential atom was made for; undefined for any other atom. */
// Only calls are: the others are told apart without a look in the memo.
export const exponentialArgument = (atom: Expr): ExponentialArgument | undefined => (atom.kind === 'call' ? arguments_.get(atom) : undefined);
