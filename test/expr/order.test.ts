import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareQuickly, compareReading } from '../../src/expr/order.js';
import { parse } from '../../src/parse/parse.js';
import * as build from '../../src/expr/factory.js';
import { equals } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';

const sorted = (inputs: string[], compare = compareReading): string[] =>
  inputs.map((text) => ({ text, e: parse(text) })).sort((a, b) => compare(a.e, b.e)).map(({ text }) => text);

describe('the reading order of trees', () => {
  it('reads signs, then numbers, then names, and a tree that starts another first', () => {
    expect(sorted(['x^2', 'x + 1', 'x', '2x', '-x'])).toEqual(['-x', '2x', 'x', 'x + 1', 'x^2']);
    expect(sorted(['sinh(x)', 'sin(x)', 'cos(x)', 'sin(2x)'])).toEqual(['cos(x)', 'sin(2x)', 'sin(x)', 'sinh(x)']);
    expect(sorted(['y', 'x', 'theta', 'w1'])).toEqual(['theta', 'w1', 'x', 'y']);
    // Numbers by value, not by their digits.
    expect(sorted(['log(10)', 'log(2)', 'log(1/2)'])).toEqual(['log(1/2)', 'log(2)', 'log(10)']);
  });

  it('is 0 exactly for trees that read the same, and antisymmetric', () => {
    fc.assert(fc.property(expressionTree({ depth: 3 }), expressionTree({ depth: 3 }), (a, b) => {
      expect(compareReading(a, a)).toBe(0);
      expect(Math.sign(compareReading(a, b)) + Math.sign(compareReading(b, a))).toBe(0);
      if (equals(a, b)) expect(compareReading(a, b)).toBe(0);
    }), { numRuns: 300 });
  });

  it('is transitive', () => {
    fc.assert(fc.property(fc.array(expressionTree({ depth: 3 }), { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
      if (compareReading(a!, b!) <= 0 && compareReading(b!, c!) <= 0) expect(compareReading(a!, c!)).toBeLessThanOrEqual(0);
      if (compareQuickly(a!, b!) <= 0 && compareQuickly(b!, c!) <= 0) expect(compareQuickly(a!, c!)).toBeLessThanOrEqual(0);
    }), { numRuns: 300 });
  });

  it('compares quickly as it reads where trees differ early, and deep chains that start alike larger first', () => {
    expect(sorted(['x^2', 'x + 1', 'x', '2x', '-x'], compareQuickly)).toEqual(['-x', '2x', 'x', 'x + 1', 'x^2']);
    const chain = (n: number) => Array.from({ length: n }, () => 'sin(').join('') + 'x' + ')'.repeat(n);
    expect(sorted([chain(40), chain(60), chain(50)], compareQuickly)).toEqual([chain(60), chain(50), chain(40)]);
    expect(compareQuickly(build.variable('x'), build.variable('x'))).toBe(0);
  });
});
