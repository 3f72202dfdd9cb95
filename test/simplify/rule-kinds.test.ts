import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simplificationRules } from '../../src/simplify/simplify.js';
import { postOrder } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { parse } from '../../src/parse/parse.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);

describe('the kind each rule declares', () => {
  it('is the only kind of node the rule rewrites (simplify offers it no other)', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      for (const node of postOrder(e)) {
        for (const rule of simplificationRules) {
          if (rule.kind !== node.kind) expect(rule.apply(node), `${rule.id} on a ${node.kind}`).toBeUndefined();
        }
      }
    }), { numRuns: runs });
  });

  it('is a kind the rule fires on: each rule fires on an example', () => {
    const examples = [
      'x + (y + z)', 'x + 2 + 3', 'x + y - x', 'x*(y*z)', '0*x', 'x*3', 'x*(1/y)', '(x+1)/(x+1)', '-(-x - y)',
      '-(-x)', '(-x)/y', '(2x)/4', 'x/1', '0/x', 'x^0', 'x^1', '1^x', '2^3', '(x^2)^3', 'x + 2x', 'x*x^2',
      '(x^2 - 1)/(x - 1)', 'sin(x)*x', 'x^(-2)', 'x^(1/2)', 'sqrt(x)^2',
    ];
    const fired = new Set<string>();
    for (const node of examples.flatMap((input) => postOrder(parse(input)))) {
      for (const rule of simplificationRules) {
        if (rule.kind !== node.kind) continue;
        const after = rule.apply(node);
        if (after !== undefined && after !== node) fired.add(rule.id);
      }
    }
    expect(simplificationRules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
