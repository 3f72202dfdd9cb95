import type { Expr } from '../expr/types.js';
import type { Notation } from './precedence.js';
import { toText, toUnicode } from './linear.js';
import { toLatex } from './latex.js';

/** The printer of a notation: toText, toUnicode or toLatex. */
export const printerFor = (notation: Notation): ((e: Expr) => string) =>
  (notation === 'text' ? toText : notation === 'unicode' ? toUnicode : toLatex);
