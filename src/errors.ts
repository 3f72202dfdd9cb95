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

/**
 * A time limit that long work checks now and then: past it, the work stops with an InputError
 * that names the limit and how to raise it. Checking the clock is cheap, but not free: it is
 * read once in `every` calls.
 */
export class Deadline {
  private calls = 0;
  constructor(private readonly at: number, private readonly seconds: number, private readonly every = 256) {}

  static after(seconds: number | undefined): Deadline | undefined {
    return seconds === undefined ? undefined : new Deadline(Date.now() + seconds * 1000, seconds);
  }

  check(): void {
    if (++this.calls % this.every !== 0) return;
    if (Date.now() > this.at) {
      throw new InputError(`stopped after ${this.seconds} s, the limit on time (--timeout, timeout): the work has not finished`, 'limit');
    }
  }
}
