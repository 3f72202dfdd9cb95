import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/types.js';
import { NodeMemo } from '../../src/expr/node-memo.js';
import { forgetNodes, int, variable } from '../../src/expr/factory.js';
import { foldParts } from '../../src/expr/fold.js';
import { children } from '../../src/expr/traverse.js';
import { parse } from '../../src/parse/parse.js';

describe('a memo of facts per node', () => {
  it('keeps each value, undefined among them, apart from no value', () => {
    const memo = new NodeMemo<number | undefined>();
    const x = variable('x');
    const two = int(2);
    expect(memo.has(x)).toBe(false);
    memo.set(x, 7).set(two, undefined);
    expect(memo.get(x)).toBe(7);
    expect(memo.has(two)).toBe(true);
    expect(memo.get(two)).toBeUndefined();
    memo.set(x, 8);
    expect(memo.get(x)).toBe(8);
  });

  it('keeps every one of many nodes, its room grown as it fills', () => {
    const memo = new NodeMemo<number>();
    const nodes = Array.from({ length: 5000 }, (_, i) => int(i + 10_000));
    nodes.forEach((n, i) => memo.set(n, i));
    expect(nodes.every((n, i) => memo.get(n) === i)).toBe(true);
    expect(memo.has(int(99_999))).toBe(false);
  });

  it('is emptied when the nodes are forgotten, and works for nodes made before', () => {
    const memo = new NodeMemo<string>();
    const old = parse('x^2 + sin(x)');
    memo.set(old, 'old');
    forgetNodes();
    expect(memo.has(old)).toBe(false);
    const fresh = parse('x^2 + sin(x)');
    expect(fresh).not.toBe(old);
    // A tree kept from before is folded again, its values found as they are set.
    const sizes = new NodeMemo<number>();
    expect(foldParts<Expr, number>(old, children, (node, of) => 1 + children(node).reduce((n, c) => n + of(c), 0), sizes)).toBe(old.size);
    expect(sizes.get(old)).toBe(old.size);
  });

  it('keeps facts of a node built by hand, which has no id', () => {
    const memo = new NodeMemo<number>();
    const byHand = { ...variable('y'), id: undefined } as unknown as Expr;
    memo.set(byHand, 3);
    expect(memo.get(byHand)).toBe(3);
    expect(memo.has(variable('y'))).toBe(false);
  });
});
