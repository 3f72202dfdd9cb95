import { functionNames, functionTable, type FunctionName } from '../functions/table.js';
import { abstractFunctionNames, functionSpellings } from '../functions/spellings.js';
import * as build from '../expr/factory.js';
import type { Expr } from '../expr/types.js';
import { errorAt, type Advice } from './errors.js';
import { closest } from './suggest.js';
import { greekLetters, superscriptDigits } from '../expr/letters.js';
import { classifyWord, finishTokens, normFunction, token, withoutShapes, type LexOptions, type Lexed, type RawToken, type Token, type TokenType, type WordContext } from './lexer.js';
import { matrixFunctionSpellings } from '../functions/matrix-table.js';

/*
 * LaTeX as people write it and as dydx prints it, read into the tokens of the one grammar:
 * \frac{a}{b} is ((a)/(b)), braces group, ^ and _ take a group or one character, \left( is (,
 * \sin is the function sin, \alpha the variable alpha. Every token keeps its place in the
 * LaTeX source, so errors point into it.
 */

/** One piece of LaTeX: a command (\frac, \, ), one character, or a run of spaces. */
interface Piece {
  readonly kind: 'command' | 'char';
  readonly text: string;
  readonly offset: number;
}

/** Greek commands and the variable each is: \alpha is alpha, \varepsilon epsilon, \Delta Δ (as dydx prints Δ). */
const greekVariables: ReadonlyMap<string, string> = new Map([
  ...greekLetters.filter((name) => name !== 'varsigma').map((name) => [`\\${name}`, name] as const),
  ['\\varepsilon', 'epsilon'], ['\\vartheta', 'theta'], ['\\varphi', 'phi'], ['\\varrho', 'rho'], ['\\varsigma', 'sigma'], ['\\varpi', 'pi'],
  ...['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega']
    .map((name) => [`\\${name}`, String.fromCodePoint(0x391 + greekLetters.indexOf(name.toLowerCase()))] as const),
]);

/**
 * Each function's LaTeX spellings as dydx prints them (\sin, \log_{10}, \ln\Gamma, \operatorname{arsinh})
 * and as people write them (\operatorname{sinh}, \lg): a command, or a few commands in a row.
 */
const functionCommands: ReadonlyMap<string, FunctionName> = new Map([
  ...functionNames.flatMap((name) => {
    const { latex } = functionTable[name];
    if (latex.kind === 'command') return [[latex.command, name] as const];
    if (latex.kind === 'operatorname') return [[`\\operatorname{${latex.name}}`, name] as const];
    return [];
  }),
  ['\\exp', 'exp'], ['\\log', 'log'], ['\\lg', 'log10'], ['\\sgn', 'sign'], ['\\arcsec', 'asec'], ['\\arccsc', 'acsc'], ['\\arccot', 'acot'],
  ['\\sech', 'sech'], ['\\csch', 'csch'], ['\\arsinh', 'asinh'], ['\\arcosh', 'acosh'], ['\\artanh', 'atanh'],
] as const);
/** The function commands spelt with more than one command, longest first: \ln\Gamma before \ln. */
const compoundCommands = [...functionCommands.keys()].filter((c) => /.\\|_/.test(c)).sort((a, b) => b.length - a.length);
/** Names in \operatorname{…} that are the table's LaTeX names: H is heaviside, ReLU relu. */
const operatorNames: ReadonlyMap<string, FunctionName> = new Map(functionNames.flatMap((name) => {
  const { latex } = functionTable[name];
  return latex.kind === 'operatorname' ? [[latex.name, name] as const] : [];
}));

/** Superscript characters pasted into LaTeX, and the digits they are. */
const superscriptValue: ReadonlyMap<string, string> = new Map([...superscriptDigits].map((c, i) => [c, String(i)] as const).concat([['⁻', '-'], ['⁺', '+']]));

/** Commands that only space things out. */
const spacing = new Set([
  '\\,', '\\;', '\\:', '\\!', '\\ ', '\\quad', '\\qquad', '\\>', '\\displaystyle', '\\textstyle', '\\limits', '\\nolimits',
  '\\thinspace', '\\medspace', '\\thickspace', '\\negthinspace', '\\negmedspace', '\\negthickspace', '\\enspace',
]);
/** The closing token of each \\left delimiter, for a blank \\right. */
const closers: ReadonlyMap<string, TokenType> = new Map<string, TokenType>([
  ['(', 'rparen'], ['\\{', 'rparen'], ['\\lbrace', 'rparen'], ['[', 'rbracket'],
]);
/** Commands that are an operator or a bracket of the grammar. */
const operatorCommands: ReadonlyMap<string, TokenType> = new Map<string, TokenType>([
  ['\\cdot', 'times'], ['\\times', 'times'], ['\\ast', 'times'], ['\\div', 'divide'],
  ['\\{', 'lparen'], ['\\}', 'rparen'], ['\\lbrace', 'lparen'], ['\\rbrace', 'rparen'],
  ['\\lvert', 'lbar'], ['\\rvert', 'rbar'], ['\\vert', 'lbar'],
]);
/** Characters that are an operator, a bracket or a comma. */
const operatorChars: ReadonlyMap<string, TokenType> = new Map<string, TokenType>([
  ['+', 'plus'], ['-', 'minus'], ['−', 'minus'], ['–', 'minus'], ['*', 'times'], ['·', 'times'], ['×', 'times'], ['⋅', 'times'],
  ['/', 'divide'], ['÷', 'divide'], ['(', 'lparen'], [')', 'rparen'], ['[', 'lbracket'], [']', 'rbracket'], [',', 'comma'], ['^', 'pow'],
]);

