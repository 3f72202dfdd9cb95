import type { Apply, Call, Expr, Num } from '../expr/types.js';
import { neg } from '../expr/factory.js';
import { functionEntry } from '../expr/functions.js';
import { isInteger, isOne, isZero } from '../expr/rational.js';
import { isNegativeLooking, isNegativeNumber, precedence, precedenceOf, required, type Notation } from './precedence.js';
import { numberText } from './numbers.js';

/** The symbols that tell ASCII text from Unicode text; the structure is shared. */
interface LinearStyle {
  readonly notation: Exclude<Notation, 'latex'>;
  readonly minus: string;
  readonly times: string;
  readonly constants: { readonly e: string; readonly pi: string };
  /** Writes 2x rather than 2·x, and x² rather than x^2. */
  readonly mathematical: boolean;
}

const textStyle: LinearStyle = {
  notation: 'text', minus: '-', times: '*', constants: { e: 'e', pi: 'pi' }, mathematical: false,
};
const unicodeStyle: LinearStyle = {
  notation: 'unicode', minus: '−', times: '·', constants: { e: 'e', pi: 'π' }, mathematical: true,
};

/** ASCII text that dydx and mathjs both read back: exp(-x)/(1 + exp(-x))^2. */
export const toText = (e: Expr): string => print(e, textStyle);
/** Unicode text for people: e^(−x)/(1 + e^(−x))², σ(x)·(1 − σ(x)). */
export const toUnicode = (e: Expr): string => print(e, unicodeStyle);

function print(e: Expr, style: LinearStyle): string {
  const child = (c: Expr, minimum: number): string =>
    precedenceOf(c, style.notation) < minimum ? `(${print(c, style)})` : print(c, style);

  switch (e.kind) {
    case 'num': return numberText(e, style.minus);
    case 'constant': return style.constants[e.name];
    case 'variable': return e.name;
    case 'add':
      return e.terms.map((term, i) => {
        if (i === 0) return child(term, required.firstTerm);
        if (isNegativeLooking(term)) {
          const positive = term.kind === 'neg' ? term.operand : neg(term);
          return ` ${style.minus} ${child(positive, required.laterTerm)}`;
        }
        return ` + ${child(term, required.laterTerm)}`;
      }).join('');
    case 'neg':
      return style.minus + child(e.operand, required.signOperand);
    case 'mul':
      return e.factors.map((factor, i) => {
        if (i === 0) {
          // A nested product keeps its parentheses, or it would read back flattened.
          if (factor.kind === 'mul') return `(${print(factor, style)})`;
          return isNegativeNumber(factor) ? print(factor, style) : child(factor, required.firstFactor);
        }
        const text = factor.kind === 'mul' ? `(${print(factor, style)})` : child(factor, required.laterFactor);
        return (i === 1 && juxtaposes(e.factors[0]!, text, style) ? '' : style.times) + text;
      }).join('');
    case 'div': {
      const numerator = isNegativeNumber(e.numerator) ? print(e.numerator, style) : child(e.numerator, required.firstFactor);
      return `${numerator}/${child(e.denominator, required.denominator)}`;
    }
    case 'pow': return power(child(e.base, required.base), e.exponent, style);
    case 'call': return call(e, style);
    case 'apply': return apply(e, style);
    case 'derivative': {
      const prime = style.notation === 'text' ? "'" : '′';
      return e.operand.kind === 'variable' ? `${e.operand.name}${prime}` : `(${print(e.operand, style)})${prime}`;
    }
  }
}

/** 2x, 3(x + 1), 2σ(x): a leading number coefficient followed by something that starts with a letter or '('. */
function juxtaposes(previous: Expr, next: string, style: LinearStyle): boolean {
  return style.mathematical && previous.kind === 'num' && isWholeOrDecimal(previous) && /^[\p{L}(√∛]/u.test(next);
}

/** Integers and decimals other than 0 and ±1, signed or not: 2x but 1·x and 0·x; 1/2·x keeps its operator. */
const isWholeOrDecimal = (n: Num): boolean =>
  !isOne(n.value.abs()) && !isZero(n.value) && precedenceOf(n.value.s < 0n ? neg(n) : n, 'unicode') === precedence.atom;

function power(base: string, exponent: Expr, style: LinearStyle): string {
  if (style.mathematical && exponent.kind === 'num' && isInteger(exponent.value)) return base + superscript(exponent);
  const text = precedenceOf(exponent, style.notation) < required.exponent ? `(${print(exponent, style)})` : print(exponent, style);
  return `${base}^${text}`;
}

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(n: Num): string {
  const digits = n.value.n.toString().replace(/\d/g, (d) => superscriptDigits[Number(d)]!);
  return (isNegativeNumber(n) ? '⁻' : '') + digits;
}

function call(e: Call, style: LinearStyle): string {
  // Arguments are printed once, in the branch that uses them: printing twice per level is exponential.
  const args = (): string => e.args.map((a) => print(a, style)).join(', ');
  if (style.notation === 'text') return `${e.name}(${args()})`;
  const [u] = e.args as [Expr];
  switch (e.name) {
    case 'exp': return power(style.constants.e, u, style);
    case 'sqrt': case 'cbrt': {
      const sign = functionEntry(e.name).unicode;
      return precedenceOf(u, style.notation) < required.rootOperand ? `${sign}(${print(u, style)})` : sign + print(u, style);
    }
    case 'log': return e.args.length === 2 ? `log(${args()})` : `ln(${args()})`;
    default: return `${functionEntry(e.name).unicode}(${args()})`;
  }
}

function apply(e: Apply, style: LinearStyle): string {
  const prime = style.notation === 'text' ? "'" : '′';
  return `${e.name}${prime.repeat(e.order)}(${print(e.arg, style)})`;
}
