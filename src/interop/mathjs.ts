import Fraction from 'fraction.js';
import { ConditionalNode, ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode, type MathNode } from 'mathjs';
import type { Expr } from '../expr/types.js';
import { add, apply, call, constant, div, int, mul, neg, num, pow, variable } from '../expr/factory.js';
import { abstractFunctionNames, functionSpellings } from '../functions/spellings.js';
import { functionNames, functionTable, type FunctionName } from '../functions/table.js';
import type { Template } from '../functions/template.js';
import { foldTree } from '../expr/traverse.js';
import { foldParts } from '../expr/fold.js';
import { InputError } from '../errors.js';

/*
 * Both ways between dydx trees and mathjs expression nodes, for every construct the two
 * share. mathjs evaluating the node it is given is an independent check of dydx's own
 * evaluator, and lets a program hand dydx's results to the rest of mathjs (complex
 * numbers, units, its own simplify). Anything without a counterpart is a clear InputError.
 */

type Node = MathNode;

const binary = (op: string, fn: string, a: Node, b: Node): Node => new OperatorNode(op as never, fn as never, [a, b]);
const unaryMinus = (a: Node): Node => new OperatorNode('-', 'unaryMinus', [a]);
const fn = (name: string, args: Node[]): Node => new FunctionNode(new SymbolNode(name), args);

/**
 * A mathjs node with the same value. σ(u) and softplus(u), which mathjs lacks, are
 * written out as 1/(1 + exp(−u)) and log(1 + exp(u)); a rational such as 1/3 stays an
 * exact quotient. f(u) is a mathjs function call; its derivatives f′(u) have no mathjs form.
 */
export function toMathjs(e: Expr): Node {
  // Equal parts are one node in dydx (x·x holds x twice); mathjs wants a tree, each node used
  // once (its derivative goes wrong on shared nodes), so a part used again is a copy.
  const handedOut = new Set<Node>();
  const once = (node: Node): Node => {
    if (!handedOut.has(node)) {
      handedOut.add(node);
      return node;
    }
    return node.cloneDeep();
  };
  // Parts made on the way (3x for the −3x of a subtraction) are converted when asked for.
  return foldTree(e, (node, of) => convert(node, (part) => once(of(part))));
}

function convert(e: Expr, of: (x: Expr) => Node): Node {
  switch (e.kind) {
    case 'num': {
      const q = e.value;
      const magnitude = q.abs();
      const whole = magnitude.d === 1n || e.decimal
        ? new ConstantNode(magnitude.valueOf())
        : binary('/', 'divide', new ConstantNode(Number(magnitude.n)), new ConstantNode(Number(magnitude.d)));
      return q.s < 0n ? unaryMinus(whole) : whole;
    }
    case 'constant': return new SymbolNode(e.name);
    case 'variable': return new SymbolNode(e.name);
    case 'add':
      // A chain a − b + c as mathjs parses it; a sum inside a sum keeps its brackets, so it reads back nested.
      return e.terms.slice(1).reduce((sum, t) => {
        const negated = negatedTerm(t);
        return negated ? binary('-', 'subtract', sum, grouped(negated, 'add', of)) : binary('+', 'add', sum, grouped(t, 'add', of));
      }, grouped(e.terms[0]!, 'add', of));
    case 'mul': return e.factors.slice(1).reduce((p, f) => binary('*', 'multiply', p, grouped(f, 'mul', of)), grouped(e.factors[0]!, 'mul', of));
    case 'div': return binary('/', 'divide', of(e.numerator), of(e.denominator));
    case 'neg': return unaryMinus(of(e.operand));
    case 'pow': return binary('^', 'pow', of(e.base), of(e.exponent));
    case 'call': return callNode(e.name, e.args.map(of));
    case 'apply':
      if (e.orders.some((o) => o > 0)) throw new InputError(`a derivative of the abstract function ${e.name} has no mathjs form`, 'no-counterpart');
      return fn(e.name, e.args.map(of));
    case 'derivative': throw new InputError('an unevaluated derivative (u)′ has no mathjs form', 'no-counterpart');
  }
}

