import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { implicit } from '../../src/multivariate/implicit.js';
import { toText } from '../../src/print/linear.js';
import { parse } from '../../src/parse/parse.js';
import { simplify } from '../../src/simplify/simplify.js';

const derivative = (input: string, order = 1, variable = 'x', form?: 'factored'): string =>
  toText(differentiate(input, { order, variable, ...(form ? { form } : {}) }).result);

describe('answers as a textbook prints them', () => {
  it.each([
    // Lowest terms, the denominator a power of its factor, written as the input has it.
    ['1/(1+x^2)', 2, '(6*x^2 - 2)/(1 + x^2)^3'],
    ['x/(x^2+1)', 2, '(2*x^3 - 6*x)/(x^2 + 1)^3'],
    ['x*y/(x^2 + y^2 + 1)^3', 1, '(y^3 + y - 5*x^2*y)/(x^2 + y^2 + 1)^4'],
    // Absolute values and signs where they hold.
    ['log(abs(x))', 2, '-1/x^2'],
    ['x/abs(x)', 1, '0'],
    ['abs(x)^3', 2, '6*abs(x)'],
    // A minus sign in front, not in the denominator.
    ['atan(1/x)', 1, '-1/(x^2 + 1)'],
    ['atan(2*x)', 1, '2/(1 + 4*x^2)'],
    // The same sum in two orders cancels; exponentials multiply.
    ['log(exp(x)/(exp(x)+exp(y)))', 1, 'exp(y)/(exp(y) + exp(x))'],
    ['(exp(x) - exp(-x))/(exp(x) + exp(-x))', 1, '4/(exp(x) + exp(-x))^2'],
    ['exp(x)/(exp(x)+exp(2x))', 1, '-sigmoid(x)*(1 - sigmoid(x))'],
    // Equal terms added, σ·σ written σ², roots of numbers together.
    ['mish(x)', 2, 'sigmoid(x)*(1 - tanh(softplus(x))^2)*(2 + x*(1 - sigmoid(x)) - 2*x*sigmoid(x)*tanh(softplus(x)))'],
    ['gelu(x)', 2, 'exp(-x^2/2)*(2 - x^2)/sqrt(2*pi)'],
    // Like terms added where the sum's normal form as a whole is no simpler.
    ['log(x)*(x + 1) + x^2 + x^2', 1, '(x + 1)/x + log(x) + 4*x'],
    ['log(exp(1 - x)^2*x - x*x - x*x)', 1, '(exp(2 - 2*x)*(1 - 2*x) - 4*x)/(x*(exp(2 - 2*x) - 2*x))'],
    // A denominator stays a product; a quotient with a quotient in its numerator is split into
    // terms, each in lowest terms, where the quotient as it stood was not.
    ['log(x)/(x^2 + 1)', 1, '(x^2 + 1 - 2*x^2*log(x))/(x*(x^2 + 1)^2)'],
    ['sqrt(x)/x', 2, '3/(4*x^2*sqrt(x))'],
    ['log(1 + x^2)/x', 1, '2/(x^2 + 1) - log(1 + x^2)/x^2'],
    ['log(1 + x)/x', 2, '2*log(1 + x)/x^3 - 1/(x*(x + 1)^2) - 2/(x^2*(x + 1))'],
    // An exponential taken out of a sum wherever that is shorter.
    ['exp(x^2)*x', 1, 'exp(x^2)*(2*x^2 + 1)'],
    ['exp(2x)*cos(3x)', 1, 'exp(2*x)*(2*cos(3*x) - 3*sin(3*x))'],
    ['2^(x^2)', 2, '2*log(2)*2^x^2*(2*x^2*log(2) + 1)'],
    // A minus sign in front of a quotient rather than in each term above.
    ['sin(x)/(x + 6)', 2, '-(sin(x)*(x^2 + 12*x + 34) + 2*cos(x)*(x + 6))/(x + 6)^3'],
    ['x^2/sqrt(x + 1)', 3, '-(3*x^2 + 12*x + 24)/(8*sqrt(x + 1)^7)'],
    // No minus sign in front of a sum of terms with minus signs.
    ['cot(x)^2', 2, '2*(csc(x)^4 + 2*cot(x)^2*csc(x)^2)'],
    ['asin(x)/x', 2, '1/sqrt(1 - x^2)^3 - 2/(x^2*sqrt(1 - x^2)) + 2*asin(x)/x^3'],
    // Like terms added where that is simpler than the normal form, which puts all over one denominator.
    ['93*x^7*atan(x) + 11*x^7*atan(x)', 1, '104*(7*x^6*atan(x) + x^7/(1 + x^2))'],
    // Quotients over one denominator added, in a sum of many denominators.
    ['4/(x^2 + 5) + 5/(x^2 + 5) + log(x)/(x + 6) + atan(x)/(x + 7) + sin(x)/(x + 8) + x^2 + x^3 + x^4 + x^5', 1,
      '((x + 6)/x - log(x))/(x + 6)^2 + ((x + 7)/(1 + x^2) - atan(x))/(x + 7)^2 + (cos(x)*(x + 8) - sin(x))/(x + 8)^2 + 2*x + 3*x^2 + 4*x^3 + 5*x^4 - 18*x/(x^2 + 5)^2'],
    // Factors of one base multiplied into one power where the normal form, multiplying out the rest, is no simpler.
    ['x*x*tanh(x)', 1, '2*x*tanh(x) + x^2*(1 - tanh(x)^2)'],
    ['sin(x)*tanh(x)*sin(x)', 1, '2*cos(x)*sin(x)*tanh(x) + sin(x)^2*(1 - tanh(x)^2)'],
    // Mish with its softplus written out: σ where the exponential stands alone, the one within the logarithm left.
    ['x*tanh(log(1 + exp(x)))', 1, 'tanh(log(1 + exp(x))) + x*sigmoid(x)*(1 - tanh(log(1 + exp(x)))^2)'],
    ['x*tanh(log(1 + exp(x)))', 2, 'sigmoid(x)*(1 - tanh(log(1 + exp(x)))^2)*(2 + x*(1 - sigmoid(x)) - 2*x*tanh(log(1 + exp(x)))*sigmoid(x))'],
    // Compositions with inverses, where they hold.
    ['sin(asin(x))', 1, '1'],
    ['7^(log(x,7))', 1, '1'],
    ['log(x^k)', 1, 'k/x'],
    ['asec(1/x)', 1, '-1/sqrt(1 - x^2)'],
    ['acos(2x - 1)', 1, '-1/sqrt(x - x^2)'],
    // A power of 1 − x² joined to its root, though elsewhere it is kept as −(x² − 1).
    ['x*sqrt(1 - x^2) + asin(x)', 1, '2*sqrt(1 - x^2)'],
    ['x/sqrt(1 - x^2)', 1, '1/sqrt(1 - x^2)^3'],
    ['sqrt(1 - x^2)', 2, '-1/sqrt(1 - x^2)^3'],
    // A sum with a square root in it cancels against itself.
    ['log(x + sqrt(x^2 + 1))', 1, '1/sqrt(x^2 + 1)'],
    ['log(x + sqrt(x^2 - 1))', 2, '-x/sqrt(x^2 - 1)^3'],
    ['(x + sqrt(x^2 + 1))^5', 1, '5*(x + sqrt(x^2 + 1))^5/sqrt(x^2 + 1)'],
    ['1/(x + sqrt(x^2 - 1))', 1, '-1/(sqrt(x^2 - 1)*(x + sqrt(x^2 - 1)))'],
    ['asin(x)/sqrt(1 - x^2)', 1, '(x*asin(x) + sqrt(1 - x^2))/sqrt(1 - x^2)^3'],
    // Sums over a root in lowest terms: a whole power of the base is one of its root, and the root
    // comes out of a numerator whose terms without it are a multiple of the base.
    ['asin(x)/sqrt(1 - x^2)', 3, '(asin(x)*(6*x^3 + 9*x) + sqrt(1 - x^2)*(11*x^2 + 4))/sqrt(1 - x^2)^7'],
    ['asin(x)*sqrt(1 - x^2)', 3, '-(sqrt(1 - x^2)*(x^2 + 2) + 3*x*asin(x))/sqrt(1 - x^2)^5'],
    ['(1 + sqrt(2*x + 1))/(2*x + 1)', 2, '(8 + 3*sqrt(2*x + 1))/(2*x + 1)^3'],
    ['(x + sqrt(3 - 2*x))/(3 - 2*x)', 3, '3*(24 + 5*sqrt(3 - 2*x))/(2*x - 3)^4'],
    // A product of canonical factors joined to the root of that product: x(x − 1)·√(x − x²) is −√(x − x²)³.
    ['acos(2x - 1)', 2, '(1 - 2*x)/(2*sqrt(x - x^2)^3)'],
    ['1/sqrt(x^2 + x)', 2, '(8*x^2 + 8*x + 3)/(4*sqrt(x^2 + x)^5)'],
    // Terms grouped by their functions, each group's polynomial written whole.
    ['x^2*sin(x)', 2, 'sin(x)*(2 - x^2) + 4*x*cos(x)'],
    ['(exp(x) - 1)/x', 3, '(exp(x)*(x^3 - 3*x^2 + 6*x - 6) + 6)/x^4'],
    ['sin(x)/x', 2, '(sin(x)*(2 - x^2) - 2*x*cos(x))/x^3'],
    ['(exp(x) + sqrt(4 - x^2))/(4 - x^2)', 1, '(exp(x)*(4 + 2*x - x^2) + x*sqrt(4 - x^2))/(x^2 - 4)^2'],
    // A term without a minus sign first; a polynomial in one variable from its number up where its
    // highest term has one; the terms without functions as that polynomial is written.
    ['sin(x)^3', 2, '3*(2*cos(x)^2*sin(x) - sin(x)^3)'],
    ['cos(x)^2*sin(x)', 1, 'cos(x)^3 - 2*cos(x)*sin(x)^2'],
    ['exp(x)/sqrt(4 - x^2)', 1, 'exp(x)*(4 + x - x^2)/sqrt(4 - x^2)^3'],
    ['asin(x)/sqrt(4 - x^2)', 2, '(asin(x)*sqrt(1 - x^2)*(4 - 2*x^2 - 2*x^4) + 3*x^5 - 18*x^3 + 24*x)/(sqrt(1 - x^2)^3*sqrt(4 - x^2)^5)'],
    ['x^2/sqrt(2*x + 1)^3', 3, '(3*x^2 + 18*x - 18)/sqrt(2*x + 1)^9'],
    ['exp(x)*sqrt(1 - x^2)', 2, 'x*exp(x)*(x^3 + 2*x^2 - 2*x - 2)/sqrt(1 - x^2)^3'],
    // An orthogonal polynomial of a small whole degree written out, and its derivative with it.
    ['hermite(3, x)', 1, '24*x^2 - 12'],
    ['legendre(5, x)', 1, '(315*x^4 - 210*x^2 + 15)/8'],
    ['laguerre(0, x)', 1, '0'],
    ['chebyshevu(1, x^2 + 1)', 1, '4*x'],
    ['hermite(11, x)', 1, '2*x*hermite(11, x) - hermite(12, x)'],
    // A polynomial in one variable from its highest degree down, its sign, where it starts with one,
    // in front of the product it stands in.
    ['sin(x)*sqrt(1 - x^2)', 2, '(2*x*cos(x)*(x - 1)*(x + 1) - sin(x)*(x^4 - 2*x^2 + 2))/sqrt(1 - x^2)^3'],
    ['sqrt(1 - x^2)^3*x', 3, '(-24*x^4 + 36*x^2 - 9)/sqrt(1 - x^2)^3'],
    // A minus sign in front of a quotient over a sum all of whose terms have one, and none twice.
    ['sin(sqrt(x))', 2, '-(sin(sqrt(x)) + cos(sqrt(x))/sqrt(x))/(4*x)'],
    ['sqrt(x - 1)^3*asin(x)', 3, 'sqrt(1 - x^2)*(3*asin(x)*sqrt(1 - x^2)*(x - 1)*(x + 1)^2 + 2*(x - 1)^2*(x^2 - 13))/(8*sqrt(x - 1)^7*(x + 1)^3)'],
    // In lowest terms though the cancelled form is no shorter: e^x − e^(3x) = e^x(1 − e^x)(1 + e^x).
    ['exp(x)/(1 + exp(x))^2', 1, 'sigmoid(x)*(1 - sigmoid(x))*(1 - 2*sigmoid(x))'],
    // A quotient of roots in lowest terms: (x² − 1) cancels against ∛(x² − 1)⁸.
    ['cbrt(x)*cbrt(1 - x^2)/(sqrt(1 - x^2)*sqrt(1 - x^2))', 1, '-(3*x^2 + 1)/(3*cbrt(x)^2*cbrt(x^2 - 1)^5)'],
  ])('d/dx %s, order %i = %s', (input, order, expected) => {
    expect(derivative(input, order)).toBe(expected);
  });

  it('adds like terms in a long sum, which is put in normal form group by group', () => {
    const others = 'exp(2*x) + sin(3*x) + x^2*cos(5*x) + tan(7*x) + sinh(4*x) + cosh(6*x) + x*log(x)';
    const answer = derivative(`93*x^7*atan(x) + 11*x^7*atan(x) + ${others}`);
    expect(answer).toContain('104*(7*x^6*atan(x) + x^7/(1 + x^2))');
    expect(answer).not.toContain('/(x^2 + 1)');
  });

  it('leaves terms that share only a power of x apart, but takes out a part common to all', () => {
    // Eight terms of four functions and a power of x: x is not taken out of all of them.
    expect(derivative('x^2*tan(3x+1) + x^3*tan(2x) + x^4*tan(x) + x^2*exp(3x) + 5x^3')).toBe(
      '2*x*tan(3*x + 1) + 3*x^2*sec(3*x + 1)^2 + 3*x^2*tan(2*x) + 2*x^3*sec(2*x)^2 + 4*x^3*tan(x) + x^4*sec(x)^2 + x*exp(3*x)*(3*x + 2) + 15*x^2');
    // A power of x out of terms of two functions, and e^x out of terms of four.
    expect(derivative('x^4*log(x)')).toBe('x^3*(1 + 4*log(x))');
    expect(derivative('exp(x)*sin(x)*cos(x)*tan(x)')).toMatch(/^exp\(x\)\*\(/);
  });

  it('keeps sec(u)² where the identity for it merely moves terms', () => {
    // 3·(4x³·tan(u) + 2x⁴·sec(u)²) + 5x⁴ has three terms as written, as 6x⁴·tan(u)² + 12x³·tan(u) + 11x⁴ has.
    const answer = derivative('3x^4*tan(2x+1) + 2x^5*tan(x+7) + x^3*sin(x) + x^2*exp(x) + 7x^6*tan(3x) + x^5 + x*log(x) + x^2*atan(x) + 4x^3*exp(2x)');
    expect(answer).toContain('sec(2*x + 1)^2');
    expect(answer).not.toContain('tan(2*x + 1)^2');
    expect(answer).toContain('5*x^4');
  });

  it('adds equal products whose sums are written in two orders', () => {
    // The product rule's two terms u′·v′ and v′·u′, one of them written by the normal form.
    const answer = derivative('(sin(x)*x - y*2 - csc(x))*(tanh(x)*sin(x) - x - csc(x)*sin(x)*tanh(x)^2)', 2);
    expect(answer).toMatch(/^2\*\(x\*cos\(x\) \+ sin\(x\) \+ cot\(x\)\*csc\(x\)\)\*\(/);
    expect(answer).not.toContain('(sin(x) + x*cos(x) + cot(x)*csc(x))');
  });

  it('writes the factored form with the positive terms first', () => {
    expect(derivative('x^2*sin(x)', 2, 'x', 'factored')).toBe('4*x*cos(x) + 2*sin(x) - x^2*sin(x)');
    expect(derivative('1/(1+x^2)', 2, 'x', 'factored')).toBe('2*(3*x^2 - 1)/(x^2 + 1)^3');
  });

  it('cancels a common factor where the quotient in lowest terms is no shorter', () => {
    const simplified = (input: string): string => toText(simplify(parse(input), { form: 'exp' }));
    expect(simplified('(exp(x) - exp(3*x))/(1 + exp(x))^4')).toBe('exp(x)*(1 - exp(x))/(1 + exp(x))^3');
    expect(simplified('(y - y^3)/(1 + y)^4')).toBe('y*(1 - y)/(y + 1)^3');
  });

  it('reduces implicit derivatives', () => {
    expect(toText(implicit('(3x^2+2y^3)^4=2').result)).toBe('-x/y^2');
    expect(toText(implicit('log(x^2+y^2)=e').result)).toBe('-x/y');
  });
});
