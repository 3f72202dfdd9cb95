import type { Expr } from '../expr/types.js';
import type { Place } from '../parse/parse.js';
import { errorAt } from '../parse/errors.js';
import { isInteger, isNegative, rational, toNumber } from '../expr/rational.js';
import { matrixFunctionSpellings, matrixFunctionTable, matrixOperators } from '../functions/matrix-table.js';
import { postOrder } from '../expr/traverse.js';
import type { MatrixExpr } from './types.js';
import * as m from './factory.js';
import { functionShapes } from './function-shapes.js';
import { isColumn, isRow, isScalar, isSquare, sameShape, scalarShape, shapeWords, type Shape, type Shapes } from './shape.js';

/*
 * The tree the reader gave in matrix notation (products, sums, transposes and entrywise
 * operations of names, as written) made a tree of matrix notation by the shapes declared:
 * a product of a matrix and a vector is a matrix product, A^-1 an inverse, a number in a sum
 * of vectors is in every entry. Each operation whose shapes do not fit is refused where its
 * operator is, naming both shapes.
 */

/** What reading needs: the input (for located errors), where each node's operators are, and the shapes. */
export interface MatrixSource {
  readonly text: string;
  readonly places: ReadonlyMap<Expr, Place> | undefined;
  readonly shapes: Shapes;
}

/** The tree of matrix notation an expression read in matrix notation stands for. */
export function readMatrix(expr: Expr, source: MatrixSource): MatrixExpr {
  const built = new Map<Expr, MatrixExpr>();
  for (const node of postOrder(expr)) if (!built.has(node)) built.set(node, readNode(node, (e) => built.get(e)!, source));
  return built.get(expr)!;
}

/** A name for a part in messages: its name where it is a name (or one transposed), else what it is. */
function nameOf(e: Expr): string | undefined {
  if (e.kind === 'variable') return e.name;
  if (e.kind === 'apply' && e.name === matrixOperators.transpose && e.args[0]!.kind === 'variable') return `${e.args[0]!.name}ᵀ`;
  return undefined;
}

/** "W, a 3×4 matrix", or "a 3×4 matrix" for a part with no name. */
const called = (e: Expr, shape: Shape): string => {
  const name = nameOf(e);
  return name === undefined ? shapeWords(shape) : `${name} (${shapeWords(shape).replace(/^an? /, '')})`;
};

function readNode(node: Expr, of: (e: Expr) => MatrixExpr, source: MatrixSource): MatrixExpr {
  const place = source.places?.get(node);
  const fail = (at: number | undefined, message: string): never => {
    throw errorAt(source.text, at ?? place?.at ?? 0, message);
  };
  switch (node.kind) {
    case 'num': return m.number(node.value);
    case 'constant': return m.constant(node.name);
    case 'variable': return m.variable(node.name, source.shapes.get(node.name) ?? scalarShape);
    case 'neg': return m.neg(of(node.operand));
    case 'add': {
      const terms = node.terms.map(of);
      const shape = terms.find((t) => !isScalar(t.shape))?.shape;
      if (shape !== undefined) {
        terms.forEach((t, i) => {
          // A number is added to every entry; any other scalar is not a vector.
          if (isScalar(t.shape) && !isNumber(t)) {
            fail(place?.operators[Math.max(0, i - 1)], `${called(node.terms[i]!, t.shape)} is added to ${shapeWords(shape)}: a sum's terms have one shape (a number is added to every entry; for a scalar s in every entry write s*ones(${shape.rows}${shape.cols > 1 ? `, ${shape.cols}` : ''}))`);
          }
          if (!isScalar(t.shape) && !sameShape(t.shape, shape)) {
            const first = terms.findIndex((u) => !isScalar(u.shape));
            fail(place?.operators[Math.max(0, i - 1)], `${called(node.terms[first]!, shape)} and ${called(node.terms[i]!, t.shape)} are added: a sum's terms have one shape`);
          }
        });
      }
      return m.add(terms);
    }
    case 'mul': {
      let acc = of(node.factors[0]!);
      node.factors.slice(1).forEach((factor, k) => {
        const next = of(factor);
        if (!multiplies(acc.shape, next.shape)) {
          const left = k === 0 ? called(node.factors[0]!, acc.shape) : shapeWords(acc.shape);
          const right = called(factor, next.shape);
          const hint = isColumn(acc.shape) && sameShape(acc.shape, next.shape) ? ': for their dot product write u\'*v, for the entrywise product u .* v' : '';
          fail(place?.operators[k], `${left} times ${right}: a matrix product needs as many columns on the left (${acc.shape.cols}) as rows on the right (${next.shape.rows})${hint}`);
        }
        acc = m.product([acc, next]);
      });
      return acc;
    }
    case 'div': {
      const numerator = of(node.numerator);
      const denominator = of(node.denominator);
      if (!isScalar(denominator.shape)) {
        fail(place?.operators[0], `${called(node.denominator, denominator.shape)} divides: division is by a scalar (divide entrywise with ./)`);
      }
      return m.product([numerator, m.power(denominator, rational(-1))]);
    }
    case 'pow': {
      const base = of(node.base);
      const exponent = of(node.exponent);
      const at = place?.operators[0];
      if (exponent.kind !== 'number') {
        return fail(at, `a power with ${isScalar(exponent.shape) ? 'an exponent that is not a number' : `${shapeWords(exponent.shape)} for exponent`} is not read in matrix notation: write exp(b*log(a)) for a^b`);
      }
      if (isScalar(base.shape)) return m.power(base, exponent.value);
      const q = exponent.value;
      if (!isSquare(base.shape) || !isInteger(q)) {
        return fail(at, `${called(node.base, base.shape)} to the power ${q.toFraction()}: a power is of a scalar, or a whole power of a square matrix (for each entry to a power write .^, as in x.^2; for the squared norm norm(x)^2)`);
      }
      // A^n is the product of n factors A; A^-n that of the inverse.
      const factor = isNegative(q) ? m.matrixFunction('inv', base) : base;
      const n = Number(q.abs().n);
      return n === 0 ? m.identity(base.shape.rows) : m.product(Array.from({ length: n }, () => factor));
    }
    case 'call': {
      if (node.args.length !== 1) {
        return fail(undefined, `${node.name} of ${node.args.length} arguments is not read in matrix notation: a function of the table is applied to one vector or matrix, entry by entry`);
      }
      return m.elementwise(node.name, of(node.args[0]!));
    }
    case 'apply': return readApply(node, of, fail, place);
    case 'derivative': return fail(undefined, 'a derivative left to work out is not read in matrix notation');
  }
}

