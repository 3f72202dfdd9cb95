import type { MatrixExpr, MProduct } from '../matrix/types.js';
import { int, number, power, product, productParts, startsNegative } from '../matrix/factory.js';
import { isScalar } from '../matrix/shape.js';
import { num } from '../expr/factory.js';
import { isInteger, isNegative, rational } from '../expr/rational.js';
import { functionTable } from '../functions/table.js';
import { matrixFunctionTable } from '../functions/matrix-table.js';
import { matrixPrecedenceOf, precedence, required, type Notation } from './precedence.js';
import { numberText } from './numbers.js';
import { callLatex, variableLatex } from './latex.js';
import { toSuperscript } from '../expr/letters.js';

/*
 * Matrix notation printed. Text is what dydx reads back with the same shapes (W*x, x', a .* b,
 * a ./ b, x.^2, inv(A), norm(v), eye(3), ones(3)); Unicode is for people (Wx, xᵀ, a ⊙ b, A⁻¹,
 * ‖v‖, I, 𝟏); LaTeX sets vectors and matrices in bold and scalars plain (\mathbf{W}\mathbf{x},
 * \mathbf{x}^\top, \odot, \mathbf{A}^{-1}, \left\lVert\mathbf{v}\right\rVert, \mathbf{I}, \mathbf{1}),
 * whichever case their names are in: bold is what the shapes declared.
 */

export const matrixToText = (e: MatrixExpr): string => print(e, 'text');
export const matrixToUnicode = (e: MatrixExpr): string => print(e, 'unicode');
export const matrixToLatex = (e: MatrixExpr): string => print(e, 'latex');
export const matrixPrinter = (notation: Notation): ((e: MatrixExpr) => string) => (e) => print(e, notation);

interface Style {
  readonly minus: string;
  readonly open: string;
  readonly close: string;
}
const styles: Readonly<Record<Notation, Style>> = {
  text: { minus: '-', open: '(', close: ')' },
  unicode: { minus: '−', open: '(', close: ')' },
  latex: { minus: '-', open: '\\left(', close: '\\right)' },
};

