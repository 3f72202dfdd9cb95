import { describe, expect, it } from 'vitest';
import { AtomIds, atomId, compareAtoms } from '../../src/algebra/atoms.js';
import { parse } from '../../src/parse/parse.js';
import * as build from '../../src/expr/factory.js';
import { rebuildExactly } from '../../src/expr/factory.js';
import { toText } from '../../src/print/linear.js';

describe('atoms', () => {
  it('have one id for equal trees, whichever objects they are, and different ids otherwise', () => {
    expect(atomId(parse('sin(2x + 1)'))).toBe(atomId(parse('sin(2x + 1)')));
    expect(atomId(parse('sin(2x + 1)'))).not.toBe(atomId(parse('sin(2x - 1)')));
    // −2 and −(2) print alike but are different trees: they are different atoms.
    const folded = build.num(build.int(-2).value);
    const unfolded = rebuildExactly(build.neg(build.variable('t')), [build.int(2)]);
    expect(toText(folded)).toBe(toText(unfolded));
    expect(atomId(build.call('sin', [folded]))).not.toBe(atomId(build.call('sin', [unfolded])));
  });

  it('past the table limit get ids spelled from their structure, still one per distinct tree', () => {
    const ids = new AtomIds(3);
    const small = parse('x');
    const a = parse('sin(x^2)');
    const b = parse('sin(x^2)');
    const c = parse('sin(x^3)');
    expect(ids.id(small)).toMatch(/^#/);
    expect(ids.id(a)).toMatch(/^~/);
    expect(ids.id(a)).toBe(ids.id(b));
    expect(ids.id(a)).not.toBe(ids.id(c));
    // An atom interned before the limit keeps its id.
    expect(ids.id(parse('x'))).toBe(ids.id(small));
  });

  it('are written variables first, then constants, powers and functions, each as they read', () => {
    const order = ['sin(x)', 'x^y', 'pi', 'e', 'cos(x)', 'y', 'x', 'f(x)'].map((t) => parse(t)).sort(compareAtoms).map(toText);
    expect(order).toEqual(['x', 'y', 'e', 'pi', 'x^y', 'cos(x)', 'f(x)', 'sin(x)']);
  });
});
