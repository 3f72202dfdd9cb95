import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as build from '../../src/expr/factory.js';
import { children, equals, mapChildren, withChildren, dependsOn, variablesOf } from '../../src/expr/traverse.js';
import { substitute } from '../../src/expr/substitute.js';
import { parseDecimal, rational, toDecimalString } from '../../src/expr/rational.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { compile } from '../../src/evaluate/compile.js';
import type { Expr } from '../../src/expr/types.js';
import { StructuralMap } from '../../src/expr/structural-map.js';
import { renewedIfFull } from '../../src/expr/renew.js';

const x = build.variable('x');

describe('exact numbers', () => {
  it.each([
    ['0.1', 1n, 10n], ['.5', 1n, 2n], ['1.5e-3', 3n, 2000n], ['2E3', 2000n, 1n], ['007', 7n, 1n],
  ])('reads %s as %i/%i', (literal, n, d) => {
    const q = parseDecimal(literal);
    expect([q.n, q.d]).toEqual([n, d]);
  });
  it.each([[1n, 8n, '0.125'], [1n, 20n, '0.05'], [-7n, 4n, '-1.75'], [12n, 1n, '12']])('writes %i/%i as %s', (n, d, text) => {
    expect(toDecimalString(rational(n, d))).toBe(text);
  });
  it('keeps big values exact', () => {
    const q = parseDecimal('123456789012345678901234567890.5');
    expect(q.n).toBe(246913578024691357802469135781n);
  });
});

describe('trees', () => {
  it('makes equal trees one object, with one id', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      const text = toText(e);
      const first = parse(text);
      const again = parse(text);
      expect(again).toBe(first);
      expect(again.id).toBe(first.id);
    }), { numRuns: 200 });
    expect(parse('x + 1').id).not.toBe(parse('1 + x').id);
  });

  it('gives equal trees equal hashes and compares structurally, also trees made apart', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      build.forgetNodes();
      const copy = parse(toText(e));
      expect(copy).not.toBe(e);
      expect(copy.id).not.toBe(e.id);
      expect(copy.hash).toBe(e.hash);
      expect(equals(copy, e)).toBe(true);
    }), { numRuns: 200 });
    expect(equals(parse('x + 1'), parse('1 + x'))).toBe(false);
    expect(equals(parse('sin(x)'), parse('cos(x)'))).toBe(false);
    expect(parse('sin(x)').hash).not.toBe(parse('cos(x)').hash);
  });
  it('keeps its parts as they were made: changing the list a node was made from changes no node', () => {
    const terms: Expr[] = [x, build.int(1)];
    const factors: Expr[] = [build.int(2), x];
    const args: Expr[] = [x];
    const sum = build.add(terms);
    const product = build.mul(factors);
    const sine = build.call('sin', args);
    terms.push(build.int(2));
    factors[1] = build.int(3);
    args[0] = build.int(4);
    expect(toText(sum)).toBe('x + 1');
    expect(toText(product)).toBe('2*x');
    expect(toText(sine)).toBe('sin(x)');
    expect(build.add([x, build.int(1)])).toBe(sum);
  });
  it('ignores how a number is written: 0.5 equals 1/2', () => {
    expect(equals(parse('0.5'), parse('1/2'))).toBe(true);
  });
  it('returns the same node when an update changes nothing', () => {
    const e = parse('sin(x) + y^2');
    expect(withChildren(e, [...children(e)])).toBe(e);
    expect(substitute(e, 'z', x)).toBe(e);
    expect(toText(substitute(e, 'y', parse('x + 1')))).toBe('sin(x) + (x + 1)^2');
  });
  it('maps children as withChildren would: the same node where nothing changed, each kind rebuilt otherwise', () => {
    const y = build.variable('y');
    // Made here: the table of nodes may have been emptied since the x of the file was made.
    const vx = build.variable('x');
    const swap = (c: Expr): Expr => (c === vx ? y : c);
    for (const text of ['sin(x) + y^2', 'x*y*2', 'x/(y + 1)', 'x^y', '-(x + 1)', 'f(x, y)', 'max(x, y, 1)', 'y + 1']) {
      const e = parse(text);
      const seen: number[] = [];
      const mapped = mapChildren(e, (c, i) => {
        seen.push(i);
        return swap(c);
      });
      expect(seen).toEqual(children(e).map((_, i) => i));
      expect(mapped).toBe(withChildren(e, children(e).map(swap)));
      if (children(e).every((c) => c !== vx)) expect(mapped).toBe(e);
      else expect(mapped).not.toBe(e);
    }
    expect(toText(mapChildren(parse('x/(x + 1)'), swap))).toBe('y/(x + 1)');
    expect(toText(mapChildren(parse('2^x'), swap))).toBe('2^y');
  });
  it('applies canonical forms in the factories', () => {
    expect(toText(build.neg(build.int(3)))).toBe('-3');
    expect(build.neg(build.mul([build.int(2), x]))).toMatchObject({ kind: 'mul', factors: [{ kind: 'num' }, x] });
    expect(build.div(build.int(1), build.int(4))).toMatchObject({ kind: 'num' });
    expect(build.div(build.int(1), build.int(0))).toMatchObject({ kind: 'div' });
    expect(build.pow(build.constant('e'), x)).toMatchObject({ kind: 'call', name: 'exp' });
    expect(build.add([x])).toBe(x);
    expect(build.mul([])).toMatchObject({ kind: 'num' });
  });
  it('finds variables and dependence', () => {
    const e = parse('a*sin(x) + exp(b) + pi');
    expect(variablesOf(e)).toEqual(['a', 'x', 'b']);
    expect(dependsOn(e, 'x')).toBe(true);
    expect(dependsOn(e, 'pi')).toBe(false);
    expect(dependsOn(parse('exp(b)'), 'x')).toBe(false);
  });
});

