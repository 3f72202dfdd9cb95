import moo from 'moo';
import { abstractFunctionNames, functionSpellings, notations, prefixSigns, type Notation } from '../functions/spellings.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import * as build from '../expr/factory.js';
import type { Expr } from '../expr/types.js';
import { asFunction, errorAt, type Advice } from './errors.js';
import { closestFunctionName } from './suggest.js';
import { splitRun, type Piece } from './glued-names.js';
import { vectorFunctionSpellings, type SoftmaxKind } from './vector-functions.js';
import { barRoles, type BarContext, type BarRole } from './bars.js';
import { greekLetters, greekVariableNames, superscriptDigits } from '../expr/letters.js';
import { matrixFunctionSpellings, matrixFunctionTable } from '../functions/matrix-table.js';

/** What a name token stands for. */
export type NameValue = { readonly kind: 'constant'; readonly name: 'e' | 'pi' } | { readonly kind: 'variable'; readonly name: string };
/**
 * What a function token stands for: a table function, notation (pow), or an abstract function
 * (f, g, h, or a name declared one) with a number of primes or the arguments it is differentiated by.
 */
export type FunctionValue =
  | { readonly kind: 'table'; readonly name: FunctionName; readonly spelling: string; readonly base?: Expr }
  | { readonly kind: 'notation'; readonly notation: Notation; readonly spelling: string }
  | { readonly kind: 'abstract'; readonly name: string; readonly order: number; readonly by: readonly number[]; readonly spelling: string };

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly value: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  /** Meaning of name, func, vecfunc and superscript tokens; 'either' for a bar that may open or close, until that is decided. */
  readonly meaning?: NameValue | FunctionValue | SoftmaxKind | bigint | 'either';
}

export type TokenType =
  | 'number' | 'sup' | 'name' | 'func' | 'root' | 'plus' | 'minus' | 'times' | 'divide' | 'pow'
  | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'lbar' | 'rbar' | 'comma' | 'prime' | 'equals' | 'vecfunc'
  // Matrix notation, read only where shapes are declared: xᵀ (x', x^T), a ⊙ b (a .* b), a ⊘ b (a ./ b), a.^k.
  | 'transpose' | 'hadamard' | 'ediv' | 'epow';

const tokenTypes: ReadonlySet<string> = new Set<TokenType>([
  'number', 'sup', 'name', 'func', 'root', 'plus', 'minus', 'times', 'divide', 'pow',
  'lparen', 'rparen', 'lbracket', 'rbracket', 'lbar', 'rbar', 'comma', 'prime', 'equals', 'vecfunc',
  'transpose', 'hadamard', 'ediv', 'epow',
]);

/** Tokens that end an operand: a '|' after one of them closes a '|' that is open, if one is. */
const operandEnds: ReadonlySet<TokenType> = new Set<TokenType>(['number', 'name', 'rparen', 'rbracket', 'rbar', 'sup', 'prime', 'transpose']);

/** Superscript characters and what they stand for: x², e⁻ˣ, 2⁽ˣ⁺¹⁾. */
const superscripts: ReadonlyMap<string, string> = new Map([
  ...[...superscriptDigits].map((c, i) => [c, String(i)] as const),
  ['⁺', '+'], ['⁻', '-'], ['⁽', '('], ['⁾', ')'],
  ...[...'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'].map((c, i) => [c, 'abcdefghijklmnoprstuvwxyz'[i]!] as const),
]);

