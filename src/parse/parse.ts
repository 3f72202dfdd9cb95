import nearley from 'nearley';
import type { Expr } from '../expr/types.js';
import compiled from './grammar.generated.js';
import { asFunction, errorAt, ParseError } from './errors.js';
import { lexer, tokenize, type Lexed, type Token, type TokenType } from './lexer.js';
import { tokenizeLatex, latexVariable } from './latex.js';
import { functionOfOperatorVariable, readRequest, type Request } from './request.js';
import { keepingPlaces, setSource, toExpr, toInput, type Input, type Place, type Value, type Whole } from './postprocess.js';
export type { Input, Place } from './postprocess.js';
import { readLongSum } from './long-sums.js';
import { readDirectly } from './direct.js';
import { quickTokens } from './quick-tokens.js';
import { treeDepth } from '../expr/size.js';
import { variablesOf } from '../expr/traverse.js';
import { apply, variable } from '../expr/factory.js';
import { abstractFunctionNames, functionSpellings, notations } from '../functions/spellings.js';
import { InputError } from '../errors.js';
import { readAsWellFormed } from '../expr/check-tree.js';

export interface ParseOptions {
  /** Longest input accepted, in characters. */
  readonly maxLength?: number;
  /** Deepest nesting accepted: brackets, and the depth of the tree. */
  readonly maxDepth?: number;
  /** Names read as abstract functions besides f, g and h: with ['phi'], phi(x, y) is a function of x and y. */
  readonly abstractFunctions?: readonly string[];
  /**
   * Names of several letters read as one variable each: with ['rate'], rate is a variable, not
   * r·a·t·e. Without, letters written together are read as the names they are made of (sinx is
   * sin x); a letter with digits or a subscript (w1, x_2) and Greek letters' names are variables as they are.
   */
  readonly variables?: readonly string[];
  /** Most digits a number may have, its exponent counted (default 1000): 1e500 has 501. */
  readonly maxDigits?: number;
  /** How the input is written: 'text', 'latex', or 'auto' (the default): LaTeX when it has a command (\frac) or ^{ or _{. */
  readonly notation?: 'text' | 'latex' | 'auto';
  /**
   * Whether matrix notation is read (where shapes are declared): transposes x', x^T, x^\top,
   * entrywise ⊙ .* ⊘ ./ .^, norms ‖v‖, and the functions sum, norm, dot, tr, det, inv, diag,
   * softmax and logsumexp. The reading then keeps where each node's operators are (`places`).
   */
  readonly matrixNotation?: boolean;
}

/** How an input was read: the expression, and what else it said or asked for. */
export interface Reading {
  readonly expr: Expr;
  readonly notation: 'text' | 'latex';
  /** What the input asked for besides the expression: the variable and order of d²/dx², the name in y = …. */
  readonly request: Request;
  /** Where a convention chose the reading, in words: sinx is read as sin x, sin⁻¹ is the inverse function. */
  readonly notes: readonly string[];
}

/** Limits on input; nesting is limited because later stages recurse over the tree. */
const parseDefaults = { maxLength: 1_000_000, maxDepth: 100_000 } as const;

const grammar = nearley.Grammar.fromCompiled(compiled as unknown as nearley.CompiledRules);

/** The parts of nearley's chart the error messages read: each column's states and what they expect next. */
interface Chart {
  readonly table: readonly { readonly states: readonly { readonly rule: { readonly symbols: readonly unknown[] }; readonly dot: number }[] }[];
}
const chartOf = (parser: nearley.Parser): Chart => parser as unknown as Chart;

/**
 * Reads an expression, or throws a ParseError saying what is wrong and where. A derivative
 * operator (d/dx) or a name (y = …) is a request to differentiate: `read` gives those, and
 * `differentiate` takes them.
 */
export function parse(input: string, options: ParseOptions = {}): Expr {
  const reading = read(input, options);
  const { operator, label } = reading.request;
  if (operator !== undefined || label !== undefined) {
    const what = operator ?? `${label!.kind === 'name' ? label!.name : `${label!.name}(${label!.variable})`} =`;
    throw new InputError(`${what} asks for a derivative: give the input to differentiate() or read(), not parse()`, 'invalid-request');
  }
  return reading.expr;
}

