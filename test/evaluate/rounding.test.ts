import { describe, expect, it } from 'vitest';
import { roundingError } from '../../src/evaluate/rounding.js';
import { parse } from '../../src/parse/parse.js';

/*
 * The rounding error bound the numeric check uses to tell a slope from the noise of finite
 * differences: about the size of the numbers that meet in a sum, not of the result.
 */

const bound = (input: string, x: number): number => roundingError(parse(input), { x });

describe('rounding error of a value', () => {
  it('is that of the terms of a sum, not of the sum: 1 + erf(−9) is 0 with an error near 1', () => {
    expect(bound('1 + erf(-9 + x)', 0)).toBeGreaterThanOrEqual(1);
    expect(bound('1e16 + x', 0.5)).toBeGreaterThanOrEqual(1e16);
  });

  it('stays relative where nothing cancels: 10⁻¹³·x has an error near 10⁻¹³', () => {
    expect(bound('0.0000000000001*x', 2)).toBeLessThan(1e-11);
    expect(bound('0.0000000000001*x', 2)).toBeGreaterThan(0);
    expect(bound('x', 3)).toBe(0);
  });

  it('passes errors through functions by how much they magnify them', () => {
    // log(1 + u) near u = 0: an error of ε in 1 + u is an error of ε in the logarithm.
    expect(bound('log(1 + 0.0000000001*x)', 1)).toBeGreaterThanOrEqual(1);
    // e^u magnifies an error in u by e^u: the error of 30 + x (about 30) becomes about 30·e³⁰.
    expect(bound('exp(30 + x)', 0.5)).toBeGreaterThan(30 * Math.exp(30));
  });

  it('is none for a step, whose values are exact: 1 − heaviside(u) is 0 where u > 0, times anything', () => {
    expect(bound('heaviside(x + 44)', 0.5)).toBe(0);
    expect(bound('(1 - heaviside(x + 44))*exp(x + 44)', 0.5)).toBe(0);
    expect(bound('floor(x)*3', 2.5)).toBeLessThan(10);
  });
});