/** f(args) in mathjs: by its mathjs name, or, where mathjs lacks it (σ, softplus), its definition written out. */
function callNode(name: FunctionName, args: readonly Node[]): Node {
  const entry = functionTable[name];
  if (entry.code.mathjs !== undefined) return fn(entry.code.mathjs, [...args]);
  if (!entry.definition) throw new InputError(`${name} has no mathjs form: mathjs lacks it, and it has no closed form in functions mathjs has`, 'no-counterpart');
  // An associative f of more than two arguments is f(u₁, f(the others)).
  const pair = entry.associative && args.length > 2 ? [args[0]!, callNode(name, args.slice(1))] : args;
  return templateNode(entry.definition, pair);
}

/** A template of the function table as mathjs nodes, its arguments already converted. */
function templateNode(template: Template<FunctionName>, args: readonly Node[]): Node {
  if (typeof template === 'number') return new ConstantNode(template);
  switch (template) {
    case 'u': return args[0]!;
    case 'v': return args[1]!;
    case 'w': return args[2]!;
    case 't': return args[3]!;
    case 'e': case 'pi': return new SymbolNode(template);
  }
  const [head, ...rest] = template;
  const parts = rest.map((t) => templateNode(t, args));
  const chain = (op: string, name: string): Node => parts.slice(1).reduce((left, right) => binary(op, name, left, right), parts[0]!);
  switch (head) {
    case 'add': return chain('+', 'add');
    case 'sub': return chain('-', 'subtract');
    case 'mul': return chain('*', 'multiply');
    case 'div': return chain('/', 'divide');
    case 'pow': return chain('^', 'pow');
    case 'neg': return unaryMinus(parts[0]!);
    case 'gt': return binary('>', 'larger', parts[0]!, parts[1]!);
    case 'lt': return binary('<', 'smaller', parts[0]!, parts[1]!);
    case 'ge': return binary('>=', 'largerEq', parts[0]!, parts[1]!);
    case 'if': return new ConditionalNode(parts[0]!, parts[1]!, parts[2]!);
    default: return callNode(head, parts);
  }
}

/** mathjs's names of the functions of the table. */
const fromMathjsNames: ReadonlyMap<string, FunctionName> = new Map(functionNames.flatMap((name) => {
  const spelling = functionTable[name].code.mathjs;
  return spelling === undefined ? [] : [[spelling, name] as const];
}));

/** A part of a chain: bracketed when it is a chain of the same kind itself. */
const grouped = (part: Expr, chain: 'add' | 'mul', of: (x: Expr) => Node): Node =>
  (part.kind === chain ? new ParenthesisNode(of(part)) : of(part));

/** t as −s, when it reads as a subtraction: −y, −3, −3x. */
function negatedTerm(t: Expr): Expr | undefined {
  if (t.kind === 'neg') return t.operand;
  if (t.kind === 'num' && t.value.s < 0n) return num(t.value.neg(), t.decimal);
  const first = t.kind === 'mul' ? t.factors[0]! : undefined;
  if (t.kind === 'mul' && first?.kind === 'num' && first.value.s < 0n) {
    return first.value.equals(-1) ? mul(t.factors.slice(1)) : mul([num(first.value.neg(), first.decimal), ...t.factors.slice(1)]);
  }
  return undefined;
}

const constants: Readonly<Record<string, Expr>> = { e: constant('e'), E: constant('e'), pi: constant('pi'), PI: constant('pi') };
/** mathjs constants with no real-number counterpart in dydx. */
const unsupportedSymbols = new Set(['i', 'Infinity', 'NaN', 'null', 'undefined', 'true', 'false']);
const variableName = /^(?:[A-Za-z][A-Za-z0-9_]*|[α-ωΑ-Ω])$/;

/**
 * The dydx tree of a mathjs node: numbers become exact decimals (0.1 is 1/10), e and pi
 * constants, other symbols variables, operators and functions of the table their dydx
 * forms, f/g/h(u) abstract functions. Anything else is an InputError naming it.
 */
