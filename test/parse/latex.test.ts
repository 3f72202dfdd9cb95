import { describe, expect, it } from 'vitest';
import { read } from '../../src/parse/parse.js';
import { readErrorOf } from '../helpers/parse-error.js';
import { toText } from '../../src/print/linear.js';
import { toLatex } from '../../src/print/latex.js';
import { equals } from '../../src/expr/traverse.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { functionNames } from '../../src/functions/table.js';
import { classics, functionExample } from '../helpers/examples.js';
import { asLatexReadsIt } from '../helpers/latex-reading.js';

/*
 * LaTeX input: what papers, lecture notes, math editors and dydx's own printer write, read into
 * the same trees as text, with errors located in the LaTeX source.
 */

const latex = (input: string): string => toText(read(input, { notation: 'latex' }).expr);

describe('LaTeX input', () => {
  it.each([
    ['\\frac{1}{1+e^{-x}}', '1/(1 + exp(-x))'], ['\\dfrac{x}{2}', 'x/2'], ['\\tfrac{1}{2}x^2', '1/2*x^2'], ['\\frac12', '1/2'],
    ['2\\frac{1}{x}', '2*(1/x)'], ['\\sqrt{x+1}', 'sqrt(x + 1)'], ['\\sqrt[3]{x^{2}}', 'cbrt(x^2)'], ['\\sqrt[n]{x}', 'x^(1/n)'],
    ['x^{2}', 'x^2'], ['e^{2x}', 'exp(2*x)'], ['e^2x', 'exp(2)*x'], ['x^{-1}', 'x^(-1)'],
    ['w_1 x + b', 'w1*x + b'], ['x_{10}', 'x10'], ['\\theta_0 + \\theta_1 x', 'theta0 + theta1*x'], ['x_{ab}', 'x_ab'],
    ['\\left(x+1\\right)^{2}', '(x + 1)^2'], ['\\left[x+1\\right]^2', '(x + 1)^2'], ['\\left|x\\right|', 'abs(x)'],
    ['\\lvert x \\rvert', 'abs(x)'], ['|x|', 'abs(x)'], ['\\{x+1\\}y', '(x + 1)*y'], ['\\left\\lfloor x\\right\\rfloor', 'floor(x)'],
    ['\\lceil x \\rceil', 'ceil(x)'], ['a\\cdot b', 'a*b'], ['a\\times b', 'a*b'], ['a\\div b', 'a/b'],
    ['2x\\,\\sin x', '2*x*sin(x)'], ['x\\;y', 'x*y'], ['\\!x\\quad', 'x'], ['\\mathrm{e}^{x}', 'exp(x)'], ['e', 'e'], ['\\pi r^2', 'pi*r^2'],
    ['\\alpha\\beta', 'alpha*beta'], ['\\varepsilon', 'epsilon'], ['\\Delta x', 'Δ*x'],
    ['\\exp\\left(-x^2\\right)', 'exp(-x^2)'], ['\\ln x', 'log(x)'], ['\\log x', 'log(x)'], ['\\log_{2} x', 'log2(x)'],
    ['\\log_{b}(x)', 'log(x, b)'], ['\\log_{e} x', 'log(x, e)'], ['\\lg x', 'log10(x)'],
    ['\\sin x', 'sin(x)'], ['\\cos^{2}\\theta', 'cos(theta)^2'], ['\\tan^2(x)', 'tan(x)^2'], ['\\sin^{-1} x', 'asin(x)'],
    ['\\tanh^{-1}x', 'atanh(x)'], ['\\arcsin x', 'asin(x)'], ['\\arccos(x)', 'acos(x)'], ['\\arctan x', 'atan(x)'],
    ['\\sinh x + \\cosh x', 'sinh(x) + cosh(x)'], ['\\coth x', 'coth(x)'], ['\\sec x\\csc x\\cot x', 'sec(x)*csc(x)*cot(x)'],
    ['\\operatorname{sech}x', 'sech(x)'], ['\\operatorname{arsinh}(x)', 'asinh(x)'], ['\\mathrm{sinh}(x)', 'sinh(x)'],
    ['\\operatorname{softplus}(x)', 'softplus(x)'], ['\\operatorname{ReLU}(x)', 'relu(x)'], ['\\operatorname{erf}(x)', 'erf(x)'],
    ['\\sigma(x)', 'sigmoid(x)'], ['\\sigma x', 'sigma*x'], ['\\Gamma(x)', 'gamma(x)'], ['\\psi(x)', 'digamma(x)'],
    ["f'\\left(x\\right)", "f'(x)"], ['f^{(4)}\\left(x\\right)', "f''''(x)"], ['\\partial_{1}\\partial_{2} f\\left(x, y\\right)', 'D12f(x, y)'],
    ['\\max\\left(x, 0\\right)', 'max(x, 0)'], ['x²', 'x^2'],
  ])('%s reads as %s', (input, text) => expect(latex(input)).toBe(text));

  it('is recognised by a command or ^{ or _{, and says so', () => {
    for (const input of ['\\frac{1}{x}', 'e^{2x}', 'w_{1}x']) {
      const r = read(input);
      expect(r.notation, input).toBe('latex');
      expect(r.notes).toContain('read as LaTeX');
    }
    expect(read('x^2 + 1').notation).toBe('text');
    expect(read('\\frac{1}{x}', { notation: 'latex' }).notes).not.toContain('read as LaTeX');
  });

  it('refuses a power after a fraction that is a function\'s argument, which TeX sets on the fraction', () => {
    const error = readErrorOf('\\cos \\frac{x}{2}^2');
    expect([error.message, error.column]).toEqual([expect.stringMatching(/^TeX sets this power on the fraction, not on the function/), 17]);
    expect(toText(read('\\cos\\left(\\frac{x}{2}\\right)^2').expr)).toBe('cos(x/2)^2');
    expect(toText(read('\\frac{x}{2}^2').expr)).toBe('(x/2)^2');
  });

  it('reads valid LaTeX it used to refuse: a blank \\right., spacing commands, bold names, ∂f/∂x alone', () => {
    const text = (input: string) => toText(read(input).expr);
    expect(text('\\left(x + 1\\right.^2')).toBe('(x + 1)^2');
    expect(text('\\left. x^2 \\right)')).toBe('x^2');
    expect(text('2\\thinspace x\\medspace y')).toBe('2*x*y');
    expect(text('\\mathbf{x}^2')).toBe('x^2');
    expect(read('\\boldsymbol{w} x').notes).toContain('\\boldsymbol{w} is read as the name w, a number, not a vector');
    expect(toText(differentiate('\\frac{\\partial f}{\\partial x}').result)).toBe("f'(x)");
    expect(readErrorOf('\\left| x \\right.').message).toBe('\\left| … \\right. has no closing bar: write \\right| for an absolute value');
  });

  it('reads a textbook\'s numbers as TeX sets them: a number after a bracket or a power, thousands grouped by {,}', () => {
    expect(latex('(5x-9)^3 4\\cos(4x+1)')).toBe('(5*x - 9)^3*4*cos(4*x + 1)');
    expect(latex('\\tan(5x)8(4x+1)')).toBe('tan(5*x)*8*(4*x + 1)');
    expect(latex('(x^2+3)1')).toBe('(x^2 + 3)*1');
    expect(latex('\\left(x+1\\right)2')).toBe('(x + 1)*2');
    expect(latex('1{,}100x + 2{,}500{,}000')).toBe('1100*x + 2500000');
    expect(read('1{,}100x').notation).toBe('latex');
    const error = readErrorOf('1{,}10x');
    expect([error.message, error.column]).toEqual(['{,} separates thousands, before groups of three digits, as in 1{,}100: for a decimal write a point, as in 1.5', 3]);
    // Text still refuses a number after a bracket: (x + 1)2 may be (x + 1)^2 mistyped.
    expect(readErrorOf('(x+1)2').message).toMatch(/found '2'/);
  });

  it('reads a name applied to the variable of the derivative around it as a function of it', () => {
    const derivative = (input: string) => toText(differentiate(input).result);
    expect(derivative('\\frac{d\\theta(x)}{dx}')).toBe("theta'(x)");
    expect(read('\\frac{d\\theta(x)}{dx}').notes).toContain('theta(x) is read as a function theta of x, as the derivative of it asks');
    expect(derivative('d/dt y(t)')).toBe("y'(t)");
    // Only the name applied to the variable, and nothing else: y(x)^2 is y·x², as it says.
    expect(derivative('d/dx y(x)^2')).toBe('2*x*y');
    expect(derivative('d/dx e(x)')).toBe('e');
    // A Greek letter declared a function by its name is one in LaTeX and in text.
    for (const input of ['\\theta(x)^2', 'θ(x)^2', 'theta(x)^2']) {
      expect(toText(differentiate(input, { abstractFunctions: ['theta'] }).result), input).toMatch(/^2\*(theta|θ)'\(x\)\*(theta|θ)\(x\)$/);
    }
  });

  it('locates errors in the LaTeX source and names the nearest command', () => {
    expect(readErrorOf('\\sine x').message).toBe('unknown command \\sine — did you mean \\sin?');
    expect(readErrorOf('\\frac{1}{1+e^{-x}')).toMatchObject({ message: "this '{' is never closed: add a '}'", column: 9 });
    expect(readErrorOf('\\left(x+1')).toMatchObject({ message: "this '\\left(' is never closed: add a ')'", column: 1 });
    expect(readErrorOf('x + \\frac{1}{}').column).toBe(14);
  });

  it('reads back what dydx prints as LaTeX: every golden answer and every function', () => {
    const answers = [
      ...classics.map(([, input, variable]) => differentiate(input, { variable }).result),
      ...functionNames.flatMap((name) => {
        const d = differentiate(functionExample(name));
        return [d.input, d.result];
      }),
    ];
    for (const e of answers) {
      const printed = toLatex(e);
      expect(equals(read(printed, { notation: 'latex' }).expr, asLatexReadsIt(e)), `${toText(e)}: ${printed}`).toBe(true);
    }
  });
});
