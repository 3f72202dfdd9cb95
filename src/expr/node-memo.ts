import type { Expr } from './types.js';

/*
 * Facts worked out once per node (its normal form, its variables, how it reads), kept in a Map
 * rather than a WeakMap. Every node made by the factories is held by the table of interned nodes
 * until that table is emptied, so a WeakMap would free nothing sooner; it costs more to look up
 * and much more to collect, its entries being weak. Each memo is emptied with the table
 * (forgetNodes in factory.ts), and once it holds `maxEntries` (trees built by hand are never
 * interned), so it keeps no more than the work in hand needs.
 */

/** As many nodes as the table of interned nodes holds at most (maxInternedAtAll in factory.ts). */
const maxEntries = 1 << 23;

/** Every memo made: a memo is made once, at module level, never per call. */
const memos: NodeMemo<unknown>[] = [];

/** A fact for each node, until the nodes made so far are forgotten. Usable as a FoldMemo. */
export class NodeMemo<T> {
  private readonly entries = new Map<Expr, T>();

  constructor() {
    memos.push(this as NodeMemo<unknown>);
  }

  get(node: Expr): T | undefined {
    return this.entries.get(node);
  }

  has(node: Expr): boolean {
    return this.entries.has(node);
  }

  set(node: Expr, value: T): this {
    // Emptied before the entry goes in, so the value just set is there to be read back (see foldParts).
    if (this.entries.size >= maxEntries) this.entries.clear();
    this.entries.set(node, value);
    return this;
  }

  clear(): void {
    if (this.entries.size > 0) this.entries.clear();
  }
}

/** Empties every memo: the nodes they are about are forgotten (forgetNodes in factory.ts). */
export function forgetNodeMemos(): void {
  for (const memo of memos) memo.clear();
}
