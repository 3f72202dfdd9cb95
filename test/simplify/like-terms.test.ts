import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { likeTermsAdded } from '../../src/simplify/like-terms.js';
import type { Add } from '../../src/expr/types.js';

const added = (input: string): string | undefined => {
  const e = parse(input);
  if (e.kind !== 'add') throw new Error(`${input} is no sum`);
  const out = likeTermsAdded(e as Add);
  return out && toText(out);
};

describe('like terms added into one', () => {
  it.each([
    ['x*log(x) + 2*x + 2*x', 'x*log(x) + 4*x'],
    ['x/2 + x/3 + y', '5*x/6 + y'],
    ['3*x*y - 3*x*y + 1', '1'],
    ['-x*sin(x) + y - x*sin(x)', '-2*x*sin(x) + y'],
    ['x/2 + x/2', 'x'],
    ['-x/2 - x/2', '-x'],
    // A sum is one factor whatever the order of its terms, and so is its power.
    ['(x + y)*sin(x) + z + (y + x)*sin(x)', '2*(x + y)*sin(x) + z'],
    ['3*(1 + x)^2*y - (x + 1)^2*y + sin(x)', '2*(1 + x)^2*y + sin(x)'],
    // Quotients over one denominator, numbers above the bar aside, in any order of its terms.
    ['-8*x/(x^2 + 5)^2 - 10*x/(x^2 + 5)^2', '-18*x/(x^2 + 5)^2'],
    ['3/(x + 1) + y + 5/(x + 1)', '8/(x + 1) + y'],
    ['2*x*sin(x)/(x + 1) - 3*x*sin(x)/(1 + x)', '-x*sin(x)/(x + 1)'],
    ['(x/(x + 1))/2 + x/(x + 1)', '3*x/(2*(x + 1))'],
    ['x/(x + 1) - x/(x + 1) + 1', '1'],
  ])('%s is %s', (input, expected) => {
    expect(added(input)).toBe(expected);
  });

  it.each([
    // Nothing alike: the factors differ, or stand in another order.
    ['x*y + y*sin(x)'],
    ['(x + y)*sin(x) + (x - y)*sin(x)'],
    ['(x + 1)^2*y + (1 + x)^3*y'],
    // Quotients over other denominators, or with other factors above the bar.
    ['x/(x + 1) + x/(x + 2)'],
    ['x/(x + 1) + x^2/(x + 1)'],
    ['x/(2*(x + 1)) + x/(x + 1)'],
    // Numbers are add-numbers' to add; decimals stay as the input wrote them.
    ['2 + x + 3'],
    ['0.5*x + 0.25*x'],
  ])('%s is left to other rules', (input) => {
    expect(added(input)).toBeUndefined();
  });
});
