import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PlotData, Point } from './plot.js';

/*
 * The plot as SVG: axes through the origin when it is in view (on the edges otherwise),
 * ticks and a light grid from d3's scales with their numbers outside the plotted area, one
 * path per curve with gaps where the curve has them, and a legend in the corner the curves
 * cross least. Curves differ by dash pattern as well as colour (the colours, from the
 * Okabe–Ito set, are told apart with any colour vision; the stylesheet has them per theme).
 */

const margin = { top: 16, right: 16, bottom: 32, left: 52 };
/** About how wide a character of a tick's number is, at the plot's 14 px. */
const tickCharWidth = 8;
/** Dash patterns in order: f solid, the derivative dashed, f′ beside it dotted. */
const dashes = ['', '9 5', '2 5'] as const;
const styleOf = (i: number): { class: string; 'stroke-dasharray': string } => ({ class: `curve-${i % dashes.length}`, 'stroke-dasharray': dashes[i % dashes.length]! });

const svgNamespace = 'http://www.w3.org/2000/svg';

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNamespace, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

/**
 * Draws the plot at the width the page gives it, so text stays at its size on a phone:
 * the picture is as many units wide as it is pixels wide, and ticks are spaced for that.
 */
export function renderPlot(svg: SVGSVGElement, data: PlotData, from: number, to: number, variable: string, knownWidth?: number): void {
  // The width last seen, when known: reading it here would lay out whatever was just put in the page.
  const width = Math.max(280, Math.round(knownWidth || svg.clientWidth || 900));
  const height = Math.round(Math.min(500, Math.max(240, width * 0.56)));
  const xTickCount = Math.max(4, Math.floor(width / 75));
  const yTickCount = Math.max(4, Math.floor(height / 60));
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const [top, bottom] = [margin.top, height - margin.bottom];
  const right = width - margin.right;
  // The left margin holds the widest y tick number whole (−150,000 as much as 2): none is cut off.
  const leftFor = (scale: ReturnType<typeof scaleLinear<number>>): number => {
    const format = scale.tickFormat(yTickCount);
    return Math.max(margin.left, Math.ceil(scale.ticks(yTickCount).reduce((most, t) => Math.max(most, format(t).length), 0) * tickCharWidth) + 16);
  };
  let y = scaleLinear().domain(data.y).range([bottom, top]).nice();
  let left = leftFor(y);
  if (data.equalScale) {
    // A unit up as many pixels as a unit across; the margin the y ticks then need, and the scale again for it.
    const equal = (l: number): ReturnType<typeof scaleLinear<number>> => {
      const half = ((bottom - top) / 2) * ((to - from) / (right - l));
      const middle = (data.y[0] + data.y[1]) / 2;
      return scaleLinear().domain([middle - half, middle + half]).range([bottom, top]);
    };
    left = leftFor(equal(left));
    y = equal(left);
  }
  const formatY = y.tickFormat(yTickCount);
  const x = scaleLinear().domain([from, to]).range([left, right]);
  // The scales, for reading values back from the drawing: value at one end, value at the other, pixels at each.
  svg.dataset.xScale = [from, to, left, right].join(' ');
  svg.dataset.yScale = [...y.domain(), bottom, top].join(' ');

  const clipId = 'plot-area';
  const clip = element('clipPath', { id: clipId }, element('defs', {}, svg));
  element('rect', { x: left, y: top, width: right - left, height: bottom - top }, clip);

  const grid = element('g', { class: 'grid' }, svg);
  const xTicks = x.ticks(xTickCount);
  const yTicks = y.ticks(yTickCount);
  for (const t of xTicks) element('line', { x1: x(t), x2: x(t), y1: top, y2: bottom }, grid);
  for (const t of yTicks) element('line', { x1: left, x2: right, y1: y(t), y2: y(t) }, grid);

  // The axes cross at the origin when it is in view, as in a textbook figure.
  const [yLow, yHigh] = y.domain() as [number, number];
  const xAxisAt = yLow <= 0 && 0 <= yHigh ? y(0) : bottom;
  const yAxisAt = from <= 0 && 0 <= to ? x(0) : left;
  const axes = element('g', { class: 'axes' }, svg);
  element('line', { x1: left, x2: right, y1: xAxisAt, y2: xAxisAt }, axes);
  element('line', { x1: yAxisAt, x2: yAxisAt, y1: top, y2: bottom }, axes);
  const formatX = x.tickFormat(xTickCount);
  // The variable's name at the right end of the x axis, above it; a tick number that would run into it is left out.
  const nameAt = right - 4 - variable.length * tickCharWidth;
  // Tick marks on the axes; their numbers along the bottom and left edges, where no curve runs.
  for (const t of xTicks) {
    element('line', { x1: x(t), x2: x(t), y1: xAxisAt, y2: xAxisAt + 5 }, axes);
    const label = formatX(t);
    if (x(t) + (label.length * tickCharWidth) / 2 < nameAt - 6) text(axes, label, x(t), bottom + 20, 'middle');
  }
  for (const t of yTicks) {
    element('line', { x1: yAxisAt - 5, x2: yAxisAt, y1: y(t), y2: y(t) }, axes);
    text(axes, formatY(t), left - 8, y(t) + 5, 'end');
  }
  text(axes, variable, right - 4, bottom + 20, 'end').setAttribute('class', 'axis-name');

  // Far outside the view the values are held at a bound, so the path's numbers stay small.
  const [yMin, yMax] = [y.invert(bottom + 1000), y.invert(top - 1000)];
  const path = line<Point>()
    .digits(6)
    .defined((p) => Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(Math.min(yMax, Math.max(yMin, p.y))));
  const curves = element('g', { 'clip-path': `url(#${clipId})` }, svg);
  data.curves.forEach((curve, i) => {
    const { class: style, ...dash } = styleOf(i);
    element('path', { class: `curve ${style}`, d: path(curve.points as Point[]) ?? '', 'data-curve': curve.label, ...dash }, curves);
  });

  // The legend goes in the corner the fewest plotted points fall in.
  const legendText = data.curves.map((curve) => curve.legend ?? `${curve.label}(${variable})`);
  const legendWidth = Math.max(118, 60 + legendText.reduce((m, t) => Math.max(m, t.length), 0) * tickCharWidth);
  const legendHeight = 10 + 22 * data.curves.length;
  const corners = [[right - legendWidth - 8, top + 6], [left + 8, top + 6], [right - legendWidth - 8, bottom - legendHeight - 6], [left + 8, bottom - legendHeight - 6]] as const;
  // Each point placed once, not once for each corner: a long derivative's plot has thousands.
  const placed = data.curves.flatMap((curve) => curve.points.map((p) => [x(p.x), y(p.y)] as const));
  const crossing = corners.map(([cx, cy]) => placed.filter(([px, py]) => px >= cx && px <= cx + legendWidth && py >= cy && py <= cy + legendHeight).length);
  const [legendX, legendY] = corners[crossing.indexOf(crossing.reduce((m, n) => Math.min(m, n), Infinity))]!;
  const legend = element('g', { class: 'legend' }, svg);
  element('rect', { x: legendX, y: legendY, width: legendWidth, height: legendHeight, rx: 4 }, legend);
  data.curves.forEach((_, i) => {
    const rowY = legendY + 16 + 22 * i;
    const { class: style, ...dash } = styleOf(i);
    element('line', { class: style, x1: legendX + 10, x2: legendX + 44, y1: rowY, y2: rowY, ...dash }, legend);
    text(legend, legendText[i]!, legendX + 52, rowY + 5, 'start');
  });
  svg.appendChild(element('g', { class: 'tangent' }));
}

