import type { Expr } from '../expr/types.js';
import { mul } from '../expr/factory.js';
import { children, equals, postOrder, rebuild } from '../expr/traverse.js';

/**
 * e with y put for `target` wherever it stands: as a whole, or among the factors of a product
 * (x·σ(x)·(1 − σ(x)) holds x·σ(x), and x·σ(x)² holds it once with σ(x) left over). Undefined
 * where it stands nowhere.
 */
export function sameProductWith(e: Expr, target: Expr, y: Expr): Expr | undefined {
  const done = new Map<Expr, Expr>();
  let replaced = false;
  for (const node of postOrder(e)) {
    const next = rebuild(node, children(node).map((c) => done.get(c)!));
    const whole = equals(next, target) ? y : undefined;
    const part = whole ?? (target.kind === 'mul' && next.kind === 'mul' ? withoutFactors(factorsOf(next), target.factors, y) : undefined);
    if (part) replaced = true;
    done.set(node, part ?? next);
  }
  return replaced ? done.get(e) : undefined;
}

/** The factors of a product, a whole positive power counted as that many factors: x·σ(x)² is x, σ(x), σ(x). */
function factorsOf(e: Expr & { kind: 'mul' }): Expr[] {
  return e.factors.flatMap((f) => {
    if (f.kind === 'pow' && f.exponent.kind === 'num' && f.exponent.value.d === 1n && f.exponent.value.s > 0n && f.exponent.value.n <= 8n) {
      return Array.from({ length: Number(f.exponent.value.n) }, () => f.base);
    }
    return [f];
  });
}

/** y times what is left of the factors once each wanted factor is taken out, if they are all there. */
function withoutFactors(factors: readonly Expr[], wanted: readonly Expr[], y: Expr): Expr | undefined {
  const left = [...factors];
  for (const w of wanted) {
    const at = left.findIndex((f) => equals(f, w));
    if (at < 0) return undefined;
    left.splice(at, 1);
  }
  return mul([y, ...left]);
}
