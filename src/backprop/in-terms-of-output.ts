import type { Expr, Rational, Variable } from '../expr/types.js';
import { add, call, div, int, mul, neg, num, pow, variable } from '../expr/factory.js';
import { dependsOn, equals, variablesOf } from '../expr/traverse.js';
import { rational } from '../expr/rational.js';
import { fromTemplate } from '../expr/template.js';
import { functionNames, functionTable, type FunctionName } from '../functions/table.js';
import { defaultVariable, differentiate, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { read } from '../parse/parse.js';
import { compile } from '../evaluate/compile.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';
import { sameProductWith } from './substitute-output.js';
import { isNonNegative } from '../algebra/nonnegative.js';

/**
 * One step of writing y′ with y = f(x): the table's form of a function's derivative in its
 * value, a function undone to get its argument back from y, the substitution, the tidying.
 */
export type OutputStep =
  /** f′(u) in terms of f(u) itself, from the function table: σ′ = σ·(1 − σ). */
  | { readonly kind: 'value-form'; readonly name: FunctionName; readonly argument: Expr; readonly derivative: Expr; readonly inValue: Expr; readonly value: Expr }
  /** The power rule in terms of the power's value: (uⁿ)′ = n·uⁿ⁻¹ = n·(uⁿ)^((n−1)/n). */
  | { readonly kind: 'power-form'; readonly power: Expr; readonly derivative: Expr; readonly inValue: Expr }
  /** An argument got back from the value: u = ln y when y = eᵘ. */
  | { readonly kind: 'invert'; readonly argument: Expr; readonly fromValue: Expr }
  /** y′ with y put for f(x). */
  | { readonly kind: 'substitute'; readonly result: Expr }
  /** The same, tidied. */
  | { readonly kind: 'simplify'; readonly result: Expr };

/** Why y′ has no form in y alone. */
export type NoFormInOutput =
  /** f takes one value at two points where its slopes differ: y′ cannot be a function of y. */
  | { readonly kind: 'not-one-to-one'; readonly at: readonly [number, number]; readonly value: number; readonly slopes: readonly [number, number] }
  /** dydx knows no way to get x back from y (x + eˣ needs Lambert's W). */
  | { readonly kind: 'no-inverse' };

/** Where a form holds when not wherever f is defined: u > 0. */
export interface SignCondition {
  readonly expr: Expr;
  readonly relation: '>' | '<';
}

export interface OutputForm {
  readonly input: Expr;
  readonly variable: string;
  /** The name of the output: y, or another letter where the expression has a y. */
  readonly output: string;
  /** y′ in x, as dydx differentiates it. */
  readonly derivative: Expr;
  /** y′ in y alone (and the other variables, which stay fixed), where one exists. */
  readonly inOutput?: Expr;
  /** Where `inOutput` holds, when not wherever the derivative does: x² has y′ = 2√y for x > 0. */
  readonly holds: readonly SignCondition[];
  /** Why there is no form in y alone (or none that holds everywhere). */
  readonly reason?: NoFormInOutput;
  /** The shortest form with y and x together, when y shortens the derivative: silu′ = σ(x) + y·(1 − σ(x)). */
  readonly mixed?: Expr;
  readonly steps: readonly OutputStep[];
}

export type OutputFormOptions = Pick<DifferentiateOptions, 'variable' | 'maxLength' | 'maxDepth' | 'maxDigits' | 'abstractFunctions' | 'variables' | 'notation' | 'timeout' | 'maxMemory'>;

/**
 * y′ written with the output y = f(x), as a backward pass computes it from the forward
 * pass's value: σ′ = y·(1 − y), tanh′ = 1 − y², ln′ = e^(−y). Where no form in y alone
 * exists it says why and gives the shortest form with x and y together.
 */
export function inTermsOfOutput(input: string | Expr, options: OutputFormOptions = {}): OutputForm {
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => outputFormWithinLimits(input, options));
}

