import moo from 'moo';
import { abstractFunctionNames, functionSpellings, notations, prefixSigns, type Notation } from '../functions/spellings.js';
import type { FunctionName } from '../functions/table.js';
import { errorAt } from './errors.js';
import { closest } from './suggest.js';

/** What a name token stands for. */
export type NameValue = { readonly kind: 'constant'; readonly name: 'e' | 'pi' } | { readonly kind: 'variable'; readonly name: string };
/**
 * What a function token stands for: a table function, notation (pow), or an abstract function
 * (f, g, h, or a name declared one) with a number of primes or the arguments it is differentiated by.
 */
export type FunctionValue =
  | { readonly kind: 'table'; readonly name: FunctionName; readonly spelling: string }
  | { readonly kind: 'notation'; readonly notation: Notation; readonly spelling: string }
  | { readonly kind: 'abstract'; readonly name: string; readonly order: number; readonly by: readonly number[]; readonly spelling: string };

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly value: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  /** Meaning of name, func and superscript tokens, filled in by `classify`. */
  readonly meaning?: NameValue | FunctionValue | bigint;
}

export type TokenType =
  | 'number' | 'sup' | 'name' | 'func' | 'root' | 'plus' | 'minus' | 'times' | 'divide' | 'pow'
  | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'lbar' | 'rbar' | 'comma';

const tokenTypes: ReadonlySet<string> = new Set<TokenType>([
  'number', 'sup', 'name', 'func', 'root', 'plus', 'minus', 'times', 'divide', 'pow',
  'lparen', 'rparen', 'lbracket', 'rbracket', 'lbar', 'rbar', 'comma',
]);

/** Tokens that end an operand: a '|' after one of them closes a '|' that is open, if one is. */
const operandEnds: ReadonlySet<TokenType> = new Set<TokenType>(['number', 'name', 'rparen', 'rbracket', 'rbar', 'sup']);

/** Raw tokens; words and Greek letters are classified afterwards, with a look at what follows. */
const scanner = moo.compile({
  space: { match: /[ \t\r\n\u00a0]+/, lineBreaks: true },
  number: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
  sup: /[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/,
  word: /[A-Za-z][A-Za-z0-9_]*/,
  greek: /[α-ωΑ-Ω]/,
  prime: /['′″‴]+/,
  partial: /(?:∂[₀-₉]+)+/,
  pow: ['**', '^'],
  plus: '+',
  minus: ['-', '−', '–'],
  times: ['*', '·', '×', '⋅'],
  divide: ['/', '÷'],
  root: [...prefixSigns.keys()],
  lparen: '(', rparen: ')', lbracket: '[', rbracket: ']', bar: '|', comma: ',',
  invalid: { match: /[^]/, lineBreaks: true },
});

const greekNames = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'omicron', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
]);

/** Names that read as variables even when a '(' follows: x(x+1) is x·(x+1). */
const isVariableLike = (word: string): boolean =>
  /^[A-Za-z](?:\d+|_[A-Za-z0-9]+)?$/.test(word) || greekNames.has(word) || word === 'pi';

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

export interface LexOptions {
  /** Deepest nesting of brackets accepted. */
  readonly maxDepth: number;
  /** Names read as abstract functions besides f, g and h. */
  readonly abstractFunctions?: ReadonlySet<string>;
}