/** Raw tokens; words and Greek letters are classified afterwards, with a look at what follows. */
const scanner = moo.compile({
  // Signs of one character first: moo finds these by the character, without trying its expression,
  // up to the first rule that is an expression. None of the rules after them begins with one.
  blank: ' ',
  plus: '+',
  minus: ['-', '−', '–'],
  divide: ['/', '÷'],
  lparen: '(', rparen: ')', lbracket: '[', rbracket: ']', bar: '|', comma: ',', equals: '=',
  // A byte-order mark (at the start of a file or of a pasted line) is no part of the input.
  space: { match: /[ \t\r\n\u00a0\ufeff]+/, lineBreaks: true },
  number: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
  // .* ./ .^ (entrywise, as MATLAB writes them) and ⊙ ∘ ⊘ ᵀ ⊤ ‖: matrix notation.
  elementwise: ['.*', './', '.^'],
  matrixSign: ['⊙', '∘', '⊘', 'ᵀ', '⊤', '‖'],
  sup: new RegExp(`[${[...superscripts.keys()].join('')}]+`),
  // x₁, w₁₂: subscript digits are a name's digits, as x1 and w12 are.
  word: /[A-Za-z][A-Za-z0-9_]*[₀-₉]*/,
  greek: /[α-ωΑ-Ω]/,
  prime: /['′″‴]+/,
  partial: /(?:∂[₀-₉]+)+/,
  pow: ['**', '^'],
  times: ['*', '·', '×', '⋅'],
  root: [...prefixSigns.keys()],
  invalid: { match: /[^]/, lineBreaks: true },
});


/**
 * Names that are one variable as written: a letter, a Greek letter's name, either with digits or
 * an underscore and a subscript (w1, x_2, theta_0, y_hat).
 */
export const isVariableLike = (word: string): boolean => variableLike.test(word);
/** A Greek letter, by its name or itself: theta, θ. */
export const isGreekLetter = (word: string): boolean => greekVariableNames.has(word) || (word.length === 1 && /^[α-ωΑ-Ω]$/.test(word));
const variableLike = new RegExp(`^(?:[A-Za-z]|${[...greekVariableNames].join('|')})(?:\\d+|_[A-Za-z0-9]+)?$`);

/** The names a run of letters may be made of besides single letters: functions, Greek letters and pi. */
const knownNames: ReadonlySet<string> = new Set([
  ...[...functionSpellings.keys(), ...notations.keys()].filter((name) => /^[A-Za-z][A-Za-z0-9]+$/.test(name)),
  ...greekVariableNames, 'pi',
]);

/** The longest run of letters read as several names; a longer one is refused, not searched. */
const longestGluedRun = 60;

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

export interface LexOptions {
  /** Deepest nesting of brackets accepted. */
  readonly maxDepth: number;
  /** Most digits a number may have, its exponent counted (1e500 has 501): exact arithmetic on more takes too long. */
  readonly maxDigits?: number;
  /** Names read as abstract functions besides f, g and h. */
  readonly abstractFunctions?: ReadonlySet<string>;
  /** Names of several letters read as one variable each, not as letters written together: rate is not r·a·t·e. */
  readonly variables?: ReadonlySet<string>;
  /**
   * Whether matrix notation is read (shapes are declared): x' and x^T are transposes, ⊙ and .*
   * entrywise products, ‖v‖ a norm, and sum, norm, dot, tr, det, inv, diag, softmax and
   * logsumexp functions of vectors and matrices. Without, each is refused with the reason.
   */
  readonly matrixNotation?: boolean;
}

/** The tokens of an input, and what a reader should be told about how they were read. */
export interface Lexed {
  readonly tokens: Token[];
  /** How the input was read where a convention chose the reading: sinx as sin x, sin⁻¹ as the inverse. */
  readonly notes: string[];
  /** The tokens with the bars |…| given other roles, when they fit another way too: the input may then read two ways. */
  readonly otherBars?: Token[];
}

/** Splits the input into classified tokens, or throws a located ParseError. */
export function tokenize(source: string, options: LexOptions): Lexed {
  const raw = expandSuperscripts(scan(source));
  const tokens: Token[] = [];
  const notes: string[] = [];
  // A Greek letter is declared by its name: --function theta makes θ(x) a function.
  const abstract = (word: string): boolean => abstractFunctionNames.has(word) || options.abstractFunctions?.has(word) === true
    || (options.matrixNotation === true && matrixFunctionSpellings.has(word))
    || (options.abstractFunctions !== undefined && /^[α-ω]$/.test(word) && options.abstractFunctions.has(greekLetters[word.codePointAt(0)! - 0x3b1]!));
  const matrices = options.matrixNotation === true;
  // ‖v‖: each bar opens a norm where none is open, and closes the one that is.
  let normOpen = false;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    switch (t.type) {
      case 'invalid':
        throw errorAt(source, t.offset, `unexpected character '${String.fromCodePoint(source.codePointAt(t.offset)!)}'`);
      case 'elementwise':
      case 'matrixSign': {
        if (!matrices) throw errorAt(source, t.offset, withoutShapes(t.text));
        if (t.text === '‖') {
          if (normOpen) tokens.push(token(t, 'rparen'));
          else tokens.push(token(t, 'func', normFunction(t.text)), token(t, 'lparen'));
          normOpen = !normOpen;
        } else if (t.text === 'ᵀ') tokens.push(token(t, 'transpose', 1n));
        else if (t.text === '⊤') throw errorAt(source, t.offset, '⊤ is a transpose written as a power: x^⊤, or xᵀ');
        else tokens.push(token(t, elementwiseTokens[t.text]!));
        break;
      }
      case 'prime':
        // x′ and (Wx)′ in matrix notation: the transpose, as MATLAB writes it.
        if (matrices && ['word', 'greek', 'rparen', 'rbracket', 'matrixSign', 'number', 'sup'].includes(raw[i - 1]?.type ?? '')) {
          tokens.push(token(t, 'transpose', BigInt(primeCount(t.text))));
          break;
        }
        // (u)′, a derivative left to work out, as a working writes it: after a closing bracket only.
        if (raw[i - 1]?.type === 'rparen' || raw[i - 1]?.type === 'rbracket') {
          tokens.push(token(t, 'prime', BigInt(primeCount(t.text))));
          break;
        }
        throw errorAt(source, t.offset, "only the abstract functions f, g and h take primes, as in f'(x), and a bracketed expression, as in (x^2)'");
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
        if (/[₀-₉]/.test(t.text)) {
          const plain = t.text.replace(/[₀-₉]/g, (c) => String(subscriptDigits.indexOf(c)));
          if (!isVariableLike(plain)) throw errorAt(source, t.offset, `subscript digits follow a name's letter, as in x₁: write ${plain} or separate the names in ${t.text}`);
          tokens.push(token({ ...t, text: plain, value: plain }, 'name', variableMeaning(plain)));
          break;
        }
        let primes = 0;
        let after = next;
        // In matrix notation a prime after a name is its transpose, read on its own.
        if (after?.type === 'prime' && !matrices) {
          primes = primeCount(after.text);
          after = raw[i + 2];
        }
        if (abstract(t.text) && primes === 0 && (after?.type === 'pow' || after?.type === 'sup')) refusePowerOfAbstract(source, raw, i);
        for (const piece of classifyWord(source, t, primes, after, { abstract, variables: options.variables, notes, matrices })) tokens.push(piece);
        if (primes > 0) i++;
        break;
      }
      case 'sup':
        // A⁻ᵀ, the transpose of the inverse, as dydx writes it in Unicode.
        if (matrices && t.text === '⁻' && next?.text === 'ᵀ') {
          tokens.push(token(t, 'sup', -1n), token(next, 'transpose', 1n));
          i++;
          break;
        }
        tokens.push(token(t, 'sup', superscriptValue(t.text)));
        break;
      case 'pow':
        // x^T and x^⊤: the transpose, in matrix notation; x^⊙2, each entry squared, as dydx writes it in Unicode.
        if (matrices && ((next?.type === 'word' && next.text === 'T') || next?.text === '⊤')) {
          tokens.push(token({ ...t, text: `^${next.text}`, value: `^${next.text}` }, 'transpose', 1n));
          i++;
          break;
        }
        if (matrices && (next?.text === '⊙' || next?.text === '∘')) {
          tokens.push(token({ ...t, text: `^${next.text}`, value: `^${next.text}` }, 'epow'));
          i++;
          break;
        }
        refuseGluedExponent(source, raw, i);
        tokens.push(token(t, 'pow'));
        break;
      case 'bar':
        // Opening or closing: decided below, once every token is known.
        tokens.push(token(t, 'lbar', 'either'));
        break;
      default:
        tokens.push(token(t, t.type as TokenType));
    }
  }
  if (normOpen) throw errorAt(source, raw.filter((t) => t.text === '‖').at(-1)!.offset, "this '‖' is never closed: add a '‖'");
  return finishTokens(source, tokens, notes, options);
}

