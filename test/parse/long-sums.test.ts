import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { errorOf } from '../helpers/parse-error.js';
import { equals } from '../../src/expr/traverse.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { expressionTree } from '../helpers/arbitraries.js';

/*
 * A sum of 64 terms or more is read term by term (src/parse/parse.ts). In brackets the same
 * sum is one term, read by one parse of the whole: the two trees must be the same.
 */

const runs = Math.max(20, Math.round(Number(process.env.DYDX_PROPERTY_RUNS ?? 400) / 10));

const sumOf = (terms: readonly string[], operators: readonly string[]): string =>
  terms.map((t, i) => (i === 0 ? t : `${operators[i % operators.length]}${t}`)).join('');


describe('long sums, read term by term', () => {
  it('give the tree one parse of the whole gives', () => {
    const term = expressionTree({ depth: 3 }).chain((e) => fc.constantFrom(toText(e), toUnicode(e)));
    // A space before each operator: 2e joined to -0.1 by a bare '-' would read as the number 2e-0.
    const operator = fc.constantFrom(' + ', ' - ', ' +', ' -', ' − ', '\n+ ', ' +\t');
    fc.assert(fc.property(fc.array(term, { minLength: 64, maxLength: 120 }), fc.array(operator, { minLength: 1, maxLength: 5 }), (terms, operators) => {
      const text = sumOf(terms, operators);
      expect(equals(parse(text), parse(`(${text})`))).toBe(true);
    }), { numRuns: runs });
  });

  it('keep signs, brackets and exponents inside their terms', () => {
    const terms = ['x', '-y', 'x^-2', '2^-x', 'x/-2', 'x*-3', '-(x+1)', 'sin(x - 1)', '[x - 1]', 'x²', '−2·x', '+x', 'e^-x^2', 'f′(x - y)'];
    const text = sumOf(Array.from({ length: 70 }, (_, i) => terms[i % terms.length]!), [' + ', ' - ']);
    expect(equals(parse(text), parse(`(${text})`))).toBe(true);
  });

  it('report an error in one term where it is, as a parse of the whole would', () => {
    const terms = Array.from({ length: 1000 }, (_, i) => `${i}*x^${i}`);
    terms[500] = '* 2';
    const text = terms.join(' + ');
    const error = errorOf(text);
    expect(error.message).toBe("expected a number, a name or '(' after '+', found '*'");
    expect(error.column).toBe(text.indexOf('* 2') + 1);

    const lines = Array.from({ length: 100 }, (_, i) => `${i}x`).join(' +\n');
    expect(() => parse(`${lines} + sin(`)).toThrow(/never closed/);
    expect(errorOf(`${lines} + 2 3`)).toMatchObject({ line: 100, column: 9 });
  });
});
