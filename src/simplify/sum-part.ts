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
 * Places in a sum filed by keys: those with a term of each key, and those with a term of every
 * part. A place is filed once per key however many of its terms have it.
 */
class PlacesByKey<K> {
  private readonly byKey = new Map<K, number[]>();
  private readonly everywhere: number[] = [];

  file(place: number, keys: Iterable<K> | 'every'): void {
    if (keys === 'every') {
      if (this.everywhere[this.everywhere.length - 1] !== place) this.everywhere.push(place);
      return;
    }
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list === undefined) this.byKey.set(key, [place]);
      else if (list[list.length - 1] !== place) list.push(place);
    }
  }

  /** The places filed under any of these keys, and those of every part, in increasing order. */
  placesOf(keys: Iterable<K>): number[] {
    const places = new Set<number>(this.everywhere);
    for (const key of keys) for (const place of this.byKey.get(key) ?? []) places.add(place);
    return Array.from(places).sort((a, b) => a - b);
  }
}

/**
 * The terms of an expression filed by the keys each concerns (the functions' arguments it holds,
 * say), so that the part for some keys is found without reading every term: a rewrite tried once
 * per key of a long sum costs what the terms of that key cost, not the whole sum each time.
 */
export class SumTerms<K> {
  /** The terms of each key, and those every part takes (those that may combine with any). */
  private readonly index = new PlacesByKey<K>();
  private readonly whole: Expr;

  /** `keysOf` gives the keys of a term, or `every` for a term that belongs to every part. */
  constructor(e: Expr, keysOf: (term: Expr) => Iterable<K> | 'every') {
    this.whole = e;
    (e.kind === 'add' ? e.terms : [e]).forEach((t, i) => this.index.file(i, keysOf(t)));
  }

  /** The part made of the terms of any of these keys (and those of every part), or undefined where a sum has none; all of what is not a sum. */
  part(keys: Iterable<K>): SumPart | undefined {
    if (this.whole.kind !== 'add') return { part: this.whole, whole: true, places: [0], rebuild: (rewritten) => rewritten };
    return partAt(this.whole, this.index.placesOf(keys));
  }
}

/** A term a part of a sum being rewritten took, and the place of the sum as given where it stands. */
interface Taken {
  readonly place: number;
  readonly term: Expr;
}

/** A part of a sum being rewritten: its terms, as one expression, and where they stood. */
export interface PartTaken {
  readonly part: Expr;
  /** Whether the part is every term the sum has now. */
  readonly whole: boolean;
  readonly taken: readonly Taken[];
}

/**
 * A sum rewritten part by part, each part found among the terms as the rewrites before it left
 * them. The terms are filed by their keys, and a rewrite files again its own terms only: many
 * rewrites of a long sum cost what their parts do, not the whole sum each.
 */
export class SumBeingRewritten<K> {
  /** The terms standing at each place of the sum as given: at first its term; none once a rewrite took it; a rewrite's terms where the first term it took stood. */
  private readonly slots: Expr[][];
  /** The places where terms with each key, or of every part, have stood: some may have gone since, and are passed over when read. */
  private readonly index = new PlacesByKey<K>();
  /** Each term's keys, worked out once. */
  private readonly keysKnown = new Map<Expr, readonly K[] | 'every'>();
  private count: number;
  private changed = false;

  /** `keysOfTerm` gives the keys of a term, or `every` for a term that belongs to every part. */
  constructor(private readonly sum: Add, private readonly keysOfTerm: (term: Expr) => readonly K[] | 'every') {
    this.slots = sum.terms.map((t) => [t]);
    this.count = sum.terms.length;
    sum.terms.forEach((t, i) => this.file(t, i));
  }

  private keysOf(term: Expr): readonly K[] | 'every' {
    let keys = this.keysKnown.get(term);
    if (keys === undefined) {
      keys = this.keysOfTerm(term);
      this.keysKnown.set(term, keys);
    }
    return keys;
  }

  private file(term: Expr, place: number): void {
    this.index.file(place, this.keysOf(term));
  }

  /** The terms, in the order of the sum, with any of these keys, and those of every part; undefined where there are none. */
  part(keys: readonly K[]): PartTaken | undefined {
    const taken: Taken[] = [];
    for (const place of this.index.placesOf(keys)) {
      for (const term of this.slots[place]!) {
        const own = this.keysOf(term);
        if (own === 'every' || keys.some((key) => own.includes(key))) taken.push({ place, term });
      }
    }
    if (taken.length === 0) return undefined;
    return { part: taken.length === 1 ? taken[0]!.term : add(taken.map((t) => t.term)), whole: taken.length === this.count, taken };
  }

  /** Puts a part's rewriting in its place: its terms stand where the first term of the part stood, and the part's other terms go; a part rewritten to 0 leaves none. */
  rewrite({ taken }: PartTaken, rewritten: Expr): void {
    const terms = rewritten.kind === 'add' ? rewritten.terms : rewritten.kind === 'num' && rewritten.value.equals(0) ? [] : [rewritten];
    const first = taken[0]!;
    taken.forEach(({ place, term }, i) => {
      const slot = this.slots[place]!;
      const at = slot.indexOf(term);
      this.slots[place] = i === 0 ? [...slot.slice(0, at), ...terms, ...slot.slice(at + 1)] : [...slot.slice(0, at), ...slot.slice(at + 1)];
    });
    for (const term of terms) this.file(term, first.place);
    this.count += terms.length - taken.length;
    this.changed = true;
  }

  /** The sum as the rewrites have left it: the sum given where none was put in. */
  result(): Expr {
    if (!this.changed) return this.sum;
    const terms: Expr[] = [];
    for (const slot of this.slots) for (const term of slot) terms.push(term);
    return add(terms);
  }
}