/** The tokens of the entrywise operators. */
const elementwiseTokens: Readonly<Record<string, TokenType>> = { '.*': 'hadamard', '⊙': 'hadamard', '∘': 'hadamard', './': 'ediv', '⊘': 'ediv', '.^': 'epow' };

/** What a sign of matrix notation is, said where no shapes are declared. */
export function withoutShapes(sign: string): Advice {
  const what = sign === '‖' || sign === '\\|' ? 'a norm' : ['ᵀ', '⊤', "'", '^T'].includes(sign) ? 'a transpose' : 'an entrywise operation on vectors and matrices';
  return { declare: { as: 'shapes', example: ['W=3x4', 'x=4'] }, say: (advice) => `${sign} is ${what}: matrix notation is read where the shapes of the vectors and matrices are declared, ${advice}` };
}

/** The meaning of a norm's opening bar: the matrix function norm, applied to what the bars enclose. */
export const normFunction = (spelling: string): FunctionValue => ({ kind: 'abstract', name: 'norm', order: 0, by: [], spelling });

/** The last steps of reading tokens, in either notation: notes on inverses, the bars' roles, the brackets' check. */
export function finishTokens(source: string, tokens: Token[], notes: string[], limits: Pick<LexOptions, 'maxDepth' | 'maxDigits'>): Lexed {
  checkNumbers(source, tokens, limits.maxDigits ?? defaultMaxDigits);
  checkWholeInputTokens(source, tokens);
  noteInverses(tokens, notes);
  const [reading, other] = withBarRoles(source, tokens);
  checkBrackets(source, reading, limits.maxDepth);
  return { tokens: reading, notes, ...(other ? { otherBars: other } : {}) };
}

