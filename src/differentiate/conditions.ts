import { num, variable as variableNode } from '../expr/factory.js';
import { dependsOn, equals } from '../expr/traverse.js';
import { polynomialOverNumber } from '../algebra/factored.js';
import { normalForm } from '../algebra/normal-form.js';
import { univariateOf } from '../algebra/univariate.js';
import { ratioOf, toFraction } from '../algebra/ratio.js';
import * as Z from '../algebra/integer.js';
import type { Condition, DiffStep } from '../diff/steps.js';
import { simplify } from '../simplify/simplify.js';

/**
 * The conditions a derivative holds under, from the steps that record one (|u| has no
 * derivative at u = 0), each tidied, solved for the variable where it is linear in it
 * (2x + 1 ≠ 0 is x ≠ −1/2), and listed once.
 */
export function conditionsOf(step: DiffStep, variable: string): Condition[] {
  const found: Condition[] = [];
  const seen = new Set<DiffStep>();
  const stack = [step];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const condition of s.exceptWhere ?? []) {
      const c = tidied(condition, variable);
      if (dependsOn(c.left, variable) && !found.some((f) => sameCondition(f, c))) found.push(c);
    }
    for (const sub of s.substeps) stack.push(sub);
  }
  return found;
}

export const sameCondition = (a: Condition, b: Condition): boolean => a.kind === b.kind && equals(a.left, b.left) && equals(a.right, b.right);

function tidied(c: Condition, variable: string): Condition {
  const left = simplify(c.left);
  if (c.kind !== 'not-equal') return { ...c, left };
  // a·x + b ≠ 0 with numbers a ≠ 0 and b: x ≠ −b/a.
  const polynomial = polynomialOverNumber(normalForm(left));
  const p = polynomial && univariateOf(polynomial.poly);
  if (p?.atom?.kind === 'variable' && p.atom.name === variable && p.coefficients.length === 2) {
    const [b, a] = p.coefficients as [Z.Int, Z.Int];
    return { kind: 'not-equal', left: variableNode(variable), right: num(toFraction(ratioOf(Z.neg(b), a))) };
  }
  return { ...c, left, right: c.right };
}

/** Whether a condition holds at a point, given the values of its two sides there. */
export const holdsAt = (c: Condition, left: number, right: number): boolean =>
  c.kind === 'not-equal' ? left !== right : !Number.isInteger(left - right);

