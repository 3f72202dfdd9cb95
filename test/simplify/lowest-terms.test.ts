import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { buildTrace } from '../../src/steps/trace.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { lowestTermsAt } from '../../src/simplify/lowest-terms.js';

const rulesOf = (input: string, order = 1): string[][] =>
  differentiate(input, { order }).derivations.map((d) => d.simplification.map((s) => s.rule));

describe('rational parts written in lowest terms at once', () => {
  it('asks only about rational functions of the variables that combine in two places or more', () => {
    // The derivatives as the rules give them, before any tidying.
    const raw = (input: string): string => lowestTermsAt(differentiate(input, { simplify: false }).result);
    expect(raw('(x + 1)*(x - 2)*(x + 3)')).toBe('here');
    expect(raw('(x^2 - 1)/(x^2 + 1)')).toBe('here');
    expect(raw('1/(1 + 1/(1 + x))')).toBe('here');
    // One place only: the rules' own normal form there is all the work.
    expect(raw('(x^2 + 1)^5')).toBe('nowhere');
    expect(raw('x^5 - 5x^3 + 4x')).toBe('nowhere');
    expect(lowestTermsAt(parse('1/x'))).toBe('nowhere');
    // A sum of fractions, or a number times one, is the rules' to put over one denominator or not: its terms may be written at once.
    expect(raw('3*x^4 + 1/x + 1/(x+1)')).toBe('unknown');
    expect(lowestTermsAt(parse('3*(1/(x + 1) + x/(x - 1)^2 + 1/x)'))).toBe('unknown');
    expect(lowestTermsAt(parse('(1/(x + 1) + x/(x - 1)^2)/(x + 2)'))).toBe('here');
    // A very large part goes by the rules, part by part (its parts are asked in turn).
    const product = (n: number): string => Array.from({ length: n }, (_, i) => `(x + ${i + 1})`).join('*');
    expect(raw(product(32))).toBe('here');
    expect(raw(product(64))).toBe('unknown');
    // A function, a fractional power or a decimal is not rational: its parts may be.
    expect(raw('sin(x)/(x + 1)')).toBe('unknown');
    expect(lowestTermsAt(parse('x^(1/2)*(x + 1)/(x - 1)'))).toBe('unknown');
    expect(lowestTermsAt(parse('0.5*(x + 1)/(x - 1) + 1/x'))).toBe('unknown');
  });

  it('writes such a part in one step, where the rules took many', () => {
    expect(rulesOf('(x + 1)*(x - 2)*(x + 3)')).toEqual([['lowest-terms']]);
    expect(rulesOf('(2x + 3)/(x - 4)^2')).toEqual([['lowest-terms']]);
    expect(rulesOf('1/(1 + 1/(1 + 1/(1 + x)))', 2)).toEqual([['lowest-terms'], ['lowest-terms']]);
    // A part within a function, and the function's own rules after it.
    expect(rulesOf('sin((x + 1)/(x - 1))')[0]).toContain('lowest-terms');
    expect(rulesOf('(x^2 + 1)^5')[0]).not.toContain('lowest-terms');
    // Written as a product, whatever its factors' terms: the sum of the product rule's two terms is one.
    expect(rulesOf('(x^2 + 3*x + 1)^5*(2*x - 1)^5')).toEqual([['lowest-terms']]);
  });

  it('keeps the sums of a denominator as the rules leave them where that is no less simple', () => {
    // arctan′ has 1 + u²: the textbook's 1 + x², and 1 + (7x + 615)² rather than 49x² + 8610x + 378226.
    expect(toText(differentiate('1/(1+x^2)', { order: 2 }).result)).toBe('(6*x^2 - 2)/(1 + x^2)^3');
    expect(toText(differentiate('x/(x^2+1)', { order: 2 }).result)).toBe('(2*x^3 - 6*x)/(x^2 + 1)^3');
    expect(toText(differentiate('13*x^2*atan(7*x + 615)').result)).toBe('13*(2*x*atan(7*x + 615) + 7*x^2/(1 + (7*x + 615)^2))');
    expect(toText(differentiate('log((1 + x)/(1 - x))').result)).toBe('2/(1 - x^2)');
  });

  it('leaves fractions apart, and products of powers as products, where the whole over one denominator or expanded is longer', () => {
    expect(toText(differentiate('3*x^4 + 1/x + 1/(x+1)').result)).toBe('12*x^3 - 1/x^2 - 1/(x + 1)^2');
    expect(toText(differentiate('(x^2 + 3)/((2*x + 1)^2*(2*x + 3)) + 1/(1 - x)').result))
      .toBe('1/(x - 1)^2 - (4*x^3 - 2*x^2 + 30*x + 42)/((2*x + 3)^2*(2*x + 1)^3)');
    // The sum of the two products, written at once, is a polynomial of degree 9 with no factor.
    expect(toText(differentiate('x*(x + 2)^3*(x^2 + 4)^3 + x*(4 - 2*x)').result))
      .toBe('2*(5*x^3 + 7*x^2 + 8*x + 4)*(x + 2)^2*(x^2 + 4)^2 - 4*(x - 1)');
  });

  it('shows the derivation rule by rule where the rules reach the same answer, in one step where they do not', () => {
    // The rules reach the same: (x + 1)(x − 2)(x + 3)′ = 3x² + 4x − 5 both ways.
    const same = buildTrace(differentiate('(x + 1)*(x - 2)*(x + 3)')).sections[0]!.rewrites.map((r) => r.rule);
    expect(same.length).toBeGreaterThan(1);
    expect(same).not.toContain('lowest-terms');
    // They do not: the rules leave −4x·(x² + 1) above the bar, writing at once multiplies it out.
    const apart = buildTrace(differentiate('1/(1 + (x^2 + 1)^2)')).sections[0]!;
    expect(apart.rewrites.map((r) => r.rule)).toEqual(['lowest-terms']);
    expect(toText(apart.result)).toBe('-(4*x^3 + 4*x)/(1 + (x^2 + 1)^2)^2');
  });

  it('gives the same answer shown step by step as without steps, for random rational functions', () => {
    const linear = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -4, max: 4 }))
      .map(([a, b]) => `(${a}*x + ${b})`);
    const factor = fc.tuple(linear, fc.integer({ min: 1, max: 3 })).map(([l, k]) => `${l}^${k}`);
    const product = fc.array(factor, { minLength: 1, maxLength: 3 }).map((fs) => fs.join('*'));
    const rational = fc.tuple(product, product, fc.constantFrom('/', '+', '*')).map(([p, q, op]) => op === '+' ? `1/(${p}) + 1/(${q})` : `(${p})${op}(${q})`);
    fc.assert(fc.property(rational, fc.integer({ min: 1, max: 2 }), (input, order) => {
      let d;
      try {
        d = differentiate(input, { order });
      } catch {
        return; // a quotient by 0 (0·x + 0) is refused
      }
      // The trace simplifies again with places, and checks it ends where the answer is.
      const trace = buildTrace(d);
      expect(toText(trace.answer)).toBe(toText(d.result));
    }), { numRuns: 60 });
  });
});