/** Reads an input: its notation, its expression, and what it asks for. */
export function read(input: string, options: ParseOptions = {}): Reading {
  const { whole, notation, request, notes } = readInput(input, options);
  // Field by field: a rest pattern and a spread copy the fields by a slow path, on every input read.
  return { expr: expressionIn(input, whole), notation, request, notes };
}

/** The expression a whole input is, or why it is none, located in the input. */
export function expressionIn(input: string, whole: Input): Expr {
  if (whole.kind !== 'expression') throw notAnExpression(input, whole);
  return readAsWellFormed(whole.expr);
}

/** How a whole input was read: what it is (an expression, an equation, a vector, softmax(…)), its notation, what it asks for. */
export interface InputReading {
  readonly whole: Input;
  readonly notation: 'text' | 'latex';
  readonly request: Request;
  readonly notes: readonly string[];
  /** In matrix notation, where each node's operators are in the input, for errors of shape. */
  readonly places?: ReadonlyMap<Expr, Place>;
}

/**
 * Reads a whole input: an expression, or one of the inputs that are only ever whole, which the
 * grammar tells apart: an equation (x^2 + y^2 = 1), a vector of functions ([x*y, x + y]) or a
 * vector function (softmax(z1, z2)).
 */
export function readInput(input: string, options: ParseOptions = {}): InputReading {
  const reading = readWhole(input, options, true);
  return definesItself(reading) ? readWhole(input, options, false) : reading;
}

/**
 * An input read as an equation even where it starts with a name and '=': y = x^2 is a curve as
 * much as a function, and an implicit derivative takes it as the curve.
 */
export function readAsEquation(input: string, options: ParseOptions = {}): InputReading {
  return readWhole(input, options, false);
}

/**
 * A name before '=' that the other side refers to is no name given to a function: y = x·y + 1
 * and sin(x) = cos(y) (of y, not of x) are equations.
 */
function definesItself({ whole, request: { label } }: InputReading): boolean {
  // y′ = x·y names a derivative given (an answer's), not a function to differentiate.
  if (label === undefined || whole.kind !== 'expression' || label.order !== undefined) return false;
  const names = variablesOf(whole.expr);
  return label.kind === 'name' ? names.includes(label.name) : names.length > 0 && !names.includes(label.variable);
}

function readWhole(input: string, options: ParseOptions, labels: boolean): InputReading {
  checkLength(input, options);
  const notation = options.notation === 'latex' || (options.notation !== 'text' && looksLikeLatex(input)) ? 'latex' : 'text';
  const variables = options.variables && options.variables.length > 0 ? declaredVariables(options.variables) : undefined;
  const lexOptions = {
    maxDepth: options.maxDepth ?? parseDefaults.maxDepth,
    ...(options.maxDigits !== undefined ? { maxDigits: options.maxDigits } : {}),
    abstractFunctions: declaredFunctions(options.abstractFunctions),
    ...(variables ? { variables } : {}),
    ...(options.matrixNotation ? { matrixNotation: true } : {}),
  };
  // Errors are located in the input as given: the request is blanked out of it, not cut.
  return withSource(input, () => {
    const variableOf = notation === 'latex' ? latexVariable : textVariable;
    const { request, rest } = readRequest(input, variableOf, { labels });
    if (rest.trim() === '') throw new ParseError('empty input: type an expression such as x^2 + 1', 1, 1, input);
    // d/dt y(t): y is a function of t here, whatever it is elsewhere.
    const unknown = functionOfOperatorVariable(rest, request, variableOf);
    const applied = unknown !== undefined && !functionSpellings.has(unknown) && !notations.has(unknown) && unknown !== 'e' && unknown !== 'pi' && !variables?.has(unknown) ? unknown : undefined;
    const readOptions = applied === undefined ? lexOptions : { ...lexOptions, abstractFunctions: new Set([...(lexOptions.abstractFunctions ?? []), applied]) };
    const lexed = notation === 'latex' ? tokenizeLatex(rest, readOptions) : quickTokens(rest, readOptions) ?? tokenize(rest, readOptions);
    if (applied !== undefined) lexed.notes.push(`${applied}(${request.variable}) is read as a function ${applied} of ${request.variable}, as the derivative of it asks`);
    const places = options.matrixNotation ? new Map<Expr, Place>() : undefined;
    const whole = single(places ? keepingPlaces(places, () => inputsOf(lexed, rest, false)) : inputsOf(lexed, rest), input);
    if (whole.kind === 'equation' && request.label !== undefined) throw errorAt(input, whole.offset, "an equation has one '='");
    if (whole.kind !== 'expression' && (request.label !== undefined || request.operator !== undefined)) {
      throw errorAt(input, whole.offset, `${request.operator ?? 'a name before ='} goes before an expression, not ${wholeKinds[whole.kind]}`);
    }
    const latexNoted = notation === 'latex' && options.notation !== 'latex';
    // Most inputs are read by no convention: their notes are the lexer's empty list, not a copy of it.
    const notes = !latexNoted && lexed.notes.length === 0 ? lexed.notes : [...new Set([...(latexNoted ? ['read as LaTeX'] : []), ...lexed.notes])];
    // d/dx f: an unknown function alone after the operator is the function of x, not a constant named f.
    const fn = whole.kind === 'expression' && whole.expr.kind === 'variable' && request.operator !== undefined && request.variable !== undefined
      && (abstractFunctionNames.has(whole.expr.name) || lexOptions.abstractFunctions?.has(whole.expr.name) === true) ? whole.expr.name : undefined;
    if (fn !== undefined) {
      const applied = apply(fn, [variable(request.variable!)]);
      return { whole: { kind: 'expression', expr: applied }, notation, request, notes: [...notes, `${fn} is read as ${fn}(${request.variable})`] };
    }
    return { whole, notation, request, notes, ...(places ? { places } : {}) };
  });
}

