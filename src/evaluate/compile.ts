import type { Expr } from '../expr/types.js';
import { functionTable } from '../functions/table.js';
import { toNumber } from '../expr/rational.js';
import { postOrder, variablesOf } from '../expr/traverse.js';
import { evaluate, oddRoot, valueOf, type EvaluateOptions, type Environment } from './evaluate.js';
import { expectTree } from '../expr/check-tree.js';

/** A compiled expression: its value at a point, and the variables it reads. */
export interface CompiledExpression {
  (env: Environment): number;
  readonly variables: readonly string[];
}

/**
 * Past this many distinct nodes the expression is evaluated by walking the tree instead:
 * generating and compiling a function that long costs more than it saves.
 */
export const maxCompiledNodes = 20_000;

/**
 * Compiles an expression to a JavaScript function of its variables (real numbers), with
 * the same values as `evaluate` but many times faster when called again and again: one
 * straight-line statement per distinct node, so shared parts are computed once per call.
 */
export function compile(e: Expr, options: EvaluateOptions = {}): CompiledExpression {
  expectTree(e, 'compile');
  const variables = variablesOf(e);
  const nodes = postOrder(e);
  if (nodes.length > maxCompiledNodes) {
    return Object.assign((env: Environment) => evaluate(e, env, options), { variables });
  }
  const index = new Map<Expr, number>();
  const calls: ((...args: never[]) => number)[] = [];
  // Whether the expression has unevaluated derivatives, whose evaluator needs the whole point.
  let readsPoint = false;
  const lines: string[] = [];
  const reads = variables.map((name, i) => {
    lines.push(`const x${i} = V(env, ${JSON.stringify(name)});`);
    return [name, `x${i}`] as const;
  });
  const variable = new Map(reads);
  const ref = (node: Expr): string => `v${index.get(node)!}`;
  const helper = (f: (...args: never[]) => number): string => `F[${calls.push(f) - 1}]`;

  for (const node of nodes) {
    let code: string;
    switch (node.kind) {
      case 'num': code = literal(toNumber(node.value)); break;
      case 'constant': code = node.name === 'e' ? 'Math.E' : 'Math.PI'; break;
      case 'variable': code = variable.get(node.name)!; break;
      case 'add': code = node.terms.map(ref).join(' + '); break;
      case 'mul': code = node.factors.map(ref).join(' * '); break;
      case 'div': code = `${ref(node.numerator)} / ${ref(node.denominator)}`; break;
      case 'neg': code = `-${ref(node.operand)}`; break;
      case 'pow': {
        const q = node.exponent.kind === 'num' ? node.exponent.value : undefined;
        code = q && q.d % 2n === 1n && q.d !== 1n
          ? `(${ref(node.base)} < 0 ? ${helper(oddRoot)}(${ref(node.base)}, ${ref(node.exponent)}, ${q.n % 2n === 0n}) : ${ref(node.base)} ** ${ref(node.exponent)})`
          : `${ref(node.base)} ** ${ref(node.exponent)}`;
        break;
      }
      case 'call': {
        // No value for the call where an argument has none, as applyNumeric has it (v !== v is NaN).
        const args = node.args.map(ref);
        code = `(${args.map((a) => `${a} !== ${a}`).join(' || ')} ? NaN : ${helper(functionTable[node.name].evaluate)}(${args.join(', ')}))`;
        break;
      }
      case 'apply': {
        const f = options.functions?.[node.name];
        const missing = `no definition for the abstract function '${node.name}'`;
        code = f ? `${helper(f)}([${node.args.map(ref).join(', ')}], ${JSON.stringify(node.orders)})` : `${helper(() => { throw new Error(missing); })}()`;
        break;
      }
      case 'derivative': {
        const at = options.derivative;
        const missing = `no way to evaluate the unevaluated derivative of a ${node.operand.kind}`;
        const operand = node.operand;
        const variableName = node.variable;
        readsPoint = true;
        code = at
          ? `${helper(() => at(operand, variableName, currentEnv!))}()`
          : `${helper(() => { throw new Error(missing); })}()`;
        break;
      }
    }
    index.set(node, index.size);
    lines.push(`const ${ref(node)} = ${code};`);
  }
  lines.push(`return ${ref(e)};`);
  // The derivative evaluator needs the whole point; it is kept for the duration of a call.
  let currentEnv: Environment | undefined;
  const body = new Function('F', 'V', 'env', lines.join('\n')) as (F: typeof calls, V: typeof valueOf, env: Environment) => number;
  const run = !readsPoint
    ? (env: Environment): number => body(calls, valueOf, env)
    : (env: Environment): number => {
      currentEnv = env;
      try { return body(calls, valueOf, env); } finally { currentEnv = undefined; }
    };
  return Object.assign(run, { variables });
}

/** A number as JavaScript source, negative ones in parentheses (so x - (-2) stays a subtraction). */
function literal(x: number): string {
  return x < 0 || Object.is(x, -0) ? `(${String(x)})` : String(x);
}
