import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { toText } from '../../src/print/linear.js';
import { buildTrace } from '../../src/steps/trace.js';
import { traceToText } from '../../src/print/steps-text.js';
import { relativeError } from '../../src/check/check.js';
import { checkDerivative } from '../../src/check/check.js';
import { equals } from '../../src/expr/traverse.js';
import { coefficientsOf } from '../helpers/polynomials.js';

/* Orders of any size, where the derivatives become 0 or repeat, up to a number times the last. */

describe('orders past the limit', () => {
  it.each([
    ['x', 100_000_000, '0'],
    ['3x^4 - x + 2', 100_000_000, '0'],
    ['sin(x)', 100_000_000, 'sin(x)'],
    ['sin(x)', 100_000_001, 'cos(x)'],
    ['cos(x)', 1_000_000_003, 'sin(x)'],
    ['sinh(x)', 1001, 'cosh(x)'],
    ['exp(x)', 10n ** 18n, 'exp(x)'],
    ['exp(-x)', 10n ** 18n + 1n, '-exp(-x)'],
  ] as const)('d^n/dx^n %s for n = %s is %s, at once', (input, order, answer) => {
    const d = differentiate(input, { order });
    expect(toText(d.result)).toBe(answer);
    expect(d.derivations.length).toBeLessThanOrEqual(6);
  });

  it('finds where each repeat is a number times the last, and keeps that number exact', () => {
    const d = differentiate('exp(2x)', { order: 5000 });
    expect(toText(d.result)).toBe('2^5000*exp(2*x)');
    expect(d.cycle).toMatchObject({ from: 0, length: 1, answerOrder: 0, repeats: 5000n });
    expect(d.cycle?.factor?.valueOf()).toBe(2);
    expect(toText(differentiate('exp(2x)', { order: 10n ** 18n }).result)).toBe('2^1000000000000000000*exp(2*x)');
    expect(toText(differentiate('cos(2x)', { order: 5001 }).result)).toBe('-2*4^2500*sin(2*x)');
  });

  it('gives the value the closed form d^n/dx^n sin(ax + b) = a^n·sin(ax + b + nπ/2) gives', () => {
    const [a, b, x] = [3 / 2, 1 / 3, 0.3];
    for (const n of [5, 6, 7, 13, 100, 101, 1002]) {
      const d = differentiate('sin(3x/2 + 1/3)', { order: n });
      const expected = a ** n * Math.sin(a * x + b + (n * Math.PI) / 2);
      expect(relativeError(evaluate(d.result, { x }), expected), `order ${n}`).toBeLessThan(1e-9);
    }
  });

  it('says in the steps where the derivatives repeat, and the check verifies the orders worked out', () => {
    const d = differentiate('sin(x)', { order: 100_000_000 });
    expect(traceToText(buildTrace(d), { detail: 'brief' })).toContain(
      'The derivative of order 4 is that of order 0 (the expression itself): from order 0 on they repeat every 4 orders, so the derivative of order 100000000 is that of order 0');
    expect(checkDerivative(d).verdict).toBe('verified');
  });

  it('refuses an order past the limit where the derivatives do not repeat', () => {
    expect(() => differentiate('x*exp(x)', { order: 2000 })).toThrow(/order 2000 is above the limit of 1000, and the first 1000 derivatives do not repeat/);
    expect(() => differentiate('sigmoid(x)', { order: 10n ** 18n })).toThrow(/above the limit/);
  });
});

describe('numbers past the double range', () => {
  it('evaluate to the double nearest their value, when that fits', () => {
    // 1.5^1000 = 3^1000/2^1000 ≈ 1.2·10¹⁷⁶, though 3^1000 alone is past any double.
    const d = differentiate('1.5^1000*x');
    expect(relativeError(evaluate(d.result, { x: 1 }), 1.5 ** 1000)).toBeLessThan(1e-12);
    expect(checkDerivative(d).verdict).toBe('verified');
    expect(evaluate(differentiate('(2/3)^1000*x').result, { x: 0 })).toBeGreaterThan(0);
  });
});

