import type { Expr, Rational } from '../expr/types.js';
import { InputError } from '../errors.js';
import { isTerminating, rational, toDecimalString } from '../expr/rational.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import type { Template } from '../functions/template.js';
import { children, postOrder } from '../expr/traverse.js';
import type { Operation, Program } from './program.js';
import { targetSyntax, type Target, type TargetSyntax } from './targets.js';
import { stableFormOf, type StableForm } from './stable-forms.js';

/** What lowering needs to know: the target, whether to use stable forms, and where to note them. */
export interface Lowering {
  readonly program: Program;
  readonly target: Target;
  readonly syntax: TargetSyntax;
  readonly stable: boolean;
  /** The notes of the stable forms used, each once. */
  readonly notes: Set<string>;
  /** Variables that stand for nodes already in the program (matrix notation's products and functions, in the code of its entrywise parts). */
  readonly bound?: ReadonlyMap<string, number>;
}

/**
 * The program nodes that compute an expression in a target: each function by its name there
 * where the target has it, otherwise by its stable form (σ, softplus, ln σ, logsumexp) or its
 * definition (sec u = 1/cos u), and real odd roots with their sign. With `stable`, a part
 * stable-forms.ts knows (sech u, arctan e^u, ln cosh u, a quotient that is 0/0 at 0) is
 * computed by its stable form.
 */
export function lower(e: Expr, how: Lowering): number {
  const { program } = how;
  const ids = new Map<Expr, number>();
  const constant = new Map<Expr, boolean>();
  for (const node of postOrder(e)) {
    const arg = (child: Expr): number => ids.get(child)!;
    constant.set(node, node.kind !== 'variable' && children(node).every((c) => constant.get(c)));
    // PyTorch's functions take tensors, not numbers: a constant such as √2 is computed with math.
    if (how.target === 'torch' && constant.get(node) && node.kind !== 'num' && node.kind !== 'constant') {
      ids.set(node, lower(node, { ...how, target: 'python', syntax: targetSyntax.python }));
      continue;
    }
    const stableForm = how.stable ? stableFormOf(node) : undefined;
    if (stableForm?.form.kind === 'template') {
      how.notes.add(stableForm.note);
      ids.set(node, template(stableForm.form.form, stableForm.form.args.map((a) => lower(a, how)), undefined, how));
      continue;
    }
    let id: number;
    switch (node.kind) {
      case 'num': id = program.node({ op: 'num', value: node.value }); break;
      case 'constant': id = program.node({ op: 'constant', name: node.name }); break;
      case 'variable': id = how.bound?.get(node.name) ?? program.node({ op: 'variable', name: node.name }); break;
      case 'add': id = program.node({ op: 'add', args: node.terms.map(arg) }); break;
      case 'mul': id = program.node({ op: 'mul', args: node.factors.map(arg) }); break;
      case 'div': id = decimalCoefficient(node, arg, program) ?? program.node({ op: 'div', args: [arg(node.numerator), arg(node.denominator)] }); break;
      case 'neg': id = negate(program, arg(node.operand)); break;
      case 'pow': id = power(arg(node.base), arg(node.exponent), how); break;
      case 'call': id = callOf(node.name, node.args.map(arg), how); break;
      case 'apply':
        throw new InputError(`${node.name} is a function dydx does not know: code can compute only functions it knows`, 'no-counterpart');
      case 'derivative':
        throw new InputError('code cannot compute a derivative left unevaluated', 'no-counterpart');
    }
    if (stableForm?.form.kind === 'near-zero') {
      how.notes.add(stableForm.note);
      id = nearZeroSeries(stableForm.form, id, how);
    }
    ids.set(node, id);
  }
  return ids.get(e)!;
}

/**
 * The formula where |t| is at least the threshold, and the cut series below it:
 * t^lead·(c₀ + w·(c₁ + w·(…))), w = t^step; with a threshold of 0, the formula where t ≠ 0
 * and the series' value at 0.
 */
