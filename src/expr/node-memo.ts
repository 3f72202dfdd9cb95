import type { Expr } from './types.js';
import { IdTable, largestId } from './id-table.js';

/*
 * Facts worked out once per node (its normal form, its variables, how it reads), kept by the
 * node's id (see id-table.ts): every node the factories make has an id no other node has had.
 * Every memo is emptied with the table of interned nodes (forgetNodes in factory.ts), and once it
 * holds `maxEntries`, so it keeps no more than the work in hand needs. Trees built by hand have no
 * id: their facts go in a Map, as do those of nodes past the two-billionth made in one process.
 */

/** As many nodes as the table of interned nodes holds at most (maxInternedAtAll in factory.ts). */
const maxEntries = 1 << 23;

/** Every memo made: a memo is made once, at module level, never per call. */
const memos: NodeMemo<unknown>[] = [];

const hasId = (node: Expr): boolean => node.id > 0 && node.id <= largestId;

/** A fact for each node, until the nodes made so far are forgotten. Usable as a FoldMemo. */
export class NodeMemo<T> {
  private readonly byId = new IdTable<T>();
  /** Nodes without an id (built by hand, not by the factories): renewed, not emptied (see smallIntegers in factory.ts). */
  private byHand = new Map<Expr, T>();

  constructor() {
    memos.push(this as NodeMemo<unknown>);
  }

  get(node: Expr): T | undefined {
    return hasId(node) ? this.byId.get(node.id) : this.byHand.get(node);
  }

  has(node: Expr): boolean {
    return hasId(node) ? this.byId.has(node.id) : this.byHand.has(node);
  }

  set(node: Expr, value: T): this {
    // Emptied before the entry goes in, so the value just set is there to be read back (see foldParts).
    if (hasId(node)) {
      if (this.byId.size >= maxEntries) this.byId.clear();
      this.byId.set(node.id, value);
    } else {
      if (this.byHand.size >= maxEntries) this.byHand = new Map();
      this.byHand.set(node, value);
    }
    return this;
  }

  clear(): void {
    this.byId.clear();
    if (this.byHand.size > 0) this.byHand = new Map();
  }
}

/** Empties every memo: the nodes they are about are forgotten (forgetNodes in factory.ts). */
export function forgetNodeMemos(): void {
  for (const memo of memos) memo.clear();
}
