import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';
import { expectRenders, mathPieces } from '../helpers/katex.js';

/*
 * Backpropagation walkthroughs, kept as files for review: σ(w·x + b) at a point (the forward
 * pass, then the backward pass with σ′ = σ·(1 − σ) from the forward value), in every format, and
 * the logistic loss written out. After a deliberate change, `npm run golden` regenerates them.
 */

const neuron = ['sigmoid(w*x+b)', '--graph', '--at', 'x=0.5,w=2,b=-1'];
const loss = ['-(y*log(sigmoid(w*x+b)) + (1-y)*log(1-sigmoid(w*x+b)))', '--graph'];

const output = async (args: readonly string[]): Promise<string> => {
  const run = await dydx([...args]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
};

describe('golden backpropagation walkthroughs', () => {
  it('keeps σ(w·x + b) at a point in every format', async () => {
    await expect(await output([...neuron, '-f', 'unicode'])).toMatchFileSnapshot('./graph-sigmoid.txt');
    await expect(await output([...neuron, '-f', 'text'])).toMatchFileSnapshot('./graph-sigmoid.ascii.txt');
    await expect(await output([...neuron, '-f', 'latex'])).toMatchFileSnapshot('./graph-sigmoid.tex');
    await expect(await output([...neuron, '-f', 'markdown'])).toMatchFileSnapshot('./graph-sigmoid.md');
    await expect(await output([...neuron, '-f', 'dot'])).toMatchFileSnapshot('./graph-sigmoid.dot');
  });

  it('keeps the logistic loss\'s backward pass written out', async () => {
    await expect(await output([...loss, '-f', 'unicode'])).toMatchFileSnapshot('./graph-loss.txt');
  });

  it('renders every piece of the LaTeX and Markdown in KaTeX', async () => {
    for (const args of [neuron, loss]) {
      const latex = await output([...args, '-f', 'latex']);
      const pieces = mathPieces(latex);
      // A heading in $…$ and an align* environment for each of the three sections.
      expect(pieces.filter((p) => p.startsWith('\\begin{align*}'))).toHaveLength(3);
      pieces.forEach(expectRenders);
      mathPieces(await output([...args, '-f', 'markdown'])).forEach(expectRenders);
    }
  });

  it('reads as backpropagation is taught: the forward pass, then the backward pass reusing σ from it, then the gradient', async () => {
    const text = await output([...neuron, '-f', 'unicode']);
    const order = [
      'Forward pass of σ(w·x + b) at x = 0.5, w = 2, b = −1',
      'v4 = v1·v2 = 1', 'v5 = v4 + v3 = 0', 'v6 = σ(v5) = 1/2',
      'Backward pass', 'v̄6 = 1',
      '∂v6/∂v5 = v6·(1 − v6) = 1/4', 'the forward value v6 reused',
      'v̄5 = v̄6·∂v6/∂v5 = 1/4',
      '∂v4/∂v2 = v1 = 2', 'v̄2 = v̄4·∂v4/∂v2 = 1/2',
      '∂v4/∂v1 = v2 = 0.5', 'v̄1 = v̄4·∂v4/∂v1 = 0.125',
      'gradient', '∂f/∂w = v̄1 = 0.125', '∂f/∂x = v̄2 = 1/2', '∂f/∂b = v̄3 = 1/4',
    ];
    let at = 0;
    for (const part of order) {
      const found = text.indexOf(part, at);
      expect(found, part).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
    const latex = await output([...neuron, '-f', 'latex']);
    expect(latex).toContain('\\frac{\\partial v_{6}}{\\partial v_{5}} &= v_{6} \\cdot \\left(1-v_{6}\\right) = \\frac{1}{4}');
    expect(latex.indexOf('Forward pass')).toBeLessThan(latex.indexOf('Backward pass'));
  });
});
