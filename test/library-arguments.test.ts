import { describe, expect, it } from 'vitest';
import {
  at, checkAnswer, checkDerivative, checkWorking, compile, evaluate, gradient, implicit, InputError, parse, simplify, toLatex, toText, toUnicode,
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
  ])('%s: an InputError, not a TypeError', (_, call, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it('names no option of the command line', () => {
    const messages = [
      () => at('x*y', 'x=2'),
      () => gradient('3'),
      () => implicit('x^2 + t^2 = 1'),
      () => implicit('s^2 + y^2 + t^2 = 1'),
    ].map((call) => (thrown(call) as Error).message);
    for (const message of messages) expect(message).not.toMatch(/--/);
    expect(messages[0]).toBe('the point gives no value to y: add y=… to it');
  });
});
