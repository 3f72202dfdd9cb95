import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';
import { expectRenders, mathPieces } from '../helpers/katex.js';
import { matrixDerivative } from '../../src/matrix/derive.js';
import { readWith } from '../matrix/values.js';

/*
 * Matrix notation on the command line: --shape asks for it; answers in every format, located
 * errors with exit 2, the check's verdicts and exit status, code, and every option with --shape
 * either working or refused with exit 2 and a message that names it.
 */

const layer = ['--shape', 'W=3x4,x=4,b=3,y=3'];

describe('dydx --shape', () => {
  it('answers the gradient by each declared variable, named', async () => {
    const run = await dydx(["x'*A*x", '--shape', 'x=3,A=3x3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("dL/dx = (A + A')*x\ndL/dA = x*x'\n");
  });

  it('--var chooses, in Unicode too', async () => {
    const run = await dydx(['1/2*norm(sigmoid(W*x + b) - y)^2', ...layer, '--var', 'W', '-f', 'unicode']);
    expect(run.stdout).toBe('∂L/∂W = ((σ(Wx + b) − y) ⊙ σ(Wx + b) ⊙ (1 − σ(Wx + b)))·xᵀ\n');
    expect(run.stderr).toBe('read as: ‖σ(Wx + b) − y‖²/2\n');
  });

  it('says the one-hot form of the cross-entropy beside the general one', async () => {
    const run = await dydx(["-y'*log(softmax(W*x + b))", ...layer, '--var', 'W', '-f', 'unicode']);
    expect(run.stdout).toBe('∂L/∂W = (sum(y)·softmax(Wx + b) − y)·xᵀ\n');
    expect(run.stderr).toContain('for a one-hot y (its entries summing to 1): ∂L/∂W = (softmax(Wx + b) − y)·xᵀ');
  });

  it('the Jacobian and the Hessian', async () => {
    expect((await dydx(['sigmoid(W*x + b)', '--shape', 'W=3x4,x=4,b=3', '--var', 'x'])).stdout).toBe("df/dx = diag(sigmoid(W*x + b) .* (1 - sigmoid(W*x + b)))*W\n");
    expect((await dydx(['1/2*norm(A*x - b)^2', '--shape', 'A=5x3,x=3,b=5', '--hessian'])).stdout).toBe("dL/dx = A'*(A*x - b)\nd2L/dxdx' = A'*A\n");
  });

  it('refuses shapes that do not fit where the operator is, naming both, with exit 2', async () => {
    const run = await dydx(['W*b + x', ...layer]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('dydx: W (3×4 matrix) times b (3-vector): a matrix product needs as many columns on the left (4) as rows on the right (3) (line 1, column 2)\n  W*b + x\n   ^\n');
  });

  it('refuses matrix notation without shapes, saying how to declare them', async () => {
    const run = await dydx(['x .* y']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.\* is an entrywise operation on vectors and matrices: .*--shape W=3x4,x=4/);
  });

  it('refuses a bad declaration, naming it', async () => {
    const run = await dydx(['x', '--shape', 'x=3y']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("'x=3y' is no shape");
  });

  it('--check verifies each derivative entry by entry, exit 0; JSON carries the reports', async () => {
    const run = await dydx(['1/2*norm(sigmoid(W*x + b) - y)^2', ...layer, '--var', 'W,b', '--check']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^dL\/dW: check: verified entry by entry \(36 entries\) at 3 random draws/m);
    expect(run.stderr).toMatch(/^dL\/db: check: verified entry by entry \(9 entries\)/m);
    const json = JSON.parse((await dydx(['log(det(X))', '--shape', 'X=3x3', '--check', '-f', 'json'])).stdout);
    expect(json.check[0]).toMatchObject({ of: 'dL/dX', verdict: 'verified', entries: 27, drawsUsed: 3 });
  });

  it('--check with --steps checks every equality of the derivation too', async () => {
    const run = await dydx(["x'*A*x", '--shape', 'x=3,A=3x3', '--var', 'x', '--steps', '--check']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^dL\/dx: check: verified entry by entry \(9 entries\).*; 8 of 8 equalities of the derivation hold$/m);
  });

  it('--check exits 4 where no draw gives a value', async () => {
    const run = await dydx(['sum(log(-exp(x)))', '--shape', 'x=3', '--check']);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('not verified');
  });

  it("JSON's text of each derivative reads back with the same shapes as the same tree", async () => {
    const shapes = 'W1=4x3,b1=4,W2=2x4,b2=2,x=3,y=2';
    const input = '1/2*norm(W2*sigmoid(W1*x + b1) + b2 - y)^2';
    const json = JSON.parse((await dydx([input, '--shape', shapes, '--var', 'W1,W2', '-f', 'json'])).stdout);
    expect(json).toMatchObject({ input, kind: 'gradient', shapes: { W1: '4x3', x: '3' } });
    const answer = matrixDerivative(input, { shapes, by: ['W1', 'W2'] });
    json.derivatives.forEach((d: { by: string; shape: string; derivative: { text: string } }, k: number) => {
      expect(d.by).toBe(['W1', 'W2'][k]);
      expect(d.shape).toBe(['4x3', '2x4'][k]);
      expect(readWith(d.derivative.text, shapes)).toBe(answer.derivatives[k]!.result);
    });
  });

  it('--steps names each rule and identity, in every format; LaTeX and Markdown typeset', async () => {
    const args = ['1/2*norm(sigmoid(W*x + b) - y)^2', ...layer, '--var', 'W', '--steps'];
    const unicode = (await dydx([...args, '-f', 'unicode'])).stdout;
    for (const rule of ['Squared norm', 'Chain rule through an entrywise function, as a Hadamard product', 'Constant factors stay', 'Hadamard product across the inner product', 'Cyclic property of the trace']) {
      expect(unicode).toContain(rule);
    }
    expect(unicode).toContain('Answer: ∂L/∂W = ((σ(Wx + b) − y) ⊙ σ(Wx + b) ⊙ (1 − σ(Wx + b)))·xᵀ');
    for (const format of ['latex', 'markdown']) {
      const out = (await dydx([...args, '-f', format])).stdout;
      expect(mathPieces(out).length).toBeGreaterThan(3);
      mathPieces(out).forEach(expectRenders);
    }
    const json = JSON.parse((await dydx([...args, '-f', 'json'])).stdout);
    expect(json.derivatives[0].steps.differential.rule).toBe('constant-factors');
    expect(json.derivatives[0].steps.readOff[0].rule).toBe('move-factors');
    expect(json.derivatives[0].steps.readOff[0].substeps[0].rule).toBe('hadamard');
  });

  it('--latex-document is a document with the heading and the answer', async () => {
    const out = (await dydx(["x'*A*x", '--shape', 'x=3,A=3x3', '--var', 'x', '-f', 'latex', '--latex-document'])).stdout;
    expect(out).toMatch(/^\\documentclass\{article\}/);
    expect(out).toContain('Derivative in matrix notation of $\\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}$');
    expect(out).toContain('\\frac{\\partial L}{\\partial \\mathbf{x}} = \\left(\\mathbf{A} + \\mathbf{A}^\\top\\right) \\mathbf{x}');
  });

  it('--emit numpy writes the code; other targets and formats are refused with exit 2', async () => {
    const code = await dydx(['1/2*norm(sigmoid(W*x + b) - y)^2', ...layer, '--var', 'W,b', '--emit', 'numpy', '--name', 'layer_loss']);
    expect(code.status).toBe(0);
    expect(code.stdout).toMatch(/^import numpy as np\n\n\ndef layer_loss\(W, b, x, y\):/);
    for (const [extra, message] of [
      [['--emit', 'c'], /written for numpy, torch, jax/],
      [['--emit', 'numpy', '-f', 'latex'], /--format latex does not go with --emit/],
      [['--emit', 'numpy', '--check'], /--check does not go with --emit/],
      [['--name', 'g'], /--name goes with --emit/],
      [['--unsafe'], /--unsafe goes with --emit/],
    ] as const) {
      const run = await dydx(["x'*A*x", '--shape', 'x=3,A=3x3', ...extra]);
      expect(run.status, extra.join(' ')).toBe(2);
      expect(run.stderr, extra.join(' ')).toMatch(message);
    }
  });

  it('refuses the options of other questions, naming both', async () => {
    for (const extra of [['--order', '2'], ['--at', 'x=1'], ['--answer', 'x'], ['--form', 'exp'], ['--no-simplify'], ['--implicit', 'y']]) {
      const run = await dydx(["x'*A*x", '--shape', 'x=3,A=3x3', ...extra]);
      expect(run.status, extra.join(' ')).toBe(2);
      expect(run.stderr, extra.join(' ')).toContain(`${extra[0]} does not go with --shape`);
    }
  });

  it('reads one expression a line in batch mode, a bad line refused with its number', async () => {
    const run = await dydx(['--shape', 'x=3,A=3x3,W=2x3', '--var', 'x'], ["x'*A*x", 'A*W', 'sum(x)']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("dL/dx = (A + A')*x\n\ndL/dx = ones(3)\n");
    expect(run.stderr).toContain('line 2 ("A*W"): A (3×3 matrix) times W (2×3 matrix)');
  });
});