/** Every command the reader knows, for the nearest one to an unknown command. */
const knownCommands = (): string[] => [
  ...functionCommands.keys(), ...greekVariables.keys(), ...spacing, ...operatorCommands.keys(),
  '\\frac', '\\dfrac', '\\tfrac', '\\sqrt', '\\left', '\\right', '\\pi', '\\mathrm', '\\operatorname', '\\partial', '\\lfloor', '\\lceil',
].filter((c) => /^\\[A-Za-z]+$/.test(c));

/** The variable a LaTeX name stands for: x, w_{1} (w1), \theta (theta), \theta_0 (theta0). */
export function latexVariable(written: string): string | undefined {
  const match = /^(\\[A-Za-z]+|[A-Za-z])(?:_\{?([A-Za-z0-9]+)\}?)?$/.exec(written.replace(/\s+/g, ''));
  if (!match) return undefined;
  const stem = match[1]!.startsWith('\\') ? greekVariables.get(match[1]!) : match[1]!;
  if (stem === undefined || stem === 'pi') return undefined;
  return subscripted(stem, match[2]);
}

/** A name with its subscript as dydx prints it: digits follow the name (w_{1} is w1), letters follow an underscore (x_{ab} is x_ab). */
const subscripted = (stem: string, subscript: string | undefined): string =>
  subscript === undefined ? stem : /^\d+$/.test(subscript) ? `${stem}${subscript}` : `${stem}_${subscript}`;

/** Splits LaTeX into commands and characters, spaces left out. */
function pieces(source: string): Piece[] {
  const out: Piece[] = [];
  const pattern = /\\(?:[A-Za-z]+|[^A-Za-z])|\s+|[^]/gu;
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    if (/^\s+$/.test(m[0])) continue;
    out.push({ kind: m[0].startsWith('\\') ? 'command' : 'char', text: m[0], offset: m.index });
  }
  return out;
}

/** Reads LaTeX into the grammar's tokens, or throws a located ParseError. */
export function tokenizeLatex(source: string, options: LexOptions): Lexed {
  const reader = new LatexReader(source, options);
  reader.readRange(0, reader.pieces.length);
  return finishTokens(source, reader.tokens, reader.notes, options);
}

class LatexReader {
  readonly pieces: Piece[];
  readonly tokens: Token[] = [];
  /** The delimiter of each \\left still open, to close one whose \\right is blank (\\right.). */
  private readonly lefts: string[] = [];
  readonly notes: string[] = [];
  /** For each '{', where its '}' is. */
  private readonly closing = new Map<number, number>();
  private readonly lineStarts: number[] = [0];
  private readonly words: WordContext;

  constructor(private readonly source: string, options: LexOptions) {
    this.pieces = pieces(source);
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
    const open: number[] = [];
    this.pieces.forEach((p, i) => {
      if (p.text === '{') open.push(i);
      else if (p.text === '}') {
        const at = open.pop();
        if (at === undefined) throw errorAt(source, p.offset, "unmatched '}'");
        this.closing.set(at, i);
      }
    });
    if (open.length > 0) throw errorAt(source, this.pieces[open.at(-1)!]!.offset, "this '{' is never closed: add a '}'");
    const abstract = (word: string): boolean => abstractFunctionNames.has(word) || options.abstractFunctions?.has(word) === true
      || (options.matrixNotation === true && matrixFunctionSpellings.has(word));
    this.matrices = options.matrixNotation === true;
    this.words = { abstract, variables: options.variables, notes: this.notes, quiet: true, matrices: this.matrices };
  }

  /** Whether matrix notation is read (shapes are declared). */
  private readonly matrices: boolean;
  /** Whether a norm \| … \| is open: a \| closes it then. */
  private normOpen = false;

  /** A raw token for the grammar's tokens, placed in the source. */
  private raw(type: string, text: string, offset: number): RawToken {
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line++;
    return { type, text, value: text, offset, line: line + 1, col: offset - this.lineStarts[line]! + 1 };
  }

  private emit(type: TokenType, text: string, offset: number, meaning?: Token['meaning']): void {
    this.tokens.push(token(this.raw(type, text, offset), type, meaning));
  }

