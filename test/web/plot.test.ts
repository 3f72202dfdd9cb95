import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parse.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { plotData, yRange, type Curve } from '../../web/src/plot.js';

const curveOf = (input: string, from = -6, to = 6, values = {}): Curve =>
  plotData([{ label: 'f', expr: parse(input) }], 'x', from, to, values).curves[0]!;

/** Runs of consecutive defined points: what the plot draws as separate pieces. */
function pieces(curve: Curve): number {
  let count = 0;
  let inside = false;
  for (const p of curve.points) {
    if (Number.isFinite(p.y) && !inside) count++;
    inside = Number.isFinite(p.y);
  }
  return count;
}

describe('plot data', () => {
  it('samples σ and σ′ on [−6, 6] as two unbroken curves in (0, 1)', () => {
    const sigma = parse('1/(1+e^(-x))');
    const data = plotData([{ label: 'f', expr: sigma }, { label: 'f′', expr: differentiate(sigma).result }], 'x', -6, 6, {});
    expect(data.curves.map(pieces)).toEqual([1, 1]);
    expect(data.y[0]).toBeLessThan(0);
    expect(data.y[1]).toBeGreaterThan(1);
    expect(data.y[1]).toBeLessThan(1.2);
    const peak = Math.max(...data.curves[1]!.points.map((p) => p.y));
    expect(peak).toBeCloseTo(0.25, 6);
  });

  it('leaves a gap at each pole instead of joining the two sides', () => {
    expect(pieces(curveOf('tan(x)'))).toBe(5); // poles at ±π/2 and ±3π/2
    expect(pieces(curveOf('1/x', -6, 6))).toBe(2);
    expect(pieces(curveOf('1/(x^2-1)', -3, 3))).toBe(3);
    // Poles of even order, with no change of sign, one of them between two samples.
    expect(pieces(curveOf('1/x^2', -6.01, 6))).toBe(2);
    expect(pieces(curveOf('1/(x-1/200)^2'))).toBe(2);
    expect(pieces(curveOf('1/(x^2 + 1/10000)'))).toBe(1);
  });

  it('does not break a steep but continuous curve, and does break a step', () => {
    // From −6.01, so that 0 falls between two samples and the jump is seen.
    expect(pieces(curveOf('tanh(10000x)', -6.01, 6))).toBe(1);
    expect(pieces(curveOf('x/abs(x)', -6.01, 6))).toBe(2);
  });

  it('leaves out where the function is undefined or not real', () => {
    const root = curveOf('sqrt(x)');
    expect(root.points.filter((p) => p.x < 0).every((p) => Number.isNaN(p.y))).toBe(true);
    expect(root.points.filter((p) => p.x > 0).every((p) => Number.isFinite(p.y))).toBe(true);
  });

  it('gives the other variables their values (1 when not given)', () => {
    const at = (values: Record<string, number>) => curveOf('w*x + b', 0, 1, values).points.at(-1)!.y;
    expect(at({})).toBe(2);
    expect(at({ w: 3, b: -1 })).toBe(2);
  });

  it('shows the shape rather than the spikes next to a pole', () => {
    const tan = parse('tan(x)');
    const [low, high] = plotData([{ label: 'f', expr: tan }], 'x', -6, 6, {}).y;
    expect(high - low).toBeLessThan(100);
    expect(low).toBeCloseTo(-high, 6);
    // tan′ = sec² reaches 10⁴ between samples next to the poles; it widens the view, but not without bound.
    const both = plotData([{ label: 'f', expr: tan }, { label: 'f′', expr: differentiate(tan).result }], 'x', -6, 6, {});
    expect(both.y[1] - both.y[0]).toBeLessThan(3.5 * (high - low));
    expect(both.curves.map(pieces)).toEqual([5, 5]);
  });

  it('shows all of f and of a derivative of one scale with it', () => {
    const line = (from: number, to: number) => Array.from({ length: 101 }, (_, i) => from + ((to - from) * i) / 100);
    expect(yRange([line(0, 36), line(-12, 12)])).toEqual([-14.4, 38.4]);
    expect(yRange([[3, 3, 3]])).toEqual([1.9, 4.1]);
    expect(yRange([[NaN]])).toEqual([-1, 1]);
  });
});
