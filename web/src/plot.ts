import { compile, standInsFor, type Expr } from '../../src/index.js';

/*
 * The numbers behind the plot, apart from drawing it: each curve sampled across the
 * range, with a gap (a NaN) wherever the function is undefined or jumps — at a pole the
 * two sides must not be joined by a vertical line — and a y range that shows the shape
 * rather than the spikes next to poles.
 */

export interface Point {
  readonly x: number;
  /** NaN where the curve has a gap. */
  readonly y: number;
}

export interface Curve {
  /** f, f′ or f″. */
  readonly label: string;
  /** What the legend says, when not the label applied to the variable: a curve's equation. */
  readonly legend?: string;
  readonly points: readonly Point[];
}

export interface PlotData {
  readonly curves: readonly Curve[];
  /** The curves that turn faster than the samples are apart, drawn as the band they fill. */
  readonly bands?: readonly string[];
  readonly y: readonly [number, number];
  /**
   * A curve's plot: as many pixels for a unit up as across, so that a circle is drawn round; the
   * y range drawn is then as tall as the plotted area's shape makes it, about the middle of `y`.
   */
  readonly equalScale?: boolean;
  /** f′ at each of the first curve's samples (not drawn): the slope of the tangent shown where the pointer is. */
  readonly slopes?: readonly number[];
}

const defaultSamples = 600;

/**
 * Samples f, f′ (and f″) of `variable` over [from, to]; other variables take `values` (1 when
 * not given) and the abstract functions f, g, h the numeric checks' stand-ins.
 */
export function plotData(
  curves: readonly { readonly label: string; readonly expr: Expr }[],
  variable: string, from: number, to: number, values: Readonly<Record<string, number>>,
  samples: number = defaultSamples, slope?: Expr, scaledBy = 0,
): PlotData {
  const functions = curves.map(({ label, expr }) => {
    const at = evaluator(expr, variable, values);
    const even = sample(at, from, to, samples);
    const band = underSampled(at, even);
    return { label, at, band, points: band ? envelope(at, from, to, samples) : even };
  });
  // The curve the y range is made for first: f, unless another is asked to fit.
  const scaled = functions[scaledBy] ?? functions[0];
  const y = yRange([scaled, ...functions.filter((f) => f !== scaled)].filter((f) => f !== undefined).map((f) => f.points.map((p) => p.y)));
  const slopes = slope && sample(evaluator(slope, variable, values), from, to, samples).map((p) => p.y);
  const bands = functions.filter((f) => f.band).map((f) => f.label);
  return {
    curves: functions.map((f) => ({ label: f.label, points: f.band ? f.points : withGapsAtJumps(f.points, f.at, y) })),
    y, ...(slopes ? { slopes } : {}), ...(bands.length > 0 ? { bands } : {}),
  };
}

/**
 * Whether a curve turns between its samples more often than a plot can show (x²·sin x over
 * ±10,000, samples 33 apart where it turns every 3): then the midpoints of a tenth of the
 * intervals or more lie far from the straight line between their ends, and a line through the
 * samples would draw a wave that is not there (aliasing).
 */
function underSampled(at: (x: number) => number, points: readonly Point[]): boolean {
  const finite = points.map((p) => p.y).filter(Number.isFinite);
  if (finite.length < 10) return false;
  const spread = finite.reduce((m, y) => Math.max(m, y), -Infinity) - finite.reduce((m, y) => Math.min(m, y), Infinity);
  if (!(spread > 0)) return false;
  let off = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const middle = at((a.x + b.x) / 2);
    if (Number.isFinite(a.y) && Number.isFinite(b.y) && Number.isFinite(middle) && Math.abs(middle - (a.y + b.y) / 2) > 0.1 * spread) off++;
  }
  return off >= 0.1 * (points.length - 1);
}

/** Subsamples a column of the plot takes for its band. */
const bandSamples = 12;

/**
 * The band a fast-turning curve fills: for each column between samples, its least and greatest
 * value over a dozen points there, drawn as a vertical stroke from one to the other.
 */
function envelope(at: (x: number) => number, from: number, to: number, count: number): Point[] {
  const points: Point[] = [];
  const step = (to - from) / count;
  for (let i = 0; i < count; i++) {
    let [low, high] = [Infinity, -Infinity];
    for (let k = 0; k <= bandSamples; k++) {
      const y = at(from + step * (i + k / bandSamples));
      if (Number.isFinite(y)) [low, high] = [Math.min(low, y), Math.max(high, y)];
    }
    const x = from + step * (i + 0.5);
    if (low > high) points.push({ x, y: NaN });
    else points.push({ x, y: low }, { x, y: high });
  }
  return points;
}

/**
 * An expression as a function of one variable, the others at their values (1 when not given),
 * abstract functions at the checks' stand-ins; NaN where it is undefined or infinite.
 */
