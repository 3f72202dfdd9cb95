import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';

/* dydx "…" --in-terms-of-output and --emit: the derivative for a backward pass, and code for it. */

describe('--in-terms-of-output', () => {
  it('writes σ′ and tanh′ with their output', async () => {
    expect((await dydx(['1/(1+exp(-x))', '--in-terms-of-output'])).stdout).toBe("y' = y*(1 - y)\n");
    expect((await dydx(['tanh(x)', '--in-terms-of-output', '-f', 'unicode'])).stdout).toBe('y′ = 1 − y²\n');
  });

  it('says why SiLU has no form in y alone, gives the one with σ(x), and exits 0', async () => {
    const run = await dydx(['x*sigmoid(x)', '--in-terms-of-output', '-f', 'unicode']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('y′ = σ(x) + y·(1 − σ(x))\n');
    expect(run.stderr).toMatch(/^no form in y alone: x·σ\(x\) is not one-to-one: it is −0\.211 at x = −2\.29 and at x = −0\.592, where its slopes are/);
  });

  it('says where a form holds, shows the steps, and answers in LaTeX and JSON', async () => {
    expect((await dydx(['x^2', '--in-terms-of-output'])).stderr).toContain('holds for x > 0');
    const steps = await dydx(['log(x)', '--in-terms-of-output', '--steps', '-f', 'unicode']);
    expect(steps.stdout).toContain('2 ln′ in terms of its value y: ln′(x) = 1/x = e^(−y)');
    expect(steps.stdout).toContain('Answer: y′ = e^(−y)');
    expect((await dydx(['tanh(x)', '--in-terms-of-output', '-f', 'latex'])).stdout).toBe("y' = 1-y^{2}\n");
    const json = JSON.parse((await dydx(['softplus(x)', '--in-terms-of-output', '-f', 'json'])).stdout) as { inTermsOfOutput: { text: string }; steps: { kind: string }[] };
    expect(json.inTermsOfOutput.text).toBe('1 - exp(-y)');
    expect(json.steps[0]!.kind).toBe('value-form');
  });
});

describe('--emit', () => {
  it('writes the NumPy sigmoid returning s and ds from one command', async () => {
    const run = await dydx(['1/(1+exp(-x))', '--emit', 'numpy']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('def sigmoid(x):');
    expect(run.stdout).toContain('    return s, ds\n');
  });

  it('names the function, takes several variables and writes a check', async () => {
    const js = await dydx(['x*tanh(softplus(x))', '--emit', 'js', '--name', 'mish']);
    expect(js.stdout).toContain('export function mish(x) {');
    const torch = await dydx(['sigmoid(w*x+b)', '--var', 'w,b', '--emit', 'torch']);
    expect(torch.stdout).toContain('def f(w, b, x):');
    expect(torch.stdout).toContain('return s, (ds_dw, ds_db)');
    expect((await dydx(['log(x)', '--emit', 'c', '--with-check'])).stdout).toContain('int check_f(void) {');
    expect((await dydx(['softplus(x)', '--emit', 'python', '--unsafe'])).stdout).toContain('math.log(1 + math.exp(x))');
    const json = JSON.parse((await dydx(['tanh(x)', '--emit', 'c', '-f', 'json'])).stdout) as { target: string; code: string };
    expect(json.target).toBe('c');
    // tanh is math.h's: the function is f.
    expect(json.code).toContain('double f(double x, double *d_x) {');
  });

  it('refuses what it cannot write, and options that need --emit, with exit 2', async () => {
    const unknown = await dydx(['f(x)', '--emit', 'c']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^dydx: f is a function dydx does not know/);
    const target = await dydx(['x^2', '--emit', 'fortran']);
    expect(target.status).toBe(2);
    expect((await dydx(['x^2', '--with-check'])).stderr).toBe('dydx: --with-check goes with --emit\n');
    expect((await dydx(['x*y', '--var', 'x,y', '--in-terms-of-output'])).stderr).toBe('dydx: --in-terms-of-output takes one variable, not --var x,y\n');
  });
});
