import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs generated code in its own language and returns what it computed: for each point the value
 * and the derivative by each variable (null where the code raised or gave no number).
 */
export interface CodeRun {
  readonly source: string;
  readonly name: string;
  /** Values of the function's parameters, one list per point. */
  readonly points: readonly (readonly number[])[];
  /** How many variables it differentiates by. */
  readonly gradient: number;
}
export type Results = (readonly (number | null)[])[];

const probe = (module: string): boolean => spawnSync('python3', ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0;
/** Which languages this machine can run: Python with NumPy, PyTorch or JAX where installed, and a C compiler. */
export const available = {
  numpy: probe('numpy, scipy.special'),
  python: probe('math'),
  torch: probe('torch'),
  jax: probe('jax'),
  js: true,
  c: spawnSync('cc', ['--version']).status === 0,
} as const;

/** Runs Python code (math, numpy, torch or jax) on every point; the array targets take all points at once. */
export function runPython(target: 'python' | 'numpy' | 'torch' | 'jax', runs: readonly CodeRun[]): { results: Results[]; stderr: string } {
  const script = `
import json, math, sys
runs = json.load(sys.stdin)
out = []
for run in runs:
    ns = {}
    exec(run["source"], ns)
    f = ns[run["name"]]
    def flat(value, gradient):
        return [value] + (list(gradient) if run["gradient"] > 1 else [gradient])
    rows = []
    if "${target}" == "python":
        for p in run["points"]:
            try:
                v, g = f(*p)
                rows.append([float(x) for x in flat(v, g)])
            except (ValueError, ZeroDivisionError, OverflowError):
                rows.append(None)
    else:
        import numpy as np
        columns = [list(c) for c in zip(*run["points"])]
        if "${target}" == "torch":
            import torch
            args = [torch.tensor(c, dtype=torch.float64) for c in columns]
        elif "${target}" == "jax":
            import jax
            jax.config.update("jax_enable_x64", True)
            import jax.numpy as jnp
            args = [jnp.array(c, dtype=jnp.float64) for c in columns]
        else:
            args = [np.array(c, dtype=float) for c in columns]
        v, g = f(*args)
        parts = [np.broadcast_to(np.asarray(x, dtype=float), (len(run["points"]),)) for x in flat(v, g)]
        rows = [[float(part[i]) for part in parts] for i in range(len(run["points"]))]
    out.append([[None if x is None or not math.isfinite(x) else x for x in r] if r is not None else None for r in rows])
print(json.dumps(out))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(runs), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(run.stderr);
  return { results: (JSON.parse(run.stdout) as (number | null)[][][]).map((rows) => rows.map((r) => r ?? [null])), stderr: run.stderr };
}

/** Runs a JavaScript module's function on every point. */
export async function runJs(run: CodeRun): Promise<Results> {
  const dir = mkdtempSync(join(tmpdir(), 'dydx-js-'));
  const file = join(dir, 'generated.mjs');
  writeFileSync(file, run.source);
  const module = (await import(pathToFileURL(file).href)) as Record<string, (...args: number[]) => { value: number; derivative?: number; gradient?: Record<string, number> }>;
  return run.points.map((p) => {
    const r = module[run.name]!(...p);
    const parts = [r.value, ...(r.gradient ? Object.values(r.gradient) : [r.derivative!])];
    return parts.map((x) => (Number.isFinite(x) ? x : null));
  });
}

/** C that runs a generated function on each point of a run and prints its value and derivatives, a line each. */
function pointsLoop(run: CodeRun): string {
  const n = run.gradient;
  const params = run.points[0]!.length;
  return `
  static const double points[][${params}] = {${run.points.map((p) => `{${p.map((x) => x.toPrecision(17)).join(', ')}}`).join(', ')}};
  for (unsigned k = 0; k < sizeof points / sizeof points[0]; k++) {
    double d[${n}];
    double v = ${run.name}(${[...Array(params).keys()].map((j) => `points[k][${j}]`).join(', ')}, ${[...Array(n).keys()].map((j) => `&d[${j}]`).join(', ')});
    printf("%.17g", v);
    for (int j = 0; j < ${n}; j++) printf(" %.17g", d[j]);
    printf("\\n");
  }`;
}

/** Compiles C code with the strictest warnings as errors, and runs its function on every point. */
export function runC(run: CodeRun, extraMain = ''): { results: Results; compiler: string; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dydx-c-'));
  const main = `\n#include <stdio.h>\nint main(void) {\n${pointsLoop(run)}\n  ${extraMain}\n  return 0;\n}\n`;
  writeFileSync(join(dir, 'generated.c'), `${run.source}\n${main}`);
  const build = spawnSync('cc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-o', join(dir, 'generated'), join(dir, 'generated.c'), '-lm'], { encoding: 'utf8' });
  if (build.status !== 0) return { results: [], compiler: build.stderr, output: '' };
  const out = spawnSync(join(dir, 'generated'), { encoding: 'utf8' }).stdout.trim().split('\n');
  const results = out.slice(0, run.points.length).map((line) => line.split(' ').map(Number).map((x) => (Number.isFinite(x) ? x : null)));
  return { results, compiler: build.stderr, output: out.slice(run.points.length).join('\n') };
}

/**
 * Compiles several functions (each of its own name) into one program and runs each on its
 * points: one compiler run for many cases.
 */
export function runCMany(runs: readonly CodeRun[]): { results: Results[]; compiler: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dydx-c-'));
  const calls = runs.map((run) => `\n  {${pointsLoop(run)}\n  }`);
  const main = `\n#include <stdio.h>\nint main(void) {${calls.join('')}\n  return 0;\n}\n`;
  writeFileSync(join(dir, 'generated.c'), `${runs.map((r) => r.source).join('\n')}\n${main}`);
  const build = spawnSync('cc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-o', join(dir, 'generated'), join(dir, 'generated.c'), '-lm'], { encoding: 'utf8' });
  if (build.status !== 0) return { results: [], compiler: build.stderr };
  const lines = spawnSync(join(dir, 'generated'), { encoding: 'utf8' }).stdout.trim().split('\n');
  let at = 0;
  const results = runs.map((run) => lines.slice(at, (at += run.points.length)).map((line) => line.split(' ').map(Number).map((x) => (Number.isFinite(x) ? x : null))));
  return { results, compiler: build.stderr };
}
