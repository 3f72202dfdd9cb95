/** A request that cannot be answered as asked (ambiguous variable, order out of range, result too large). */
export class InputError extends Error {
  override readonly name = 'InputError';
}
