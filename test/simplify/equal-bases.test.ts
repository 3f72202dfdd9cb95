import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { equalBasesCombined } from '../../src/simplify/equal-bases.js';
import { simplify } from '../../src/simplify/simplify.js';
import type { Mul } from '../../src/expr/types.js';

const combined = (input: string): string | undefined => {
  const e = parse(input);
  if (e.kind !== 'mul') throw new Error(`${input} is no product`);
  const out = equalBasesCombined(e as Mul);
  return out && toText(out);
};

describe('factors of one base multiplied into one power', () => {
  it.each([
    ['x*x*(1 - tanh(x)^2)', 'x^2*(1 - tanh(x)^2)'],
    ['sin(x)*(y + 1)*sin(x)^2', 'sin(x)^3*(y + 1)'],
    ['2*(x + 1)*y*(x + 1)', '2*(x + 1)^2*y'],
  ])('%s is %s', (input, expected) => {
    expect(combined(input)).toBe(expected);
  });

  it.each([
    // No base twice.
    ['x*y*sin(x)'],
    // Powers that are not whole and above 0: √x·√x is x only where x ≥ 0, x·x⁻¹ is 1 only where x ≠ 0.
    ['x^(1/2)*x^(1/2)*(1 + y)'],
    ['x^(-1)*x*(1 + y)'],
  ])('%s is left as it stands', (input) => {
    expect(combined(input)).toBeUndefined();
  });

  it('writes a product the normal form would multiply out as a power times the rest', () => {
    expect(toText(simplify(parse('sigmoid(x)*sigmoid(x)*(1 - tanh(x)^2)')))).toBe('sigmoid(x)^2*(1 - tanh(x)^2)');
  });
});