  private fail(at: number, message: string | Advice): never {
    throw errorAt(this.source, this.pieces[at]?.offset ?? this.source.length, message);
  }

  /** Where the argument at i ends: after its '}' for a group, after it for one piece. */
  private argumentEnd(i: number, what: string): number {
    const p = this.pieces[i];
    if (!p) this.fail(i, `${what} needs an argument`);
    return p.text === '{' ? this.closing.get(i)! + 1 : i + 1;
  }

  /** Reads the argument at i as a bracketed group (a single digit or letter of a run alone); returns where it ends. */
  private readArgument(i: number, what: string): number {
    let end = this.argumentEnd(i, what);
    const p = this.pieces[i]!;
    this.emit('lparen', p.text, p.offset);
    if (p.text === '{') this.readRange(i + 1, end - 1);
    // A command takes its own arguments (\sqrt\frac12); a digit or a letter is one character.
    else end = this.readOne(i, p.kind === 'command' ? this.pieces.length : i + 1);
    const last = this.pieces[end - 1]!;
    this.emit('rparen', last.text, last.offset);
    return end;
  }

  /** The plain text of a group or one piece: the name in \operatorname{name}, the 1 in _{1}. */
  private textOf(i: number, what: string): { text: string; end: number } {
    const end = this.argumentEnd(i, what);
    const inner = this.pieces[i]!.text === '{' ? this.pieces.slice(i + 1, end - 1) : [this.pieces[i]!];
    return { text: inner.map((p) => p.text).join(''), end };
  }

  readRange(from: number, to: number): void {
    let i = from;
    while (i < to) i = this.readOne(i, to);
  }

  /** Reads what starts at piece i (no further than `to`); returns where the next thing starts. */
  private readOne(i: number, to: number): number {
    const p = this.pieces[i]!;
    if (p.kind === 'command') return this.readCommand(i, to);
    const t = p.text;
    if (t === '{') {
      const end = this.closing.get(i)!;
      this.emit('lparen', '{', p.offset);
      this.readRange(i + 1, end);
      this.emit('rparen', '}', this.pieces[end]!.offset);
      return end + 1;
    }
    if (t === '}') this.fail(i, "unmatched '}'");
    if (t === '^') {
      // x^T, x^\top, x^{\mathsf{T}}: the transpose; x^{-\top}, the transpose of the inverse.
      const transposed = this.matrices ? this.transposeAt(i + 1) : undefined;
      if (transposed) {
        if (transposed.inverse) {
          this.emit('pow', '^', p.offset);
          this.emit('lparen', '^', p.offset);
          this.emit('minus', '-', p.offset);
          this.emit('number', '1', p.offset);
          this.emit('rparen', '^', p.offset);
        }
        this.emit('transpose', '^', p.offset, 1n);
        return transposed.end;
      }
      // x^{\odot 2}: each entry to a power, as dydx writes it.
      if (this.matrices && this.pieces[i + 1]?.text === '{' && ['\\odot', '\\circ'].includes(this.pieces[i + 2]?.text ?? '')) {
        const close = this.closing.get(i + 1)!;
        this.emit('epow', '^', p.offset);
        this.emit('lparen', '{', this.pieces[i + 1]!.offset);
        this.readRange(i + 3, close);
        this.emit('rparen', '}', this.pieces[close]!.offset);
        return close + 1;
      }
      this.emit('pow', '^', p.offset);
      // e^{2x} is e^(2x); e^2x is e²·x, as LaTeX takes one character.
      return this.readArgument(i + 1, '^');
    }
    if (t === '_') this.fail(i, "a subscript belongs to a name, as in w_1 or \\log_{2}");
    if (t === '|') {
      this.emit('lbar', '|', p.offset, 'either');
      return i + 1;
    }
    if ((t === "'" || t === '′') && this.matrices) {
      // x' in matrix notation: a transpose; x'' two, which undo each other.
      let end = i;
      while (["'", '′'].includes(this.pieces[end]?.text ?? '')) end++;
      this.emit('transpose', this.pieces.slice(i, end).map((q) => q.text).join(''), p.offset, BigInt(end - i));
      return end;
    }
    if (t === "'" || t === '′') this.fail(i, "only the abstract functions f, g and h take primes, as in f'(x)");
    if (t === '~') return i + 1;
    if (superscriptValue.has(t)) return this.readSuperscript(i, to);
    if (/\d|\./.test(t)) return this.readNumber(i, to);
    if (/[A-Za-z]/.test(t)) return this.readLetters(i, to);
    if (t === 'π') {
      this.emit('name', t, p.offset, { kind: 'constant', name: 'pi' });
      return i + 1;
    }
    if (/[α-ωΑ-Ω]/.test(t)) return this.readName(i, to, t, t, p.offset);
    const type = operatorChars.get(t);
    if (type) {
      this.emit(type, t, p.offset);
      return i + 1;
    }
    if (t === '=') {
      this.emit('equals', t, p.offset);
      return i + 1;
    }
    return this.fail(i, `unexpected character '${t}'`);
  }

