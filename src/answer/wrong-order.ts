import type { Expr } from '../expr/types.js';
import type { Derivative } from '../differentiate/differentiate.js';
import { derive } from '../diff/differentiate.js';
import { simplify } from '../simplify/simplify.js';

/*
 * An answer that is the derivative of another order than the one asked for: f′ for f″ (a
 * differentiation left out) or f″ for f′ (one too many). Each order below the one asked for is
 * in the derivation already; the one above is one differentiation more.
 */

const isZero = (e: Expr): boolean => e.kind === 'num' && e.value.n === 0n;

/** f′, f″, f‴, f⁽⁴⁾: the function's derivative of order n in the notation a teacher writes. */
function primed(n: number): string {
  if (n <= 3) return `f${['', '′', '″', '‴'][n]}`;
  const superscript = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return `f⁽${[...String(n)].map((digit) => superscript[Number(digit)]).join('')}⁾`;
}

/** The mistake's words: "the derivative of the wrong order (this is f′, not f″)". */
export const wrongOrderWords = (order: number, asked: number): string => `the derivative of the wrong order (this is ${primed(order)}, not ${primed(asked)})`;

/** The other order the answer is the derivative of, when it is one (`agrees` says whether a derivative is the answer). */
export function wrongOrder(d: Derivative, agrees: (e: Expr) => boolean): number | undefined {
  const asked = d.derivations.length;
  const others: { order: number; result: () => Expr }[] = [
    ...d.derivations.slice(0, -1).map((derivation, i) => ({ order: i + 1, result: () => derivation.result })),
    { order: asked + 1, result: () => simplify(derive(d.result, d.variable).result) },
  ];
  for (const { order, result } of others) {
    let e: Expr;
    try {
      e = result();
    } catch {
      continue;
    }
    // An order that is 0 (relu″) says nothing: any answer 0 would be it.
    if (!isZero(e) && agrees(e)) return order;
  }
  return undefined;
}