export function evaluator(expr: Expr, variable: string, values: Readonly<Record<string, number>>): (x: number) => number {
  const compiled = compile(expr, { functions: standInsFor(expr) });
  const env: Record<string, number> = {};
  for (const name of compiled.variables) env[name] = values[name] ?? 1;
  return (x: number): number => {
    env[variable] = x;
    const y = compiled(env);
    return Number.isFinite(y) ? y : NaN;
  };
}

/** count + 1 evenly spaced points from `from` to `to`. */
function sample(at: (x: number) => number, from: number, to: number, count: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= count; i++) {
    const x = from + ((to - from) * i) / count;
    points.push({ x, y: at(x) });
  }
  return points;
}

/**
 * The y range to show: the first curve's range (f's, or the one asked to fit), widened for the
 * others by at most its own height each way (a derivative's spikes next to a pole must not
 * flatten f), with a margin.
 */
export function yRange(curves: readonly (readonly number[])[]): [number, number] {
  const ranges = curves.map(shapeRange).filter((r) => r !== undefined);
  if (ranges.length === 0) return [-1, 1];
  const [fLow, fHigh] = ranges[0]!;
  const height = Math.max(fHigh - fLow, 1e-9 * Math.max(1, Math.abs(fHigh)));
  let low = Math.max(ranges.reduce((m, r) => Math.min(m, r[0]), Infinity), fLow - height);
  let high = Math.min(ranges.reduce((m, r) => Math.max(m, r[1]), -Infinity), fHigh + height);
  if (high - low < 1e-9 * Math.max(1, Math.abs(high))) [low, high] = [low - 1, high + 1];
  const margin = (high - low) * 0.05;
  return [low - margin, high + margin];
}

/**
 * The range of one curve's values: all of them when they are of one scale; when a few spike
 * far out (next to a pole), the middle 90 % widened by half its width, so the shape shows.
 */
function shapeRange(values: readonly number[]): [number, number] | undefined {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return undefined;
  const quantile = (q: number): number => finite[Math.min(finite.length - 1, Math.floor(q * (finite.length - 1)))]!;
  const [low, high] = [finite[0]!, finite.at(-1)!];
  const [middleLow, middleHigh] = [quantile(0.05), quantile(0.95)];
  const middle = middleHigh - middleLow;
  if (high - low <= 4 * middle) return [low, high];
  return [Math.max(low, middleLow - middle / 2), Math.min(high, middleHigh + middle / 2)];
}

/**
 * Gaps where the curve jumps by more than half the visible height between two samples and
 * keeps jumping when the interval is halved again and again: a pole or a step, not a steep slope.
 */
function withGapsAtJumps(points: readonly Point[], at: (x: number) => number, [low, high]: readonly [number, number]): Point[] {
  const height = high - low;
  const out: Point[] = [];
  points.forEach((p, i) => {
    const previous = points[i - 1];
    if (previous && Number.isFinite(previous.y) && Number.isFinite(p.y) && Math.abs(p.y - previous.y) > height / 2
      && isDiscontinuous(at, previous, p, height)) {
      out.push({ x: (previous.x + p.x) / 2, y: NaN });
    }
    out.push(p);
  });
  return out;
}

const bisections = 40;

/** A jump that does not shrink as the interval does (tan crossing its pole, a step), or a pole of even order. */
export function isDiscontinuous(at: (x: number) => number, a: Point, b: Point, height: number): boolean {
  return keepsJumping(at, a, b, height) || isUnbounded(at, a, b, height);
}

function keepsJumping(at: (x: number) => number, a: Point, b: Point, height: number): boolean {
  let [left, right] = [a, b];
  for (let i = 0; i < bisections; i++) {
    const x = (left.x + right.x) / 2;
    const middle = { x, y: at(x) };
    if (!Number.isFinite(middle.y)) return true;
    // Follow the half with the bigger jump; on a continuous curve it shrinks to nothing.
    [left, right] = Math.abs(middle.y - left.y) >= Math.abs(right.y - middle.y) ? [left, middle] : [middle, right];
    if (Math.abs(right.y - left.y) < height / 4) return false;
  }
  return true;
}

/**
 * Whether |f| grows without bound between a and b, as 1/x² does at 0 with no change of
 * sign: search for the peak of |f| (keeping the half whose quarter point is higher) and
 * compare it with the ends.
 */
function isUnbounded(at: (x: number) => number, a: Point, b: Point, height: number): boolean {
  let [left, right] = [a.x, b.x];
  let peak = 0;
  for (let i = 0; i < bisections; i++) {
    const quarter = (right - left) / 4;
    const [low, high] = [Math.abs(at(left + quarter)), Math.abs(at(right - quarter))];
    if (!Number.isFinite(low) || !Number.isFinite(high)) return true;
    peak = Math.max(peak, low, high);
    if (low >= high) right = (left + right) / 2;
    else left = (left + right) / 2;
  }
  return peak > 1e4 * Math.max(Math.abs(a.y), Math.abs(b.y), height);
}
