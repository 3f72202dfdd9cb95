import { functionTable, oneArgumentDerivative, type FunctionName } from '../../src/functions/table.js';

/** The classic derivations kept as golden files: name, input, and the variable when it is not x. */
export const classics: [name: string, input: string, variable?: string][] = [
  ['sigmoid', '1/(1+e^(-x))'],
  ['product', 'x^2*sin(x)'],
  ['quotient-of-polynomials', '(x^2 + 1)/(x - 1)'],
  ['chain-of-three', 'ln(cos(x^3))'],
  ['x-to-the-x', 'x^x'],
  ['many-terms', '3x^4 - 2x^3 + x^2/2 - 7x + 5'],
  ['sigmoid-of-affine', 'sigmoid(w*x + b)', 'w'],
  ['tanh', 'tanh(3x+1)'],
  ['softplus', 'softplus(x)'],
  ['log-base-2', 'log(x^2 + 1, 2)'],
  ['exponential-base-a', '2^(3x)'],
  ['abstract-function', 'f(x^2)*g(x)'],
  ['sech', 'sech(x^2)'],
  ['csch', 'csch(3x)'],
  ['coth-squared', 'coth(x)^2'],
];

/**
 * A call of the function on an inner function of x, so that the chain rule shows: sin(x² + 1),
 * max(x², x + 1), polygamma(1, x² + 1); for a function defined on a bounded interval, an inner
 * function that stays inside it: asin(sin(x)/2).
 */
export function functionExample(name: FunctionName): string {
  const { arity: given, discreteArguments, domain, partials } = functionTable[name];
  // Of one argument without a derivative by it (ζ(s)): the example takes the two-argument form.
  const arity = given[0] === 1 && oneArgumentDerivative(functionTable[name]) === undefined ? [2, given[1]] as const : given;
  const bounded = domain?.intervals.find((i) => Number.isFinite(i.low) && Number.isFinite(i.high));
  if (arity[0] === 1 && bounded) {
    const middle = (bounded.low + bounded.high) / 2;
    return `${name}(${middle === 0 ? '' : `${middle} + `}${(bounded.high - bounded.low) / 4}*sin(x))`;
  }
  // Defined below a bound only (K(m) for m < 1): an inner function that stays a whole unit below it.
  const below = domain?.intervals.length === 1 ? domain.intervals[0]! : undefined;
  if (arity[0] === 1 && below && below.low === -Infinity && Number.isFinite(below.high)) return `${name}(${below.high - 2} - x^2)`;
  if (arity[0] === 1) return `${name}(x^2 + 1)`;
  // A first argument held fixed: a whole number (polygamma's order), or one with no partial in closed form;
  // the polylogarithm's second inside [−1, 1], where its series converges; a second without a partial in closed form held fixed.
  if (name === 'polylog') return `${name}(2, sin(x)/2)`;
  // Marcum's Q is of a > 0 and b ≥ 0.
  if (name === 'marcumq') return `${name}(3/2, x^2 + 1/2, 1 + sin(x)^2)`;
  // I_x(a, b) is of 0 ≤ x ≤ 1.
  if (name === 'beta_incomplete_regularized') return `${name}(1/2, 3/2, (1 + sin(x))/3)`;
  // Of three or four arguments: a whole-number argument at 3, one without a partial in closed form at 1/2, the others
  // functions of x inside (−1, 1), where the polynomials, the associated Legendre functions and Π(n; φ | m) are all defined.
  if (arity[0] >= 3) {
    const args = partials!.map((p, i) => (discreteArguments?.includes(i) ? '3' : p === null ? '1/2' : `sin(x)/${i + 2}`));
    return `${name}(${args.join(', ')})`;
  }
  // W₋₁ is real on [−1/e, 0).
  if (name === 'generalized_lambert_w') return `${name}(-1, -1/(3 + x^2))`;
  // Π(n | m) is real for n < 1 and m < 1.
  if (name === 'ellippi') return `${name}(sin(x)/2, cos(x)/3)`;
  // erfinv(y + erf(x)) is real where y + erf(x) lies in (−1, 1).
  if (name === 'erf2inv') return `${name}(sin(x)/2, x^2/(4 + x^2))`;
  if (partials?.[1] === null) return `${name}(x^2 + 1, 1/2)`;
  return discreteArguments?.includes(0) ? `${name}(1, x^2 + 1)` : partials?.[0] === null ? `${name}(2, x^2 + 1)` : `${name}(x^2, x + 1)`;
}

