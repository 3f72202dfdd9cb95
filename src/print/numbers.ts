import type { Num } from '../expr/types.js';
import { isInteger, isTerminating, toDecimalString } from '../expr/rational.js';

/** A number as plain digits: "3", "-0.25", or a fraction "1/3" (sign included). */
export function numberText(e: Num, minus = '-'): string {
  const q = e.value;
  const sign = q.s < 0n && q.n !== 0n ? minus : '';
  if (isInteger(q)) return sign + q.n.toString();
  if (e.decimal && isTerminating(q)) return sign + toDecimalString(q.abs());
  return `${sign}${q.n}/${q.d}`;
}
