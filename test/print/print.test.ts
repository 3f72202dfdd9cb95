import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { toLatex } from '../../src/print/latex.js';
import * as build from '../../src/expr/factory.js';
import { rational } from '../../src/expr/rational.js';
import { equals } from '../../src/expr/traverse.js';
import { functionNames, functionTable } from '../../src/functions/table.js';
import { expectRenders } from '../helpers/katex.js';

const x = build.variable('x');

describe('text', () => {
  it.each([
    ['exp(-x)/(1 + exp(-x))^2', 'exp(-x)/(1 + exp(-x))^2'],
    ['e^(-x)', 'exp(-x)'],
    ['σ(x)·(1 − σ(x))', 'sigmoid(x)*(1 - sigmoid(x))'],
    ['a-(b-c)', 'a - (b - c)'],
    ['a - (-b)', 'a - (-b)'],
    ['a/(b/c)', 'a/(b/c)'],
    ['(a^b)^c', '(a^b)^c'],
    ['a^b^c', 'a^b^c'],
    ['-x^2', '-x^2'],
    ['(-x)^2', '(-x)^2'],
    ['2^(-x)', '2^(-x)'],
    ['(a*b)*c', '(a*b)*c'],
    ['a*(b/c)', 'a*(b/c)'],
    ['ln(x)', 'log(x)'],
    ['π', 'pi'],
    ["f′(x)", "f'(x)"],
  ])('%s prints as %s', (input, text) => expect(toText(parse(input))).toBe(text));

  it('prints exact rationals as fractions and decimals as typed', () => {
    expect(toText(build.num(rational(1, 3)))).toBe('1/3');
    expect(toText(build.num(rational(-1, 4), true))).toBe('-0.25');
    expect(toText(build.pow(x, build.num(rational(1, 2))))).toBe('x^(1/2)');
  });
  it('never writes a coefficient against a name that would read as an exponent', () => {
    // 1500·e3 written 1500e3 would read back as the number 1,500,000 (found by the fuzzer).
    const e = build.mul([build.int(1500), build.variable('e3')]);
    expect(toUnicode(e)).toBe('1500·e3');
    expect(toUnicode(build.mul([build.int(2), build.variable('x')]))).toBe('2x');
    expect(equals(parse(toUnicode(e)), e)).toBe(true);
  });
  it('shows a negative coefficient in a sum as subtraction', () => {
    expect(toText(build.add([x, build.mul([build.int(-2), build.variable('y')])]))).toBe('x - 2*y');
    expect(toText(build.add([x, build.int(-3)]))).toBe('x - 3');
  });
});

describe('unicode', () => {
  it.each([
    ['exp(-x)/(1 + exp(-x))^2', 'e^(−x)/(1 + e^(−x))²'],
    ['sigmoid(x)*(1 - sigmoid(x))', 'σ(x)·(1 − σ(x))'],
    ['3*x^2 - 2*x', '3x² − 2x'],
    ['x^-1', 'x⁻¹'],
    ['sqrt(x+1)*pi', '√(x + 1)·π'],
    ['sqrt(x)^2', '(√x)²'],
    ['2*sqrt(x)', '2√x'],
    ["f'(x^2)*2*x", 'f′(x²)·2·x'],
    ['exp(x)^2', '(e^x)²'],
    ['log(x, 2)', 'log(x, 2)'],
    ['asin(x)', 'arcsin(x)'],
  ])('%s prints as %s', (input, text) => expect(toUnicode(parse(input))).toBe(text));
});

describe('latex', () => {
  it.each([
    ['exp(-x)/(1 + exp(-x))^2', '\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}'],
    ['sigmoid(x)', '\\sigma\\left(x\\right)'],
    ['a-(b-c)', 'a-\\left(b-c\\right)'],
    ['a/(b/c)', '\\frac{a}{\\frac{b}{c}}'],
    ['(a^b)^c', '\\left(a^{b}\\right)^{c}'],
    ['-x^2', '-x^{2}'],
    ['(-x)^2', '\\left(-x\\right)^{2}'],
    ['2^(-x)', '2^{-x}'],
    ['3x^2', '3x^{2}'],
    ['-1/x', '-\\frac{1}{x}'],
    ['sqrt(x)', '\\sqrt{x}'],
    ['cbrt(x)', '\\sqrt[3]{x}'],
    ['abs(x)', '\\left|x\\right|'],
    ['log(x, 2)', '\\log_{2}\\left(x\\right)'],
    ['theta*w1', '\\theta \\cdot w_{1}'],
    ['rate', '\\mathrm{rate}'],
    ['θ + π', '\\theta+\\pi'],
    ["f''(x)", "f''\\left(x\\right)"],
    ['(a/b)^2', '\\left(\\frac{a}{b}\\right)^{2}'],
    ['x*(-2)', 'x \\cdot \\left(-2\\right)'],
  ])('%s prints as %s', (input, latex) => {
    const printed = toLatex(parse(input, { variables: ['rate'] }));
    expect(printed).toBe(latex);
    expectRenders(printed);
  });

  it('renders every function of the table in KaTeX', () => {
    for (const name of functionNames) {
      // With as few arguments as it takes: max and min two.
      const args = Array.from({ length: functionTable[name].arity[0] }, (_, i) => build.add([x, build.int(i + 1)]));
      expectRenders(toLatex(build.call(name, args)));
    }
  });
});

describe('depth', () => {
  it('prints a deep part built by hand below a factory node, whose depth the node reads too small', () => {
    // The factories take a hand-built part's depth as nothing: the printers' recursion runs out of stack, and the fold prints it.
    let inner: unknown = x;
    for (let i = 0; i < 50_000; i++) inner = { kind: 'call', name: 'sin', args: [inner] };
    const whole = build.add([inner as typeof x, build.int(1)]);
    expect(whole.depth).toBeLessThan(500);
    expect(toText(whole)).toBe(`${'sin('.repeat(50_000)}x${')'.repeat(50_000)} + 1`);
  });
});