/** Each kind of whole input but an expression, as messages name it. */
const wholeKinds: Readonly<Record<Exclude<Input['kind'], 'expression'>, string>> = {
  equation: 'an equation', vector: 'a vector', 'vector-function': 'a vector function',
};

/** Why an input that is whole of another kind is no expression, located where that kind shows. */
function notAnExpression(input: string, whole: Exclude<Input, { kind: 'expression' }>): ParseError {
  switch (whole.kind) {
    case 'equation': return errorAt(input, whole.offset, "this '=' makes an equation, a curve: differentiate it implicitly (implicit()), or write a name before '=' to name a function, as in y = x^2");
    case 'vector': return errorAt(input, whole.offset, 'this is a vector of functions: its derivative is a Jacobian (jacobian())');
    case 'vector-function': return errorAt(input, whole.offset, `${whole.spelling} is a vector function: its derivatives are worked out by softmax()`);
  }
}

/**
 * Every reading the grammar gives of a valid text input: exactly one, since the grammar is
 * unambiguous. Only the grammar's own parse reads it, so this is also what any shorter way of
 * reading an input is checked against.
 */
export function readings(input: string, options: ParseOptions = {}): Input[] {
  checkLength(input, options);
  if (input.trim() === '') throw new ParseError('empty input: type an expression such as x^2 + 1', 1, 1, input);
  const lexed = tokenize(input, {
    maxDepth: options.maxDepth ?? parseDefaults.maxDepth, abstractFunctions: declaredFunctions(options.abstractFunctions),
    ...(options.matrixNotation ? { matrixNotation: true } : {}),
  });
  return inputsOf(lexed, input, false);
}

function checkLength(input: string, options: ParseOptions): void {
  const maxLength = options.maxLength ?? parseDefaults.maxLength;
  if (input.length > maxLength) {
    throw new ParseError(`input too long: ${input.length} characters, the limit is ${maxLength} (--max-length, maxLength)`, 1, 1, input.slice(0, 200));
  }
}

/** The one input read, within the depth limit. */
function single(results: readonly Input[], input: string, maxDepth: number = parseDefaults.maxDepth): Input {
  if (results.length > 1) throw new Error(`internal error: the grammar gave ${results.length} readings of '${input}'`);
  const depth = depthOf(results[0]!);
  if (depth > maxDepth) {
    throw new ParseError(`expression nested too deeply: depth ${depth}, the limit is ${maxDepth} (--max-depth, maxDepth)`, 1, 1, input);
  }
  return results[0]!;
}

/** Runs a read, its errors located in `source` (the input as given). */
function withSource<T>(source: string, reading: () => T): T {
  try {
    return reading();
  } catch (error) {
    if (error instanceof ParseError && error.source !== source) throw new ParseError(error.message, error.line, error.column, source, error.advice);
    throw error;
  }
}

