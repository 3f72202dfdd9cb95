import type { Rational } from '../expr/types.js';
import { isInteger, isOne, isZero, powInteger, rational } from '../expr/rational.js';
import type { FunctionName } from '../functions/table.js';
import type { MatrixExpr, MDifferential, MNumber, MVariable } from './types.js';
import { beforeEachWork } from '../errors.js';
import { isScalar, isSquare, sameShape, scalarShape, transposed, type Shape } from './shape.js';
import { functionShapes, type OperandFunctionName } from './function-shapes.js';

/*
 * The only place matrix trees are made. Equal trees are one object, and a few canonical forms
 * hold in every tree, so that the rules never meet their variants:
 *  - a product is its number (when not 1), its scalar factors, then its chain of vectors and
 *    matrices; products inside it are spliced in, a 1×1 chain of several factors (xᵀy) staying one
 *    scalar factor; a factor 0 makes it 0, an identity beside a matrix is left out;
 *  - sums and entrywise products are flat, with no zeros (and no 𝟏 in an entrywise product),
 *    the numbers of a sum added up; a scalar in an entrywise product multiplies it;
 *  - (Aᵀ)ᵀ is A, and a scalar, I, 𝟏 and 0 are their own transposes (of the transposed shape);
 *  - a function of a scalar is what it is for a number: tr s = s, inv s = s⁻¹.
 * The reader checks shapes first, with located messages; a factory given shapes that do not fit
 * is a bug, and says so.
 */

let interned = new Map<string, MatrixExpr>();
let nextId = 1;

type Fields<K extends MatrixExpr['kind']> = Omit<Extract<MatrixExpr, { kind: K }>, 'id' | 'variables' | 'differentials'>;

/** The node of these fields, made once: its key is its kind, shape, own data and its children's ids. */
function make<K extends MatrixExpr['kind']>(fields: Fields<K>, children: readonly MatrixExpr[], own: string): Extract<MatrixExpr, { kind: K }> {
  const key = `${fields.kind}|${fields.shape.rows}x${fields.shape.cols}|${own}|${children.map((c) => c.id).join(',')}`;
  const found = interned.get(key);
  if (found !== undefined) return found as Extract<MatrixExpr, { kind: K }>;
  const union = (pick: (c: MatrixExpr) => ReadonlySet<string>, extra?: string): ReadonlySet<string> => {
    const all = new Set<string>(extra === undefined ? [] : [extra]);
    for (const c of children) for (const v of pick(c)) all.add(v);
    return all;
  };
  const named = (fields as unknown as { name?: string }).name;
  const node = {
    ...fields, id: nextId++,
    variables: union((c) => c.variables, fields.kind === 'variable' ? named : undefined),
    // d(F) holds the differentials of F's variables; its operand is no variable of it.
    ...(fields.kind === 'differential'
      ? { variables: new Set<string>(), differentials: new Set(children[0]!.variables) }
      : { differentials: union((c) => c.differentials) }),
  } as unknown as Extract<MatrixExpr, { kind: K }>;
  interned.set(key, node);
  return node;
}

/** Most nodes kept between two pieces of work: past it the table is emptied, as expr/factory.ts empties its own. */
const maxInterned = 1 << 18;
beforeEachWork((all) => {
  // Renewed, not emptied (see smallIntegers in expr/factory.ts).
  if (interned.size > 0 && (all || interned.size >= maxInterned)) interned = new Map();
});

const misfit = (what: string): Error => new Error(`internal error: ${what}`);

export const variable = (name: string, shape: Shape): MVariable => make<'variable'>({ kind: 'variable', shape, name }, [], name);
export const number = (value: Rational): MNumber => make<'number'>({ kind: 'number', shape: scalarShape, value }, [], value.toFraction());
export const int = (n: number): MNumber => number(rational(n));
export const constant = (name: 'e' | 'pi'): MatrixExpr => make<'constant'>({ kind: 'constant', shape: scalarShape, name }, [], name);
export const identity = (n: number): MatrixExpr => (n === 1 ? int(1) : make<'identity'>({ kind: 'identity', shape: { rows: n, cols: n } }, [], ''));
export const ones = (shape: Shape): MatrixExpr => (isScalar(shape) ? int(1) : make<'ones'>({ kind: 'ones', shape }, [], ''));
export const zero = (shape: Shape): MatrixExpr => (isScalar(shape) ? int(0) : make<'zero'>({ kind: 'zero', shape }, [], ''));
export const differential = (operand: MatrixExpr): MDifferential => make<'differential'>({ kind: 'differential', shape: operand.shape, operand }, [operand], '');

