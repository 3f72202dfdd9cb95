import type { Expr } from './types.js';
import { equals } from './traverse.js';

/** A map keyed by expressions up to structural equality (equal trees share an entry), using their hashes. */
export class StructuralMap<V> {
  private readonly buckets = new Map<number, [Expr, V][]>();

  get(key: Expr): V | undefined {
    const bucket = this.buckets.get(key.hash);
    if (!bucket) return undefined;
    for (const [k, v] of bucket) if (k === key || equals(k, key)) return v;
    return undefined;
  }

  set(key: Expr, value: V): void {
    const bucket = this.buckets.get(key.hash);
    if (!bucket) {
      this.buckets.set(key.hash, [[key, value]]);
      return;
    }
    const at = bucket.findIndex(([k]) => k === key || equals(k, key));
    if (at >= 0) bucket[at] = [key, value];
    else bucket.push([key, value]);
  }
}
