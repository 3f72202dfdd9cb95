import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ParseError, visible } from '../parse/errors.js';
import { InputError, type InputProblem } from '../errors.js';
import { inputErrorMessage } from '../print/input-error.js';
import { simplifyForms } from '../simplify/simplify.js';
import { codeTargets } from '../codegen/targets.js';
import { formats, type Format } from '../questions/format.js';
import type { OptionKey, Outcome, Question, Request } from '../questions/question.js';
import { questionFor, takes } from '../questions/registry.js';
import { formatsOf, inputGiven, readingOptions } from '../questions/question.js';
import { headingOf, latexDocument } from '../questions/document.js';
import { noteNotation, written } from '../questions/write.js';
import { readingNote, withReading } from '../questions/reading.js';
import { linesOfFile } from './lines-file.js';

function packageVersion(): string {
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Exit statuses: documented in the README. */
export const exitCode = { ok: 0, internal: 1, badInput: 2, checkFailed: 3, notChecked: 4, incorrect: 5 } as const;

/** Where the CLI reads and writes; the real process in main.ts, buffers in tests. */
export interface CliIO {
  readonly write: (text: string) => void;
  readonly writeError: (text: string) => void;
  /** Lines of standard input, read only in batch mode. */
  readonly lines: () => AsyncIterable<string>;
  readonly stdinIsTerminal: boolean;
  readonly stdoutIsTerminal: boolean;
  /** Whether colour is wanted: a terminal, and NO_COLOR not set. */
  readonly colour?: boolean;
}

/** The options as the command line parses them: a request, before the format and colour are settled. */
type Options = Omit<Request, 'format' | 'colour' | 'steps'> & { readonly format?: Format; readonly steps?: Request['steps'] | true };

/** Runs the command line; returns the exit status instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = new Command()
    .name('dydx')
    .description('Differentiate an expression symbolically and print the derivative.')
    .argument('[expression]', "the expression, e.g. '1/(1+exp(-x))'; '-' or none (with piped input) reads one per line")
    .option('-v, --var <names>', 'variable to differentiate by (default: x if present, else the only variable); several give the gradient (--var x,y), one named twice a mixed partial (--var x,y,x)', nameList)
    .option('--hessian', 'the Hessian: every second partial derivative, each mixed one worked out once')
    .option('--det', "with a vector [f, g], the Jacobian's determinant too")
    .option('--implicit <y>', 'differentiate an equation implicitly, this variable a function of the other: "x^2 + y^2 = 1" --implicit y')
    .option('--at <point>', 'the derivative at a point, exact where it can be: --at x=2, --at x=pi/4,y=1')
    .option('--tangent', 'with --at, the tangent line (or plane) there')
    .option('--normal', 'with --at, the normal line there')
    .option('--direction <vector>', 'with --at, the derivative in this direction: --direction 1,1', nameList)
    .option('--shape <shapes>', 'read the input in matrix notation, with these shapes: --shape W=3x4,x=4 (x a column of 4); any other name is a scalar', nameList)
    .option('--function <names>', 'read these names as functions, as f, g and h are: --function phi,psi makes phi(x, y) an unknown function of x and y', nameList)
    .option('--vars <names>', 'read these names of several letters as one variable each (without, rate is r·a·t·e): --vars rate,loss', nameList)
    .option('-n, --order <n>', 'how many times to differentiate (default 1): at most 1000, or any number where the derivatives repeat', parseOrder)
    .addOption(new Option('--input <notation>', 'how the input is written: auto reads LaTeX when it has a command (\\frac) or ^{').choices(['auto', 'text', 'latex']).default('auto'))
    .addOption(new Option('-f, --format <format>', 'output format (default: unicode on a terminal, else text)').choices(formats))
    .option('--no-simplify', 'print the derivative exactly as the rules give it, untidied')
    .addOption(new Option('--form <form>', 'how to write the answer: auto picks the simplest and writes exponentials as σ where simpler; exp never does').choices(simplifyForms).default('auto'))
    .addOption(new Option('--steps [detail]', 'print the derivation step by step: full (default) or brief').choices(['brief', 'full']))
    .option('--latex-document', 'with --format latex, print a standalone amsmath document')
    .option('--max-length <n>', 'longest input, in characters (default 1000000)', parseCount)
    .option('--max-depth <n>', 'deepest nesting (default 100000)', parseCount)
    .option('--max-digits <n>', 'most digits of a number, its exponent counted (default 1000)', parseCount)
    .option('--timeout <seconds>', 'most seconds an answer may take (default 10)', parseSeconds, 10)
    .option('--max-memory <MB>', 'most megabytes of heap the work may use (default 700)', parseCount, 700)
    .option('--max-nodes <n>', 'largest derivative, in tree nodes (default 2000000)', parseCount)
    .option('--max-shown <n>', 'most expression nodes a derivation may show with --steps (default 1000000)', parseCount)
    .option('--answer <answers>', "check your own derivative (several separated by ';'): correct (exit 0), incorrect (5, with the likely mistake) or undecided (4)")
    .option('--answers-file <path>', "grade a class: one answer per line, each judged on its own, then how many are right and the mistakes most often made")
    .option('--answer-file <path>', "check your working: one expression per line, each claimed equal to the line before (the first to the derivative); names the first that is not")
    .option('--in-terms-of-output', "write the derivative with the function's own value y: σ′ = y·(1 − y); where none exists, says why")
    .option('--graph', 'the computation graph: one node per distinct part, and the backward pass (each adjoint ∂f/∂v); with --at, both passes at the point (--format dot for Graphviz)')
    .addOption(new Option('--emit <target>', 'write code for the function and its derivative together, every shared part computed once').choices(codeTargets))
    .option('--name <name>', 'with --emit, the name of the function (default: sigmoid for sigmoid(x), else f)')
    .option('--unsafe', 'with --emit, write σ, softplus, ln(1 + u) … as the formulas are, not in forms that neither overflow nor cancel')
    .option('--with-check', 'with --emit, also write a function that compares the derivatives with central differences')
    .option('--check', 'verify the answer (and with --steps every equality shown) against finite differences; exit 3 if it fails, 4 if no point could be used')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.write, writeErr: io.writeError });

  try {
    program.parse(expressionsAfterOptions(argv), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCode.ok : exitCode.badInput;
    }
    throw error;
  }
  const options = program.opts<Options>();
  const format: Format = options.format ?? (io.stdoutIsTerminal ? 'unicode' : 'text');
  const expression = program.args[0];
  const request: Request = { ...options, format, steps: options.steps === true ? 'full' : options.steps, colour: io.colour === true, readLines: linesOfFile };
  // The options given on the command line, each to be taken by the question asked (defaults are no one's choice).
  const given = Object.keys(options).filter((key) => program.getOptionValueSource(key) === 'cli') as OptionKey[];

  if (expression === undefined && io.stdinIsTerminal) {
    io.writeError(program.helpInformation());
    return exitCode.badInput;
  }
  if (expression === undefined || expression === '-') {
    let status: number = exitCode.ok;
    let number = 0;
    for await (const line of io.lines()) {
      number++;
      // A blank line answers with a blank line, keeping answers in step with the input, and is no error.
      if (line.trim() === '') {
        io.write(format === 'json' ? `${JSON.stringify({ input: line, line: number })}\n` : '\n');
        continue;
      }
      const lineStatus = answer(line, request, given, io, number);
      if (severity(lineStatus) > severity(status)) status = lineStatus;
    }
    return status;
  }
  return answer(expression, request, given, io, undefined);
}

/**
 * An expression may start with a minus sign (`dydx "-x^2"`, `dydx "-f(x)"`). An argument
 * that starts with a single '-' and is not exactly one of the short options -v -n -f -h -V
 * is such an expression: it goes after '--' so the option parser leaves it alone.
 */
function expressionsAfterOptions(argv: readonly string[]): string[] {
  const rest: string[] = [];
  const expressions: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const rest of argv.slice(i + 1)) expressions.push(rest);
      break;
    }
    if (/^-[^-]/.test(arg) && !/^-[vnfhV]$/.test(arg)) {
      expressions.push(arg);
      continue;
    }
    // --steps takes an optional detail; an expression after it is not that detail.
    if (arg === '--steps' && !['brief', 'full'].includes(argv[i + 1] ?? '')) {
      rest.push('--steps=full');
      continue;
    }
    rest.push(arg);
    // The value of an option that takes one is not an expression, even if it starts with '-'.
    if (/^(-[vnf]|--var|--order|--format|--form|--max-length|--max-depth|--max-digits|--timeout|--max-memory|--max-nodes|--max-shown|--vars|--input|--function|--emit|--name|--at|--direction|--implicit|--answer|--answer-file|--answers-file|--shape)$/.test(arg) && i + 1 < argv.length) rest.push(argv[++i]!);
  }
  return expressions.length > 0 ? [...rest, '--', ...expressions] : rest;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0)) throw new InvalidArgumentError('a time limit is a number of seconds such as 30.');
  return seconds;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a limit must be a whole number such as 5000.');
  return Number(value);
}

