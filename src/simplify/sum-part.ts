import type { Add, Expr } from '../expr/types.js';
import { add } from '../expr/factory.js';

/** The terms of a sum a rewrite concerns, as one part, and the sum rebuilt with that part rewritten. */
export interface SumPart {
  readonly part: Expr;
  /** Whether the part is the whole expression. */
  readonly whole: boolean;
  /** The places of its terms in the sum, in increasing order. */
  readonly places: readonly number[];
  readonly rebuild: (rewritten: Expr) => Expr;
}

/**
 * The part of a sum made of the terms at these places (in increasing order): the others keep their
 * places, the rewritten ones standing where the first of them stood. A rewrite of the part costs
 * what the part costs, not what the whole sum does.
 */
function partAt(sum: Add, involved: readonly number[]): SumPart | undefined {
  const { terms } = sum;
  if (involved.length === 0) return undefined;
  if (involved.length === terms.length) return { part: sum, whole: true, places: involved, rebuild: (rewritten) => rewritten };
  const chosen = involved.map((i) => terms[i]!);
  return {
    part: chosen.length === 1 ? chosen[0]! : add(chosen),
    whole: false,
    places: involved,
    rebuild: (rewritten) => withPartsRewritten(sum, [{ places: involved, rewritten }]),
  };
}

/**
 * A sum with several parts rewritten at once, parts of different terms: each part's terms give way
 * to its rewriting, which stands where the first of them stood. Rewrites of many parts of a long
 * sum are put in with one rebuilding of it, not one each.
 */
export function withPartsRewritten(sum: Add, rewrites: readonly { readonly places: readonly number[]; readonly rewritten: Expr }[]): Expr {
  const at = new Map<number, Expr | null>();
  for (const { places, rewritten } of rewrites) {
    places.forEach((place, i) => at.set(place, i === 0 ? rewritten : null));
  }
  const terms: Expr[] = [];
  sum.terms.forEach((t, i) => {
    const rewritten = at.get(i);
    if (rewritten === undefined) terms.push(t);
    else if (rewritten !== null) {
      if (rewritten.kind === 'add') for (const r of rewritten.terms) terms.push(r);
      else terms.push(rewritten);
    }
  });
  return add(terms);
}

/**
 * The terms of an expression filed by the keys each concerns (the functions' arguments it holds,
 * say), so that the part for some keys is found without reading every term: a rewrite tried once
 * per key of a long sum costs what the terms of that key cost, not the whole sum each time.
 */
export class SumTerms<K> {
  private readonly terms: readonly Expr[];
  private readonly byKey = new Map<K, number[]>();
  /** The terms every part takes (those that may combine with any). */
  private readonly everywhere: number[] = [];
  private readonly whole: Expr;

  /** `keysOf` gives the keys of a term, or `every` for a term that belongs to every part. */
  constructor(e: Expr, keysOf: (term: Expr) => Iterable<K> | 'every') {
    this.whole = e;
    this.terms = e.kind === 'add' ? e.terms : [e];
    this.terms.forEach((t, i) => {
      const keys = keysOf(t);
      if (keys === 'every') {
        this.everywhere.push(i);
        return;
      }
      for (const key of keys) {
        const list = this.byKey.get(key);
        if (list === undefined) this.byKey.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
  }

  /** The part made of the terms of any of these keys (and those of every part), or undefined where a sum has none; all of what is not a sum. */
  part(keys: Iterable<K>): SumPart | undefined {
    if (this.whole.kind !== 'add') return { part: this.whole, whole: true, places: [0], rebuild: (rewritten) => rewritten };
    const places = new Set<number>(this.everywhere);
    for (const key of keys) for (const i of this.byKey.get(key) ?? []) places.add(i);
    return partAt(this.whole, Array.from(places).sort((a, b) => a - b));
  }
}
