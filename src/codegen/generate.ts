import type { Expr } from '../expr/types.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';
import { children, postOrder, variablesOf } from '../expr/traverse.js';
import { defaultVariable, differentiate, type DifferentiateOptions } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { read } from '../parse/parse.js';
import { compile } from '../evaluate/compile.js';
import { toText, toUnicode } from '../print/linear.js';
import { toSuperscript } from '../expr/letters.js';
import { evaluate } from '../evaluate/evaluate.js';
import { Program } from './program.js';
import { lower } from './lower.js';
import { rewriteStably } from './stable-rewrites.js';
import { fittedSchedule, shortNameOf } from './schedule.js';
import { emit, type CodeFunction } from './emit.js';
import { codeTargets, targetSyntax, type Target } from './targets.js';
import { countOperations, type OperationCount } from './count.js';
import { seeded } from '../evaluate/seeded.js';

export interface CodeOptions extends Pick<DifferentiateOptions, 'maxLength' | 'maxDepth' | 'maxDigits' | 'abstractFunctions' | 'notation' | 'timeout' | 'maxMemory' | 'maxNodes'> {
  /** The language: numpy (default), python, torch, jax, js or c. */
  readonly target?: Target;
  /** The variables to differentiate by, in order: the gradient by each (default: x if present, else the only one). */
  readonly variables?: readonly string[];
  /** Names of several letters read as one variable each, as in `differentiate`. */
  readonly variableNames?: readonly string[];
  /** The function's name (default: the function's own where the expression is one applied to a variable, sigmoid(x); else f). */
  readonly name?: string;
  /** Compute σ, softplus, ln σ, logsumexp, ln(1 + u) and e^u − 1 in forms that neither overflow nor cancel (default true). */
  readonly stable?: boolean;
  /** Also write a function that compares the derivatives with central differences at points where they are defined. */
  readonly withCheck?: boolean;
  /** How many times to differentiate, by one variable (default 1): every derivative up to that order is returned. */
  readonly order?: number;
}

/** The expression and its derivatives, ready to be written as code. */
interface Differentiated {
  readonly value: Expr;
  /** By each variable (order 1), or by one variable at each order up to the one asked for. */
  readonly derivatives: readonly { readonly variable: string; readonly order: number; readonly result: Expr }[];
  readonly parameters: readonly string[];
}

/**
 * Source code, in a target language, of one function that returns the value of an expression and its
 * derivative (the gradient, for several variables) together, every part that both need computed once.
 */
export function generateCode(input: string | Expr, options: CodeOptions = {}): string {
  return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => codeWithinLimits(input, options));
}

function codeWithinLimits(input: string | Expr, options: CodeOptions): string {
  const target = options.target ?? 'numpy';
  if (!codeTargets.includes(target)) throw new InputError(`no code target '${String(target)}': one of ${codeTargets.join(', ')}`, 'invalid-request');
  const d = differentiated(input, options);
  const stable = options.stable !== false;
  const notes = new Set<string>();
  const program = new Program();
  const how = { program, target, syntax: targetSyntax[target], stable, notes };
  const prepare = (e: Expr): number => lower(stable ? rewriteStably(e, notes) : e, how);
  const value = prepare(d.value);
  const derivatives = d.derivatives.map((x) => ({ variable: x.variable, order: x.order, id: prepare(x.result) }));
  const syntax = targetSyntax[target];
  const parameters = parameterNames(d.parameters, syntax.reserved);
  const valueName = shortNameOf(program, value) ?? 'y';
  const byOrder = derivatives.some((x) => x.order > 1);
  const derivativeName = (v: string, order: number): string =>
    (byOrder ? `d${order > 1 ? order : ''}${valueName}` : derivatives.length === 1 ? `d${valueName}` : `d${valueName}_d${parameters.get(v)}`);
  const outputs = [{ id: value, name: valueName }, ...derivatives.map((x) => ({ id: x.id, name: derivativeName(x.variable, x.order) }))];
  // A function's own name may be the language's (log in C): then the default is f.
  const own = defaultName(d.value);
  const name = options.name ?? (syntax.reserved.has(own) ? 'f' : own);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || syntax.reserved.has(name)) {
    throw new InputError(`'${name}' cannot name a function in ${target}: use letters, digits and _, not a keyword`, 'invalid-request');
  }
  const fn: CodeFunction = {
    name, target, syntax, program, parameters, value, derivatives,
    schedule: fittedSchedule(program, outputs, syntax, new Set([...parameters.values(), name]), parameters),
    comment: [
      `${valueName} = ${formula(d.value)}`,
      ...d.derivatives.map((x) => (byOrder || d.derivatives.length === 1
        ? `d${x.order > 1 ? toSuperscript(x.order) : ''}${valueName}/d${x.variable}${x.order > 1 ? toSuperscript(x.order) : ''} = ${formula(x.result)}`
        : `∂${valueName}/∂${x.variable} = ${formula(x.result)}`)),
      ...[...notes].map((n) => `stable: ${n}`),
    ],
    ...(options.withCheck ? { checkPoints: checkPoints(d) } : {}),
  };
  return emit(fn);
}

