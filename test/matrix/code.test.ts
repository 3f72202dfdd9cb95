import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { matrixDerivative, type MatrixAnswer } from '../../src/matrix/derive.js';
import { generateMatrixCode } from '../../src/codegen/matrix.js';
import fc from 'fast-check';
import { available } from '../codegen/run-code.js';
import { expression, shapes as randomShapes } from './expressions.js';

/*
 * The code written for matrix notation, run: NumPy for each of the issue's derivatives (and
 * PyTorch and JAX where they are installed), each derivative it returns compared with finite
 * differences of what it returns (a fourth-order central difference) to 1e-7 relative (absolute
 * below 1e-6 of the function's size), at random arrays of the declared shapes.
 */

interface Case {
  readonly input: string;
  readonly shapes: string;
  readonly by: readonly string[];
  readonly hessian?: boolean;
}

const cases: readonly Case[] = [
  { input: "x'*A*x", shapes: 'x=3,A=3x3', by: ['x'] },
  { input: '1/2*norm(sigmoid(W*x + b) - y)^2', shapes: 'W=3x4,x=4,b=3,y=3', by: ['W', 'b'] },
  { input: "-y'*log(softmax(W*x + b))", shapes: 'W=3x4,x=4,b=3,y=3', by: ['W', 'b'] },
  { input: 'log(det(X))', shapes: 'X=3x3', by: ['X'] },
  { input: 'tr(A*X*B)', shapes: 'A=2x3,X=3x4,B=4x2', by: ['X'] },
  { input: '1/2*norm(W2*sigmoid(W1*x + b1) + b2 - y)^2', shapes: 'W1=4x3,b1=4,W2=2x4,b2=2,x=3,y=2', by: ['W1', 'W2', 'b1', 'b2'] },
  { input: 'sigmoid(W*x + b)', shapes: 'W=3x4,x=4,b=3', by: ['x'] },
  { input: '1/2*norm(A*x - b)^2', shapes: 'A=5x3,x=3,b=5', by: ['x'], hessian: true },
  { input: 'logsumexp(z) + sum(softmax(z) .* z)', shapes: 'z=4', by: ['z'], hessian: true },
  { input: "a'*inv(X)*b + det(X)", shapes: 'X=3x3,a=3,b=3', by: ['X', 'a'] },
  { input: 's*norm(tanh(x))^2 + sum(exp(-x))/s', shapes: 'x=3', by: ['x', 's'] },
];

