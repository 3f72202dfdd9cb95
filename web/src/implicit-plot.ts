import { contours } from 'd3-contour';
import type { Point } from './plot.js';

/*
 * A curve given by an equation, F(x, y) = 0, as the plot draws it: d3-contour traces the zero
 * set of F on a grid by marching squares, each traced point is moved onto the curve by Newton's
 * method (the grid's straight interpolation lands beside it), and the pieces are one list of
 * points with a gap (NaN) between them, as the plot's other curves have at their gaps.
 */

/** F(x, y), NaN where it has no value. */
export type Surface = (x: number, y: number) => number;
/** ∂F/∂x and ∂F/∂y at (x, y). */
export type Gradient = (x: number, y: number) => readonly [number, number];

export type Range = readonly [number, number];

/** Height over width of the plotted area on a wide screen (less its margins): a circle is drawn round at this shape. */
const plotAspect = 0.52;

/** Grid cells across and down that the zero set is traced on. */
const gridColumns = 240;
export const gridRows = 160;
/** Newton steps that move each traced point onto the curve. */
const newtonSteps = 3;

/** Stands in for F where it has no value: far below zero, so the trace keeps to where F is defined. */
const undefinedValue = -1e300;

/** The grid's values of F at the centres of its cells, row by row (d3-contour's layout). */
function gridValues(F: Surface, [x0, x1]: Range, [y0, y1]: Range, columns: number, rows: number): number[] {
  const values: number[] = [];
  for (let j = 0; j < rows; j++) {
    const y = y0 + ((y1 - y0) * (j + 0.5)) / rows;
    for (let i = 0; i < columns; i++) {
      const v = F(x0 + ((x1 - x0) * (i + 0.5)) / columns, y);
      values.push(Number.isFinite(v) ? v : undefinedValue);
    }
  }
  return values;
}

/**
 * One Newton step towards F = 0 along the gradient, the shortest way onto the curve from a point
 * near it: p − F(p)·∇F(p)/|∇F(p)|².
 */
function towardCurve(F: Surface, gradient: Gradient, x: number, y: number, steps = newtonSteps): { x: number; y: number } {
  for (let k = 0; k < steps; k++) {
    const f = F(x, y);
    const [fx, fy] = gradient(x, y);
    const norm = fx * fx + fy * fy;
    if (!Number.isFinite(f) || !(norm > 0) || !Number.isFinite(norm)) break;
    if (f === 0) break;
    [x, y] = [x - (f * fx) / norm, y - (f * fy) / norm];
  }
  return { x, y };
}

/**
 * The zero set of F over the box, as pieces of polyline separated by a NaN point, each point on
 * the curve (Newton's method from where the grid put it). A point the method cannot bring onto
 * the curve within a cell — where F jumps across a pole rather than crossing zero — breaks the
 * piece there.
 */
