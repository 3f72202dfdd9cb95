import type { Token, TokenType } from './lexer.js';
import * as p from './postprocess.js';
import type { Value, Whole } from './postprocess.js';

/*
 * Most inputs use a small part of the grammar: numbers, names, calls with brackets, + − · / ^,
 * brackets, and factors written side by side (2x, x sin(x)). That part is read here directly,
 * one token at a time, by the rules of grammar/dydx.ne for those tokens and with its own
 * postprocessors, so the value is the one the Earley parse builds, and reading an input of the
 * benchmark's corpus takes a quarter of the time (the Earley parser predicts about 60 states per
 * token). Anything else — a function applied without brackets (sin x), superscripts, primes,
 * bars, square brackets, vectors, matrix notation — and every input with an error is declined,
 * and read by the grammar itself, which words the errors.
 */

/** Deepest nesting of brackets and signs read here; deeper inputs are read by the grammar, which needs no stack. */
const maxNesting = 200;

/** Why a reading stopped: the input is outside the part read here. */
const declined = Symbol('declined');

/**
 * The value the grammar's postprocessors build for these tokens, or undefined where the input
 * uses more of the grammar than is read here, or has an error.
 */
export function readDirectly(tokens: readonly Token[]): Value | Whole | undefined {
  try {
    return new DirectReader(tokens).input();
  } catch {
    // Declined, or a postprocessor's own error (sin(x, y)): the grammar reads it again and says so.
    return undefined;
  }
}

class DirectReader {
  private at = 0;
  private nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** input -> sum | sum = sum */
  input(): Value | Whole {
    const left = this.sum();
    const equals = this.take('equals');
    const whole = equals === undefined ? left : p.equation([left, equals, this.sum()]);
    if (this.at !== this.tokens.length) throw declined;
    return whole;
  }

  private peek(): TokenType | undefined {
    return this.tokens[this.at]?.type;
  }

  private take(type: TokenType): Token | undefined {
    return this.tokens[this.at]?.type === type ? this.tokens[this.at++] : undefined;
  }

  private expect(type: TokenType): Token {
    const token = this.take(type);
    if (token === undefined) throw declined;
    return token;
  }

  /** sum -> sum + term | sum − term | term */
  private sum(): Value {
    let sum = this.term();
    for (let type = this.peek(); type === 'plus' || type === 'minus'; type = this.peek()) {
      const operator = this.tokens[this.at++]!;
      sum = (type === 'plus' ? p.plus : p.minus)([sum, operator, this.term()]);
    }
    return sum;
  }

  /** term -> − term | + term | product */
  private term(): Value {
    const from = this.signs();
    return this.signed(from, this.product());
  }

  /** signed -> − signed | + signed | power: the operand after an explicit operator */
  private signedPower(): Value {
    const from = this.signs();
    return this.signed(from, this.power());
  }

  /** exponent -> − exponent | + exponent | postfix */
  private exponent(): Value {
    const from = this.signs();
    return this.signed(from, this.postfix());
  }

  /**
   * The signs before an operand, passed over: where they start. Each is a level of nesting, as
   * in the grammar's rules (− − x is −(−x)), until the operand after them is read.
   */
  private signs(): number {
    const from = this.at;
    for (let type = this.peek(); type === 'minus' || type === 'plus'; type = this.peek()) {
      if (++this.nesting > maxNesting) throw declined;
      this.at++;
    }
    return from;
  }

  /** The operand read after the signs from `from` on, each applied to it, the last sign first. */
  private signed(from: number, operand: Value): Value {
    let value = operand;
    for (let i = this.signsEnd(from) - 1; i >= from; i--) {
      const sign = this.tokens[i]!;
      value = (sign.type === 'minus' ? p.negate : p.unaryPlus)([sign, value]);
      this.nesting--;
    }
    return value;
  }

  /** Where the run of signs from `from` ends. */
  private signsEnd(from: number): number {
    let end = from;
    while (this.tokens[end]?.type === 'minus' || this.tokens[end]?.type === 'plus') end++;
    return end;
  }

  /**
   * product -> closed; closed -> product · signed | product / signed | closed implicit | power.
   * An implicit factor starts with a name or a bracket, never a number (x 2 is an error).
   */
  private product(): Value {
    let product = this.power();
    for (;;) {
      const type = this.peek();
      if (type === 'times' || type === 'divide') {
        const operator = this.tokens[this.at++]!;
        product = (type === 'times' ? p.times : p.divide)([product, operator, this.signedPower()]);
      } else if (type === 'name' || type === 'func' || type === 'lparen') {
        const start = this.tokens[this.at]!.offset;
        product = p.juxtapose([product, p.factorStartingAt(this.powered(this.operand()), start)]);
      } else {
        return product;
      }
    }
  }

  /** power -> raised[postfix] */
  private power(): Value {
    return this.powered(this.postfix());
  }

  /** powered[BASE] -> BASE powers | BASE; powers -> ^ exponent | powers ^ exponent */
  private powered(base: Value): Value {
    let caret = this.take('pow');
    if (caret === undefined) return p.poweredNothing([base]);
    let exponents = p.firstExponent([caret, this.exponent()]);
    while ((caret = this.take('pow')) !== undefined) exponents = p.nextExponent([exponents, caret, this.exponent()]);
    return p.poweredChain([base, exponents]);
  }

  /** postfix -> number | operand */
  private postfix(): Value {
    const number = this.take('number');
    return number === undefined ? this.operand() : p.number([number]);
  }

  /** operand -> name | ( sum ) | func ( arguments ) */
  private operand(): Value {
    const token = this.tokens[this.at];
    if (token?.type === 'name') {
      this.at++;
      return p.name([token]);
    }
    if (token?.type !== 'lparen' && token?.type !== 'func') throw declined;
    if (++this.nesting > maxNesting) throw declined;
    this.at++;
    const value = token.type === 'lparen' ? this.group(token) : this.call(token);
    this.nesting--;
    return value;
  }

  private group(open: Token): Value {
    const inside = this.sum();
    return p.group([open, inside, this.expect('rparen')]);
  }

  /** call -> head ( arguments ), the head a function's name alone (sin^2(x) is read by the grammar) */
  private call(name: Token): Value {
    const head = p.head([name]);
    const open = this.expect('lparen');
    let args = p.firstArgument([this.sum()]);
    for (let comma = this.take('comma'); comma !== undefined; comma = this.take('comma')) args = p.nextArgument([args, comma, this.sum()]);
    return p.call([head, open, args, this.expect('rparen')]);
  }
}