/** Runs the code of each answer and gives the worst relative difference from finite differences of each derivative. */
const harness = `
import json, sys
import numpy as np
runs = json.load(sys.stdin)
target = sys.argv[1]
if target == "torch":
    import torch
if target == "jax":
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
rng = np.random.default_rng(20261205)
def to_target(a):
    if target == "torch":
        return torch.tensor(a, dtype=torch.float64) if isinstance(a, np.ndarray) else a
    if target == "jax":
        return jnp.array(a, dtype=jnp.float64) if isinstance(a, np.ndarray) else a
    return a
def as_array(v):
    return np.asarray(v.detach().numpy() if hasattr(v, "detach") else v, dtype=float)
out = []
for run in runs:
    ns = {}
    exec(run["source"], ns)
    f = ns[run["name"]]
    worst = []
    for draw in range(3):
        args = {}
        for p in run["parameters"]:
            shape = p["shape"]
            if shape is None:
                args[p["name"]] = float(rng.uniform(0.5, 1.5))
                continue
            r, c = shape
            a = rng.uniform(-1, 1, size=(r,) if c == 1 else (r, c))
            if r == c and r > 1:
                a = a + 2 * r * np.eye(r)
            args[p["name"]] = a
        def call(**changed):
            merged = dict(args)
            merged.update(changed)
            return f(**{k: to_target(v) for k, v in merged.items()})
        def outputs(result):
            if run["kind"] == "gradient":
                ds = list(result[1]) if isinstance(result[1], tuple) else [result[1]]
                return [as_array(result[0])], [as_array(d) for d in ds]
            return [as_array(r) for r in result], None
        result = call()
        if run["kind"] == "gradient":
            pairs = [(0, k, name) for k, name in enumerate(run["by"])]
            values = lambda res: [as_array(res[0])] + (list(map(as_array, res[1])) if isinstance(res[1], tuple) else [as_array(res[1])])
        elif run["kind"] == "jacobian":
            pairs = [(0, 0, run["by"][0])]
            values = lambda res: [as_array(x) for x in res]
        else:
            pairs = [(0, 0, run["by"][0]), (1, 1, run["by"][0])]
            values = lambda res: [as_array(x) for x in res]
        got = values(result)
        for of, k, name in pairs:
            d = got[k + 1]
            x = np.asarray(args[name], dtype=float)
            flat = x.reshape(-1)
            columns = []
            for j in range(flat.size):
                h = 1e-3 * max(1.0, abs(flat[j]))
                samples = []
                for t in (2, 1, -1, -2):
                    moved = flat.copy()
                    moved[j] += t * h
                    samples.append(values(call(**{name: moved.reshape(x.shape) if x.ndim else float(moved[0])}))[of])
                columns.append((-samples[0] + 8 * samples[1] - 8 * samples[2] + samples[3]) / (12 * h))
            estimate = np.stack([np.asarray(c).reshape(-1) for c in columns], axis=-1)
            if estimate.shape[0] == 1:
                estimate = estimate.reshape(x.shape) if x.ndim else estimate.reshape(())
            estimate = estimate.reshape(d.shape)
            # Relative, and absolute below 1e-6 of the function's size: a gradient of 0 has the rounding of the function's values for its estimate.
            size = max(1.0, float(np.max(np.abs(got[of]))))
            scale = max(np.max(np.abs(estimate)), np.max(np.abs(d)), 1e-6 * size)
            worst.append(float(np.max(np.abs(d - estimate)) / scale))
    out.append(max(worst))
print(json.dumps(out))
`;

/** What the harness needs of an answer's code: its source, name, parameters with their shapes, and what it returns. */
function run(answer: MatrixAnswer, target: 'numpy' | 'torch' | 'jax') {
  const source = generateMatrixCode(answer, { target });
  const parameters = /def \w+\(([^)]*)\)/.exec(source)![1]!.split(', ').map((name) => {
    const shape = answer.shapes.get(name);
    return { name, shape: shape === undefined ? null : [shape.rows, shape.cols] };
  });
  return { source, name: /def (\w+)\(/.exec(source)![1]!, parameters, by: answer.derivatives.map((d) => d.by.name), kind: answer.kind };
}

