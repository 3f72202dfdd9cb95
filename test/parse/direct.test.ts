import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, readInput, readings } from '../../src/parse/parse.js';
import { readDirectly } from '../../src/parse/direct.js';
import { tokenize } from '../../src/parse/lexer.js';
import { tokenizeLatex } from '../../src/parse/latex.js';
import type { Input } from '../../src/parse/postprocess.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { corpus } from '../../bench/inputs.mjs';

/*
 * The common part of the grammar is read directly (src/parse/direct.ts). Whatever it reads must
 * be read as the grammar's own parse reads it (readings() uses only that parse), and whatever it
 * declines is read by the grammar.
 */

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);

/** The input read directly, as an input, or undefined where it is declined (or its tokens are refused). */
function direct(text: string): Input | undefined {
  let tokens;
  try {
    tokens = tokenize(text, { maxDepth: 100_000 }).tokens;
  } catch {
    return undefined;
  }
  return readDirectly(tokens);
}

/** The grammar's one reading, or undefined where it refuses the input. */
function byGrammar(text: string): Input | undefined {
  try {
    const all = readings(text);
    expect(all).toHaveLength(1);
    return all[0];
  } catch (error) {
    if (error instanceof Error && error.name === 'ParseError') return undefined;
    throw error;
  }
}

/** Equal readings: trees are hash-consed, so equal trees are one object. */
function expectSameReading(text: string, read: Input): void {
  expect(read, text).toEqual(byGrammar(text));
}

describe('reading the common part of the grammar directly', () => {
  it("reads every input of the benchmark's corpus, as the grammar does", () => {
    for (const text of corpus) {
      const read = direct(text);
      expect(read, text).toBeDefined();
      expectSameReading(text, read!);
    }
  });

  it('reads juxtaposition, signs, chains of powers, calls and equations as the grammar does', () => {
    const inputs = [
      '2x', '2x^3', 'x y', 'x sin(x)', '2(x + 1)', '(x + 1)(x - 1)', 'x/2y', 'x*2y', 'x*-y', 'x/-2', '- -x', '-+x',
      '-x^2', '2^-x', 'x^2^3', 'x^-2^3', '2^-x^2', 'e^-x', 'x^sin(x)cos(x)', 'e(x + 1)', 'pi x', 'sin(x)(y)',
      'atan2(y, x)', 'log(x, 10)', 'f(x, y)', 'x^2 + y^2 = 1', 'sin(x) = cos(y)', '1/2/3', '3x^4 - 2x^3 + x^2/2 - 7x + 5',
    ];
    for (const text of inputs) {
      const read = direct(text);
      expect(read, text).toBeDefined();
      expectSameReading(text, read!);
    }
  });

  it('reads LaTeX by the tokens it makes, as the grammar reads them', () => {
    const pairs = [['\\frac{1}{1 + e^{-x}}', '(1)/(1 + e^(-x))'], ['\\sin(2x)', 'sin(2x)'], ['x \\cdot y', 'x*y']] as const;
    for (const [latex, text] of pairs) {
      const read = readDirectly(tokenizeLatex(latex, { maxDepth: 100_000 }).tokens);
      expect(read, latex).toBeDefined();
      expect(read, latex).toEqual(byGrammar(text));
    }
  });

  it('declines what the grammar reads by its other rules, and what it refuses', () => {
    const others = ['sin x', 'sin 2x', 'x sin x', 'sin^2(x)', 'sin^-1(x)', 'x²', '|x|', "(x^2)'", '[x + 1]', '√x', 'x^2²', '[x, y]', 'softmax(x, y)'];
    const errors = ['x +', '(x', 'x)', 'x 2', 'sin(x, y)', '*x', 'x = y = z', 'sin', 'f(x,)'];
    for (const text of [...others, ...errors]) expect(direct(text), text).toBeUndefined();
    // Each is still read, or refused, by the grammar.
    for (const text of others) expect(() => readInput(text), text).not.toThrow();
    for (const text of errors) expect(() => parse(text), text).toThrow();
  });

  it('leaves brackets and signs nested deeper than it reads to the grammar', () => {
    const deep = `${'('.repeat(1000)}x${')'.repeat(1000)}`;
    expect(direct(deep)).toBeUndefined();
    expect(toText(parse(deep))).toBe('x');
    const signs = `${'-'.repeat(1000)}x`;
    expect(direct(signs)).toBeUndefined();
    expect(readInput(signs).whole).toEqual(byGrammar(signs));
    const nested = `${'sin('.repeat(150)}x${')'.repeat(150)}`;
    expect(direct(nested)).toEqual(byGrammar(nested));
  });

  it("reads printed trees as the grammar does", () => {
    fc.assert(fc.property(expressionTree(), fc.boolean(), (e, unicode) => {
      const text = unicode ? toUnicode(e) : toText(e);
      const read = direct(text);
      if (read !== undefined) expectSameReading(text, read);
    }), { numRuns: runs });
  });

  it('reads random token strings as the grammar does, or declines them', () => {
    const piece = fc.constantFrom('x', 'y', '2', '0.5', 'e', 'pi', 'sin', 'log', 'f', 'sqrt', '(', ')', '+', '-', '*', '/', '^', ',', '=', ' ', '²', '|', "'");
    let read = 0;
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom('', ' '), (pieces, joint) => {
      const text = pieces.join(joint);
      if (text.trim() === '') return;
      let tokens;
      try {
        tokens = tokenize(text, { maxDepth: 100_000 }).tokens;
      } catch {
        return;
      }
      const reading = readDirectly(tokens);
      if (reading === undefined) return;
      read++;
      expectSameReading(text, reading);
    }), { numRuns: runs * 5 });
    // The property is about something: a fair share of the strings are read directly.
    expect(read).toBeGreaterThan(runs / 10);
  });
});
