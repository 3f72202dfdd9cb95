import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/*
 * A piece of work's trees, memos and steps are garbage once the next starts afresh: a collection
 * of the young objects should find almost none of them alive. Where one is still reached from the
 * old generation (an object with a getter of its own, a Map emptied rather than renewed, a list
 * dropped with its items in it), the young collection keeps it and all it reaches, and copies it,
 * at every collection until a full one, which can take a third of the time of a run of small
 * inputs. Measured in a process of its own, with a young generation large enough that no
 * collection runs unasked.
 */
const dist = (path: string): string => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

const script = `
const { parse, differentiate, toText } = await import(${JSON.stringify(dist('index.js'))});
const { forgetWork } = await import(${JSON.stringify(dist('errors.js'))});
const v8 = await import('node:v8');
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;
const inputs = ['x^3*sin(x)', '1/(1+exp(-x))', 'tanh(3x + 1)', 'log(x^2 + 1)', 'acos(2x - 1)'];
const work = () => { for (const t of inputs) { forgetWork(); toText(differentiate(parse(t), { order: 2 }).result); } };
for (let r = 0; r < 100; r++) work();
gc({ type: 'minor' });
gc({ type: 'minor' });
for (let r = 0; r < 30; r++) work();
forgetWork();
gc({ type: 'minor' });
process.stdout.write(String(young()));
`;

describe('young collections', () => {
  it('keep almost nothing of 150 pieces of work once the next starts afresh', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const kept = Number(run.stdout);
    // About 190 KB of the process's own young objects: every derivation kept whole leaves 2.7 MB,
    // the steps of σ and tanh alone about 530 KB.
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400_000);
  });
});
