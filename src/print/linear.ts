import { toSuperscript } from '../expr/letters.js';
import type { Apply, Call, Expr, Num } from '../expr/types.js';
import { neg, negated } from '../expr/factory.js';
import { foldWritten, partialIndices } from '../expr/traverse.js';
import { functionTable } from '../functions/table.js';
import { isInteger, isOne, isZero } from '../expr/rational.js';
import { precedence, precedenceOf, required, type Notation } from './precedence.js';
import { isNegativeLooking, isNegativeNumber } from '../expr/sign.js';
import { numberText } from './numbers.js';
import { expectTree } from '../expr/check-tree.js';

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
export const toText = (e: Expr): string => {
  expectTree(e, 'toText');
  return print(e, textStyle);
};
/** Unicode text for people: e^(−x)/(1 + e^(−x))², σ(x)·(1 − σ(x)). */
export const toUnicode = (e: Expr): string => {
  expectTree(e, 'toUnicode');
  return print(e, unicodeStyle);
};

/** Prints children first; any depth of nesting prints (see foldWritten). */
function print(root: Expr, style: LinearStyle): string {
  return foldWritten(root, (e, of) => printNode(e, style, of));
}

function printNode(e: Expr, style: LinearStyle, print: (child: Expr) => string): string {
  const child = (c: Expr, minimum: number): string =>
    precedenceOf(c, style.notation) < minimum ? `(${print(c)})` : print(c);

  switch (e.kind) {
    case 'num': return numberText(e, style.minus);
    case 'constant': return style.constants[e.name];
    case 'variable': return e.name;
    case 'add':
      return e.terms.map((term, i) => {
        if (i === 0) return child(term, required.firstTerm);
        if (isNegativeLooking(term)) {
          const positive = negated(term);
          return ` ${style.minus} ${child(positive, required.laterTerm)}`;
        }
        return ` + ${child(term, required.laterTerm)}`;
      }).reduce((text, part) => text + part, '');
    case 'neg':
      return style.minus + child(e.operand, required.signOperand);
    case 'mul':
      return e.factors.map((factor, i) => {
        if (i === 0) {
          // A nested product keeps its parentheses, or it would read back flattened.
          if (factor.kind === 'mul') return `(${print(factor)})`;
          return isNegativeNumber(factor) ? print(factor) : child(factor, required.firstFactor);
        }
        const text = factor.kind === 'mul' ? `(${print(factor)})` : child(factor, required.laterFactor);
        return (i === 1 && juxtaposes(e.factors[0]!, text, style) ? '' : style.times) + text;
      }).reduce((text, part) => text + part, '');
    case 'div': {
      const numerator = isNegativeNumber(e.numerator) ? print(e.numerator) : child(e.numerator, required.firstFactor);
      return `${numerator}/${child(e.denominator, required.denominator)}`;
    }
    case 'pow': return power(child(e.base, required.base), e.exponent, style, print);
    case 'call': return call(e, style, print);
    case 'apply': return apply(e, style, print);
    case 'derivative': {
      const prime = style.notation === 'text' ? "'" : '′';
      return e.operand.kind === 'variable' ? `${e.operand.name}${prime}` : `(${print(e.operand)})${prime}`;
    }
  }
}

/** 2x, 3(x + 1), 2σ(x): a leading number coefficient followed by something that starts with a letter or '('. */
function juxtaposes(previous: Expr, next: string, style: LinearStyle): boolean {
  // Not before e3 or E5: 2e3 would read back as the number 2000.
  return style.mathematical && previous.kind === 'num' && isWholeOrDecimal(previous) && /^[\p{L}(√∛|]/u.test(next) && !/^[eE][\d+\-−]/.test(next);
}

/** Integers and decimals other than 0 and ±1, signed or not: 2x but 1·x and 0·x; 1/2·x keeps its operator. */
const isWholeOrDecimal = (n: Num): boolean =>
  !isOne(n.value.abs()) && !isZero(n.value) && precedenceOf(n.value.s < 0n ? neg(n) : n, 'unicode') === precedence.atom;

function power(base: string, exponent: Expr, style: LinearStyle, print: (child: Expr) => string): string {
  if (style.mathematical && exponent.kind === 'num' && isInteger(exponent.value)) return base + superscript(exponent);
  const text = precedenceOf(exponent, style.notation) < required.exponent ? `(${print(exponent)})` : print(exponent);
  return `${base}^${text}`;
}

function superscript(n: Num): string {
  const digits = toSuperscript(n.value.n);
  return (isNegativeNumber(n) ? '⁻' : '') + digits;
}

function call(e: Call, style: LinearStyle, print: (child: Expr) => string): string {
  const args = (): string => e.args.map(print).join(', ');
  if (style.notation === 'text') return `${e.name}(${args()})`;
  const spelling = functionTable[e.name].unicode;
  const [u] = e.args as [Expr];
  switch (spelling.kind) {
    case 'power-of-e': return power(style.constants.e, u, style, print);
    case 'prefix':
      return precedenceOf(u, style.notation) < required.rootOperand ? `${spelling.sign}(${print(u)})` : spelling.sign + print(u);
    case 'delimiters': return `${spelling.open}${print(u)}${spelling.close}`;
    case 'name': return `${e.args.length > 1 && spelling.withBase ? spelling.withBase : spelling.name}(${args()})`;
  }
}

/** f(x), f′(x); with several arguments the derivative by each: ∂₁∂₂f(x, y) in Unicode, D12f(x, y) in text. */
function apply(e: Apply, style: LinearStyle, print: (child: Expr) => string): string {
  const args = e.args.map(print).join(', ');
  if (e.args.length === 1) return `${e.name}${(style.notation === 'text' ? "'" : '′').repeat(e.orders[0]!)}(${args})`;
  const by = partialIndices(e);
  if (by.length === 0) return `${e.name}(${args})`;
  return style.notation === 'text'
    ? `D${by.some((i) => i > 9) ? `_${by.join('_')}` : by.join('')}${e.name}(${args})`
    : `${by.map((i) => `∂${String(i).replace(/\d/g, (d) => subscriptDigits[Number(d)]!)}`).join('')}${e.name}(${args})`;
}

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

