import { describe, expect, it } from 'vitest';
import { matrixDerivative, type MatrixAnswer } from '../../src/matrix/derive.js';
import { checkMatrixAnswer, checkMatrixDerivative, checkMatrixSteps } from '../../src/matrix/check.js';
import { matrixToText, matrixToUnicode } from '../../src/print/matrix-notation.js';
import * as m from '../../src/matrix/factory.js';
import { expectSameValues, readWith } from './values.js';

/*
 * The derivatives the issue asks for, each three ways: equal in value to the formula the
 * textbooks give (read in matrix notation with the same shapes, compared at random matrices),
 * written as dydx writes it, and verified entry by entry against finite differences.
 */

interface Case {
  readonly title: string;
  readonly input: string;
  readonly shapes: string;
  readonly by: readonly string[];
  readonly hessian?: boolean;
  /** The formula each derivative must equal, in matrix notation. */
  readonly expected: readonly string[];
  /** How dydx writes each, in Unicode. */
  readonly written: readonly string[];
  /** Names drawn one-hot where the formula holds only then. */
  readonly oneHot?: readonly string[];
}

const layer = 'W=3x4,x=4,b=3,y=3';
const cases: readonly Case[] = [
  {
    title: '∂/∂x of xᵀAx is (A + Aᵀ)x', input: "x'*A*x", shapes: 'x=3,A=3x3', by: ['x'],
    expected: ["(A + A')*x"], written: ['(A + Aᵀ)·x'],
  },
  {
    title: '∂/∂W and ∂/∂b of ½‖σ(Wx + b) − y‖²', input: '1/2*norm(sigmoid(W*x + b) - y)^2', shapes: layer, by: ['W', 'b'],
    expected: [
      "((sigmoid(W*x + b) - y) .* sigmoid(W*x + b) .* (1 - sigmoid(W*x + b))) * x'",
      '(sigmoid(W*x + b) - y) .* sigmoid(W*x + b) .* (1 - sigmoid(W*x + b))',
    ],
    written: ['((σ(Wx + b) − y) ⊙ σ(Wx + b) ⊙ (1 − σ(Wx + b)))·xᵀ', '(σ(Wx + b) − y) ⊙ σ(Wx + b) ⊙ (1 − σ(Wx + b))'],
  },
  {
    title: 'the cross-entropy of softmax(Wx + b) with a one-hot y: (softmax(Wx + b) − y)xᵀ', input: "-y'*log(softmax(W*x + b))", shapes: layer, by: ['W', 'b'],
    expected: ["(softmax(W*x + b) - y)*x'", 'softmax(W*x + b) - y'], oneHot: ['y'],
    written: ['(sum(y)·softmax(Wx + b) − y)·xᵀ', 'sum(y)·softmax(Wx + b) − y'],
  },
  {
    title: '∂/∂X of ln det X is X⁻ᵀ', input: 'log(det(X))', shapes: 'X=3x3', by: ['X'],
    expected: ["inv(X)'"], written: ['X⁻ᵀ'],
  },
  {
    title: '∂/∂X of tr(AXB) is AᵀBᵀ', input: 'tr(A*X*B)', shapes: 'A=2x3,X=3x4,B=4x2', by: ['X'],
    expected: ["(B*A)'"], written: ['AᵀBᵀ'],
  },
  {
    title: 'a two-layer network: the gradients by both weight matrices', input: '1/2*norm(W2*tanh(W1*x + b1) + b2 - y)^2',
    shapes: 'W1=4x3,b1=4,W2=2x4,b2=2,x=3,y=2', by: ['W1', 'W2'],
    expected: [
      "((W2'*(W2*tanh(W1*x + b1) + b2 - y)) .* (1 - tanh(W1*x + b1).^2)) * x'",
      "(W2*tanh(W1*x + b1) + b2 - y) * tanh(W1*x + b1)'",
    ],
    written: ['((W2ᵀ·(W2·tanh(W1·x + b1) + b2 − y)) ⊙ (1 − tanh(W1·x + b1)^⊙2))·xᵀ', '(W2·tanh(W1·x + b1) + b2 − y)·tanh(W1·x + b1)ᵀ'],
  },
  {
    title: 'the Jacobian of σ(Wx + b) by x is diag(σ ⊙ (1 − σ))W', input: 'sigmoid(W*x + b)', shapes: 'W=3x4,x=4,b=3', by: ['x'],
    expected: ['diag(sigmoid(W*x + b) .* (1 - sigmoid(W*x + b))) * W'], written: ['diag(σ(Wx + b) ⊙ (1 − σ(Wx + b)))·W'],
  },
  {
    title: 'the Hessian of ½‖Ax − b‖² is AᵀA', input: '1/2*norm(A*x - b)^2', shapes: 'A=5x3,x=3,b=5', by: ['x'], hessian: true,
    expected: ["A'*(A*x - b)", "A'*A"], written: ['Aᵀ·(Ax − b)', 'AᵀA'],
  },
];

