import type { Expr } from './types.js';

/*
 * Each node knows, as bits, which variables are in its tree (NodeBase.variables). The first 29
 * names of variables made have a bit each, and every later one shares the last: for a name with
 * a bit of its own, the bit says exactly whether the variable is in the tree, so "does e depend
 * on x?" is answered without walking e. A name is given its bit when its first node is made, so a
 * tree made before has none of it, as its bits say.
 */

/** Names with a bit of their own: the rest share one more, so a node's bits stay a small integer. */
const ownBits = 29;
const sharedBit = 1 << ownBits;

const bits = new Map<string, number>();

/** The bit a variable's name stands for. Only the names with a bit of their own are kept: a process that meets ever new names keeps no more. */
export function variableBit(name: string): number {
  const bit = bits.get(name);
  if (bit !== undefined) return bit;
  if (bits.size >= ownBits) return sharedBit;
  const own = 1 << bits.size;
  bits.set(name, own);
  return own;
}

/** Every bit: what a tree built by hand, without bits of its own, may hold. */
export const anyVariableBits = (1 << (ownBits + 1)) - 1;

/** Whether a variable is in a tree, as its bits say; undefined where they cannot (a shared bit, a tree built by hand). */
export function holdsVariable(e: Expr, name: string): boolean | undefined {
  if (e.variables === undefined) return undefined;
  const bit = variableBit(name);
  if ((e.variables & bit) === 0) return false;
  return bit === sharedBit ? undefined : true;
}
