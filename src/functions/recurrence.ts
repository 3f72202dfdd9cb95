import Fraction from 'fraction.js';

/*
 * The orthogonal polynomials by their three-term recurrences, from P₀ = 1 and P₁:
 * P_{k+1} = ((a·x + b)·P_k − c·P_{k−1})/over. Each recurrence is one fact with two uses: the
 * value at a point in doubles (numeric.ts) and the polynomial of a whole degree written out,
 * exactly, which the simplifier puts in place of Hₙ(x) for a small n (simplify/function-rules.ts).
 */

/** The terms of one step of a recurrence, at the degree k it starts from. */
interface RecurrenceStep {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly over: number;
}

export interface ThreeTermRecurrence {
  /** P₁'s coefficients, constant first: P₁ = first[0] + first[1]·x. */
  readonly first: readonly [number, number];
  readonly step: (k: number) => RecurrenceStep;
}

/** Hermite (physics): H₁ = 2x, H_{k+1} = 2x·H_k − 2k·H_{k−1}. */
export const hermiteRecurrence: ThreeTermRecurrence = { first: [0, 2], step: (k) => ({ a: 2, b: 0, c: 2 * k, over: 1 }) };
/** Laguerre: L₁ = 1 − x, (k + 1)·L_{k+1} = (2k + 1 − x)·L_k − k·L_{k−1}. */
export const laguerreRecurrence: ThreeTermRecurrence = { first: [1, -1], step: (k) => ({ a: -1, b: 2 * k + 1, c: k, over: k + 1 }) };
/** Legendre: P₁ = x, (k + 1)·P_{k+1} = (2k + 1)·x·P_k − k·P_{k−1}. */
export const legendreRecurrence: ThreeTermRecurrence = { first: [0, 1], step: (k) => ({ a: 2 * k + 1, b: 0, c: k, over: k + 1 }) };
/** Chebyshev of the first kind: T₁ = x, T_{k+1} = 2x·T_k − T_{k−1}. */
export const chebyshevTRecurrence: ThreeTermRecurrence = { first: [0, 1], step: () => ({ a: 2, b: 0, c: 1, over: 1 }) };
/** Chebyshev of the second kind: U₁ = 2x, U_{k+1} = 2x·U_k − U_{k−1}. */
export const chebyshevURecurrence: ThreeTermRecurrence = { first: [0, 2], step: () => ({ a: 2, b: 0, c: 1, over: 1 }) };

/** One step at x in doubles: P_{k+1} from P_k and P_{k−1}. */
export function nextValue(recurrence: ThreeTermRecurrence, k: number, x: number, pk: number, pk1: number): number {
  const { a, b, c, over } = recurrence.step(k);
  return ((a * x + b) * pk - c * pk1) / over;
}

/** The coefficients of Pₙ, constant first, exactly: n a whole number ≥ 0. */
export function exactCoefficients(recurrence: ThreeTermRecurrence, n: number): Fraction[] {
  let before = [new Fraction(1)];
  let now = recurrence.first.map((c) => new Fraction(c));
  if (n === 0) return before;
  for (let k = 1; k < n; k++) {
    const { a, b, c, over } = recurrence.step(k);
    const next = Array.from({ length: now.length + 1 }, (_, i) => {
      const times = (i > 0 ? now[i - 1]!.mul(a) : new Fraction(0)).add(i < now.length ? now[i]!.mul(b) : 0);
      return times.sub(i < before.length ? before[i]!.mul(c) : 0).div(over);
    });
    [before, now] = [now, next];
  }
  return now;
}