/** The raw tokens of the input, spaces left out. */
function scan(source: string): moo.Token[] {
  scanner.reset(source);
  const raw: moo.Token[] = [];
  for (let t = scanner.next(); t !== undefined; t = scanner.next()) if (t.type !== 'space' && t.type !== 'blank') raw.push(t);
  return raw;
}

/**
 * A superscript of digits (x², x⁻¹) stays one token; one with letters or brackets (e⁻ˣ, 2⁽ˣ⁺¹⁾)
 * is read as ^ and its text in brackets, each character where it stands in the input.
 */
function expandSuperscripts(raw: moo.Token[]): moo.Token[] {
  // ⁻ before ᵀ (A⁻ᵀ) stays as it is: the inverse transposed, in matrix notation.
  const kept = (t: moo.Token, i: number): boolean => t.type !== 'sup' || /^[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(t.text) || (t.text === '⁻' && raw[i + 1]?.text === 'ᵀ');
  if (raw.every(kept)) return raw;
  return raw.flatMap((t, i) => {
    if (kept(t, i)) return [t];
    const plain = [...t.text].map((c) => superscripts.get(c)!).join('');
    const inner = scan(plain).map((u) => ({ ...u, offset: t.offset + u.offset, col: t.col + u.col - 1, line: t.line }));
    const made = (type: string, text: string): moo.Token => ({ ...t, type, text, value: text });
    return [made('pow', '^'), made('lparen', '('), ...inner, { ...made('rparen', ')'), offset: t.offset + t.text.length - 1 }];
  });
}

/** What a token is made from: moo's tokens, or those the LaTeX reader makes. */
export type RawToken = Pick<moo.Token, 'type' | 'text' | 'value' | 'offset' | 'line' | 'col'>;

/** One object per token, made once: long inputs have hundreds of thousands of them. */
export const token = (t: RawToken, type: TokenType, meaning?: Token['meaning']): Token =>
  ({ type, text: t.text, value: t.value, offset: t.offset, line: t.line, col: t.col, meaning });

/**
 * e^2x: a number and a name written together after ^ are read as e^(2x) by some calculators and
 * as e²·x by others, so neither is guessed. A space or brackets decide it.
 */
function refuseGluedExponent(source: string, raw: readonly moo.Token[], i: number): void {
  const signed = raw[i + 1]?.type === 'minus' || raw[i + 1]?.type === 'plus' ? 1 : 0;
  const n = raw[i + 1 + signed];
  const after = raw[i + 2 + signed];
  if (n?.type !== 'number' || !after || !['word', 'greek'].includes(after.type ?? '') || after.offset !== n.offset + n.text.length) return;
  const base = raw[i - 1]?.type === 'word' || raw[i - 1]?.type === 'number' ? raw[i - 1]!.text : '';
  const exponent = `${signed ? raw[i + 1]!.text : ''}${n.text}`;
  throw errorAt(source, n.offset, `${base}^${exponent}${after.text} can be read two ways: write ${base}^(${exponent}${after.text}) for the power ${exponent}${after.text}, or ${base}^${exponent}*${after.text} (or ${base}^${exponent} ${after.text}) for ${after.text} times ${base}^${exponent}`);
}

/** f^2(x) is f(x)² to some and f(f(x)) to others: neither is guessed. */
function refusePowerOfAbstract(source: string, raw: readonly moo.Token[], i: number): void {
  const name = raw[i]!.text;
  // f²(x), f^2(x), f^-1(x): a number written on the name, then its argument.
  let at = i + 1;
  if (raw[at]!.type === 'pow') {
    at++;
    if (raw[at]?.type === 'minus' || raw[at]?.type === 'plus') at++;
    if (raw[at]?.type !== 'number') return;
  }
  const bracket = raw[at + 1];
  if (bracket?.type !== 'lparen') return;
  throw errorAt(source, raw[i]!.offset, `${source.slice(raw[i]!.offset, bracket.offset)}(…) can be a power of ${name}'s value or ${name} applied again: write ${name}(x)^2 or ${name}(${name}(x))`);
}

/** The calculator convention sin⁻¹ x = asin(x) is worth saying where it is used. */
function noteInverses(tokens: readonly Token[], notes: string[]): void {
  tokens.forEach((t, i) => {
    if (t.type !== 'func' || (t.meaning as FunctionValue).kind !== 'table') return;
    const name = (t.meaning as FunctionValue & { kind: 'table' }).name;
    const inverse = functionTable[name].inverse;
    const next = tokens[i + 1];
    // sin⁻¹, sin^-1, sin^{-1} (LaTeX's braces are brackets).
    const signAt = tokens[i + 2]?.type === 'lparen' ? i + 3 : i + 2;
    const minusOne = (next?.type === 'sup' && next.meaning === -1n)
      || (next?.type === 'pow' && tokens[signAt]?.type === 'minus' && tokens[signAt + 1]?.type === 'number' && tokens[signAt + 1]!.text === '1');
    const { spelling } = t.meaning as FunctionValue;
    if (inverse && minusOne) notes.push(`${spelling}⁻¹ is the inverse function ${inverse}, as calculators write it, not 1/${spelling}`);
  });
}

/** The tokens with each bar made an opening or a closing one, and another way to make them when there is one. */
function withBarRoles(source: string, tokens: Token[]): [Token[], Token[] | undefined] {
  const either = (t: Token): boolean => t.type === 'lbar' && t.meaning === 'either';
  if (!tokens.some(either)) return [tokens, undefined];
  const contexts = tokens.map((t): BarContext => {
    if (either(t)) return { kind: 'bar' };
    switch (t.type) {
      case 'lparen': case 'lbracket': case 'lbar': return { kind: 'open-bracket' };
      case 'rparen': case 'rbracket': case 'rbar': return { kind: 'close-bracket' };
      default: return { kind: 'other', endsOperand: operandEnds.has(t.type), startsOperand: operandStarts.has(t.type) };
    }
  });
  let assignments: BarRole[][];
  try {
    assignments = barRoles(contexts);
  } catch {
    const first = tokens.find(either)!;
    throw errorAt(source, first.offset, "too many '|' that could each open or close an absolute value: write abs(…) for some of them");
  }
  // No way fits: close where possible, so the brackets' check says what is wrong.
  const roles = assignments[0] ?? greedyRoles(tokens);
  const withRoles = (chosen: readonly BarRole[]): Token[] => {
    let k = 0;
    return tokens.map((t) => (either(t) ? { ...t, type: chosen[k++] === 'close' ? 'rbar' : 'lbar', meaning: undefined } : t));
  };
  return [withRoles(roles), assignments[1] ? withRoles(assignments[1]) : undefined];
}

/** Closes the innermost open bar after an operand, opens one anywhere else. */
function greedyRoles(tokens: readonly Token[]): BarRole[] {
  const roles: BarRole[] = [];
  let open = 0;
  let previous: TokenType | undefined;
  for (const t of tokens) {
    if (t.type === 'lbar' && t.meaning === 'either') {
      const closes = open > 0 && previous !== undefined && operandEnds.has(previous);
      roles.push(closes ? 'close' : 'open');
      open += closes ? -1 : 1;
      previous = closes ? 'rbar' : 'lbar';
    } else previous = t.type;
  }
  return roles;
}

/** The most digits of a number unless said otherwise. */
export const defaultMaxDigits = 1000;

/** Every number within the limit on digits: 1e99999999 would be a hundred million digits of exact arithmetic. */
function checkNumbers(source: string, tokens: readonly Token[], maxDigits: number): void {
  for (const t of tokens) {
    if (t.type !== 'number') continue;
    // Without an exponent a number has no more digits than characters: most are short, and need no count.
    if (t.text.length <= maxDigits && !t.text.includes('e') && !t.text.includes('E')) continue;
    const [, whole = '', fraction = '', exponent = '0'] = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t.text) ?? [];
    const digits = whole.replace(/^0+/, '').length + fraction.length + Math.abs(Number(exponent));
    if (digits > maxDigits) {
      throw errorAt(source, t.offset, `number too large for exact arithmetic: ${t.text.length > 20 ? `${t.text.slice(0, 17)}...` : t.text} has about ${digits.toExponential(1).replace(/\.0e\+?/, 'e').replace('e0', '')} digits, the limit is ${maxDigits} (--max-digits, maxDigits)`);
    }
  }
}