const isZeroNode = (e: MatrixExpr): boolean => e.kind === 'zero' || (e.kind === 'number' && isZero(e.value));

/** The shape of a sum of these terms: that of its vectors or matrices, numbers standing in every entry. */
function sumShape(terms: readonly MatrixExpr[]): Shape {
  let shape = scalarShape;
  for (const t of terms) {
    if (isScalar(t.shape)) continue;
    if (!isScalar(shape) && !sameShape(shape, t.shape)) throw misfit(`a sum of ${shape.rows}×${shape.cols} and ${t.shape.rows}×${t.shape.cols}`);
    shape = t.shape;
  }
  return shape;
}

export function add(terms: readonly MatrixExpr[]): MatrixExpr {
  const shape = sumShape(terms);
  const flat: MatrixExpr[] = [];
  let constant = rational(0);
  let numbers = 0;
  for (const t of terms.flatMap((t) => (t.kind === 'add' ? t.terms : [t]))) {
    if (isZeroNode(t)) continue;
    if (t.kind === 'number') {
      constant = constant.add(t.value);
      numbers++;
      continue;
    }
    // A scalar term in a sum of vectors is no number: it would stand in every entry as numbers do, which is not what a sum of a scalar and a vector means.
    if (!isScalar(shape) && isScalar(t.shape)) throw misfit('a scalar added to a vector');
    flat.push(t);
  }
  if (numbers > 0 && !isZero(constant)) {
    // A number stands in every entry: alone, it is that number times 𝟏.
    if (flat.length === 0 && !isScalar(shape)) return product([number(constant), ones(shape)]);
    flat.push(number(constant));
  }
  if (flat.length === 0) return zero(shape);
  if (flat.length === 1) return flat[0]!;
  // A sum starts with a term without a minus where it has one: 1 − σ(u), s − y.
  const positive = flat.findIndex((t) => !startsNegative(t));
  if (startsNegative(flat[0]!) && positive > 0) flat.unshift(flat.splice(positive, 1)[0]!);
  return make<'add'>({ kind: 'add', shape, terms: flat }, flat, '');
}

/** Whether a term is written with a minus: a negative number, or a product whose number is negative. */
export const startsNegative = (e: MatrixExpr): boolean =>
  (e.kind === 'number' && e.value.s < 0n && !isZero(e.value)) || (e.kind === 'product' && productParts(e).coefficient.s < 0n);

export const neg = (e: MatrixExpr): MatrixExpr => product([int(-1), e]);
export const sub = (a: MatrixExpr, b: MatrixExpr): MatrixExpr => add([a, neg(b)]);

/** The shape of a chain of vectors and matrices, each one's columns as many as the next one's rows. */
function chainShape(chain: readonly MatrixExpr[]): Shape {
  if (chain.length === 0) return scalarShape;
  for (let i = 1; i < chain.length; i++) {
    if (chain[i - 1]!.shape.cols !== chain[i]!.shape.rows) {
      throw misfit(`a product of ${chain[i - 1]!.shape.rows}×${chain[i - 1]!.shape.cols} and ${chain[i]!.shape.rows}×${chain[i]!.shape.cols}`);
    }
  }
  return { rows: chain[0]!.shape.rows, cols: chain.at(-1)!.shape.cols };
}

/** A product's parts: its number, its scalar factors, its chain. */
export interface ProductParts {
  readonly coefficient: Rational;
  readonly scalars: readonly MatrixExpr[];
  readonly chain: readonly MatrixExpr[];
}

/** The parts of any node as a product: a node that is no product is its own chain (or scalar factor). */
export function productParts(e: MatrixExpr): ProductParts {
  if (e.kind === 'number') return { coefficient: e.value, scalars: [], chain: [] };
  if (e.kind !== 'product') return isScalar(e.shape) ? { coefficient: rational(1), scalars: [e], chain: [] } : { coefficient: rational(1), scalars: [], chain: [e] };
  const first = e.factors[0]!;
  const coefficient = first.kind === 'number' ? first.value : rational(1);
  const rest = first.kind === 'number' ? e.factors.slice(1) : e.factors;
  const scalarOnly = isScalar(e.shape) && rest.every((f) => isScalar(f.shape));
  return {
    coefficient,
    scalars: scalarOnly ? rest : rest.filter((f) => isScalar(f.shape)),
    chain: scalarOnly ? [] : rest.filter((f) => !isScalar(f.shape)),
  };
}

