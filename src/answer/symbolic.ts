import type { Expr } from '../expr/types.js';
import { add, div, int, neg, sub } from '../expr/factory.js';
import { equals } from '../expr/traverse.js';
import { normalForm } from '../algebra/normal-form.js';
import { constantFactored, isZeroFactored } from '../algebra/factored.js';
import { isOneRatio, isZeroRatio, toFraction, type Ratio } from '../algebra/ratio.js';
import { simplify } from '../simplify/simplify.js';
import { writtenNormalForm } from '../simplify/written-form.js';
import { InputError } from '../errors.js';

/*
 * Equality decided exactly, before any number is tried: the normal form of the difference
 * (a rational expression over atoms, exact in its coefficients) is 0, or a number that is not 0,
 * or the normal form of the quotient is a number other than 1. So 2x + 10⁻¹¹ and 2x·1.000000001
 * are told from 2x although no double can tell them apart.
 */

export type ExactComparison =
  /** The difference is 0 wherever both are defined. */
  | { readonly kind: 'equal' }
  /** They differ by this much everywhere both are defined. */
  | { readonly kind: 'constant-apart' }
  /** One is a constant (≠ 1) times the other wherever both are defined: they differ wherever the other is not 0. */
  | { readonly kind: 'constant-factor'; readonly factor: string }
  /**
   * Not decided: the difference as the simplifier leaves it and as its normal form writes it
   * (each cancels what the other may not), to be valued at points (see check-answer.ts).
   */
  | { readonly kind: 'unknown'; readonly differences: readonly Expr[] };

const isZeroNumber = (e: Expr): boolean => e.kind === 'num' && e.value.n === 0n;

export function compareExactly(yours: Expr, right: Expr): ExactComparison {
  const difference = sub(yours, right);
  const apart = attempt(() => {
    const f = normalForm(difference);
    return isZeroFactored(f) ? 'zero' : constantFactored(f) ? 'constant' : undefined;
  });
  if (apart === 'zero') return { kind: 'equal' };
  if (apart === 'constant') return { kind: 'constant-apart' };
  // The simplifier knows identities the normal form does not (sin² + cos² = 1).
  const simplified = simplify(difference);
  if (isZeroNumber(simplified)) return { kind: 'equal' };
  const factor = attempt(() => constantFactored(normalForm(div(yours, right))));
  if (factor && !isOneRatio(factor) && !isZeroRatio(factor)) return { kind: 'constant-factor', factor: decimalOrFraction(factor) };
  const normal = attempt(() => writtenNormalForm(difference, 'auto'));
  const cancelled = termsCancelled(yours, right);
  const differences = [simplified, normal, cancelled, cancelled && simplify(cancelled)].filter((e): e is Expr => e !== undefined);
  return { kind: 'unknown', differences: [...new Set(differences)] };
}

/**
 * yours − right with the terms the two sums have in common taken out, each as written: the
 * normal form leaves a sum with a power such as (x + e)^6.1 in it whole, so A + T − A is not
 * T for it; T alone shows whether it is 0. None when no term is common.
 */
function termsCancelled(yours: Expr, right: Expr): Expr | undefined {
  const terms = (e: Expr, sign: 1 | -1): { term: Expr; sign: 1 | -1 }[] =>
    (e.kind === 'add' ? e.terms.flatMap((t) => terms(t, sign)) : e.kind === 'neg' ? terms(e.operand, sign === 1 ? -1 : 1) : [{ term: e, sign }]);
  const left = terms(yours, 1);
  const rest = terms(right, -1);
  let cancelledAny = false;
  const kept = left.filter(({ term, sign }) => {
    const i = rest.findIndex((r) => r.sign !== sign && equals(r.term, term));
    if (i < 0) return true;
    rest.splice(i, 1);
    cancelledAny = true;
    return false;
  });
  if (!cancelledAny) return undefined;
  const all = [...kept, ...rest].map(({ term, sign }) => (sign === 1 ? term : neg(term)));
  return all.length === 0 ? int(0) : all.length === 1 ? all[0]! : add(all);
}

/** A number as a decimal where it ends (1.00000000000000000001), as a fraction where it would repeat (2/3). */
function decimalOrFraction(q: Ratio): string {
  const { s: sign, n, d } = toFraction(q);
  let [twos, fives, rest] = [0, 0, d];
  while (rest % 2n === 0n) [twos, rest] = [twos + 1, rest / 2n];
  while (rest % 5n === 0n) [fives, rest] = [fives + 1, rest / 5n];
  const minus = sign < 0n ? '-' : '';
  if (rest !== 1n) return `${minus}${n}/${d}`;
  const places = Math.max(twos, fives);
  const digits = (n * 10n ** BigInt(places) / d).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${minus}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A result of the normal form, or none where it cannot be had; the user's limits (time, size) still stop the check. */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (error instanceof InputError) throw error;
    return undefined;
  }
}