function nearZeroSeries(form: StableForm & { kind: 'near-zero' }, formula: number, how: Lowering): number {
  const { program } = how;
  const t = program.node({ op: 'variable', name: form.variable });
  const number = (q: Rational): number => program.node({ op: 'num', value: q });
  // Products, not powers: Python's math raises on a power that overflows, and so could not compute them ahead of the choice.
  const timesItself = (n: number): number => (n === 1 ? t : program.node({ op: 'mul', args: Array.from({ length: n }, () => t) }));
  const w = timesItself(form.step);
  const [last, ...others] = [...form.coefficients].reverse();
  const polynomial = others.reduce((inner, c) => program.node({ op: 'add', args: [number(c), program.node({ op: 'mul', args: [w, inner] })] }), number(last!));
  const series = form.lead === 0 ? polynomial : program.node({ op: 'mul', args: [timesItself(form.lead), polynomial] });
  const magnitude = callOf('abs', [t], how);
  if (form.threshold.n === 0n) {
    const away = program.node({ op: 'compare', relation: '>', args: [magnitude, number(form.threshold)] });
    return program.node({ op: 'select', args: [away, formula, form.lead === 0 ? series : number(rational(0))] });
  }
  const near = program.node({ op: 'compare', relation: '<', args: [magnitude, number(form.threshold)] });
  return program.node({ op: 'select', args: [near, series, formula] });
}

/**
 * 8943·x³/200000 as 0.044715 * x ** 3: a product with a number over a number, written with the
 * decimal their quotient is where it has few digits, as the formula was typed.
 */
function decimalCoefficient(node: Expr & { kind: 'div' }, arg: (child: Expr) => number, program: Program): number | undefined {
  const { numerator, denominator } = node;
  if (denominator.kind !== 'num' || denominator.value.n === 0n) return undefined;
  const [first, ...rest] = numerator.kind === 'mul' ? numerator.factors : [numerator];
  if (first?.kind !== 'num') return undefined;
  const q = first.value.div(denominator.value);
  if (!isTerminating(q) || toDecimalString(q.abs()).length > 12) return undefined;
  const coefficient = program.node({ op: 'num', value: q });
  return rest.length === 0 ? coefficient : program.node({ op: 'mul', args: [coefficient, ...rest.map(arg)] });
}

const negate = (program: Program, id: number): number => {
  const n = program.nodes[id]!;
  return n.op === 'num' ? program.node({ op: 'num', value: n.value.neg() }) : program.node({ op: 'neg', args: [id] });
};

/** f(args) in the target, named after f so that the code can call it s for σ. */
function callOf(name: FunctionName, args: readonly number[], how: Lowering): number {
  // |−u| is |u|: σ(u) and σ(−u) then share e^(−|u|).
  const operand = name === 'abs' ? how.program.nodes[args[0]!] : undefined;
  if (operand?.op === 'neg') return callOf(name, operand.args, how);
  const id = callWithoutName(name, args, how);
  if (!how.program.hints.has(id)) how.program.hints.set(id, name);
  return id;
}

function callWithoutName(name: FunctionName, args: readonly number[], how: Lowering): number {
  const { program, syntax } = how;
  const entry = functionTable[name];
  const spelling = entry.code[syntax.spellings];
  const [fewest, most] = entry.arity;
  // A target's name stands for the function's own number of arguments, or its one-argument form;
  // an associative function of more (max(a, b, c)) is that of two, nested.
  const spelledFor = spelling !== undefined && (fewest === most || args.length === 1 || entry.associative);
  if (entry.associative && args.length > 2) {
    return callOf(name, [args[0]!, callOf(name, args.slice(1), how)], how);
  }
  if (how.stable && entry.stable && !spelledFor) {
    how.notes.add(entry.stable.note);
    return template(entry.stable.form, args, name, how);
  }
  if (spelledFor) return program.node({ op: 'call', name: spelling, args });
  if (entry.extreme) {
    const [u, v] = args as [number, number];
    const relation = entry.extreme === 'greatest' ? '>=' : '<';
    return program.node({ op: 'select', args: [program.node({ op: 'compare', relation, args: [u, v] }), u, v] });
  }
  if (entry.root !== undefined && entry.root % 2 === 1) {
    return program.node({ op: 'signed-power', args: [args[0]!, program.node({ op: 'num', value: rational(1, entry.root) })] });
  }
  if (entry.definition !== undefined) return template(entry.definition, args, name, how);
  throw new InputError(`${how.target} has no ${name}, and dydx has no definition of it in functions ${how.target} has`, 'no-counterpart');
}

