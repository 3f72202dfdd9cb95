import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import type { ValueAt } from '../multivariate/at-point.js';

/** "10", or "√2/2 ≈ 0.707107" where the exact value is not a plain number. */
export function valueIn(v: ValueAt, notation: Notation): string {
  const exact = printerFor(notation)(v.exact);
  if (v.exact.kind === 'num' && (v.exact.value.d === 1n || v.exact.decimal)) return exact;
  const approx = String(Number(v.approximately.toPrecision(6)));
  return `${exact} ${notation === 'latex' ? '\\approx' : '≈'} ${notation === 'unicode' ? approx.replace('-', '−') : approx}`;
}
