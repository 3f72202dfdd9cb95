import { Decimal } from 'decimal.js';
import type { Expr } from '../expr/types.js';
import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import type { ValueAt } from '../multivariate/at-point.js';
import { toSuperscript } from '../expr/letters.js';

/** "10", or "√2/2 ≈ 0.707107" where the exact value is not a plain number; a long number in powers of ten. */
export function valueIn(v: ValueAt, notation: Notation): string {
  const exact = pointValueIn(v.exact, notation);
  if (isPlainValue(v, notation)) return exact;
  return `${exact} ${notation === 'latex' ? '\\approx' : '≈'} ${approximateIn(v, notation)}`;
}

/** Whether a value's exact form is a plain number (10, 0.5, 10¹⁵⁵), which needs no decimal beside it. */
export const isPlainValue = (v: ValueAt, notation: Notation): boolean =>
  v.exact.kind === 'num' && (v.exact.value.d === 1n || v.exact.decimal || pointValueIn(v.exact, notation) !== printerFor(notation)(v.exact));

/** A value to six significant digits: 0.707107. */
export function approximateIn(v: ValueAt, notation: Notation): string {
  const approx = new Decimal(v.decimal).toSignificantDigits(6).toString();
  return notation === 'unicode' ? approx.replace('-', '−') : approx;
}

/** Digits past which a number is written with a power of ten: 10¹⁵⁵ rather than 156 digits. */
const longest = 20;

/**
 * A value at a point as a reader wants it: a number of many digits that is a short number
 * times a power of ten exactly (1e155, 2·10⁻²⁰⁰) written so; anything else as printed.
 */
export function pointValueIn(e: Expr, notation: Notation): string {
  const printed = printerFor(notation)(e);
  if (e.kind !== 'num' || printed.length <= longest) return printed;
  const { s, n, d } = e.value;
  const exact = new (Decimal.clone({ precision: 2 * (n.toString().length + d.toString().length) + 20 }))((s * n).toString()).div(d.toString());
  const short = exact.toSignificantDigits(15);
  if (!short.eq(exact)) return printed;
  const [mantissa, exponent] = short.toExponential().split('e') as [string, string];
  const power = Number(exponent);
  const minus = notation === 'unicode' ? '−' : '-';
  const times = mantissa === '1' ? '' : mantissa === '-1' ? minus
    : `${mantissa.replace('-', minus)}${notation === 'latex' ? ' \\cdot ' : notation === 'unicode' ? '·' : '*'}`;
  if (notation === 'latex') return `${times}10^{${power}}`;
  if (notation === 'unicode') return `${times}10${power < 0 ? '⁻' : ''}${toSuperscript(Math.abs(power))}`;
  return `${times}10^${power < 0 ? `(${power})` : power}`;
}
