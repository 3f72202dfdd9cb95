import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * No array is spread into a call (f(...items)): past about 100,000 items a spread overflows
 * the stack, and a sum of 130,000 terms would be refused as "nested too deeply". Loops and folds
 * take any number. Rest parameters in declarations, (...args: number[]), are fine.
 */

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.generated\.ts$/.test(name) ? [path] : [];
  });
}

describe('the source', () => {
  it('spreads no array into a call', () => {
    const spreads = [...sources('src'), ...sources('web/src')].flatMap((path) =>
      readFileSync(path, 'utf8').split('\n').flatMap((line, i) =>
        (/\(\s*\.\.\.(?!\w+\s*:)/.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])));
    expect(spreads).toEqual([]);
  });
});
