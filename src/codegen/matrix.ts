import type { Expr } from '../expr/types.js';
import * as build from '../expr/factory.js';
import { InputError } from '../errors.js';
import type { MatrixExpr } from '../matrix/types.js';
import type { MatrixAnswer } from '../matrix/derive.js';
import { productParts } from '../matrix/factory.js';
import { isScalar, shapeText } from '../matrix/shape.js';
import { matrixToUnicode } from '../print/matrix-notation.js';
import { Program } from './program.js';
import { lower, type Lowering } from './lower.js';
import { rewriteStably } from './stable-rewrites.js';
import { fittedSchedule } from './schedule.js';
import { expressionCode } from './expression.js';
import { wrap } from './emit.js';
import { pythonImports, targetSyntax, type Target } from './targets.js';

/*
 * Code for a function of vectors and matrices and its derivatives: NumPy, PyTorch or JAX, one
 * function that returns the value and the gradient by each variable (or the Jacobian, or the
 * gradient and Hessian), every part they share computed once. Vectors are one-dimensional
 * arrays, so A @ x, x @ y and np.outer(u, v) say what xᵀ would. The entrywise parts are
 * written by the scalar code's own lowering, with its stable forms (σ through e^(−|u|), σ′ as
 * e^(−|u|)/(1 + e^(−|u|))², …); softmax and logsumexp are computed beside the largest entry and
 * ln det X as np.linalg.slogdet, so that none overflows.
 */

/** The array targets matrix code is written in. */
const matrixTargets: readonly Target[] = ['numpy', 'torch', 'jax'];

interface ArrayNames {
  readonly module: string;
  readonly linalg: string;
  /** Extra arguments of a constant array: PyTorch makes float32 unless told. */
  readonly dtype: string;
}

const arrays: Readonly<Record<'numpy' | 'torch' | 'jax', ArrayNames>> = {
  numpy: { module: 'np', linalg: 'np.linalg', dtype: '' },
  torch: { module: 'torch', linalg: 'torch.linalg', dtype: ', dtype=torch.float64' },
  jax: { module: 'jnp', linalg: 'jnp.linalg', dtype: '' },
};

export interface MatrixCodeOptions {
  readonly target?: Target;
  readonly name?: string;
}

/** A name the code gives a derivative: dW for ∂L/∂W, J_x for a Jacobian, H_x for a Hessian. */
function outputName(answer: MatrixAnswer, k: number, by: string): string {
  if (answer.kind === 'jacobian') return `J_${by}`;
  if (answer.kind === 'hessian') return k === 0 ? `d${by}` : `H_${by}`;
  return `d${by}`;
}