/**
 * '=' and the vector functions make a whole input of their own kind: an equation has one '=',
 * outside brackets; softmax(…) is the whole input, or an argument of another vector function
 * (cross_entropy(softmax(z1, z2), [y1, y2])). Anywhere else they are refused here, by name.
 */
function checkWholeInputTokens(source: string, tokens: readonly Token[]): void {
  let depth = 0;
  let equals: Token | undefined;
  tokens.forEach((t, i) => {
    if (t.type === 'lparen' || t.type === 'lbracket' || t.type === 'lbar') depth++;
    else if (t.type === 'rparen' || t.type === 'rbracket' || t.type === 'rbar') depth--;
    else if (t.type === 'equals') {
      if (depth > 0) throw errorAt(source, t.offset, "'=' stands between the two sides of an equation, outside brackets, as in x^2 + y^2 = 1, or after a name at the start, as in y = x^2");
      if (equals) throw errorAt(source, t.offset, "an equation has one '='");
      equals = t;
    } else if (t.type === 'vecfunc' && (tokens[i + 1]?.type !== 'lparen' || (i > 0 && !(tokens[i - 1]!.type === 'lparen' && tokens[i - 2]?.type === 'vecfunc')))) {
      throw errorAt(source, t.offset, `${t.text} is a vector function: type it as the whole input, as in softmax(z1, z2, z3), log_softmax(z1, z2) or cross_entropy(softmax(z1, z2), [y1, y2])`);
    }
  });
}