/** Names from --function and --vars: comma-separated, and the option may be given more than once. */
function nameList(value: string, previous: readonly string[] | undefined): readonly string[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new InvalidArgumentError('give one or more names, such as phi or phi,psi.');
  return [...(previous ?? []), ...names];
}

function parseOrder(value: string): number | bigint {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('the order must be a whole number such as 2.');
  const order = BigInt(value);
  return order <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(order) : order;
}

/** How bad an exit status is, for batch mode's worst line: internal error, bad input, failed check, unverified. */
const severity = (status: number): number =>
  [exitCode.ok, exitCode.notChecked, exitCode.checkFailed, exitCode.incorrect, exitCode.badInput, exitCode.internal].indexOf(status as never);

/** The exit status of each outcome of a question. */
export const outcomeStatus: Readonly<Record<Outcome, number>> = {
  'ok': exitCode.ok, 'not-checked': exitCode.notChecked, 'check-failed': exitCode.checkFailed, 'incorrect': exitCode.incorrect, 'unreadable': exitCode.badInput,
};

/**
 * Answers one input: the question it and the options ask, refused when an option given is not
 * one that question takes. Writes the answer or the error; returns the exit status. In batch
 * mode `line` is the input's line number, which every message about it names.
 */
function answer(input: string, request: Request, given: readonly OptionKey[], io: CliIO, line: number | undefined): number {
  const { format } = request;
  const batch = line !== undefined;
  const prefix = batch ? `line ${line} ("${visible(truncate(input))}"): ` : '';
  try {
    const asked = inputGiven(input, request);
    const question = questionFor(asked, request);
    refuseUntaken(question, request, given);
    const answered = question.answer(asked, request);
    const shown = withReading(answered.shown, asked);
    const output = request.latexDocument
      ? latexDocument(answered.heading ?? headingOf(question.title, input, readingOptions(request)), shown, request)
      : written(shown, request);
    // The reading goes beside every answer whenever it is not what was typed: the first thing to check.
    const read = answered.readAs ? answered.readAs(noteNotation(format)) : readingNote(asked, noteNotation(format));
    // A derivation has blank lines of its own: in batch mode two separate one derivation from the next.
    const separator = batch && request.steps !== undefined && format !== 'json' ? '\n\n' : '';
    io.write(`${output}\n${separator}`);
    // JSON holds all there is to say: the notes beside an answer are for a person reading it.
    if (format !== 'json') for (const note of [...(read ? [read] : []), ...answered.notes]) io.writeError(`${prefix}${note}\n`);
    return outcomeStatus[answered.outcome];
  } catch (error) {
    const status = error instanceof ParseError || error instanceof InputError ? exitCode.badInput : exitCode.internal;
    const message = status === exitCode.internal ? `internal error: ${(error as Error).message}`
      : error instanceof InputError ? inputErrorMessage(error) : (error as Error).message;
    if (format === 'json') {
      const located = error instanceof ParseError ? { line: error.line, column: error.column } : { line: null, column: null };
      // A long input is echoed in part, with its length.
      const echoed = input.length > echoedLength ? { input: input.slice(0, echoedLength), inputLength: input.length } : { input };
      io.write(`${JSON.stringify({ ...echoed, ...(batch ? { line } : {}), error: { message, ...located } })}\n`);
    } else {
      // In batch mode an empty answer line keeps answers in step with input lines.
      if (batch) io.write('\n');
      const detail = error instanceof ParseError ? error.format() : message;
      io.writeError(`dydx: ${prefix}${visible(detail)}${error instanceof InputError ? hints[error.problem] : ''}\n`);
    }
    return status;
  }
}

