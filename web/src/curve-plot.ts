import { build, compile, decimalText, differentiate, evaluate, parse, toUnicode, type Expr, type Implicit } from '../../src/index.js';
import { chooseCurveRange, curveYRange, pointOnCurve, zeroSet, type Gradient, type Surface, gridRows } from './implicit-plot.js';
import type { PlotData } from './plot.js';

/*
 * The plot of a curve given by an equation: its zero set over the view, and the tangent at a
 * point of it (the pointer's nearest, or the one above an x typed in), with the slope from the
 * implicit derivative y′ evaluated there.
 */

/** A point of the curve with the slope of its tangent there; ±Infinity where the tangent is vertical. */
export interface CurveTangent {
  readonly x: number;
  readonly y: number;
  readonly slope: number;
}

export interface CurvePlot {
  readonly plot: PlotData;
  readonly range: readonly [number, number];
  readonly note: string;
  readonly description: string;
  /** x and the curve's function's names, for the axis and the readout. */
  readonly variable: string;
  readonly dependent: string;
  /** The tangent at the x typed in Tangent at, or why there is none. */
  readonly at?: CurveTangent | { readonly error: string };
}

/** What the tangent needs of the curve in view: its points and how to find one and its slope. */
export interface CurveTangents {
  /** The point nearest (x, y), or above x when y is not given (nearest `near` in height), with its tangent. */
  at(x: number, y?: number, near?: number): CurveTangent | undefined;
  /** The tangent found for x in words: y′ there and the tangent's equation, or why there is none. */
  readout(x: number, value: CurveTangent | undefined): string;
}

const short = (x: number): string => decimalText(x, 3);

/** Two variables compiled together, the others at their values (1 when not given). */
function surfaceOf(expr: Expr, x: string, y: string, values: Readonly<Record<string, number>>): Surface {
  const compiled = compile(expr);
  const env: Record<string, number> = {};
  for (const name of compiled.variables) env[name] = values[name] ?? 1;
  return (a, b) => {
    env[x] = a;
    env[y] = b;
    return compiled(env);
  };
}

export function curvePlot(r: Implicit, range: { readonly auto: boolean; readonly from: number; readonly to: number }, at: string, values: Readonly<Record<string, number>>): { view: CurvePlot; tangents: CurveTangents } {
  const [x, y] = [r.variable, r.dependent];
  const F = build.sub(r.left, r.right);
  const surface = surfaceOf(F, x, y, values);
  const [fx, fy] = [x, y].map((v) => surfaceOf(differentiate(F, { variable: v, simplify: false }).result, x, y, values)) as [Surface, Surface];
  const gradient: Gradient = (a, b) => [fx(a, b), fy(a, b)];
  // y′ as the answer gives it, in x and y: the slope of the tangent at a point of the curve.
  const slopeAt = surfaceOf(r.orders[0]!.solved, x, y, values);
  const [from, to] = range.auto ? chooseCurveRange(surface) : [range.from, range.to];
  const yRange = curveYRange(surface, [from, to]);
  // Traced a little past the view, so the curve runs to its edges; as tall as wide at least, since
  // the plot draws y at x's scale and a narrow screen's plotted area is nearly square.
  const middle = (yRange[0] + yRange[1]) / 2;
  const halfY = Math.max((yRange[1] - yRange[0]) * 0.65, (to - from) * 0.55);
  const padX = (to - from) * 0.05;
  // As many rows to a unit as the view's own height would have had.
  const rows = Math.round(gridRows * Math.min(2, Math.max(1, halfY / ((yRange[1] - yRange[0]) * 0.65))));
  const points = zeroSet(surface, gradient, [from - padX, to + padX], [middle - halfY, middle + halfY], undefined, rows);
  const equation = `${toUnicode(r.left)} = ${toUnicode(r.right)}`;
  const plot: PlotData = { curves: [{ label: 'curve', legend: equation, points }], y: yRange, equalScale: true };

  const scale = [to - from, yRange[1] - yRange[0]] as const;
  const tangents: CurveTangents = {
    at(px, py, near) {
      const p = pointOnCurve(surface, gradient, points, px, py, scale, near);
      if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return undefined;
      // y′ = −F_x/F_y: where F_y is 0 and F_x is not, the tangent is vertical.
      const [gx, gy] = gradient(p.x, p.y);
      // A vertical tangent's point is found to about half the digits (the root in y is double there).
      if (Math.abs(gy) <= 1e-6 * Math.abs(gx)) return { x: p.x, y: p.y, slope: Infinity };
      const slope = slopeAt(p.x, p.y);
      return Number.isFinite(slope) ? { x: p.x, y: p.y, slope } : undefined;
    },
    readout(px, value) {
      const words = (n: number): string => decimalText(n, 4);
      if (!value) return `No point of the curve near ${x} = ${words(px)} in this view.`;
      // A coordinate a millionth of the view from 0 is 0, as found to the digits it can be (at a vertical tangent, half of them).
      const coordinate = (n: number): string => words(Math.abs(n) < 1e-6 * (to - from) ? 0 : n);
      const point = `(${x}, ${y}) = (${coordinate(value.x)}, ${coordinate(value.y)})`;
      const m = value.slope;
      return Number.isFinite(m)
        ? `At ${point} on the curve: ${y}′ = ${words(m)}; the tangent there is ${y} = ${words(value.y)} ${m < 0 ? '−' : '+'} ${words(Math.abs(m))}·(${x} ${value.x < 0 ? '+' : '−'} ${words(Math.abs(value.x))}).`
        : `At ${point} on the curve the tangent is vertical, ${x} = ${coordinate(value.x)}: ${y}′ has no value there.`;
    },
  };

  const pieces = points.filter((p, i) => Number.isFinite(p.y) && !Number.isFinite(points[i - 1]?.y ?? NaN)).length;
  const inView = points.some((p) => p.x >= from && p.x <= to && p.y >= yRange[0] && p.y <= yRange[1]);
  const where = `${x} from ${short(from)} to ${short(to)}, ${y} from ${short(yRange[0])} to ${short(yRange[1])}`;
  const notes = [
    range.auto ? `Range chosen from the curve: ${where} at least, x and y drawn to one scale. Change it with From and To, or by dragging and zooming the plot.` : '',
    inView
      ? `The curve is drawn where ${equation} holds, traced on a grid and each point moved onto it; point at the plot for the tangent at the nearest point of the curve.`
      : `The curve ${equation} has no point in this view: Reset range shows where it is.`,
  ];
  const description = inView
    ? `Plot of the curve ${equation} for ${where}: ${pieces === 1 ? 'one piece' : `${pieces} pieces`}.`
    : `Plot for ${where}: the curve ${equation} has no point in it.`;

  let tangentAt: CurvePlot['at'];
  if (at.trim() !== '') {
    try {
      const a = evaluate(parse(at), values);
      tangentAt = tangents.at(a) ?? { error: `the curve has no point with ${x} = ${short(a)} in this view` };
    } catch (error) {
      tangentAt = { error: (error as Error).message };
    }
  }
  return { view: { plot, range: [from, to], note: notes.filter((n) => n !== '').join(' '), description, variable: x, dependent: y, ...(tangentAt ? { at: tangentAt } : {}) }, tangents };
}
