import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/parse.js';
import { ParseError } from '../src/parse/errors.js';
import { differentiate } from '../src/differentiate/differentiate.js';
import { checkAnswer } from '../src/answer/check-answer.js';
import { InputError } from '../src/errors.js';
import { toLatex } from '../src/print/latex.js';
import { toText, toUnicode } from '../src/print/linear.js';
import * as build from '../src/expr/factory.js';
import { buildTrace } from '../src/steps/trace.js';
import { traceToText } from '../src/print/steps-text.js';
import type { Expr } from '../src/expr/types.js';
import { thrownBy } from './helpers/thrown.js';
import { errorOf } from './helpers/parse-error.js';
import { maxRecursionDepth } from '../src/expr/size.js';

const nested = (open: string, depth: number, inner = 'x', close = ')'): string =>
  open.repeat(depth) + inner + close.repeat(depth);

describe('deep nesting', () => {
  const deep = 10_000;
  it.each([
    ['brackets', nested('(', deep), '1'],
    ['sums', nested('(x + ', deep), String(deep + 1)],
    ['signs', `${'-'.repeat(deep)}x`, '1'],
  ] as const)('takes %s nested 10,000 deep through parsing, differentiating, simplifying and printing', (_, input, answer) => {
    const e = parse(input);
    for (const print of [toText, toUnicode, toLatex]) expect(print(e).length).toBeGreaterThan(0);
    const d = differentiate(e);
    if (answer !== undefined) expect(toText(d.result)).toBe(answer);
    for (const print of [toText, toUnicode, toLatex]) expect(print(d.result).length).toBeGreaterThan(0);
  });

  it('shows a 10,000-deep input step by step, or says the derivation is too large to show', () => {
    expect(traceToText(buildTrace(differentiate(nested('(', deep))))).toContain('Answer: 1');
    expect(() => buildTrace(differentiate(nested('(x + ', deep)))).toThrow(/too large to show step by step: about \d+ expression nodes/);
    // Within the limit, a chain 400 deep shows every step.
    const text = traceToText(buildTrace(differentiate(nested('(x + ', 400))));
    expect(text).toContain('Answer: 401');
  });

  it.each([
    ['functions', nested('sin(', deep)],
    ['continued fraction', nested('1/(1+', deep)],
    ['powers', `${'2^'.repeat(deep)}x`],
  ])('parses and prints %s nested 10,000 deep, and says the derivative is past the size limit', (_, input) => {
    const e = parse(input);
    expect(toText(e)).toBe(input.replace(/\+/g, ' + ').replace(/1\/\(1 \+ /g, '1/(1 + '));
    expect(toLatex(e).length).toBeGreaterThan(input.length);
    // Written out, the derivative has about n²/2 nodes (every level repeats the levels inside it).
    expect(() => differentiate(e)).toThrow(InputError);
    expect(() => differentiate(e)).toThrow(/derivative 1 has \d+ nodes as the rules give it, more than the limit of 2000000/);
  });

  it('works recursively up to the depth where it stops recursing, from inside a deep stack', () => {
    // Just under maxRecursionDepth, the tree is worked on recursively: it must fit in the stack
    // even when the caller has used much of it already.
    const below = (depth: number, run: () => void): void => (depth === 0 ? run() : below(depth - 1, run));
    for (const depth of [maxRecursionDepth - 1, maxRecursionDepth + 1]) {
      below(2000, () => {
        const d = differentiate(nested('sin(', depth));
        expect(toText(d.result)).toMatch(/^cos\(sin\(sin/);
      });
    }
  });

  it('handles functions nested 1,000 deep in every stage', () => {
    const d = differentiate(nested('sin(', 1000));
    expect(toUnicode(d.result)).toMatch(/^cos\(sin\(sin/);
  });

  it.each([
    ['brackets', nested('(', 100_001), /brackets nested too deeply/],
    ['signs', `${'-'.repeat(100_001)}x`, /nested too deeply: depth 100002, the limit is 100000/],
  ])('rejects %s nested past the limit with a ParseError', (_, input, message) => {
    expect(() => parse(input)).toThrow(ParseError);
    expect(() => parse(input)).toThrow(message);
  });

  it('says a hand-built tree 100,000 deep has too large a derivative, without running out of stack', () => {
    let e: Expr = build.variable('x');
    for (let i = 0; i < 100_000; i++) e = build.call('sin', [e]);
    expect(() => differentiate(e)).toThrow(InputError);
    expect(toText(e).length).toBe(100_000 * 5 + 1);
  });

  it('prints nested roots in time linear in the output (each level printed once)', () => {
    // Printing a level's argument twice would make this 2^200 operations.
    // Nested roots of x alone are one power, x^(1/2²⁰⁰): a sum inside keeps every level.
    const d = differentiate(nested('sqrt(1 + ', 200));
    expect(toUnicode(d.result)).toContain('√(1 + √(1 + √(x + 1)))');
  });
});

describe('a limit on time', () => {
  it('stops long work with an InputError that names the limit and how to raise it', () => {
    const error = thrownBy(() => differentiate('sigmoid(sigmoid(x))', { order: 10, timeout: 0.05 }), InputError);
    expect(error.problem).toBe('limit');
    expect(error.message).toBe('stopped after 0.05 s, the limit on time (--timeout, timeout): the work has not finished');
    expect(() => differentiate('x^2', { timeout: 0 })).toThrow(/timeout must be a number of seconds above 0/);
  });

  it('stops work that outgrows a limit on memory, naming the limit and how to raise it', () => {
    // Any real work uses more than one megabyte of heap: the limit is met at its first reading.
    const error = thrownBy(() => differentiate('sigmoid(x)', { order: 1000, maxMemory: 1 }), InputError);
    expect(error.problem).toBe('limit');
    expect(error.message).toBe('stopped at 1 MB, the limit on memory (--max-memory, maxMemory): the work needs more');
    expect(() => differentiate('x^2', { maxMemory: Number.NaN })).toThrow(/maxMemory must be a number of megabytes above 0/);
    // The limits hold for one call only.
    expect(toText(differentiate('x^2').result)).toBe('2*x');
  });

  it('answers 1/x to the 1000th order, its powers combined at any exponent', () => {
    const d = differentiate('1/x', { order: 1000 });
    let factorial = 1n;
    for (let k = 2n; k <= 1000n; k++) factorial *= k;
    expect(toText(d.result)).toBe(`${factorial}/x^1001`);
  });
});

describe('large numbers', () => {
  it('refuses a number past the limit on digits, naming the limit and how to raise it', () => {
    for (const [input, column] of [['1e99999999*x', 1], ['1e99999999999999999999*x', 1], ['x^(1e-99999999)', 4], ['(1e999999)^1000*x', 2]] as const) {
      const error = errorOf(input);
      expect(error.message, input).toMatch(/^number too large for exact arithmetic: .* digits, the limit is 1000 \(--max-digits, maxDigits\)$/);
      expect(error.column, input).toBe(column);
    }
  });

  it('keeps a number to a power past 5,000 digits as a power, in the simplifier and in rational functions alike', () => {
    expect(toText(differentiate('1.50*1e999^1000*x').result)).toMatch(/^1\.5\*10{999}\^1000$/);
    expect(toText(differentiate('1.599999999999999999^1000*x').result)).toBe('1.599999999999999999^1000');
  });

  it('does not multiply out a sum of two terms to a power of 279,935 to put a sum holding it in normal form', () => {
    // (a + b)^k has k + 1 terms, each with a coefficient of up to k/3 digits: past the limit on terms,
    // the power stays a power. Under a limit of 20 s, a run that multiplied it out would stop with an error.
    const input = 'ellippiinc(((y + 0 + y) + w1 + pi*e*e)^(((w1 + x) + x) + 6^7 + lgamma(x)), 9.3, x + y)^pi';
    expect(() => differentiate(input, { variable: 'y', timeout: 20 })).not.toThrow();
  });

  it('splits no number past 1000 off an exponent: (3x + 115.11)^(x + 78.4³) keeps its power whole', () => {
    // Split off, 481890.304 would take the base's content 1/100 to a power of a million digits, which
    // takes seconds to write; kept whole, the derivative takes milliseconds, well within 5 s.
    const input = 'ellippiinc(64.1, log(x + ((x + w1) + w1) + x, 2)^2, (((x + 5.11) - y) + 99.4 + (((e + 3.6 + x) + x + e) + 7))^(x + 78.4^3 + (pi + (theta + pi) + y)))';
    expect(() => differentiate(input, { variable: 'theta', timeout: 5 })).not.toThrow();
    // A small number still splits off, and cancels: k·x^(k − 1)/x^k is k/x.
    expect(toText(differentiate('log(x^k)', { variable: 'x' }).result)).toBe('k/x');
  });

  it('differentiates to high orders a product with an exponent past 2^53, leaving it to the rules', () => {
    expect(() => differentiate("sqrt(2)^f(x^21e308)*g'(x)^2", { order: 3 })).not.toThrow();
  });

  it('keeps exponents past the range of doubles exact: x/x^(100^1000) and (x + 1)^(10^400)/(x + 1)^(10^400 − 1)', () => {
    const huge = 100n ** 1000n;
    expect(toText(differentiate('x^001/x^100^1000').result)).toBe(`${1n - huge}/x^${huge}`);
    expect(toText(differentiate('(x+1)^(10^400)/(x+1)^(10^400-1)').result)).toBe('1');
  });

  it('reads and writes a decimal of 100,000 digits in time linear in them, when the limit allows', () => {
    const tiny = `0.${'0'.repeat(100_000)}1`;
    const e = parse(`${tiny}*x`, { maxDigits: 200_000 });
    expect(toText(differentiate(e).result)).toBe(tiny);
  });
});

describe('large inputs', () => {
  it('differentiates a flat sum of 130,000 terms, which no spread of its terms into a call overflows', () => {
    const sum = Array.from({ length: 130_000 }, (_, i) => (i % 7 === 0 ? 'x' : 'x*y')).join(' + ');
    expect(toText(differentiate(sum).result)).toBe('18572 + 111428*y');
  });

  it('refuses the product rule on a product of 130,000 factors before building its 130,000² parts, naming the limit', () => {
    // Built as a tree: the work refused is the rule's, not the reading's.
    const product = build.mul(Array.from({ length: 130_000 }, () => build.variable('x')));
    expect(thrownBy(() => differentiate(product), InputError).message)
      .toBe('the product rule on 130000 factors gives 130000 terms of 130000 factors, about 16900000000 nodes, more than the limit of 2000000 (--max-nodes, maxNodes)');
    expect(toText(differentiate(build.mul([build.variable('x'), build.call('sin', [build.variable('x')])]), { maxNodes: 20 }).result)).toBe('sin(x) + x*cos(x)');
  });

  it('reads a function of 20,000 arguments, keeping them in a list it does not copy', () => {
    const e = parse(`max(${Array.from({ length: 20_000 }, (_, i) => String(i)).join(', ')}, x)`);
    expect(e).toMatchObject({ kind: 'call', name: 'max' });
    expect((e as Expr & { kind: 'call' }).args).toHaveLength(20_001);
  });

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

describe('a part without a value', () => {
  it('refuses an expression with a part that has no value, which has none anywhere, rather than differentiate the rest', () => {
    for (const [input, part] of [['1/0 + x', '1/0'], ['x^2 + sin(x)/0', 'sin(x)/0'], ['0^(-1) + x', '0^(-1)'], ['log(0) + x', 'log(0)'], ['x*sqrt(-1)', 'sqrt(-1)'], ['asin(2) + x', 'asin(2)'], ['x/(1 - 1)', 'x/(1 - 1)']]) {
      const error = thrownBy(() => differentiate(input!), InputError);
      expect(error.problem, input).toBe('no-value');
      expect(error.message, input).toMatch(/^the expression has no real value anywhere: it holds /);
      expect(toText(error.part!), input).toBe(part);
    }
  });

  it('refuses tan, sec, cot and csc at a pole that is a multiple of π/2, which no double is, and answers beside one', () => {
    // In doubles cot(π) is −8·10¹⁵, a number: the pole is told by the argument's exact form.
    // Through an inverse function too: asin(1) is π/2 exactly.
    for (const [input, part] of [['x + cot(pi)', 'cot(pi)'], ['x + tan(pi/2)', 'tan(pi/2)'], ['x + sec(-3*pi/2)', 'sec(-3*pi/2)'], ['x + csc(2*pi)', 'csc(2*pi)'], ['x + cot(pi - pi)', 'cot(pi - pi)'],
      ['x + tan(asin(1))', 'tan(asin(1))'], ['x + cot(acos(-1))', 'cot(acos(-1))'], ['x + sec(2*atan(1))', 'sec(2*atan(1))'], ['x + tan(3*asin(1))', 'tan(3*asin(1))']]) {
      const error = thrownBy(() => differentiate(input!), InputError);
      expect(error.problem, input).toBe('no-value');
      expect(toText(error.part!), input).toBe(part);
    }
    for (const input of ['x + tan(pi)', 'x + cot(pi/2)', 'x + csc(pi/2)', 'x + sec(pi)', 'x + tan(pi/4)', 'x + tan(pi^2)', 'x + tan(pi/2 + 1)', 'x + tan(asin(1/2))', 'x + tan(2*asin(1))', 'x + cot(atan(1))']) {
      expect(toText(differentiate(input).result), input).toBe('1');
    }
    expect(() => checkAnswer('x + cot(pi)', '1 + cot(pi)')).toThrow(/no real value anywhere/);
    expect(() => checkAnswer('x + tan(asin(1))', '1 + tan(asin(1))')).toThrow(/no real value anywhere/);
  });

  it('keeps a number to a large fractional power as a power, not worked out: its derivative holds no number of 29,000 digits', () => {
    // (111/5)^(14299/2) would be worked out as (111/5)^14299 first; at 142993/2 that took half a minute, past the time limit.
    const answer = toText(differentiate('hypot(x, 22.2^(x + 7149.5))').result);
    expect(answer).toBe('((22.2^(x + 7149.5))^2*log(22.2) + x)/hypot(x, 22.2^(x + 7149.5))');
    expect(toText(differentiate('4^(x + 3/2)').result)).toBe('log(4)*4^(x + 3/2)');
  });

  it('answers where a part has a value too costly to work out (past the most steps of a recurrence), and refuses one outside the domain', () => {
    // hermite(10²⁰, ½) is a real number; only its double is NaN, as the recurrence stops at 10⁷ steps.
    expect(toText(differentiate('hermite(10^20, 1/2) + x').result)).toBe('1');
    expect(toText(differentiate('bessely(10^15, 3) + x').result)).toBe('1');
    expect(toText(differentiate('2*legendre(10^15, 1/2)*x').result)).toBe('2*legendre(1000000000000000, 1/2)');
    for (const [input, part] of [['bessely(10^15, -3) + x', 'bessely(10^15, -3)'], ['hermite(-1, 1/2) + x', 'hermite(-1, 1/2)']]) {
      const error = thrownBy(() => differentiate(input!), InputError);
      expect(error.problem, input).toBe('no-value');
      expect(toText(error.part!), input).toBe(part);
    }
  });

  it('answers where a part is only too large for a double (or two such cancel), or 0⁰, or a constant that has its value', () => {
    expect(toText(differentiate('exp(1000) + x').result)).toBe('1');
    expect(toText(differentiate('exp(1000) - exp(1000) + x').result)).toBe('1');
    expect(toText(differentiate('exp(10^20)*x').result)).toBe('exp(100000000000000000000)');
    expect(toText(differentiate('x/exp(-1000)').result)).toBe('exp(1000)');
    expect(toText(differentiate('0^0*x').result)).toBe('1');
    expect(toText(differentiate('x*erf(3)').result)).toBe('erf(3)');
  });

  it('values each part without a variable once, from its own parts: a constant nested 10,000 deep is read through', () => {
    const deep = `${'sin('.repeat(10_000)}1${')'.repeat(10_000)}`;
    const d = differentiate(parse(`${deep}*x`));
    expect(toText(d.result)).toBe(deep);
    expect(() => differentiate(parse(`${'sin('.repeat(10_000)}log(0)${')'.repeat(10_000)}*x`))).toThrow(/it holds log at a number where it has no real value$/);
  });

  it('refuses a derivative whose formula has no value as it stands, rather than print one over 0', () => {
    // x/(x − x) is 0/0 wherever it is written; Π(n | m) by n and m has m − n below, 0 where both are x.
    for (const input of ['x/(x - x)', 'ellippi(x, x)']) {
      const error = thrownBy(() => differentiate(input), InputError);
      expect(error.problem, input).toBe('no-value');
      expect(error.message, input).toMatch(/^derivative 1 cannot be given: its formula, as it stands, has no value: it holds a quotient over 0$/);
    }
    expect(toText(differentiate('ellippi(x, 1/2)').result)).not.toMatch(/\/0\b/);
  });
});