export function generateMatrixCode(answer: MatrixAnswer, options: MatrixCodeOptions = {}): string {
  const target = options.target ?? 'numpy';
  if (!matrixTargets.includes(target)) {
    throw new InputError(`code of matrix notation is written for ${matrixTargets.join(', ')}, which work on arrays: not ${target}`, 'invalid-request');
  }
  const names = arrays[target as 'numpy' | 'torch' | 'jax'];
  const syntax = targetSyntax[target];
  const program = new Program();
  const notes = new Set<string>();
  const how: Lowering = { program, target, syntax, stable: true, notes };
  const lowering = new MatrixLowering(how, names);
  const value = lowering.lower(answer.expr);
  const byNames = [...new Set(answer.derivatives.map((d) => d.by.name))];
  const parameterOrder = [...byNames, ...[...answer.shapes.keys(), ...answer.expr.variables].filter((n, i, all) => answer.expr.variables.has(n) && !byNames.includes(n) && all.indexOf(n) === i)];
  const parameters = new Map(parameterOrder.map((n) => [n, syntax.reserved.has(n) ? `${n}_` : n]));
  const outputs = [
    { id: value, name: answer.kind === 'jacobian' ? 'f' : 'value' },
    ...answer.derivatives.map((d, k) => ({ id: lowering.lower(d.result), name: outputName(answer, k, parameters.get(d.by.name) ?? d.by.name) })),
  ];
  const name = options.name ?? (answer.kind === 'jacobian' ? 'f' : 'loss');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || syntax.reserved.has(name)) {
    throw new InputError(`'${name}' cannot name a function in ${target}: use letters, digits and _, not a keyword`, 'invalid-request');
  }
  const schedule = fittedSchedule(program, outputs, syntax, new Set([...parameters.values(), name]), parameters);
  const code = (id: number): string => expressionCode(program, id, schedule.names, parameters, syntax);
  const returned = (id: number): string => schedule.names.get(id) ?? code(id);
  const derivativesReturned = outputs.slice(1).map((o) => returned(o.id));
  const returns = answer.kind === 'gradient' && derivativesReturned.length > 1
    ? `${returned(value)}, (${derivativesReturned.join(', ')})` : [returned(value), ...derivativesReturned].join(', ');
  const valueName = answer.kind === 'jacobian' ? 'f' : 'L';
  const derivativeComment = (k: number): string => {
    const d = answer.derivatives[k]!;
    const formula = matrixToUnicode(d.result);
    if (answer.kind === 'jacobian') return `∂f/∂${d.by.name} = ${formula}`;
    if (answer.kind === 'hessian' && k === 1) return `∂²L/∂${d.by.name}∂${d.by.name}ᵀ = ${formula}`;
    return `∂L/∂${d.by.name} = ${formula}`;
  };
  const comment = [
    `${valueName} = ${matrixToUnicode(answer.expr)}`,
    ...answer.derivatives.map((_, k) => derivativeComment(k)),
    ...shapesComment(answer, parameterOrder),
    ...[...notes].map((n) => `stable: ${n}`),
  ];
  const constants = schedule.constants.map((id) => `${schedule.names.get(id)} = ${code(id)}`);
  const statements = schedule.statements.map((id) => `    ${schedule.names.get(id)} = ${code(id)}`);
  const text = [...constants, ...statements, `return ${returns}`].join('\n');
  const uses = (prefix: string): boolean => new RegExp(`(^|[^\\w.])${prefix.replace(/\./g, '\\.')}`, 'm').test(text);
  const imports = [...new Set(pythonImports.filter(([prefix]) => uses(prefix)).map(([, statement]) => statement))].sort();
  return `${[
    ...imports, ...(imports.length > 0 ? ['', ''] : []),
    ...(constants.length > 0 ? [...constants, '', ''] : []),
    `def ${name}(${[...parameters.values()].join(', ')}):`,
    ...wrap(comment, 73).map((l) => `    # ${l}`),
    ...statements,
    `    return ${returns}`,
  ].join('\n')}\n`;
}

/** The shapes the function takes, said in its comment: vectors are one-dimensional arrays. */
function shapesComment(answer: MatrixAnswer, parameters: readonly string[]): string[] {
  const shaped = parameters.map((p) => `${p}: ${answer.shapes.has(p) ? shapeText(answer.shapes.get(p)!).replace('x', '×') : 'a number'}`);
  const vectors = parameters.some((p) => { const s = answer.shapes.get(p); return s !== undefined && (s.rows === 1 || s.cols === 1); });
  return [`takes ${shaped.join(', ')}${vectors ? ' (a vector as a one-dimensional array)' : ''}`];
}

/** Lowers trees of matrix notation into the program: products and functions as array operations, entrywise parts through the scalar lowering. */
class MatrixLowering {
  private readonly done = new Map<MatrixExpr, number>();
  private placeholders = 0;

  constructor(private readonly how: Lowering, private readonly names: ArrayNames) {}

  lower(e: MatrixExpr): number {
    const known = this.done.get(e);
    if (known !== undefined) return known;
    const id = this.lowerNew(e);
    this.done.set(e, id);
    return id;
  }

  private call(name: string, args: readonly number[]): number {
    return this.how.program.node({ op: 'call', name, args });
  }

  private code(text: string): number {
    return this.how.program.node({ op: 'code', text });
  }

  /** An entrywise part: its tree as a scalar expression, the array operations in it standing for their own nodes. */
  private entrywise(e: MatrixExpr): number {
    const bound = new Map<string, number>();
    const scalarTree = (n: MatrixExpr): Expr => {
      switch (n.kind) {
        case 'number': return build.num(n.value);
        case 'constant': return build.constant(n.name);
        case 'add': return build.add(n.terms.map(scalarTree));
        case 'hadamard': return build.mul(n.factors.map(scalarTree));
        case 'power': return build.pow(scalarTree(n.base), build.num(n.exponent));
        case 'elementwise': {
          // ln det X is the log-determinant, which slogdet computes without overflow.
          const argument = n.argument;
          if (n.name === 'log' && argument.kind === 'function' && argument.name === 'det') return this.placeholder(n, bound, () => this.item(this.call(`${this.names.linalg}.slogdet`, [this.lower(argument.operand)]), 1));
          // ln softmax(z) = z − logsumexp(z).
          if (n.name === 'log' && n.argument.kind === 'function' && n.argument.name === 'softmax') {
            const z = n.argument.operand;
            return build.add([scalarTree(z), build.neg(this.placeholder(n.argument, bound, () => this.logSumExp(z)))]);
          }
          return build.call(n.name, [scalarTree(n.argument)]);
        }
        case 'product': {
          const { coefficient, scalars, chain } = productParts(n);
          if (chain.length > 1) return this.placeholder(n, bound, () => this.lower(n));
          // −y, not −1 * y.
          const magnitude = coefficient.abs();
          const product = build.mul([...(magnitude.equals(1) ? [] : [build.num(magnitude)]), ...[...scalars, ...chain].map(scalarTree)]);
          return coefficient.s < 0n ? build.neg(product) : product;
        }
        default: return this.placeholder(n, bound, () => this.lower(n));
      }
    };
    const tree = scalarTree(e);
    const notes = this.how.notes;
    return lower(rewriteStably(tree, notes), { ...this.how, bound });
  }

  /** A variable of the scalar tree that stands for a node of the program (a parameter, or what `lowered` makes). */
  private placeholder(n: MatrixExpr, bound: Map<string, number>, lowered: () => number): Expr {
    const name = `_m${++this.placeholders}`;
    bound.set(name, n.kind === 'variable' ? this.how.program.node({ op: 'variable', name: n.name }) : lowered());
    return build.variable(name);
  }

  private item(of: number, index: number): number {
    return this.how.program.node({ op: 'item', index, args: [of] });
  }

  /** logsumexp(z) = m + ln Σ e^(zᵢ − m), m the largest entry. */
  private logSumExp(z: MatrixExpr): number {
    const program = this.how.program;
    const zi = this.lower(z);
    const largest = this.call(`${this.names.module}.max`, [zi]);
    const shifted = program.node({ op: 'call', name: `${this.names.module}.exp`, args: [program.node({ op: 'add', args: [zi, program.node({ op: 'neg', args: [largest] })] })] });
    const total = this.call(`${this.names.module}.sum`, [shifted]);
    return program.node({ op: 'add', args: [largest, this.call(`${this.names.module}.log`, [total])] });
  }

  private lowerNew(e: MatrixExpr): number {
    const { program } = this.how;
    const { module, linalg, dtype } = this.names;
    const size = e.shape.cols === 1 ? `${e.shape.rows}` : `(${e.shape.rows}, ${e.shape.cols})`;
    switch (e.kind) {
      case 'variable': return program.node({ op: 'variable', name: e.name });
      case 'identity': return this.code(`${module}.eye(${e.shape.rows}${dtype})`);
      case 'ones': return this.code(`${module}.ones(${size}${dtype})`);
      case 'zero': return this.code(`${module}.zeros(${size}${dtype})`);
      case 'transpose': {
        const operand = this.lower(e.operand);
        // A vector is a one-dimensional array: xᵀ is x.
        return e.shape.rows === 1 || e.shape.cols === 1 ? operand : program.node({ op: 'transpose', args: [operand] });
      }
      case 'product': {
        const { coefficient, scalars, chain } = productParts(e);
        if (chain.length <= 1) return this.entrywise(e);
        let acc = this.lower(chain[0]!);
        for (let i = 1; i < chain.length; i++) {
          const next = this.lower(chain[i]!);
          // A column times a row is their outer product; vectors being one-dimensional, @ would be their dot product.
          acc = chain[i - 1]!.shape.cols === 1 && !isScalar(chain[i - 1]!.shape) ? this.call(`${module}.outer`, [acc, next]) : program.node({ op: 'matmul', args: [acc, next] });
        }
        if (scalars.length === 0 && coefficient.equals(1)) return acc;
        return this.entrywiseProduct(e, acc);
      }
      case 'function': {
        const a = this.lower(e.operand);
        switch (e.name) {
          case 'sum': return this.call(`${module}.sum`, [a]);
          case 'norm': return this.call(`${linalg}.norm`, [a]);
          case 'tr': return this.call(`${module}.trace`, [a]);
          case 'det': return this.call(`${linalg}.det`, [a]);
          case 'inv': return this.call(`${linalg}.inv`, [a]);
          case 'diag': return this.call(`${module}.diag`, [a]);
          case 'logsumexp': return this.logSumExp(e.operand);
          case 'softmax': {
            // e^(z − m)/Σ e^(z − m), m the largest entry.
            const largest = this.call(`${module}.max`, [a]);
            const exps = this.call(`${module}.exp`, [program.node({ op: 'add', args: [a, program.node({ op: 'neg', args: [largest] })] })]);
            return program.node({ op: 'div', args: [exps, this.call(`${module}.sum`, [exps])] });
          }
        }
      }
      // eslint-disable-next-line no-fallthrough
      case 'differential': throw new Error('internal error: code for a differential');
      default: return this.entrywise(e);
    }
  }

  /** c·α·(A @ B): the chain's array times its number and scalars, entrywise. */
  private entrywiseProduct(e: MatrixExpr, chainId: number): number {
    const { coefficient, scalars } = productParts(e);
    const bound = new Map<string, number>();
    const chainName = `_m${++this.placeholders}`;
    bound.set(chainName, chainId);
    const factors: Expr[] = [build.variable(chainName)];
    for (const s of scalars) {
      const name = `_m${++this.placeholders}`;
      bound.set(name, this.lower(s));
      factors.push(build.variable(name));
    }
    const magnitude = coefficient.abs();
    const product = build.mul(magnitude.equals(1) ? factors : [build.num(magnitude), ...factors]);
    return lower(coefficient.s < 0n ? build.neg(product) : product, { ...this.how, bound });
  }
}
