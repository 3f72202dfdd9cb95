import type { Expr } from './types.js';
import { hashString } from './hash.js';

/*
 * Each node knows, as bits, which functions are called in its tree (NodeBase.calls): a
 * function's name stands for one of 30 bits, so a bit clear says that no function of that bit
 * is called anywhere in the tree. Questions such as "is there a σ in it?", asked of whole
 * expressions of any size, are then answered at once where the answer is no; where a bit is set,
 * the tree is searched as before (another function may share the bit).
 */

/** Bits a name may stand for: 30, so a node's bits stay a small integer, held in the node itself. */
const bitCount = 30;

const bitsOfNames = new Map<string, number>();

/** The bit a function's name stands for. */
export function callBit(name: string): number {
  let bit = bitsOfNames.get(name);
  if (bit === undefined) {
    // The hash read as unsigned: a negative remainder would shift past the 30 bits.
    bit = 1 << ((hashString(name) >>> 0) % bitCount);
    bitsOfNames.set(name, bit);
  }
  return bit;
}

const bitsOfSets = new WeakMap<ReadonlySet<string>, number>();

/** The bits of several names: those a tree calling any of them has set. */
export function callBits(names: ReadonlySet<string>): number {
  let bits = bitsOfSets.get(names);
  if (bits === undefined) {
    bits = 0;
    for (const name of names) bits |= callBit(name);
    bitsOfSets.set(names, bits);
  }
  return bits;
}

/** Every bit: what a tree built by hand, without bits of its own, may call. */
export const anyCallBits = (1 << bitCount) - 1;

/** Whether a tree may call a function of these bits: false only where none is called in it. */
export const mayCall = (e: Expr, bits: number): boolean => ((e.calls ?? anyCallBits) & bits) !== 0;