function worstErrors(target: 'numpy' | 'torch' | 'jax', of: readonly Case[] = cases): number[] {
  const runs = of.map((c) => run(matrixDerivative(c.input, { shapes: c.shapes, by: c.by, hessian: c.hessian }), target));
  const python = spawnSync('python3', ['-c', harness, target], { input: JSON.stringify(runs), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (python.status !== 0) throw new Error(python.stderr);
  return JSON.parse(python.stdout) as number[];
}

describe('the code of matrix notation', () => {
  it.skipIf(!available.numpy)('NumPy: every derivative matches finite differences to 1e-7 relative', () => {
    const errors = worstErrors('numpy');
    errors.forEach((e, i) => expect(e, cases[i]!.input).toBeLessThan(1e-7));
  });

  for (const target of ['torch', 'jax'] as const) {
    const reason = `${target} is not installed here: its matrix code is not run (it is written, and its shape tested, below)`;
    it.skipIf(!available[target])(`${target}: every derivative matches finite differences to 1e-7 relative${available[target] ? '' : ` — skipped: ${reason}`}`, () => {
      const errors = worstErrors(target);
      errors.forEach((e, i) => expect(e, cases[i]!.input).toBeLessThan(1e-7));
    });
  }

  it.skipIf(!available.numpy)('NumPy: the code of random expressions matches finite differences to 1e-7 relative', () => {
    // The same expressions on every run: a fixed seed.
    const inputs = fc.sample(fc.tuple(expression('scalar', 3), fc.constantFrom('x', 'A', 'W', 's')), { numRuns: 30, seed: 20261205 });
    const random: Case[] = inputs.map(([input, by]) => ({ input, shapes: randomShapes, by: [by] }));
    const errors = worstErrors('numpy', random);
    errors.forEach((e, i) => expect(e, `${random[i]!.input} by ${random[i]!.by[0]}`).toBeLessThan(1e-7));
  });

  it('shares the forward values: one exponential for σ in the loss and both gradients', () => {
    const code = generateMatrixCode(matrixDerivative('1/2*norm(sigmoid(W*x + b) - y)^2', { shapes: 'W=3x4,x=4,b=3,y=3', by: ['W', 'b'] }));
    expect(code.match(/np\.exp\(/g)).toHaveLength(1);
    expect(code.match(/W @ x/g)).toHaveLength(1);
    expect(code).toContain('return value, (dW, db)');
  });

  it('computes softmax and logsumexp beside the largest entry, and ln det X by slogdet', () => {
    const ce = generateMatrixCode(matrixDerivative("-y'*log(softmax(W*x + b))", { shapes: 'W=3x4,x=4,b=3,y=3', by: ['W'] }));
    expect(ce).toMatch(/np\.max\(/);
    expect(ce).not.toMatch(/np\.log\(np\.exp|np\.log\(u\d+ \/ /);
    expect(generateMatrixCode(matrixDerivative('log(det(X))', { shapes: 'X=3x3' }))).toContain('np.linalg.slogdet(X)[1]');
  });

  it.skipIf(!available.numpy)('stays finite where the plain formulas overflow: σ at large weights, softmax of large logits', () => {
    const sigmoidCode = generateMatrixCode(matrixDerivative('1/2*norm(sigmoid(W*x + b) - y)^2', { shapes: 'W=2x2,x=2,b=2,y=2', by: ['W'] }));
    const softmaxCode = generateMatrixCode(matrixDerivative("-y'*log(softmax(W*x + b))", { shapes: 'W=2x2,x=2,b=2,y=2', by: ['W'] }));
    const script = `
import json, numpy as np
out = []
for source in ${JSON.stringify([sigmoidCode, softmaxCode])}:
    ns = {}
    exec(source, ns)
    W = np.array([[900.0, -800.0], [-1000.0, 700.0]])
    v, dW = ns["loss"](W, np.array([1.0, 1.0]), np.array([0.5, -2.0]), np.array([1.0, 0.0]))
    out.append(bool(np.isfinite(v)) and bool(np.all(np.isfinite(dW))))
print(json.dumps(out))
`;
    const python = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(python.stderr).toBe('');
    expect(JSON.parse(python.stdout)).toEqual([true, true]);
  });

  it('is refused for targets that work on numbers', () => {
    const answer = matrixDerivative("x'*A*x", { shapes: 'x=3,A=3x3', by: ['x'] });
    expect(() => generateMatrixCode(answer, { target: 'python' })).toThrow(/numpy, torch, jax/);
    expect(() => generateMatrixCode(answer, { target: 'c' })).toThrow(/not c/);
  });

  it('writes PyTorch and JAX with their own names', () => {
    const answer = matrixDerivative("-y'*log(softmax(W*x + b)) + log(det(A))", { shapes: 'W=3x4,x=4,b=3,y=3,A=3x3', by: ['W', 'A'] });
    const torch = generateMatrixCode(answer, { target: 'torch' });
    expect(torch).toContain('import torch');
    expect(torch).toContain('torch.linalg.slogdet(A)[1]');
    expect(torch).toContain('torch.outer(');
    expect(generateMatrixCode(answer, { target: 'jax' })).toContain('jnp.linalg.inv(A)');
  });
});
