import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PlotData, Point } from './plot.js';

/*
 * The plot as SVG: axes through the origin when it is in view (on the edges otherwise),
 * ticks and a light grid from d3's scales, one path per curve with gaps where the curve
 * has them, and a legend in the upper right.
 */

const margin = { top: 16, right: 16, bottom: 32, left: 48 };
/** Curve colours in order: f, f′, f″. */
const curveColours = ['#307ec7', '#9621e2', '#d9730d'] as const;

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
export function renderPlot(svg: SVGSVGElement, data: PlotData, from: number, to: number, variable: string): void {
  const width = Math.max(280, Math.round(svg.clientWidth || 900));
  const height = Math.round(Math.min(500, Math.max(240, width * 0.56)));
  const xTickCount = Math.max(4, Math.floor(width / 75));
  const yTickCount = Math.max(4, Math.floor(height / 60));
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const x = scaleLinear().domain([from, to]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain(data.y).range([height - margin.bottom, margin.top]).nice();
  const [top, bottom] = [margin.top, height - margin.bottom];
  const [left, right] = [margin.left, width - margin.right];
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
  const formatY = y.tickFormat(yTickCount);
  for (const t of xTicks) {
    element('line', { x1: x(t), x2: x(t), y1: xAxisAt, y2: xAxisAt + 5 }, axes);
    if (t !== 0 || yAxisAt !== x(0)) text(axes, formatX(t), x(t), xAxisAt + 18, 'middle');
  }
  for (const t of yTicks) {
    element('line', { x1: yAxisAt - 5, x2: yAxisAt, y1: y(t), y2: y(t) }, axes);
    if (t !== 0 || xAxisAt !== y(0)) text(axes, formatY(t), yAxisAt - 8, y(t) + 4, 'end');
  }
  text(axes, variable, right - 4, xAxisAt - 8, 'end').setAttribute('class', 'axis-name');

  // Far outside the view the values are held at a bound, so the path's numbers stay small.
  const [yMin, yMax] = [y.invert(bottom + 1000), y.invert(top - 1000)];
  const path = line<Point>()
    .defined((p) => Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(Math.min(yMax, Math.max(yMin, p.y))));
  const curves = element('g', { 'clip-path': `url(#${clipId})` }, svg);
  data.curves.forEach((curve, i) => {
    element('path', {
      class: 'curve', d: path(curve.points as Point[]) ?? '', stroke: curveColours[i % curveColours.length]!,
      'data-curve': curve.label,
    }, curves);
  });

  const legend = element('g', { class: 'legend' }, svg);
  const legendWidth = 110;
  const legendX = right - legendWidth - 8;
  element('rect', { x: legendX, y: top + 6, width: legendWidth, height: 10 + 22 * data.curves.length, rx: 4 }, legend);
  data.curves.forEach((curve, i) => {
    const rowY = top + 22 + 22 * i;
    element('line', { x1: legendX + 10, x2: legendX + 40, y1: rowY, y2: rowY, stroke: curveColours[i % curveColours.length]! }, legend);
    text(legend, `${curve.label}(${variable})`, legendX + 48, rowY + 5, 'start');
  });
}

function text(parent: Element, content: string, x: number, y: number, anchor: 'start' | 'middle' | 'end'): SVGTextElement {
  const node = element('text', { x, y, 'text-anchor': anchor }, parent);
  node.textContent = content;
  return node;
}
