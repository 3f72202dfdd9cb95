import type { Expr } from '../expr/types.js';
import { add, div, mul, sub, variable } from '../expr/factory.js';
import { substitute } from '../expr/substitute.js';
import { simplify } from '../simplify/simplify.js';
import { evaluate } from '../evaluate/evaluate.js';
import { InputError } from '../errors.js';
import { pointText, pointValues, readPoint, valueAt, type Coordinate, type ValueAt } from './at-point.js';
import type { Implicit } from './implicit.js';
import type { ParseOptions } from '../parse/parse.js';

/** A line in the plane: y = 3x + 1, or x = 2 where it is vertical. */
export interface Line {
  readonly variable: string;
  readonly equals: Expr;
}

/** An implicit derivative at a point of its curve: its value, and the tangent and normal lines there. */
export interface ImplicitAt {
  readonly point: readonly Coordinate[];
  /** The derivative of the highest order asked for, there; undefined where the tangent is vertical. */
  readonly value?: ValueAt;
  readonly tangent: Line;
  readonly normal: Line;
}

/**
 * The derivatives of a curve at one of its points, exact where they can be: the point must lie
 * on the curve (within rounding where its coordinates are not exact); where the slope's
 * denominator vanishes the tangent is vertical (x = a), and where both parts of the slope do
 * the point is singular and has no one tangent.
 */
export function implicitAt(r: Implicit, point: string | readonly Coordinate[], options: ParseOptions = {}): ImplicitAt {
  const values = typeof point === 'string' ? readPoint(point, options) : [...point];
  const x = r.variable;
  const y = r.dependent;
  for (const name of [x, y]) if (!values.some(([n]) => n === name)) throw new InputError(`the point gives no value to ${name}: a point of the curve has both ${x} and ${y}`, 'invalid-request');
  const env = pointValues(values);
  onTheCurve(r, values, env);
  const first = r.orders[0]!;
  const across = evaluate(first.withoutSlope, env);
  const along = evaluate(first.slopeFactor, env);
  const a = values.find(([n]) => n === x)![1];
  const b = values.find(([n]) => n === y)![1];
  if (along === 0 && across === 0) throw new InputError(`the curve has no one tangent at ${pointText(values)}: it is a singular point, where both partial derivatives are 0`, 'invalid-request');
  if (along === 0) return { point: values, tangent: { variable: x, equals: a }, normal: { variable: y, equals: b } };
  const slope = valueAt(r.orders[0]!.result, values, `the slope ${y}′`);
  const value = r.orders.length === 1 ? slope : valueAt(r.result, values, 'the derivative');
  // y = b + m(x − a) and y = b − (x − a)/m, expanded as a line is written.
  const offset = sub(variable(x), a);
  const line = (e: Expr): Line => ({ variable: y, equals: simplify(e, { form: 'expanded' }) });
  return {
    point: values, value,
    tangent: line(add([b, mul([slope.exact, offset])])),
    normal: slope.approximately === 0 ? { variable: x, equals: a } : line(sub(b, div(offset, slope.exact))),
  };
}

/** Refuses a point off the curve: exactly, where the two sides simplify at the point; within rounding otherwise. */
function onTheCurve(r: Implicit, values: readonly Coordinate[], env: Record<string, number>): void {
  const at = (e: Expr): Expr => simplify(values.reduce((acc, [name, v]) => substitute(acc, name, v), e));
  const gap = at(sub(r.left, r.right));
  const left = evaluate(r.left, env);
  const right = evaluate(r.right, env);
  const exactlyZero = gap.kind === 'num' && gap.value.n === 0n;
  const nearlyZero = Number.isFinite(left) && Number.isFinite(right) && Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
  if (exactlyZero || (gap.kind !== 'num' && nearlyZero)) return;
  throw new InputError(`${pointText(values)} is not on the curve: there the left side is ${roundedValue(left)} and the right ${roundedValue(right)}`, 'invalid-request');
}

const roundedValue = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : 'undefined');
