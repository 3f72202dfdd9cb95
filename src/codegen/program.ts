import type { Rational } from '../expr/types.js';
import { toNumber } from '../expr/rational.js';
import type { FunctionName } from '../functions/table.js';
import { applyNumeric } from '../evaluate/evaluate.js';

/**
 * A straight-line program as a graph of operations shared by every output: a node is made
 * once for each distinct operation on the same operands (hash-consing), so a part that f and
 * f′ both need, σ(x) or e^(−|x|), is one node however often it is used.
 */
export type Operation =
  | { readonly op: 'num'; readonly value: Rational }
  | { readonly op: 'constant'; readonly name: 'e' | 'pi' }
  | { readonly op: 'variable'; readonly name: string }
  | { readonly op: 'add' | 'mul'; readonly args: readonly number[] }
  | { readonly op: 'div' | 'pow'; readonly args: readonly [number, number] }
  | { readonly op: 'neg'; readonly args: readonly [number] }
  /** A function of the target, by its name there (np.exp, Math.log1p). */
  | { readonly op: 'call'; readonly name: string; readonly args: readonly number[] }
  /** |u|^r with u's sign: the real root of an odd degree, u^(1/3) of a negative u. */
  | { readonly op: 'signed-power'; readonly args: readonly [number, number] }
  | { readonly op: 'compare'; readonly relation: '>' | '<' | '>='; readonly args: readonly [number, number] }
  /** if args[0] then args[1] else args[2]. */
  | { readonly op: 'select'; readonly args: readonly [number, number, number] }
  // Matrix notation's code (arrays of NumPy, PyTorch and JAX):
  /** a @ b, the matrix product. */
  | { readonly op: 'matmul'; readonly args: readonly [number, number] }
  /** a.T, a matrix transposed (a vector is a one-dimensional array, its own transpose). */
  | { readonly op: 'transpose'; readonly args: readonly [number] }
  /** a[index], a part of what a call returns: the logarithm of np.linalg.slogdet(X). */
  | { readonly op: 'item'; readonly index: number; readonly args: readonly [number] }
  /** Code as it is, with no operands: a constant array, np.ones((3, 4)). */
  | { readonly op: 'code'; readonly text: string };

export class Program {
  readonly nodes: Operation[] = [];
  /** What a node computes, for naming it and for its value: the table function it is (σ is s), where it is one. */
  readonly hints = new Map<number, FunctionName>();
  private readonly ids = new Map<string, number>();
  private readonly constant = new Map<number, boolean>();

  /** The node for an operation, made once. */
  node(operation: Operation): number {
    const key = keyOf(operation);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.nodes.push(operation);
    this.ids.set(key, this.nodes.length - 1);
    return this.nodes.length - 1;
  }

  /** The operands of a node. */
  argsOf(id: number): readonly number[] {
    const n = this.nodes[id]!;
    return 'args' in n ? n.args : [];
  }

  /** Whether a node's value depends on no variable: worked out once per node, then remembered. */
  isConstant(id: number): boolean {
    const known = this.constant.get(id);
    if (known !== undefined) return known;
    const value = this.nodes[id]!.op !== 'variable' && this.argsOf(id).every((a) => this.isConstant(a));
    this.constant.set(id, value);
    return value;
  }
}

function keyOf(o: Operation): string {
  switch (o.op) {
    case 'num': return `n${o.value.toFraction()}`;
    case 'constant': case 'variable': return `${o.op[0]}${o.name}`;
    case 'call': return `${o.name}(${o.args.join(',')})`;
    case 'compare': return `${o.relation}(${o.args.join(',')})`;
    case 'item': return `${o.args[0]}[${o.index}]`;
    case 'code': return `'${o.text}`;
    default: return `${o.op}(${o.args.join(',')})`;
  }
}

/**
 * The value of a node free of variables in floating point, with whether some step on the way
 * had no finite value (arccot 0 as arctan(1/0)): there Python raises and C warns, so the
 * code writes the number itself.
 */
export function constantValue(program: Program, id: number): { readonly value: number; readonly throughInfinity: boolean } {
  let throughInfinity = false;
  const memo = new Map<number, number>();
  const value = (at: number): number => {
    const known = memo.get(at);
    if (known !== undefined) return known;
    const n = program.nodes[at]!;
    const args = program.argsOf(at).map(value);
    let v: number;
    switch (n.op) {
      case 'num': v = toNumber(n.value); break;
      case 'constant': v = n.name === 'e' ? Math.E : Math.PI; break;
      case 'variable': v = Number.NaN; break;
      case 'add': v = args.reduce((a, b) => a + b, 0); break;
      case 'mul': v = args.reduce((a, b) => a * b, 1); break;
      case 'div': v = args[0]! / args[1]!; break;
      case 'neg': v = -args[0]!; break;
      case 'pow': v = args[0]! ** args[1]!; break;
      case 'signed-power': v = Math.sign(args[0]!) * Math.abs(args[0]!) ** args[1]!; break;
      case 'compare': v = Number(n.relation === '>' ? args[0]! > args[1]! : n.relation === '<' ? args[0]! < args[1]! : args[0]! >= args[1]!); break;
      case 'select': v = args[0] ? args[1]! : args[2]!; break;
      // Arrays have no one value: what is computed of them is written as code.
      case 'matmul': case 'transpose': case 'item': case 'code': v = Number.NaN; break;
      case 'call': {
        const name = program.hints.get(at);
        v = name === undefined ? Number.NaN : applyNumeric(name, args);
        break;
      }
    }
    if (!Number.isFinite(v)) throughInfinity = true;
    memo.set(at, v);
    return v;
  };
  const v = value(id);
  return { value: v, throughInfinity };
}
