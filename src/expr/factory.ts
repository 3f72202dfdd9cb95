import type {
  Add, Apply, Call, Constant, ConstantName, Derivative, Div, Expr, Mul, Neg, Num, Pow, Rational, Variable,
} from './types.js';
import { hashList, hashString, mix } from './hash.js';
import { isTerminating, isZero, rational } from './rational.js';

/*
 * The only place trees are made. A few canonical forms are applied here so that
 * every tree the project can hold prints and reads back as itself:
 *  - the sign of a leading number is part of the number: −2·x is mul(−2, x), −1/x is div(−1, x);
 *  - a quotient of two numbers is a rational number: 1/2 is num(1/2);
 *  - e^u is exp(u);
 *  - a sum or product of one item is that item, of none is 0 or 1.
 */

const seed = {
  num: hashString('num'), constant: hashString('constant'), variable: hashString('variable'),
  add: hashString('add'), mul: hashString('mul'), div: hashString('div'), neg: hashString('neg'),
  pow: hashString('pow'), call: hashString('call'), apply: hashString('apply'),
  derivative: hashString('derivative'),
};

export function num(value: Rational, decimal = false): Num {
  const hash = mix(mix(seed.num, hashString(value.n.toString())), hashString(value.d.toString()) ^ Number(value.s));
  return { kind: 'num', value, decimal: decimal && isTerminating(value), hash };
}

export const int = (n: number | bigint): Num => num(rational(n));

export const constant = (name: ConstantName): Constant =>
  ({ kind: 'constant', name, hash: mix(seed.constant, hashString(name)) });

export const variable = (name: string): Variable =>
  ({ kind: 'variable', name, hash: mix(seed.variable, hashString(name)) });

export function add(terms: readonly Expr[]): Expr {
  if (terms.length === 0) return int(0);
  if (terms.length === 1) return terms[0]!;
  const node: Add = { kind: 'add', terms, hash: hashList(seed.add, terms.map((t) => t.hash)) };
  return node;
}

export function mul(factors: readonly Expr[]): Expr {
  if (factors.length === 0) return int(1);
  if (factors.length === 1) return factors[0]!;
  const node: Mul = { kind: 'mul', factors, hash: hashList(seed.mul, factors.map((f) => f.hash)) };
  return node;
}

export function div(numerator: Expr, denominator: Expr): Expr {
  if (numerator.kind === 'num' && denominator.kind === 'num' && !isZero(denominator.value)) {
    return num(numerator.value.div(denominator.value), numerator.decimal || denominator.decimal);
  }
  const node: Div = {
    kind: 'div', numerator, denominator, hash: mix(mix(seed.div, numerator.hash), denominator.hash),
  };
  return node;
}

export function neg(operand: Expr): Expr {
  const folded = negateLeadingNumber(operand);
  if (folded) return folded;
  const node: Neg = { kind: 'neg', operand, hash: mix(seed.neg, operand.hash) };
  return node;
}

/** −(2·x) is (−2)·x and −(1/x) is (−1)/x: the sign joins the leading number, if there is one. */
function negateLeadingNumber(e: Expr): Expr | undefined {
  switch (e.kind) {
    case 'num':
      return num(e.value.neg(), e.decimal);
    case 'mul': {
      const first = negateLeadingNumber(e.factors[0]!);
      return first && mul([first, ...e.factors.slice(1)]);
    }
    case 'div': {
      const numerator = negateLeadingNumber(e.numerator);
      return numerator && div(numerator, e.denominator);
    }
    default:
      return undefined;
  }
}

export function pow(base: Expr, exponent: Expr): Expr {
  if (base.kind === 'constant' && base.name === 'e') return call('exp', [exponent]);
  const node: Pow = { kind: 'pow', base, exponent, hash: mix(mix(seed.pow, base.hash), exponent.hash) };
  return node;
}

export function call(name: string, args: readonly Expr[]): Call {
  return { kind: 'call', name, args, hash: hashList(mix(seed.call, hashString(name)), args.map((a) => a.hash)) };
}

export function apply(name: string, order: number, arg: Expr): Apply {
  return { kind: 'apply', name, order, arg, hash: mix(mix(mix(seed.apply, hashString(name)), order), arg.hash) };
}

/** (u)′ with respect to a variable, unevaluated. */
export function derivative(operand: Expr, variable: string): Derivative {
  return { kind: 'derivative', operand, variable, hash: mix(mix(seed.derivative, hashString(variable)), operand.hash) };
}

/**
 * The same node with other children, built exactly as given, without the canonical
 * forms above. Only for showing the intermediate forms of a derivation, where a
 * child is rewritten before its parent is: −(2·x) must stay −(2·x) until then.
 */
export function rebuildExactly(e: Expr, next: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'add': return { kind: 'add', terms: next, hash: hashList(seed.add, next.map((t) => t.hash)) };
    case 'mul': return { kind: 'mul', factors: next, hash: hashList(seed.mul, next.map((f) => f.hash)) };
    case 'div': return { kind: 'div', numerator: next[0]!, denominator: next[1]!, hash: mix(mix(seed.div, next[0]!.hash), next[1]!.hash) };
    case 'neg': return { kind: 'neg', operand: next[0]!, hash: mix(seed.neg, next[0]!.hash) };
    case 'pow': return { kind: 'pow', base: next[0]!, exponent: next[1]!, hash: mix(mix(seed.pow, next[0]!.hash), next[1]!.hash) };
    case 'call': return call(e.name, next);
    case 'apply': return apply(e.name, e.order, next[0]!);
    case 'derivative': return derivative(next[0]!, e.variable);
    case 'num': case 'constant': case 'variable': return e;
  }
}

/** a − b, as the parser reads it. */
export const sub = (a: Expr, b: Expr): Expr => add([a, neg(b)]);
