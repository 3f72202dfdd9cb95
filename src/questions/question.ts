import { InputError } from '../errors.js';
import { ParseError } from '../parse/errors.js';
import { readInput, type Input, type InputReading, type Reading } from '../parse/parse.js';
import { everyAnswerFormats, type Format } from './format.js';
import type { Shown } from './write.js';
import type { StepDetail } from '../print/steps-text.js';
import type { SimplifyForm } from '../simplify/simplify.js';
import type { Target } from '../codegen/targets.js';

/**
 * What was asked about one input, each field one option of the command line (named in camel
 * case: maxShown is --max-shown) and undefined where it was not given.
 */
export interface Request {
  readonly var?: readonly string[];
  readonly vars?: readonly string[];
  readonly function?: readonly string[];
  readonly input: 'text' | 'latex' | 'auto';
  readonly order?: number | bigint;
  readonly format: Format;
  readonly simplify: boolean;
  readonly form: SimplifyForm;
  readonly steps?: StepDetail;
  readonly latexDocument?: boolean;
  readonly check?: boolean;
  readonly answer?: string;
  readonly answerFile?: string;
  readonly answersFile?: string;
  readonly maxLength?: number;
  readonly maxDepth?: number;
  readonly maxDigits?: number;
  readonly timeout: number;
  readonly maxMemory: number;
  readonly maxNodes?: number;
  readonly maxShown?: number;
  readonly emit?: Target;
  readonly name?: string;
  readonly unsafe?: boolean;
  readonly withCheck?: boolean;
  readonly inTermsOfOutput?: boolean;
  readonly hessian?: boolean;
  readonly det?: boolean;
  readonly at?: string;
  readonly tangent?: boolean;
  readonly normal?: boolean;
  readonly direction?: readonly string[];
  readonly implicit?: string;
  readonly graph?: boolean;
  /** Shapes of vectors and matrices, W=3x4 and x=4: the input is read in matrix notation. */
  readonly shape?: readonly string[];
  /** Whether the answer may be coloured (a terminal): not an option of its own. */
  readonly colour: boolean;
  /**
   * The lines of a file that say something, with their numbers, where files can be read (the
   * command line): the questions that take a file read it through this, not themselves.
   */
  readonly readLines?: (path: string, what: string) => readonly { readonly number: number; readonly text: string }[];
}

/** An option a question may take: a field of the request. */
export type OptionKey = Exclude<keyof Request, 'colour' | 'readLines'>;

/** The lines of a file a question takes, through the request's reader; refused where there is none. */
export function linesOf(request: Request, path: string, what: string): readonly { readonly number: number; readonly text: string }[] {
  if (!request.readLines) throw new InputError(`${what} cannot be read from a file here`, 'invalid-request');
  return request.readLines(path, what);
}

/** Options every question takes: how the input is read, the limits on the work, and the format. */
export const everyQuestionTakes: readonly OptionKey[] = ['input', 'function', 'vars', 'maxLength', 'maxDepth', 'maxDigits', 'timeout', 'maxMemory', 'format'];

/**
 * How an answer came out, beyond being written: a failed check, an answer judged wrong and a
 * student's answer that cannot be read (while the others are judged) are each a status of their own.
 */
export type Outcome = 'ok' | 'check-failed' | 'not-checked' | 'incorrect' | 'unreadable';

export interface Answered {
  /** The answer, as written in any format (see write.ts). */
  readonly shown: Shown;
  /** Lines that go beside the answer (standard error): how the input was read, where it holds, verdicts. */
  readonly notes: readonly string[];
  readonly outcome: Outcome;
  /** What is answered, as LaTeX running text, to head a standalone document: "Derivative of $x^2$ with respect to $x$". */
  readonly heading?: string;
  /** How the input was read, where the question says so itself (matrix notation): the note beside the answer, or none. */
  readonly readAs?: (notation: 'text' | 'unicode') => string | undefined;
}

