/*
 * Values kept for things with ids no other thing of their kind has had (nodes, monomials: ids
 * are never given twice, even once those things are forgotten), open-addressed by id: a table of
 * ids and a list of values beside them. Emptied at the start of most pieces of work, it keeps its
 * room, so a work does not grow it again from nothing, entry by entry, as a Map would; a table
 * grown large for one work is made small again when emptied.
 */

/** The room kept when emptied: a table grown past it for a large work is made this small again. */
const keptRoom = 1 << 12;

/** The largest id kept: ids are whole numbers from 1 up, held in 32 bits. */
export const largestId = 0x7fffffff;

/** A value stored as undefined, told apart from no value. */
const none = Symbol('none');

export class IdTable<T> {
  /** Ids in their slots (0: an empty slot); the room is a power of two, at most three quarters used. */
  private ids = new Int32Array(16);
  private values: unknown[] = new Array<unknown>(16).fill(undefined);
  private mask = 15;
  /** The slots filled, in the order they were: emptied one by one, the rest of the room untouched. */
  private filled: number[] = [];

  /** How many ids it holds. */
  get size(): number {
    return this.filled.length;
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

  /** The value of an id (1 to largestId), if one was set. */
  get(id: number): T | undefined {
    const slot = this.slotOf(id);
    if (this.ids[slot] !== id) return undefined;
    const value = this.values[slot];
    return (value === none ? undefined : value) as T | undefined;
  }

  has(id: number): boolean {
    return this.ids[this.slotOf(id)] === id;
  }

  set(id: number, value: T): void {
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
  }

  clear(): void {
    if (this.filled.length === 0) return;
    // Each value let go of, even in a list about to be dropped: a list in the old generation still
    // pointing at young values would keep them through every collection of the young objects.
    for (const slot of this.filled) {
      this.ids[slot] = 0;
      this.values[slot] = undefined;
    }
    if (this.ids.length > keptRoom) {
      this.ids = new Int32Array(keptRoom);
      this.values = new Array<unknown>(keptRoom).fill(undefined);
      this.mask = keptRoom - 1;
    }
    this.filled = [];
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
      // Let go of in the list dropped, which may be old (see clear).
      values[old] = undefined;
    }
  }
}
