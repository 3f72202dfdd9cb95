import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/*
 * A large work keeps every node it makes until it ends: a sum of 50,000 terms makes 350,000. Each
 * node's list of parts is kept as long as it is, not with the room a list built by pushing has
 * for more (17 entries for 2: 152 bytes where 32 do). Measured in a process of its own, after
 * full collections, over 20,000 products of two factors, each made from a list built by pushing.
 */
const dist = (path: string): string => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

const script = `
const build = await import(${JSON.stringify(dist('expr/factory.js'))});
const x = build.variable('x');
const n = 20000;
const numbers = Array.from({ length: n }, (_, i) => build.int(i + 2));
gc();
const before = process.memoryUsage().heapUsed;
const kept = [];
for (let i = 0; i < n; i++) {
  const parts = [];
  parts.push(numbers[i]);
  parts.push(x);
  kept.push(build.mul(parts));
}
gc();
process.stdout.write(String((process.memoryUsage().heapUsed - before) / n));
`;

describe('the memory a node takes', () => {
  it('is the node, its list of parts as long as it is, and its place in the table of nodes', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const bytes = Number(run.stdout);
    // About 290 bytes a product: 210 the node, 50 its list, the rest its slots in the table and
    // the list holding it; 440 with the room a pushed list keeps.
    expect(bytes).toBeGreaterThan(150);
    expect(bytes).toBeLessThan(350);
  });
});