describe('the derivatives of the issue', () => {
  for (const c of cases) {
    describe(c.title, () => {
      const answer = matrixDerivative(c.input, { shapes: c.shapes, by: c.by, hessian: c.hessian });

      it('equal the textbook formula at random matrices', () => {
        answer.derivatives.forEach((d, k) => expectSameValues(d.result, readWith(c.expected[k]!, c.shapes), c.shapes, c.oneHot));
      });

      it('are written as expected', () => {
        expect(answer.derivatives.map((d) => matrixToUnicode(d.result))).toEqual(c.written);
      });

      it('show a derivation whose every equality holds: the differential rules against directional slopes, the read-off steps and rewrites at random values', () => {
        for (const d of answer.derivatives) {
          const steps = checkMatrixSteps(answer, d);
          expect(steps.failing).toEqual([]);
          expect(steps.equalities).toBeGreaterThan(1);
        }
      });

      it('are verified entry by entry against finite differences', () => {
        for (const report of checkMatrixAnswer(answer)) {
          expect(report.verdict).toBe('verified');
          expect(report.drawsUsed).toBe(3);
          expect(report.worstError).toBeLessThan(1e-6);
        }
      });
    });
  }

  it('recognises σ in its exponential form, entry by entry, as for scalars', () => {
    const answer = matrixDerivative('1/2*norm(1 ./ (1 + exp(-(W*x + b))) - y)^2', { shapes: layer, by: ['b'] });
    const d = answer.derivatives[0]!;
    expect(matrixToUnicode(d.result)).toBe('−(σ(Wx + b) ⊙ (y − σ(Wx + b)) ⊙ (1 − σ(Wx + b)))');
    expect(d.rewrites.map((r) => r.rule)).toContain('entrywise-as-scalars');
    expectSameValues(d.result, readWith('(sigmoid(W*x + b) - y) .* sigmoid(W*x + b) .* (1 - sigmoid(W*x + b))', layer), layer);
  });

  it('the cross-entropy gives the one-hot form beside the general one', () => {
    const answer = matrixDerivative("-y'*log(softmax(W*x + b))", { shapes: layer, by: ['W'] });
    expect(answer.oneHot?.map((o) => [o.label, o.results.map(matrixToUnicode)])).toEqual([['y', ['(softmax(Wx + b) − y)·xᵀ']]]);
  });

  it('reads the same derivative from sum(y .* log(softmax(z))) as from yᵀ log(softmax(z))', () => {
    const a = matrixDerivative('-sum(y .* log(softmax(W*x + b)))', { shapes: layer, by: ['W'] });
    const b = matrixDerivative("-y'*log(softmax(W*x + b))", { shapes: layer, by: ['W'] });
    expect(matrixToText(a.derivatives[0]!.result)).toBe(matrixToText(b.derivatives[0]!.result));
  });
});

