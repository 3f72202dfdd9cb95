import { describe, expect, it } from 'vitest';
import { parse, readings } from '../../src/parse/parse.js';
import { errorOf } from '../helpers/parse-error.js';
import { toText } from '../../src/print/linear.js';
import { equals } from '../../src/expr/traverse.js';
import type { Expr } from '../../src/expr/types.js';

/** The tree of an input, written in the fully parenthesised text the printer gives. */
const read = (input: string): string => toText(parse(input));
const same = (a: string, b: string): boolean => equals(parse(a), parse(b));


describe('numbers', () => {
  it.each([
    ['3', '3'], ['0.5', '0.5'], ['.5', '0.5'], ['1.5e-3', '0.0015'], ['2E3', '2000'], ['0.1', '0.1'],
  ])('%s reads as %s', (input, text) => expect(read(input)).toBe(text));

  it('keeps decimals exact: 0.1 is 1/10', () => {
    const e = parse('0.1') as Expr & { kind: 'num' };
    expect(e.kind).toBe('num');
    expect([e.value.n, e.value.d]).toEqual([1n, 10n]);
  });

  it('reads a quotient of numbers as one rational', () => {
    const e = parse('1/3') as Expr & { kind: 'num' };
    expect([e.kind, e.value.n, e.value.d]).toEqual(['num', 1n, 3n]);
  });
});

describe('names and constants', () => {
  it.each([['x'], ['theta'], ['w1'], ['θ'], ['x_2']])('%s is a variable', (input) => {
    expect(parse(input)).toMatchObject({ kind: 'variable', name: input });
  });
  it.each([['e', 'e'], ['pi', 'pi'], ['π', 'pi']])('%s is the constant %s', (input, name) => {
    expect(parse(input)).toMatchObject({ kind: 'constant', name });
  });
  it('reads letters written together as the names they are made of: xy is x·y, unless declared a variable', () => {
    expect(read('xy')).toBe('x*y');
    expect(read('x y')).toBe('x*y');
    expect(read('2xy')).toBe('2*x*y');
    expect(parse('xy', { variables: ['xy'] })).toMatchObject({ kind: 'variable', name: 'xy' });
    expect(read('rate*x')).toBe('r*a*t*e*x');
    expect(parse('rate', { variables: ['rate'] })).toMatchObject({ kind: 'variable', name: 'rate' });
  });
  it('reads Greek letters one at a time: 2πx is 2·π·x', () => {
    expect(read('2πx')).toBe('2*pi*x');
  });
});

