import { describe, expect, it } from 'vitest';
import { simplify } from '../../src/simplify/simplify.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';

const simplified = (input: string): string => toText(simplify(parse(input)));
const derivative = (input: string): string => toText(differentiate(input).result);

describe('cancelling', () => {
  it('combines powers of one atom at any exponent', () => {
    expect(derivative('x^1001/x^1000')).toBe('1');
    expect(derivative('x^2000*x^(-1999)')).toBe('1');
    expect(derivative('(x+1)^1001/(x+1)^1000')).toBe('1');
    expect(derivative('1/x^1500')).toBe('-1500/x^1501');
  });

  it('adds quotients over several denominators where that is shorter, a factor of one denominator dividing another', () => {
    // x² − 1 is (x − 1)(x + 1): three of the four terms cancel, though no two denominators are equal.
    expect(simplified('1/(x-1) + 1/(x+1) - 2*x/(x^2-1) + 1/(x+2)')).toBe('1/(x + 2)');
    expect(simplified('1/(x+1) - 1/(x+2) + 1/(x+3) - 1/(x+4)')).toBe('(2*x^2 + 10*x + 14)/((x + 1)*(x + 2)*(x + 3)*(x + 4))');
    expect(simplified('1/(x^2+x+1) - 1/(x^2-x+1)')).toBe('-2*x/(x^4 + x^2 + 1)');
  });

  it('adds fractions whose denominators differ by a number over one of them', () => {
    expect(simplified('x/(1+x^2) + x/(-x^2-1)')).toBe('0');
    expect(derivative('x*atan(x) - log(1 + x^2)/2')).toBe('atan(x)');
  });

  it('cancels a factor in one atom that divides every part of a numerator in several atoms', () => {
    expect(simplified('(a*x^2 + a)/(x^2+1)')).toBe('a');
    expect(simplified('a + x/(1+x^2) - x/(x^2+1)')).toBe('a');
    expect(simplified('(y*x^2 - y)/(x-1)')).toBe('y*(x + 1)');
    expect(simplified('(x*y*(sigmoid(x) - 1) + 2*(sigmoid(x)-1))/(sigmoid(x)-1)')).toBe('x*y + 2');
  });
});
