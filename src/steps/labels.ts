import type { RewriteId } from '../simplify/rewrite.js';

/*
 * The wording of the simplification and of the rest of a derivation, apart from the stable ids
 * it describes, so it can be changed or translated without touching the rules or breaking JSON
 * consumers. The differentiation rules' names are with their general forms, in rules-shown.ts.
 */

/** The name of each rewrite, by id. */
export const rewriteLabels: Readonly<Record<RewriteId, string>> = {
  'flatten-sum': 'flatten the sum',
  'add-numbers': 'add the numbers',
  'cancel-opposite-terms': 'cancel opposite terms',
  'flatten-product': 'flatten the product',
  'multiply-by-zero': 'multiply by zero',
  'collect-coefficient': 'collect the numeric factor',
  'multiply-by-reciprocal': 'multiply by a reciprocal',
  'divide-by-itself': 'divide by itself',
  'negate-sum': 'take the sign into the sum',
  'double-negation': 'double negation',
  'sign-out-of-quotient': 'move the sign out of the fraction',
  'divide-by-one': 'divide by one',
  'zero-numerator': 'zero numerator',
  'power-of-zero': 'power of zero',
  'power-of-one': 'power of one',
  'one-to-a-power': 'one to a power',
  'fold-power': 'evaluate the power',
  'power-of-power': 'power of a power',
  'zero-to-a-power': 'zero to a power',
  'exact-value': 'exact value',
  'cancel-inverse': 'a function undoes its inverse',
  'inverse-in-closed-form': 'a function of an inverse function in closed form',
  'power-of-base-log': 'a base to the logarithm in that base',
  'root-of-power': 'root of a power',
  'fewer-arguments': 'drop arguments that cannot be the extreme',
  'abs-of-nonnegative': 'absolute value of what is not negative',
  'relu-root-beside-step': 'a root of relu beside its step, where relu(u) = |u|',
  'square-identity': 'identity for a square (sin² + cos² = 1, cosh² − sinh² = 1)',
  'quotient-as-function': 'write the quotient as a function',
  'reduce-numeric-fraction': 'reduce the fraction',
  'collect-like-terms': 'collect like terms',
  'combine-powers': 'combine powers',
  'cancel-common-factors': 'cancel common factors',
  'order-factors': 'order the factors',
  'negative-power-as-fraction': 'negative power as a fraction',
  'fractional-power-as-root': 'fractional power as a root',
  'power-of-root': 'power of a root',
  'lowest-terms': 'write in lowest terms',
  'add-and-subtract-one': 'add and subtract 1 in the numerator',
  'split-fraction': 'split into fractions',
  'cancel-in-each-fraction': 'cancel common factors',
  'factor-out': 'factor out the common factor',
  'substitute-sigmoid': 'substitute the sigmoid',
  'normal-form-in-sigmoid': 'collect terms',
  'rewrite-in-sigmoid': 'write in terms of the sigmoid',
  'expand': 'expand',
  'factor': 'factor',
  'group-terms': 'group the terms by their functions',
  'order-terms': 'write a term without a minus sign first, or the sign in front',
};

/** The other words a derivation uses. */
export const words = {
  derivativeOf: 'derivative of',
  withRespectTo: 'with respect to',
  with: 'with',
  simplify: 'simplify',
  answer: 'answer',
  holdsFor: 'for',
  combine: 'combining',
  /** A run of tidying rewrites shown as one line. */
  tidyUp: (n: number): string => `tidy up (${n} rewrites)`,
  /** A part worked out before, referred to: "as in 1.2". */
  asIn: (step: string): string => `as in ${step}`,
  order: (n: number): string => `order ${n}`,
  /** Where the derivatives start to repeat, and what that makes the order asked for. */
  cycle: (found: number, from: number, length: number, asked: number | bigint, answer: number, factor?: string, repeats?: bigint): string => {
    const every = length === 1 ? 'order' : `${length} orders`;
    const itself = from === 0 ? ' (the expression itself)' : '';
    return factor === undefined
      ? `the derivative of order ${found} is that of order ${from}${itself}: from order ${from} on they repeat every ${every}, `
        + `so the derivative of order ${asked} is that of order ${answer}`
      : `the derivative of order ${found} is ${factor} times that of order ${from}${itself}: from order ${from} on every ${every} `
        + `multiply it by ${factor}, so the derivative of order ${asked} is (${factor})^${repeats} times that of order ${answer}`;
  },
} as const;

/** A label at the start of a line: 'quotient rule' → 'Quotient rule'. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