/** One kind of question: when an input and its options ask it, the options it takes, and its answer. */
export interface Question {
  readonly name: string;
  /** The question in a few words, for messages: "an implicit derivative". */
  readonly title: string;
  /** The options it takes besides those every question takes; any other is refused. */
  readonly takes: readonly OptionKey[];
  /** The option that asks it, where one does (--emit asks for code): messages name the question by it. */
  readonly askedBy?: OptionKey;
  /** Whether it is by one variable (--var x) or takes several (--var x,y). */
  readonly variables: 'one' | 'several';
  /** The formats it is written in, when not those every answer is written in (`everyAnswerFormats`). */
  readonly formats?: readonly Format[];
  /** Why it does not take an option a reader might expect it to: said when the option is refused. */
  readonly refuses?: Readonly<Partial<Record<OptionKey, string>>>;
  /** Whether the input and options ask this question (the registry asks each in turn; the first that says yes answers). */
  readonly asks: (given: Given, request: Request) => boolean;
  readonly answer: (given: Given, request: Request) => Answered;
}

/** The input as typed, and read whole once for every question that looks at it. */
export interface Given {
  readonly text: string;
  /** What the input reads as, by the request's reading options; undefined where it does not read (the question answering says why). */
  readonly reading: () => InputReading | undefined;
}

/** The formats a question's answer is written in. */
export const formatsOf = (question: Question): readonly Format[] => question.formats ?? everyAnswerFormats;

/** The input given, read when first asked for. */
export function inputGiven(text: string, request: Request): Given {
  let reading: InputReading | undefined | null = null;
  return {
    text,
    reading: () => {
      if (reading === null) {
        try {
          reading = readInput(text, readingOptions(request));
        } catch (error) {
          if (!(error instanceof InputError || error instanceof ParseError)) throw error;
          reading = undefined;
        }
      }
      return reading;
    },
  };
}

/** The reading of an input that is an expression, read once; otherwise its text, whose reading says what is wrong. */
export function expressionRead(given: Given): Reading | string {
  const reading = given.reading();
  if (reading?.whole.kind !== 'expression') return given.text;
  const { whole: { expr }, notation, request, notes } = reading;
  return { expr, notation, request, notes };
}

/** The kind of whole input given: an expression, an equation, a vector or a vector function. */
export const kindOf = (given: Given): Input['kind'] | undefined => given.reading()?.whole.kind;

/** The worst of several outcomes: unreadable, then incorrect, then a failed check, then unchecked. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  const order: readonly Outcome[] = ['ok', 'not-checked', 'check-failed', 'incorrect', 'unreadable'];
  return outcomes.reduce((w, o) => (order.indexOf(o) > order.indexOf(w) ? o : w), 'ok' as Outcome);
}

/** The outcome of numeric checks: a failure above an unchecked one. */
export const checkOutcome = (verdict: 'verified' | 'failed' | 'unchecked'): Outcome =>
  (verdict === 'verified' ? 'ok' : verdict === 'failed' ? 'check-failed' : 'not-checked');

/** How the input is read and the limits on the work, as the library's functions take them. */
export const readingOptions = (request: Request) => ({
  maxLength: request.maxLength, maxDepth: request.maxDepth, maxDigits: request.maxDigits, maxNodes: request.maxNodes,
  timeout: request.timeout, maxMemory: request.maxMemory, abstractFunctions: request.function,
  // A name given to --var is a name, as one given to --vars is: rate in rate*x^2 --var x,rate.
  variables: [...(request.vars ?? []), ...(request.var ?? []), ...shapeNames(request)], notation: request.input,
  ...(request.shape !== undefined ? { matrixNotation: true } : {}),
});

/** The names --shape declares: each is read as one name. */
const shapeNames = (request: Request): string[] => (request.shape ?? []).map((d) => d.split('=')[0]!.trim()).filter((n) => /^[A-Za-z][A-Za-z0-9_]*$/.test(n));

/** The one variable of a question that takes one; several are refused, naming the question. */
export function oneVariable(request: Request, title: string): string | undefined {
  if ((request.var?.length ?? 0) > 1) throw new InputError(`${title} is by one variable, not ${request.var!.join(', ')}`, 'invalid-request');
  return request.var?.[0];
}
