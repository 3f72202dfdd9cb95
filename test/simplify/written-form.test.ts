import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { algebraicParts, normalForm } from '../../src/algebra/normal-form.js';
import { termsPositiveFirst, writtenNormalForm, writtenWithSum, type Form } from '../../src/simplify/written-form.js';
import { equals } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';

/** Whether a sum of two terms or more stands among the algebraic parts (as the square identities count terms). */
const hasSum = (e: Expr): boolean => (e.kind === 'add' && e.terms.length >= 2) || algebraicParts(e).some(hasSum);

const forms: readonly Form[] = ['auto', 'expanded', 'factored'];

describe('a normal form known to be written with a sum', () => {
  it.each([
    ['4*x^3*tan(u) + 5*x^4*(1 + tan(u)^2)', true],
    ['(x + 1)^2 - (x - 1)^2', false],
    ['x^2*sin(x)', false],
    ['1/(x + 1)', false],
  ])('%s: %s', (input, withSum) => {
    const f = normalForm(parse(input));
    expect(writtenWithSum(f)).toBe(withSum);
    if (withSum) for (const form of forms) expect(hasSum(writtenNormalForm(parse(input), form))).toBe(true);
  });

  it('is written with one in every form, over random trees', () => {
    let known = 0;
    fc.assert(fc.property(expressionTree({ depth: 4 }), (e) => {
      let f;
      try {
        f = normalForm(e);
      } catch {
        return;
      }
      if (!writtenWithSum(f)) return;
      known++;
      for (const form of forms) expect(hasSum(writtenNormalForm(e, form)), `${toText(e)} (${form})`).toBe(true);
    }), { numRuns: 400 });
    // The property holds of some trees, not of none.
    expect(known).toBeGreaterThan(20);
  });
});

describe('an answer with its minus signs where a sum is written with them', () => {
  it.each([
    ['-a + b', 'b - a'],
    ['-a - b + c + d', 'c + d - a - b'],
    ['(-a - b)/c', '-(a + b)/c'],
    ['(-a - b + c)/d', '(c - a - b)/d'],
    ['-((-a - b)/c)', '(a + b)/c'],
    ['-(2*(-a - b))', '2*(a + b)'],
    ['-(x*(-a - b)*(-c - d))', '-x*(-a - b)*(-c - d)'],
    ['2 - ((-a - b)/c)', '2 + (a + b)/c'],
    ['sin(-a + b) - c', 'sin(b - a) - c'],
    ['a - b', 'a - b'],
    ['-x^4 + 2*x^2 - 2', '-x^4 + 2*x^2 - 2'],
    ['-y - 8*x^3 + 6*x^2 + 21*x - 18', '-y - 8*x^3 + 6*x^2 + 21*x - 18'],
    ['-y - 3*x^2 + 5*x', '5*x - 3*x^2 - y'],
    ['sin(x)*(-x^4 + 2*x^2 - 2)', '-sin(x)*(x^4 - 2*x^2 + 2)'],
    ['sin(x)*(-x^4 + 2*x^2 + 2)', 'sin(x)*(2 + 2*x^2 - x^4)'],
    ['(-(a + b))/c', '-(a + b)/c'],
  ])('%s is written %s', (input, expected) => {
    expect(toText(termsPositiveFirst(parse(input)))).toBe(expected);
  });

  it('leaves an answer with no minus sign to move as it is, the same node', () => {
    const answer = parse('x*sin(x) - cos(x)/(x + 1) + 2*(a - b)');
    expect(termsPositiveFirst(answer)).toBe(answer);
    expect(equals(termsPositiveFirst(parse('-a + b')), parse('b - a'))).toBe(true);
  });
});
