import { describe, expect, it } from 'vitest';
import {
  at, backwardPass, checkAdjoints, checkAnswer, checkDerivative, checkWorking, compile, computationGraph, evaluate, forwardBackward, gradient, implicit, InputError,
  parse, simplify, toLatex, toText, toUnicode,
} from '../src/index.js';

/** The error a call throws, or undefined. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the library refuses wrong arguments in its own words', () => {
  it.each([
    ['evaluate a string', () => evaluate('x^2' as never, { x: 1 }), /^evaluate takes an expression tree, not the text 'x\^2': read it with parse\(\) first$/],
    ['evaluate without values', () => evaluate(parse('x^2'), undefined as never), /^evaluate takes the values of the variables as an object/],
    ['compile a number', () => compile(3 as never), /^compile takes an expression tree, not number$/],
    ['simplify nothing', () => simplify(undefined as never), /^simplify takes an expression tree, not undefined$/],
    ['toText a string', () => toText('x' as never), /^toText takes an expression tree/],
    ['toUnicode null', () => toUnicode(null as never), /^toUnicode takes an expression tree, not null$/],
    ['toLatex a string', () => toLatex('x' as never), /^toLatex takes an expression tree/],
    ['checkAnswer without an answer', () => checkAnswer('x^2', undefined as never), /^checkAnswer's second argument, the answer to check, takes an expression tree, not undefined$/],
    ['checkWorking with a string', () => checkWorking('x^2', '2x' as never), /^checkWorking takes the working as an array of lines of text$/],
    ['checkDerivative of an expression', () => checkDerivative(parse('x') as never), /^checkDerivative takes what differentiate\(\) returns$/],
    ['computationGraph of a number', () => computationGraph(3 as never), /^not an expression: number$/],
    ['forwardBackward of an expression', () => forwardBackward(parse('x') as never, 'x=1'), /^forwardBackward takes what computationGraph\(\) returns$/],
    ['forwardBackward at a number', () => forwardBackward(computationGraph('x'), 1 as never), /^forwardBackward takes a point as text/],
    ['backwardPass of text', () => backwardPass('x' as never), /^backwardPass takes what computationGraph\(\) returns$/],
    ['checkAdjoints of a graph', () => checkAdjoints(computationGraph('x') as never), /^checkAdjoints takes what forwardBackward\(\) or backwardPass\(\) returns$/],
  ])('%s: an InputError, not a TypeError', (_, call, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it('names no option of the command line', () => {
    const messages = [
      () => at('x*y', 'x=2'),
      () => gradient('3'),
      () => forwardBackward(computationGraph('x*y'), 'x=2'),
      () => implicit('x^2 + t^2 = 1'),
      () => implicit('s^2 + y^2 + t^2 = 1'),
    ].map((call) => (thrown(call) as Error).message);
    for (const message of messages) expect(message).not.toMatch(/--/);
    expect(messages[0]).toBe('the point gives no value to y: add y=… to it');
  });
});
