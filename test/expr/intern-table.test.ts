import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/types.js';
import { InternTable } from '../../src/expr/intern-table.js';
import { add, forgetNodes, int, variable } from '../../src/expr/factory.js';

describe('the table of interned nodes', () => {
  it('finds each node by its hash and test, among many of one hash, as it grows', () => {
    const table = new InternTable<Expr>();
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({ kind: 'variable', name: `v${i}` }) as unknown as Expr);
    // Three hashes only: most nodes share theirs with thousands of others.
    nodes.forEach((n, i) => table.add(i % 3, n));
    expect(table.size).toBe(20_000);
    const name = (e: Expr): string => (e as Expr & { name: string }).name;
    for (const i of [0, 1, 2, 9_999, 19_999]) expect(table.find(i % 3, (n) => name(n) === `v${i}`)).toBe(nodes[i]);
    expect(table.find(1, (n) => name(n) === 'v0')).toBeUndefined();
    expect(table.find(7, () => true)).toBeUndefined();
    table.clear();
    expect(table.size).toBe(0);
    expect(table.find(0, () => true)).toBeUndefined();
  });

  it('makes equal trees one node until the nodes are forgotten', () => {
    const sum = add([variable('x'), int(1)]);
    expect(add([variable('x'), int(1)])).toBe(sum);
    forgetNodes();
    const again = add([variable('x'), int(1)]);
    expect(again).not.toBe(sum);
    expect(add([variable('x'), int(1)])).toBe(again);
  });
});