/** A backslash command, ^{ or _{, or digits grouped by {,}, as LaTeX has and text does not. */
const looksLikeLatex = (input: string): boolean => (input.includes('\\') || input.includes('{')) && /\\[A-Za-z,;:!{}|]|[\^_]\s*\{|\d\{,\}\d/.test(input);

/** A variable named after d in d/dx, or in f(x) = …, as text writes it. */
const textVariable = (written: string): string | undefined => (written.startsWith('\\') ? undefined : written);

/** The names declared as functions, each checked: a name, and not one of the table's functions. */
function declaredFunctions(names: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!names || names.length === 0) return undefined;
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new InputError(`'${name}' cannot name a function: a name is a letter, then letters, digits and _`, 'invalid-request');
    if (functionSpellings.has(name) || notations.has(name) || name === 'e' || name === 'pi') {
      throw new InputError(`'${name}' is already a function or constant: it cannot be declared one`, 'invalid-request');
    }
  }
  return new Set(names);
}

/** The names declared as variables, each checked: a name, and not a function's or constant's. */
function declaredVariables(names: readonly string[]): ReadonlySet<string> {
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new InputError(`'${name}' cannot name a variable: a name is a letter, then letters, digits and _`, 'invalid-request');
    if (functionSpellings.has(name) || notations.has(name) || name === 'e' || name === 'pi') {
      throw new InputError(`'${name}' is a function or constant: it cannot be declared a variable`, 'invalid-request');
    }
  }
  return new Set(names);
}

/**
 * The expressions the grammar reads from these tokens. Where the bars |…| fit another way too,
 * that reading is tried as well, and if it also reads, the input is refused with both.
 */
/** The depth of an input's deepest tree. */
function depthOf(whole: Input): number {
  switch (whole.kind) {
    case 'expression': return treeDepth(whole.expr);
    case 'equation': return Math.max(treeDepth(whole.left), treeDepth(whole.right));
    case 'vector': return whole.components.reduce((most, c) => Math.max(most, treeDepth(c)), 0);
    case 'vector-function': return 1 + whole.args.reduce((most, a) => Math.max(most, depthOf(a)), 0);
  }
}

function inputsOf(lexed: Lexed, source: string, shortcuts = true): Input[] {
  const results = grammarReadings(lexed.tokens, source, shortcuts);
  if (lexed.otherBars) {
    const other = quietly(() => grammarReadings(lexed.otherBars!, source, shortcuts));
    if (other && other.length === 1) {
      const at = lexed.tokens.findIndex((t, i) => t.type !== lexed.otherBars![i]!.type);
      throw errorAt(source, lexed.tokens[at]!.offset,
        `the bars can be read two ways, as ${barsAsAbs(source, lexed.tokens)} or as ${barsAsAbs(source, lexed.otherBars)}: write abs(…) for one of them`);
    }
  }
  return results;
}

/** The input with its bars written abs( and ): |x|y|z| as abs(x) y abs(z). */
function barsAsAbs(source: string, tokens: readonly Token[]): string {
  let text = '';
  let from = 0;
  for (const t of tokens) {
    if (t.type !== 'lbar' && t.type !== 'rbar') continue;
    text += source.slice(from, t.offset) + (t.type === 'lbar' ? 'abs(' : ')');
    from = t.offset + t.text.length;
  }
  text += source.slice(from);
  return text.replace(/\)(?=[\w(])/g, ') ').replace(/([\w)])abs\(/g, '$1 abs(').trim();
}

/** The readings of tokens, or undefined where they do not read. */
function quietly(reading: () => Input[]): Input[] | undefined {
  try {
    return reading();
  } catch {
    return undefined;
  }
}

/**
 * The readings of tokens. With shortcuts, the part of the grammar most inputs use is read
 * directly (direct.ts), and a long sum term by term (long-sums.ts); without (where the places of
 * operators are kept, or every reading is asked for), only by the grammar's own parse.
 */
function grammarReadings(tokens: readonly Token[], input: string, shortcuts = true): Input[] {
  setSource(input);
  const direct = shortcuts ? readDirectly(tokens) : undefined;
  if (direct !== undefined) return [direct];
  const sum = shortcuts ? readLongSum(tokens, grammar) : undefined;
  if (sum !== undefined) return [{ kind: 'expression', expr: toExpr(sum) }];
  // Errors are reported from a parse of the whole input, which knows what came before.
  lexer.feedNext([...tokens]);
  const parser = new nearley.Parser(grammar);
  try {
    parser.feed(input);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const failed = (error as { token?: Token }).token;
    if (!failed) throw error;
    throw unexpected(parser, chartOf(parser).table.length - 2, failed, input);
  }
  const results = parser.results as (Value | Whole)[];
  if (results.length === 0) throw unexpected(parser, chartOf(parser).table.length - 1, undefined, input);
  return results.map(toInput);
}