  /** Superscript digits pasted into LaTeX (x²) are a power, as in text. */
  private readSuperscript(i: number, to: number): number {
    let end = i;
    while (end < to && superscriptValue.has(this.pieces[end]!.text)) end++;
    const text = this.pieces.slice(i, end).map((p) => p.text).join('');
    if (!/^[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(text)) this.fail(i, `'${text}' is not a power: write ^{…}`);
    const value = BigInt([...text].filter((ch) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(ch)).map((ch) => superscriptValue.get(ch)).join(''));
    this.emit('sup', text, this.pieces[i]!.offset, text.startsWith('⁻') ? -value : value);
    return end;
  }

  /** Digits and a point written together are one number: 12.5. */
  private readNumber(i: number, to: number): number {
    let end = i;
    let text = '';
    for (;;) {
      while (end < to && /^[\d.]$/.test(this.pieces[end]!.text) && (end === i || this.pieces[end]!.offset === this.pieces[end - 1]!.offset + 1)) {
        text += this.pieces[end]!.text;
        end++;
      }
      // 1{,}100: a comma in braces between groups of three digits separates thousands, as TeX writes it.
      if (!/^\d+$/.test(text) || end + 6 > to || this.pieces.slice(end, end + 3).map((p) => p.text).join('') !== '{,}') break;
      const group = this.pieces.slice(end + 3, end + 6);
      if (group.length !== 3 || group.some((p) => !/^\d$/.test(p.text)) || /^\d$/.test(this.pieces[end + 6]?.text ?? '')) {
        if (/^\d$/.test(this.pieces[end + 3]?.text ?? '')) this.fail(end + 1, `{,} separates thousands, before groups of three digits, as in 1{,}100: for a decimal write a point, as in ${text}.5`);
        break;
      }
      end += 3;
    }
    if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) this.fail(i, `'${text}' is not a number`);
    // A number after a closing bracket or a power is a factor, as TeX sets it: (x^2 + 3)^4 2x is
    // (x² + 3)⁴·2x and \tan(5x) 8 is tan(5x)·8. (Text refuses it: (x + 1)2 may be a power mistyped.)
    if (this.tokens.at(-1)?.type === 'rparen') this.emit('times', '', this.pieces[i]!.offset);
    this.emit('number', text, this.pieces[i]!.offset);
    return end;
  }

  /**
   * Letters written together: a name with a subscript (w_1), an abstract function with primes
   * (f'(x), f^{(4)}(x)), or a run read as the names it is made of, as text reads it (sinx is sin x).
   */
  private readLetters(i: number, to: number): number {
    let end = i;
    while (end < to && /^[A-Za-z]$/.test(this.pieces[end]!.text) && (end === i || this.pieces[end]!.offset === this.pieces[end - 1]!.offset + 1)) end++;
    const run = this.pieces.slice(i, end).map((p) => p.text).join('');
    // w_1: the subscript belongs to the last letter.
    if (this.pieces[end]?.text === '_' && end < to) {
      if (end - 1 > i) this.readWord(i, end - 1, run.slice(0, -1));
      return this.readName(end - 1, to, run.at(-1)!, run.at(-1)!, this.pieces[end - 1]!.offset);
    }
    return this.readWord(i, end, run);
  }

  /** A run of letters as text reads it, with what follows it for a function's brackets and primes. */
  private readWord(i: number, end: number, run: string): number {
    const offset = this.pieces[i]!.offset;
    let next = end;
    let primes = 0;
    // In matrix notation a prime after a name is its transpose, read on its own.
    while (!this.matrices && ["'", '′'].includes(this.pieces[next]?.text ?? '')) {
      primes++;
      next++;
    }
    // f^{(4)}(x): the fourth derivative, as dydx prints it.
    const order = this.abstractOrder(next, run);
    if (order) {
      primes = order.order;
      next = order.end;
    } else if (primes === 0 && this.pieces[next]?.text === '^' && this.words.abstract(run)) {
      const { end } = this.textOf(next + 1, '^');
      if (['(', '\\left'].includes(this.pieces[end]?.text ?? '')) {
        this.fail(i, `${run}^…(…) can be a power of ${run}'s value or ${run} applied again: write ${run}(x)^{2} or ${run}(${run}(x)), or ${run}^{(2)}(x) for the second derivative`);
      }
    }
    const after = this.pieces[next];
    const beforeParen = after !== undefined && (after.text === '(' || after.text === '\\left');
    const raw = this.raw('word', run, offset);
    const afterRaw = beforeParen ? this.raw('lparen', '(', after!.offset) : undefined;
    for (const piece of classifyWord(this.source, raw, primes, afterRaw, this.words)) this.tokens.push(piece);
    return next;
  }