const isNumber = (e: MatrixExpr): boolean => e.kind === 'number';

/** Whether a product of these shapes is defined: as matrices, or one of them a scalar. */
const multiplies = (left: Shape, right: Shape): boolean => isScalar(left) || isScalar(right) || left.cols === right.rows;

function readApply(node: Expr & { kind: 'apply' }, of: (e: Expr) => MatrixExpr, fail: (at: number | undefined, message: string) => never, where: Place | undefined): MatrixExpr {
  const args = node.args.map(of);
  // The function's name, or the operator: the place of the node itself.
  const place = undefined;
  switch (node.name) {
    case matrixOperators.transpose: return m.transpose(args[0]!);
    case matrixOperators.hadamard: {
      const shape = args.find((a) => !isScalar(a.shape))?.shape;
      args.forEach((a, i) => {
        if (shape !== undefined && !isScalar(a.shape) && !sameShape(a.shape, shape)) {
          fail(where?.operators[i - 1], `${called(node.args[0]!, args[0]!.shape)} and ${called(node.args[i]!, a.shape)} are multiplied entrywise: ⊙ takes two of one shape`);
        }
      });
      return m.hadamard(args);
    }
    case matrixOperators.hadamardQuotient: {
      const [a, b] = args as [MatrixExpr, MatrixExpr];
      if (!isScalar(a.shape) && !isScalar(b.shape) && !sameShape(a.shape, b.shape)) {
        fail(place, `${called(node.args[0]!, a.shape)} is divided entrywise by ${called(node.args[1]!, b.shape)}: ⊘ takes two of one shape`);
      }
      return isScalar(b.shape) ? m.product([a, m.power(b, rational(-1))]) : m.hadamard([a, m.power(b, rational(-1))]);
    }
    case matrixOperators.hadamardPower: {
      const [base, exponent] = args as [MatrixExpr, MatrixExpr];
      if (exponent.kind !== 'number') fail(place, 'an entrywise power .^ takes a number for exponent, as in x.^2');
      return m.power(base, (exponent as MatrixExpr & { kind: 'number' }).value);
    }
  }
  const name = matrixFunctionSpellings.get(node.name);
  if (name === undefined) {
    return fail(place, `${node.name}(…) is a function dydx does not know: in matrix notation a function is one of the table (applied entry by entry) or one of ${Object.keys(matrixFunctionTable).join(', ')}`);
  }
  const [fewest, most] = matrixFunctionTable[name].arity;
  if (args.length < fewest || args.length > most) {
    fail(place, `${node.name} takes ${fewest === most ? fewest : `${fewest} or ${most}`} argument${most === 1 ? '' : 's'}, got ${args.length}: ${matrixFunctionTable[name].meaning}`);
  }
  switch (name) {
    case 'dot': {
      const [u, v] = args as [MatrixExpr, MatrixExpr];
      if (!sameShape(u.shape, v.shape) || !(isColumn(u.shape) || isRow(u.shape) || isScalar(u.shape))) {
        return fail(place, `dot(${called(node.args[0]!, u.shape)}, ${called(node.args[1]!, v.shape)}): the dot product is of two vectors of one length`);
      }
      return isRow(u.shape) ? m.product([u, m.transpose(v)]) : m.product([m.transpose(u), v]);
    }
    case 'eye': case 'ones': case 'zeros': {
      const sizes = args.map((a) => (a.kind === 'number' && isInteger(a.value) && toNumber(a.value) >= 1 ? toNumber(a.value) : undefined));
      if (sizes.some((s) => s === undefined)) fail(place, `${name} takes sizes, whole numbers from 1, as in ${name}(3)`);
      const shape: Shape = { rows: sizes[0]!, cols: name === 'eye' ? sizes[0]! : sizes[1] ?? 1 };
      return name === 'eye' ? m.identity(shape.rows) : name === 'ones' ? m.ones(shape) : m.zero(shape);
    }
    default: {
      const operand = args[0]!;
      const shape = functionShapes[name](operand.shape);
      if (typeof shape === 'string') return fail(place, `${name}(${called(node.args[0]!, operand.shape)}): ${shape}`);
      return m.matrixFunction(name, operand);
    }
  }
}
