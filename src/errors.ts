/** Why a request cannot be answered as asked: callers act on this, never on the wording of the message. */
export type InputProblem =
  /** The expression has several variables and none was chosen. */
  | 'ambiguous-variable'
  /** An order or a variable name that is not one. */
  | 'invalid-request'
  /** Past a limit: the order, the size of a derivative or derivation, the depth of nesting. */
  | 'limit'
  /** A construct with no counterpart in another system (mathjs). */
  | 'no-counterpart';

/** A request that cannot be answered as asked (ambiguous variable, order out of range, result too large). */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string, readonly problem: InputProblem) {
    super(message);
  }
}