export function product(factors: readonly MatrixExpr[]): MatrixExpr {
  let coefficient = rational(1);
  const scalars: MatrixExpr[] = [];
  const chain: MatrixExpr[] = [];
  for (const f of factors) {
    if (f.kind === 'number') {
      coefficient = coefficient.mul(f.value);
      continue;
    }
    const parts = productParts(f);
    // A 1×1 chain of several factors (xᵀy) is one scalar factor, not spliced into a chain it does not fit.
    if (isScalar(f.shape) && parts.chain.length > 0) {
      coefficient = coefficient.mul(parts.coefficient);
      for (const x of parts.scalars) scalars.push(x);
      scalars.push(parts.chain.length === 1 ? parts.chain[0]! : make<'product'>({ kind: 'product', shape: scalarShape, factors: parts.chain }, parts.chain, ''));
      continue;
    }
    coefficient = coefficient.mul(parts.coefficient);
    for (const x of parts.scalars) scalars.push(x);
    for (const x of parts.chain) chain.push(x);
  }
  const shape = chainShape(chain);
  if (isZero(coefficient) || scalars.some(isZeroNode) || chain.some(isZeroNode)) return zero(shape);
  // −(yᵀ·v): a 1×1 chain alone among the scalars is the product's chain.
  const units = scalars.filter((s) => s.kind === 'product' && productParts(s).chain.length > 0);
  if (chain.length === 0 && units.length === 1) {
    scalars.splice(scalars.indexOf(units[0]!), 1);
    for (const x of productParts(units[0]!).chain) chain.push(x);
  }
  extractScalarRuns(chain, scalars);
  // I beside another factor of the chain changes nothing.
  const kept = chain.filter((f) => f.kind !== 'identity');
  const finalChain = kept.length > 0 ? kept : chain.slice(0, 1);
  const all = [...(isOne(coefficient) ? [] : [number(coefficient)]), ...scalars, ...finalChain];
  if (all.length === 0) return int(1);
  if (all.length === 1) return all[0]!;
  return make<'product'>({ kind: 'product', shape, factors: all }, all, '');
}

export function hadamard(factors: readonly MatrixExpr[]): MatrixExpr {
  const scalars: MatrixExpr[] = [];
  const entrywise: MatrixExpr[] = [];
  for (const f of factors.flatMap((f) => (f.kind === 'hadamard' ? f.factors : [f]))) {
    const parts = f.kind === 'product' ? productParts(f) : undefined;
    if (isScalar(f.shape)) scalars.push(f);
    else if (f.kind === 'ones') continue;
    else if (parts !== undefined && parts.chain.length === 1) {
      // (c·α·M) ⊙ N = c·α·(M ⊙ N): the numbers and scalars of a factor multiply the whole.
      scalars.push(number(parts.coefficient));
      for (const x of parts.scalars) scalars.push(x);
      if (parts.chain[0]!.kind !== 'ones') entrywise.push(parts.chain[0]!);
    } else entrywise.push(f);
  }
  const shape = entrywise.length > 0 ? entrywise[0]!.shape : factors.find((f) => !isScalar(f.shape))?.shape ?? scalarShape;
  for (const f of entrywise) if (!sameShape(f.shape, shape)) throw misfit('an entrywise product of two shapes');
  if (entrywise.some(isZeroNode)) return zero(shape);
  // 𝟏 alone stays: a ⊙ 𝟏 is a, but 𝟏 ⊙ 𝟏 is 𝟏.
  const core = entrywise.length === 0 ? ones(shape)
    : entrywise.length === 1 ? entrywise[0]! : make<'hadamard'>({ kind: 'hadamard', shape, factors: entrywise }, entrywise, '');
  return scalars.length === 0 ? core : product([...scalars, core]);
}

/** Each entry to the power q: q = 1 is the base, q = 0 ones; a number's power is a number where it is exact. */
export function power(base: MatrixExpr, q: Rational): MatrixExpr {
  if (isOne(q)) return base;
  if (isZero(q)) return ones(base.shape);
  if (base.kind === 'number' && isInteger(q)) {
    const value = isZero(base.value) && q.s < 0n ? undefined : powInteger(base.value, q.s * q.n);
    if (value !== undefined) return number(value);
  }
  if (base.kind === 'ones') return base;
  // (u^a)^n is u^(a·n) for a whole n, on every real u where u^a is defined.
  if (base.kind === 'power' && isInteger(q)) return power(base.base, base.exponent.mul(q));
  return make<'power'>({ kind: 'power', shape: base.shape, base, exponent: q }, [base], q.toFraction());
}

