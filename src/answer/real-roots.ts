/*
 * The real roots of a polynomial with numeric coefficients (lowest degree first). Between two
 * neighbouring roots of p′, p is monotonic: each such interval has at most one root, found by
 * bisection. So p′'s roots, found the same way, give p's; a double root (where p touches 0)
 * is one of p′'s too.
 */

export function realRoots(coefficients: readonly number[]): number[] {
  const p = trimmed(coefficients);
  const n = p.length - 1;
  if (n < 1) return [];
  if (n === 1) return [-p[0]! / p[1]!];
  const lead = p[n]!;
  // Cauchy's bound: every root is within 1 + max |aᵢ/aₙ| of 0.
  const bound = Math.min(1 + p.slice(0, n).reduce((most, c) => Math.max(most, Math.abs(c / lead)), 0), 1e300);
  const criticals = realRoots(p.slice(1).map((c, i) => c * (i + 1))).filter((c) => Math.abs(c) < bound).sort((a, b) => a - b);
  const ends = [-bound, ...criticals, bound];
  const value = (x: number): number => p.reduceRight((sum, c) => sum * x + c, 0);
  const roots: number[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const [lo, hi] = [ends[i]!, ends[i + 1]!];
    const [a, b] = [value(lo), value(hi)];
    if (a === 0) roots.push(lo);
    else if (Math.sign(a) !== Math.sign(b) && b !== 0) roots.push(bisect(value, lo, hi));
  }
  if (value(bound) === 0) roots.push(bound);
  // A root of p′ where p is 0 within its rounding: a double root.
  const scale = (x: number): number => p.reduceRight((sum, c) => sum * Math.abs(x) + Math.abs(c), 0);
  for (const c of criticals) if (Math.abs(value(c)) <= 64 * Number.EPSILON * scale(c)) roots.push(c);
  return [...new Set(roots)].filter(Number.isFinite).sort((a, b) => a - b);
}

function trimmed(coefficients: readonly number[]): number[] {
  const p = [...coefficients];
  while (p.length > 0 && p[p.length - 1] === 0) p.pop();
  return p;
}

function bisect(f: (x: number) => number, lo: number, hi: number): number {
  const sign = Math.sign(f(lo));
  for (let i = 0; i < 2100; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const v = f(mid);
    if (v === 0) return mid;
    if (Math.sign(v) === sign) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
