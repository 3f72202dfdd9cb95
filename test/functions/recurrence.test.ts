import { describe, expect, it } from 'vitest';
import { chebyshevTRecurrence, chebyshevURecurrence, exactCoefficients, hermiteRecurrence, laguerreRecurrence, legendreRecurrence } from '../../src/functions/recurrence.js';
import { functionTable } from '../../src/functions/table.js';

describe('the orthogonal polynomials written out from their recurrences', () => {
  it('has the coefficients the books list', () => {
    const written = (r: Parameters<typeof exactCoefficients>[0], n: number): string[] => exactCoefficients(r, n).map((c) => c.toFraction());
    expect(written(hermiteRecurrence, 3)).toEqual(['0', '-12', '0', '8']);
    expect(written(laguerreRecurrence, 2)).toEqual(['1', '-2', '1/2']);
    expect(written(legendreRecurrence, 4)).toEqual(['3/8', '0', '-15/4', '0', '35/8']);
    expect(written(chebyshevTRecurrence, 4)).toEqual(['1', '0', '-8', '0', '8']);
    expect(written(chebyshevURecurrence, 3)).toEqual(['0', '-4', '0', '8']);
    expect(written(hermiteRecurrence, 0)).toEqual(['1']);
  });

  it('gives each polynomial of degree 0 to 10 the value the recurrence in doubles gives', () => {
    const recurrences = { hermite: hermiteRecurrence, laguerre: laguerreRecurrence, legendre: legendreRecurrence, chebyshevt: chebyshevTRecurrence, chebyshevu: chebyshevURecurrence };
    for (const [name, recurrence] of Object.entries(recurrences)) {
      expect(functionTable[name as keyof typeof recurrences].recurrence).toBe(recurrence);
      for (let n = 0; n <= 10; n++) {
        const coefficients = exactCoefficients(recurrence, n).map((c) => c.valueOf());
        for (const x of [-1.7, -0.3, 0.45, 2.2]) {
          const value = coefficients.reduceRight((sum, c) => sum * x + c, 0);
          const expected = functionTable[name as keyof typeof recurrences].evaluate(n, x);
          expect(Math.abs(value - expected), `${name}(${n}, ${x})`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
        }
      }
    }
  });
});