describe('high orders of polynomials in functions', () => {
  /** The n-th derivative by the product and chain rules alone, each order from the one before. */
  function byHand(input: string, n: number) {
    let e = differentiate(input).input;
    for (let k = 0; k < n; k++) e = differentiate(e, { form: 'expanded' }).result;
    return e;
  }

  it.each([
    ['sigmoid(sigmoid(x))', 5],
    ['tan(x)', 6],
    ['sec(2x)', 5],
    ['exp(x^2)', 6],
    ['sin(x^2) + x*cos(x^2)', 5],
    ['tanh(sigmoid(x/3))', 4],
  ])('%s: from order 3 on, each derivative is worked out on coefficients and agrees with the rules applied by hand', (input, n) => {
    const d = differentiate(input, { order: n });
    expect(d.derivations.map((s) => s.step.rule).slice(2)).toEqual(Array(n - 2).fill('polynomial-in-functions'));
    const hand = byHand(input, n);
    for (const x of [-1.3, -0.4, 0.2, 0.9]) {
      expect(relativeError(evaluate(d.result, { x }), evaluate(hand, { x })), `x = ${x}`).toBeLessThan(1e-9);
    }
    expect(checkDerivative(d).verdict).toBe('verified');
  });

  it('gives the tangent numbers and (2k)!/k!: tan⁽¹¹⁾(0) = 353792, (e^(x²))⁽¹⁰⁾(0) = 30240', () => {
    expect(evaluate(differentiate('tan(x)', { order: 11 }).result, { x: 0 })).toBe(353792);
    expect(evaluate(differentiate('exp(x^2)', { order: 10 }).result, { x: 0 })).toBe(30240);
    // tan⁽⁴¹⁾(0), the 21st tangent number, from P₀(t) = t, Pₙ₊₁ = Pₙ′·(1 + t²) at t = 0.
    const high = differentiate('tan(x)', { order: 41 });
    expect(relativeError(evaluate(high.result, { x: 0 }), 387635983772083031828014624002175135645696)).toBeLessThan(1e-12);
  });

  it('keeps to the coefficients when a derivative has more terms than any expansion is allowed: σ(σ(x)) to order 36', () => {
    // Order 32 has 1,616 terms with a common factor σ(σ(x))·σ(x): the rest is multiplied by it, not given up on.
    const d = differentiate('sigmoid(sigmoid(x))', { order: 36 });
    expect(d.derivations.map((s) => s.step.rule).slice(2)).toEqual(Array(34).fill('polynomial-in-functions'));
  });

  it('shows the rule as the sum of partial derivatives, with the functions it is a polynomial in', () => {
    const d = differentiate('sigmoid(sigmoid(x))', { order: 3 });
    const step = d.derivations[2]!.step;
    expect(step.rule).toBe('polynomial-in-functions');
    const text = traceToText(buildTrace(d));
    expect(text).toContain('Derivative of a polynomial in functions: (P(f, g))′ = ∂₁P(f, g)·f′ + ∂₂P(f, g)·g′\n  with f = σ(σ(x)), g = σ(x)');
  });
});

describe('high orders of a polynomial in one function, on its coefficients', () => {
  it.each([
    ['sigmoid(x)', 9],
    ['1/(1+exp(-x))', 7],
    ['tanh(x)', 8],
    ['tanh(3x - 1)^3', 6],
    ['sigmoid(x/2 + 1)', 6],
    ['2*sigmoid(3x)^2 - sigmoid(3x)', 5],
  ])('%s: each order read back is what the rule gives on the order before', (input, n) => {
    const d = differentiate(input, { order: n });
    expect(d.derivations).toHaveLength(n);
    for (let k = 3; k < n; k++) {
      const derivation = d.derivations[k - 1]!;
      expect(derivation.step.rule).toBe('polynomial-in-function');
      expect(equals(derivation.expr, d.derivations[k - 2]!.result), `order ${k}: its expression is the order before`).toBe(true);
      expect(equals(derivation.step.result, derivation.result), `order ${k}`).toBe(true);
    }
    expect(equals(d.derivations[n - 1]!.step.result, differentiate(d.derivations[n - 2]!.result, { order: 3, simplify: false }).derivations[0]!.step.result)).toBe(true);
    expect(checkDerivative(d).verdict).toBe('verified');
  });

  it('gives σ⁽ⁿ⁾ = Σ (−1)ᵏ·k!·S(n + 1, k + 1)·σᵏ⁺¹, the Stirling numbers of the second kind, for n = 200', () => {
    const n = 200;
    // S(m, j) row by row: S(m, j) = j·S(m − 1, j) + S(m − 1, j − 1).
    let row = [1n];
    for (let m = 1; m <= n + 1; m++) {
      const next = Array.from({ length: m + 1 }, () => 0n);
      for (let j = 1; j <= m; j++) next[j] = BigInt(j) * (row[j] ?? 0n) + row[j - 1]!;
      row = next;
    }
    const expected = [0n];
    let factorial = 1n;
    for (let k = 0; k <= n; k++) {
      if (k > 0) factorial *= BigInt(k);
      expected.push((k % 2 === 0 ? 1n : -1n) * factorial * row[k + 1]!);
    }
    const d = differentiate('sigmoid(x)', { order: n, form: 'expanded' });
    const p = coefficientsOf(d.result)!;
    expect(p.numerators).toEqual(expected);
    expect(p.denominator).toBe(1n);
  });
});