describe('shared parts', () => {
  it('are walked once: a tree sharing each level twice, 2⁶⁰ paths, answers at once', () => {
    // Derivatives share their parts like this; walking every path would never finish.
    let e: Expr = build.variable('x');
    for (let i = 0; i < 60; i++) e = build.mul([e, build.add([e, build.variable(i % 2 === 0 ? 'y' : 'x')])]);
    expect(variablesOf(e)).toEqual(['x', 'y']);
    expect(dependsOn(e, 'y')).toBe(true);
    expect(dependsOn(e, 'z')).toBe(false);
    expect(compile(e)({ x: 0, y: 1 })).toBe(0);
  });
});

describe('StructuralMap', () => {
  it('keys equal trees to one entry and keeps apart trees whose hashes collide', () => {
    const map = new StructuralMap<string>();
    // Distinct trees given one hash, as a collision would.
    const [x, y, z] = ['x', 'y', 'z'].map((name) => ({ ...build.variable(name), hash: 7 }));
    map.set(x!, 'x');
    map.set(y!, 'y');
    map.set(z!, 'z');
    expect([x, y, z].map((k) => map.get(k!))).toEqual(['x', 'y', 'z']);
    map.set({ ...build.variable('y'), hash: 7 }, 'y again');
    map.set({ ...build.variable('x'), hash: 7 }, 'x again');
    expect([x, y, z].map((k) => map.get(k!))).toEqual(['x again', 'y again', 'z']);
    expect(map.get({ ...build.variable('w'), hash: 7 })).toBeUndefined();
    // Equal trees built apart are one key.
    map.set(parse('sin(x^2) + 1'), 'sum');
    expect(map.get(parse('sin(x^2) + 1'))).toBe('sum');
    expect(map.get(parse('sin(x^2) + 2'))).toBeUndefined();
  });
});

describe('renewing the table of trees between two orders', () => {
  it('builds the tree carried on again in the emptied table, equal to it, its nodes new and found again', () => {
    const before = parse('sin(x)^2 + 0.5*x/(x + 1)');
    const after = renewedIfFull(before, true);
    expect(after).not.toBe(before);
    expect(equals(after, before)).toBe(true);
    expect(toText(after)).toBe(toText(before));
    // Built in the new table: the same tree made again is this one object.
    expect(parse('sin(x)^2 + 0.5*x/(x + 1)')).toBe(after);
    // Not full: the tree itself.
    expect(renewedIfFull(after, false)).toBe(after);
  });
});
