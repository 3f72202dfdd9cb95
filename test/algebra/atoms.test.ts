import { describe, expect, it } from 'vitest';
import { atomKey, compareAtoms } from '../../src/algebra/atoms.js';
import { parse } from '../../src/parse/parse.js';
import * as build from '../../src/expr/factory.js';
import { rebuildExactly } from '../../src/expr/factory.js';
import { toText } from '../../src/print/linear.js';

describe('atoms', () => {
  it('have one id for equal trees, whichever objects they are, and different ids otherwise', () => {
    expect(atomKey(parse('sin(2x + 1)'))).toBe(atomKey(parse('sin(2x + 1)')));
    expect(atomKey(parse('sin(2x + 1)'))).not.toBe(atomKey(parse('sin(2x - 1)')));
    // −2 and −(2) print alike but are different trees: they are different atoms.
    const folded = build.num(build.int(-2).value);
    const unfolded = rebuildExactly(build.neg(build.variable('t')), [build.int(2)]);
    expect(toText(folded)).toBe(toText(unfolded));
    expect(atomKey(build.call('sin', [folded]))).not.toBe(atomKey(build.call('sin', [unfolded])));
  });

  it('have one id for a number written as a decimal and as a fraction, and keep them apart from other atoms', () => {
    expect(atomKey(parse('sin(0.5*x)'))).toBe(atomKey(parse('sin(1/2*x)')));
    expect(atomKey(parse('sin(0.5*x)'))).not.toBe(atomKey(parse('sin(1/3*x)')));
  });

  it('keep their ids for equal trees made before and after the table of trees is emptied, or tell them apart by id and not by value', () => {
    const before = parse('sin(x^2)');
    build.forgetNodes();
    const after = parse('sin(x^2)');
    expect(after).not.toBe(before);
    // Trees made apart are two nodes: the algebra takes them for two atoms, never for one of another value.
    expect(atomKey(after)).not.toBe(atomKey(parse('sin(x^3)')));
    expect(atomKey(after)).toBe(atomKey(parse('sin(x^2)')));
  });

  it('are written variables first, then constants, powers and functions, each as they read', () => {
    const order = ['sin(x)', 'x^y', 'pi', 'e', 'cos(x)', 'y', 'x', 'f(x)'].map((t) => parse(t)).sort(compareAtoms).map(toText);
    expect(order).toEqual(['x', 'y', 'e', 'pi', 'x^y', 'cos(x)', 'f(x)', 'sin(x)']);
  });
});