/** The x of a pixel, from the scale the plot was drawn with (data-x-scale). */
export function xAtPixel(svg: SVGSVGElement, pixel: number): number {
  const [v0, v1, p0, p1] = (svg.dataset.xScale ?? '0 1 0 1').split(' ').map(Number) as [number, number, number, number];
  return v0 + ((pixel - p0) / (p1 - p0)) * (v1 - v0);
}

/** The y of a pixel, from the scale the plot was drawn with (data-y-scale). */
export function yAtPixel(svg: SVGSVGElement, pixel: number): number {
  const [v0, v1, p0, p1] = (svg.dataset.yScale ?? '0 1 0 1').split(' ').map(Number) as [number, number, number, number];
  return v0 + ((pixel - p0) / (p1 - p0)) * (v1 - v0);
}

/**
 * The tangent at x: a dot on f, the tangent line across the plotted area, and back the values
 * there (undefined where f or f′ has none).
 */
export function drawTangent(svg: SVGSVGElement, data: PlotData, x0: number, exact?: { x: number; y: number; slope: number }): { x: number; y: number; slope: number } | undefined {
  const layer = svg.querySelector('g.tangent');
  if (!layer) return undefined;
  layer.replaceChildren();
  // From f and f′ evaluated there where they are known; until then, read off the samples.
  const value = exact ?? valueAt(data, x0);
  if (!value) return undefined;
  const [xv0, xv1, xp0, xp1] = svg.dataset.xScale!.split(' ').map(Number) as [number, number, number, number];
  const [yv0, yv1, yp0, yp1] = svg.dataset.yScale!.split(' ').map(Number) as [number, number, number, number];
  const px = (v: number): number => xp0 + ((v - xv0) / (xv1 - xv0)) * (xp1 - xp0);
  const py = (v: number): number => yp0 + ((v - yv0) / (yv1 - yv0)) * (yp1 - yp0);
  const line = (x: number): number => value.y + value.slope * (x - value.x);
  const group = element('g', { 'clip-path': 'url(#plot-area)' }, layer);
  // A curve's tangent may be vertical (slope ±∞): then it runs from the bottom to the top.
  if (Number.isFinite(value.slope)) element('line', { x1: px(xv0), y1: py(line(xv0)), x2: px(xv1), y2: py(line(xv1)) }, group);
  else element('line', { x1: px(value.x), y1: yp0, x2: px(value.x), y2: yp1 }, group);
  element('circle', { cx: px(value.x), cy: py(value.y), r: 5 }, group);
  return value;
}

