import nearley from 'nearley';
import type { Expr } from '../expr/types.js';
import compiled from './grammar.generated.js';
import { errorAt, ParseError } from './errors.js';
import { lexer, tokenize, type Token, type TokenType } from './lexer.js';
import { minus, plus, setSource, toExpr, type Value } from './postprocess.js';
import { treeDepth } from '../expr/size.js';

export interface ParseOptions {
  /** Longest input accepted, in characters. */
  readonly maxLength?: number;
  /** Deepest nesting accepted: brackets, and the depth of the tree. */
  readonly maxDepth?: number;
}

/** Limits on input; nesting is limited because later stages recurse over the tree. */
export const parseDefaults = { maxLength: 1_000_000, maxDepth: 100_000 } as const;

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

/** Every reading the grammar gives of a valid input: exactly one, since the grammar is unambiguous. */
export function readings(input: string, options: ParseOptions = {}): Expr[] {
  const maxLength = options.maxLength ?? parseDefaults.maxLength;
  if (input.length > maxLength) {
    throw new ParseError(`input too long: ${input.length} characters, the limit is ${maxLength}`, 1, 1, input.slice(0, 200));
  }
  if (input.trim() === '') throw new ParseError('empty input: type an expression such as x^2 + 1', 1, 1, input);
  lexer.options = { maxDepth: options.maxDepth ?? parseDefaults.maxDepth };
  setSource(input);
  const tokens = tokenize(input, lexer.options);
  const terms = topLevelTerms(tokens);
  if (terms.length >= minTermsToSplit) {
    const sum = readTerms(terms);
    if (sum !== undefined) return [toExpr(sum)];
  }
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

/*
 * A long sum is read term by term: each term is a small Earley parse, and the terms are joined
 * by the grammar's own postprocessors for a + b and a − b, so the tree is the one a parse of the
 * whole gives. One parse of the whole keeps every column's states for all the terms; 50,000
 * terms took 2.5 s and 350 MB that way.
 */
const minTermsToSplit = 64;

interface Term {
  /** The + or − before the term; none for the first. */
  readonly operator: Token | undefined;
  readonly tokens: Token[];
}

/** Tokens that end an operand: after one of them, a + or − can only join two terms of a sum. */
const operandEnds: ReadonlySet<TokenType> = new Set<TokenType>(['number', 'name', 'rparen', 'rbracket', 'sup']);

/** The terms of the sum at the top level of the input (outside all brackets). */
function topLevelTerms(tokens: readonly Token[]): Term[] {
  const terms: Term[] = [];
  let depth = 0;
  let start = 0;
  let operator: Token | undefined;
  tokens.forEach((t, i) => {
    if (t.type === 'lparen' || t.type === 'lbracket') depth++;
    else if (t.type === 'rparen' || t.type === 'rbracket') depth--;
    else if (depth === 0 && (t.type === 'plus' || t.type === 'minus') && i > start && operandEnds.has(tokens[i - 1]!.type)) {
      terms.push({ operator, tokens: tokens.slice(start, i) });
      operator = t;
      start = i + 1;
    }
  });
  terms.push({ operator, tokens: tokens.slice(start) });
  return terms;
}

/*
 * Terms with the same token types are read the same way (the grammar's terminals are token
 * types), so the rules that read a term are recorded once per shape and replayed on the next
 * term of that shape with its own tokens: 2*x^1 + 3*x^2 + … is parsed once and built 50,000 times.
 */

/** The rules that read a term, as a tree: each rule with its parts, tokens by their place in the term. */
interface Reading {
  readonly postprocess: ((data: unknown[]) => unknown) | undefined;
  readonly parts: readonly (Reading | number)[];
}

/** The grammar with postprocessors that record which rule read what, instead of building values. */
const recordingGrammar = (() => {
  const rules = (compiled as unknown as nearley.CompiledRules).ParserRules.map((rule) => ({
    ...rule,
    postprocess: (data: unknown[]): RecordedStep => ({ postprocess: rule.postprocess as Reading['postprocess'], data }),
  }));
  return nearley.Grammar.fromCompiled({ ...(compiled as unknown as nearley.CompiledRules), ParserRules: rules });
})();
interface RecordedStep {
  readonly postprocess: Reading['postprocess'];
  readonly data: readonly unknown[];
}

/** Terms longer than this are parsed on their own: long shapes seldom repeat. */
const maxRecordedTokens = 48;

/** The rules that read a term, or undefined when it does not read as exactly one term. */
function recordReading(tokens: Token[]): Reading | undefined {
  lexer.feedNext(tokens);
  const parser = new nearley.Parser(recordingGrammar);
  try {
    parser.feed('');
  } catch {
    return undefined;
  }
  if (parser.results.length !== 1) return undefined;
  const place = new Map(tokens.map((t, i) => [t, i]));
  const toReading = (step: RecordedStep): Reading => ({
    postprocess: step.postprocess,
    parts: step.data.map((d) => (place.has(d as Token) ? place.get(d as Token)! : toReading(d as RecordedStep))),
  });
  return toReading(parser.results[0] as RecordedStep);
}

/** The value the grammar's own postprocessors build for these tokens, read as the reading says. */
function replay(reading: Reading, tokens: readonly Token[]): unknown {
  const data = reading.parts.map((part) => (typeof part === 'number' ? tokens[part] : replay(part, tokens)));
  return reading.postprocess ? reading.postprocess(data) : data;
}

/** One term read by a parse of its own. */
function readTerm(tokens: Token[]): Value | undefined {
  lexer.feedNext(tokens);
  const parser = new nearley.Parser(grammar);
  try {
    parser.feed('');
  } catch {
    return undefined;
  }
  return parser.results.length === 1 ? (parser.results[0] as Value) : undefined;
}

/** The sum of the terms as the grammar builds it, or undefined when a term does not read as one (then the whole input is parsed, for the error). */
function readTerms(terms: readonly Term[]): Value | undefined {
  const readingsByShape = new Map<string, Reading | undefined>();
  let sum: Value | undefined;
  for (const { operator, tokens } of terms) {
    let term: Value | undefined;
    if (tokens.length <= maxRecordedTokens) {
      const shape = tokens.map((t) => t.type).join(' ');
      if (!readingsByShape.has(shape)) readingsByShape.set(shape, recordReading(tokens));
      const reading = readingsByShape.get(shape);
      term = reading && (replay(reading, tokens) as Value);
    } else {
      term = readTerm(tokens);
    }
    if (term === undefined) return undefined;
    sum = sum === undefined ? term : (operator!.type === 'plus' ? plus : minus)([sum, operator, term]);
  }
  return sum;
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
  if (found) return errorAt(input, found.offset, `${expected}, found '${found.text}'`);
  const end = previous ? previous.offset + previous.text.length : 0;
  return errorAt(input, end, expected);
}

function describe(wanted: ReadonlySet<TokenType>): string {
  const phrases: string[] = [];
  const any = (...types: TokenType[]): boolean => types.some((t) => wanted.has(t));
  const operand = any('number', 'name', 'func', 'root', 'lparen', 'lbracket');
  // Where an operand may start, a sign is part of it rather than an operator of its own.
  if (any('times', 'divide', 'pow', 'sup') || (!operand && any('plus', 'minus'))) phrases.push('an operator');
  if (wanted.has('number')) phrases.push('a number');
  if (any('name', 'func', 'root')) phrases.push('a name');
  if (any('lparen', 'lbracket')) phrases.push("'('");
  if (wanted.has('comma')) phrases.push("','");
  if (wanted.has('rparen')) phrases.push("')'");
  if (wanted.has('rbracket')) phrases.push("']'");
  if (phrases.length === 0) return 'the end of the input';
  return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}
