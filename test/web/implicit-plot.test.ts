import { describe, expect, it } from 'vitest';
import { chooseCurveRange, curveYRange, pointOnCurve, zeroSet, type Gradient, type Surface } from '../../web/src/implicit-plot.js';
import type { Point } from '../../web/src/plot.js';

const circle: Surface = (x, y) => x * x + y * y - 25;
const circleGradient: Gradient = (x, y) => [2 * x, 2 * y];

/** Runs of defined points: the pieces drawn. */
const pieces = (points: readonly Point[]): Point[][] => {
  const out: Point[][] = [];
  let run: Point[] = [];
  for (const p of points) {
    if (Number.isFinite(p.y)) run.push(p);
    else if (run.length > 0) [out[out.length], run] = [run, []];
  }
  if (run.length > 0) out.push(run);
  return out;
};

describe('an implicit curve plotted', () => {
  it('traces x² + y² = 25 as one closed piece, every point on the circle', () => {
    const points = zeroSet(circle, circleGradient, [-11, 11], [-6, 6]);
    const [piece, ...others] = pieces(points);
    expect(others).toEqual([]);
    expect(piece!.length).toBeGreaterThan(100);
    for (const p of piece!) expect(Math.abs(circle(p.x, p.y))).toBeLessThan(1e-9);
    // Closed: it ends where it starts.
    expect(Math.hypot(piece![0]!.x - piece!.at(-1)!.x, piece![0]!.y - piece!.at(-1)!.y)).toBeLessThan(1e-9);
  });

  it('leaves a grid point beside the curve without Newton\'s steps: they are what puts it on', () => {
    const points = zeroSet(circle, () => [0, 0], [-11, 11], [-6, 6]).filter((p) => Number.isFinite(p.y));
    expect(points.reduce((m, p) => Math.max(m, Math.abs(circle(p.x, p.y))), 0)).toBeGreaterThan(1e-4);
  });

  it('cuts the curve where it leaves the view, and draws nothing along the view\'s edge', () => {
    const points = zeroSet(circle, circleGradient, [0, 11], [0, 6]);
    const [arc, ...others] = pieces(points);
    expect(others).toEqual([]);
    for (const p of arc!) expect(Math.abs(circle(p.x, p.y))).toBeLessThan(1e-9);
  });

  it('breaks at a pole, where F changes sign without a zero', () => {
    // y = 1/x as x·y = 1 has no pole; 1/x − y = 0 has one at x = 0, which is not on the curve.
    const F: Surface = (x, y) => 1 / x - y;
    const gradient: Gradient = (x) => [-1 / (x * x), -1];
    const points = zeroSet(F, gradient, [-3, 3], [-3, 3]);
    const drawn = points.filter((p) => Number.isFinite(p.y));
    for (const p of drawn) expect(Math.abs(F(p.x, p.y))).toBeLessThan(1e-6);
    expect(pieces(points).length).toBe(2);
  });

  it('chooses a range that holds a closed curve whole and draws it round; around the origin for an open one', () => {
    const [from, to] = chooseCurveRange(circle);
    expect(from).toBeLessThan(-5);
    expect(to).toBeGreaterThan(5);
    expect(to - from).toBeLessThan(30);
    const [low, high] = curveYRange(circle, [from, to]);
    expect(low).toBeLessThan(-5);
    expect(high).toBeGreaterThan(5);
    expect((high - low) / (to - from)).toBeCloseTo(0.52, 1);
    expect(chooseCurveRange((x, y) => x * y - 1)).toEqual([-5, 5]);
    expect(chooseCurveRange((x, y) => x * x + y * y + 1)).toEqual([-10, 10]);
  });

  it('finds the point of the curve nearest the pointer, or above an x, on the curve', () => {
    const points = zeroSet(circle, circleGradient, [-11, 11], [-6, 6]);
    const near = pointOnCurve(circle, circleGradient, points, 3.2, 3.5, [22, 12])!;
    expect(Math.abs(circle(near.x, near.y))).toBeLessThan(1e-9);
    expect(near.x).toBeGreaterThan(2.5);
    expect(near.y).toBeGreaterThan(3.5);
    expect(pointOnCurve(circle, circleGradient, points, 3, undefined, [22, 12])).toEqual({ x: 3, y: 4 });
    expect(pointOnCurve(circle, circleGradient, points, 3, undefined, [22, 12], -3.9)).toEqual({ x: 3, y: -4 });
    expect(pointOnCurve(circle, circleGradient, points, 7, undefined, [22, 12])).toBeUndefined();
  });
});
