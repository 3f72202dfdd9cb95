import type { Expr } from '../expr/types.js';
import { toNumber } from '../expr/rational.js';
import { postOrder } from '../expr/traverse.js';
import { applyNumeric, evaluate, realPower, type Environment, type EvaluateOptions } from './evaluate.js';
import { functionTable, oneArgumentDerivative, type FunctionName } from '../functions/table.js';
import { fromTemplate } from '../expr/template.js';
import { variable } from '../expr/factory.js';

/*
 * How large the rounding error of an expression's value in floating point can be, in units of
 * the machine epsilon: to first order, each operation rounds its result (|v|·ε) and passes on
 * its operands' errors, scaled by how much it magnifies them. 1 + erf(−9) is 0 in doubles, but
 * its error is that of numbers near 1; 10¹⁶ + x has an error near 10¹⁶·ε. Used to tell a
 * derivative from the noise of finite differences.
 */

const u = variable('u');
const derivatives = new Map<FunctionName, Expr | undefined>();

/** f′ at a point, from the table's derivative of the one-argument form (NaN where it has none). */
function derivativeAt(name: FunctionName, x: number): number {
  if (!derivatives.has(name)) {
    const template = oneArgumentDerivative(functionTable[name]);
    let tree: Expr | undefined;
    try {
      tree = template === undefined ? undefined : fromTemplate(template, [u]);
    } catch {
      // A derivative by cases has values only: the difference quotient stands in.
      tree = undefined;
    }
    derivatives.set(name, tree);
  }
  const d = derivatives.get(name);
  return d === undefined ? Number.NaN : evaluate(d, { u: x });
}

/** A bound on |computed value − exact value| / ε for an expression at a point (NaN where it has no value). */
export function roundingError(e: Expr, env: Environment, options: Pick<EvaluateOptions, 'functions'> = {}): number {
  const functions = options.functions ?? {};
  const values = new Map<Expr, number>();
  const errors = new Map<Expr, number>();
  const v = (node: Expr): number => values.get(node)!;
  const err = (node: Expr): number => errors.get(node)!;
  /** How much f magnifies an error in its argument i: |∂f/∂uᵢ|, by a central difference. */
  const sensitivity = (f: (args: number[]) => number, args: readonly number[], i: number): number => {
    const d = 1e-6 * Math.max(1, Math.abs(args[i]!));
    const at = (t: number): number => f(args.map((a, k) => (k === i ? t : a)));
    const slope = Math.abs((at(args[i]! + d) - at(args[i]! - d)) / (2 * d));
    return Number.isFinite(slope) ? slope : 0;
  };
  for (const node of postOrder(e)) {
    let value: number;
    let error: number;
    switch (node.kind) {
      case 'num': value = toNumber(node.value); error = node.value.d === 1n ? 0 : Math.abs(value); break;
      case 'constant': value = node.name === 'e' ? Math.E : Math.PI; error = value; break;
      case 'variable': value = env[node.name] ?? Number.NaN; error = 0; break;
      case 'add': value = node.terms.map(v).reduce((s, t) => s + t); error = node.terms.reduce((s, t) => s + err(t), Math.abs(value)); break;
      case 'mul': {
        value = node.factors.map(v).reduce((p, f) => p * f);
        // Relative errors add: |Π| · Σ errᵢ/|vᵢ|, written without dividing by a zero factor.
        error = Math.abs(value) + node.factors.reduce((s, f, i) =>
          s + err(f) * Math.abs(node.factors.reduce((p, g, k) => (k === i ? p : p * v(g)), 1)), 0);
        break;
      }
      case 'div': {
        const d = v(node.denominator);
        value = v(node.numerator) / d;
        error = Math.abs(value) + err(node.numerator) / Math.abs(d) + Math.abs(value) * err(node.denominator) / Math.abs(d);
        break;
      }
      case 'neg': value = -v(node.operand); error = err(node.operand); break;
      case 'pow': {
        const base = v(node.base);
        const w = v(node.exponent);
        value = realPower(base, node.exponent, w);
        const byBase = base === 0 ? 0 : Math.abs(value * w / base) * err(node.base);
        const byExponent = Math.abs(value * Math.log(Math.abs(base))) * err(node.exponent);
        error = Math.abs(value) + byBase + byExponent;
        break;
      }
      case 'call': {
        const f = (args: number[]): number => applyNumeric(node.name, args);
        const args = node.args.map(v);
        value = f(args);
        // A function of one argument magnifies its error by |f′| there, from the table: a difference
        // quotient over a step relative to a huge argument (sin at 10¹⁶) would miss the oscillation.
        const slope = args.length === 1 ? derivativeAt(node.name, args[0]!) : Number.NaN;
        // A step (heaviside, sign, floor) has exact values, 0, ½, 1 or a whole number: it rounds
        // nothing, and 1 − heaviside(u) is exactly 0 where u > 0, however large what it multiplies.
        const own = functionTable[node.name].derivative === 0 ? 0 : Math.abs(value);
        error = node.args.reduce((s, a, i) => s + (Number.isFinite(slope) ? Math.abs(slope) : sensitivity(f, args, i)) * err(a), own);
        break;
      }
      case 'apply': {
        const fn = functions[node.name];
        const f = (args: number[]): number => (fn ? fn(args, node.orders) : Number.NaN);
        const args = node.args.map(v);
        value = f(args);
        error = node.args.reduce((s, a, i) => s + sensitivity(f, args, i) * err(a), Math.abs(value));
        break;
      }
      case 'derivative': value = Number.NaN; error = Number.NaN; break;
    }
    values.set(node, value);
    errors.set(node, error);
  }
  return err(e);
}