export function fromMathjs(node: Node): Expr {
  return foldParts<Node, Expr>(node, childrenOf, (n, of) => fromNode(n, childrenOf(n).map(of)));
}

function childrenOf(node: Node): Node[] {
  switch (node.type) {
    case 'ParenthesisNode': return [(node as unknown as { content: Node }).content];
    case 'OperatorNode': case 'FunctionNode': return [...(node as unknown as { args: Node[] }).args];
    default: return [];
  }
}

function fromNode(node: Node, args: Expr[]): Expr {
  switch (node.type) {
    case 'ParenthesisNode': return args[0]!;
    case 'ConstantNode': return fromConstant((node as unknown as { value: unknown }).value);
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      const known = constants[name];
      if (known) return known;
      if (unsupportedSymbols.has(name) || !variableName.test(name) || functionSpellings.has(name)) {
        throw new InputError(`the mathjs symbol '${name}' has no dydx form`, 'no-counterpart');
      }
      return variable(name);
    }
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; op: string };
      // mathjs parses a − b + c as ((a − b) + c): an unbracketed chain on the left is one sum again.
      const chained = (kind: 'add' | 'mul', fns: readonly string[]): Expr[] => {
        const [first, ...rest] = args;
        const left = (node as unknown as { args: Node[] }).args[0]!;
        const continues = left.type === 'OperatorNode' && fns.includes((left as unknown as { fn: string }).fn) && first!.kind === kind;
        return [...(continues ? (kind === 'add' ? (first as Expr & { kind: 'add' }).terms : (first as Expr & { kind: 'mul' }).factors) : [first!]), ...rest];
      };
      switch (op.fn) {
        case 'add': return add(chained('add', ['add', 'subtract']));
        case 'subtract': return add([...chained('add', ['add', 'subtract']).slice(0, -1), neg(args[1]!)]);
        case 'multiply': return mul(chained('mul', ['multiply']));
        case 'divide': return div(args[0]!, args[1]!);
        case 'unaryMinus': return neg(args[0]!);
        case 'unaryPlus': return args[0]!;
        case 'pow': return pow(args[0]!, args[1]!);
        default: throw new InputError(`the mathjs operator '${op.op}' (${op.fn}) has no dydx form`, 'no-counterpart');
      }
    }
    case 'FunctionNode': {
      const name = (node as unknown as { fn: { name?: string } }).fn.name ?? '';
      if (abstractFunctionNames.has(name)) return apply(name, args);
      // mathjs's own names first; σ and softplus are read too, as a program may give mathjs its own.
      const dydxName = fromMathjsNames.get(name) ?? functionSpellings.get(name);
      if (!dydxName) throw new InputError(`the mathjs function '${name}' has no dydx form`, 'no-counterpart');
      const [fewest, most] = functionTable[dydxName].arity;
      if (args.length < fewest || args.length > most) {
        throw new InputError(`${dydxName} takes ${fewest === most ? fewest : `${fewest} or ${most}`} argument${most === 1 ? '' : 's'}, not ${args.length}`, 'no-counterpart');
      }
      return call(dydxName, args);
    }
    default: throw new InputError(`a mathjs ${node.type} has no dydx form`, 'no-counterpart');
  }
}

function fromConstant(value: unknown): Expr {
  // BigNumber and Fraction values print their exact decimal; a number its shortest one (0.1 is one tenth).
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '')
    : value !== null && typeof value === 'object' ? String(value) : '';
  const q = exactDecimal(text);
  if (!q) throw new InputError(`the mathjs constant ${String(value)} has no dydx form`, 'no-counterpart');
  return q.d === 1n ? int(q.s * q.n) : num(q, true);
}

/** A decimal in plain or exponent notation (1.5e-7) as an exact fraction. */
function exactDecimal(text: string): Fraction | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const shift = BigInt(exponent) - BigInt(fraction.length);
  return shift >= 0n ? new Fraction(digits * 10n ** shift) : new Fraction(digits, 10n ** -shift);
}
