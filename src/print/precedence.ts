import type { Expr } from '../expr/types.js';
import type { MatrixExpr } from '../matrix/types.js';
import { productParts } from '../matrix/factory.js';
import { isScalar } from '../matrix/shape.js';
import { isInteger, isNegative, isTerminating } from '../expr/rational.js';
import { functionTable } from '../functions/table.js';

/**
 * The one precedence table. Every printer asks it whether a child needs
 * parentheses; none decides that from strings. Higher binds tighter.
 */
export const precedence = {
  /** a + b, a − b */
  sum: 1,
  /** a leading sign, which covers a whole product: −x·y is −(x·y) */
  sign: 2,
  /** a·b, a/b, 2x */
  product: 3,
  /** a^b, and prefix roots √x */
  power: 4,
  /** numbers, names, f(x), and anything self-delimiting */
  atom: 5,
} as const;

export type Notation = 'text' | 'unicode' | 'latex';

/** How tightly a node binds as printed in a notation. */
export function precedenceOf(e: Expr, notation: Notation): number {
  switch (e.kind) {
    case 'add': return precedence.sum;
    case 'neg': return precedence.sign;
    case 'mul': return precedence.product;
    case 'div': return notation === 'latex' ? precedence.atom : precedence.product;
    case 'pow': return precedence.power;
    case 'num': {
      if (isNegative(e.value)) return precedence.sign;
      const plain = isInteger(e.value) || (e.decimal && isTerminating(e.value));
      return plain || notation === 'latex' ? precedence.atom : precedence.product;
    }
    case 'call': {
      if (notation === 'text') return precedence.atom;
      const spelling = notation === 'latex' ? functionTable[e.name].latex : functionTable[e.name].unicode;
      // e^u binds as a power does, and so does √u written with a sign before its argument.
      return spelling.kind === 'power-of-e' || spelling.kind === 'prefix' ? precedence.power : precedence.atom;
    }
    case 'constant': case 'variable': case 'apply': case 'derivative':
      return precedence.atom;
  }
}

/** Minimum precedence a child needs in each position to print without parentheses. */
export const required = {
  firstTerm: precedence.sign,
  /** what follows a binary minus or plus */
  laterTerm: precedence.product,
  signOperand: precedence.product,
  /** the first factor of a product or the numerator of a quotient */
  firstFactor: precedence.product,
  laterFactor: precedence.power,
  denominator: precedence.power,
  base: precedence.atom,
  exponent: precedence.power,
  rootOperand: precedence.atom,
} as const;

/**
 * How tightly a node of matrix notation binds as printed. An entrywise product binds as a
 * product does, and the printers bracket one inside the other either way: (a ⊙ b)·xᵀ.
 */
export function matrixPrecedenceOf(e: MatrixExpr, notation: Notation): number {
  switch (e.kind) {
    case 'add': return precedence.sum;
    case 'product': {
      const { coefficient } = productParts(e);
      if (isNegative(coefficient)) return precedence.sign;
      return precedence.product;
    }
    case 'hadamard': return precedence.product;
    case 'number': {
      if (isNegative(e.value)) return precedence.sign;
      return isInteger(e.value) || notation === 'latex' ? precedence.atom : precedence.product;
    }
    // xᵀ, A⁻¹ and x.^2 are postfix, and bind as powers do; 1 ⊘ x is a quotient.
    case 'power': return !isScalar(e.shape) && e.exponent.equals(-1) ? precedence.product : precedence.power;
    case 'transpose': return precedence.power;
    case 'function': return e.name === 'inv' && notation !== 'text' ? precedence.power : precedence.atom;
    case 'elementwise': {
      if (notation === 'text' || !isScalar(e.shape)) return precedence.atom;
      const spelling = notation === 'latex' ? functionTable[e.name].latex : functionTable[e.name].unicode;
      return spelling.kind === 'power-of-e' || spelling.kind === 'prefix' ? precedence.power : precedence.atom;
    }
    case 'variable': case 'constant': case 'identity': case 'ones': case 'zero': case 'differential':
      return precedence.atom;
  }
}