/** f and f′ at x, from the samples, each interpolated between its neighbours. */
function valueAt(data: PlotData, x: number): { x: number; y: number; slope: number } | undefined {
  const points = data.curves[0]?.points.filter((p) => Number.isFinite(p.y)) ?? [];
  const slopes = data.slopes;
  if (points.length < 2 || !slopes) return undefined;
  const [first, last] = [data.curves[0]!.points[0]!.x, data.curves[0]!.points.at(-1)!.x];
  if (x < first || x > last) return undefined;
  let hi = points.findIndex((p) => p.x >= x);
  if (hi <= 0) hi = 1;
  const [a, b] = [points[hi - 1]!, points[hi]!];
  // Not across a gap: the neighbours must be neighbouring samples.
  if (b.x - a.x > 2 * (last - first) / (slopes.length - 1)) return undefined;
  const y = a.y + ((x - a.x) / (b.x - a.x || 1)) * (b.y - a.y);
  const at = ((x - first) / (last - first)) * (slopes.length - 1);
  const i = Math.min(slopes.length - 2, Math.floor(at));
  const slope = slopes[i]! + (at - i) * (slopes[i + 1]! - slopes[i]!);
  return Number.isFinite(y) && Number.isFinite(slope) ? { x, y, slope } : undefined;
}

function text(parent: Element, content: string, x: number, y: number, anchor: 'start' | 'middle' | 'end'): SVGTextElement {
  const node = element('text', { x, y, 'text-anchor': anchor }, parent);
  node.textContent = content;
  return node;
}
