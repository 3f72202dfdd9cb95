import { richardson } from '../check/richardson.js';
import type { MatrixExpr } from './types.js';
import type { MatrixAnswer, MatrixDerivative } from './derive.js';
import { someNode } from './derive.js';
import { evaluateMatrix, type Matrix, type MatrixValues } from './evaluate.js';
import { isScalar, isSquare, scalarShape, type Shape } from './shape.js';
import * as m from './factory.js';
import { inner, type DifferentialStep } from './differential.js';
import type { InnerProduct, InnerStep } from './gradient.js';
import type { LinearForm, LinearStep, ScalarStep } from './jacobian.js';
import { seeded } from '../evaluate/seeded.js';

/*
 * The numeric check of a derivative in matrix notation: at random vectors and matrices of the
 * declared shapes, each entry of the derivative is compared with the finite-difference slope of
 * what it is the derivative of, by that entry of the variable (central differences at four
 * steps, Richardson-extrapolated, as for scalars).
 */

export interface MatrixCheckFailure {
  /** The entry of the derivative: row and column, from 0. */
  readonly entry: readonly [number, number];
  readonly draw: number;
  readonly value: number;
  readonly estimate: number;
}

export interface MatrixCheckReport {
  readonly verdict: 'verified' | 'failed' | 'unchecked';
  /** Random draws of the variables tried, and those where the function and the derivative had values. */
  readonly drawsTried: number;
  readonly drawsUsed: number;
  /** Entries compared in all, over the draws used. */
  readonly entries: number;
  /** |a − b| / max(|a|, |b|), compared absolutely below 10⁻⁶; NaN where nothing was compared. */
  readonly worstError: number;
  readonly tolerance: number;
  readonly failures: readonly MatrixCheckFailure[];
  /** Whether the time ran out before every entry was compared: the verdict rests on those compared. */
  readonly stopped: boolean;
}

export interface MatrixCheckOptions {
  /** When to stop comparing (a time in ms, as Date.now() gives it): the verdict then rests on the entries compared so far. */
  readonly deadline?: number;
  /** Draws to compare at (default 3). */
  readonly draws?: number;
  /** Most entries of the variable compared per draw (default 200): a larger variable is sampled. */
  readonly maxEntries?: number;
  readonly tolerance?: number;
}


/** The square variables that an inverse or a determinant is taken of: drawn invertible, with a positive determinant. */
function invertedVariables(e: MatrixExpr): Set<string> {
  const names = new Set<string>();
  someNode(e, (n) => {
    if (n.kind === 'function' && (n.name === 'inv' || n.name === 'det')) for (const v of n.operand.variables) names.add(v);
    return false;
  });
  return names;
}

/**
 * Values for every variable: entries uniform in [−1, 1] (on odd tries in (0.1, 1.1], for
 * functions defined for positive arguments only); a square matrix under an inverse or a
 * determinant with 2n added on its diagonal, so that it is invertible with a positive determinant.
 */
function draw(shapes: ReadonlyMap<string, Shape>, names: readonly string[], shifted: ReadonlySet<string>, random: () => number, positive: boolean): Map<string, Matrix> {
  const values = new Map<string, Matrix>();
  for (const name of names) {
    const { rows, cols } = shapes.get(name) ?? scalarShape;
    const data = Float64Array.from({ length: rows * cols }, () => (positive ? 0.1 + random() : 2 * random() - 1));
    if (shifted.has(name) && isSquare({ rows, cols })) for (let i = 0; i < rows; i++) data[i * cols + i]! += 2 * rows;
    values.set(name, { rows, cols, data });
  }
  return values;
}

const allFinite = (a: Matrix): boolean => a.data.every(Number.isFinite);