describe('operators and precedence', () => {
  it.each([
    ['1 + 2*x', '1 + 2*x'],
    ['a - b - c', 'a - b - c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['a/b/c', 'a/b/c'],
    ['a/(b/c)', 'a/(b/c)'],
    ['2^3^2', '2^3^2'],
    ['(2^3)^2', '(2^3)^2'],
    ['-x^2', '-x^2'],
    ['(-x)^2', '(-x)^2'],
    ['2^-x', '2^(-x)'],
    ['x ** 2', 'x^2'],
    ['[x+1]*(x-1)', '(x + 1)*(x - 1)'],
    ['x*-y', 'x*(-y)'],
    ['+x', 'x'],
    ['--x', '-(-x)'],
    ['x·y × z', 'x*y*z'],
    ['x − y', 'x - y'],
    ['x ÷ y', 'x/y'],
  ])('%s', (input, text) => expect(read(input)).toBe(text));

  it('binds ^ tighter than unary minus', () => {
    expect(parse('-x^2')).toMatchObject({ kind: 'neg', operand: { kind: 'pow' } });
  });
  it('makes ^ right-associative', () => {
    expect(parse('a^b^c')).toMatchObject({ kind: 'pow', base: { name: 'a' }, exponent: { kind: 'pow' } });
  });
  it('keeps the user\'s grouping: (a+b)+c is not a+b+c', () => {
    expect(same('(a+b)+c', 'a+b+c')).toBe(false);
    expect(parse('a+b+c')).toMatchObject({ kind: 'add', terms: { length: 3 } });
  });
  it('keeps subtraction and fractions as written', () => {
    expect(parse('a - b')).toMatchObject({ kind: 'add', terms: [{ name: 'a' }, { kind: 'neg' }] });
    expect(parse('1/(1+x)')).toMatchObject({ kind: 'div' });
  });
});

describe('implicit multiplication', () => {
  it.each([
    ['2x', '2*x'],
    ['2(x+1)', '2*(x + 1)'],
    ['(x+1)(x-1)', '(x + 1)*(x - 1)'],
    ['x(x+1)', 'x*(x + 1)'],
    ['x y', 'x*y'],
    ['3x^2', '3*x^2'],
    ['2 sin(x)', '2*sin(x)'],
    ['2√x', '2*sqrt(x)'],
    ['1/2x', '1/2*x'],
  ])('%s means %s', (input, text) => expect(read(input)).toBe(text));

  it('gives 3x^2 as 3·(x²), not (3x)²', () => {
    expect(parse('3x^2')).toMatchObject({ kind: 'mul', factors: [{ kind: 'num' }, { kind: 'pow' }] });
  });
  it('does not multiply two bare numbers: 2 3 is an error', () => {
    expect(errorOf('2 3').message).toBe("expected an operator, a name or '(' after '2', found '3'");
  });
});

describe('functions', () => {
  it.each([
    ['exp(x)', 'exp(x)'], ['ln(x)', 'log(x)'], ['log(x)', 'log(x)'], ['log(x, 2)', 'log(x, 2)'],
    ['log10(x)', 'log10(x)'], ['log2(x)', 'log2(x)'], ['sqrt(x)', 'sqrt(x)'], ['cbrt(x)', 'cbrt(x)'],
    ['abs(x)', 'abs(x)'], ['sin(x)', 'sin(x)'], ['cos(x)', 'cos(x)'], ['tan(x)', 'tan(x)'],
    ['sec(x)', 'sec(x)'], ['csc(x)', 'csc(x)'], ['cot(x)', 'cot(x)'],
    ['asin(x)', 'asin(x)'], ['arcsin(x)', 'asin(x)'], ['acos(x)', 'acos(x)'], ['arccos(x)', 'acos(x)'],
    ['atan(x)', 'atan(x)'], ['arctan(x)', 'atan(x)'], ['sinh(x)', 'sinh(x)'], ['cosh(x)', 'cosh(x)'],
    ['tanh(x)', 'tanh(x)'], ['asinh(x)', 'asinh(x)'], ['acosh(x)', 'acosh(x)'], ['atanh(x)', 'atanh(x)'],
    ['sigmoid(x)', 'sigmoid(x)'], ['σ(x)', 'sigmoid(x)'], ['logistic(x)', 'sigmoid(x)'], ['softplus(x)', 'softplus(x)'],
    ['√x', 'sqrt(x)'], ['√(x+1)', 'sqrt(x + 1)'], ['∛x', 'cbrt(x)'], ['e^x', 'exp(x)'],
  ])('%s reads as %s', (input, text) => expect(read(input)).toBe(text));

  it('reads f, g and h applied to an argument as abstract functions, with primes', () => {
    expect(parse('f(x^2)')).toMatchObject({ kind: 'apply', name: 'f', orders: [0] });
    expect(parse("g'(x)")).toMatchObject({ kind: 'apply', name: 'g', orders: [1] });
    expect(parse("h''(x)")).toMatchObject({ kind: 'apply', name: 'h', orders: [2] });
    expect(parse('f″(x)')).toMatchObject({ kind: 'apply', name: 'f', orders: [2] });
    expect(parse('f')).toMatchObject({ kind: 'variable', name: 'f' });
  });
  it('reads σ alone as a variable and σ(…) as the sigmoid', () => {
    expect(parse('σ')).toMatchObject({ kind: 'variable', name: 'σ' });
    expect(parse('σ(x)')).toMatchObject({ kind: 'call', name: 'sigmoid' });
  });
});

describe('what dydx prints reads back', () => {
  it.each([
    ['e^(−x)/(1 + e^(−x))²', 'exp(-x)/(1 + exp(-x))^2'],
    ['σ(x)·(1 − σ(x))', 'sigmoid(x)*(1 - sigmoid(x))'],
    ['2×x', '2*x'],
    ['x⁻¹', 'x^-1'],
    ['√x·π', 'sqrt(x)*pi'],
    ["f′(x²)·2x", "f'(x^2)*2*x"],
  ])('%s', (unicode, text) => expect(same(unicode, text)).toBe(true));
});

describe('errors', () => {
  it('says what was expected and where, with a caret', () => {
    const error = errorOf('1 +');
    expect(error.message).toBe("expected a number, a name or '(' after '+'");
    expect([error.line, error.column]).toEqual([1, 4]);
    expect(error.excerpt).toBe('1 +\n   ^');
  });
  it('names the token it found', () => {
    expect(errorOf('2 * * 3').message).toBe("expected a number, a name or '(' after '*', found '*'");
    expect(errorOf('2 * * 3').column).toBe(5);
  });
  it('reports the line and column on multi-line input', () => {
    const error = errorOf('x +\n  * y');
    expect([error.line, error.column]).toEqual([2, 3]);
    expect(error.excerpt).toBe('  * y\n  ^');
  });
  it('never shows nearley\'s own dump', () => {
    for (const input of ['x +', '*x', 'x ^', '(,)', 'sin()', 'x y +']) {
      const message = errorOf(input).message;
      expect(message).not.toMatch(/Unexpected|state|parse table|based on/);
    }
  });
  it('suggests the nearest function for an unknown one', () => {
    expect(errorOf('sinn(x)').message).toBe("unknown function 'sinn' — did you mean 'sin'? (--function sinn makes it an unknown function)");
    expect(errorOf('2 + tahn(x)').message).toBe("unknown function 'tahn' — did you mean 'tanh'? (--function tahn makes it an unknown function)");
    expect(errorOf('2 + tahn(x)').column).toBe(5);
    expect(errorOf('frobnicate(x)').message).toBe("unknown function 'frobnicate' (to multiply, write * before the bracket; --function frobnicate makes it an unknown function)");
    // The same advice for the page, which has fields rather than flags: one home words it for each.
    expect(errorOf('frobnicate(x)').messageFor('page')).toBe("unknown function 'frobnicate' (to multiply, write * before the bracket; write f, g or h in its place for an unknown function)");
    expect(errorOf('frobnicate(x)').messageFor('command line')).toBe(errorOf('frobnicate(x)').message);
    expect(errorOf('x +').message).toBe(errorOf('x +').messageFor('page'));
  });
  it('checks the number of arguments', () => {
    expect(errorOf('sin(x, y, z)').message).toBe('sin takes 1 argument, got 3');
    expect(errorOf('log(x, 2, 3)').message).toBe('log takes 1 or 2 arguments, got 3');
    expect(errorOf("f'(x, y)").message).toMatch(/^primes are for a function of one argument/);
  });
  it('rejects empty input clearly', () => {
    expect(errorOf('').message).toMatch(/^empty input/);
    expect(errorOf('   ').message).toMatch(/^empty input/);
  });
  it('locates unbalanced brackets', () => {
    expect(errorOf('(x + 1').message).toBe("this '(' is never closed: add a ')'");
    expect(errorOf('x + 1)').message).toBe("unmatched ')'");
    expect(errorOf('(x + 1]').message).toBe("']' does not match the '(' at line 1, column 1");
  });
  it('rejects unknown characters and a function with no argument', () => {
    expect(errorOf('x $ y').message).toBe("unexpected character '$'");
    expect(errorOf('x $ y').column).toBe(3);
    expect(errorOf('x + sin').message).toBe('sin needs an argument, as in sin(x) or sin x');
    expect(errorOf('sin * x').message).toBe('sin needs an argument, as in sin(x) or sin x');
    expect(errorOf("sin'").message).toMatch(/only the abstract functions f, g and h take primes/);
    // A variable and a bracketed expression take them too: a derivative left to work out, by x,
    // as a derivation writes the variable rule (x′ = 1) and a working its steps.
    expect(toText(parse("x' + 2y''"))).toBe("x' + 2*(y')'");
    expect(toText(parse("(x^2)'*2 + [sin x]''"))).toBe("(x^2)'*2 + ((sin(x))')'");
    expect(parse("(x^2)'")).toMatchObject({ kind: 'derivative', variable: 'x' });
  });
  it('limits nesting depth and length with clear errors', () => {
    expect(parse(`${'('.repeat(20)}x${')'.repeat(20)}`)).toMatchObject({ kind: 'variable' });
    expect(() => parse(`${'('.repeat(20)}x${')'.repeat(20)}`, { maxDepth: 10 })).toThrow(/nested too deeply/);
    expect(() => parse('x+'.repeat(10) + 'x', { maxLength: 5 })).toThrow(/input too long/);
  });
});

describe('the grammar is unambiguous', () => {
  const corpus = [
    '1/(1+exp(-x))', 'x^x', 'tanh(3x+1)', 'sigmoid(w*x+b)', '-x^2', '2^-x^2', '--x', '-x*y', 'x*-y/-z',
    '2x(x+1)(x-1)y', 'a - b + c - d', 'x y z', 'f(x)g(x)', "f'(g(x))", '2^3^4^5', '-2^-3^-4', '√√x', '√x²',
    'log(x, 2)', 'sin(x)^2 + cos(x)^2', '((((x))))', '[x]', 'x^2^-1', '1 - -1', '3x^2 + 2x + 1', '1/2/3/4',
    'a*b/c*d/e', 'x²y³', 'e^e^x', '2e^(-x)', 'θ^2 + σ(θ)', '+-+x',
  ];
  it.each(corpus)('%s has exactly one reading', (input) => {
    expect(readings(input)).toHaveLength(1);
  });
});