  /** ^{(n)} after an abstract function's name, before its argument: the n-th derivative. */
  private abstractOrder(i: number, run: string): { order: number; end: number } | undefined {
    if (this.pieces[i]?.text !== '^' || !this.words.abstract(run)) return undefined;
    const { text, end } = this.textOf(i + 1, '^');
    const n = /^\((\d+)\)$/.exec(text);
    const after = this.pieces[end]?.text;
    return n && (after === '(' || after === '\\left') ? { order: Number(n[1]), end } : undefined;
  }

  /** A one-letter name or Greek letter, with a subscript if it has one: w_{1} is the variable w1. */
  private readName(i: number, to: number, stem: string, written: string, offset: number): number {
    let end = i + 1;
    let subscript: string | undefined;
    if (this.pieces[end]?.text === '_' && end < to) {
      const sub = this.textOf(end + 1, '_');
      if (!/^[A-Za-z0-9]+$/.test(sub.text)) this.fail(end + 1, `a subscript of a name is letters or digits, as in w_{1}: found '${sub.text}'`);
      subscript = sub.text;
      end = sub.end;
    }
    // σ_{1} is sigma1, as text writes a Greek letter with digits: σ1 would read as σ·1.
    const greekName = /^[α-ωΑ-Ω]$/.test(stem) && subscript !== undefined ? greekLetters[stem.toLowerCase().codePointAt(0)! - 0x3b1] : undefined;
    const name = subscripted(greekName && stem === stem.toLowerCase() ? greekName : stem, subscript);
    if (subscript === undefined && stem === 'e') this.emit('name', written, offset, { kind: 'constant', name: 'e' });
    else this.emit('name', subscript === undefined ? written : name, offset, { kind: 'variable', name });
    return end;
  }

  private readCommand(i: number, to: number): number {
    const p = this.pieces[i]!;
    const c = p.text;
    if (spacing.has(c)) return i + 1;
    const compound = this.compoundAt(i);
    if (compound) return this.readFunction(i, compound.end, compound.name, compound.text);
    const named = functionCommands.get(c);
    if (named && !greekVariables.has(c)) return this.readFunction(i, i + 1, named, c);
    switch (c) {
      case '\\frac': case '\\dfrac': case '\\tfrac': case '\\cfrac': {
        // \frac{a}{b} is one factor, a over b: ((a)/(b)).
        const afterFunction = this.tokens.at(-1)?.type === 'func';
        this.emit('lparen', c, p.offset);
        const middle = this.readArgument(i + 1, c);
        this.emit('divide', c, p.offset);
        const end = this.readArgument(middle, c);
        this.emit('rparen', c, p.offset);
        // \cos \frac{x}{2}^2: TeX sets the power on the fraction, where a bracket after cos would be cos's own.
        const next = this.pieces[end]?.text;
        if (afterFunction && end < to && (next === '^' || (next !== undefined && superscriptValue.has(next)))) {
          this.fail(end, 'TeX sets this power on the fraction, not on the function: bracket the argument, as in \\cos\\left(\\frac{x}{2}\\right)^2 for a power of the function\'s value, or \\cos\\left(\\frac{x}{2}^2\\right) for one of its argument');
        }
        return end;
      }
      case '\\sqrt': return this.readRoot(i);
      case '\\left': case '\\right': case '\\bigl': case '\\bigr': case '\\Bigl': case '\\Bigr': case '\\big': case '\\Big':
        return this.readDelimiter(i, c);
      case '\\lfloor': case '\\lceil': return this.readRounding(i, c);
      case '\\rfloor': case '\\rceil': this.emit('rparen', c, p.offset); return i + 1;
      case '\\pi': this.emit('name', c, p.offset, { kind: 'constant', name: 'pi' }); return i + 1;
      case '\\mathrm': case '\\operatorname': case '\\operatorname*': case '\\mathit': case '\\text': case '\\textrm': return this.readNamed(i, c);
      // Bold is how a text sets a name apart, often a vector's: read as the name, and said to be
      // (in matrix notation, bold names are the vectors and matrices, and their shapes say which).
      case '\\mathbf': case '\\boldsymbol': case '\\bm': {
        const { text } = this.textOf(i + 1, c);
        if (!this.matrices) this.notes.push(`${c}{${text}} is read as the name ${text.replace(/^\\/, '')}, a number, not a vector`);
        return this.readNamed(i, c, true);
      }
      case '\\odot': case '\\circ': case '\\oslash':
        if (!this.matrices) this.fail(i, withoutShapes(c));
        this.emit(c === '\\oslash' ? 'ediv' : 'hadamard', c, p.offset);
        return i + 1;
      case '\\|': case '\\Vert': case '\\lVert': case '\\rVert': return this.readNormBar(i, c, c === '\\lVert' ? 'open' : c === '\\rVert' ? 'close' : undefined);
      case '\\top': case '\\intercal': case '\\mathsf':
        return this.fail(i, this.matrices ? `${c} is a transpose written as a power: x^${c}` : withoutShapes(c));
      case '\\det':
        if (!this.matrices) this.fail(i, withoutShapes(c));
        this.emit('func', c, p.offset, { kind: 'abstract', name: 'det', order: 0, by: [], spelling: c });
        return i + 1;
      case '\\partial': return this.readPartial(i);
      case '\\hat': case '\\bar': case '\\tilde': case '\\dot': case '\\ddot': case '\\vec': case '\\check': return this.readAccented(i, c);
    }
    const type = operatorCommands.get(c);
    if (type === 'lbar' || type === 'rbar') {
      // \lvert and \rvert say which they are; \vert, like |, is decided by its neighbours.
      this.emit('lbar', c, p.offset, c === '\\vert' ? 'either' : undefined);
      if (type === 'rbar') this.tokens[this.tokens.length - 1] = { ...this.tokens.at(-1)!, type: 'rbar' };
      return i + 1;
    }
    if (type) {
      this.emit(type, c, p.offset);
      return i + 1;
    }
    const greek = greekVariables.get(c);
    if (greek) {
      // \sigma(x), \Gamma(x) and \psi(x) are functions, as dydx prints σ, Γ and ψ; alone, Greek letters.
      const after = this.pieces[i + 1]?.text;
      if (named && (after === '(' || after === '\\left')) return this.readFunction(i, i + 1, named, c);
      if (this.words.abstract(greek) && (after === '(' || after === '\\left')) {
        this.emit('func', c, p.offset, { kind: 'abstract', name: greek, order: 0, by: [], spelling: greek });
        return i + 1;
      }
      return this.readName(i, to, greek, c, p.offset);
    }
    if (c === '\\begin') {
      const environment = this.pieces[i + 1]?.text === '{' ? this.textOf(i + 1, c).text : '';
      this.fail(i, `\\begin{${environment}}: environments are not read; for a function given by cases write the pieces with functions such as max, relu or heaviside`);
    }
    const suggestion = closest(c.slice(1), knownCommands().map((k) => k.slice(1)));
    return this.fail(i, `unknown command ${c}${suggestion ? ` — did you mean \\${suggestion}?` : ''}`);
  }

