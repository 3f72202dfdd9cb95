import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/parse.js';
import { ParseError } from '../src/parse/errors.js';
import { differentiate } from '../src/api.js';
import { InputError } from '../src/errors.js';
import { toLatex } from '../src/print/latex.js';
import { toText, toUnicode } from '../src/print/linear.js';
import * as build from '../src/expr/factory.js';
import type { Expr } from '../src/expr/types.js';

const nested = (open: string, depth: number, inner = 'x', close = ')'): string =>
  open.repeat(depth) + inner + close.repeat(depth);

describe('deep nesting', () => {
  it.each([
    ['brackets', nested('(', 900)],
    ['functions', nested('sin(', 900)],
    ['signs', `${'-'.repeat(900)}x`],
    ['continued fraction', nested('1/(1+', 300)],
  ])('handles %s nested within the limit in every stage', (_, input) => {
    const d = differentiate(input);
    expect(toText(d.result).length).toBeGreaterThan(0);
    expect(toUnicode(d.result).length).toBeGreaterThan(0);
    expect(toLatex(d.result).length).toBeGreaterThan(0);
  });

  it.each([
    ['brackets', nested('(', 1001), /brackets nested too deeply/],
    ['functions', nested('sin(', 1500), /nested too deeply/],
    ['signs', `${'-'.repeat(5000)}x`, /nested too deeply: depth 5001, the limit is 1000/],
    ['powers', Array(2000).fill('x').join('^'), /nested too deeply/],
  ])('rejects %s nested past the limit with a ParseError', (_, input, message) => {
    expect(() => parse(input)).toThrow(ParseError);
    expect(() => parse(input)).toThrow(message);
  });

  it('turns stack exhaustion on a hand-built tree into an InputError', () => {
    let e: Expr = build.variable('x');
    for (let i = 0; i < 100_000; i++) e = build.call('sin', [e]);
    expect(() => differentiate(e)).toThrow(InputError);
  });

  it('prints nested roots in time linear in the output (each level printed once)', () => {
    // Printing a level's argument twice would make this 2^200 operations.
    const d = differentiate(nested('sqrt(', 200));
    expect(toUnicode(d.result)).toContain('√(√(√(√x)))');
  });
});

describe('large inputs', () => {
  it('differentiates a sum of 5,000 terms', () => {
    const input = Array.from({ length: 5000 }, (_, i) => `${i}*x^${i}`).join(' + ');
    const d = differentiate(input);
    expect(d.result.kind).toBe('add');
    expect(toText(d.result)).toMatch(/^1 \+ 4\*x \+ 9\*x\^2 \+ /);
  });

  it('rejects input past the length limit', () => {
    expect(() => parse('x'.repeat(2_000_001))).toThrow(/input too long/);
  });
});