/** The nodes of a template of the function table with these arguments (a left-out second is the default). */
function template(t: Template<FunctionName>, args: readonly number[], of: FunctionName | undefined, how: Lowering): number {
  const { program } = how;
  if (typeof t === 'number') return program.node({ op: 'num', value: rational(t) });
  switch (t) {
    case 'u': return args[0]!;
    case 'v': {
      const second = args[1];
      if (second !== undefined) return second;
      const byDefault = of && functionTable[of].defaultSecond;
      if (byDefault === undefined) throw new Error(`internal error: ${of} has no second argument`);
      return template(byDefault, [], of, how);
    }
    case 'w': case 't': {
      const other = args[t === 'w' ? 2 : 3];
      if (other === undefined) throw new Error(`internal error: ${of} has no argument ${t === 'w' ? 3 : 4}`);
      return other;
    }
    case 'e': case 'pi': return program.node({ op: 'constant', name: t });
  }
  const [head, ...rest] = t;
  const parts = rest.map((r) => template(r, args, of, how));
  switch (head) {
    case 'add': return program.node({ op: 'add', args: parts });
    case 'mul': return program.node({ op: 'mul', args: parts });
    case 'sub': return program.node({ op: 'add', args: [parts[0]!, negate(program, parts[1]!)] });
    case 'div': {
      // ½ in a template is 1 over 2: one number.
      const [a, b] = parts.map((id) => program.nodes[id]!) as [Operation, Operation];
      if (a.op === 'num' && b.op === 'num' && b.value.n !== 0n) return program.node({ op: 'num', value: a.value.div(b.value) });
      return program.node({ op: 'div', args: [parts[0]!, parts[1]!] });
    }
    case 'neg': return negate(program, parts[0]!);
    case 'pow': return power(parts[0]!, parts[1]!, how);
    case 'gt': return program.node({ op: 'compare', relation: '>', args: [parts[0]!, parts[1]!] });
    case 'lt': return program.node({ op: 'compare', relation: '<', args: [parts[0]!, parts[1]!] });
    case 'ge': return program.node({ op: 'compare', relation: '>=', args: [parts[0]!, parts[1]!] });
    case 'if': return program.node({ op: 'select', args: [parts[0]!, parts[1]!, parts[2]!] });
    default: return callOf(head as FunctionName, parts, how);
  }
}

/**
 * base^exponent as dydx reads it on the reals: a negative whole exponent is a quotient (no
 * integer array raised to −1), ½ is a square root, and a fraction with an odd denominator is
 * the real root, defined for a negative base too (x^(2/3) = |x|^(2/3), x^(1/3) = −|x|^(1/3) below 0).
 */
function power(base: number, exponent: number, how: Lowering): number {
  const { program } = how;
  const n = program.nodes[exponent]!;
  if (n.op !== 'num') return program.node({ op: 'pow', args: [base, exponent] });
  const q = n.value;
  const one = program.node({ op: 'num', value: rational(1) });
  if (q.s < 0n) return program.node({ op: 'div', args: [one, power(base, program.node({ op: 'num', value: q.neg() }), how)] });
  if (q.d === 1n) return program.node({ op: 'pow', args: [base, exponent] });
  if (q.n === 1n && q.d === 2n) return callOf('sqrt', [base], how);
  if (q.n === 1n && q.d === 3n) return callOf('cbrt', [base], how);
  if (q.d % 2n === 0n) return program.node({ op: 'pow', args: [base, exponent] });
  if (q.n % 2n === 1n) return program.node({ op: 'signed-power', args: [base, exponent] });
  return program.node({ op: 'pow', args: [callOf('abs', [base], how), exponent] });
}