  /** A function spelt with more than one command at i (\ln\Gamma, \log_{10}), as dydx prints some. */
  private compoundAt(i: number): { name: FunctionName; end: number; text: string } | undefined {
    const at = this.pieces[i]!.offset;
    for (const spelling of compoundCommands) {
      if (!this.source.startsWith(spelling, at)) continue;
      let end = i;
      while (end < this.pieces.length && this.pieces[end]!.offset < at + spelling.length) end++;
      return { name: functionCommands.get(spelling)!, end, text: spelling };
    }
    return undefined;
  }

  /** A function's name; \log_{b} carries its base. The grammar reads the power and the argument after it. */
  private readFunction(i: number, end: number, name: FunctionName, written: string): number {
    const offset = this.pieces[i]!.offset;
    let base: Expr | undefined;
    if (this.pieces[end]?.text === '_') {
      if (name !== 'log') this.fail(end, `${written} takes no subscript; a logarithm's base is written \\log_{b}`);
      const { text, end: after } = this.textOf(end + 1, '_');
      const variable = latexVariable(text);
      if (/^\d+$/.test(text)) base = build.int(Number(text));
      else if (text === 'e' || text === '\\mathrm{e}') base = build.constant('e');
      else if (variable !== undefined) base = build.variable(variable);
      else this.fail(end + 1, `a logarithm's base is a number or a name, as in \\log_{2} or \\log_{b}: found '${text}'`);
      end = after;
    }
    if (written === '\\lg') this.notes.push('\\lg is read as log10, the logarithm to base 10 (ISO 80000-2)');
    if (written === '\\log' && !base) this.notes.push('\\log without a base is read as the natural logarithm, ln');
    this.emit('func', written, offset, { kind: 'table', name, spelling: written.replace(/^\\(operatorname\{)?|\}$/g, ''), ...(base ? { base } : {}) });
    return end;
  }

