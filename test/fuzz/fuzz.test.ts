import { describe, expect, it } from 'vitest';
// The fuzzer runs on the built library, as `npm run fuzz` does (npm test builds first).
// @ts-expect-error: a plain JavaScript module without types
import { fuzz } from '../../fuzz/fuzz.mjs';

interface Finding { kind: string; input: string; detail: string }

describe('fuzzing (a short run; npm run fuzz runs 1,000,000)', () => {
  it('finds no throw but ParseError and InputError, no reading that fails to read back, no check that fails', () => {
    const { tally, findings } = fuzz({ count: 5000, seed: 20261123 }) as { tally: Record<string, number>; findings: Finding[] };
    // How long an input takes depends on the machine and its load: npm run fuzz reports slow ones, a test does not time them.
    const found = findings.filter((f) => f.kind !== 'slow');
    expect(found.map((f) => `${f.kind}: ${JSON.stringify(f.input)} — ${f.detail}`)).toEqual([]);
    // The mix reaches every stage: most strings are rejected, hundreds parse and differentiate.
    expect(tally.parseErrors).toBeGreaterThan(2000);
    expect(tally.differentiated).toBeGreaterThan(300);
    expect(tally.derivations).toBeGreaterThan(10);
  });
});
