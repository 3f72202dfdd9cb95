import type { Expr } from '../expr/types.js';
import { StructuralMap } from '../expr/structural-map.js';
import { compareStarts, readingStart, type ReadingStart } from '../expr/order.js';
import { children } from '../expr/traverse.js';

/*
 * Atoms are what polynomials are made of: any expression that is not a sum, product,
 * quotient, negation or power with a numeric exponent (x, sin(x), σ(x), e^(−x)). Equal
 * atoms are one atom, whichever objects they are: an atom's id is found by structure (hash,
 * then structural comparison) and is short, so monomials keyed by ids are cheap to make and
 * to look up however deep their atoms are.
 */

/**
 * Ids of atoms. The table keeps the atoms it has seen; past `maxInternedNodes` of their nodes,
 * a new atom's id is a spelling of its structure instead (longer, equally unique), so a
 * long-running process does not keep every atom it ever met.
 */
export class AtomIds {
  private readonly interned = new StructuralMap<string>();
  private readonly ofObject = new WeakMap<Expr, string>();
  private atoms = 0;
  private nodes = 0;

  constructor(private readonly maxInternedNodes: number) {}

  /** A short key, equal for equal atoms and only for them. */
  id(e: Expr): string {
    let id = this.ofObject.get(e);
    if (id === undefined) {
      id = this.interned.get(e);
      if (id === undefined) {
        if (this.nodes + e.size <= this.maxInternedNodes) {
          // Interned ids start with '#', spelled ones with '~': the two never meet.
          id = `#${(this.atoms++).toString(36)}`;
          this.interned.set(e, id);
          this.nodes += e.size;
        } else {
          id = spelledStructure(e);
        }
      }
      this.ofObject.set(e, id);
    }
    return id;
  }
}

const ids = new AtomIds(5_000_000);

/** A short key, equal for equal atoms and only for them. */
export const atomId = (e: Expr): string => ids.id(e);

/** A string that differs for different trees: each node's kind and label, then its children's. */
function spelledStructure(root: Expr): string {
  const out: string[] = ['~'];
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const parts = children(e);
    out.push(`${e.kind}:${label(e)}:${parts.length};`);
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
  }
  return out.join('');
}

function label(e: Expr): string {
  switch (e.kind) {
    case 'num': return `${e.value.s * e.value.n}/${e.value.d}`;
    case 'constant': case 'variable': case 'call': return e.name;
    case 'apply': return `${e.name}/${e.orders.join(',')}`;
    case 'derivative': return e.variable;
    default: return '';
  }
}

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
const places = new WeakMap<Expr, AtomPlace>();

export function atomPlace(e: Expr): AtomPlace {
  let place = places.get(e);
  if (!place) places.set(e, (place = { rank: atomRank(e), reading: readingStart(e) }));
  return place;
}

/** Writing order of atoms: by rank, then as they read (x before y, cos(x) before sin(x); see compareStarts). */
export const compareAtomPlaces = (a: AtomPlace, b: AtomPlace): number => a.rank - b.rank || compareStarts(a.reading, b.reading);

export const compareAtoms = (a: Expr, b: Expr): number => (a === b ? 0 : compareAtomPlaces(atomPlace(a), atomPlace(b)));

export const sameAtom = (a: Expr, b: Expr): boolean => a === b || atomId(a) === atomId(b);
