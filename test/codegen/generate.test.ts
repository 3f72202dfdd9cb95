import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOperations, generateCode } from '../../src/codegen/generate.js';
import type { Target } from '../../src/codegen/targets.js';
import { functionNames, functionTable, oneArgumentDerivative } from '../../src/functions/table.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { read } from '../../src/parse/parse.js';
import { InputError } from '../../src/errors.js';
import { PreciseEvaluator } from '../../src/evaluate/precise.js';
import { thrownBy } from '../helpers/thrown.js';
import { available, runC, runJs, runPython, type CodeRun, type Results } from './run-code.js';

/** The functions of the README and others that exercise every part of the code generator. */
const cases: readonly { readonly input: string; readonly variables?: readonly string[]; readonly finiteEverywhere?: true }[] = [
  { input: '1/(1+exp(-x))', finiteEverywhere: true },
  { input: 'tanh(x)', finiteEverywhere: true },
  { input: 'softplus(x)', finiteEverywhere: true },
  { input: 'log(1+exp(x))', finiteEverywhere: true },
  { input: 'logsigmoid(x)', finiteEverywhere: true },
  { input: 'gelu(x)', finiteEverywhere: true },
  { input: '0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))' },
  { input: 'x*sigmoid(x)', finiteEverywhere: true },
  { input: 'x*tanh(softplus(x))', finiteEverywhere: true },
  { input: 'mish(x)', finiteEverywhere: true },
  { input: 'sigmoid(w*x+b)', variables: ['w', 'b'], finiteEverywhere: true },
  { input: 'log(x)' },
  { input: 'x^(2/3) + cbrt(x)' },
  { input: 'asin(x/2)' },
  { input: 'relu(x) + abs(x) + max(x, 1/3)' },
  { input: 'sinc(x)' },
  { input: 'exp(x) - 1 + log(1 + x^2)' },
  { input: 'x^x' },
  { input: 'x*exp(-x^2/2) - x^2', finiteEverywhere: true },
  { input: 'exp(-x^2/2)', finiteEverywhere: true },
  { input: 'logsumexp(x, 2*x, 1)', finiteEverywhere: true },
];

/** Points from the extremes to the small, where each case's value and derivative are defined. */
const extremes = [-1000, -30, -2.5, -1, -0.3, -1e-12, 0, 1e-12, 0.3, 1, 2.5, 30, 1000];

interface Expected {
  readonly run: CodeRun;
  /** dydx's own values at each point: the value and each derivative. */
  readonly values: readonly (readonly number[])[];
}

function expected(c: (typeof cases)[number], target: Target): Expected {
  const expr = read(c.input).expr;
  const variables = c.variables ?? ['x'];
  const derivatives = variables.map((v) => differentiate(expr, { variable: v }).result);
  // Every other variable of a case is held at a value of its own.
  const others = (p: number): number[] => (c.variables ? [0.7, p] : [p]).slice(0, c.variables ? 3 : 1);
  const points = extremes.map((x) => (c.variables ? [0.8, -0.4, x] : others(x)));
  const names = c.variables ? [...variables, 'x'] : ['x'];
  const values = points.map((p) => {
    const env = Object.fromEntries(names.map((n, i) => [n, p[i]!]));
    return [evaluate(expr, env), ...derivatives.map((d) => evaluate(d, env))];
  });
  const source = generateCode(c.input, { target, variables, name: 'generated' });
  return { run: { source, name: 'generated', points, gradient: variables.length }, values };
}

