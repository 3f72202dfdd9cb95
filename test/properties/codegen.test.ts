import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCode } from '../../src/codegen/generate.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { simplify } from '../../src/simplify/simplify.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { InputError } from '../../src/errors.js';
import { toText } from '../../src/print/linear.js';
import type { Expr } from '../../src/expr/types.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { close, isWellConditioned } from '../helpers/numeric.js';
import { available, runPython } from '../codegen/run-code.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);
const env = { x: 0.7, y: -1.3, theta: 0.4, w1: 2.2 };

/** The code for a tree, or undefined where the target cannot write it (and says so with an InputError). */
function codeFor(e: Expr, target: 'js' | 'numpy'): string | undefined {
  try {
    return generateCode(e, { target, variables: ['x'], name: 'g' });
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** dydx's own value and slope where they are finite and not at the mercy of rounding (none where dydx refuses the tree as having no value). */
function expected(e: Expr): [number, number] | undefined {
  const value = evaluate(simplify(e), env);
  let derivative;
  try {
    derivative = differentiate(e, { variable: 'x' });
  } catch (error) {
    if (error instanceof InputError && error.problem === 'no-value') return undefined;
    throw error;
  }
  const slope = evaluate(derivative.result, env);
  if (!Number.isFinite(value) || !Number.isFinite(slope) || Math.abs(value) > 1e6 || Math.abs(slope) > 1e6) return undefined;
  return isWellConditioned(e, env) ? [value, slope] : undefined;
}

describe('generated code for random expressions', () => {
  it('JavaScript computes dydx\'s value and slope, or the target is said to lack a function', async () => {
    // The trees compared, so that a generator refusing everything does not pass.
    let compared = 0;
    await fc.assert(fc.asyncProperty(expressionTree({ abstract: false }), async (e) => {
      const want = expected(e);
      const source = codeFor(e, 'js');
      if (source === undefined || want === undefined) return;
      compared++;
      const module = await import(`data:text/javascript,${encodeURIComponent(source)}`) as { g: (...args: number[]) => { value: number; derivative: number } };
      const params = [...source.matchAll(/^export function g\(([^)]*)\)/gm)][0]![1]!.split(', ');
      const got = module.g(...params.map((p) => env[p as keyof typeof env]));
      expect(close(got.value, want[0], 1e-7), `${toText(e)}: ${got.value} for ${want[0]}`).toBe(true);
      expect(close(got.derivative, want[1], 1e-7), `(${toText(e)})′: ${got.derivative} for ${want[1]}`).toBe(true);
    }), { numRuns: Math.ceil(runs / 4) });
    expect(compared).toBeGreaterThan(runs / 20);
  });

  it.skipIf(!available.numpy)('NumPy computes them too (skipped where python3 lacks numpy or scipy)', () => {
    const trees = fc.sample(expressionTree({ abstract: false }), Math.ceil(runs / 4));
    const cases = trees.flatMap((e) => {
      const want = expected(e);
      const source = codeFor(e, 'numpy');
      if (source === undefined || want === undefined) return [];
      const params = /^def g\(([^)]*)\)/m.exec(source)![1]!.split(', ');
      return [{ e, want, run: { source, name: 'g', points: [params.map((p) => env[p as keyof typeof env])], gradient: 1 } }];
    });
    expect(cases.length).toBeGreaterThan(runs / 20);
    const ran = (): ReturnType<typeof runPython> => {
      try {
        return runPython('numpy', cases.map((c) => c.run));
      } catch {
        // One case raised: name it.
        for (const c of cases) expect(() => runPython('numpy', [c.run]), `${toText(c.e)}\n${c.run.source}`).not.toThrow();
        throw new Error('a case raised, alone in none');
      }
    };
    const { results } = ran();
    cases.forEach((c, i) => {
      const [value, slope] = results[i]![0]!;
      expect(close(value ?? Number.NaN, c.want[0], 1e-7), `${toText(c.e)}: ${value} for ${c.want[0]}`).toBe(true);
      expect(close(slope ?? Number.NaN, c.want[1], 1e-7), `(${toText(c.e)})′: ${slope} for ${c.want[1]}`).toBe(true);
    });
  });
});
