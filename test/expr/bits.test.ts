import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as build from '../../src/expr/factory.js';
import { callBit, callBits, mayCall } from '../../src/expr/calls.js';
import { containsCall, dependsOn, postOrder, variablesOf } from '../../src/expr/traverse.js';
import { holdsVariable } from '../../src/expr/variable-bits.js';
import { functionNames } from '../../src/functions/table.js';
import { parse } from '../../src/parse/parse.js';
import type { Expr } from '../../src/expr/types.js';
import { expressionTree } from '../helpers/arbitraries.js';

/*
 * Each node's bits say which functions may be called in its tree (src/expr/calls.ts) and which
 * variables are in it (src/expr/variable-bits.ts): a search is skipped where the bits answer, so
 * they must never say no where the answer is yes, nor (for variables) yes where it is no.
 */

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);

/** The functions called in a tree, found by walking all of it. */
const calledIn = (e: Expr): Set<string> => new Set(postOrder(e).flatMap((n) => (n.kind === 'call' ? [n.name] : [])));

describe("the bits of the functions a tree calls", () => {
  it('are set for every function called anywhere in a tree, however deep', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      for (const node of postOrder(e)) {
        for (const name of calledIn(node)) expect(mayCall(node, callBit(name)), name).toBe(true);
      }
    }), { numRuns: runs });
    const deep = parse('x + exp(sin(2*y^(1 + sigmoid(x))))/(1 + abs(x))');
    for (const name of ['exp', 'sin', 'sigmoid', 'abs']) expect(mayCall(deep, callBit(name)), name).toBe(true);
  });

  it('are clear where no function is called, so a search for one is answered at once', () => {
    const polynomial = build.add(Array.from({ length: 1000 }, (_, k) => build.mul([build.int(k + 1), build.pow(build.variable('x'), build.int(k))])));
    expect(polynomial.calls).toBe(0);
    expect(containsCall(polynomial, new Set(['sigmoid']))).toBe(false);
    // Most functions' bits differ: a bit stands for a few names at most.
    expect(new Set(functionNames.map(callBit)).size).toBeGreaterThan(20);
  });

  it('agree with a search of the whole tree on which functions are called', () => {
    fc.assert(fc.property(expressionTree(), fc.subarray([...functionNames], { minLength: 1, maxLength: 3 }), (e, names) => {
      const set = new Set<string>(names);
      expect(containsCall(e, set)).toBe(names.some((n) => calledIn(e).has(n)));
      if (!mayCall(e, callBits(set))) expect(names.some((n) => calledIn(e).has(n))).toBe(false);
    }), { numRuns: runs });
  });

  it('of a tree built by hand, without bits, say it may call anything', () => {
    const byHand = { kind: 'call', name: 'sin', args: [build.variable('x')] } as unknown as Expr;
    expect(mayCall(byHand, callBit('cos'))).toBe(true);
    expect(containsCall(build.add([byHand, build.variable('y')]), new Set(['sin']))).toBe(true);
    // Every function's bit is among those a tree without bits may call.
    for (const name of functionNames) {
      const call = { kind: 'call', name, args: [build.variable('x')] } as unknown as Expr;
      expect(containsCall(call, new Set([name])), name).toBe(true);
    }
  });
});

describe('the bits of the variables in a tree', () => {
  it('say exactly which variables a tree holds, as a walk of the whole tree finds them', () => {
    const names = ['x', 'y', 'theta', 'w1', 'b', 'z_2'];
    fc.assert(fc.property(expressionTree(), (e) => {
      for (const node of postOrder(e)) {
        const held = new Set(variablesOf(node));
        for (const name of names) {
          const said = holdsVariable(node, name);
          if (said !== undefined) expect(said, `${name} in node ${node.id}`).toBe(held.has(name));
          expect(dependsOn(node, name)).toBe(held.has(name));
        }
      }
    }), { numRuns: runs });
  });

  it('answer for the names first met, and leave the rest to a walk of the tree', () => {
    const sum = build.add([build.variable('x'), build.call('sin', [build.variable('y')])]);
    expect(holdsVariable(sum, 'x')).toBe(true);
    expect(holdsVariable(sum, 'q')).toBe(false);
    // Past the names with a bit of their own, names share one: their bit says only "maybe".
    const names = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const many = names.map((name) => build.variable(name));
    const all = build.add(many);
    expect(names.some((name) => holdsVariable(all, name) === undefined)).toBe(true);
    for (const name of names) expect(dependsOn(all, name)).toBe(true);
    expect(dependsOn(build.add(many.slice(0, 39)), 'v39')).toBe(false);
  });

  it('of a tree built by hand, without bits, are no answer', () => {
    const byHand = { kind: 'neg', operand: build.variable('x') } as unknown as Expr;
    expect(holdsVariable(byHand, 'x')).toBeUndefined();
    expect(dependsOn(byHand, 'x')).toBe(true);
  });
});