  /** \sqrt{x} is sqrt(x), \sqrt[3]{x} cbrt(x), \sqrt[n]{x} x^(1/n). */
  private readRoot(i: number): number {
    const p = this.pieces[i]!;
    let at = i + 1;
    let index = '2';
    if (this.pieces[at]?.text === '[') {
      const close = this.pieces.findIndex((q, k) => k > at && q.text === ']');
      if (close < 0) this.fail(at, "this '[' is never closed: add a ']'");
      index = this.pieces.slice(at + 1, close).map((q) => q.text).join('');
      at = close + 1;
    }
    const rootFunction = functionNames.find((name) => (functionTable[name].root ?? 0) === Number(index) && functionTable[name].latex.kind === 'root');
    if (rootFunction) {
      this.emit('func', '\\sqrt', p.offset, { kind: 'table', name: rootFunction, spelling: rootFunction });
      return this.readArgument(at, '\\sqrt');
    }
    if (!/^\d+$/.test(index) && latexVariable(index) === undefined) this.fail(i + 1, `a root's index is a number or a name, as in \\sqrt[3]{x}: found '${index}'`);
    // \sqrt[n]{u} = u^(1/n): the argument in brackets, to the power 1/(n).
    this.emit('lparen', '\\sqrt', p.offset);
    const end = this.readArgument(at, '\\sqrt');
    this.emit('pow', '\\sqrt', p.offset);
    this.emit('lparen', '\\sqrt', p.offset);
    this.emit('number', '1', p.offset);
    this.emit('divide', '\\sqrt', p.offset);
    if (/^\d+$/.test(index)) this.emit('number', index, this.pieces[i + 2]!.offset);
    else if (index === 'e') this.emit('name', index, this.pieces[i + 2]!.offset, { kind: 'constant', name: 'e' });
    else this.emit('name', index, this.pieces[i + 2]!.offset, { kind: 'variable', name: latexVariable(index)! });
    this.emit('rparen', '\\sqrt', p.offset);
    this.emit('rparen', '\\sqrt', p.offset);
    return end;
  }

  /** \left( and \right), \left| and \right|, \left. (nothing): brackets as written. */
  private readDelimiter(i: number, c: string): number {
    const next = this.pieces[i + 1];
    const side = /left|l$/.test(c) ? 'left' : /right|r$/.test(c) ? 'right' : undefined;
    if (!next) this.fail(i, `${c} needs a delimiter after it, as in ${c}(`);
    const d = next.text;
    const offset = this.pieces[i]!.offset;
    const text = `${c}${d}`;
    // \left( … \right. and \left. … \right): a pair with one side left blank is still one group.
    if (c === '\\left') this.lefts.push(d);
    const left = c === '\\right' ? this.lefts.pop() : undefined;
    if (d === '.') {
      if (c === '\\left') this.emit('lparen', text, offset);
      else if (c === '\\right' && left !== undefined && left !== '.') {
        const closer = closers.get(left);
        if (closer === undefined) this.fail(i, `\\left${left} … \\right. has no closing bar: write \\right${left} for an absolute value`);
        this.emit(closer, text, offset);
      }
      return i + 2;
    }
    if (left === '.') {
      this.emit('rparen', text, offset);
      return i + 2;
    }
    if (d === '\\|' || d === '\\Vert' || d === '\\lVert' || d === '\\rVert') return this.readNormBar(i, text, side === 'left' ? 'open' : side === 'right' ? 'close' : undefined) + 1;
    if (d === '(' || d === '\\{' || d === '\\lbrace') this.emit('lparen', text, offset);
    else if (d === ')' || d === '\\}' || d === '\\rbrace') this.emit('rparen', text, offset);
    else if (d === '[') this.emit('lbracket', text, offset);
    else if (d === ']') this.emit('rbracket', text, offset);
    else if (d === '|' || d === '\\vert' || d === '\\lvert' || d === '\\rvert') {
      // \left| opens and \right| closes; \big| says neither.
      if (side === 'right' || d === '\\rvert') this.emit('rbar', text, offset);
      else this.emit('lbar', text, offset, side === 'left' || d === '\\lvert' ? undefined : 'either');
    } else if (d === '\\lfloor' || d === '\\lceil') return this.readRounding(i + 1, d, offset, text);
    else if (d === '\\rfloor' || d === '\\rceil') this.emit('rparen', text, offset);
    else this.fail(i + 1, `${c} takes a delimiter such as ( [ | or \\lfloor, not ${d}`);
    return i + 2;
  }

  /**
   * A bar of a norm, \| or \lVert: in matrix notation the function norm and its bracket, or
   * the closing bracket; \| opens where no norm is open and closes the one that is.
   */
  private readNormBar(i: number, text: string, side: 'open' | 'close' | undefined): number {
    if (!this.matrices) this.fail(i, withoutShapes('\\|'));
    const offset = this.pieces[i]!.offset;
    const opens = side === 'open' || (side === undefined && !this.normOpen);
    if (opens) {
      this.emit('func', text, offset, normFunction(text));
      this.emit('lparen', text, offset);
    } else this.emit('rparen', text, offset);
    this.normOpen = opens;
    return i + 1;
  }

  /**
   * Where a superscript at i is a transpose (T, \top, \intercal, \mathsf{T}, \mathrm{T}, in
   * braces or not, or −T for the transpose of the inverse): where it ends, else undefined.
   */
  private transposeAt(i: number): { end: number; inverse: boolean } | undefined {
    const p = this.pieces[i];
    if (p === undefined) return undefined;
    const end = p.text === '{' ? this.closing.get(i)! + 1 : ['\\mathsf', '\\mathrm', '\\text'].includes(p.text) ? this.argumentEnd(i + 1, p.text) : i + 1;
    const written = this.pieces.slice(i, end).map((q) => q.text).join('').replace(/^\{(.*)\}$/, '$1').replace(/\\(mathsf|mathrm|text)\{(T)\}/, '$2');
    const sign = /^-/.test(written);
    const core = written.replace(/^-/, '');
    return ['T', '\\top', '\\intercal', '\\mathsf{T}'].includes(core) || /^\\(mathsf|mathrm|text)T$/.test(core) ? { end, inverse: sign } : undefined;
  }

