import nearley from 'nearley';
import type { Expr } from '../expr/types.js';
import compiled from './grammar.generated.js';
import { errorAt, ParseError } from './errors.js';
import { lexer, tokenize, type Token, type TokenType } from './lexer.js';
import { setSource, toExpr, type Value } from './postprocess.js';
import { readLongSum } from './long-sums.js';
import { treeDepth } from '../expr/size.js';
import { functionSpellings, notations } from '../functions/spellings.js';
import { InputError } from '../errors.js';

export interface ParseOptions {
  /** Longest input accepted, in characters. */
  readonly maxLength?: number;
  /** Deepest nesting accepted: brackets, and the depth of the tree. */
  readonly maxDepth?: number;
  /** Names read as abstract functions besides f, g and h: with ['phi'], phi(x, y) is a function of x and y. */
  readonly abstractFunctions?: readonly string[];
}

/** Limits on input; nesting is limited because later stages recurse over the tree. */
const parseDefaults = { maxLength: 1_000_000, maxDepth: 100_000 } as const;

const grammar = nearley.Grammar.fromCompiled(compiled as unknown as nearley.CompiledRules);

/** The parts of nearley's chart the error messages read: each column's states and what they expect next. */
interface Chart {
  readonly table: readonly { readonly states: readonly { readonly rule: { readonly symbols: readonly unknown[] }; readonly dot: number }[] }[];
}
const chartOf = (parser: nearley.Parser): Chart => parser as unknown as Chart;

/** Reads an expression, or throws a ParseError saying what is wrong and where. */
export function parse(input: string, options: ParseOptions = {}): Expr {
  const results = readings(input, options);
  if (results.length > 1) throw new Error(`internal error: the grammar gave ${results.length} readings of '${input}'`);
  const maxDepth = options.maxDepth ?? parseDefaults.maxDepth;
  const depth = treeDepth(results[0]!);
  if (depth > maxDepth) {
    throw new ParseError(`expression nested too deeply: depth ${depth}, the limit is ${maxDepth}`, 1, 1, input);
  }
  return results[0]!;
}

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

/** Every reading the grammar gives of a valid input: exactly one, since the grammar is unambiguous. */
export function readings(input: string, options: ParseOptions = {}): Expr[] {
  const maxLength = options.maxLength ?? parseDefaults.maxLength;
  if (input.length > maxLength) {
    throw new ParseError(`input too long: ${input.length} characters, the limit is ${maxLength}`, 1, 1, input.slice(0, 200));
  }
  if (input.trim() === '') throw new ParseError('empty input: type an expression such as x^2 + 1', 1, 1, input);
  setSource(input);
  const tokens = tokenize(input, { maxDepth: options.maxDepth ?? parseDefaults.maxDepth, abstractFunctions: declaredFunctions(options.abstractFunctions) });
  const sum = readLongSum(tokens, grammar);
  if (sum !== undefined) return [toExpr(sum)];
  // Errors are reported from a parse of the whole input, which knows what came before.
  lexer.feedNext(tokens);
  const parser = new nearley.Parser(grammar);
  try {
    parser.feed(input);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const failed = (error as { token?: Token }).token;
    if (!failed) throw error;
    throw unexpected(parser, chartOf(parser).table.length - 2, failed, input);
  }
  const results = parser.results as Value[];
  if (results.length === 0) throw unexpected(parser, chartOf(parser).table.length - 1, undefined, input);
  return results.map(toExpr);
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
  const where = previous ? `after '${previous.text}'` : 'at the start';
  const expected = `expected ${describe(wanted)} ${where}`;
  if (found) return errorAt(input, found.offset, `${expected}, found '${found.text}'${found.type === 'comma' ? argumentsOfAName(tokens, index) : ''}`);
  const end = previous ? previous.offset + previous.text.length : 0;
  return errorAt(input, end, expected);
}

/** Why arguments after a name are not arguments: the name is a variable unless it is a function or declared one. */
function argumentsOfAName(tokens: readonly Token[], commaIndex: number): string {
  let depth = 0;
  for (let i = commaIndex - 1; i >= 0; i--) {
    const type = tokens[i]!.type;
    if (type === 'rparen' || type === 'rbracket') depth++;
    else if ((type === 'lparen' || type === 'lbracket') && depth-- === 0) {
      const name = tokens[i - 1];
      if (name?.type !== 'name' || name.text === 'e' || name.text === 'pi' || name.text === 'π') return '';
      return `: ${name.text} is a variable, not a function; f, g and h are unknown functions of any number of arguments, and another name can be declared one (--function ${name.text})`;
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
