import { describe, expect, it } from 'vitest';
import { readInput, readings } from '../../src/parse/parse.js';
import { ParseError } from '../../src/parse/errors.js';
import { matrixDerivative } from '../../src/matrix/derive.js';
import { readShapes } from '../../src/matrix/shape.js';
import { matrixToUnicode } from '../../src/print/matrix-notation.js';
import { InputError } from '../../src/errors.js';
import { expectSameValues, readWith } from './values.js';

/*
 * Matrix notation is read one documented way where shapes are declared, and is refused with the
 * reason where they are not; shapes that do not fit are refused where the operator is.
 */

/** The error reading throws, or fails the test. */
function errorOf(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('spellings of one thing are one tree', () => {
  const shapes = 'x=3,y=3,A=3x3,v=3,W=2x3';
  const same: readonly (readonly string[])[] = [
    ["x'*A*x", 'x^T*A*x', 'xᵀAx', "x' A x", 'x^\\top A x', 'x^{T} A x', '\\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}', 'dot(x, A*x)'],
    ['x .* y', 'x ⊙ y', 'x ∘ y', 'x \\odot y', 'y .* x'],
    ['x ./ y', 'x ⊘ y', 'x .* y.^(-1)'],
    ['norm(v)^2', '‖v‖^2', '‖v‖²', '\\|v\\|^2', '\\left\\lVert v \\right\\rVert^{2}', "v'*v"],
    ['inv(A)', 'A^-1', 'A^{-1}', 'A⁻¹'],
    ["inv(A)'", 'A^{-\\top}', "A^-1'", '(A^-1)^T'],
    ['tr(A)', 'trace(A)', '\\operatorname{tr}(A)'],
    ["(W*x)'", "x'*W'"],
    ['log(det(A))', '\\log\\det A', 'ln(det(A))'],
  ];
  for (const group of same) {
    it(group.join('  ≡  '), () => {
      const [first, ...rest] = group.map((text) => readWith(text, shapes));
      for (const other of rest) expectSameValues(other, first!, shapes);
    });
  }

  it('the spellings of a transpose, an entrywise product and a norm are one node', () => {
    const one = (texts: readonly string[]): void => {
      const trees = texts.map((t) => readWith(t, shapes));
      for (const t of trees) expect(t).toBe(trees[0]);
    };
    one(["x'*A*x", 'x^T*A*x', 'xᵀAx', "x' A x", 'x^\\top A x', 'x^{T} A x', '\\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}', 'x^{\\mathsf{T}} A x']);
    one(['x .* y', 'x ⊙ y', 'x ∘ y', 'x \\odot y']);
    one(['norm(v)^2', '‖v‖^2', '‖v‖²', '\\|v\\|^2', '\\left\\lVert v \\right\\rVert^{2}']);
    one(['inv(A)', 'A^-1', 'A^{-1}', 'A⁻¹']);
  });
});

describe('without shapes', () => {
  const refused: readonly [string, RegExp][] = [
    ['x .* y', /\.\* is an entrywise operation.*--shape/],
    ['x ⊙ y', /⊙ is an entrywise operation.*--shape/],
    ['xᵀ y', /ᵀ is a transpose.*--shape/],
    ['‖v‖', /‖ is a norm.*--shape/],
    ['tr(A)', /tr\(…\) is the trace of a square matrix.*--shape/],
    ['det(A)', /det\(…\) is the determinant.*--shape/],
    ['x \\odot y', /\\odot is an entrywise operation.*--shape/],
  ];
  for (const [input, message] of refused) {
    it(`${input} is refused with the reason`, () => {
      const error = errorOf(() => readInput(input));
      expect(error.message).toMatch(message);
    });
  }

  it("x' is still the derivative of x, and x^T a power", () => {
    expect(readInput("(x^2)'").whole.kind).toBe('expression');
    expect(readInput('x^T').whole).toMatchObject({ kind: 'expression', expr: { kind: 'pow' } });
  });
});

describe('shapes that do not fit are refused where the operator is, naming both shapes', () => {
  const shapes = 'W=3x4,x=4,b=3,y=3,A=3x3,R=2x3';
  const errors: readonly [string, number, RegExp][] = [
    ['W*b', 2, /W \(3×4 matrix\) times b \(3-vector\).*4.*3/],
    ['W b', 3, /W \(3×4 matrix\) times b \(3-vector\)/],
    ['W*x + x', 5, /a 3-vector and x \(4-vector\) are added/],
    ['b .* x', 3, /b \(3-vector\) and x \(4-vector\) are multiplied entrywise/],
    ['x^2', 2, /x \(4-vector\) to the power 2.*\.\^.*norm/],
    ['x*x', 2, /x \(4-vector\) times x \(4-vector\).*u'\*v.*u \.\* v/],
    ['det(R)', 1, /det\(R \(2×3 matrix\)\): the determinant is of a square matrix/],
    ['inv(R)', 1, /only a square matrix has an inverse/],
    ['softmax(W)', 1, /softmax is of a vector, and this is a 3×4 matrix/],
    ['b + s', 3, /s \(scalar\) is added to a 3-vector.*s\*ones\(3\)/],
    ['b/x', 2, /x \(4-vector\) divides: division is by a scalar/],
    ['dot(b, x)', 1, /the dot product is of two vectors of one length/],
    ['foo(x)', 1, /unknown function 'foo'/],
  ];
  for (const [input, column, message] of errors) {
    it(`${input}: column ${column}`, () => {
      const error = errorOf(() => readWith(input, shapes));
      expect(error.message).toMatch(message);
      expect(error.column).toBe(column);
      expect(error.format()).toContain(`${input}\n  ${' '.repeat(column - 1)}^`);
    });
  }

  it('a 1×1 product is a scalar: (xᵀx)·b and xᵀx·b', () => {
    expect(matrixToUnicode(readWith("x'*x*b", shapes))).toBe('(xᵀx)·b');
    expect(readWith("x'*x*b", shapes).shape).toEqual({ rows: 3, cols: 1 });
  });

  it('a number is added to every entry', () => {
    expect(readWith('1 - b', shapes).shape).toEqual({ rows: 3, cols: 1 });
  });
});

describe('declarations', () => {
  it('reads name=rows x columns, a column for one number', () => {
    expect([...readShapes('W=3x4, x=4 ,r=1x5')]).toEqual([['W', { rows: 3, cols: 4 }], ['x', { rows: 4, cols: 1 }], ['r', { rows: 1, cols: 5 }]]);
    expect([...readShapes({ W: '3x4', x: 4, B: [2, 2] })]).toEqual([['W', { rows: 3, cols: 4 }], ['x', { rows: 4, cols: 1 }], ['B', { rows: 2, cols: 2 }]]);
  });

  for (const [written, message] of [['W=3y4', /'W=3y4' is no shape/], ['W=3x4,W=2', /W is declared twice/], ['W=0x4', /a dimension is a whole number from 1/], ['2W=3', /'2W' is not a name/]] as const) {
    it(`refuses ${written}`, () => {
      expect(() => readShapes(written)).toThrow(InputError);
      expect(() => readShapes(written)).toThrow(message);
    });
  }
});

describe('what is asked', () => {
  it('d/dW before the expression asks for the gradient by W', () => {
    const answer = matrixDerivative('d/dW 1/2*norm(W*x)^2', { shapes: 'W=2x3,x=3' });
    expect(answer.derivatives.map((d) => d.by.name)).toEqual(['W']);
  });

  it('by default, every declared vector and matrix the expression has', () => {
    const answer = matrixDerivative('1/2*norm(sigmoid(W*x + b) - y)^2', { shapes: 'W=3x4,x=4,b=3,y=3,Z=2x2' });
    expect(answer.derivatives.map((d) => d.by.name)).toEqual(['W', 'x', 'b', 'y']);
  });

  const refusals: readonly [string, string, Record<string, unknown>, RegExp][] = [
    ['W*x', 'W=3x4,x=4', { by: ['W'] }, /three indices/],
    ['W', 'W=3x4', { by: ['W'] }, /the derivative of a 3×4 matrix is not read in matrix notation/],
    ["x'*A", 'x=3,A=3x3', { by: ['x'] }, /transpose a row vector/],
    ['W*x', 'W=3x4,x=4', { by: ['x'], hessian: true }, /a Hessian is of a scalar/],
    ["x'*A*x", 'x=3,A=3x3', { by: ['A'], hessian: true }, /a Hessian is by one vector/],
    ["u'*v", 'u=3,v=3,A=3x3', { hessian: true }, /which variable\? it has u, v/],
    ['1', 'x=3', {}, /no variable to differentiate by/],
  ];
  for (const [input, shapes, options, message] of refusals) {
    it(`refuses ${input} ${JSON.stringify(options)} with the reason`, () => {
      expect(() => matrixDerivative(input, { shapes, ...options })).toThrow(message);
    });
  }
});

describe('the grammar', () => {
  it('reads matrix notation one way only', () => {
    for (const input of ["x'*A*x", 'x^T A x', 'a .* b ./ c', "sigmoid(W*x + b)'", 'x.^2 + 1', "-y'*log(softmax(W*x + b))", "A^-1'", 'sin x .* y', "2x'y", 'W x ⊙ y', '‖v‖²', "x'' + y"]) {
      expect(readings(input, { matrixNotation: true }), input).toHaveLength(1);
    }
  });
});
