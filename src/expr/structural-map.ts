import type { Expr } from './types.js';
import { equals } from './traverse.js';

/**
 * A map keyed by expressions up to structural equality (equal trees share an entry), using
 * their hashes. The first key of each hash is kept in plain maps and only keys whose hash
 * collides with another's go to a list: maps of hundreds of thousands of parts make no
 * small arrays that way.
 */
export class StructuralMap<V> {
  private readonly firstKeys = new Map<number, Expr>();
  private readonly firstValues = new Map<number, V>();
  /** Keys not equal to the first key of their hash. */
  private readonly others = new Map<number, [Expr, V][]>();

  get(key: Expr): V | undefined {
    const first = this.firstKeys.get(key.hash);
    if (first === undefined) return undefined;
    if (first === key || equals(first, key)) return this.firstValues.get(key.hash);
    const bucket = this.others.get(key.hash);
    if (bucket) for (const [k, v] of bucket) if (k === key || equals(k, key)) return v;
    return undefined;
  }

  set(key: Expr, value: V): void {
    const first = this.firstKeys.get(key.hash);
    if (first === undefined || first === key || equals(first, key)) {
      this.firstKeys.set(key.hash, first ?? key);
      this.firstValues.set(key.hash, value);
      return;
    }
    const bucket = this.others.get(key.hash);
    if (!bucket) {
      this.others.set(key.hash, [[key, value]]);
      return;
    }
    const at = bucket.findIndex(([k]) => k === key || equals(k, key));
    if (at >= 0) bucket[at] = [key, value];
    else bucket.push([key, value]);
  }
}