function outputFormWithinLimits(input: string | Expr, options: OutputFormOptions): OutputForm {
  const expr = typeof input === 'string' ? read(input, options).expr : input;
  const x = options.variable ?? defaultVariable(expr);
  const names = variablesOf(expr);
  const output = ['y', 'z', 'v', 'w', 'q', 'Y'].find((n) => !names.includes(n) && n !== x);
  if (output === undefined) throw new InputError('no letter left to name the output: the expression has y, z, v, w, q and Y', 'invalid-request');
  const y = variable(output);
  const derivative = differentiate(expr, { ...options, variable: x }).result;
  const f = simplify(expr);
  const steps: OutputStep[] = [];
  const holds: SignCondition[] = [];
  const found = inValue(f, x, () => y, steps, holds);
  const verified = found && agrees(simplify(found), f, derivative, x, output, holds);
  if (found && verified) {
    const result = simplify(found);
    steps.push({ kind: 'substitute', result: found });
    if (!equals(result, found)) steps.push({ kind: 'simplify', result });
    const reason = holds.length > 0 ? twoPointsOneValue(f, derivative, x) : undefined;
    return { input: expr, variable: x, output, derivative, inOutput: result, holds, steps, ...(reason ? { reason } : {}) };
  }
  const mixed = shortestMixed(f, derivative, x, y);
  return {
    input: expr, variable: x, output, derivative, holds: [], steps: [],
    reason: twoPointsOneValue(f, derivative, x) ?? { kind: 'no-inverse' },
    ...(mixed ? { mixed } : {}),
  };
}

/**
 * The derivative of e by x written with the value of e, which `value()` gives in terms of y
 * (undefined where it cannot be got back), peeling e layer by layer: an added and a
 * multiplying constant, a function whose derivative the table writes in its value, a power.
 */
function inValue(e: Expr, x: string, value: () => Expr | undefined, steps: OutputStep[], holds: SignCondition[]): Expr | undefined {
  if (!dependsOn(e, x)) return int(0);
  // An affine inner part (w·x + b) has a constant slope: nothing to get back from y.
  const slope = differentiate(e, { variable: x }).result;
  if (!dependsOn(slope, x)) return slope;
  switch (e.kind) {
    case 'add': {
      const varying = e.terms.filter((t) => dependsOn(t, x));
      if (varying.length !== 1) return undefined;
      const rest = add(e.terms.filter((t) => !dependsOn(t, x)));
      return inValue(varying[0]!, x, () => mapped(value(), (v) => add([v, neg(rest)])), steps, holds);
    }
    case 'mul': {
      const varying = e.factors.filter((t) => dependsOn(t, x));
      if (varying.length !== 1) return undefined;
      const c = mul(e.factors.filter((t) => !dependsOn(t, x)));
      return mapped(inValue(varying[0]!, x, () => mapped(value(), (v) => div(v, c)), steps, holds), (d) => times(d, c));
    }
    case 'neg':
      return mapped(inValue(e.operand, x, () => mapped(value(), neg), steps, holds), neg);
    case 'div': {
      if (!dependsOn(e.denominator, x)) {
        const c = e.denominator;
        return mapped(inValue(e.numerator, x, () => mapped(value(), (v) => mul([c, v])), steps, holds), (d) => div(d, c));
      }
      if (!dependsOn(e.numerator, x)) {
        const c = e.numerator;
        return mapped(powerInValue(e.denominator, rational(-1), x, () => mapped(value(), (v) => div(v, c)), steps, holds), (d) => times(d, c));
      }
      return undefined;
    }
    case 'pow':
      // aᵘ with a > 0 is e^(u·ln a): y′ = y·ln a·u′, as for eᵘ (10ˣ gives y′ = y·ln 10).
      if (!dependsOn(e.base, x) && surelyPositive(e.base)) return inValue(call('exp', [mul([ln(e.base), e.exponent])]), x, value, steps, holds);
      if (e.exponent.kind === 'num' && !dependsOn(e.base, x)) return undefined;
      if (e.exponent.kind === 'num') return powerInValue(e.base, e.exponent.value, x, value, steps, holds);
      return undefined;
    case 'call': {
      if (e.args.length !== 1) return undefined;
      const entry = functionTable[e.name];
      if (entry.derivativeInOutput === undefined) return undefined;
      const u = e.args[0]!;
      const outer = value();
      if (outer === undefined) return undefined;
      const inV = fromTemplate(entry.derivativeInOutput, [outer]);
      steps.push({ kind: 'value-form', name: e.name, argument: u, derivative: fromTemplate(entry.derivative!, [u]), inValue: inV, value: outer });
      const undoer = functionNames.find((n) => functionTable[n].undoes === e.name);
      const argument = (): Expr | undefined => {
        if (undoer === undefined) return undefined;
        const back = call(undoer, [outer]);
        steps.push({ kind: 'invert', argument: u, fromValue: back });
        return back;
      };
      return mapped(inValue(u, x, argument, steps, holds), (d) => times(inV, d));
    }
    default:
      return undefined;
  }
}

