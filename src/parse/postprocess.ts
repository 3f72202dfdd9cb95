import type { Expr } from '../expr/types.js';
import * as build from '../expr/factory.js';
import { parseDecimal, rational } from '../expr/rational.js';
import type { FunctionValue, NameValue, Token } from './lexer.js';
import { errorAt } from './errors.js';

/*
 * Typed postprocessors for grammar/dydx.ne. Earley parsing completes a rule at every
 * place it could end, so `sum` completes after every term of a long sum: work done in
 * a postprocessor is repeated that often. Postprocessors therefore only record what
 * they saw, in O(1): a value is an Expr, a parenthesised Expr (kept apart so (a+b)+c
 * stays nested), a chain of terms or factors (a persistent list), or a negation not
 * yet built. The tree is built once, from the one complete reading, by toExpr.
 */

interface Grouped { readonly kind: 'grouped'; readonly expr: Expr }
interface Chain {
  readonly kind: 'chain';
  readonly of: 'add' | 'mul';
  readonly previous: Chain | Value;
  readonly item: Value;
}
interface Negated { readonly kind: 'negated'; readonly operand: Value }
/** A value that is one item of a chain, even if it is itself a chain of another operation. */
interface Sealed { readonly kind: 'sealed'; readonly value: Value }
export type Value = Expr | Grouped | Chain | Negated | Sealed;

/** The source text, for errors raised while building the tree. */
let source = '';
export function setSource(text: string): void {
  source = text;
}

export function toExpr(value: Value): Expr {
  switch (value.kind) {
    case 'grouped': return value.expr;
    case 'sealed': return toExpr(value.value);
    case 'negated': return build.neg(toExpr(value.operand));
    case 'chain': {
      const items: Value[] = [];
      let node: Chain | Value = value;
      while (node.kind === 'chain' && node.of === value.of) {
        items.push(node.item);
        node = node.previous;
      }
      items.push(node);
      items.reverse();
      const exprs = items.map(toExpr);
      return value.of === 'add' ? build.add(exprs) : build.mul(exprs);
    }
    default: return value;
  }
}

function extend(of: 'add' | 'mul', left: Value, item: Value): Chain {
  // Only an unparenthesised chain of the same operation is extended; anything else starts one.
  const previous = left.kind === 'chain' && left.of === of ? left : { kind: 'sealed' as const, value: left };
  return { kind: 'chain', of, previous, item };
}

type Data = readonly unknown[];
const value = (d: Data, i: number): Value => d[i] as Value;
const token = (d: Data, i: number): Token => d[i] as Token;

export const plus = (d: Data): Value => extend('add', value(d, 0), value(d, 2));
export const minus = (d: Data): Value => extend('add', value(d, 0), { kind: 'negated', operand: value(d, 2) });
export const negate = (d: Data): Value => ({ kind: 'negated', operand: value(d, 1) });
export const unaryPlus = (d: Data): Value => value(d, 1);

export const times = (d: Data): Value => extend('mul', value(d, 0), value(d, 2));
export const juxtapose = (d: Data): Value => extend('mul', value(d, 0), value(d, 1));
export const divide = (d: Data): Expr => build.div(toExpr(value(d, 0)), toExpr(value(d, 2)));

export const power = (d: Data): Expr => build.pow(toExpr(value(d, 0)), toExpr(value(d, 2)));
export const superscript = (d: Data): Expr =>
  build.pow(toExpr(value(d, 0)), build.num(rational(token(d, 1).meaning as bigint)));

export const number = (d: Data): Expr => {
  const text = token(d, 0).text;
  return build.num(parseDecimal(text), /[.eE]/.test(text));
};

export const name = (d: Data): Expr => {
  const meaning = token(d, 0).meaning as NameValue;
  return meaning.kind === 'constant' ? build.constant(meaning.name) : build.variable(meaning.name);
};

export const group = (d: Data): Grouped => ({ kind: 'grouped', expr: toExpr(value(d, 1)) });

export const root = (d: Data): Expr => build.call(token(d, 0).text === '∛' ? 'cbrt' : 'sqrt', [toExpr(value(d, 1))]);

export const firstArgument = (d: Data): Value[] => [value(d, 0)];
export const nextArgument = (d: Data): Value[] => [...(d[0] as Value[]), value(d, 2)];

export const call = (d: Data): Expr => {
  const fn = token(d, 0);
  const meaning = fn.meaning as FunctionValue;
  const args = (d[2] as Value[]).map(toExpr);
  if (meaning.kind === 'abstract') {
    if (args.length !== 1) throw arityError(fn, meaning.spelling, [1, 1], args.length);
    return build.apply(meaning.name, meaning.order, args[0]!);
  }
  const [fewest, most] = meaning.entry.arity;
  if (args.length < fewest || args.length > most) throw arityError(fn, meaning.spelling, meaning.entry.arity, args.length);
  return build.call(meaning.entry.name, args);
};

function arityError(fn: Token, spelling: string, [fewest, most]: readonly [number, number], got: number): Error {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  const takes = fewest === most ? plural(fewest) : `${fewest} or ${plural(most)}`;
  return errorAt(source, fn.offset, `${spelling} takes ${takes}, got ${got}`);
}