describe('the check', () => {
  /** The answer with its derivative replaced: what a wrong rule would give. */
  const broken = (answer: MatrixAnswer, result: ReturnType<typeof readWith>): MatrixAnswer =>
    ({ ...answer, derivatives: [{ ...answer.derivatives[0]!, result }] });

  it('fails a gradient that forgets a term (Ax for xᵀAx)', () => {
    const answer = matrixDerivative("x'*A*x", { shapes: 'x=3,A=3x3', by: ['x'] });
    const report = checkMatrixDerivative(answer, broken(answer, readWith('A*x', 'x=3,A=3x3')).derivatives[0]!);
    expect(report.verdict).toBe('failed');
    expect(report.failures.length).toBeGreaterThan(0);
  });

  it('fails a gradient transposed (Xᵀ⁻¹ taken for X⁻¹)', () => {
    const answer = matrixDerivative('log(det(X))', { shapes: 'X=3x3', by: ['X'] });
    const report = checkMatrixDerivative(answer, broken(answer, readWith('inv(X)', 'X=3x3')).derivatives[0]!);
    expect(report.verdict).toBe('failed');
  });

  it('fails σ′ taken as σ in a Jacobian', () => {
    const answer = matrixDerivative('sigmoid(W*x + b)', { shapes: 'W=3x4,x=4,b=3', by: ['x'] });
    expect(checkMatrixDerivative(answer, broken(answer, readWith('diag(sigmoid(W*x + b))*W', 'W=3x4,x=4,b=3')).derivatives[0]!).verdict).toBe('failed');
  });

  it('finds the step of a derivation that does not hold: a rewrite, a rule', () => {
    const answer = matrixDerivative("x'*A*x", { shapes: 'x=3,A=3x3', by: ['x'] });
    const d = answer.derivatives[0]!;
    const wrongRewrite = { ...d, rewrites: [{ ...d.rewrites[0]!, after: readWith('A\'*x', 'x=3,A=3x3') }] };
    expect(checkMatrixSteps(answer, wrongRewrite).failing).toEqual(['transpose-of-product']);
    // d(xᵀAx) taken as xᵀA·dx, the term (dx)ᵀAx left out.
    const wrongRule = { ...d, differential: { ...d.differential, result: m.product([readWith("x'*A", 'x=3,A=3x3'), m.differential(d.by)]) } };
    expect(checkMatrixSteps(answer, wrongRule).failing).toEqual(['product']);
  });

  it('says when no draw gives the function a value', () => {
    const answer = matrixDerivative('sum(log(-exp(x)))', { shapes: 'x=3', by: ['x'] });
    expect(checkMatrixAnswer(answer)[0]!.verdict).toBe('unchecked');
  });

  it('stops at its deadline, and says so', () => {
    const answer = matrixDerivative('sum(W*x)', { shapes: 'W=3x4,x=4', by: ['W'] });
    const [report] = checkMatrixAnswer(answer, { deadline: Date.now() - 1 });
    expect(report).toMatchObject({ stopped: true, entries: 0, verdict: 'unchecked' });
  });

  it('allows for what finite differences cannot resolve: small slopes of a large function', () => {
    const answer = matrixDerivative('1/2*norm(sigmoid(W*x + b) - y)^2', { shapes: 'W=60x60,x=60,b=60,y=60', by: ['W'] });
    expect(checkMatrixAnswer(answer, { draws: 1, maxEntries: 300 })[0]!.verdict).toBe('verified');
  });

  it('samples a large variable rather than comparing every entry', () => {
    const answer = matrixDerivative('sum(W*x)', { shapes: 'W=30x30,x=30', by: ['W'] });
    const [report] = checkMatrixAnswer(answer, { draws: 1, maxEntries: 50 });
    expect(report!.verdict).toBe('verified');
    expect(report!.entries).toBe(50);
  });
});

describe('more derivatives, each checked', () => {
  const more: readonly [string, string, string, string][] = [
    ['det(X)', 'X=3x3', 'X', "det(X)*inv(X)'"],
    ["a'*inv(X)*b", 'X=3x3,a=3,b=3', 'X', "-inv(X)'*a*b'*inv(X)'"],
    ['norm(x)', 'x=3', 'x', 'x/norm(x)'],
    ['logsumexp(z)', 'z=4', 'z', 'softmax(z)'],
    ['sum(log(x))', 'x=4', 'x', '1 ./ x'],
    ["tr(A*A')", 'A=3x3', 'A', '2*A'],
    ['dot(x, y)^2', 'x=3,y=3', 'x', "2*(x'*y)*y"],
    ['sum(diag(M) .* v)', 'M=3x3,v=3', 'M', 'diag(v)'],
    ['softmax(z)', 'z=3', 'z', "diag(softmax(z)) - softmax(z)*softmax(z)'"],
    ['exp(t*x)', 'x=3,t=1', 't', 'exp(t*x) .* x'],
    ['x ./ (1 + norm(x)^2)', 'x=3', 'x', "eye(3)/(1 + norm(x)^2) - 2*x*x'/(1 + norm(x)^2)^2"],
    ["x'*A^2*x", 'x=3,A=3x3', 'A', "A'*x*x' + x*x'*A'"],
    ['relu(W*x) .* y', 'W=3x4,x=4,y=3', 'x', 'diag(heaviside(W*x) .* y)*W'],
  ];
  for (const [input, shapes, by, expected] of more) {
    it(`${input} by ${by}`, () => {
      const answer = matrixDerivative(input, { shapes, by: [by] });
      expectSameValues(answer.derivatives[0]!.result, readWith(expected, shapes), shapes);
      expect(checkMatrixAnswer(answer)[0]!.verdict).toBe('verified');
    });
  }

  it('gives zero where the expression does not depend on the variable', () => {
    const answer = matrixDerivative("x'*y", { shapes: 'x=3,y=3,W=2x2', by: ['W'] });
    expect(answer.derivatives[0]!.result).toBe(m.zero({ rows: 2, cols: 2 }));
  });
});
