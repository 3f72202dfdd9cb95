import type { Decimal } from 'decimal.js';

/*
 * Values in arbitrary precision for the entries decimal.js computes; the others are worked out
 * from their definitions. Each value has the precision of its arguments' Decimal constructor:
 * the static functions are called on that constructor, not on the global one.
 */

/** The Decimal constructor (and so the precision) a value was made with. */
const constructorOf = (u: Decimal): typeof Decimal => u.constructor as typeof Decimal;

/** ln u, or the logarithm of u to base b. */
export const preciseLogarithm = (u: Decimal, base?: Decimal): Decimal => (base === undefined ? u.ln() : u.ln().div(base.ln()));

export const preciseMin = (u: Decimal, v: Decimal): Decimal => constructorOf(u).min(u, v);
export const preciseMax = (u: Decimal, v: Decimal): Decimal => constructorOf(u).max(u, v);
export const preciseAtan2 = (y: Decimal, x: Decimal): Decimal => constructorOf(y).atan2(y, x);
