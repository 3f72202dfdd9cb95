/** A problem with the user's input, located so a person can find and fix it. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    message: string,
    /** 1-based line of the problem. */
    readonly line: number,
    /** 1-based column of the problem. */
    readonly column: number,
    /** The whole input, for the excerpt. */
    readonly source: string,
    /** When the message says how to declare a name: what to declare, and the message around the advice. */
    readonly advice?: Advice,
  ) {
    super(message);
  }

  /** The message, its advice on declaring a name worded for whoever reads it: the command line's flags, or the page's own fields. */
  messageFor(reader: Reader): string {
    return this.advice ? this.advice.say(declareAdvice(this.advice.declare, reader)) : this.message;
  }

  /**
   * The offending line with a caret under the column; its control characters shown as escapes
   * (\x1b), the caret counting their width, so it stands under the right character still.
   */
  get excerpt(): string {
    const text = (this.source.split(/\r?\n/)[this.line - 1] ?? '').replace(/\t/g, ' ');
    const before = visible(text.slice(0, Math.max(0, this.column - 1)));
    return `${visible(text)}\n${' '.repeat(before.length)}^`;
  }

  /** Message, position and excerpt, as the CLI prints them. */
  format(): string {
    return `${this.message} (line ${this.line}, column ${this.column})\n${indent(this.excerpt)}`;
  }
}

/**
 * Text with its control characters shown as escapes (\x1b, not the character): an input's
 * escape sequences must not reach the terminal through a message that quotes it.
 */
export const visible = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

const indent = (text: string): string => text.split('\n').map((l) => `  ${l}`).join('\n');

/** Line and column (1-based) of a character offset in the source. */
function locate(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** An error at a character offset; with advice, its message is worded for the command line (messageFor gives the page's). */
export function errorAt(source: string, offset: number, message: string | Advice): ParseError {
  const { line, column } = locate(source, offset);
  if (typeof message === 'string') return new ParseError(message, line, column, source);
  return new ParseError(message.say(declareAdvice(message.declare, 'command line')), line, column, source, message);
}

/**
 * Something an input can declare that would make it read: a name as an unknown function or as a
 * variable of several letters, or the shapes of vectors and matrices.
 */
type Declaration =
  | { readonly as: 'function' | 'variable'; readonly name: string; readonly phrase: 'clause' | 'imperative' }
  | { readonly as: 'shapes'; readonly example: readonly string[] };

/** A message with advice in it: what to declare, and the message made from the advice's words. */
export interface Advice {
  readonly declare: Declaration;
  readonly say: (advice: string) => string;
}

/** A message that advises, in brackets, declaring the name a function. */
export const asFunction = (name: string, say: (advice: string) => string): Advice => ({ declare: { as: 'function', name, phrase: 'clause' }, say });

/** Who reads a message: a user of the command line, or of the page (which has fields, not flags). */
export type Reader = 'command line' | 'page';

/**
 * How to declare it, for the reader: the one home of this wording. A clause stands in brackets
 * ("--function foo makes it an unknown function"), an imperative after "or" ("declare it a
 * variable with --vars rate"). The page has no declaration of names: it says what to type instead.
 */
function declareAdvice(d: Declaration, reader: Reader): string {
  if (d.as === 'shapes') {
    return reader === 'page' ? `as in ${d.example.join(', ')} in the Shapes field` : `as in --shape ${d.example.join(',')} (shapes in the library)`;
  }
  if (reader === 'page') {
    return d.as === 'function' ? 'write f, g or h in its place for an unknown function' : 'give the variable a name of one letter';
  }
  const flag = d.as === 'function' ? '--function' : '--vars';
  const what = d.as === 'function' ? 'an unknown function' : 'a variable';
  return d.phrase === 'clause' ? `${flag} ${d.name} makes it ${what}` : `declare it ${d.as === 'function' ? 'a function' : 'a variable'} with ${flag} ${d.name}`;
}
