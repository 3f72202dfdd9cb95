import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { ParseError } from '../../src/parse/errors.js';
import { InputError } from '../../src/errors.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { checkDerivative, standInsFor } from '../../src/check/check.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { equals } from '../../src/expr/traverse.js';
import { apply, variable } from '../../src/expr/factory.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { toLatex } from '../../src/print/latex.js';
import { errorOf } from '../helpers/parse-error.js';
import { expectRenders } from '../helpers/katex.js';

const [x, y, z] = ['x', 'y', 'z'].map(variable) as [ReturnType<typeof variable>, ReturnType<typeof variable>, ReturnType<typeof variable>];
const answer = (input: string, variable = 'x', order = 1): string => toText(differentiate(input, { variable, order }).result);

describe('reading functions of several arguments', () => {
  it('reads f, g and h of any number of arguments', () => {
    expect(equals(parse('f(x, y)'), apply('f', [x, y]))).toBe(true);
    expect(equals(parse('g(x, y, z)'), apply('g', [x, y, z]))).toBe(true);
  });
  it.each([
    ['D1f(x, y)', [1, 0]], ['D12f(x, y)', [1, 1]], ['D112f(x, y)', [2, 1]], ['D21f(x, y)', [1, 1]],
    ['∂₁f(x, y)', [1, 0]], ['∂₁∂₂f(x, y)', [1, 1]], ['∂₂∂₂f(x, y)', [0, 2]],
  ])('reads %s as the derivative by arguments %j', (input, orders) => {
    expect(parse(input)).toMatchObject({ kind: 'apply', name: 'f', orders });
  });
  it('numbers arguments past the ninth after underscores', () => {
    const args = 'a, b, c, d, q, r, s, t, u, v';
    expect(parse(`D_1_10f(${args})`)).toMatchObject({ orders: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1] });
  });
  it('reads declared names as functions, and only those', () => {
    expect(parse('phi(x, y)', { abstractFunctions: ['phi'] })).toMatchObject({ kind: 'apply', name: 'phi', orders: [0, 0] });
    expect(parse('D2phi(x, y)', { abstractFunctions: ['phi'] })).toMatchObject({ kind: 'apply', name: 'phi', orders: [0, 1] });
    expect(errorOf('phi(x, y)').message).toMatch(/phi is a variable, not a function; .* \(--function phi makes it an unknown function\)$/);
  });
  it.each([
    ['D3f(x, y)', 'D3f is a derivative by argument 3, but f is given 2'],
    ['D10f(x, y)', 'D10f: arguments are numbered from 1, as in D12f(x, y); past the ninth write D_1_10f'],
    ["f'(x, y)", 'primes are for a function of one argument: for a derivative of f(…) by its first argument write D1f or ∂₁f'],
    ['∂₁x', '∂₁ is a derivative by an argument of a function, as in ∂₁f(x, y): it needs the function and its arguments'],
  ])('refuses %s: %s', (input, message) => {
    expect(errorOf(input).message).toBe(message);
  });
  it('refuses to declare a name that is already a function, constant or notation', () => {
    for (const name of ['sin', 'psi', 'e', 'pi', 'root', '2a']) {
      expect(() => parse('x', { abstractFunctions: [name] }), name).toThrow(InputError);
    }
  });
  it('refuses a function of several arguments where a partial symbol is misplaced, with a location', () => {
    expect(() => parse('x + ∂₁')).toThrow(ParseError);
  });
});

describe('printing them', () => {
  it.each([
    ['D12f(x, y)', 'D12f(x, y)', '∂₁∂₂f(x, y)', '\\partial_{1}\\partial_{2} f\\left(x, y\\right)'],
    ['g(x, y, z)', 'g(x, y, z)', 'g(x, y, z)', 'g\\left(x, y, z\\right)'],
    ['D_2_10f(a, b, c, d, q, r, s, t, u, v)', 'D_2_10f(a, b, c, d, q, r, s, t, u, v)', '∂₂∂₁₀f(a, b, c, d, q, r, s, t, u, v)',
      '\\partial_{2}\\partial_{10} f\\left(a, b, c, d, q, r, s, t, u, v\\right)'],
  ])('writes %s as %s, %s and %s, and reads each back', (input, text, unicode, latex) => {
    const e = parse(input);
    expect(toText(e)).toBe(text);
    expect(toUnicode(e)).toBe(unicode);
    expect(toLatex(e)).toBe(latex);
    expect(equals(parse(text), e)).toBe(true);
    expect(equals(parse(unicode), e)).toBe(true);
    expectRenders(latex);
  });
});

describe('differentiating them', () => {
  it('takes the partial derivative by the one argument that varies', () => {
    expect(answer('f(x, y)')).toBe('D1f(x, y)');
    expect(answer('f(x, y)', 'y')).toBe('D2f(x, y)');
    expect(answer('g(x, y, z)', 'z')).toBe('D3g(x, y, z)');
    expect(answer('f(sin(x), y)')).toBe('cos(x)*D1f(sin(x), y)');
  });
  it('adds one term per varying argument (the chain rule for several arguments)', () => {
    const d = differentiate('f(x^2, sin(x))');
    expect(toText(d.result)).toBe('2*x*D1f(x^2, sin(x)) + cos(x)*D2f(x^2, sin(x))');
    expect(d.derivations[0]!.step.rule).toBe('abstract-several-arguments');
  });
  it('takes mixed partials as equal in either order', () => {
    expect(answer('D1f(x, y)', 'y')).toBe('D12f(x, y)');
    expect(answer('D2f(x, y)', 'x')).toBe('D12f(x, y)');
  });
  it('finds every term of a higher derivative', () => {
    const second = differentiate('f(x, x)', { order: 2 }).result;
    const expected = parse('D11f(x, x) + 2*D12f(x, x) + D22f(x, x)');
    const stand = standInsFor(second, expected);
    for (const at of [-1.3, 0.4, 2.2]) {
      expect(evaluate(second, { x: at }, { functions: stand })).toBeCloseTo(evaluate(expected, { x: at }, { functions: stand }), 12);
    }
  });
  it('passes the numeric check, steps included', () => {
    for (const input of ['f(x^2, sin(x))', 'g(x, x*y, exp(x))', 'f(x, 2)*x', 'D1f(x, x^3)']) {
      expect(checkDerivative(differentiate(input), { steps: true }).verdict, input).toBe('verified');
    }
    expect(checkDerivative(differentiate('phi(x, x^2)', { abstractFunctions: ['phi'], order: 2 })).verdict).toBe('verified');
  });
  it('is caught by the numeric check when a partial is wrong', () => {
    // The stand-ins make ∂₁f and ∂₂f different functions: swapping them must fail.
    const d = differentiate('f(x^2, sin(x))');
    const swapped = parse('2*x*D2f(x^2, sin(x)) + cos(x)*D1f(x^2, sin(x))');
    expect(checkDerivative({ ...d, result: swapped, derivations: [{ ...d.derivations[0]!, result: swapped }] }).verdict).toBe('failed');
  });
});
