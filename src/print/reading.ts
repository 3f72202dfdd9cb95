import type { Input, InputReading, Reading } from '../parse/parse.js';
import type { FunctionLabel } from '../parse/request.js';
import { toText, toUnicode } from './linear.js';
import { toLatex } from './latex.js';
import { toSuperscript } from '../expr/letters.js';

/*
 * How an input was read, written back: the derivative operator and the function's name as the
 * input gave them (d²/dx², y = …), then the expression; and the name of an answer, y′ or f′(x).
 */

export type ReadingNotation = 'text' | 'unicode' | 'latex';


/** d/dx, d²/dx², \frac{d^{2}}{dx^{2}}: the operator of an order by a variable. */
function operator(variable: string, order: number, notation: ReadingNotation): string {
  switch (notation) {
    case 'text': return order === 1 ? `d/d${variable}` : `d^${order}/d${variable}^${order}`;
    case 'unicode': return order === 1 ? `d/d${variable}` : `d${toSuperscript(order)}/d${variable}${toSuperscript(order)}`;
    case 'latex': return order === 1 ? `\\frac{d}{d${variable}}` : `\\frac{d^{${order}}}{d${variable}^{${order}}}`;
  }
}

/** The input as it was read: y = d/dx x², in one notation. */
export function readingIn(reading: Reading, notation: ReadingNotation): string {
  const { label, operator: written, variable, order } = reading.request;
  const expr = notation === 'text' ? toText(reading.expr) : notation === 'unicode' ? toUnicode(reading.expr) : toLatex(reading.expr);
  const name = label ? `${labelIn(label, notation)} = ` : '';
  const op = written !== undefined && variable !== undefined ? `${operator(variable, order ?? 1, notation)} ` : '';
  // d/dx (x² + 1): a sum after the operator is bracketed, as it is differentiated whole.
  const whole = op !== '' && reading.expr.kind === 'add' ? (notation === 'latex' ? `\\left(${expr}\\right)` : `(${expr})`) : expr;
  return `${name}${op}${whole}`;
}

/** The function's name as given: y, or f(x). */
function labelIn(label: FunctionLabel, notation: ReadingNotation): string {
  if (label.kind === 'name') return label.name;
  return notation === 'latex' ? `${label.name}\\left(${label.variable}\\right)` : `${label.name}(${label.variable})`;
}

/** The name of the n-th derivative of a named function: y′, y″, y⁽⁴⁾, f′(x); in text y', y'', y^(4). */
export function derivativeName(label: FunctionLabel, order: number | bigint, notation: ReadingNotation): string {
  const n = Number(order);
  const marks = notation === 'unicode'
    ? (n <= 3 ? ['', '′', '″', '‴'][n]! : `⁽${toSuperscript(order)}⁾`)
    : (n <= 3 ? "'".repeat(n) : notation === 'latex' ? `^{(${order})}` : `^(${order})`);
  if (label.kind === 'name') return `${label.name}${marks}`;
  return notation === 'latex' ? `${label.name}${marks}\\left(${label.variable}\\right)` : `${label.name}${marks}(${label.variable})`;
}

/** A whole input as it was read: an expression as readingIn writes it, an equation, a vector, a vector function. */
export function inputReadingIn(reading: InputReading, notation: ReadingNotation): string {
  const { whole, ...rest } = reading;
  if (whole.kind === 'expression') return readingIn({ expr: whole.expr, ...rest }, notation);
  return wholeIn(whole, notation);
}

function wholeIn(whole: Input, notation: ReadingNotation): string {
  const print = notation === 'text' ? toText : notation === 'unicode' ? toUnicode : toLatex;
  const bracketed = (parts: readonly string[], open: string, close: string): string =>
    (notation === 'latex' ? `\\left${open}${parts.join(', ')}\\right${close}` : `${open}${parts.join(', ')}${close}`);
  switch (whole.kind) {
    case 'expression': return print(whole.expr);
    case 'equation': return `${print(whole.left)} = ${print(whole.right)}`;
    case 'vector': return bracketed(whole.components.map(print), '[', ']');
    case 'vector-function': {
      const name = notation === 'latex' ? `\\operatorname{${whole.spelling.replace(/_/g, '\\_')}}` : whole.spelling;
      return `${name}${bracketed(whole.args.map((a) => wholeIn(a, notation)), '(', ')')}`;
    }
  }
}