/** Splits the input into classified tokens, or throws a located ParseError. */
export function tokenize(source: string, options: LexOptions): Token[] {
  scanner.reset(source);
  const raw: moo.Token[] = [];
  for (let t = scanner.next(); t !== undefined; t = scanner.next()) if (t.type !== 'space') raw.push(t);
  const tokens: Token[] = [];
  const open: moo.Token[] = [];
  const abstract = (word: string): boolean => abstractFunctionNames.has(word) || options.abstractFunctions?.has(word) === true;
  // One object per token, made once: long inputs have hundreds of thousands of them.
  const token = (t: moo.Token, type: TokenType, meaning?: Token['meaning']): Token =>
    ({ type, text: t.text, value: t.value, offset: t.offset, line: t.line, col: t.col, meaning });
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    switch (t.type) {
      case 'invalid':
        throw errorAt(source, t.offset, `unexpected character '${String.fromCodePoint(source.codePointAt(t.offset)!)}'`);
      case 'prime':
        throw errorAt(source, t.offset, "only the abstract functions f, g and h take primes, as in f'(x)");
      case 'partial': {
        // ∂₁∂₂f(x, y): the derivatives by the first and second arguments of an abstract function.
        const by = [...t.text.matchAll(/∂([₀-₉]+)/g)].map((m) => Number([...m[1]!].map((c) => subscriptDigits.indexOf(c)).join('')));
        if (next?.type !== 'word' || !abstract(next.text) || raw[i + 2]?.type !== 'lparen' || by.some((k) => k < 1)) {
          throw errorAt(source, t.offset, `${t.text} is a derivative by an argument of a function, as in ∂₁f(x, y): it needs the function and its arguments`);
        }
        tokens.push(token(next, 'func', { kind: 'abstract', name: next.text, order: 0, by, spelling: `${t.text}${next.text}` }));
        i++;
        break;
      }
      case 'word':
      case 'greek': {
        let primes = 0;
        let after = next;
        if (after?.type === 'prime') {
          primes = primeCount(after.text);
          after = raw[i + 2];
        }
        const { type, meaning } = classifyWord(source, t, primes, after?.type === 'lparen', abstract);
        tokens.push(token(t, type, meaning));
        if (primes > 0) i++;
        break;
      }
      case 'sup':
        tokens.push(token(t, 'sup', superscriptValue(t.text)));
        break;
      case 'bar': {
        // |x| is the absolute value: a '|' closes the innermost '|' after an operand, and opens one anywhere else.
        const previous = tokens.at(-1);
        if (previous && operandEnds.has(previous.type) && open.at(-1)?.type === 'bar') {
          open.pop();
          tokens.push(token(t, 'rbar'));
          break;
        }
        open.push(t);
        if (open.length > options.maxDepth) {
          throw errorAt(source, t.offset, `brackets nested too deeply (more than ${options.maxDepth} levels)`);
        }
        tokens.push(token(t, 'lbar'));
        break;
      }
      case 'lparen': case 'lbracket':
        open.push(t);
        if (open.length > options.maxDepth) {
          throw errorAt(source, t.offset, `brackets nested too deeply (more than ${options.maxDepth} levels)`);
        }
        tokens.push(token(t, t.type));
        break;
      case 'rparen': case 'rbracket': {
        const opener = open.pop();
        const wanted = t.type === 'rparen' ? '(' : '[';
        if (!opener) throw errorAt(source, t.offset, `unmatched '${t.text}'`);
        if (opener.text !== wanted) {
          throw errorAt(source, t.offset, `'${t.text}' does not match the '${opener.text}' at line ${opener.line}, column ${opener.col}`);
        }
        tokens.push(token(t, t.type));
        break;
      }
      default:
        tokens.push(token(t, t.type as TokenType));
    }
  }
  const unclosed = open.pop();
  if (unclosed) {
    const closer = unclosed.text === '(' ? ')' : unclosed.text === '[' ? ']' : '|';
    throw errorAt(source, unclosed.offset, `this '${unclosed.text}' is never closed: add a '${closer}'`);
  }
  return tokens;
}

/**
 * What a word is: a table or abstract function (before '('), a derivative of an abstract function
 * by its arguments in text (D12f(x, y) is ∂₁∂₂f(x, y)), the constant e or π, or a variable.
 */
