import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickTokens } from '../../src/parse/quick-tokens.js';
import { tokenize, type LexOptions } from '../../src/parse/lexer.js';
import { parse, read } from '../../src/parse/parse.js';
import { corpus } from '../../bench/inputs.mjs';

/*
 * The tokens of plain inputs are made in one pass (src/parse/quick-tokens.ts). Whatever it
 * tokenizes must be tokenized exactly as tokenize does it, with no note; whatever tokenize
 * notes or refuses, it declines.
 */

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);
const limits: LexOptions = { maxDepth: 100_000 };

/** tokenize's tokens, or 'refused' where it throws. */
function byLexer(text: string, options: LexOptions = limits): ReturnType<typeof tokenize> | 'refused' {
  try {
    return tokenize(text, options);
  } catch {
    return 'refused';
  }
}

function expectAsLexer(text: string, options: LexOptions = limits): void {
  const quick = quickTokens(text, options);
  expect(quick, text).toBeDefined();
  expect(quick, text).toStrictEqual(byLexer(text, options));
}

describe('tokens of plain inputs made in one pass', () => {
  it("makes the tokens of every input of the benchmark's corpus, as tokenize does", () => {
    for (const text of corpus) expectAsLexer(text);
  });

  it('makes those of numbers, names, calls and every sign read here as tokenize does', () => {
    const inputs = [
      '2x', '2.x', '.5x', '0.25*y', 'x**2', 'x ** -3', 'x^-2', 'e^x', 'pi x', 'sin (x)', 'gamma(x)', 'gamma*x', 'theta*x1',
      'alpha + beta2', 'f(x, y)', 'g(h(x))', 'atan2(y, x)', 'log(x, 10)', '  x  +  1  ', '2e', 'x/(1 - x)', 'sqrt(x)', 'W12*x3',
    ];
    for (const text of inputs) expectAsLexer(text);
  });

  it('reads the names declared as functions and as variables, and those words as they are where none is declared', () => {
    // φ is a Greek letter's name, a variable, unless it is declared a function.
    const firstType = (options: LexOptions): string | undefined => quickTokens('phi(x) + x', options)?.tokens[0]!.type;
    expect(firstType(limits)).toBe('name');
    expectAsLexer('phi(x) + x', { ...limits, abstractFunctions: new Set(['phi']) });
    expect(firstType({ ...limits, abstractFunctions: new Set(['phi']) })).toBe('func');
    expect(firstType(limits)).toBe('name');
    expectAsLexer('phi(x) + x');
    expectAsLexer('rate*x', { ...limits, variables: new Set(['rate']) });
    expect(quickTokens('rate*x', limits)).toBeUndefined();
  });

  it('declines what tokenize notes, checks or refuses', () => {
    const declined = [
      'sin x', 'sinx', 'xy', 'x_1', 'theta_0', 'log_2(x)', 'f', 'f^2(x)', "f'(x)", "x'", 'D1f(x, y)', 'D12f(x, y)', 'sum(x)', 'softmax(x, y)',
      '2e5', '1E-3*x', '1e+2', 'e^2x', 'x^-2y', 'x^+3z', '(x', 'x)', ')(', 'x²', '|x|', 'x\ty', 'x\n+ 1', 'x − 1', '[x]', 'x = 1', '.', 'x.y',
      'sin^-1(x)', 'sin⁻¹(x)', 'x₁', 'θ', '√x', '', '   ', `${'1'.repeat(1001)}*x`,
    ];
    for (const text of declined) expect(quickTokens(text, limits), text).toBeUndefined();
    // Each is still tokenized (with its notes) or refused by tokenize, in the same words as ever.
    expect(read('sinx').notes).toEqual(['sinx is read as sin x']);
    expect(() => parse('e^2x')).toThrow(/can be read two ways/);
  });

  it('declines numbers past the limit on digits and brackets past the limit on depth, which tokenize refuses', () => {
    expect(quickTokens('123456*x', { ...limits, maxDigits: 5 })).toBeUndefined();
    expect(byLexer('123456*x', { ...limits, maxDigits: 5 })).toBe('refused');
    expectAsLexer('12345*x', { ...limits, maxDigits: 5 });
    expect(quickTokens('((x))', { maxDepth: 1 })).toBeUndefined();
    expect(byLexer('((x))', { maxDepth: 1 })).toBe('refused');
    expectAsLexer('((x))', { maxDepth: 2 });
    expect(quickTokens('x*y', { ...limits, matrixNotation: true })).toBeUndefined();
  });

  it('makes the tokens tokenize makes of random strings, or declines them', () => {
    const piece = fc.constantFrom(
      'x', 'y', 'w1', '2', '0.5', '.5', '2.', '1e3', '2E-1', 'e', 'E', 'pi', 'sin', 'gamma', 'theta', 'log', 'log_2', 'f', 'D1f', 'sum', 'sqrt',
      '(', ')', '[', '+', '-', '*', '**', '/', '^', ',', '=', '.', ' ', '  ', '\t', '²', '|', "'", '_', '√',
    );
    let made = 0;
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom('', ' '), (pieces, joint) => {
      const text = pieces.join(joint);
      const quick = quickTokens(text, limits);
      if (quick === undefined) return;
      made++;
      expect(quick, text).toStrictEqual(byLexer(text));
    }), { numRuns: runs * 5 });
    // The property is about something: a fair share of the strings are tokenized here.
    expect(made).toBeGreaterThan(runs / 5);
  });
});
