import { Decimal } from 'decimal.js';
import type { Expr } from '../expr/types.js';
import type { Template } from '../functions/template.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import { postOrder } from '../expr/traverse.js';

/*
 * Values in arbitrary precision (decimal.js), for what doubles cannot resolve: the slope of
 * 10¹⁶ + x, a polynomial in σ whose coefficients reach 10¹⁵⁰ and cancel. The same real-domain
 * conventions as the double evaluator: NaN where undefined, odd roots of negatives real.
 */

/** Function values remembered by one calculator before it starts afresh. */
const maxRemembered = 10_000;

/** Whole powers up to this are listed one after another; higher ones are worked out by squaring. */
const maxListedPower = 1000;

/** Thrown for what has no value in arbitrary precision here: abstract functions, erf, Γ. */
export class NoPreciseValue extends Error {}

/** A calculator working to this many significant digits. */
export class PreciseEvaluator {
  readonly digits: number;
  private readonly D: typeof Decimal;
  private readonly constants: { readonly e: Decimal; readonly pi: Decimal };
  /**
   * Function values by name and arguments: a check evaluates σ⁽ⁿ⁾ for every n at the same few
   * points, and each is a polynomial in the same σ(x), whose exp at hundreds of digits costs
   * more than the rest.
   */
  private readonly calls = new Map<string, Decimal>();
  /**
   * Whole powers of a value, each from the one below: a polynomial in σ of degree 100 takes a
   * hundred products at hundreds of digits, not a hundred powers by squaring; and σ(x) being
   * remembered, its powers serve every order.
   */
  private readonly powers = new WeakMap<Decimal, Decimal[]>();

  constructor(digits: number) {
    this.digits = digits;
    this.D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN });
    this.constants = { e: new this.D(1).exp(), pi: new this.D(-1).acos() };
  }

  /** A number given as a double or as decimal text, exactly. */
  number(x: number | string): Decimal {
    return new this.D(x);
  }

  /** The value of an expression with the variables at these values. */
  evaluate(e: Expr, env: Readonly<Record<string, Decimal>>): Decimal {
    const values = new Map<Expr, Decimal>();
    const value = (node: Expr): Decimal => values.get(node)!;
    const wholePower = (base: Decimal, k: number): Decimal => {
      let list = this.powers.get(base);
      if (!list) this.powers.set(base, (list = [new this.D(1), base]));
      while (list.length <= k) list.push(list.at(-1)!.mul(base));
      return list[k]!;
    };
    for (const node of postOrder(e)) {
      let v: Decimal;
      switch (node.kind) {
        case 'num': v = new this.D((node.value.s * node.value.n).toString()).div(node.value.d.toString()); break;
        case 'constant': v = this.constants[node.name]; break;
        case 'variable': {
          const x = Object.hasOwn(env, node.name) ? env[node.name] : undefined;
          if (x === undefined) throw new NoPreciseValue(`no value for variable '${node.name}'`);
          v = x;
          break;
        }
        case 'add': v = node.terms.map(value).reduce((s, t) => s.add(t)); break;
        case 'mul': v = node.factors.map(value).reduce((p, f) => p.mul(f)); break;
        case 'div': v = value(node.numerator).div(value(node.denominator)); break;
        case 'neg': v = value(node.operand).neg(); break;
        case 'pow': {
          const k = node.exponent.kind === 'num' && node.exponent.value.d === 1n && node.exponent.value.s > 0n ? Number(node.exponent.value.n) : 0;
          v = k > 0 && k <= maxListedPower ? wholePower(value(node.base), k) : this.power(value(node.base), node.exponent, value(node.exponent));
          break;
        }
        case 'call': v = this.remembered(node.name, node.args.map(value)); break;
        case 'apply': throw new NoPreciseValue(`the abstract function '${node.name}' has no value in arbitrary precision`);
        case 'derivative': throw new NoPreciseValue('an unevaluated derivative has no value in arbitrary precision');
      }
      values.set(node, v);
    }
    return value(e);
  }

  /** base^exponent over the reals: p/q with q odd has a real value for negative bases, as in doubles. */
  private power(base: Decimal, exponent: Expr, w: Decimal): Decimal {
    if (base.isNegative() && exponent.kind === 'num' && exponent.value.d % 2n === 1n && exponent.value.d !== 1n) {
      const magnitude = base.abs().pow(w);
      return exponent.value.n % 2n === 0n ? magnitude : magnitude.neg();
    }
    if (base.isZero() && w.isNegative()) return new this.D(Number.NaN);
    return base.pow(w);
  }

  private remembered(name: FunctionName, args: readonly Decimal[]): Decimal {
    const key = `${name}(${args.map((a) => a.toString()).join(',')})`;
    let v = this.calls.get(key);
    if (v === undefined) {
      if (this.calls.size >= maxRemembered) this.calls.clear();
      v = this.apply(name, args);
      this.calls.set(key, v);
    }
    return v;
  }

  /** A function of the table: decimal.js's where it has it, else the entry's definition. */
  private apply(name: FunctionName, args: readonly Decimal[]): Decimal {
    const entry = functionTable[name];
    if (args.length > 2 && entry.associative) return args.reduce((acc, x) => this.apply(name, [acc, x]));
    // Passed one by one, never spread (see applyNumeric).
    if (entry.precise) return args.length === 1 ? entry.precise(args[0]!) : entry.precise(args[0]!, args[1]!);
    if (!entry.definition) throw new NoPreciseValue(`${name} has no value in arbitrary precision`);
    const second = args[1] ?? (entry.defaultSecond === undefined ? undefined : this.template(entry.defaultSecond, args));
    return this.template(entry.definition, second === undefined ? args : [args[0]!, second]);
  }

  private template(t: Template<FunctionName>, args: readonly Decimal[]): Decimal {
    if (typeof t === 'number') return new this.D(t);
    switch (t) {
      case 'u': return args[0]!;
      case 'v': return args[1]!;
      case 'w': return args[2]!;
      case 't': return args[3]!;
      case 'e': return this.constants.e;
      case 'pi': return this.constants.pi;
    }
    const [head, ...rest] = t;
    // Only the branch a condition picks is worked out: sinc's sin(u)/u is not, at u = 0.
    if (head === 'if') return this.truth(this.template(rest[0]!, args)) ? this.template(rest[1]!, args) : this.template(rest[2]!, args);
    const parts = rest.map((part) => this.template(part, args));
    const [a, b] = parts as [Decimal, Decimal];
    switch (head) {
      case 'add': return parts.reduce((s, p) => s.add(p));
      case 'mul': return parts.reduce((s, p) => s.mul(p));
      case 'sub': return a.sub(b);
      case 'div': return a.div(b);
      case 'neg': return a.neg();
      case 'pow': return a.pow(b);
      case 'gt': return this.boolean(a.gt(b));
      case 'lt': return this.boolean(a.lt(b));
      case 'ge': return this.boolean(a.gte(b));
      default: return this.apply(head, parts);
    }
  }

  private boolean(b: boolean): Decimal {
    return new this.D(b ? 1 : 0);
  }

  private truth(v: Decimal): boolean {
    return !v.isZero() && !v.isNaN();
  }
}
