import type { Condition } from '../diff/steps.js';
import { toText, toUnicode } from './linear.js';
import { toLatex } from './latex.js';

/*
 * Where a derivative holds, written out: "x ≠ 0", "x ∉ ℤ" (a whole number), in each notation,
 * and joined into a phrase for the CLI and the derivation printers.
 */

export type ConditionNotation = 'text' | 'unicode' | 'latex';

export function conditionIn(c: Condition, notation: ConditionNotation): string {
  const zero = c.right.kind === 'num' && c.right.value.n === 0n;
  switch (notation) {
    case 'text': return c.kind === 'not-equal' ? `${toText(c.left)} != ${toText(c.right)}`
      : `${toText(c.left)}${zero ? '' : ` - (${toText(c.right)})`} is not an integer`;
    case 'unicode': return c.kind === 'not-equal' ? `${toUnicode(c.left)} ≠ ${toUnicode(c.right)}`
      : `${toUnicode(c.left)}${zero ? '' : ` − (${toUnicode(c.right)})`} ∉ ℤ`;
    case 'latex': return c.kind === 'not-equal' ? `${toLatex(c.left)} \\neq ${toLatex(c.right)}`
      : `${toLatex(c.left)}${zero ? '' : ` - \\left(${toLatex(c.right)}\\right)`} \\notin \\mathbb{Z}`;
  }
}

/** "x ≠ 0 and x ≠ 1": the conditions together, in one notation. */
export const conditionsIn = (conditions: readonly Condition[], notation: ConditionNotation): string =>
  conditions.map((c) => conditionIn(c, notation)).join(notation === 'latex' ? ',\\ ' : ' and ');
