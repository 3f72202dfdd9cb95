import { abstractFunctionNames } from '../functions/spellings.js';
import { matrixFunctionSpellings } from '../functions/matrix-table.js';
import { vectorFunctionSpellings } from './vector-functions.js';
import {
  defaultMaxDigits, isGreekLetter, isVariableLike, knownWord, token, variableMeaning, type LexOptions, type Lexed, type Token, type TokenType,
} from './lexer.js';

/*
 * Most inputs are written with digits, letters, + − * / ^ ( ) , and spaces alone, their names
 * variables, e, pi and functions before their brackets. Their tokens are made here in one pass over
 * the characters, exactly as tokenize (lexer.ts) makes them, in a fraction of its time: moo's
 * tokens, the words classified and the checks after them are most of the time it takes to read
 * such an input. Anything else is declined, and tokenize reads it, notes what it notes and words
 * its errors: another character, a line break or a tab; a name that needs a note or a check (sinx,
 * theta_0, f without its bracket, a function without its bracket); a number with an exponent or
 * past the limit on digits; e^2x; brackets that do not match or nest past the limit.
 */

/** The tokens of an input as tokenize makes them, or undefined where the input needs more than is read here. */
export function quickTokens(source: string, options: LexOptions): Lexed | undefined {
  if (options.matrixNotation === true) return undefined;
  const maxDigits = options.maxDigits ?? defaultMaxDigits;
  const tokens: Token[] = [];
  let depth = 0;
  for (let i = 0; i < source.length;) {
    const c = source.charCodeAt(i);
    if (c === space) {
      i++;
      continue;
    }
    let type: TokenType | undefined;
    let end = i + 1;
    let meaning: Token['meaning'];
    if (isDigit(c) || c === dot) {
      end = numberEnd(source, i);
      // A number that is no number ('.' alone), has an exponent (2e5), or may be past the limit: tokenize checks it.
      if (end === i || end - i > maxDigits || startsExponent(source, end)) return undefined;
      // e^2x: refused by tokenize, which says why.
      if (isLetter(source.charCodeAt(end)) && afterCaret(tokens)) return undefined;
      type = 'number';
    } else if (isLetter(c)) {
      while (end < source.length && isWordCharacter(source.charCodeAt(end))) end++;
      const word = source.slice(i, end);
      let next = end;
      while (source.charCodeAt(next) === space) next++;
      const named = wordToken(word, source.charCodeAt(next) === openParen, options);
      if (named === undefined) return undefined;
      type = named.type;
      meaning = named.meaning;
    } else if (c === star && source.charCodeAt(i + 1) === star) {
      type = 'pow';
      end = i + 2;
    } else {
      type = signs[c];
      if (type === undefined) return undefined;
      if (type === 'lparen' && ++depth > options.maxDepth) return undefined;
      if (type === 'rparen' && --depth < 0) return undefined;
    }
    const text = source.slice(i, end);
    tokens.push(token({ type, text, value: text, offset: i, line: 1, col: i + 1 }, type, meaning));
    i = end;
  }
  if (depth !== 0 || tokens.length === 0) return undefined;
  return { tokens, notes: [] };
}

/** What a word's token is, or null where it is declined, by the word, with no names declared: most inputs use a few words, again and again. */
const plainWords = { beforeParen: new Map<string, Named | null>(), elsewhere: new Map<string, Named | null>() };
const mostPlainWords = 10_000;
type Named = Pick<Token, 'type' | 'meaning'>;

/** The token a word makes, where it makes one and needs no note. */
function wordToken(word: string, beforeParen: boolean, options: LexOptions): Named | undefined {
  if (options.abstractFunctions !== undefined || options.variables !== undefined) return nameToken(word, beforeParen, options);
  const known = beforeParen ? plainWords.beforeParen : plainWords.elsewhere;
  let named = known.get(word);
  if (named === undefined) {
    named = nameToken(word, beforeParen, options) ?? null;
    if (known.size < mostPlainWords) known.set(word, named);
  }
  return named ?? undefined;
}

/** The token a word makes, where it makes one and needs no note: the order of classifyWord's tests, for the words read here. */
function nameToken(word: string, beforeParen: boolean, options: LexOptions): Named | undefined {
  // log_2, theta_0, D12f(x, y) and the functions of matrices and vectors: each is read with a check of its own.
  if (word.includes('_') || (word.charCodeAt(0) === capitalD && isDigit(word.charCodeAt(1))) || matrixFunctionSpellings.has(word) || Object.hasOwn(vectorFunctionSpellings, word)) {
    return undefined;
  }
  if (abstractFunctionNames.has(word) || options.abstractFunctions?.has(word) === true) {
    return beforeParen ? { type: 'func', meaning: { kind: 'abstract', name: word, order: 0, by: [], spelling: word } } : undefined;
  }
  const known = knownWord(word, beforeParen);
  // A function without its bracket (sin x, sin^-1 x) may need a note.
  if (known !== undefined) return known.type === 'func' && !beforeParen ? undefined : known;
  if (isGreekLetter(word) || isVariableLike(word) || options.variables?.has(word) === true) return { type: 'name', meaning: variableMeaning(word) };
  return undefined;
}

/** Where a number starting at `from` ends, as the lexer's pattern reads it (exponent aside): 12, 1.5, 2., .5; `from` where none starts. */
function numberEnd(source: string, from: number): number {
  let end = from;
  while (isDigit(source.charCodeAt(end))) end++;
  if (source.charCodeAt(end) !== dot) return end;
  if (end === from && !isDigit(source.charCodeAt(end + 1))) return from;
  end++;
  while (isDigit(source.charCodeAt(end))) end++;
  return end;
}

/** Whether an exponent starts here: e or E, a sign or none, a digit. */
function startsExponent(source: string, at: number): boolean {
  const c = source.charCodeAt(at);
  if (c !== lowerE && c !== upperE) return false;
  const sign = source.charCodeAt(at + 1);
  return isDigit(source.charCodeAt(sign === plusSign || sign === minusSign ? at + 2 : at + 1));
}

/** Whether a number read now is an exponent: after ^, or after ^ and a sign. */
function afterCaret(tokens: readonly Token[]): boolean {
  const last = tokens.at(-1)?.type;
  return last === 'pow' || ((last === 'minus' || last === 'plus') && tokens.at(-2)?.type === 'pow');
}

const space = 0x20;
const dot = 0x2e;
const star = 0x2a;
const openParen = 0x28;
const plusSign = 0x2b;
const minusSign = 0x2d;
const lowerE = 0x65;
const upperE = 0x45;
const capitalD = 0x44;

/** The signs of one character read here, by their code. */
const signs: Readonly<Record<number, TokenType>> = {
  [plusSign]: 'plus', [minusSign]: 'minus', [star]: 'times', 0x2f: 'divide', 0x5e: 'pow', [openParen]: 'lparen', 0x29: 'rparen', 0x2c: 'comma',
};

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isWordCharacter = (c: number): boolean => isLetter(c) || isDigit(c) || c === 0x5f;