function print(e: MatrixExpr, notation: Notation): string {
  const style = styles[notation];
  const child = (c: MatrixExpr, minimum: number): string => {
    const text = print(c, notation);
    return matrixPrecedenceOf(c, notation) < minimum ? `${style.open}${text}${style.close}` : text;
  };
  switch (e.kind) {
    case 'number': {
      if (notation !== 'latex') return numberText(num(e.value), style.minus);
      const q = e.value;
      return isInteger(q) ? numberText(num(q)) : `${isNegative(q) ? '-' : ''}\\frac{${q.n}}{${q.d}}`;
    }
    case 'constant': return e.name === 'e' ? 'e' : notation === 'text' ? 'pi' : notation === 'unicode' ? 'π' : '\\pi';
    case 'variable': return notation === 'latex' ? latexName(e.name, !isScalar(e.shape)) : e.name;
    case 'differential': {
      // dX for a variable; d(F) for what is still to work out.
      const d = notation === 'latex' ? '\\mathrm{d}' : 'd';
      return e.operand.kind === 'variable' ? `${d}${print(e.operand, notation)}` : `${d}${style.open}${print(e.operand, notation)}${style.close}`;
    }
    case 'identity': return notation === 'text' ? `eye(${e.shape.rows})` : notation === 'unicode' ? 'I' : '\\mathbf{I}';
    case 'ones': return notation === 'text' ? `ones(${sizes(e)})` : notation === 'unicode' ? '𝟏' : '\\mathbf{1}';
    case 'zero': return notation === 'text' ? `zeros(${sizes(e)})` : notation === 'unicode' ? '0' : '\\mathbf{0}';
    case 'add':
      return e.terms.map((term, i) => {
        if (i === 0) return child(term, required.firstTerm);
        if (startsNegative(term)) return ` ${style.minus} ${child(product([int(-1), term]), required.laterTerm)}`;
        return ` + ${child(term, required.laterTerm)}`;
      }).join('');
    case 'product': return productIn(e, notation, child);
    case 'hadamard': {
      // a ⊙ b ⊘ c: a factor to the power −1 divides, in its place, so that the text reads back in order.
      const divides = (f: MatrixExpr): f is MatrixExpr & { kind: 'power' } => f.kind === 'power' && f.exponent.equals(-1);
      const times = notation === 'text' ? ' .* ' : notation === 'unicode' ? ' ⊙ ' : ' \\odot ';
      const over = notation === 'text' ? ' ./ ' : notation === 'unicode' ? ' ⊘ ' : ' \\oslash ';
      return e.factors.map((f, i) => {
        if (divides(f)) return `${i === 0 ? '1' : ''}${over}${child(f.base, precedence.power)}`;
        return `${i === 0 ? '' : times}${child(f, precedence.power)}`;
      }).join('');
    }
    case 'power': {
      const q = e.exponent;
      if (isScalar(e.shape)) {
        const base = child(e.base, required.base);
        if (notation === 'latex') return `${base}^{${q.toFraction()}}`;
        if (notation === 'unicode' && isInteger(q)) return `${base}${isNegative(q) ? '⁻' : ''}${toSuperscript(q.n)}`;
        return `${base}^${isInteger(q) && !isNegative(q) ? q.toFraction() : `(${q.toFraction()})`}`;
      }
      // 1 ⊘ x, entrywise; x.^2 (x^⊙2).
      if (q.equals(-1)) return `1${notation === 'text' ? ' ./ ' : notation === 'unicode' ? ' ⊘ ' : ' \\oslash '}${child(e.base, precedence.power)}`;
      const base = child(e.base, required.base);
      const exponent = q.toFraction();
      if (notation === 'text') return `${base}.^${isInteger(q) && !isNegative(q) ? exponent : `(${exponent})`}`;
      return notation === 'unicode' ? `${base}^⊙${isInteger(q) && !isNegative(q) ? exponent : `(${exponent})`}` : `${base}^{\\odot ${exponent}}`;
    }
    case 'elementwise': return elementwiseIn(e.name, e.argument, notation, (c) => print(c, notation), child);
    case 'transpose': {
      // (A⁻¹)ᵀ is A⁻ᵀ.
      if (notation !== 'text' && e.operand.kind === 'function' && e.operand.name === 'inv') {
        const base = child(e.operand.operand, required.base);
        return notation === 'unicode' ? `${base}⁻ᵀ` : `${base}^{-\\top}`;
      }
      // (dA)ᵀ, not dAᵀ, which could be d(Aᵀ).
      const base = e.operand.kind === 'differential' ? `${style.open}${print(e.operand, notation)}${style.close}` : child(e.operand, required.base);
      return notation === 'text' ? `${base}'` : notation === 'unicode' ? `${base}ᵀ` : `${base}^\\top`;
    }
    case 'function': {
      const operand = print(e.operand, notation);
      switch (e.name) {
        case 'inv':
          return notation === 'text' ? `inv(${operand})` : notation === 'unicode' ? `${child(e.operand, required.base)}⁻¹` : `${child(e.operand, required.base)}^{-1}`;
        case 'norm':
          return notation === 'text' ? `norm(${operand})` : notation === 'unicode' ? `‖${operand}‖` : `\\left\\lVert ${operand}\\right\\rVert`;
        default:
          return notation === 'latex' ? `${matrixFunctionTable[e.name].latex}\\left(${operand}\\right)` : `${e.name}(${operand})`;
      }
    }
  }
}

const sizes = (e: MatrixExpr): string => (e.shape.cols === 1 ? `${e.shape.rows}` : `${e.shape.rows}, ${e.shape.cols}`);