/** (uⁿ)′ = n·uⁿ⁻¹·u′ with uⁿ⁻¹ = y^((n−1)/n): everywhere for odd n = p/q, only where u > 0 for even p. */
function powerInValue(u: Expr, n: Rational, x: string, value: () => Expr | undefined, steps: OutputStep[], holds: SignCondition[]): Expr | undefined {
  const outer = value();
  if (outer === undefined) return undefined;
  const p = n.n * (n.s < 0n ? -1n : 1n);
  const evenTop = p % 2n === 0n;
  const inV = mul([num(n), pow(outer, num(n.sub(1).div(n)))]);
  steps.push({ kind: 'power-form', power: pow(u, num(n)), derivative: simplify(mul([num(n), pow(u, num(n.sub(1)))])), inValue: inV });
  // With an even numerator uⁿ is |u|ⁿ: y gives u back only up to its sign, and the form holds where u > 0.
  if (evenTop && n.d % 2n === 1n && !surelyPositive(u)) holds.push({ expr: u, relation: '>' });
  const argument = (): Expr | undefined => {
    const back = pow(outer, num(rational(1).div(n)));
    steps.push({ kind: 'invert', argument: u, fromValue: back });
    return back;
  };
  return mapped(inValue(u, x, argument, steps, holds), (d) => times(inV, d));
}

const ln = (u: Expr): Expr => call('log', [u]);

/** a·b with the inner slope b first where it is a number (3·(1 − y²)), and no factor 1. */
function times(a: Expr, b: Expr): Expr {
  if (b.kind === 'num' && b.value.equals(1)) return a;
  return b.kind === 'num' ? mul([b, a]) : mul([a, b]);
}

/** Whether e > 0 wherever it is defined, as its form shows: σ(u), eᵘ, x² + 1. */
function surelyPositive(e: Expr): boolean {
  switch (e.kind) {
    case 'num': return e.value.s > 0n && e.value.n !== 0n;
    case 'constant': return true;
    case 'call': {
      const range = functionTable[e.name].range;
      return range !== undefined && (range.low > 0 || (range.low === 0 && !range.lowIncluded));
    }
    case 'add': return isNonNegative(e) && e.terms.some(surelyPositive);
    case 'mul': return e.factors.every(surelyPositive);
    default: return false;
  }
}

const mapped = <T>(v: T | undefined, f: (v: T) => Expr): Expr | undefined => (v === undefined ? undefined : f(v));

/** Values for the variables other than x, held fixed while x runs over the samples. */
const heldFixed = (f: Expr, x: string): Record<string, number> =>
  Object.fromEntries(variablesOf(f).filter((v) => v !== x).map((v, i) => [v, 0.73 + 0.21 * i]));

/** Sample points across the line, irregular so that none is special. */
const samples = Array.from({ length: 161 }, (_, i) => -8 + i * 0.1 + 0.0137);

