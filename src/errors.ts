import type { Expr } from './expr/types.js';

/** Why a request cannot be answered as asked: callers act on this, never on the wording of the message. */
export type InputProblem =
  /** The expression has several variables and none was chosen. */
  | 'ambiguous-variable'
  /** An equation with no variable that is clearly the function of the other (y). */
  | 'ambiguous-dependent'
  /** An order or a variable name that is not one. */
  | 'invalid-request'
  /** Past a limit: the order, the size of a derivative or derivation, the depth of nesting. */
  | 'limit'
  /** A construct with no counterpart in another system (mathjs). */
  | 'no-counterpart'
  /** An expression, or a derivative's formula, with a part that has no value (1/0, log 0): it has none anywhere. */
  | 'no-value';

/** A request that cannot be answered as asked (ambiguous variable, order out of range, result too large). */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** `part`: the part of the expression the problem is in, where it is one (for printers to name it). */
  constructor(message: string, readonly problem: InputProblem, readonly part?: Expr) {
    super(message);
  }
}

/**
 * Limits on time and memory that long work checks now and then (`checkLimits`): past one, the
 * work stops with an InputError that names the limit and how to raise it. Reading the clock
 * and the heap is cheap, but not free: they are read once in a number of checks.
 */
export class WorkLimits {
  private checks = 0;
  private constructor(
    private readonly at: number, private readonly seconds: number | undefined, private readonly heapBytes: number | undefined,
  ) {}

  /** Limits of this many seconds and megabytes of heap (either may be absent), or none. */
  static of(seconds: number | undefined, megabytes: number | undefined): WorkLimits | undefined {
    if (seconds === undefined && megabytes === undefined) return undefined;
    return new WorkLimits(seconds === undefined ? Infinity : Date.now() + seconds * 1000, seconds, megabytes === undefined ? undefined : megabytes * 2 ** 20);
  }

  check(): void {
    // Some checks stand between long steps (one term of a product of two large polynomials):
    // the clock is read often enough that the limit is kept to a fraction of a second.
    if (++this.checks % clockEvery !== 0) return;
    if (Date.now() > this.at) {
      throw new InputError(`stopped after ${this.seconds} s, the limit on time (--timeout, timeout): the work has not finished`, 'limit');
    }
    if (this.heapBytes !== undefined && this.checks % heapEvery === 0 && heapUsed() > this.heapBytes) {
      throw new InputError(`stopped at ${Math.round(this.heapBytes / 2 ** 20)} MB, the limit on memory (--max-memory, maxMemory): the work needs more`, 'limit');
    }
  }
}

/** How often the clock is read, and the heap (which costs more), in checks. */
const clockEvery = 16;
const heapEvery = 256;

/** The JavaScript heap in use, where the runtime says (Node); 0 elsewhere. */
function heapUsed(): number {
  const memory = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process?.memoryUsage;
  return memory ? memory().heapUsed : 0;
}

/**
 * The limits of the work under way: set for the length of one call (`withinLimits`), so that any
 * loop that may run long checks them without each layer passing them down. Work is synchronous,
 * so one call's limits cannot leak into another's.
 */
let active: WorkLimits | undefined;

let working = false;

export function withinLimits<T>(limits: WorkLimits | undefined, work: () => T): T {
  const before = active;
  const outermost = !working;
  // Between two pieces of work nothing is half done: tables of shared parts may be emptied then.
  if (outermost) for (const hook of betweenWorks) hook(false);
  working = true;
  // Work without limits of its own, inside work with some, keeps the outer ones.
  active = limits ?? before;
  try {
    return work();
  } finally {
    active = before;
    if (outermost) working = false;
  }
}

const betweenWorks: ((all: boolean) => void)[] = [];

/**
 * Runs `hook` before each piece of work that no other work is under way around (see withinLimits):
 * where a table that parts of the work share may be emptied without two of them ever meeting
 * entries from before and after. `all` is true when every such table is to be emptied (forgetWork).
 */
export function beforeEachWork(hook: (all: boolean) => void): void {
  betweenWorks.push(hook);
}

/**
 * Empties every table that pieces of work share (the trees made, the monomials), as if nothing had
 * been worked out before: a benchmark calls it before each run, so that a run is timed doing its
 * work and not finding the results of the run before. Not during a piece of work.
 */
export function forgetWork(): void {
  if (working) throw new Error('internal error: forgetWork during a piece of work');
  renewTables();
}

/**
 * Empties every shared table, during a piece of work too: only where the work carries nothing
 * on but a tree it builds again at once (renewedIfFull in expr/renew.ts).
 */
export function renewTables(): void {
  for (const hook of betweenWorks) hook(true);
}

/** Stops the work under way with an InputError if it is past its limits (see WorkLimits). */
export function checkLimits(): void {
  active?.check();
}