/** Each result is dydx's value, to rounding; where dydx's value is finite the code's is; extremes of functions finite everywhere are finite. */
function expectAgreement(c: (typeof cases)[number], e: Expected, results: Results, target: string): void {
  expect(results.length, `${target} ${c.input}`).toBe(e.values.length);
  let compared = 0;
  e.values.forEach((want, k) => {
    const got = results[k]!;
    // Where the function is undefined (ln x at x < 0) its derivative's formula may still have a value.
    if (!Number.isFinite(want[0]!)) return;
    // Python's math raises where a derivative is infinite (x^(−1/3) at 0), and the value goes with it.
    if (target === 'python' && !want.every(Number.isFinite)) return;
    want.forEach((w, j) => {
      const where = `${target}: ${c.input} at ${e.run.points[k]!.join(', ')} (${j === 0 ? 'value' : `derivative ${j}`})`;
      if (c.finiteEverywhere) expect(got[j], where).not.toBeNull();
      if (!Number.isFinite(w)) return;
      expect(got[j], where).not.toBeNull();
      compared++;
      expect(Math.abs(got[j]! - w), `${where}: ${got[j]} for ${w}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
    });
  });
  expect(compared).toBeGreaterThan(4);
}

describe('generated code computes the value and the derivative, as dydx does', () => {
  for (const target of ['numpy', 'python', 'torch', 'jax'] as const) {
    it.skipIf(!available[target])(`${target} (skipped where python3 lacks ${target === 'python' ? 'math' : target === 'numpy' ? 'numpy or scipy' : target})`, () => {
      const all = cases.map((c) => expected(c, target));
      const { results } = runPython(target, all.map((e) => e.run));
      cases.forEach((c, i) => expectAgreement(c, all[i]!, results[i]!, target));
    });
  }

  it.each(cases.filter((c) => c.input !== 'gelu(x)'))('js: $input', async (c) => {
    const e = expected(c, 'js');
    expectAgreement(c, e, await runJs(e.run), 'js');
  });

  it.skipIf(!available.c)('c: every case compiles with -Wall -Wextra -Werror -pedantic and agrees (skipped where there is no C compiler)', () => {
    for (const c of cases) {
      const e = expected(c, 'c');
      const { results, compiler } = runC(e.run);
      expect(compiler, c.input).toBe('');
      expectAgreement(c, e, results, 'c');
    }
  });
});

describe('every function of the table, in every target that can write it', () => {
  const names = functionNames.filter((n) => functionTable[n].arity[0] === 1 && oneArgumentDerivative(functionTable[n]) !== undefined);
  const points = [-2.5, -0.7, -0.3, 0.3, 0.7, 2.5];
  /** The cases a target writes; one it cannot must be refused with an InputError that names what it lacks. */
  const written = (target: Target): (typeof cases)[number][] => names.flatMap((name) => {
    try {
      generateCode(`${name}(x)`, { target });
      return [{ input: `${name}(x)` }];
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`^${target} has no `));
      return [];
    }
  });
  const agree = (c: (typeof cases)[number], e: Expected, results: Results, target: string): void => e.values.forEach((want, k) => want.forEach((w, j) => {
    if (!want.every(Number.isFinite) || Math.abs(w) > 1e6) return;
    expect(Math.abs(results[k]![j]! - w), `${target}: ${c.input} at ${points[k]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
  }));
  const at = (c: (typeof cases)[number], target: Target): Expected => {
    const e = expected(c, target);
    const run = { ...e.run, points: points.map((x) => [x]) };
    const expr = read(c.input).expr;
    const derivative = differentiate(expr).result;
    return { run, values: points.map((x) => [evaluate(expr, { x }), evaluate(derivative, { x })]) };
  };

  for (const target of ['numpy', 'python', 'torch', 'jax'] as const) {
    it.skipIf(!available[target])(target, () => {
      const all = written(target);
      expect(all.length).toBeGreaterThan(target === 'python' ? 40 : 45);
      const runs = all.map((c) => at(c, target));
      const { results } = runPython(target, runs.map((r) => r.run));
      all.forEach((c, i) => agree(c, runs[i]!, results[i]!, target));
    });
  }

  it('js', async () => {
    const all = written('js');
    expect(all.length).toBeGreaterThan(40);
    for (const c of all) {
      const e = at(c, 'js');
      agree(c, e, await runJs(e.run), 'js');
    }
  });

  it.skipIf(!available.c)('c: each compiles as the function of its own name or f, and agrees', () => {
    const all = written('c');
    expect(all.length).toBeGreaterThan(40);
    for (const c of all) {
      const e = at(c, 'c');
      // The default name: the function's own unless math.h has it (tanh), then f.
      const source = generateCode(c.input, { target: 'c' });
      const name = /^double (\w+)\(/m.exec(source)![1]!;
      const { results, compiler } = runC({ ...e.run, source, name });
      expect(compiler, c.input).toBe('');
      agree(c, e, results, 'c');
    }
  });
});

describe('generated code keeps its digits where the formula as written loses them', () => {
  // 1 + e^(−700) must not round to 1: more digits than that exponent.
  const precise = new PreciseEvaluator(800);
  // Each value to 1e-12 of itself, however small: no cancellation near 0 and no overflow far out.
  const cases: readonly (readonly [string, readonly number[]])[] = [
    ['exp(x) - 1', [1e-12, -3e-9, 1e-5]],
    ['log(1 + x)', [1e-12, -3e-9, 1e-5]],
    ['log(1 + exp(x))', [-700, -30, 1e-12, 30, 700, 1000]],
    ['log(sigmoid(x))', [-1000, -30, 30, 700]],
    ['1/(1+exp(-x))', [-700, -30, 30]],
    ['log(exp(x) + exp(2*x))', [-700, -1e-12, 700, 1000]],
  ];
  const run = async (target: 'numpy' | 'js', input: string, xs: readonly number[]): Promise<Results> => {
    const source = generateCode(input, { target, name: 'g' });
    const code = { source, name: 'g', points: xs.map((x) => [x]), gradient: 1 };
    return target === 'js' ? runJs(code) : runPython('numpy', [code]).results[0]!;
  };
  for (const target of ['numpy', 'js'] as const) {
    it.skipIf(!available[target])(target, async () => {
      for (const [input, xs] of cases) {
        const got = await run(target, input, xs);
        const expr = read(input).expr;
        xs.forEach((x, k) => {
          const want = Number(precise.evaluate(expr, { x: precise.number(x) }).toString());
          expect(Math.abs(got[k]![0]! - want), `${target}: ${input} at ${x}: ${got[k]![0]} for ${want}`).toBeLessThanOrEqual(1e-12 * Math.abs(want));
        });
      }
    });
  }
});

describe('the check it writes passes on the code it writes', () => {
  const checked = ['1/(1+exp(-x))', 'x*tanh(softplus(x))', 'gelu(x)', 'log(x)', 'asin(x)'];
  for (const target of ['numpy', 'python'] as const) {
    it.skipIf(!available[target])(`${target}`, () => {
      for (const input of checked) {
        const source = generateCode(input, { target, withCheck: true, name: 'g' });
        const run = runPython(target, [{ source: `${source}\ncheck_g()\n`, name: 'g', points: [[0.5]], gradient: 1 }]);
        expect(run.results[0]![0]![0], input).toBeCloseTo(evaluate(read(input).expr, { x: 0.5 }), 12);
      }
      const neuron = generateCode('sigmoid(w*x+b)', { target, withCheck: true, variables: ['w', 'b'], name: 'g' });
      expect(() => runPython(target, [{ source: `${neuron}\ncheck_g()\n`, name: 'g', points: [[0.1, 0.2, 0.3]], gradient: 2 }])).not.toThrow();
    });
  }

  it('js', async () => {
    for (const input of checked.filter((i) => i !== 'gelu(x)')) {
      const source = generateCode(input, { target: 'js', withCheck: true, name: 'g' });
      const module = await import(`data:text/javascript,${encodeURIComponent(source)}`) as { checkG: () => void };
      expect(() => module.checkG(), input).not.toThrow();
    }
  });

  it.skipIf(!available.c)('c', () => {
    for (const input of [...checked, 'sigmoid(w*x+b)']) {
      const variables = input.includes('w') ? ['w', 'b'] : ['x'];
      const source = generateCode(input, { target: 'c', withCheck: true, variables, name: 'g' });
      const { compiler, output } = runC({ source, name: 'g', points: [variables.length === 1 ? [0.5] : [0.1, 0.2, 0.3]], gradient: variables.length }, 'printf("failures %d\\n", check_g());');
      expect(compiler, input).toBe('');
      expect(output, input).toBe('failures 0');
    }
  });

  it('a check that compares a wrong derivative fails', () => {
    // The check is no formality: with σ′ replaced by σ it reports the point.
    const source = generateCode('1/(1+exp(-x))', { target: 'js', withCheck: true, name: 'g' }).replace('const ds = e / u1 ** 2;', 'const ds = s;');
    expect(source).toContain('const ds = s;');
    return import(`data:text/javascript,${encodeURIComponent(source)}`).then((m: { checkG: () => void }) => expect(() => m.checkG()).toThrow(/derivative by x/));
  });
});

const flake8 = spawnSync('flake8', ['--version'], { encoding: 'utf8' }).status === 0;
describe('Python code passes flake8 (PEP 8 and pyflakes)', () => {
  it.skipIf(!flake8)('every case in every Python target, with its check (skipped where flake8 is not installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dydx-flake8-'));
    const files: string[] = [];
    for (const target of ['numpy', 'python', 'torch', 'jax'] as const) {
      cases.forEach((c, i) => {
        const file = join(dir, `${target}_${i}.py`);
        writeFileSync(file, generateCode(c.input, { target, variables: c.variables, withCheck: true }));
        files.push(file);
      });
      // The derivatives up to an order, with the check of each against the one before.
      const file = join(dir, `${target}_orders.py`);
      writeFileSync(file, generateCode('x*tanh(softplus(x))', { target, order: 3, withCheck: true }));
      files.push(file);
    }
    const run = spawnSync('flake8', files, { encoding: 'utf8' });
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('the code for σ and its derivative', () => {
  it('is the sigmoid returning s and ds, with one exponential', () => {
    expect(generateCode('1/(1+exp(-x))', { target: 'numpy' })).toBe([
      'import numpy as np',
      '',
      '',
      'def sigmoid(x):',
      '    # s = σ(x)',
      '    # ds/dx = σ(x)·(1 − σ(x))',
      '    # stable: σ(u) = 1/(1 + e^(−u)) for u ≥ 0 and e^u/(1 + e^u) below, both',
      '    #     with e^(−|u|), which never overflows',
      '    # stable: σ(u)·σ(−u) = σ′(u) as e^(−|u|)/(1 + e^(−|u|))², with all its',
      '    #     digits where σ(u) rounds to 1',
      '    e = np.exp(-np.abs(x))',
      '    u1 = 1 + e',
      '    s = np.where(x >= 0, 1, e) / u1',
      '    ds = e / u1 ** 2',
      '    return s, ds',
      '',
    ].join('\n'));
  });

  it('computes exp once together, twice apart', () => {
    const counts = codeOperations('1/(1+exp(-x))', { target: 'numpy' });
    expect(counts.together.calls['np.exp']).toBe(1);
    expect(counts.apart.calls['np.exp']).toBe(2);
    expect(counts.together.arithmetic).toBeLessThan(counts.apart.arithmetic);
  });

  it('is the formula as it is with unsafe, and overflows there', () => {
    const source = generateCode('1/(1+exp(-x))', { target: 'js', stable: false, name: 'g' });
    expect(source).toContain('Math.exp(-x)');
    expect(source).not.toContain('stable');
  });
});

describe('what code cannot be written for', () => {
  it('refuses an unknown function, a bad name, an unknown target and a function the target lacks', () => {
    expect(thrownBy(() => generateCode('f(x)', { target: 'c' }), InputError).message).toMatch(/f is a function dydx does not know/);
    expect(thrownBy(() => generateCode('x^2', { target: 'python', name: 'lambda' }), InputError).message).toMatch(/'lambda' cannot name a function/);
    expect(thrownBy(() => generateCode('x^2', { target: 'fortran' as Target }), InputError).message).toMatch(/no code target 'fortran'/);
    expect(thrownBy(() => generateCode('digamma(x)', { target: 'c' }), InputError).message).toMatch(/c has no polygamma/);
    // JavaScript's Math has no erf.
    expect(thrownBy(() => generateCode('gelu(x)', { target: 'js' }), InputError).message).toMatch(/js has no erf/);
  });
});

describe('code for the derivatives up to an order', () => {
  const input = 'x*tanh(softplus(x))';
  const exact = [0, 1, 2, 3].map((n) => evaluate(n === 0 ? read(input).expr : differentiate(input, { order: n }).result, { x: 0.5 }));

  for (const target of ['numpy', 'python'] as const) {
    it.skipIf(!available[target])(`${target} returns the value and each derivative, and its check passes`, () => {
      const source = generateCode(input, { target, order: 3, withCheck: true, name: 'g' });
      const script = `${source}\ncheck_g()\nimport json\nprint(json.dumps([float(v) for v in g(${target === 'numpy' ? 'np.float64(0.5)' : '0.5'})]))\n`;
      const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      (JSON.parse(run.stdout) as number[]).forEach((v, n) => expect(v, `order ${n}`).toBeCloseTo(exact[n]!, 12));
    });
  }

  it('js returns them as derivatives, and its check passes', async () => {
    const source = generateCode(input, { target: 'js', order: 3, withCheck: true, name: 'g' });
    const module = await import(`data:text/javascript,${encodeURIComponent(source)}`) as { g: (x: number) => { value: number; derivatives: number[] }; checkG: () => void };
    expect(() => module.checkG()).not.toThrow();
    const r = module.g(0.5);
    [r.value, ...r.derivatives].forEach((v, n) => expect(v, `order ${n}`).toBeCloseTo(exact[n]!, 12));
    // The check is no formality: a wrong second derivative is found.
    const broken = source.replace(/return \{ value: (\w+), derivatives: \[(\w+), (\w+), (\w+)\] \}/, 'return { value: $1, derivatives: [$2, $2, $4] }');
    expect(broken).not.toBe(source);
    const wrong = await import(`data:text/javascript,${encodeURIComponent(broken)}`) as { checkG: () => void };
    expect(() => wrong.checkG()).toThrow(/derivative 2/);
  });

  it.skipIf(!available.c)('c writes each order to its own output, and its check passes', () => {
    const source = generateCode(input, { target: 'c', order: 3, withCheck: true, name: 'g' });
    expect(source).toContain('double g(double x, double *d_x, double *d2_x, double *d3_x)');
    const { results, compiler, output } = runC({ source, name: 'g', points: [[0.5]], gradient: 3 }, 'printf("failures %d\\n", check_g());');
    expect(compiler).toBe('');
    expect(output).toBe('failures 0');
    results[0]!.forEach((v, n) => expect(v!, `order ${n}`).toBeCloseTo(exact[n]!, 12));
  });

  it('is by one variable, and to order 10 at most', () => {
    expect(() => generateCode('x*y', { order: 2, variables: ['x', 'y'] })).toThrow(/order 2 or more is by one variable/);
    expect(() => generateCode('x^2', { order: 11 })).toThrow(/orders 1 to 10/);
  });
});