/** Every bracket closed by its own kind, none too deep. */
function checkBrackets(source: string, tokens: readonly Token[], maxDepth: number): void {
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'lparen' || t.type === 'lbracket' || t.type === 'lbar') {
      open.push(t);
      if (open.length > maxDepth) throw errorAt(source, t.offset, `brackets nested too deeply (more than ${maxDepth} levels)`);
    } else if (t.type === 'rparen' || t.type === 'rbracket' || t.type === 'rbar') {
      const opener = open.pop();
      const wanted: TokenType = t.type === 'rparen' ? 'lparen' : t.type === 'rbracket' ? 'lbracket' : 'lbar';
      if (!opener) throw errorAt(source, t.offset, `unmatched '${t.text}'`);
      if (opener.type !== wanted) {
        throw errorAt(source, t.offset, `'${t.text}' does not match the '${opener.text}' at line ${opener.line}, column ${opener.col}`);
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed) {
    const closer = unclosed.type === 'lparen' ? ')' : unclosed.type === 'lbracket' ? ']' : '|';
    throw errorAt(source, unclosed.offset, `this '${unclosed.text}' is never closed: add a '${closer}'`);
  }
}

/** Tokens that start an operand: an opening bar may come before one. */
const operandStarts: ReadonlySet<TokenType> = new Set<TokenType>(['number', 'name', 'func', 'root', 'plus', 'minus', 'lparen', 'lbracket']);

export interface WordContext {
  readonly abstract: (word: string) => boolean;
  readonly variables: ReadonlySet<string> | undefined;
  readonly notes: string[];
  /** Letters that are only letters need no note (in LaTeX, xy is x·y by the notation's own rule). */
  readonly quiet?: boolean;
  /** Whether matrix notation is read: its functions (sum, tr, det, …) are names then. */
  readonly matrices?: boolean;
}

/**
 * What a word is: a table or abstract function, a derivative of an abstract function by its
 * arguments in text (D12f(x, y) is ∂₁∂₂f(x, y)), the constant e or π, a variable, or letters
 * written together (sinx), read as the names they are made of.
 */