export const elementwise = (name: FunctionName, argument: MatrixExpr): MatrixExpr =>
  make<'elementwise'>({ kind: 'elementwise', shape: argument.shape, name, argument }, [argument], name);

export function transpose(e: MatrixExpr): MatrixExpr {
  if (isScalar(e.shape)) return e;
  switch (e.kind) {
    case 'transpose': return e.operand;
    // diag(v) is symmetric.
    case 'function': if (e.name === 'diag' && (e.operand.shape.cols === 1 || e.operand.shape.rows === 1)) return e;
      return make<'transpose'>({ kind: 'transpose', shape: transposed(e.shape), operand: e }, [e], '');
    case 'product': {
      // (c·α·M)ᵀ = c·α·Mᵀ: numbers and scalars are their own transposes.
      const { coefficient, scalars, chain } = productParts(e);
      if (chain.length === 1) return product([number(coefficient), ...scalars, transpose(chain[0]!)]);
      return make<'transpose'>({ kind: 'transpose', shape: transposed(e.shape), operand: e }, [e], '');
    }
    case 'identity': return e;
    case 'ones': return ones(transposed(e.shape));
    case 'zero': return zero(transposed(e.shape));
    default: return make<'transpose'>({ kind: 'transpose', shape: transposed(e.shape), operand: e }, [e], '');
  }
}

/** A function of a vector or matrix; of a scalar, what it is for a number. */
export function matrixFunction(name: OperandFunctionName, operand: MatrixExpr): MatrixExpr {
  const shape = functionShapes[name](operand.shape);
  if (typeof shape === 'string') throw misfit(shape);
  if (isScalar(operand.shape)) {
    switch (name) {
      case 'sum': case 'tr': case 'det': case 'diag': case 'logsumexp': return operand;
      case 'inv': return power(operand, rational(-1));
      case 'norm': return elementwise('abs', operand);
      case 'softmax': return int(1);
    }
  }
  // The sum, norm, trace, determinant and logsumexp of Aᵀ are those of A.
  if (operand.kind === 'transpose' && ['sum', 'norm', 'tr', 'det', 'logsumexp'].includes(name)) return matrixFunction(name, operand.operand);
  // tr(diag(v)) = sum(v); diag(diag(v)) = v; diag(α·I) = α·𝟏.
  if (name === 'tr' && operand.kind === 'function' && operand.name === 'diag' && operand.operand.shape.cols === 1) return matrixFunction('sum', operand.operand);
  if (name === 'diag' && operand.kind === 'function' && operand.name === 'diag' && operand.operand.shape.cols === 1) return operand.operand;
  if (name === 'diag' && operand.kind === 'identity') return ones({ rows: operand.shape.rows, cols: 1 });
  if (name === 'diag' && operand.kind === 'product' && isSquare(operand.shape)) {
    const parts = productParts(operand);
    if (parts.chain.length === 1 && parts.chain[0]!.kind === 'identity') return product([number(parts.coefficient), ...parts.scalars, ones({ rows: operand.shape.rows, cols: 1 })]);
  }
  // The diagonal of Aᵀ is that of A.
  if (name === 'diag' && operand.kind === 'transpose' && isSquare(operand.shape) && !isScalar(operand.shape)) return matrixFunction(name, operand.operand);
  if (name === 'inv' && operand.kind === 'function' && operand.name === 'inv') return operand.operand;
  if (name === 'inv' && operand.kind === 'identity') return operand;
  return make<'function'>({ kind: 'function', shape, name, operand }, [operand], name);
}

/**
 * A run of a chain that is 1×1 between a column before it and more after it (u·vᵀ·w is
 * (vᵀw)·u) is a scalar: it moves out of the chain to the scalars, and what stood either side of
 * it multiply as an outer product. The chain then holds no scalar it could be read as.
 */
function extractScalarRuns(chain: MatrixExpr[], scalars: MatrixExpr[]): void {
  for (let i = 0; i < chain.length; i++) {
    if (chain[i]!.shape.rows !== 1) continue;
    let j = i;
    while (j < chain.length && chain[j]!.shape.cols !== 1) j++;
    // The whole chain 1×1 (xᵀAx) is the product itself, not a scalar factor of it.
    if (j >= chain.length || (i === 0 && j === chain.length - 1)) continue;
    const run = chain.splice(i, j - i + 1);
    scalars.push(run.length === 1 ? run[0]! : make<'product'>({ kind: 'product', shape: scalarShape, factors: run }, run, ''));
    i--;
  }
}