/** Options that only add to another's question: --tangent to --at's. */
const addsTo: Partial<Record<OptionKey, OptionKey>> = { tangent: 'at', normal: 'at', direction: 'at', name: 'emit', unsafe: 'emit', withCheck: 'emit' };

/** Refuses an option given that the question does not take, and combinations no format has, naming both. */
function refuseUntaken(question: Question, request: Request, given: readonly OptionKey[]): void {
  // The question is named by the option that asked it, where one did.
  const asking = question.askedBy !== undefined && given.includes(question.askedBy) ? question.askedBy : undefined;
  const asked = asking ? flag(asking) : question.title;
  if (question.variables === 'one' && (request.var?.length ?? 0) > 1) throw new InputError(`${asked} takes one variable, not --var ${request.var!.join(',')}`, 'invalid-request');
  for (const option of given) {
    if (takes(question, option)) continue;
    const partner = addsTo[option];
    if (partner !== undefined && !given.includes(partner)) throw new InputError(`${flag(option)} goes with ${flag(partner)}`, 'invalid-request');
    const own = question.takes.filter((o) => o !== asking).map(flag);
    const why = question.refuses?.[option];
    throw new InputError(`${flag(option)} does not go with ${asked}: ${question.title} takes ${own.length > 0 ? own.join(', ') : 'none of the other options'}${why ? ` (${why})` : ''}`, 'invalid-request');
  }
  if (request.latexDocument && request.format !== 'latex') throw new InputError('--latex-document goes with --format latex', 'invalid-request');
  const writtenIn = formatsOf(question);
  if (!writtenIn.includes(request.format)) {
    throw new InputError(`--format ${request.format} does not go with ${asked}: ${question.title} is written as ${listed(writtenIn.filter((f) => f !== 'unicode'))}`, 'invalid-request');
  }
}

/** Words in a list: "a", "a or b", "a, b or c". */
const listed = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** An option as the command line spells it: maxShown is --max-shown, simplify is --no-simplify. */
const flag = (option: OptionKey): string => (option === 'simplify' ? '--no-simplify' : `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);

/** What the command line adds to an error, by its kind: the option that settles it. */
const hints: Readonly<Record<InputProblem, string>> = {
  'ambiguous-variable': ' (use --var)',
  'ambiguous-dependent': ' (use --implicit)',
  'invalid-request': '',
  'limit': '',
  'no-counterpart': '',
  'no-value': '',
};

/** How much of a long input a JSON error echoes. */
const echoedLength = 200;


const truncate = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