export function classifyWord(source: string, t: RawToken, primes: number, after: RawToken | undefined, context: WordContext): Token[] {
  const word = t.text;
  const beforeParen = after?.type === 'lparen';
  const { abstract } = context;
  if (abstract(word) && (beforeParen || primes > 0)) {
    if (!beforeParen) throw errorAt(source, t.offset, `${word}${"'".repeat(primes)} needs an argument, as in ${word}${"'".repeat(primes)}(x)`);
    return [token(t, 'func', { kind: 'abstract', name: word, order: primes, by: [], spelling: word })];
  }
  // Most words start otherwise: the pattern is not tried on them.
  const partial = word.startsWith('D') ? /^D((?:_\d+)+|\d+)([A-Za-z][A-Za-z0-9_]*)$/.exec(word) : null;
  if (partial && beforeParen && primes === 0 && abstract(partial[2]!)) {
    // Each digit is an argument (D12f), or, past the ninth argument, each number after an underscore (D_1_10f).
    const by = partial[1]!.startsWith('_') ? partial[1]!.slice(1).split('_').map(Number) : [...partial[1]!].map(Number);
    if (by.some((k) => k < 1)) throw errorAt(source, t.offset, `${word}: arguments are numbered from 1, as in D12f(x, y); past the ninth write D_1_10f`);
    return [token(t, 'func', { kind: 'abstract', name: partial[2]!, order: 0, by, spelling: word })];
  }
  const matrixFunction = matrixFunctionSpellings.get(word);
  if (matrixFunction !== undefined && context.matrices === true && !beforeParen) {
    throw errorAt(source, t.offset, `${word} is ${matrixFunctionTable[matrixFunction].meaning}: its argument goes in brackets, as in ${word}(${matrixFunctionTable[matrixFunction].arity[0] === 2 ? 'u, v' : 'A'})`);
  }
  // softmax(…) and logsumexp(…) are read as a vector function and a function of numbers without shapes.
  if (matrixFunction !== undefined && context.matrices !== true && beforeParen && !functionSpellings.has(word) && !Object.hasOwn(vectorFunctionSpellings, word)) {
    const meaning = matrixFunctionTable[matrixFunction].meaning;
    throw errorAt(source, t.offset, { declare: { as: 'shapes', example: ['A=3x3', 'v=3'] }, say: (advice) => `${word}(…) is ${meaning}: matrix notation is read where the shapes of the vectors and matrices are declared, ${advice}` });
  }
  const known = knownWord(word, beforeParen);
  if (primes > 0) {
    // x′, as a derivation writes the variable rule: the derivative of a variable, (x)′.
    if (!known && (isGreekLetter(word) || isVariableLike(word) || context.variables?.has(word) === true)) {
      const prime: RawToken = { type: 'prime', text: "'".repeat(primes), value: "'".repeat(primes), offset: t.offset + word.length, line: t.line, col: t.col + word.length };
      return [token(t, 'name', variableMeaning(word)), token(prime, 'prime', BigInt(primes))];
    }
    throw errorAt(source, t.offset, "only the abstract functions f, g and h take primes, as in f'(x), and a variable or a bracketed expression, as in x' or (x^2)'");
  }
  if (known) return [token(t, known.type, known.meaning)];
  const base = word.startsWith('log_') ? /^(log)_(\d+|[A-Za-z])$/.exec(word) : null;
  if (base) {
    const b = /^\d/.test(base[2]!) ? build.int(Number(base[2])) : base[2] === 'e' ? build.constant('e') : build.variable(base[2]!);
    return [token(t, 'func', { kind: 'table', name: 'log', spelling: word, base: b })];
  }
  if (isGreekLetter(word) || isVariableLike(word) || context.variables?.has(word)) return [token(t, 'name', variableMeaning(word))];
  return gluedWord(source, t, beforeParen, context);
}

/** A word that is one name as it stands: a function, a Greek letter, e or π. */
export function knownWord(word: string, beforeParen: boolean): Pick<Token, 'type' | 'meaning'> | undefined {
  const name = functionSpellings.get(word);
  const notation = notations.get(word);
  // gamma, psi and σ name functions before '(' and are Greek letters elsewhere.
  if ((name || notation) && !(isGreekLetter(word) && !beforeParen)) {
    return { type: 'func', meaning: name ? { kind: 'table', name, spelling: word } : { kind: 'notation', notation: notation!, spelling: word } };
  }
  if (word === 'e') return { type: 'name', meaning: constantE };
  if (word === 'pi' || word === 'π') return { type: 'name', meaning: constantPi };
  return undefined;
}