/** Builds "expected a number, a name or '(' after '+', found ')'" from the parser's last column. */
function unexpected(parser: nearley.Parser, columnIndex: number, found: Token | undefined, input: string): ParseError {
  const column = chartOf(parser).table[columnIndex]!;
  const wanted = new Set<TokenType>();
  for (const state of column.states) {
    const symbol = state.rule.symbols[state.dot];
    if (symbol && typeof symbol === 'object' && 'type' in symbol) wanted.add((symbol as { type: TokenType }).type);
  }
  const tokens = lexer.all;
  const index = found ? tokens.indexOf(found) : tokens.length;
  const previous = tokens[index - 1];
  // A function name with nothing after it that could be its argument.
  if (previous?.type === 'func' && (!found || !['lparen', 'number', 'name', 'func', 'root', 'lbar', 'pow', 'sup', 'minus', 'plus'].includes(found.type))) {
    const spelling = (previous.meaning as { spelling: string }).spelling;
    return errorAt(input, found ? found.offset : previous.offset + previous.text.length, `${spelling} needs an argument, as in ${spelling}(x) or ${spelling} x`);
  }
  const first = tokens[0];
  // softmax(…) and [f, g] are whole inputs: nothing is expected after them.
  if (found && wanted.size === 0 && (first?.type === 'vecfunc' || first?.type === 'lbracket')) {
    return errorAt(input, found.offset, `${first.type === 'vecfunc' ? `${first.text}(…)` : 'a vector [f, g, …]'} is a whole input: nothing may come after it`);
  }
  const where = previous ? `after '${previous.text}'` : 'at the start';
  const expected = `expected ${describe(wanted)} ${where}`;
  if (found) {
    const said = `${expected}, found '${found.text}'`;
    const name = found.type === 'comma' ? nameBeforeArguments(tokens, index) : undefined;
    // phi(x, y) with phi a variable: the advice is to declare phi a function.
    if (name === undefined) return errorAt(input, found.offset, said);
    return errorAt(input, found.offset, asFunction(name, (advice) => `${said}: ${name} is a variable, not a function; f, g and h are unknown functions of any number of arguments (${advice})`));
  }
  const end = previous ? previous.offset + previous.text.length : 0;
  return errorAt(input, end, expected);
}

/** The name before arguments that are not arguments: a variable, unless it is a function or declared one. */
function nameBeforeArguments(tokens: readonly Token[], commaIndex: number): string | undefined {
  let depth = 0;
  for (let i = commaIndex - 1; i >= 0; i--) {
    const type = tokens[i]!.type;
    if (type === 'rparen' || type === 'rbracket') depth++;
    else if ((type === 'lparen' || type === 'lbracket') && depth-- === 0) {
      const name = tokens[i - 1];
      if (name?.type !== 'name' || name.text === 'e' || name.text === 'pi' || name.text === 'π') return undefined;
      return name.text;
    }
  }
  return '';
}

function describe(wanted: ReadonlySet<TokenType>): string {
  const phrases: string[] = [];
  const any = (...types: TokenType[]): boolean => types.some((t) => wanted.has(t));
  const operand = any('number', 'name', 'func', 'root', 'lparen', 'lbracket', 'lbar');
  // Where an operand may start, a sign is part of it rather than an operator of its own.
  if (any('times', 'divide', 'pow', 'sup') || (!operand && any('plus', 'minus'))) phrases.push('an operator');
  if (wanted.has('number')) phrases.push('a number');
  if (any('name', 'func', 'root')) phrases.push('a name');
  if (any('lparen', 'lbracket')) phrases.push("'('");
  if (wanted.has('lbar') && !any('lparen', 'lbracket')) phrases.push("'|'");
  if (wanted.has('comma')) phrases.push("','");
  if (wanted.has('rparen')) phrases.push("')'");
  if (wanted.has('rbracket')) phrases.push("']'");
  if (wanted.has('rbar')) phrases.push("'|'");
  if (phrases.length === 0) return 'the end of the input';
  return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}
