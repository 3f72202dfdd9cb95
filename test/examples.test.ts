import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * Every program in examples/ runs, and prints what its golden file says
 * (test/golden/examples/NAME.txt; `npm run golden` regenerates them for review).
 */
const folder = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = readdirSync(folder).filter((f) => f.endsWith('.mjs')).sort();

describe('examples', () => {
  it('has the examples the README lists', () => {
    expect(examples).toEqual([
      'backprop.mjs', 'derivative.mjs', 'logistic-loss.mjs', 'sigmoid-steps.mjs', 'softplus.mjs', 'tanh.mjs', 'user-formula.mjs',
    ]);
  });

  it.each(examples)('%s prints its golden output', async (name) => {
    const output = execFileSync(process.execPath, [`${folder}${name}`], { encoding: 'utf8' });
    await expect(output).toMatchFileSnapshot(`./golden/examples/${name.replace(/\.mjs$/, '.txt')}`);
  });

  it('logistic-loss.mjs agrees with the textbook gradient', () => {
    const output = execFileSync(process.execPath, [`${folder}logistic-loss.mjs`], { encoding: 'utf8' });
    for (const [, ours, textbook] of output.matchAll(/: (-?[\d.]+) \(textbook (-?[\d.]+)\)/g)) expect(ours).toBe(textbook);
    expect(output.match(/textbook/g)).toHaveLength(2);
  });

  it('backprop.mjs gives the textbook gradient of the logistic loss from the backward pass', () => {
    const output = execFileSync(process.execPath, [`${folder}backprop.mjs`], { encoding: 'utf8' });
    const compared = [...output.matchAll(/: (-?[\d.]+) \(textbook (-?[\d.]+)\)/g)];
    expect(compared).toHaveLength(2);
    for (const [, ours, textbook] of compared) expect(ours).toBe(textbook);
    expect(output).toContain('∂v7/∂v6 = v7·(1 − v7) = 1/4 = 0.25  (the forward value v7 reused)');
  });

  it('softplus.mjs gives the same values written both ways', () => {
    const output = execFileSync(process.execPath, [`${folder}softplus.mjs`], { encoding: 'utf8' });
    const [first, second] = output.trim().split('\n').map((line) => line.split(': ').at(-1));
    expect(first).toBe(second);
    expect(output).toContain('d/dx softplus(x) = σ(x)');
  });
});