/** Letters written together, read as the names they are made of (see glued-names.ts), or refused where they are not one reading. */
function gluedWord(source: string, t: RawToken, beforeParen: boolean, { abstract, notes, quiet }: WordContext): Token[] {
  const word = t.text;
  // An argument list after it makes it a function: the advice is to declare a function there, a variable elsewhere.
  const declare = (say: (advice: string) => string): Advice => ({ declare: { as: beforeParen ? 'function' : 'variable', name: word, phrase: 'imperative' }, say });
  if (Object.hasOwn(vectorFunctionSpellings, word)) return [token(t, 'vecfunc', vectorFunctionSpellings[word]!)];
  if (word.length > longestGluedRun || /_/.test(word)) {
    if (beforeParen) throw errorAt(source, t.offset, unknownFunction(word));
    throw errorAt(source, t.offset, declare((advice) => `'${word}' is no name dydx knows: separate the names in it with spaces or *, or ${advice}`));
  }
  let readings: Piece[][];
  try {
    readings = splitRun(word, knownNames);
  } catch {
    throw errorAt(source, t.offset, `'${word}' can be read too many ways: separate the names in it with spaces or *`);
  }
  const spelled = (pieces: readonly Piece[]): string => pieces.map((p) => p.text).join(' ');
  if (readings.length > 1) {
    throw errorAt(source, t.offset, declare((advice) => `'${word}' can be read as ${readings.map(spelled).join(' or as ')}: separate the names with spaces or brackets, or ${advice}`));
  }
  const pieces = readings[0]!;
  const last = pieces.at(-1)!;
  // A function's name with digits after it, before '(': a name of its own (Li2(x)), not Li·2.
  if (beforeParen && last.kind === 'digits' && pieces.some((p) => p.kind === 'name' && p.text.length > 1)) {
    throw errorAt(source, t.offset, unknownFunction(word));
  }
  if (beforeParen && last.kind === 'letter' && !abstract(last.text)) {
    // Letters before '(' that end in no function: most likely a function's name mistyped.
    const suggestion = closestFunctionName(word, [...functionSpellings.keys(), ...notations.keys()]);
    throw errorAt(source, t.offset, suggestion ? asFunction(word, (advice) => `unknown function '${word}' — did you mean '${suggestion}'? (${advice})`) : unknownFunction(word));
  }
  // Before '(', a name of many letters that ends in a function's is a function's name of its own
  // (polylog, lowergamma), not letters times it: xsin(x) is x·sin(x), polylog(s, z) no product.
  if (beforeParen && pieces.slice(0, -1).filter((p) => p.kind === 'letter').length > mostLettersBeforeAFunction) {
    throw errorAt(source, t.offset, unknownFunction(word));
  }
  if (pieces.some((p, k) => p.kind === 'digits' && k > 0 && pieces[k - 1]!.kind !== 'name')) {
    throw errorAt(source, t.offset, declare((advice) => `'${word}' has digits inside it: separate its parts with spaces or *, or ${advice}`));
  }
  if (!(quiet && pieces.every((p) => p.kind === 'letter' && p.text !== 'e'))) notes.push(`${word} is read as ${spelled(pieces)}`);
  return pieces.map((piece, k) => {
    const at: RawToken = { ...t, text: piece.text, value: piece.text, offset: t.offset + piece.at, col: t.col + piece.at };
    const isLast = k === pieces.length - 1;
    if (piece.kind === 'digits') return token(at, 'number');
    if (piece.kind === 'letter' && isLast && beforeParen && abstract(piece.text)) {
      return token(at, 'func', { kind: 'abstract', name: piece.text, order: 0, by: [], spelling: piece.text });
    }
    const known = knownWord(piece.text, isLast && beforeParen);
    return known ? token(at, known.type, known.meaning) : token(at, 'name', variableMeaning(piece.text));
  });
}

/** Single letters that may stand before a function's name and its bracket as factors: 2xsin(x), xysin(x). */
const mostLettersBeforeAFunction = 2;

const unknownFunction = (word: string): Advice =>
  asFunction(word, (advice) => `unknown function '${word}' (to multiply, write * before the bracket; ${advice})`);

const constantE: NameValue = { kind: 'constant', name: 'e' };
const constantPi: NameValue = { kind: 'constant', name: 'pi' };
/** One meaning per variable name, shared by all its tokens. */
const variableMeanings = new Map<string, NameValue>();
export function variableMeaning(name: string): NameValue {
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
      this.tokens = this.given ?? tokenize(chunk, this.options).tokens;
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
