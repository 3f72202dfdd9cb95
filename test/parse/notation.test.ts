import { describe, expect, it } from 'vitest';
import { parse, read } from '../../src/parse/parse.js';
import { readErrorOf } from '../helpers/parse-error.js';
import { InputError } from '../../src/errors.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { toText } from '../../src/print/linear.js';

/*
 * Calculator and textbook notation: what people type, and how each is read. Every input reads
 * one documented way (and says so where a convention chose it), or is refused with a located
 * message that names the readings it could have.
 */

/** The reading of an input in text, and the notes on it. */
const reading = (input: string, options = {}): { text: string; notes: readonly string[] } => {
  const r = read(input, options);
  return { text: toText(r.expr), notes: r.notes };
};


describe('functions applied without brackets', () => {
  it.each([
    ['sin x', 'sin(x)'], ['ln x', 'log(x)'], ['sin 2x', 'sin(2*x)'], ['sin x cos x', 'sin(x)*cos(x)'],
    ['sqrt x', 'sqrt(x)'], ['√x', 'sqrt(x)'], ['√(x+1)', 'sqrt(x + 1)'], ['∛x', 'cbrt(x)'],
    // The argument is the factors written next to the name: a power is one of them, an operator ends them.
    ['sin x^2', 'sin(x^2)'], ['sin x y', 'sin(x*y)'], ['sin x/2', 'sin(x)/2'], ['sin x * y', 'sin(x)*y'],
    ['sin x + 1', 'sin(x) + 1'], ['2 sin x', '2*sin(x)'], ['x sin x', 'x*sin(x)'], ['sin cos x', 'sin(cos(x))'],
    ['sin -x', 'sin(-x)'], ['sin x cos(x)', 'sin(x)*cos(x)'], ['e^x sin x', 'exp(x)*sin(x)'], ['tan x sec x', 'tan(x)*sec(x)'],
    // A bracket right after the name is the function's own: sin (x + 1) y is sin(x + 1)·y.
    ['sin (x + 1) y', 'sin(x + 1)*y'], ['sin x(x + 1)', 'sin(x*(x + 1))'], ['sin |x|', 'sin(abs(x))'],
  ])('%s reads as %s', (input, text) => expect(reading(input).text).toBe(text));

  it('refuses a function with nothing to apply it to', () => {
    expect(readErrorOf('x + sin').message).toBe('sin needs an argument, as in sin(x) or sin x');
  });
});

describe('powers written on a function', () => {
  it.each([
    ['sin^2 x', 'sin(x)^2'], ['sin^2(x)', 'sin(x)^2'], ['sin²x', 'sin(x)^2'], ['sin²(x)', 'sin(x)^2'], ['ln^3 x', 'log(x)^3'],
    ['cos^2 x + sin^2 x', 'cos(x)^2 + sin(x)^2'],
  ])('%s is a power of the function: %s', (input, text) => expect(reading(input).text).toBe(text));

  it.each([['sin^-1 x', 'asin(x)'], ['sin⁻¹x', 'asin(x)'], ['sin^{-1}(x)', 'asin(x)'], ['tanh^-1 x', 'atanh(x)'], ['cos⁻¹(2x)', 'acos(2*x)']])(
    '%s is the inverse function, as on calculators, and says so: %s', (input, text) => {
      const r = reading(input);
      expect(r.text).toBe(text);
      expect(r.notes.some((n) => /is the inverse function a\w+, as calculators write it/.test(n))).toBe(true);
    },
  );

  it('refuses other powers written on a function, and powers of an unknown function', () => {
    expect(readErrorOf('sin^-2 x').message).toMatch(/a power written on a function is a whole number from 1 .* or −1 for the inverse/);
    expect(readErrorOf('ln^-1 x').message).toMatch(/^ln\^-1: a power written on a function is a whole number from 1/);
    expect(readErrorOf('f^2(x)').message).toBe("f^2(…) can be a power of f's value or f applied again: write f(x)^2 or f(f(x))");
  });
});

