import { xAtPixel, yAtPixel } from './plot-view.js';

/*
 * Exploring the plot: the mouse wheel or a pinch zooms about the point under it, a drag pans,
 * and pointing (hovering, or tapping) puts the tangent at that x. From the keyboard, with the
 * plot focused: ← and → move the tangent, + and − zoom, Home resets.
 */

export interface PlotControls {
  /** The range drawn now. */
  range(): readonly [number, number];
  /** A new range, by zooming or panning. */
  setRange(from: number, to: number): void;
  /** The range chosen from the function again. */
  reset(): void;
  /** Puts the tangent at x, or, on a curve, at its point nearest (x, y) (undefined: takes it away). */
  pointAt(x: number | undefined, y?: number): void;
}

/** How much one notch of the wheel (100 units of deltaY) zooms. */
const wheelZoom = 1.2;

export function explorable(svg: SVGSVGElement, controls: PlotControls): void {
  const pointers = new Map<number, number>();
  let drag: { startPixel: number; from: number; to: number; moved: boolean } | undefined;
  let pinch: { distance: number; middle: number; from: number; to: number } | undefined;
  let tangentAt: number | undefined;

  const pixelOf = (event: PointerEvent | WheelEvent): number => event.clientX - svg.getBoundingClientRect().left;
  const heightOf = (event: PointerEvent): number => yAtPixel(svg, event.clientY - svg.getBoundingClientRect().top);
  const zoomAbout = (x: number, factor: number, [from, to]: readonly [number, number]): void =>
    controls.setRange(x - (x - from) * factor, x + (to - x) * factor);

  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    zoomAbout(xAtPixel(svg, pixelOf(event)), wheelZoom ** (event.deltaY / 100), controls.range());
  }, { passive: false });

  svg.addEventListener('pointerdown', (event) => {
    svg.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, pixelOf(event));
    const [from, to] = controls.range();
    if (pointers.size === 1) drag = { startPixel: pixelOf(event), from, to, moved: false };
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [number, number];
      pinch = { distance: Math.max(1, Math.abs(a - b)), middle: xAtPixel(svg, (a + b) / 2), from, to };
      drag = undefined;
    }
  });

  svg.addEventListener('pointermove', (event) => {
    if (!pointers.has(event.pointerId)) {
      // A mouse moving with no button down: the tangent follows it.
      if (event.pointerType === 'mouse') controls.pointAt((tangentAt = xAtPixel(svg, pixelOf(event))), heightOf(event));
      return;
    }
    pointers.set(event.pointerId, pixelOf(event));
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [number, number];
      zoomAbout(pinch.middle, pinch.distance / Math.max(1, Math.abs(a - b)), [pinch.from, pinch.to]);
    } else if (drag) {
      const shift = pixelOf(event) - drag.startPixel;
      if (Math.abs(shift) < 4 && !drag.moved) return;
      drag.moved = true;
      const perPixel = (drag.to - drag.from) / Math.max(1, svg.clientWidth);
      controls.setRange(drag.from - shift * perPixel, drag.to - shift * perPixel);
    }
  });

  const release = (event: PointerEvent): void => {
    // A tap (a press that did not move) puts the tangent where it was.
    if (drag && !drag.moved && pointers.size === 1) controls.pointAt((tangentAt = xAtPixel(svg, pixelOf(event))), heightOf(event));
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = undefined;
    if (pointers.size === 0) drag = undefined;
  };
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', release);
  svg.addEventListener('pointerleave', (event) => { if (event.pointerType === 'mouse' && pointers.size === 0) controls.pointAt((tangentAt = undefined)); });

  svg.addEventListener('keydown', (event) => {
    const [from, to] = controls.range();
    const step = (to - from) / 50;
    const middle = (from + to) / 2;
    switch (event.key) {
      case 'ArrowLeft': case 'ArrowRight':
        tangentAt = Math.min(to, Math.max(from, (tangentAt ?? middle) + (event.key === 'ArrowLeft' ? -step : step)));
        controls.pointAt(tangentAt);
        break;
      case '+': case '=': zoomAbout(tangentAt ?? middle, 1 / wheelZoom, [from, to]); break;
      case '-': case '_': zoomAbout(tangentAt ?? middle, wheelZoom, [from, to]); break;
      case 'Home': controls.reset(); break;
      default: return;
    }
    event.preventDefault();
  });
}