export function zeroSet(F: Surface, gradient: Gradient, xs: Range, ys: Range, columns = gridColumns, rows = gridRows): Point[] {
  const values = gridValues(F, xs, ys, columns, rows);
  const [cellX, cellY] = [(xs[1] - xs[0]) / columns, (ys[1] - ys[0]) / rows];
  const out: Point[] = [];
  const gap = (): void => {
    if (out.length > 0 && Number.isFinite(out.at(-1)!.y)) out.push({ x: NaN, y: NaN });
  };
  // A traced point is on the curve when it is inside the grid's centres; d3 closes the regions
  // where F ≥ 0 along the grid's edge, and those points are not.
  const inside = ([c, r]: readonly number[]): boolean => c! >= 0.5 - 1e-9 && c! <= columns - 0.5 + 1e-9 && r! >= 0.5 - 1e-9 && r! <= rows - 0.5 + 1e-9;
  const value = (i: number, j: number): number => Math.abs(values[Math.min(rows - 1, Math.max(0, j)) * columns + Math.min(columns - 1, Math.max(0, i))]!);
  const onCurve = ([c, r]: readonly number[]): Point | undefined => {
    const start = { x: xs[0] + c! * cellX, y: ys[0] + r! * cellY };
    const p = towardCurve(F, gradient, start.x, start.y);
    const near = Math.abs(p.x - start.x) <= 2 * cellX && Math.abs(p.y - start.y) <= 2 * cellY;
    // Across a pole F changes sign by jumping, and near where it does it is larger than at the
    // grid's points around: no zero is there.
    const [i, j] = [Math.floor(c! - 0.5), Math.floor(r! - 0.5)];
    const bound = Math.max(value(i, j), value(i + 1, j), value(i, j + 1), value(i + 1, j + 1));
    return near && Math.abs(F(p.x, p.y)) <= bound ? p : undefined;
  };
  const [zero] = contours().size([columns, rows]).thresholds([0])(values);
  for (const polygon of zero?.coordinates ?? []) {
    for (const ring of polygon) {
      // A ring that leaves the grid starts where it does, so its pieces on the curve are not cut in two.
      const first = ring.findIndex((point) => !inside(point));
      const walk = first < 0 ? ring : [...ring.slice(first, -1), ...ring.slice(0, first + 1)];
      gap();
      for (const point of walk) {
        const p = inside(point) ? onCurve(point) : undefined;
        if (p) out.push(p);
        else gap();
      }
    }
  }
  gap();
  // A piece of one point draws nothing.
  return out.filter((p, i) => !Number.isFinite(p.y) || Number.isFinite(out[i - 1]?.y ?? NaN) || Number.isFinite(out[i + 1]?.y ?? NaN));
}

/** Cells of a coarse grid over the box where F changes sign: where the curve passes, roughly. */
function crossings(F: Surface, [x0, x1]: Range, [y0, y1]: Range, n: number): Point[] {
  const at: number[][] = [];
  for (let j = 0; j <= n; j++) {
    const row: number[] = [];
    for (let i = 0; i <= n; i++) row.push(F(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n));
    at.push(row);
  }
  const found: Point[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const corners = [at[j]![i]!, at[j]![i + 1]!, at[j + 1]![i]!, at[j + 1]![i + 1]!].filter(Number.isFinite);
      if (corners.some((v) => v <= 0) && corners.some((v) => v >= 0)) {
        found.push({ x: x0 + ((x1 - x0) * (i + 0.5)) / n, y: y0 + ((y1 - y0) * (j + 0.5)) / n });
      }
    }
  }
  return found;
}

/** Half-widths of the squares searched for a curve, from near the origin outwards. */
const searchReach = [2, 5, 10, 20, 50, 100, 1000];
const searchCells = 80;

/**
 * The x range to show the curve in: the box of the whole curve with room around it, when it is
 * closed and within reach of the origin (x² + y² = 25 from about −11 to 11, so it is drawn
 * round); around the origin when it runs off to infinity; −10 to 10 when no curve is found.
 */
export function chooseCurveRange(F: Surface): Range {
  // The nearest reach the curve runs out of, in case it is never found whole.
  let open: number | undefined;
  for (const reach of searchReach) {
    const found = crossings(F, [-reach, reach], [-reach, reach], searchCells);
    if (found.length === 0) continue;
    const cell = (2 * reach) / searchCells;
    const [xLow, xHigh] = extent(found.map((p) => p.x));
    const [yLow, yHigh] = extent(found.map((p) => p.y));
    if (Math.max(-xLow, xHigh, -yLow, yHigh) > reach - 2 * cell) {
      open ??= Math.max(reach, 5);
      continue;
    }
    const wanted = 1.2 * Math.max((xHigh - xLow) / 2, (yHigh - yLow) / 2 / plotAspect, cell);
    // Two significant digits, as a person would type the range (−11 to 11, not −10.98 to 10.98).
    const unit = 10 ** (Math.floor(Math.log10(wanted)) - 1);
    const [middle, half] = [Math.round((xLow + xHigh) / 2 / unit) * unit, Math.ceil(wanted / unit) * unit];
    return [Number((middle - half).toPrecision(12)), Number((middle + half).toPrecision(12))];
  }
  return open === undefined ? [-10, 10] : [-open, open];
}