function classifyWord(source: string, t: moo.Token, primes: number, beforeParen: boolean, abstract: (word: string) => boolean): Pick<Token, 'type' | 'meaning'> {
  const word = t.text;
  if (abstract(word) && (beforeParen || primes > 0)) {
    if (!beforeParen) throw errorAt(source, t.offset, `${word}${"'".repeat(primes)} needs an argument, as in ${word}${"'".repeat(primes)}(x)`);
    return { type: 'func', meaning: { kind: 'abstract', name: word, order: primes, by: [], spelling: word } };
  }
  const partial = /^D((?:_\d+)+|\d+)([A-Za-z][A-Za-z0-9_]*)$/.exec(word);
  if (partial && beforeParen && primes === 0 && abstract(partial[2]!)) {
    // Each digit is an argument (D12f), or, past the ninth argument, each number after an underscore (D_1_10f).
    const by = partial[1]!.startsWith('_') ? partial[1]!.slice(1).split('_').map(Number) : [...partial[1]!].map(Number);
    if (by.some((k) => k < 1)) throw errorAt(source, t.offset, `${word}: arguments are numbered from 1, as in D12f(x, y); past the ninth write D_1_10f`);
    return { type: 'func', meaning: { kind: 'abstract', name: partial[2]!, order: 0, by, spelling: word } };
  }
  if (primes > 0) throw errorAt(source, t.offset, "only the abstract functions f, g and h take primes, as in f'(x)");
  const name = functionSpellings.get(word);
  if (name && beforeParen) return { type: 'func', meaning: { kind: 'table', name, spelling: word } };
  const notation = notations.get(word);
  if (notation && beforeParen) return { type: 'func', meaning: { kind: 'notation', notation, spelling: word } };
  // gamma and psi name functions before '(' and are Greek letters elsewhere.
  if ((name || notation) && t.type === 'word' && !greekNames.has(word)) {
    throw errorAt(source, t.offset, `${word} needs its argument in parentheses, as in ${word}(x)`);
  }
  if (word === 'e' || word === 'pi' || word === 'π') {
    return { type: 'name', meaning: word === 'e' ? constantE : constantPi };
  }
  if (beforeParen && t.type === 'word' && !isVariableLike(word)) {
    const suggestion = closest(word, [...functionSpellings.keys(), ...notations.keys()].filter((s) => /^[a-z]/.test(s)));
    throw errorAt(source, t.offset, `unknown function '${word}'${suggestion ? ` — did you mean '${suggestion}'?` : ''}`);
  }
  return { type: 'name', meaning: variableMeaning(word) };
}

const constantE: NameValue = { kind: 'constant', name: 'e' };
const constantPi: NameValue = { kind: 'constant', name: 'pi' };
/** One meaning per variable name, shared by all its tokens. */
const variableMeanings = new Map<string, NameValue>();
function variableMeaning(name: string): NameValue {
  let meaning = variableMeanings.get(name);
  if (!meaning) {
    meaning = { kind: 'variable', name };
    if (variableMeanings.size < 10_000) variableMeanings.set(name, meaning);
  }
  return meaning;
}

const primeCount = (text: string): number =>
  [...text].reduce((n, c) => n + (c === '″' ? 2 : c === '‴' ? 3 : 1), 0);

function superscriptValue(text: string): bigint {
  let value = 0n;
  for (const c of text) {
    const digit = superscriptDigits.indexOf(c);
    if (digit >= 0) value = value * 10n + BigInt(digit);
  }
  return text.startsWith('⁻') ? -value : value;
}

/**
 * The token stream nearley reads; `reset` tokenizes the whole input at once, or takes the
 * tokens given to `feedNext` (one term of a long sum, already tokenized).
 */
class TokenStream {
  private tokens: Token[] = [];
  private index = 0;
  private given: Token[] | undefined;
  /** For a parse fed text rather than tokens (parse() always feeds tokens, with its own limits). */
  private readonly options: LexOptions = { maxDepth: 100_000 };

  /** The tokens the next parse reads, instead of tokenizing its text. */
  feedNext(tokens: Token[]): void {
    this.given = tokens;
  }

  reset(chunk: string, state?: { index: number }): void {
    if (state === undefined) {
      this.tokens = this.given ?? tokenize(chunk, this.options);
      this.given = undefined;
      this.index = 0;
    } else {
      this.index = state.index;
    }
  }
  next(): Token | undefined {
    return this.tokens[this.index++];
  }
  save(): { index: number } {
    return { index: this.index };
  }
  formatError(token: Token): string {
    return `unexpected '${token.text}'`;
  }
  has(type: string): boolean {
    return tokenTypes.has(type);
  }
  get all(): readonly Token[] {
    return this.tokens;
  }
}

export const lexer = new TokenStream();
