import { postOrder } from '../../src/expr/traverse.js';
import type { Expr } from '../../src/expr/types.js';

/**
 * Functions whose mathjs values are less exact than dydx's, so a difference there says nothing
 * about a misreading: acsch, asech and acoth as ln(1/x + √(1/x² + 1)) and the like subtract two
 * numbers near 1/|x| (acoth(8.7·10¹⁰) is off in the fifth digit); csch and coth divide by
 * e^(2x) − 1 near 0; floor, ceil and round first take a value within 10⁻¹² of a whole number
 * to it (ceil(10⁻¹⁵) is 0).
 */
const lessExactInMathjs: ReadonlySet<string> = new Set(['acsch', 'asech', 'acoth', 'csch', 'coth', 'floor', 'ceil', 'round']);

/** Whether mathjs evaluates every function in `e` as exactly as dydx does. */
export function mathjsEvaluatesExactly(e: Expr): boolean {
  return postOrder(e).every((n) => n.kind !== 'call' || !lessExactInMathjs.has(n.name));
}