  /** \lfloor x \rfloor is floor(x), \lceil x \rceil ceil(x): the function, then the bracket. */
  private readRounding(i: number, d: string, offset = this.pieces[i]!.offset, text = d): number {
    const name: FunctionName = d === '\\lfloor' ? 'floor' : 'ceil';
    this.emit('func', text, offset, { kind: 'table', name, spelling: name });
    this.emit('lparen', text, offset);
    return i + 1;
  }

  /** \operatorname{name} and \mathrm{name}: a function of the table, e, or a name of several letters (as dydx prints one). */
  private readNamed(i: number, c: string, bold = false): number {
    const { text, end } = this.textOf(this.pieces[i + 1]?.text === '*' ? i + 2 : i + 1, c);
    const offset = this.pieces[i]!.offset;
    const word = text.replace(/\\_/g, '_').replace(/\s+/g, '');
    // \operatorname{logsumexp} in matrix notation is the function of a vector, as logsumexp is in text there.
    // A bold name is always a name (\mathbf{W} a matrix, not Lambert's W; \mathbf{B} not β).
    const fn = bold || (this.matrices && matrixFunctionSpellings.has(word)) ? undefined : operatorNames.get(word) ?? functionSpellings.get(word);
    if (fn) return this.readFunction(i, end, fn, `\\operatorname{${word}}`);
    if (word === 'e') {
      this.emit('name', `${c}{e}`, offset, { kind: 'constant', name: 'e' });
      return end;
    }
    // \mathbf{W}_{2} and \boldsymbol{\theta}_{1}, as dydx sets the vectors and matrices of matrix notation: W2, theta1.
    const greek = greekVariables.get(word);
    if (this.pieces[end]?.text === '_' && (/^[A-Za-z]$/.test(word) || greek !== undefined)) {
      return this.readName(end - 1, this.pieces.length, greek ?? word, `${c}{${text}}`, offset);
    }
    if (greek !== undefined) return this.readName(end - 1, end, greek, `${c}{${text}}`, offset);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(word)) this.fail(i + 1, `${c}{${text}} is no function or name dydx knows`);
    if (this.words.abstract(word) && ['(', '\\left'].includes(this.pieces[end]?.text ?? '')) {
      this.emit('func', word, offset, { kind: 'abstract', name: word, order: 0, by: [], spelling: word });
    } else this.emit('name', word, offset, { kind: 'variable', name: word });
    return end;
  }

  /** \hat{y} is the variable y_hat, \bar{x} x_bar: as dydx prints y_hat, y_{hat}. */
  private readAccented(i: number, c: string): number {
    const { text, end } = this.textOf(i + 1, c);
    const stem = text.startsWith('\\') ? greekVariables.get(text) : /^[A-Za-z]$/.test(text) ? text : undefined;
    if (stem === undefined) this.fail(i + 1, `${c} marks one letter, as in ${c}{y}: found '${text}'`);
    this.emit('name', `${c}{${text}}`, this.pieces[i]!.offset, { kind: 'variable', name: `${stem}_${c.slice(1)}` });
    return end;
  }

  /** \partial_{1}\partial_{2} f(x, y): derivatives of an abstract function by its arguments, as dydx prints them. */
  private readPartial(i: number): number {
    const by: number[] = [];
    let at = i;
    while (this.pieces[at]?.text === '\\partial') {
      if (this.pieces[at + 1]?.text !== '_') this.fail(at, '\\partial here is a derivative by an argument of a function, as in \\partial_{1} f(x, y)');
      const { text, end } = this.textOf(at + 2, '_');
      if (!/^\d+$/.test(text) || Number(text) < 1) this.fail(at + 2, `arguments are numbered from 1, as in \\partial_{1} f(x, y): found '${text}'`);
      by.push(Number(text));
      at = end;
    }
    const name = this.pieces[at];
    const word = name?.kind === 'char' && /^[A-Za-z]$/.test(name.text) ? name.text : undefined;
    const after = this.pieces[at + 1]?.text;
    if (!word || !this.words.abstract(word) || (after !== '(' && after !== '\\left')) {
      this.fail(i, '\\partial_{k} needs an unknown function and its arguments after it, as in \\partial_{1} f(x, y)');
    }
    this.emit('func', word, this.pieces[i]!.offset, { kind: 'abstract', name: word, order: 0, by, spelling: `∂${word}` });
    return at + 1;
  }
}
