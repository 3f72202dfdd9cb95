/*
 * A table of interned things (the nodes of factory.ts, the monomials of algebra/monomial.ts) by
 * their hash, open-addressed, each slot a hash and an item, items of one hash in the slots that
 * follow. Emptied at the start of most pieces of work, it keeps its room, so a work does not grow
 * it again from nothing as a Map would; a table grown large for one work is made small again.
 */

/** The room kept when emptied: a table grown past it for a large work is made this small again. */
const keptRoom = 1 << 12;

export class InternTable<T> {
  private hashes = new Int32Array(keptRoom);
  /** The item in each slot; undefined where the slot is empty. */
  private nodes: (T | undefined)[] = new Array<T | undefined>(keptRoom).fill(undefined);
  private mask = keptRoom - 1;
  /** The slots filled, in order: emptied one by one, the rest of the room untouched. */
  private filled: number[] = [];

  /** How many items it holds. */
  get size(): number {
    return this.filled.length;
  }

  /** The first item of this hash that `same` accepts, if one was put in. */
  find(hash: number, same: (item: T) => boolean): T | undefined {
    for (let slot = this.firstSlot(hash); ; slot = (slot + 1) & this.mask) {
      const node = this.nodes[slot];
      if (node === undefined) return undefined;
      if (this.hashes[slot] === hash && same(node)) return node;
    }
  }

  /** Puts an item in, after those of its hash. */
  add(hash: number, node: T): void {
    if (4 * (this.filled.length + 1) > 3 * (this.mask + 1)) this.grow();
    this.place(hash, node);
  }

  clear(): void {
    // Each item let go of, even in a list about to be dropped (see IdTable.clear).
    for (const slot of this.filled) this.nodes[slot] = undefined;
    if (this.nodes.length > keptRoom) {
      this.hashes = new Int32Array(keptRoom);
      this.nodes = new Array<T | undefined>(keptRoom).fill(undefined);
      this.mask = keptRoom - 1;
    }
    this.filled = [];
  }

  private firstSlot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) & this.mask;
  }

  private place(hash: number, node: T): void {
    let slot = this.firstSlot(hash);
    while (this.nodes[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.hashes[slot] = hash;
    this.nodes[slot] = node;
    this.filled.push(slot);
  }

  /** Twice the room, every item put in again in the order it was. */
  private grow(): void {
    const hashes = this.hashes;
    const nodes = this.nodes;
    const filled = this.filled;
    this.hashes = new Int32Array(hashes.length * 2);
    this.nodes = new Array<T | undefined>(hashes.length * 2).fill(undefined);
    this.mask = hashes.length * 2 - 1;
    this.filled = [];
    for (const slot of filled) {
      this.place(hashes[slot]!, nodes[slot]!);
      // Let go of in the list dropped, which may be old (see clear).
      nodes[slot] = undefined;
    }
  }
}
