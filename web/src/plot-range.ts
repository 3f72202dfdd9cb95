import { decimalText } from '../../src/index.js';
import { isDiscontinuous } from './plot.js';

/*
 * The range a plot starts with, chosen from the function rather than fixed: where it is
 * defined (x^x from 0), and around what is worth seeing — extrema, inflection points and
 * poles, found numerically — with the choice said in words.
 */

type FeatureKind = 'minimum' | 'maximum' | 'inflection point' | 'pole' | 'start of the domain' | 'end of the domain';

export interface Feature {
  readonly kind: FeatureKind;
  readonly x: number;
}

export interface RangeChoice {
  readonly from: number;
  readonly to: number;
  /** What the range was chosen to show, nearest 0 first. */
  readonly features: readonly Feature[];
}

/** How far out features are looked for, and the range when there are none. */
const reach = 10;
const defaultRange = 6;
const samples = 2000;
/** Features kept, the nearest 0 first: a periodic function has them without end. */
const mostFeatures = 4;
/** Room on each side of the features, at least this much. */
const leastPad = 3;

/**
 * Chooses a range from f and its slope f′ (functions of one number, NaN where undefined):
 * the nearest few features to 0 with room around them, never past the end of the domain.
 */
export function chooseRange(f: (x: number) => number, slope: (x: number) => number): RangeChoice {
  const xs = Array.from({ length: samples + 1 }, (_, i) => -reach + (2 * reach * i) / samples);
  const ys = xs.map(f);
  const slopes = xs.map(slope);
  const polesFound = poles(xs, ys, f);
  // Next to a pole the slope changes sign and bends whatever f does: those are not features.
  const nearPole = (p: Feature): boolean => polesFound.some((q) => Math.abs(q.x - p.x) < 0.05);
  const found = [...domainEdges(xs, ys), ...polesFound, ...[...extrema(xs, ys, slopes, slope), ...inflections(xs, ys, slopes)].filter((p) => !nearPole(p))];
  const features = found.sort((a, b) => Math.abs(a.x) - Math.abs(b.x) || a.x - b.x);
  const edges = features.filter((p) => p.kind === 'start of the domain' || p.kind === 'end of the domain');
  // The nearest few, and any as near as the last of them on the other side: sin's ±π together.
  const others = features.filter((p) => !edges.includes(p));
  const inner = others.filter((p, i) => i < mostFeatures || Math.abs(Math.abs(p.x) - Math.abs(others[mostFeatures - 1]!.x)) < 0.02);
  const start = edges.filter((p) => p.kind === 'start of the domain').reduce((m, p) => Math.max(m, p.x), -Infinity);
  const end = edges.filter((p) => p.kind === 'end of the domain').reduce((m, p) => Math.min(m, p.x), Infinity);
  let [from, to] = [-defaultRange, defaultRange];
  if (inner.length > 0) {
    const [low, high] = [inner.reduce((m, p) => Math.min(m, p.x), Infinity), inner.reduce((m, p) => Math.max(m, p.x), -Infinity)];
    // Less room where f grows so fast beside the features that they would be flattened (x^x beyond 2).
    const spread = (a: number, b: number): number => {
      const inside = ys.filter((y, i) => xs[i]! >= a && xs[i]! <= b && Number.isFinite(y));
      return inside.length > 0 ? inside.reduce((m, y) => Math.max(m, y), -Infinity) - inside.reduce((m, y) => Math.min(m, y), Infinity) : 0;
    };
    const near = Math.max(spread(low - 1, high + 1), 1e-9);
    let pad = Math.max(leastPad, (high - low) / 2);
    while (pad > 1 && spread(low - pad, high + pad) > 20 * near) pad /= 1.5;
    [from, to] = [low - pad, high + pad];
  }
  // A domain that starts (ends) in view: the plot starts (ends) there.
  if (start > from && start < to) from = start;
  if (end < to && end > from) to = end;
  if (start >= to || end <= from) [from, to] = [Number.isFinite(start) ? start : end - 2 * defaultRange, Number.isFinite(end) ? end : start + 2 * defaultRange];
  const shown = [...edges.filter((p) => p.x >= from && p.x <= to), ...inner].sort((a, b) => a.x - b.x);
  return { from: tidy(Math.max(-reach, from)), to: tidy(Math.min(reach, to)), features: shown };
}

/** A bound as a person would type it: three significant digits, −0 as 0. */
const tidy = (x: number): number => Number(x.toPrecision(3)) + 0;

/**
 * Whether f is defined at each sample, where it is defined over a stretch: a few samples that
 * are defined alone ((−2)^(−2) among the negative x where x^x is not real) or undefined alone
 * (1/x at 0) do not make a domain's edge.
 */
function definedStretches(ys: readonly number[]): boolean[] {
  const defined = ys.map(Number.isFinite);
  const shortest = 5;
  for (const value of [true, false]) {
    for (let i = 0; i < defined.length;) {
      let end = i;
      while (end < defined.length && defined[end] === defined[i]) end++;
      if (defined[i] === value && end - i < shortest && end - i < defined.length) defined.fill(!value, i, end);
      i = end;
    }
  }
  return defined;
}

/** Where f starts or stops being defined, located to the sample. */
function domainEdges(xs: readonly number[], ys: readonly number[]): Feature[] {
  const defined = definedStretches(ys);
  const out: Feature[] = [];
  for (let i = 1; i < xs.length; i++) {
    if (!defined[i - 1] && defined[i]) out.push({ kind: 'start of the domain', x: snap(xs[i - 1]!, xs[i]!) });
    if (defined[i - 1] && !defined[i]) out.push({ kind: 'end of the domain', x: snap(xs[i - 1]!, xs[i]!) });
  }
  return out;
}