/** A name in LaTeX: bold when it is a vector or matrix (\mathbf{W}, \boldsymbol{\theta}), as scalars are set otherwise. */
function latexName(name: string, bold: boolean): string {
  const plain = variableLatex(name);
  if (!bold) return plain;
  const [stem, subscript] = plain.startsWith('\\mathrm{') ? [plain, ''] : /^(\\?[A-Za-z]+)(_\{.*\})?$/.exec(plain)?.slice(1) ?? [plain, ''];
  const boldStem = stem!.startsWith('\\mathrm{') ? stem!.replace('\\mathrm', '\\mathbf') : stem!.startsWith('\\') ? `\\boldsymbol{${stem}}` : `\\mathbf{${stem}}`;
  return `${boldStem}${subscript ?? ''}`;
}

/** A name of one letter, maybe transposed or inverted: two such are written side by side in Unicode (xᵀAx). */
const isLetter = (e: MatrixExpr): boolean =>
  (e.kind === 'variable' && [...e.name].length === 1)
  || ((e.kind === 'transpose' || (e.kind === 'function' && e.name === 'inv')) && isLetter(e.operand));

/**
 * A product: its sign, its number and factors, then over the number's denominator and the
 * scalars to negative powers: ‖r‖²/2, 2x/s. In text every factor has its *; in Unicode two
 * one-letter names and a number before a name or bracket are side by side (Wx, xᵀAx, 2x),
 * others have a ·; in LaTeX all are side by side.
 */
function productIn(e: MProduct, notation: Notation, child: (c: MatrixExpr, minimum: number) => string): string {
  const { coefficient, scalars, chain } = productParts(e);
  const over = scalars.filter((s) => s.kind === 'power' && isNegative(s.exponent));
  const top = [
    ...(coefficient.n === 1n ? [] : [number(rational(coefficient.n))]),
    ...scalars.filter((s) => !over.includes(s)), ...chain,
  ];
  const below = [...(coefficient.d === 1n ? [] : [number(rational(coefficient.d))]), ...over.map((s) => (s.kind === 'power' ? power(s.base, s.exponent.neg()) : s))];
  const joined = (factors: readonly MatrixExpr[]): string => {
    if (factors.length === 0) return '1';
    let text = '';
    factors.forEach((f, i) => {
      const printed = child(f, i === 0 && f.kind === 'number' ? required.firstFactor : precedence.power);
      if (i > 0) {
        const previous = factors[i - 1]!;
        const numberFirst = previous.kind === 'number' && /^[\p{L}(√|‖𝟏\\]/u.test(printed) && f.kind !== 'number';
        if (notation === 'text') text += '*';
        else if (notation === 'latex') text += f.kind === 'number' ? ' \\cdot ' : ' ';
        else if (!(numberFirst || (isLetter(previous) && isLetter(f)))) text += '·';
      }
      text += printed;
    });
    return text;
  };
  let text = joined(top);
  if (below.length > 0) {
    const denominator = below.length === 1 ? child(below[0]!, precedence.power) : `(${joined(below)})`;
    text = notation === 'latex' ? `\\frac{${joined(top)}}{${joined(below)}}` : `${text}/${denominator}`;
  }
  return isNegative(coefficient) ? `${styles[notation].minus}${text}` : text;
}

/** A function of the table applied entry by entry, as the table spells it: σ(Wx + b), |x|, √x; exp of a vector as exp(v). */
function elementwiseIn(name: keyof typeof functionTable, argument: MatrixExpr, notation: Notation, print: (c: MatrixExpr) => string, child: (c: MatrixExpr, minimum: number) => string): string {
  const u = print(argument);
  if (notation === 'text') return `${name}(${u})`;
  const entry = functionTable[name];
  if (notation === 'latex') return name === 'exp' && !isScalar(argument.shape) ? `\\exp\\left(${u}\\right)` : callLatex(name, [u]);
  const spelling = entry.unicode;
  switch (spelling.kind) {
    case 'power-of-e': return isScalar(argument.shape) ? `e^${matrixPrecedenceOf(argument, notation) < precedence.atom ? `(${u})` : u}` : `exp(${u})`;
    case 'prefix': return `${spelling.sign}${child(argument, required.rootOperand)}`;
    case 'delimiters': return `${spelling.open}${u}${spelling.close}`;
    case 'name': return `${spelling.name}(${u})`;
  }
}