/**
 * The y range for an x range: the curve's heights there with a margin, at least as tall as the
 * x range is wide at the plot's shape (a circle round), centred on the curve; about 0 when the
 * curve does not pass there.
 */
export function curveYRange(F: Surface, [from, to]: Range): Range {
  const width = to - from;
  const reach = Math.max(10, 5 * width);
  const found = crossings(F, [from, to], [-reach, reach], searchCells).map((p) => p.y);
  const least = (width * plotAspect) / 2;
  if (found.length === 0) return [-least, least];
  const [low, high] = extent(found);
  const middle = (low + high) / 2;
  const half = Math.max(least, ((high - low) / 2) * 1.1);
  return [middle - half, middle + half];
}

/**
 * The point of the curve where the tangent is asked for: the one nearest (x, y) when the pointer
 * gives both (distances measured as on the screen, each axis by its range); the one above x
 * nearest `near`'s height, or else the highest, when only x is given. Undefined where the curve
 * does not pass.
 */
export function pointOnCurve(F: Surface, gradient: Gradient, points: readonly Point[], x: number, y: number | undefined, scale: readonly [number, number], near?: number): { x: number; y: number } | undefined {
  const [sx, sy] = scale;
  let best: { x: number; y: number; distance: number } | undefined;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (!Number.isFinite(a.y) || !Number.isFinite(b.y)) continue;
    let candidate: { x: number; y: number } | undefined;
    if (y !== undefined) {
      // The point of the segment nearest (x, y), on the screen's scale.
      const [dx, dy] = [(b.x - a.x) / sx, (b.y - a.y) / sy];
      const length = dx * dx + dy * dy;
      const t = length > 0 ? Math.min(1, Math.max(0, (((x - a.x) / sx) * dx + ((y - a.y) / sy) * dy) / length)) : 0;
      candidate = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
    } else if ((a.x - x) * (b.x - x) <= 0 && a.x !== b.x) {
      candidate = { x, y: a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y) };
    }
    if (!candidate) continue;
    const distance = y !== undefined
      ? Math.hypot((candidate.x - x) / sx, (candidate.y - y) / sy)
      : near !== undefined ? Math.abs(candidate.y - near) : -candidate.y;
    if (!best || distance < best.distance) best = { ...candidate, distance };
  }
  // Where the curve turns back at x (a vertical tangent), no segment crosses it: the point nearest x within a cell is taken.
  if (!best && y === undefined) {
    const closest = points.reduce<Point | undefined>((c, p) => (Number.isFinite(p.y) && (!c || Math.abs(p.x - x) < Math.abs(c.x - x)) ? p : c), undefined);
    if (closest && Math.abs(closest.x - x) <= sx / gridColumns) best = { x, y: closest.y, distance: 0 };
  }
  if (!best) return undefined;
  // Onto the curve: along the gradient from the pointer's; straight up or down when x is given.
  if (y !== undefined) return towardCurve(F, gradient, best.x, best.y);
  let height = best.y;
  // Newton's method in y; where the tangent is vertical the root is double and it halves the error each step.
  for (let k = 0; k < 80; k++) {
    const [, fy] = gradient(x, height);
    const f = F(x, height);
    if (!Number.isFinite(f) || !(Math.abs(fy) > 0) || f === 0) break;
    height -= f / fy;
  }
  if (!Number.isFinite(height) || Math.abs(height - best.y) > 2 * sy / gridRows) return undefined;
  const residual = Math.abs(F(x, height));
  return residual <= 1e-9 * Math.max(1, Math.hypot(x, height)) ? { x, y: height } : undefined;
}

function extent(values: readonly number[]): [number, number] {
  return [values.reduce((m, v) => Math.min(m, v), Infinity), values.reduce((m, v) => Math.max(m, v), -Infinity)];
}