/** A point between two samples, a whole number when one lies between them (√x starts at 0). */
function snap(a: number, b: number): number {
  const whole = Math.round((a + b) / 2);
  return whole >= a && whole <= b ? whole : (a + b) / 2;
}

/**
 * Where f grows without bound: a peak of |f| or a change of sign between two large values,
 * confirmed as the plot confirms a gap (the jump does not shrink, or |f| has no bound), so
 * the top of e^(−x²) is no pole.
 */
function poles(xs: readonly number[], ys: readonly number[], f: (x: number) => number): Feature[] {
  const finite = ys.filter(Number.isFinite).map(Math.abs).sort((a, b) => a - b);
  if (finite.length === 0) return [];
  const height = Math.max(finite[Math.floor(0.9 * (finite.length - 1))]!, 1e-9);
  const out: Feature[] = [];
  for (let i = 1; i < xs.length - 1; i++) {
    const [a, b, c] = [Math.abs(ys[i - 1]!), Math.abs(ys[i]!), Math.abs(ys[i + 1]!)];
    const large = (y: number): boolean => y > 10 * height;
    // |f| at its highest here, or past any number at this very sample (1/x at 0), or changing sign between two large values.
    const peak = Number.isFinite(b) ? large(b) && b >= a && b >= c : large(a) && large(c);
    const flip = Math.sign(ys[i - 1]!) === -Math.sign(ys[i]!) && a > height && b > height;
    if (!peak && !flip) continue;
    const [left, right] = peak ? [i - 1, i + 1] : [i - 1, i];
    if (isDiscontinuous(f, { x: xs[left]!, y: ys[left]! }, { x: xs[right]!, y: ys[right]! }, height)) {
      out.push({ kind: 'pole', x: peak ? xs[i]! : snap(xs[i - 1]!, xs[i]!) });
    }
  }
  return merged(out);
}

/** Where the slope changes sign (a sample where it is 0 lies between), each refined by bisection on the slope. */
function extrema(xs: readonly number[], ys: readonly number[], slopes: readonly number[], slope: (x: number) => number): Feature[] {
  const out: Feature[] = [];
  let last: number | undefined;
  for (let i = 0; i < xs.length; i++) {
    const s = slopes[i]!;
    if (!Number.isFinite(s) || !Number.isFinite(ys[i]!)) {
      last = undefined;
      continue;
    }
    if (s === 0) continue;
    const before = last;
    last = i;
    if (before === undefined || Math.sign(slopes[before]!) === Math.sign(s)) continue;
    let [a, b] = [xs[before]!, xs[i]!];
    const sign = Math.sign(slopes[before]!);
    for (let k = 0; k < 40; k++) {
      const m = (a + b) / 2;
      const at = slope(m);
      if (at === 0) [a, b] = [m, m];
      else if (Math.sign(at) === sign) a = m;
      else b = m;
    }
    out.push({ kind: sign < 0 ? 'minimum' : 'maximum', x: (a + b) / 2 });
  }
  return merged(out);
}

/** Where the slope's own slope changes sign (estimated from the samples of the slope). */
function inflections(xs: readonly number[], ys: readonly number[], slopes: readonly number[]): Feature[] {
  const out: Feature[] = [];
  let previous: number | undefined;
  for (let i = 1; i < xs.length; i++) {
    const bend = slopes[i]! - slopes[i - 1]!;
    if (!Number.isFinite(bend) || !Number.isFinite(ys[i]!) || !Number.isFinite(ys[i - 1]!)) {
      previous = undefined;
      continue;
    }
    // A bend of rounding size is no bend: x³'s slope is flat at 0.
    const scale = Math.abs(slopes[i]!) + Math.abs(slopes[i - 1]!);
    const sign = Math.abs(bend) <= 1e-12 * scale ? 0 : Math.sign(bend);
    if (sign === 0) continue;
    if (previous !== undefined && sign !== previous) out.push({ kind: 'inflection point', x: xs[i - 1]! });
    previous = sign;
  }
  return merged(out);
}

/** Features of one kind closer than two samples are one. */
function merged(features: readonly Feature[]): Feature[] {
  const step = (2 * reach) / samples;
  return features.filter((p, i) => i === 0 || p.x - features[i - 1]!.x > 2 * step || p.kind !== features[i - 1]!.kind);
}

const plurals: Readonly<Record<FeatureKind, string>> = {
  minimum: 'minima', maximum: 'maxima', 'inflection point': 'inflection points', pole: 'poles',
  'start of the domain': 'starts of the domain', 'end of the domain': 'ends of the domain',
};

/** A list in words: "a", "a and b", "a, b and c". */
const list = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0] ?? '');

/** What the range was chosen to show, in words: "the start of the domain at x = 0 and the minimum at x ≈ 0.368". */
export function featureWords(features: readonly Feature[], variable: string): string {
  const kinds = [...new Set(features.map((p) => p.kind))];
  return list(kinds.map((kind) => {
    const xs = features.filter((p) => p.kind === kind).map((p) => p.x);
    const shown = xs.map((x) => Number(x.toPrecision(3)));
    const sign = shown.every((x, i) => x === xs[i]) ? '=' : '≈';
    return `the ${xs.length > 1 ? plurals[kind] : kind} at ${variable} ${sign} ${list(xs.map((x) => decimalText(x, 3)))}`;
  }));
}
