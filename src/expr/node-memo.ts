import type { Expr } from './types.js';

/*
 * Facts worked out once per node (its normal form, its variables, how it reads), kept in a table
 * of its own keyed by the node's id: an open-addressed table of ids and a list of values beside
 * them. Every node made by the factories has an id no other node has had (ids are never given
 * twice, even once the nodes are forgotten), so an id found is the node's own. A piece of work
 * starts with every memo emptied (forgetNodeMemos, from forgetNodes in factory.ts): the table
 * keeps its room, so a work does not grow it again from nothing as a Map would, entry by entry,
 * each time. A memo that grew large for one work is made small again when emptied. Trees built
 * by hand have no id: their facts go in a Map, as do those of nodes past the two-billionth. A memo holds at most `maxEntries`, and is emptied
 * when full, so it keeps no more than the work in hand needs.
 */

/** As many nodes as the table of interned nodes holds at most (maxInternedAtAll in factory.ts). */
const maxEntries = 1 << 23;

/** The room a memo keeps when emptied: one grown past it for a large work is made this small again. */
const keptRoom = 1 << 12;

/** Every memo made: a memo is made once, at module level, never per call. */
const memos: NodeMemo<unknown>[] = [];

/** Ids past this (after two billion nodes made in one process) are kept in the Map, as nodes without one. */
const maxId = 0x7fffffff;

/** A value stored as undefined, told apart from no value. */
const none = Symbol('none');

/** A fact for each node, until the nodes made so far are forgotten. Usable as a FoldMemo. */
export class NodeMemo<T> {
  /** Ids in their slots (0: an empty slot); the room is a power of two, at most three quarters used. */
  private ids = new Int32Array(16);
  private values: unknown[] = new Array<unknown>(16).fill(undefined);
  private mask = 15;
  /** The slots filled, in the order they were: emptied one by one, the rest of the room untouched. */
  private filled: number[] = [];
  /** Nodes without an id (built by hand, not by the factories). */
  private readonly byHand = new Map<Expr, T>();

  constructor() {
    memos.push(this as NodeMemo<unknown>);
  }

  /** The slot of an id: where it is, or the empty slot where it would go. */
  private slotOf(id: number): number {
    let slot = Math.imul(id, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = this.ids[slot]!;
      if (found === id || found === 0) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  get(node: Expr): T | undefined {
    const id = node.id;
    if (!(id > 0 && id <= maxId)) return this.byHand.get(node);
    const slot = this.slotOf(id);
    if (this.ids[slot] !== id) return undefined;
    const value = this.values[slot];
    return (value === none ? undefined : value) as T | undefined;
  }

  has(node: Expr): boolean {
    const id = node.id;
    if (!(id > 0 && id <= maxId)) return this.byHand.has(node);
    return this.ids[this.slotOf(id)] === id;
  }

  set(node: Expr, value: T): this {
    const id = node.id;
    if (!(id > 0 && id <= maxId)) {
      if (this.byHand.size >= maxEntries) this.byHand.clear();
      this.byHand.set(node, value);
      return this;
    }
    // Emptied before the entry goes in, so the value just set is there to be read back (see foldParts).
    if (this.filled.length >= maxEntries) this.empty();
    let slot = this.slotOf(id);
    if (this.ids[slot] !== id) {
      if (4 * (this.filled.length + 1) > 3 * (this.mask + 1)) {
        this.grow();
        slot = this.slotOf(id);
      }
      this.ids[slot] = id;
      this.filled.push(slot);
    }
    this.values[slot] = value === undefined ? none : value;
    return this;
  }

  /** Twice the room, every entry put in again. */
  private grow(): void {
    const ids = this.ids;
    const values = this.values;
    const filled = this.filled;
    this.ids = new Int32Array(ids.length * 2);
    this.values = new Array<unknown>(ids.length * 2).fill(undefined);
    this.mask = ids.length * 2 - 1;
    this.filled = [];
    for (const old of filled) {
      const slot = this.slotOf(ids[old]!);
      this.ids[slot] = ids[old]!;
      this.values[slot] = values[old];
      this.filled.push(slot);
    }
  }

  /** No entries: the slots filled are emptied, or where there are many, the room is made again, small. */
  private empty(): void {
    if (this.ids.length > keptRoom) {
      this.ids = new Int32Array(keptRoom);
      this.values = new Array<unknown>(keptRoom).fill(undefined);
      this.mask = keptRoom - 1;
    } else {
      for (const slot of this.filled) {
        this.ids[slot] = 0;
        this.values[slot] = undefined;
      }
    }
    this.filled = [];
  }

  clear(): void {
    if (this.filled.length > 0) this.empty();
    if (this.byHand.size > 0) this.byHand.clear();
  }
}

/** Empties every memo: the nodes they are about are forgotten (forgetNodes in factory.ts). */
export function forgetNodeMemos(): void {
  for (const memo of memos) memo.clear();
}