describe('letters written together', () => {
  it.each([
    ['sinx', 'sin(x)'], ['cosx + x', 'cos(x) + x'], ['lnx', 'log(x)'], ['cos2x', 'cos(2*x)'], ['xsinx', 'x*sin(x)'],
    ['2sinxcosx', '2*sin(x)*cos(x)'], ['ex', 'e*x'], ['xy', 'x*y'], ['sinhx', 'sinh(x)'], ['xtheta', 'x*theta'],
    ['asinx', 'asin(x)'], ['log10x', 'log10(x)'], ['2pix', '2*pi*x'], ['xe^x', 'x*exp(x)'],
  ])('%s is read as %s, and says so', (input, text) => {
    const r = reading(input);
    expect(r.text).toBe(text);
    expect(r.notes.some((n) => / is read as /.test(n))).toBe(true);
  });

  it('keeps a letter with digits or a subscript, a Greek letter and a declared name as one variable', () => {
    for (const name of ['w1', 'x_2', 'theta', 'alpha', 'theta_0', 'y_hat', 'θ']) {
      expect(parse(name), name).toMatchObject({ kind: 'variable', name });
    }
    expect(parse('rate*x', { variables: ['rate'] })).toMatchObject({ kind: 'mul', factors: [{ name: 'rate' }, { name: 'x' }] });
    expect(reading('rate').text).toBe('r*a*t*e');
  });

  it('reads gamma(x) as Γ(x), and gamma alone as a variable', () => {
    expect(parse('gamma(x)')).toMatchObject({ kind: 'call', name: 'gamma' });
    expect(parse('gamma')).toMatchObject({ kind: 'variable', name: 'gamma' });
  });

  it('refuses letters that read several ways, naming each', () => {
    expect(readErrorOf('expi').message).toBe("'expi' can be read as exp i or as e x pi: separate the names with spaces or brackets, or declare it a variable with --vars expi");
    expect(readErrorOf('x2y').message).toMatch(/^'x2y' has digits inside it/);
    expect(() => read('rate', { variables: ['sin'] })).toThrow(InputError);
  });

  it('takes letters before a bracket that end in no function for a mistyped function', () => {
    expect(readErrorOf('sinn(x)').message).toBe("unknown function 'sinn' — did you mean 'sin'? (--function sinn makes it an unknown function)");
    expect(reading('xsin(x)').text).toBe('x*sin(x)');
    expect(reading('xysin(x)').text).toBe('x*y*sin(x)');
  });

  it('reads subscript digits after a letter as its digits: x₁ is x1', () => {
    expect(reading('x₁^2 + w₁₂').text).toBe('x1^2 + w12');
    expect(readErrorOf('ab₁').message).toBe("subscript digits follow a name's letter, as in x₁: write ab1 or separate the names in ab₁");
  });

  it('never splits a function\'s name of its own before a bracket into letters times a function', () => {
    const unknown = (name: string) => `unknown function '${name}' (to multiply, write * before the bracket; --function ${name} makes it an unknown function)`;
    expect(parse('polylog(s, z)')).toMatchObject({ kind: 'call', name: 'polylog' });
    expect(readErrorOf('lerchphi(z, s, a)').message).toBe(unknown('lerchphi'));
    expect(readErrorOf('appellf1(a, b, c, d, x, y)').message).toBe(unknown('appellf1'));
    // The complete integral's name with two arguments is the incomplete one, as SymPy and Maxima spell it.
    expect(parse('elliptic_e(z, m)')).toMatchObject({ kind: 'call', name: 'ellipeinc' });
    expect(readErrorOf('elliptic_e(z, m, n)').message).toBe('elliptic_e takes 1 argument, got 3');
    expect(readErrorOf('jacobi_ns(u, m)').message).toBe(unknown('jacobi_ns'));
    // A function's name with digits after it is a name of its own, not Li times 2.
    expect(readErrorOf('Li2(x)').message).toBe(unknown('Li2'));
    expect(parse('erf2(x, y)')).toMatchObject({ kind: 'call', name: 'erf2' });
  });

  it('suggests only a function name of the same shape, and --function before an argument list', () => {
    const unknown = (name: string) => `unknown function '${name}' (to multiply, write * before the bracket; --function ${name} makes it an unknown function)`;
    // Ki is not ln, nor catalan atan: no suggestion of another shape.
    expect(readErrorOf('Ki(z)').message).toBe(unknown('Ki'));
    expect(readErrorOf('catalan(x)').message).toBe(unknown('catalan'));
    expect(readErrorOf('lgama(x)').message).toBe("unknown function 'lgama' — did you mean 'lgamma'? (--function lgama makes it an unknown function)");
    expect(readErrorOf('Sii(x)').message).toBe("unknown function 'Sii' — did you mean 'Si'? (--function Sii makes it an unknown function)");
    for (const input of ['Ki(z)', 'catalan(x)', 'sinn(x)', 'Li2(x)', 'jacobi_ns(u, m)']) expect(readErrorOf(input).message).not.toMatch(/--vars/);
    expect(readErrorOf('jacobi_ns').message).toMatch(/--vars jacobi_ns/);
  });
});

