import type { Expr } from '../expr/types.js';
import { call, div, int } from '../expr/factory.js';
import { equals } from '../expr/traverse.js';
import { fromTemplate } from '../expr/template.js';
import { functionTable, type FunctionName } from '../functions/table.js';

/**
 * ∂f/∂uᵢ at these arguments, from the table's partial derivatives. An associative f of more
 * than two arguments is f(uᵢ, f(the others)), so its derivative by uᵢ is ∂f/∂u there:
 * ∂/∂a max(a, b, c) = heaviside(a − max(b, c)).
 *
 * The least or greatest of some arguments is the same with repeats left out, max(u, u, v) =
 * max(u, v), and the copies of uᵢ share its derivative: each of the three in max(x, x, x) has
 * 1/3, where heaviside(0) = 1/2 for each would sum to 3/2.
 */
export function partialDerivative(name: FunctionName, i: number, args: readonly Expr[]): Expr {
  const { partials, extreme, associative } = functionTable[name];
  if (!partials) throw new Error(`internal error: ${name} has no partial derivatives in the table`);
  const ui = args[i]!;
  const copies = args.filter((a) => equals(a, ui)).length;
  if (extreme && copies > 1) {
    const others = distinct(args.filter((a) => !equals(a, ui)));
    const ofOne = others.length === 0 ? int(1) : partialDerivative(name, 0, [ui, ...others]);
    return div(ofOne, int(copies));
  }
  const pairwise = associative && args.length > 2;
  const partial = pairwise ? partials[0] : partials[i];
  if (partial === null || partial === undefined) throw new Error(`internal error: ${name} has no partial derivative by argument ${i + 1}`);
  if (!pairwise) return fromTemplate(partial, args);
  return fromTemplate(partial, [ui, call(name, args.filter((_, k) => k !== i))]);
}

/**
 * The arguments at which the table's kink formula is taken, for the arguments that vary. An
 * associative function of more than two arguments is f(uᵢ, f(the others)): max(x, 2x, 1) has a
 * kink where x = max(2x, 1) or 2x = max(x, 1), that is where its largest value is taken twice.
 * Repeats are left out: max(x, x, 1) has its only kink at x = 1, max(x, x) none.
 */
export function kinkArguments(name: FunctionName, args: readonly Expr[], varies: (arg: Expr) => boolean): (readonly Expr[])[] {
  const different = functionTable[name].extreme ? distinct(args) : args;
  if (different.length === 1 && args.length > 1) return [];
  if (different.length <= 2) return [different];
  return different.flatMap((ui) => (varies(ui) ? [[ui, call(name, different.filter((a) => a !== ui))]] : []));
}

const distinct = (args: readonly Expr[]): Expr[] => args.filter((a, k) => !args.slice(0, k).some((b) => equals(a, b)));
