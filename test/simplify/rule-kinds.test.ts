import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simplificationRules, simplifyWithSteps } from '../../src/simplify/simplify.js';
import type { AnyRewriteRule } from '../../src/simplify/rewrite.js';
import type { Expr } from '../../src/expr/types.js';
import { postOrder } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { parse } from '../../src/parse/parse.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);

/** A rule's rewrite, called on any node (as these tests do on purpose). */
const applyTo = (rule: AnyRewriteRule, node: Expr): Expr | undefined => (rule.apply as (e: Expr) => Expr | undefined)(node);

describe('the kind each rule declares', () => {
  it('is the only kind of node simplify offers the rule', () => {
    const offered = new Map<string, number>();
    const strays: string[] = [];
    const watched = simplificationRules.map((rule) => ({
      ...rule,
      apply: (e: Expr) => {
        if (e.kind !== rule.kind) strays.push(`${rule.id} was offered a ${e.kind}`);
        offered.set(rule.id, (offered.get(rule.id) ?? 0) + 1);
        return applyTo(rule, e);
      },
    }) as AnyRewriteRule);
    fc.assert(fc.property(expressionTree(), (e) => {
      simplifyWithSteps(e, { rules: watched });
      expect(strays).toEqual([]);
    }), { numRuns: runs });
    // Every rule was offered something, so the property is not vacuous.
    expect(simplificationRules.filter((rule) => !offered.has(rule.id)).map((rule) => rule.id)).toEqual([]);
  });

  it('is a kind the rule fires on: each rule fires on an example', () => {
    const examples = [
      'x + (y + z)', 'x + 2 + 3', 'x + y - x', 'x*(y*z)', '0*x', 'x*3', 'x*(1/y)', '(x+1)/(x+1)', '-(-x - y)',
      '-(-x)', '(-x)/y', '(2x)/4', 'x/1', '0/x', 'x^0', 'x^1', '1^x', '2^3', '(x^2)^3', 'x + 2x', 'x*x^2',
      '(x^2 - 1)/(x - 1)', 'sin(x)*x', 'x^(-2)', 'x^(1/2)', 'sqrt(x)^2', '0^x', 'log(1)', 'log(exp(x))', 'sqrt(x^2)',
      'cos(x)/sin(x)', 'abs(exp(x))', 'sin(x)^2 + cos(x)^2', 'sec(x)^2/(1 + tan(x)^2)', 'max(x, x, 1)', 'cos(asin(x))', '7^log(x, 7)',
      'heaviside(x)/(2*sqrt(relu(x)))', '(2*x^2/(x^2 + 1) - log(1 + x^2))/x^2',
    ];
    const fired = new Set<string>();
    for (const node of examples.flatMap((input) => postOrder(parse(input)))) {
      for (const rule of simplificationRules) {
        if (rule.kind !== node.kind) continue;
        const after = applyTo(rule, node);
        if (after !== undefined && after !== node) fired.add(rule.id);
      }
    }
    expect(simplificationRules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
