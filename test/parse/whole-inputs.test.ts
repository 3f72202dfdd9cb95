import { describe, expect, it } from 'vitest';
import { readAsEquation, readInput, type Input } from '../../src/parse/parse.js';
import { ParseError } from '../../src/parse/errors.js';
import { toText } from '../../src/print/linear.js';
import { thrownBy } from '../helpers/thrown.js';

/** An input's kind and parts in text, as one readable value. */
function shown(whole: Input): unknown {
  switch (whole.kind) {
    case 'expression': return toText(whole.expr);
    case 'equation': return { equation: [toText(whole.left), toText(whole.right)] };
    case 'vector': return { vector: whole.components.map(toText) };
    case 'vector-function': return { [whole.name]: whole.args.map(shown) };
  }
}
const read = (input: string): unknown => shown(readInput(input).whole);
const refusal = (input: string): [string, number] => {
  const error = thrownBy(() => readInput(input), ParseError);
  return [error.message, error.column];
};

describe('whole inputs, told apart by the grammar', () => {
  it('an equation, a vector of functions and a vector function, each with its parts', () => {
    expect(read('x^2 + y^2 = 25')).toEqual({ equation: ['x^2 + y^2', '25'] });
    expect(read('\\frac{x}{2} = y^2')).toEqual({ equation: ['x/2', 'y^2'] });
    expect(read('[x*y, max(x, y), [x + 1]*2]')).toEqual({ vector: ['x*y', 'max(x, y)', '(x + 1)*2'] });
    expect(read('softmax(z1, 2*z2)')).toEqual({ softmax: ['z1', '2*z2'] });
    expect(read('cross_entropy(softmax(a, b), [1, 0])')).toEqual({ 'cross-entropy': [{ softmax: ['a', 'b'] }, { vector: ['1', '0'] }] });
  });

  it('a bracket with no comma is a bracket, and = after a name at the start names the function', () => {
    expect(read('[x + 1]^2')).toBe('(x + 1)^2');
    expect(readInput('y = x^2').request.label).toEqual({ kind: 'name', name: 'y' });
    expect(read('\\sigma(x) = \\frac{1}{1+e^{-x}}')).toBe('1/(1 + exp(-x))');
  });

  it('a name before = that the other side refers to is one side of an equation', () => {
    expect(read('y = x*y + 1')).toEqual({ equation: ['y', 'x*y + 1'] });
    expect(read('sin(x) = cos(y)')).toEqual({ equation: ['sin(x)', 'cos(y)'] });
    expect(shown(readAsEquation('y = x^2').whole)).toEqual({ equation: ['y', 'x^2'] });
  });

  it('each only ever whole: refused where it stands inside something else', () => {
    expect(refusal('f(x = 2)')[1]).toBe(5);
    expect(refusal('x = y = z')).toEqual(["an equation has one '='", 7]);
    expect(refusal('x + y = 1 = 2')).toEqual(["an equation has one '='", 11]);
    expect(refusal('2*softmax(a, b)')).toEqual([expect.stringMatching(/^softmax is a vector function: type it as the whole input/), 3]);
    expect(refusal('softmax(a, b) + 1')).toEqual(['softmax(…) is a whole input: nothing may come after it', 15]);
    expect(refusal('[x, 1] + [y, 2]')).toEqual(['a vector [f, g, …] is a whole input: nothing may come after it', 8]);
    expect(refusal('d/dx [x, y]')).toEqual(['d/dx goes before an expression, not a vector', 6]);
  });
});