describe('absolute value bars', () => {
  it.each([['|x|', 'abs(x)'], ['|x - |y||', 'abs(x - abs(y))'], ['|x||y|', 'abs(x)*abs(y)'], ['2|x|', '2*abs(x)'], ['||x| - 1|', 'abs(abs(x) - 1)'], ['|-x|', 'abs(-x)']])(
    '%s reads as %s', (input, text) => expect(reading(input).text).toBe(text),
  );

  it('refuses bars that fit two ways, showing both', () => {
    const error = readErrorOf('|x|y|z|');
    expect(error.message).toBe('the bars can be read two ways, as abs(x) y abs(z) or as abs(x abs(y) z): write abs(…) for one of them');
    expect(error.column).toBe(3);
  });
});

describe('exponents and symbols', () => {
  it('refuses a number and a name written together after ^, which calculators read two ways', () => {
    expect(readErrorOf('e^2x').message).toBe('e^2x can be read two ways: write e^(2x) for the power 2x, or e^2*x (or e^2 x) for x times e^2');
    expect(readErrorOf('e^2x').column).toBe(3);
    expect(reading('e^(2x)').text).toBe('exp(2*x)');
    expect(reading('e^2 x').text).toBe('exp(2)*x');
  });

  it.each([
    ['e^{2x}', 'exp(2*x)'], ['2π', '2*pi'], ['x²', 'x^2'], ['x⁻¹', 'x^(-1)'], ['eˣ', 'exp(x)'], ['e⁻ˣ', 'exp(-x)'], ['xⁿ', 'x^n'],
    ['2⁽ˣ⁺¹⁾', '2^(x + 1)'], ['x·y', 'x*y'], ['x×y', 'x*y'], ['x÷y', 'x/y'], ['x−y', 'x - y'], ['x–y', 'x - y'], ['log_2 x', 'log(x, 2)'],
    ['log_b(x)', 'log(x, b)'],
  ])('%s reads as %s', (input, text) => expect(reading(input).text).toBe(text));

  it('ignores a byte-order mark and accepts CRLF line ends', () => {
    expect(reading('\ufeffx^2').text).toBe('x^2');
    expect(reading('x^2 +\r\n 1').text).toBe('x^2 + 1');
  });
});