/** The check of one derivative of an answer. */
export function checkMatrixDerivative(answer: MatrixAnswer, d: MatrixDerivative, options: MatrixCheckOptions = {}): MatrixCheckReport {
  const draws = options.draws ?? 3;
  const maxEntries = options.maxEntries ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  const names = [...new Set([...answer.expr.variables, ...d.of.variables, ...d.result.variables, d.by.name])];
  const shifted = invertedVariables(answer.expr);
  const random = seeded(20261205 + d.by.name.length);
  const failures: MatrixCheckFailure[] = [];
  let drawsTried = 0;
  let drawsUsed = 0;
  let entries = 0;
  let worst = Number.NaN;
  let stopped = false;
  const late = (): boolean => options.deadline !== undefined && Date.now() > options.deadline;
  while (drawsUsed < draws && drawsTried < 8 * draws && !stopped) {
    const values = draw(answer.shapes, names, shifted, random, drawsTried % 2 === 1);
    drawsTried++;
    const at = evaluateMatrix(d.of, values);
    const derivative = evaluateMatrix(d.result, values);
    if (!allFinite(at) || !allFinite(derivative)) continue;
    drawsUsed++;
    const x = values.get(d.by.name)!;
    // The value of what is differentiated with one entry of the variable moved; each shared by every entry of the value.
    const indices = Array.from({ length: x.data.length }, (_, k) => k);
    const chosen = indices.length <= maxEntries ? indices : indices.sort(() => random() - 0.5).slice(0, maxEntries);
    for (const k of chosen) {
      if (late()) {
        stopped = true;
        break;
      }
      const moved = new Map<number, Matrix>();
      const valueAt = (t: number): Matrix => {
        let v = moved.get(t);
        if (v === undefined) {
          const data = Float64Array.from(x.data);
          data[k] = t;
          v = evaluateMatrix(d.of, new Map([...values, [d.by.name, { ...x, data }]]));
          moved.set(t, v);
        }
        return v;
      };
      for (let i = 0; i < at.data.length; i++) {
        const estimate = richardson((t) => valueAt(t).data[i]!, x.data[k]!);
        if (!Number.isFinite(estimate.value)) continue;
        // A gradient has the variable's shape; a Jacobian's entry (i, k) is ∂fᵢ/∂xₖ.
        const index = d.kind === 'gradient' ? k : i * x.data.length + k;
        const value = derivative.data[index]!;
        const scale = Math.max(Math.abs(value), Math.abs(estimate.value));
        // What the differences cannot resolve (the rounding of large values, at a small slope) is no disagreement: the estimate's own error is allowed for.
        const difference = Math.max(0, Math.abs(value - estimate.value) - 4 * estimate.error);
        const error = scale < 1e-6 ? difference : difference / scale;
        entries++;
        if (Number.isNaN(worst) || error > worst) worst = error;
        if (!(error <= tolerance)) {
          const cols = derivative.cols;
          failures.push({ entry: [Math.floor(index / cols), index % cols], draw: drawsTried, value, estimate: estimate.value });
        }
      }
    }
  }
  const verdict = entries === 0 ? 'unchecked' : failures.length > 0 ? 'failed' : 'verified';
  return { verdict, drawsTried, drawsUsed, entries, worstError: worst, tolerance, failures, stopped };
}

/** The check of every derivative of an answer. */
export const checkMatrixAnswer = (answer: MatrixAnswer, options: MatrixCheckOptions = {}): MatrixCheckReport[] =>
  answer.derivatives.map((d) => checkMatrixDerivative(answer, d, options));

/** The verdict in one line, as the command line prints it. */
export function matrixVerdictLine(report: MatrixCheckReport): string {
  const where = `at ${report.drawsUsed} random draw${report.drawsUsed === 1 ? '' : 's'} of the variables against finite differences${report.stopped ? ' (stopped at the time limit, --timeout: the others were not compared)' : ''}`;
  switch (report.verdict) {
    case 'verified':
      return `verified entry by entry (${report.entries} entries) ${where}; worst relative error ${report.worstError.toExponential(1)}`;
    case 'failed': {
      const f = report.failures[0]!;
      return `FAILED at ${report.failures.length} of ${report.entries} entries ${where}: entry (${f.entry[0] + 1}, ${f.entry[1] + 1}) is ${f.value.toPrecision(6)}, the slope ${f.estimate.toPrecision(6)}`;
    }
    case 'unchecked':
      return `not verified: none of the ${report.drawsTried} random draws of the variables gave the function and the derivative values`;
  }
}