/** Most orders a function's code returns: each is one more output and one more formula. */
const maxCodeOrder = 10;

/** Longest formula the comment shows, in characters: a longer one is named by its length only. */
const longestFormula = 1500;
const formula = (e: Expr): string => {
  const text = toUnicode(e);
  return text.length <= longestFormula ? text : `(${text.length.toLocaleString('en')} characters, too long to show)`;
};

/** The operations per call of the generated function, and those of f and f′ computed apart, each with its own shared parts. */
export function codeOperations(input: string | Expr, options: CodeOptions = {}): { readonly together: OperationCount; readonly apart: OperationCount } {
  const d = differentiated(input, options);
  const target = options.target ?? 'numpy';
  const lowered = (exprs: readonly Expr[]): OperationCount => {
    const notes = new Set<string>();
    const program = new Program();
    const how = { program, target, syntax: targetSyntax[target], stable: options.stable !== false, notes };
    const ids = exprs.map((e) => lower(how.stable ? rewriteStably(e, notes) : e, how));
    return countOperations(program, ids);
  };
  const apart = [lowered([d.value]), ...d.derivatives.map((x) => lowered([x.result]))];
  return {
    together: lowered([d.value, ...d.derivatives.map((x) => x.result)]),
    apart: apart.reduce((a, b) => ({ arithmetic: a.arithmetic + b.arithmetic, calls: sumCalls(a.calls, b.calls) })),
  };
}

function sumCalls(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = { ...a };
  for (const [name, n] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + n;
  return sum;
}

function differentiated(input: string | Expr, options: CodeOptions): Differentiated {
  const readOptions = { maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits, abstractFunctions: options.abstractFunctions,
    // A name differentiated by is a name: bias in w·x + bias is no b·i·a·s.
    variables: [...(options.variableNames ?? []), ...(options.variables ?? [])], notation: options.notation };
  const expr = typeof input === 'string' ? read(input, readOptions).expr : input;
  const variables = options.variables && options.variables.length > 0 ? options.variables : [defaultVariable(expr)];
  const all = variablesOf(expr);
  for (const v of variables) if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(v)) throw new InputError(`'${v}' is not a variable name`, 'invalid-request');
  if (new Set(variables).size !== variables.length) throw new InputError(`a variable is named twice in ${variables.join(', ')}`, 'invalid-request');
  const limits = { maxNodes: options.maxNodes, timeout: options.timeout, maxMemory: options.maxMemory };
  const value = simplify(expr);
  const order = options.order ?? 1;
  if (!Number.isInteger(order) || order < 1 || order > maxCodeOrder) throw new InputError(`code is written for orders 1 to ${maxCodeOrder}, not ${order}`, 'invalid-request');
  if (order > 1 && variables.length > 1) throw new InputError('code for a derivative of order 2 or more is by one variable', 'invalid-request');
  const derivatives = order === 1
    ? variables.map((variable) => ({ variable, order: 1, result: differentiate(expr, { ...limits, variable }).result }))
    // Each order the derivative of the one before, as written: every order is returned.
    : Array.from({ length: order }).reduce<{ variable: string; order: number; result: Expr }[]>((all, _, k) =>
      [...all, { variable: variables[0]!, order: k + 1, result: differentiate(all.at(-1)?.result ?? expr, { ...limits, variable: variables[0]! }).result }], []);
  for (const e of [value, ...derivatives.map((x) => x.result)]) refuseUndefinedConstants(e);
  return {
    value, derivatives,
    // The variables differentiated by first, in their order, then the others as they come.
    parameters: [...variables, ...all.filter((v) => !variables.includes(v))],
  };
}

