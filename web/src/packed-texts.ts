/*
 * Many strings as one buffer of UTF-8. The closed steps of a long derivation hold megabytes of
 * typeset HTML; sent from the worker as strings, they are copied, and the page spends tens of
 * milliseconds taking them in before it can show anything. A buffer is handed over without a
 * copy, and each string is read out of it only when its step is opened.
 */

export interface PackedTexts {
  readonly bytes: Uint8Array;
  /** Where each string ends in `bytes` (and the next begins). */
  readonly ends: readonly number[];
}

export function packTexts(texts: readonly string[]): PackedTexts {
  const encoder = new TextEncoder();
  const encoded = texts.map((t) => encoder.encode(t));
  const bytes = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const e of encoded) {
    bytes.set(e, at);
    at += e.length;
    ends.push(at);
  }
  return { bytes, ends };
}

/** The k-th string, or undefined when there are not that many. */
export function unpackText(packed: PackedTexts, k: number): string | undefined {
  if (!Number.isInteger(k) || k < 0 || k >= packed.ends.length) return undefined;
  return new TextDecoder().decode(packed.bytes.subarray(k === 0 ? 0 : packed.ends[k - 1], packed.ends[k]));
}

export const noTexts: PackedTexts = { bytes: new Uint8Array(0), ends: [] };