describe('what the input asks for', () => {
  it.each([
    ['d/dx x^2', 'x', 1], ['d/dt t^3', 't', 1], ['d²/dx² sin x', 'x', 2], ['d^2/dx^2 x^4', 'x', 2], ['(d/dx) x^2', 'x', 1],
    ['d/dx[x^2 + 1]', 'x', 1], ['d/dx (x^2)', 'x', 1], ['∂/∂x x y', 'x', 1], ['d/dθ sin θ', 'θ', 1], ['d/dtheta theta^2', 'theta', 1],
    ['\\frac{d}{dx} x^2', 'x', 1], ['\\frac{\\mathrm{d}}{\\mathrm{d}x}\\left(x^{2}\\right)', 'x', 1], ['\\frac{d^2}{dx^2} x^3', 'x', 2],
    ['\\frac{\\partial}{\\partial x} x y', 'x', 1], ['\\frac{d}{d\\theta}\\sin\\theta', 'theta', 1],
  ])('%s differentiates by %s, order %d', (input, variable, order) => {
    const r = read(input);
    expect(r.request).toMatchObject({ variable, order });
  });

  it('takes the variable and order from the operator, and refuses options that say otherwise', () => {
    expect(toText(differentiate('d/dt t^3 + x').result)).toBe('3*t^2');
    expect(toText(differentiate('d²/dx² x^4').result)).toBe('12*x^2');
    expect(() => differentiate('d/dt t^3', { variable: 'x' })).toThrow(/differentiates by t \(d\/dt\), but the variable asked for is x/);
    expect(() => differentiate('d²/dx² x^4', { order: 3 })).toThrow(/asks for order 2 \(d²\/dx²\), but order 3 was asked for too/);
    expect(toText(differentiate('d²/dx² x^4', { order: 2, variable: 'x' }).result)).toBe('12*x^2');
  });

  it('reads y = … and f(x) = … as the function\'s name', () => {
    expect(read('y = x^2').request).toEqual({ label: { kind: 'name', name: 'y' } });
    expect(read('f(t) = t^2').request).toEqual({ label: { kind: 'function', name: 'f', variable: 't' }, variable: 't' });
    expect(toText(differentiate('f(t) = t^2 + x').result)).toBe('2*t');
    // A reading read() gave is differentiated as its text would be, what it asked for kept.
    const reading = read('f(t) = t^2 + x');
    const d = differentiate(reading);
    expect([toText(d.result), d.reading]).toEqual(['2*t', reading]);
  });

  it('reads a derivative\'s name before =, \\displaystyle before a name, and refuses a function of several variables named', () => {
    expect(read("f'(x) = 14x - 5").request.label).toEqual({ kind: 'function', name: 'f', variable: 'x', order: 1 });
    expect(read("y'' = 2").request.label).toEqual({ kind: 'name', name: 'y', order: 2 });
    expect(read('\\displaystyle f(x) = x^2').request.label).toEqual({ kind: 'function', name: 'f', variable: 'x' });
    expect(readErrorOf('f(x, y) = x^2*y').message).toBe('f(x,y) = … names a function of several variables: give its expression alone, and the variables to differentiate by');
    expect(() => differentiate("f'(x) = 14x - 5")).toThrow("f'(x) = … gives a derivative already: give the function to differentiate, as in f(x) = …");
  });

  it('reads dy/dx before an expression as the derivative of y = it', () => {
    expect(read('dy/dx x^2').request).toEqual({ label: { kind: 'name', name: 'y' }, variable: 'x', order: 1, operator: 'dy/dx' });
    expect(toText(differentiate('d^2y/dx^2 x^3').result)).toBe('6*x');
    expect(read('\\frac{dy}{dx} x^2').request.label).toEqual({ kind: 'name', name: 'y' });
  });

  it('reads the operator around its expression, with LaTeX\'s spaces, as D_x, and before a bare unknown function', () => {
    const derivative = (input: string) => toText(differentiate(input).result);
    expect(derivative('\\frac{d f(x)}{dx}')).toBe("f'(x)");
    expect(derivative('\\frac{d^2 \\sin x}{dx^2}')).toBe('-sin(x)');
    expect(derivative('\\frac{d (x^2 + 1)}{dx}')).toBe('2*x');
    expect(derivative('\\frac{d}{\\,\\mathrm{d}x}[\\sin x]')).toBe('cos(x)');
    expect(derivative('D_x (x^2 + 1)')).toBe('2*x');
    expect(derivative('D_{t} t^3')).toBe('3*t^2');
    expect(derivative('\\frac{d}{dx}f')).toBe("f'(x)");
    expect(read('\\frac{d^2}{dx^2}f').notes).toContain('f is read as f(x)');
    expect(readErrorOf('\\frac{d \\sin x}{dx} + 1').message).toBe('\\frac{d \\sin x}{dx} has its expression in it: nothing may come after it');
  });

  it('refuses d/dx anywhere but at the start, and d/dx2x, which reads two ways', () => {
    for (const [input, column] of [['x^2 - d/dx x', 7], ['d/dx x^2 - d/dx x', 12], ['d/dx d/dx x^3', 6]] as const) {
      const error = readErrorOf(input);
      expect([error.message, error.column], input).toEqual(['d/dx stands at the start of the input, before the whole expression: differentiate the parts one at a time, or write the whole after one d/dx', column]);
    }
    expect(readErrorOf('d/dx2x').message).toBe('d/dx2x can be read two ways: write d/dx 2x or d/dx2 x');
    expect(read('d/dx2 x').request.variable).toBe('x2');
  });

  it('refuses what only looks like a request', () => {
    expect(readErrorOf('d^2/dx^3 x^4').message).toMatch(/the order above \(2\) and below \(3\) differ/);
    expect(readErrorOf('d/dx').message).toMatch(/needs an expression after it/);
    expect(readErrorOf('x + = 2').message).toBe("expected a number, a name or '(' after '+', found '='");
    expect(readErrorOf('f(x = 2)').message).toMatch(/^'=' stands between the two sides of an equation, outside brackets/);
    expect(readErrorOf('x^2 + y^2 = 25').message).toMatch(/^this '=' makes an equation, a curve: differentiate it implicitly \(implicit\(\)\)/);
    expect(() => parse('d/dx x^2')).toThrow(/asks for a derivative: give the input to differentiate\(\) or read\(\)/);
  });
});
