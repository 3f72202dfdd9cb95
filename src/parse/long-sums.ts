import nearley from 'nearley';
import compiled from './grammar.generated.js';
import { lexer, type Token, type TokenType } from './lexer.js';
import { minus, plus, type Value } from './postprocess.js';

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
const operandEnds: ReadonlySet<TokenType> = new Set<TokenType>(['number', 'name', 'rparen', 'rbracket', 'rbar', 'sup']);

/** The terms of the sum at the top level of the input (outside all brackets). */
function topLevelTerms(tokens: readonly Token[]): Term[] {
  const terms: Term[] = [];
  let depth = 0;
  let start = 0;
  let operator: Token | undefined;
  tokens.forEach((t, i) => {
    if (t.type === 'lparen' || t.type === 'lbracket' || t.type === 'lbar') depth++;
    else if (t.type === 'rparen' || t.type === 'rbracket' || t.type === 'rbar') depth--;
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

/** The one reading of these tokens by a grammar, or undefined when there is not exactly one. */
function readOnce(tokens: Token[], grammar: nearley.Grammar): unknown {
  lexer.feedNext(tokens);
  const parser = new nearley.Parser(grammar);
  try {
    parser.feed('');
  } catch {
    return undefined;
  }
  return parser.results.length === 1 ? parser.results[0] : undefined;
}

/** The rules that read a term, or undefined when it does not read as exactly one term. */
function recordReading(tokens: Token[]): Reading | undefined {
  const recorded = readOnce(tokens, recordingGrammar) as RecordedStep | undefined;
  if (recorded === undefined) return undefined;
  const place = new Map(tokens.map((t, i) => [t, i]));
  const toReading = (step: RecordedStep): Reading => ({
    postprocess: step.postprocess,
    parts: step.data.map((d) => (place.has(d as Token) ? place.get(d as Token)! : toReading(d as RecordedStep))),
  });
  return toReading(recorded);
}

/** The value the grammar's own postprocessors build for these tokens, read as the reading says. */
function replay(reading: Reading, tokens: readonly Token[]): unknown {
  const data = reading.parts.map((part) => (typeof part === 'number' ? tokens[part] : replay(part, tokens)));
  return reading.postprocess ? reading.postprocess(data) : data;
}

/** The sum of the terms as the grammar builds it, or undefined when a term does not read as one (then the whole input is parsed, for the error). */
function readTerms(terms: readonly Term[], grammar: nearley.Grammar): Value | undefined {
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
      term = readOnce(tokens, grammar) as Value | undefined;
    }
    if (term === undefined) return undefined;
    sum = sum === undefined ? term : (operator!.type === 'plus' ? plus : minus)([sum, operator, term]);
  }
  return sum;
}

/**
 * The value of a sum of many terms, read term by term; undefined when the input is not such a
 * sum or a term does not read as one (the caller then parses the whole, for the error).
 */
export function readLongSum(tokens: readonly Token[], grammar: nearley.Grammar): Value | undefined {
  // An equation's sides are no terms of one sum.
  if (tokens.some((t) => t.type === 'equals')) return undefined;
  const terms = topLevelTerms(tokens);
  return terms.length >= minTermsToSplit ? readTerms(terms, grammar) : undefined;
}