/** The equalities a derivation shows, checked: how many there are and hold, and the rules of those that do not. */
export interface StepsCheck {
  readonly equalities: number;
  readonly holding: number;
  readonly failing: readonly string[];
}

/** Whether two values agree entry by entry, as the check compares (relative, absolute below 10⁻⁶); entries without a value are no disagreement. */
function agree(a: Matrix, b: Matrix, tolerance: number): boolean {
  return a.data.every((x, i) => {
    const y = b.data[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return true;
    const scale = Math.max(Math.abs(x), Math.abs(y));
    return (scale < 1e-6 ? Math.abs(x - y) : Math.abs(x - y) / scale) <= tolerance;
  });
}

/**
 * Every equality of a derivative's derivation checked at a random draw of the variables and a
 * random differential dX: each differential rule's result against the slope of what it
 * differentiates in the direction dX (finite differences), each step that reads the derivative
 * off and each rewrite as the equality it is.
 */
export function checkMatrixSteps(answer: MatrixAnswer, d: MatrixDerivative, tolerance = 1e-6): StepsCheck {
  const names = [...new Set([...answer.expr.variables, ...d.of.variables, ...d.result.variables, d.by.name])];
  const random = seeded(20261206);
  const shifted = invertedVariables(answer.expr);
  let values = draw(answer.shapes, names, shifted, random, false);
  for (let tries = 1; tries < 8 && !allFinite(evaluateMatrix(d.of, values)); tries++) values = draw(answer.shapes, names, shifted, random, tries % 2 === 1);
  const x = values.get(d.by.name)!;
  const direction: Matrix = { ...x, data: Float64Array.from(x.data, () => 2 * random() - 1) };
  const differentials: MatrixValues = new Map([[d.by.name, direction]]);
  const value = (e: MatrixExpr): Matrix => evaluateMatrix(e, values, differentials);
  let equalities = 0;
  const failing: string[] = [];
  const compare = (rule: string, left: Matrix, right: Matrix): void => {
    equalities++;
    if (!agree(left, right, tolerance)) failing.push(rule);
  };
  // The slope of F in the direction dX, entry by entry.
  const slope = (f: MatrixExpr): Matrix => {
    const at = new Map<number, Matrix>();
    const moved = (t: number): Matrix => {
      let v = at.get(t);
      if (v === undefined) {
        v = evaluateMatrix(f, new Map([...values, [d.by.name, { ...x, data: x.data.map((xi, k) => xi + t * direction.data[k]!) }]]));
        at.set(t, v);
      }
      return v;
    };
    const here = moved(0);
    return { ...here, data: here.data.map((_, i) => richardson((t) => moved(t).data[i]!, 0, 1e-2).value) };
  };
  const differentialStep = (s: DifferentialStep): void => {
    if (s.sameAs || s.rule === 'variable' || s.rule === 'constant') return;
    compare(s.rule, value(s.result), slope(s.of));
    s.substeps.forEach(differentialStep);
  };
  differentialStep(d.differential);
  const pair = (p: InnerProduct): MatrixExpr => (isScalar(p.of.shape) ? m.product([p.weight, p.of]) : inner(p.weight, p.of));
  const form = (f: LinearForm): MatrixExpr => m.product([f.matrix, f.of]);
  const readStep = (s: InnerStep): void => {
    compare(s.rule, value(pair(s.before)), value(m.add(s.after.map(pair))));
    s.substeps.forEach(readStep);
  };
  const linearStep = (s: LinearStep | ScalarStep): void => {
    if (s.rule === 'gradient-of-scalar') {
      compare(s.rule, value(s.of), value(inner(s.gradient, m.differential(d.by))));
      s.steps.forEach(readStep);
      return;
    }
    compare(s.rule, value(form(s.before)), value(m.add(s.after.map(form))));
    s.substeps.forEach(linearStep);
  };
  if (d.kind === 'gradient') (d.readOff as readonly InnerStep[]).forEach(readStep);
  else (d.readOff as readonly (LinearStep | ScalarStep)[]).forEach(linearStep);
  for (const r of d.rewrites) compare(r.rule, value(r.before), value(r.after));
  return { equalities, holding: equalities - failing.length, failing };
}
