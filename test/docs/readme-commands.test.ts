import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';
import { codeOperations } from '../../src/codegen/generate.js';

/*
 * Every `npx dydx` command in the README's console blocks prints what follows it (a line "…"
 * stands for lines left out), and the table of operations is what dydx counts. Commands fed by
 * a pipe or a file, and the bench's, are shown, not run.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Each `$ npx dydx …` line of a console block and the lines after it, up to the next command. */
const commands = [...readme.matchAll(/```console\n([\s\S]*?)```/g)].flatMap(([, block]) =>
  block!.split(/^\$ /m).filter((c) => c.trim() !== '').map((c) => {
    const [line, ...output] = c.split('\n');
    return { line: line!, output: output.join('\n') };
  })).filter(({ line }) => line.startsWith('npx dydx ') && !/answers?-file|\|/.test(line));

/** The arguments of a command line with double-quoted parts, as a shell splits them. */
const argumentsOf = (line: string): string[] => [...line.replace(/^npx dydx /, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

/** The output as a pattern: each line itself, a line "…" any lines at all. */
const shownOutput = (output: string): RegExp => new RegExp(`^${output.split('\n').map((line) =>
  (line === '…' ? '[^]*?' : line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\n')}$`);

describe('the README', () => {
  it('has commands to check', () => expect(commands.length).toBeGreaterThan(10));

  it.each(commands)('$ $line', async ({ line, output }) => {
    const run = await dydx(argumentsOf(line));
    // A refusal shown is an error with exit 2; everything else answers (a check that does not verify, or an answer found wrong, with 3, 4 or 5).
    if (output.startsWith('dydx: ')) expect(run.status).toBe(2);
    else expect([0, 3, 4, 5]).toContain(run.status);
    if (output.includes('\n…\n') || output.startsWith('…\n')) expect(run.stdout + run.stderr).toMatch(shownOutput(output));
    else expect(run.stdout + run.stderr).toBe(output);
  });

  it('counts the operations dydx counts', () => {
    const section = readme.slice(readme.indexOf('## Several variables'), readme.indexOf('## Web page'));
    const rows = [...section.matchAll(/^\| [^|]+ \| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)];
    expect(rows.length).toBe(8);
    const text = (c: ReturnType<typeof codeOperations>['together']): string =>
      `${Object.entries(c.calls).sort().map(([n, k]) => `${k} ${n.replace(/^(np|scipy\.special)\./, '')}`).join(', ')}; ${c.arithmetic} arithmetic`;
    for (const [, input, together, apart] of rows) {
      const counts = codeOperations(input!, { target: 'numpy', variables: input!.includes('w') ? ['w', 'b'] : undefined });
      expect(together!.trim(), input).toBe(text(counts.together));
      expect(apart!.trim(), input).toBe(text(counts.apart));
    }
  });
});
