import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';
import { codeOperations } from '../../src/codegen/generate.js';

/*
 * The README's sections on several variables and on backprop and code generation show real
 * output: each command of their console blocks prints what follows it, and the table of
 * operations is what dydx counts.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Several variables'), readme.indexOf('## Web page'));

/** Each `$ npx dydx …` line of a console block and the lines after it, up to the next command. */
const commands = [...section.matchAll(/```console\n([\s\S]*?)```/g)].flatMap(([, block]) =>
  block!.split(/^\$ /m).filter((c) => c.trim() !== '').map((c) => {
    const [line, ...output] = c.split('\n');
    return { line: line!, output: output.join('\n') };
  }));

/** The arguments of a command line with double-quoted parts, as a shell splits them. */
const argumentsOf = (line: string): string[] => [...line.replace(/^npx dydx /, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('the README on several variables, backprop and code generation', () => {
  it('has commands to check', () => expect(commands.length).toBeGreaterThan(10));

  it.each(commands)('$ $line', async ({ line, output }) => {
    const run = await dydx(argumentsOf(line));
    // A refusal shown is an error with exit 2; everything else answers.
    expect(run.status).toBe(output.startsWith('dydx: ') ? 2 : 0);
    expect(run.stdout + run.stderr).toBe(output);
  });

  it('counts the operations dydx counts', () => {
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