/**
 * Refuses an expression with a part free of the variables that has no value (1/0, ln 0): code
 * computes such a part once, ahead of everything, where Python raises and the rest is lost.
 */
function refuseUndefinedConstants(e: Expr): void {
  const constant = new Map<Expr, boolean>();
  for (const node of postOrder(e)) {
    const parts = children(node);
    constant.set(node, node.kind !== 'variable' && parts.every((c) => constant.get(c)));
    if (constant.get(node) && parts.length > 0 && !Number.isFinite(evaluate(node, {}))) {
      throw new InputError(`${toText(node)} has no value, so the code cannot compute it`, 'invalid-request');
    }
  }
}

/** A variable's name in the code: as it is, unless the language reserves it (lambda is lambda_ in Python). */
function parameterNames(variables: readonly string[], reserved: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const v of variables) {
    let name = v.replace(/[^A-Za-z0-9_]/g, '_');
    while (reserved.has(name) || [...names.values()].includes(name)) name = `${name}_`;
    names.set(v, name);
  }
  return names;
}

/** sigmoid for σ(x), mish for mish(x); f otherwise. */
const defaultName = (e: Expr): string => (e.kind === 'call' && e.args.length === 1 && e.args[0]!.kind === 'variable' ? e.name : 'f');

/**
 * Points for the check snippet: drawn with a fixed seed, so the same input writes the same
 * code, and kept where the value and derivatives are finite and dydx's own central differences
 * agree with the derivatives (so no point sits on a kink or at the edge of the domain).
 */
function checkPoints(d: Differentiated): number[][] {
  const value = compile(d.value);
  const slopes = d.derivatives.map((x) => compile(x.result));
  // A derivative of order k is the slope of the one of order k − 1 (the value, for the first).
  const below = (k: number): ((env: Record<string, number>) => number) => (d.derivatives[k]!.order > 1 ? slopes[k - 1]! : value);
  const random = seeded(20261203);
  const points: number[][] = [];
  for (let tries = 0; tries < 400 && points.length < 6; tries++) {
    const point = d.parameters.map(() => Math.round((random() * 6 - 3) * 1000) / 1000);
    const env = Object.fromEntries(d.parameters.map((v, i) => [v, point[i]!]));
    const fine = d.derivatives.every((x, k) => {
      const i = d.parameters.indexOf(x.variable);
      const h = 1e-6 * Math.max(1, Math.abs(point[i]!));
      const at = (delta: number) => below(k)({ ...env, [x.variable]: point[i]! + delta });
      const slope = (at(h) - at(-h)) / (2 * h);
      const exact = slopes[k]!(env);
      return Number.isFinite(value(env)) && Number.isFinite(exact) && Math.abs(exact - slope) <= 1e-6 * (1 + Math.abs(exact));
    });
    if (fine) points.push(point);
  }
  if (points.length === 0) throw new InputError('found no point where the function and its derivatives are defined, for the check', 'invalid-request');
  return points;
}

