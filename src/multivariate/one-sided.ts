import type { Expr } from '../expr/types.js';
import { call } from '../expr/factory.js';
import { children, foldTree, withChildren } from '../expr/traverse.js';
import { fromTemplate } from '../expr/template.js';
import { functionTable } from '../functions/table.js';
import { NoPreciseValue, PreciseEvaluator } from '../evaluate/precise.js';
import type { Decimal } from 'decimal.js';

/*
 * f on one side of a point. A function with a kink (|u|, relu, max, sign, heaviside, …) is, on
 * each side of the place where its argument is 0, one smooth expression (|u| is u above and −u
 * below, as the function table says). Put in for every such function, f becomes the smooth
 * expression it is just right or just left of the point: x·|x| is x² on the right and −x² on
 * the left, √relu(x) is 0 left of 0. Their derivatives at the point are f's one-sided derivatives.
 */

export type Side = 'right' | 'left';

/** How far from the point a side is looked at, and the digits it is looked at with: far below any scale an input has. */
const nearby = '1e-30';
const digits = 60;

/**
 * f as it is just on one side of the point (the variable a little above or below its value, the
 * others at theirs); undefined where a kink's side cannot be told there or f has none.
 */
export function pieceOn(f: Expr, variable: string, point: Readonly<Record<string, Expr>>, side: Side): Expr | undefined {
  const calculator = new PreciseEvaluator(digits);
  let env: Record<string, Decimal>;
  try {
    env = Object.fromEntries(Object.entries(point).map(([name, value]) => [name, calculator.evaluate(value, {})]));
  } catch (error) {
    if (error instanceof NoPreciseValue) return undefined;
    throw error;
  }
  const shifted = { ...env, [variable]: env[variable]!.add(side === 'right' ? nearby : `-${nearby}`) };
  let replaced = false;
  try {
    const piece = foldTree<Expr>(f, (node, of) => {
      if (node.kind !== 'call') return withChildren(node, children(node).map(of));
      const args = node.args.map(of);
      const entry = functionTable[node.name];
      const sides = entry.notDifferentiable?.sides;
      if (!sides || args.length > 2) return call(node.name, args);
      const bound = args.length === 1 && entry.defaultSecond !== undefined ? [args[0]!, fromTemplate(entry.defaultSecond, [])] : args;
      const value = calculator.evaluate(fromTemplate(entry.notDifferentiable!.of, bound), shifted);
      if (!value.isFinite() || value.isZero()) throw new NoSide();
      replaced = true;
      return fromTemplate(sides[value.isPositive() ? 0 : 1], bound);
    });
    return replaced ? piece : undefined;
  } catch (error) {
    if (error instanceof NoSide || error instanceof NoPreciseValue) return undefined;
    throw error;
  }
}

/** A kink whose side cannot be told near the point. */
class NoSide extends Error {}
