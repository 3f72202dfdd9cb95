import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { children, rebuild } from '../../src/expr/traverse.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { forgetWork } from '../../src/errors.js';
import * as build from '../../src/expr/factory.js';
import type { Expr } from '../../src/expr/types.js';
import { expressionTree } from '../helpers/arbitraries.js';

/*
 * Equal trees are one node with an id (src/expr/factory.ts), the algebra keys atoms by their
 * ids, and the reader makes a tree's nodes in an order of its own: no answer may depend on the
 * order the nodes of its input were made in. A tree is made once as the reader makes it, and once
 * from its last part to its first, each in tables emptied before it.
 */

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);

/** The same tree made again, each node's parts from the last to the first, and each part before its node. */
function builtBackwards(e: Expr): Expr {
  switch (e.kind) {
    case 'num': return build.num(e.value, e.decimal);
    case 'variable': return build.variable(e.name);
    case 'constant': return build.constant(e.name);
    default: {
      const parts = children(e);
      const made: Expr[] = [];
      for (let i = parts.length - 1; i >= 0; i--) made[i] = builtBackwards(parts[i]!);
      return rebuild(e, made);
    }
  }
}

/** The derivative by x as text, or why it was refused. */
function outcome(e: Expr): string {
  try {
    return toText(differentiate(e, { variable: 'x' }).result);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

describe('the order nodes are made in', () => {
  it('changes no derivative: the input as read, and made from its last part to its first', () => {
    let answered = 0;
    fc.assert(fc.property(expressionTree(), (e) => {
      const text = toText(e);
      forgetWork();
      const asRead = outcome(parse(text));
      const read = parse(text);
      forgetWork();
      const backwards = builtBackwards(read);
      expect(toText(backwards)).toBe(text);
      expect(outcome(backwards), text).toBe(asRead);
      if (!asRead.startsWith('refused')) answered++;
    }), { numRuns: runs });
    expect(answered).toBeGreaterThan(runs / 2);
  });
});
