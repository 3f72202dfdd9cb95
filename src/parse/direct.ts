import type { Token, TokenType } from './lexer.js';
import type { Expr } from '../expr/types.js';
import * as build from '../expr/factory.js';
import { checkLimits } from '../errors.js';
import * as p from './postprocess.js';
import type { Input } from './postprocess.js';

/*
 * Most inputs use a small part of the grammar: numbers, names, calls with brackets, + − · / ^,
 * brackets, and factors written side by side (2x, x sin(x)). That part is read here directly,
 * one token at a time, by the rules of grammar/dydx.ne for those tokens, and its tree built as it
 * is read, node for node the tree the grammar's postprocessors build (postprocess.ts): the Earley
 * parser predicts about 60 states per token, and its postprocessors record values to build the
 * tree from afterwards. Anything else — a function applied without brackets (sin x), superscripts,
 * primes, bars, square brackets, vectors, matrix notation — and every input with an error is
 * declined, and read by the grammar itself, which words the errors.
 */

/** Deepest nesting of brackets and signs read here; deeper inputs are read by the grammar, which needs no stack. */
const maxNesting = 200;

/** Why a reading stopped: the input is outside the part read here. */
const declined = Symbol('declined');

/**
 * The input the grammar reads from these tokens, or undefined where the input uses more of the
 * grammar than is read here, or has an error.
 */
export function readDirectly(tokens: readonly Token[]): Input | undefined {
  try {
    return new DirectReader(tokens).input();
  } catch {
    // Declined, or a function's own error (sin(x, y)): the grammar reads it again and says so.
    return undefined;
  }
}

class DirectReader {
  private at = 0;
  private nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** input -> sum | sum = sum */
  input(): Input {
    const left = this.sum();
    const equals = this.take('equals');
    const whole: Input = equals === undefined ? { kind: 'expression', expr: left } : { kind: 'equation', left, right: this.sum(), offset: equals.offset };
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

  /** sum -> sum + term | sum − term | term: one sum of the terms, each after − negated. */
  private sum(): Expr {
    const first = this.term();
    let type = this.peek();
    if (type !== 'plus' && type !== 'minus') return first;
    const terms = [first];
    for (; type === 'plus' || type === 'minus'; type = this.peek()) {
      checkLimits();
      this.at++;
      const term = this.term();
      terms.push(type === 'plus' ? term : build.neg(term));
    }
    return build.add(terms);
  }

  /** term -> − term | + term | product */
  private term(): Expr {
    const from = this.signs();
    return this.signed(from, this.product());
  }

  /** signed -> − signed | + signed | power: the operand after an explicit operator */
  private signedPower(): Expr {
    const from = this.signs();
    return this.signed(from, this.power());
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

  /** The operand read after the signs from `from` on, each minus applied to it, the last sign first (a plus leaves it as it is). */
  private signed(from: number, operand: Expr): Expr {
    let value = operand;
    for (let i = this.signsEnd(from) - 1; i >= from; i--) {
      if (this.tokens[i]!.type === 'minus') value = build.neg(value);
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
   * An implicit factor starts with a name or a bracket, never a number (x 2 is an error). The
   * factors since the last '/' are one product; a quotient is one factor of what follows it.
   */
  private product(): Expr {
    let factors: Expr[] | undefined;
    let product = this.power();
    for (;;) {
      const type = this.peek();
      let factor: Expr;
      if (type === 'times') {
        this.at++;
        factor = this.signedPower();
      } else if (type === 'divide') {
        this.at++;
        product = build.div(factors === undefined ? product : build.mul(factors), this.signedPower());
        factors = undefined;
        continue;
      } else if (type === 'name' || type === 'func' || type === 'lparen') {
        factor = this.powered(this.operand());
      } else {
        return factors === undefined ? product : build.mul(factors);
      }
      if (factors === undefined) factors = [product];
      factors.push(factor);
    }
  }

  /** power -> raised[postfix] */
  private power(): Expr {
    return this.powered(this.postfix());
  }

  /**
   * powered[BASE] -> BASE powers | BASE; powers -> ^ exponent | powers ^ exponent. A chain of
   * powers is built from the right, a^b^c as a^(b^c), and a sign before an exponent covers the
   * rest of the chain: 2^-x^2 is 2^(−(x²)).
   */
  private powered(base: Expr): Expr {
    if (this.peek() !== 'pow') return base;
    const parts = [base];
    const minuses: number[] = [];
    while (this.take('pow') !== undefined) {
      // exponent -> − exponent | + exponent | postfix
      const from = this.signs();
      const end = this.signsEnd(from);
      let count = 0;
      for (let i = from; i < end; i++) if (this.tokens[i]!.type === 'minus') count++;
      parts.push(this.postfix());
      this.nesting -= end - from;
      minuses.push(count);
    }
    let result = parts[parts.length - 1]!;
    for (let j = parts.length - 1; j >= 1; j--) {
      for (let k = 0; k < minuses[j - 1]!; k++) result = build.neg(result);
      result = build.pow(parts[j - 1]!, result);
    }
    return result;
  }

  /** postfix -> number | operand */
  private postfix(): Expr {
    const number = this.take('number');
    return number === undefined ? this.operand() : p.number([number]);
  }

  /** operand -> name | ( sum ) | func ( arguments ) */
  private operand(): Expr {
    const token = this.tokens[this.at];
    if (token?.type === 'name') {
      this.at++;
      return p.name([token]);
    }
    if (token?.type !== 'lparen' && token?.type !== 'func') throw declined;
    if (++this.nesting > maxNesting) throw declined;
    this.at++;
    const value = token.type === 'lparen' ? this.group() : this.call(token);
    this.nesting--;
    return value;
  }

  private group(): Expr {
    const inside = this.sum();
    this.expect('rparen');
    return inside;
  }

  /** call -> head ( arguments ), the head a function's name alone (sin^2(x) is read by the grammar) */
  private call(name: Token): Expr {
    this.expect('lparen');
    const args = [this.sum()];
    while (this.take('comma') !== undefined) args.push(this.sum());
    this.expect('rparen');
    return p.applyFunction(name, args);
  }
}
