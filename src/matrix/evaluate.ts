import { toNumber } from '../expr/rational.js';
import { applyNumeric, oddRoot } from '../evaluate/evaluate.js';
import type { MatrixExpr } from './types.js';
import { childrenOf } from './simplify.js';

/** A vector or matrix of doubles, its entries row by row. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export type MatrixValues = ReadonlyMap<string, Matrix>;

const filled = (rows: number, cols: number, value: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols).fill(value) });
const scalar = (value: number): Matrix => filled(1, 1, value);
const entrywise = (a: Matrix, f: (x: number, i: number) => number): Matrix => ({ rows: a.rows, cols: a.cols, data: a.data.map(f) });

/** A value of 1×1 spread to a shape (a number in a sum of vectors); any other value as it is. */
const spread = (a: Matrix, rows: number, cols: number): Matrix => (a.rows === 1 && a.cols === 1 && (rows > 1 || cols > 1) ? filled(rows, cols, a.data[0]!) : a);

function matmul(a: Matrix, b: Matrix): Matrix {
  // A 1×1 factor multiplies as a number.
  if (a.rows === 1 && a.cols === 1) return entrywise(b, (x) => a.data[0]! * x);
  if (b.rows === 1 && b.cols === 1) return entrywise(a, (x) => x * b.data[0]!);
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k]!;
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j]! += aik * b.data[k * b.cols + j]!;
    }
  }
  return { rows: a.rows, cols: b.cols, data: out };
}

function transpose(a: Matrix): Matrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  return { rows: a.cols, cols: a.rows, data: out };
}

/** The LU decomposition with partial pivoting: the determinant, and the inverse (undefined where singular). */
function lu(a: Matrix): { det: number; inverse: Matrix | undefined } {
  const n = a.rows;
  const work = Array.from({ length: n }, (_, i) => [...a.data.slice(i * n, i * n + n), ...Array.from({ length: n }, (__, j) => (i === j ? 1 : 0))]);
  let det = 1;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(work[r]![c]!) > Math.abs(work[pivot]![c]!)) pivot = r;
    if (work[pivot]![c] === 0) return { det: 0, inverse: undefined };
    if (pivot !== c) {
      [work[pivot], work[c]] = [work[c]!, work[pivot]!];
      det = -det;
    }
    const p = work[c]![c]!;
    det *= p;
    for (let j = 0; j < 2 * n; j++) work[c]![j]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = work[r]![c]!;
      if (f !== 0) for (let j = 0; j < 2 * n; j++) work[r]![j]! -= f * work[c]![j]!;
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) inverse[i * n + j] = work[i]![n + j]!;
  return { det, inverse: { rows: n, cols: n, data: inverse } };
}

const largest = (a: Matrix): number => a.data.reduce((m, x) => Math.max(m, x), -Infinity);
const total = (a: Matrix): number => a.data.reduce((s, x) => s + x, 0);

/** ln Σ e^(zᵢ), worked out beside the largest entry so that no exponential overflows. */
function logSumExp(a: Matrix): number {
  const top = largest(a);
  if (!Number.isFinite(top)) return top;
  return top + Math.log(a.data.reduce((s, x) => s + Math.exp(x - top), 0));
}

/**
 * Every entry of an expression's value, with the variables' values given (a name not given is
 * NaN), and the differentials dX of variables where `differentials` gives them a value (the steps
 * that read a derivative off a differential are equalities for any dX).
 */
export function evaluateMatrix(e: MatrixExpr, values: MatrixValues, differentials: MatrixValues = new Map()): Matrix {
  const memo = new Map<MatrixExpr, Matrix>();
  const value = (n: MatrixExpr): Matrix => {
    const known = memo.get(n);
    if (known !== undefined) return known;
    const given = n.kind === 'differential' && n.operand.kind === 'variable' ? differentials.get(n.operand.name) : undefined;
    const v = given ?? node(n, childrenOf(n).map(value), values);
    memo.set(n, v);
    return v;
  };
  return value(e);
}

function node(e: MatrixExpr, parts: readonly Matrix[], values: MatrixValues): Matrix {
  const { rows, cols } = e.shape;
  switch (e.kind) {
    case 'variable': return values.get(e.name) ?? filled(rows, cols, Number.NaN);
    case 'number': return scalar(toNumber(e.value));
    case 'constant': return scalar(e.name === 'e' ? Math.E : Math.PI);
    case 'identity': return { rows, cols, data: new Float64Array(rows * cols).map((_, k) => (Math.floor(k / cols) === k % cols ? 1 : 0)) };
    case 'ones': return filled(rows, cols, 1);
    case 'zero': return filled(rows, cols, 0);
    case 'add': return parts.map((p) => spread(p, rows, cols)).reduce((a, b) => entrywise(a, (x, i) => x + b.data[i]!));
    case 'product': return parts.reduce(matmul);
    case 'hadamard': return parts.map((p) => spread(p, rows, cols)).reduce((a, b) => entrywise(a, (x, i) => x * b.data[i]!));
    case 'power': {
      const q = e.exponent;
      const power = toNumber(q);
      // An exponent p/q with q odd has a real value for a negative base, as for scalars.
      return entrywise(parts[0]!, (x) => (x < 0 && q.d % 2n === 1n && q.d !== 1n ? oddRoot(x, power, q.n % 2n === 0n) : x ** power));
    }
    case 'elementwise': return entrywise(parts[0]!, (x) => applyNumeric(e.name, [x]));
    case 'transpose': return transpose(parts[0]!);
    case 'function': {
      const a = parts[0]!;
      switch (e.name) {
        case 'sum': return scalar(total(a));
        case 'norm': return scalar(Math.sqrt(a.data.reduce((s, x) => s + x * x, 0)));
        case 'tr': return scalar(Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + i]!).reduce((s, x) => s + x, 0));
        case 'det': return scalar(lu(a).det);
        case 'inv': return lu(a).inverse ?? filled(a.rows, a.cols, Number.NaN);
        case 'diag': {
          if (a.cols === 1 || a.rows === 1) {
            const n = a.data.length;
            return { rows: n, cols: n, data: new Float64Array(n * n).map((_, k) => (Math.floor(k / n) === k % n ? a.data[k % n]! : 0)) };
          }
          return { rows: a.rows, cols: 1, data: Float64Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + i]!) };
        }
        case 'softmax': {
          const top = largest(a);
          const exps = entrywise(a, (x) => Math.exp(x - top));
          const sum = total(exps);
          return entrywise(exps, (x) => x / sum);
        }
        case 'logsumexp': return scalar(logSumExp(a));
      }
    }
    // A differential has no value: it is what a derivative is read from.
    case 'differential': return filled(rows, cols, Number.NaN);
  }
}
