import type { Expr, Mul } from '../expr/types.js';
import { int, mul, pow } from '../expr/factory.js';
import { isInteger } from '../expr/rational.js';

/*
 * Factors of one base, each to a whole power, multiplied into one power: x·x·(1 − tanh(x)²) is
 * x²·(1 − tanh(x)²), sin(x)·sin(x)² is sin(x)³. The normal form does this and more, but writes a
 * product whose other factors it would multiply out (x² − x²·tanh(x)²) no simpler than it stood,
 * and is then turned down. Whole powers only: u^a·u^b = u^(a + b) for every u there, which √x·√x = x
 * is not (x < 0).
 */

/** A factor as a base and a whole power of it above 0: [x, 1] for x, [sin(x), 2] for sin(x)²; undefined for numbers and other powers. */
function basePower(f: Expr): readonly [Expr, bigint] | undefined {
  if (f.kind === 'num') return undefined;
  if (f.kind !== 'pow') return [f, 1n];
  const n = f.exponent.kind === 'num' ? f.exponent.value : undefined;
  return n !== undefined && isInteger(n) && n.s > 0n ? [f.base, n.n] : undefined;
}

/** The product with the factors of each base multiplied into one power where it stood first; undefined where no two factors share a base. */
export function equalBasesCombined(e: Mul): Expr | undefined {
  const powers = new Map<Expr, bigint>();
  let repeated = false;
  for (const f of e.factors) {
    const found = basePower(f);
    if (!found) continue;
    const before = powers.get(found[0]);
    if (before !== undefined) repeated = true;
    powers.set(found[0], (before ?? 0n) + found[1]);
  }
  if (!repeated) return undefined;
  const factors: Expr[] = [];
  for (const f of e.factors) {
    const found = basePower(f);
    if (!found) factors.push(f);
    else {
      const n = powers.get(found[0]);
      // The first factor of a base stands for them all; the others are dropped.
      if (n === undefined) continue;
      factors.push(n === 1n ? found[0] : pow(found[0], int(n)));
      powers.delete(found[0]);
    }
  }
  return mul(factors);
}
