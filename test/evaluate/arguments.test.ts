import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { compile } from '../../src/evaluate/compile.js';
import { differentiate, type DifferentiateOptions } from '../../src/differentiate/differentiate.js';
import { InputError } from '../../src/errors.js';
import type { Environment } from '../../src/evaluate/evaluate.js';
import type { Expr } from '../../src/expr/types.js';
import * as build from '../../src/expr/factory.js';
import { toText } from '../../src/print/linear.js';
import { thrownBy } from '../helpers/thrown.js';

/* The library checks what it is given: a wrong type or value is an InputError that says so, never a quiet default. */

const refusal = (f: () => unknown): InputError => thrownBy(f, InputError);

describe('the library refuses bad arguments', () => {
  it('gives a variable only a value the point itself has, and only a number', () => {
    const e = parse('x*constructor', { variables: ['constructor'] });
    expect(refusal(() => evaluate(e, { x: 1 })).message).toBe("no value for variable 'constructor'");
    expect(refusal(() => compile(e)({ x: 1 })).message).toBe("no value for variable 'constructor'");
    expect(refusal(() => evaluate(parse('x'), { x: 'a' } as unknown as Environment)).message).toBe("the value of 'x' is not a number: string");
    expect(evaluate(parse('x^2'), { x: 3 })).toBe(9);
  });

  it.each([
    [{ order: '2' }, /the order must be a number or a bigint, got string "2"/],
    [{ form: 'weird' }, /unknown form 'weird': one of auto, expanded, factored, exp/],
    [{ maxNodes: Number.NaN }, /maxNodes must be a whole number of at least 1, got NaN/],
    [{ maxDepth: -3 }, /maxDepth must be a whole number of at least 1, got -3/],
    [{ variable: 7 }, /the variable must be a name, got number/],
  ])('refuses differentiate options %j', (options, message) => {
    expect(refusal(() => differentiate('x^2', options as unknown as DifferentiateOptions)).message).toMatch(message);
  });

  it('refuses a hand-built tree that contains itself or a node that is not one, and takes shared parts', () => {
    const x = build.variable('x');
    const cyclic = { kind: 'add', terms: [x] as Expr[] } as unknown as Expr & { terms: Expr[] };
    cyclic.terms.push(cyclic);
    expect(refusal(() => differentiate(cyclic)).message).toBe('the expression contains itself: a tree built with a cycle has no value');
    expect(refusal(() => differentiate({ kind: 'mul', factors: [x, { kind: 'frobnicate' }] } as unknown as Expr)).message).toBe('not an expression: an object of kind frobnicate');
    const shared = build.call('sin', [x]);
    expect(toText(differentiate(build.mul([shared, shared])).result)).toBe('2*cos(x)*sin(x)');
  });

  it('refuses a call of an unknown function, or with the wrong number of arguments, from the factory or by hand', () => {
    const x = build.variable('x');
    expect(refusal(() => build.call('sin', [x, x])).message).toBe('sin takes 1 argument, not 2');
    expect(refusal(() => build.call('max', [x])).message).toBe('max takes at least 2 arguments, not 1');
    expect(refusal(() => build.call('log', [x, x, x])).message).toBe('log takes 1 to 2 arguments, not 3');
    expect(refusal(() => build.call('frobnicate' as never, [x])).message).toBe("'frobnicate' is not a function dydx knows (an unknown function is built with apply)");
    expect(refusal(() => build.call('toString' as never, [x])).message).toMatch(/^'toString' is not a function/);
    const byHand = { kind: 'call', name: 'sin', args: [x, x], hash: 0, size: 3, depth: 2 } as unknown as Expr;
    expect(refusal(() => differentiate(byHand)).message).toBe('sin takes 1 argument, not 2');
    expect(toText(build.call('max', [x, x, x]))).toBe('max(x, x, x)');
  });

  it('refuses what is neither an expression nor its text', () => {
    expect(refusal(() => differentiate(42 as never)).message).toBe('differentiate takes an expression or its text, got number');
  });
});
