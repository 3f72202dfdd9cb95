import type { Expr } from '../expr/types.js';
import { num, rebuildExactly } from '../expr/factory.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { compareStarts, readingStart, type ReadingStart } from '../expr/order.js';
import { children } from '../expr/traverse.js';

/*
 * Atoms are what polynomials are made of: any expression that is not a sum, product,
 * quotient, negation or power with a numeric exponent (x, sin(x), σ(x), e^(−x)). Equal
 * atoms are one atom: an atom is known by its node's id, since equal trees are one node (see
 * expr/factory.ts). Numbers written as decimals are the exception (0.5 and 1/2 are two nodes
 * of one value): an atom with such a number in it is known by the id of the same tree with
 * every number written as a fraction.
 */

// Memos of the work in hand rather than WeakMaps, whose values a young collection keeps alive.
const keys = new NodeMemo<number>();

/** A small number, equal for equal atoms and only for them, however deep the atoms are. */
export function atomKey(e: Expr): number {
  if (!e.hasDecimal) return e.id;
  let key = keys.get(e);
  if (key === undefined) {
    key = withoutDecimals(e).id;
    keys.set(e, key);
  }
  return key;
}

/** The tree with every decimal number written as a fraction; the tree itself when it has none. */
function withoutDecimals(root: Expr): Expr {
  return foldParts<Expr, Expr>(root, children, (node, of) => {
    if (node.kind === 'num') return node.decimal ? num(node.value) : node;
    const parts = children(node);
    return parts.length === 0 ? node : rebuildExactly(node, parts.map(of));
  }, plainTwins);
}
const plainTwins = new NodeMemo<Expr>();


/** The order atoms are written in: variables, constants, powers, then functions, then other parts. */
function atomRank(e: Expr): number {
  switch (e.kind) {
    case 'variable': return 0;
    case 'constant': return 1;
    case 'pow': return 2;
    case 'call': case 'apply': return 3;
    default: return 4;
  }
}

/** Where an atom goes in writing order, worked out once: compare two with compareAtomPlaces. */
export interface AtomPlace {
  readonly rank: number;
  readonly reading: ReadingStart;
}
const places = new NodeMemo<AtomPlace>();

export function atomPlace(e: Expr): AtomPlace {
  let place = places.get(e);
  if (!place) places.set(e, (place = { rank: atomRank(e), reading: readingStart(e) }));
  return place;
}

/** Writing order of atoms: by rank, then as they read (x before y, cos(x) before sin(x); see compareStarts). */
export const compareAtomPlaces = (a: AtomPlace, b: AtomPlace): number => a.rank - b.rank || compareStarts(a.reading, b.reading);

export const compareAtoms = (a: Expr, b: Expr): number => (a === b ? 0 : compareAtomPlaces(atomPlace(a), atomPlace(b)));

export const sameAtom = (a: Expr, b: Expr): boolean => a === b || atomKey(a) === atomKey(b);

