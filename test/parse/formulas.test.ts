import { describe, expect, it } from 'vitest';
import { read } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { checkDerivative } from '../../src/check/check.js';
import { dependsOn } from '../../src/expr/traverse.js';

/*
 * Formulas as people write them, in textbooks, lecture notes and papers (activations, losses,
 * physics), in LaTeX and as typed into a calculator, each with the reading expected of it.
 * Those in x are differentiated by x, and the answer checked against finite differences.
 */

const formulas: [written: string, reading: string][] = [
  ['\\sigma(x) = \\frac{1}{1+e^{-x}}', '1/(1 + exp(-x))'],
  ['\\operatorname{softplus}(x) = \\ln(1+e^x)', 'log(1 + exp(x))'],
  ['\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}', '(exp(x) - exp(-x))/(exp(x) + exp(-x))'],
  ['\\mathrm{ReLU}(x) = \\max(0, x)', 'max(0, x)'],
  ['x\\,\\sigma(x)', 'x*sigmoid(x)'],
  ['\\frac{x}{1+e^{-x}}', 'x/(1 + exp(-x))'],
  ['x \\tanh(\\ln(1 + e^{x}))', 'x*tanh(log(1 + exp(x)))'],
  ['\\frac{x}{1+|x|}', 'x/(1 + abs(x))'],
  ['\\frac{1}{2}x\\left(1+\\operatorname{erf}\\left(\\frac{x}{\\sqrt{2}}\\right)\\right)', '1/2*x*(1 + erf(x/sqrt(2)))'],
  ['0.5x(1+\\tanh(\\sqrt{2/\\pi}(x+0.044715x^3)))', '0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))'],
  ['-y\\log(\\hat{y}) - (1-y)\\log(1-\\hat{y})', '-y*log(y_hat) - (1 - y)*log(1 - y_hat)'],
  ['-[y \\ln \\sigma(wx+b) + (1-y)\\ln(1-\\sigma(wx+b))]', '-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))'],
  ['\\frac{1}{2}(y - wx - b)^2', '1/2*(y - w*x - b)^2'],
  ['(y - \\hat y)^2', '(y - y_hat)^2'],
  ['\\log(1 + e^{-y w x})', 'log(1 + exp(-y*w*x))'],
  ['\\max(0, 1 - y(wx+b))', 'max(0, 1 - y*(w*x + b))'],
  ['\\ln\\left(e^{a} + e^{b}\\right)', 'log(exp(a) + exp(b))'],
  ['\\frac{e^{x}}{e^{x} + e^{y}}', 'exp(x)/(exp(x) + exp(y))'],
  ['\\frac{1}{2}mv^2', '1/2*m*v^2'],
  ['mgh', 'm*g*h'],
  ['\\frac{1}{2}kx^2', '1/2*k*x^2'],
  ['-\\frac{GMm}{r}', '-G*M*m/r'],
  ['A\\sin(\\omega t + \\phi)', 'A*sin(omega*t + phi)'],
  ['A e^{-\\gamma t}\\cos(\\omega t)', 'A*exp(-gamma*t)*cos(omega*t)'],
  ['\\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}', '1/(sigma*sqrt(2*pi))*exp(-(x - mu)^2/(2*sigma^2))'],
  ['\\frac{q_1 q_2}{4\\pi\\varepsilon_0 r^2}', 'q1*q2/(4*pi*epsilon0*r^2)'],
  ['x_0 + v_0 t + \\frac{1}{2} a t^2', 'x0 + v0*t + 1/2*a*t^2'],
  ['\\frac{h c}{\\lambda}', 'h*c/lambda'],
  ['N_0 e^{-\\lambda t}', 'N0*exp(-lambda*t)'],
  ['\\frac{L}{1+e^{-k(x-x_0)}}', 'L/(1 + exp(-k*(x - x0)))'],
  ['\\frac{1}{2}\\rho v^2 C_d A', '1/2*rho*v^2*C_d*A'],
  ['\\sqrt{x^2 + y^2}', 'sqrt(x^2 + y^2)'],
  ['\\frac{\\sin x}{x}', 'sin(x)/x'],
  ['x^x', 'x^x'],
  ['\\sqrt[3]{x^2 + 1}', 'cbrt(x^2 + 1)'],
  ['\\frac{d}{dx}\\left(x^3 - 2x\\right)', 'x^3 - 2*x'],
  ['\\frac{d^2}{dx^2}\\sin(2x)', 'sin(2*x)'],
  ['\\arctan\\frac{y}{x}', 'atan(y/x)'],
  ['\\ln\\lvert\\cos x\\rvert', 'log(abs(cos(x)))'],
  ['e^{\\sin x}', 'exp(sin(x))'],
  ['\\left(1 + \\frac{1}{x}\\right)^{x}', '(1 + 1/x)^x'],
  ['\\frac{\\ln x}{x^2}', 'log(x)/x^2'],
  ['\\log_{2}(x^2+1)', 'log2(x^2 + 1)'],
  ['x^2e^{-x}', 'x^2*exp(-x)'],
  ['2^{3x}', '2^(3*x)'],
  ['10^{-x}', '10^(-x)'],
  ['y = 3x^2 - 2x + 1', '3*x^2 - 2*x + 1'],
  ['f(x) = x\\sin x', 'x*sin(x)'],
  ['sin x', 'sin(x)'],
  ['sinx', 'sin(x)'],
  ['sin^2 x + cos^2 x', 'sin(x)^2 + cos(x)^2'],
  ['sin^-1 x', 'asin(x)'],
  ['2sinxcosx', '2*sin(x)*cos(x)'],
  ['x^2 sin x', 'x^2*sin(x)'],
  ['e^(2x)', 'exp(2*x)'],
  ['ln(x^2 + 1)', 'log(x^2 + 1)'],
  ['sqrt(1 - x^2)', 'sqrt(1 - x^2)'],
  ['1/(1+e^(-x))', '1/(1 + exp(-x))'],
  ['tan^-1(x/2)', 'atan(x/2)'],
  ['|x - 1|', 'abs(x - 1)'],
  ['d/dx x^3', 'x^3'],
  ['d²/dx² e^(3x)', 'exp(3*x)'],
  ['x³ − 2x² + x', 'x^3 - 2*x^2 + x'],
  ['e⁻ˣ sin x', 'exp(-x)*sin(x)'],
  ['cos(3x)/x', 'cos(3*x)/x'],
  ['(x^2+1)/(x-1)', '(x^2 + 1)/(x - 1)'],
];

describe('formulas as people write them', () => {
  it('are at least sixty', () => expect(formulas.length).toBeGreaterThanOrEqual(60));

  it.each(formulas)('%s reads as %s', (written, reading) => {
    const r = read(written);
    expect(toText(r.expr)).toBe(reading);
    if (!dependsOn(r.expr, 'x') || (r.request.variable ?? 'x') !== 'x') return;
    const d = differentiate(written, { variable: 'x' });
    expect(checkDerivative(d).verdict, written).not.toBe('failed');
  });

  it('refuses what has no reading, saying what to write instead', () => {
    expect(() => read('\\begin{cases}x & x>0\\\\ 0 & x\\le 0\\end{cases}')).toThrow(/\\begin\{cases\}: .* write the pieces with functions such as max, relu or heaviside/);
  });
});
