import { describe, expect, it } from 'vitest';
import { matrixDerivative } from '../../src/matrix/derive.js';
import { matrixToLatex, matrixToText, matrixToUnicode } from '../../src/print/matrix-notation.js';
import { matrixWorked } from '../../src/print/matrix-steps.js';
import { workedIn } from '../../src/print/worked.js';
import { expectRenders, expectWorkedStepsRender } from '../helpers/katex.js';
import { readWith } from './values.js';

/*
 * Answers in matrix notation printed: the text reads back as the same tree with the same shapes
 * (what JSON's text is for); the Unicode and the LaTeX (which renders in KaTeX) read back too,
 * where they have no I, 𝟏 or 0, whose size they do not say; derivations typeset in LaTeX and
 * Markdown.
 */

const answers: readonly [string, string, readonly string[], boolean?][] = [
  ["x'*A*x", 'x=3,A=3x3', ['x', 'A']],
  ['1/2*norm(sigmoid(W*x + b) - y)^2', 'W=3x4,x=4,b=3,y=3', ['W', 'b']],
  ["-y'*log(softmax(W*x + b))", 'W=3x4,x=4,b=3,y=3', ['W', 'b']],
  ['log(det(X))', 'X=3x3', ['X']],
  ['tr(A*X*B)', 'A=2x3,X=3x4,B=4x2', ['X']],
  ['1/2*norm(W2*tanh(W1*x + b1) + b2 - y)^2', 'W1=4x3,b1=4,W2=2x4,b2=2,x=3,y=2', ['W1', 'W2']],
  ['sigmoid(W*x + b)', 'W=3x4,x=4,b=3', ['x']],
  ['1/2*norm(A*x - b)^2', 'A=5x3,x=3,b=5', ['x'], true],
  ['sum(log(x)) + sqrt(x)\'*exp(x) - x\'*x/2', 'x=4', ['x'], true],
  ['sum(x)', 'x=4', ['x']],
  ['x', 'x=4', ['x']],
  ['a\'*inv(X)*b', 'X=3x3,a=3,b=3', ['X']],
];

describe('the answers in matrix notation', () => {
  for (const [input, shapes, by, hessian] of answers) {
    const answer = matrixDerivative(input, { shapes, by, hessian });
    const results = [answer.expr, ...answer.derivatives.map((d) => d.result)];

    it(`${input}: the text reads back as the same tree`, () => {
      for (const e of results) expect(readWith(matrixToText(e), shapes), matrixToText(e)).toBe(e);
    });

    it(`${input}: the Unicode reads back too, where it has no I, 𝟏 or 0`, () => {
      for (const e of results) {
        const unicode = matrixToUnicode(e);
        if (!/[I𝟏]|\b0\b/.test(unicode)) expect(readWith(unicode, shapes), unicode).toBe(e);
      }
    });

    it(`${input}: the LaTeX renders, and reads back where it has no I, 𝟏 or 0`, () => {
      for (const e of results) {
        const latex = matrixToLatex(e);
        expectRenders(latex);
        if (!/\\mathbf\{[I10]\}/.test(latex)) expect(readWith(latex, shapes), latex).toBe(e);
      }
    });

    it(`${input}: each derivation typesets in LaTeX and Markdown`, () => {
      answer.derivatives.forEach((_, k) => {
        const worked = matrixWorked(answer, k, 'latex');
        expectWorkedStepsRender(workedIn(worked, 'latex', { detail: 'full' }), workedIn(worked, 'markdown', { detail: 'full' }));
      });
    });
  }

  it('writes vectors and matrices bold in LaTeX and scalars plain, whatever their case', () => {
    expect(matrixToLatex(readWith('s*W*x + t*B*x', 'W=2x3,x=3,B=2x3'))).toBe('s \\mathbf{W} \\mathbf{x} + t \\mathbf{B} \\mathbf{x}');
    expect(matrixToLatex(readWith('theta1 .* w', 'theta1=3,w=3'))).toBe('\\boldsymbol{\\theta}_{1} \\odot \\mathbf{w}');
  });

  it('writes ᵀ, ⊙, ⊘, A⁻¹, A⁻ᵀ, ‖v‖ and entrywise powers in Unicode', () => {
    expect(matrixToUnicode(readWith("(x .* y ./ z)'*inv(A)*inv(A)'*x + norm(x.^2)", 'x=3,y=3,z=3,A=3x3'))).toBe('(x ⊙ y ⊘ z)ᵀ·A⁻¹A⁻ᵀx + ‖x^⊙2‖');
  });

  it('leaves the number of a sum where it reads best: 1 − σ(u), x + 1', () => {
    expect(matrixToUnicode(readWith('-sigmoid(x) + 1', 'x=3'))).toBe('1 − σ(x)');
    expect(matrixToUnicode(readWith('1 + x', 'x=3'))).toBe('x + 1');
  });
});