/** Whether G(f(x)) is f′(x) wherever both are defined (and the conditions hold) among the samples: the form's own check. */
function agrees(form: Expr, f: Expr, derivative: Expr, x: string, output: string, holds: readonly SignCondition[]): boolean {
  const [value, slope, inY] = [compile(f), compile(derivative), compile(form)];
  const others = heldFixed(f, x);
  const conditions = holds.map((h) => ({ ...h, at: compile(h.expr) }));
  let compared = 0;
  for (const t of samples) {
    const env = { ...others, [x]: t };
    const y = value(env);
    const d = slope(env);
    if (!Number.isFinite(y) || !Number.isFinite(d) || Math.abs(d) > 1e8) continue;
    if (!conditions.every((c) => (c.relation === '>' ? c.at(env) > 0 : c.at(env) < 0))) continue;
    const g = inY({ ...env, [output]: y });
    compared++;
    if (!(Math.abs(g - d) <= 1e-7 * Math.max(1, Math.abs(d)))) return false;
  }
  return compared > 0;
}

/**
 * Two points where f takes one value with different slopes, which shows that y′ is no
 * function of y: found where f′ changes sign between neighbouring samples (f turns there),
 * by bisection on the other side of the turn.
 */
function twoPointsOneValue(f: Expr, derivative: Expr, x: string): NoFormInOutput | undefined {
  const value = compile(f);
  const slope = compile(derivative);
  const others = heldFixed(f, x);
  const at = (t: number): number => value({ ...others, [x]: t });
  const slopeAt = (t: number): number => slope({ ...others, [x]: t });
  for (let i = 0; i + 1 < samples.length; i++) {
    const [a, b] = [samples[i]!, samples[i + 1]!];
    const [sa, sb] = [slopeAt(a), slopeAt(b)];
    if (!(Number.isFinite(sa) && Number.isFinite(sb) && sa * sb < 0)) continue;
    // From a point before the turn (a round way before, where f is defined there), look beyond
    // the turn for the point where f comes back to its value.
    const before = samples.slice(Math.max(0, i - 10), i + 1).find((t) => Number.isFinite(at(t)) && slopeAt(t) * sa > 0) ?? a;
    const target = at(before);
    const beyond = samples.slice(i + 1).find((t) => Number.isFinite(at(t)) && Math.sign(at(t) - target) !== Math.sign(at(b) - target));
    if (beyond === undefined) continue;
    let [lo, hi] = [b, beyond];
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (Math.sign(at(mid) - target) === Math.sign(at(lo) - target)) lo = mid;
      else hi = mid;
    }
    const other = (lo + hi) / 2;
    const [s1, s2] = [slopeAt(before), slopeAt(other)];
    if (Number.isFinite(s2) && Math.abs(s1 - s2) > 1e-6 && Math.abs(at(other) - target) <= 1e-9 * Math.max(1, Math.abs(target))) {
      return { kind: 'not-one-to-one', at: [before, other], value: target, slopes: [s1, s2] };
    }
  }
  return undefined;
}

/**
 * A form of f′ with y put for f(x) wherever f(x) stands in it, as a whole or as part of a
 * product (x·σ(x)·(1 − σ(x)) is y·(1 − σ(x)) for y = x·σ(x)): kept only where no longer than
 * f′ itself and equal to it at the samples.
 */
function shortestMixed(f: Expr, derivative: Expr, x: string, y: Variable): Expr | undefined {
  // The written form of f′ first: a match there reads as f′ does; the expanded and factored forms only where it has none.
  for (const form of ['auto', 'expanded', 'factored'] as const) {
    const replaced = sameProductWith(differentiate(f, { variable: x, form }).result, f, y);
    if (replaced === undefined) continue;
    const tidy = simplify(replaced);
    if (dependsOn(tidy, y.name) && tidy.size <= derivative.size && agrees(tidy, f, derivative, x, y.name, [])) return tidy;
  }
  return undefined;
}
