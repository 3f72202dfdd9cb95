import type { Expr } from '../expr/types.js';
import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import { toSuperscript } from '../expr/letters.js';

/*
 * Vectors and matrices of expressions: [a, b] and [[a, b], [c, d]] in text and Unicode (rows
 * are functions, columns variables), pmatrix in LaTeX, the gradient a column there.
 */


/** A vector: [a, b], or a column in LaTeX. */
export function vectorIn(items: readonly Expr[], notation: Notation): string {
  const print = printerFor(notation);
  if (notation === 'latex') return `\\begin{pmatrix} ${items.map(print).join(' \\\\ ')} \\end{pmatrix}`;
  return `[${items.map(print).join(', ')}]`;
}

/** A matrix by rows: [[a, b], [c, d]], or a pmatrix in LaTeX. */
export function matrixIn(rows: readonly (readonly Expr[])[], notation: Notation): string {
  const print = printerFor(notation);
  if (notation === 'latex') return `\\begin{pmatrix} ${rows.map((r) => r.map(print).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
  return `[${rows.map((r) => `[${r.map(print).join(', ')}]`).join(', ')}]`;
}

/**
 * ∂f/∂x, ∂²f/∂y∂x in Unicode, d^2f/dydx in text, \frac{\partial^{2} f}{\partial y \partial x} in LaTeX,
 * for f differentiated by the variables in the order given: the last is written first.
 */
export function partialName(f: string, variables: readonly string[], notation: Notation): string {
  const n = variables.length;
  const by = [...variables].reverse();
  switch (notation) {
    case 'text': return `d${n > 1 ? `^${n}` : ''}${f}/${by.map((v) => `d${v}`).join('')}`;
    case 'unicode': return `∂${n > 1 ? toSuperscript(n) : ''}${f}/${by.map((v) => `∂${v}`).join('')}`;
    case 'latex': return `\\frac{\\partial${n > 1 ? `^{${n}}` : ''} ${f}}{${by.map((v) => `\\partial ${v}`).join(' ')}}`;
  }
}
