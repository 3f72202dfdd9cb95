import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { differentiate } from '../differentiate/differentiate.js';
import { ParseError, visible } from '../parse/errors.js';
import { InputError, type InputProblem } from '../errors.js';
import { formats, render, type Format, type RenderOptions } from './render.js';
import type { StepDetail } from '../print/steps-text.js';
import { simplifyForms, type SimplifyForm } from '../simplify/simplify.js';
import { checkDerivative, type CheckReport } from '../check/check.js';
import { verdictLine } from '../check/verdict.js';
import { conditionsIn } from '../print/conditions.js';
import { words } from '../steps/labels.js';
import type { Reading } from '../parse/parse.js';
import { readingIn } from '../print/reading.js';
import { checkAnswer, checkWorking } from '../answer/check-answer.js';
import { answerLines, workingLines } from '../print/answer.js';
import { toText, toUnicode } from '../print/linear.js';
import { answerJson, checkJson, outputFormJson, printed, workingJson } from './json.js';
import { inTermsOfOutput } from '../backprop/in-terms-of-output.js';
import { answerPartials, asksForPartials } from './partials.js';
import { answerAt } from './at-point.js';
import { checkImplicit, implicit } from '../multivariate/implicit.js';
import { softmax, softmaxCall } from '../multivariate/softmax.js';
import { softmaxAnswer, softmaxPattern, softmaxWorked } from '../print/softmax.js';
import { implicitAnswer, implicitWorked, implicitVerdict } from '../print/implicit.js';
import { workedIn } from '../print/worked.js';
import { noFormReason, outputAnswer, outputConditions, outputStepLines } from '../print/output-form.js';
import { generateCode } from '../codegen/generate.js';
import { codeTargets, type Target } from '../codegen/targets.js';

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

interface Options {
  readonly var?: readonly string[];
  readonly vars?: readonly string[];
  readonly input: 'text' | 'latex' | 'auto';
  readonly order?: number | bigint;
  readonly format?: Format;
  readonly simplify: boolean;
  readonly form: SimplifyForm;
  readonly steps?: StepDetail | true;
  readonly latexDocument?: boolean;
  readonly check?: boolean;
  readonly answer?: string;
  readonly answerFile?: string;
  readonly maxLength?: number;
  readonly maxDepth?: number;
  readonly maxDigits?: number;
  readonly timeout: number;
  readonly maxMemory: number;
  readonly maxNodes?: number;
  readonly maxShown?: number;
  readonly function?: readonly string[];
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
}

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
    .option('--answer-file <path>', "check your working: one expression per line, each claimed equal to the line before (the first to the derivative); names the first that is not")
    .option('--in-terms-of-output', "write the derivative with the function's own value y: σ′ = y·(1 − y); where none exists, says why")
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
  const output = {
    format,
    steps: options.steps === true ? 'full' as const : options.steps,
    document: options.latexDocument === true,
    colour: io.colour === true,
    maxShownNodes: options.maxShown,
  };

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
      const lineStatus = answer(line, options, output, io, number);
      if (severity(lineStatus) > severity(status)) status = lineStatus;
    }
    return status;
  }
  return answer(expression, options, output, io, undefined);
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
    if (/^(-[vnf]|--var|--order|--format|--form|--max-length|--max-depth|--max-digits|--timeout|--max-memory|--max-nodes|--max-shown|--vars|--input|--function|--emit|--name|--at|--direction|--implicit)$/.test(arg) && i + 1 < argv.length) rest.push(argv[++i]!);
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

/** The worst of several exit statuses (0 for none). */
const worst = (statuses: readonly number[]): number => statuses.reduce((w, s) => (severity(s) > severity(w) ? s : w), exitCode.ok);

/** The exit status of a numeric check: 0 verified, 3 failed, 4 no usable point. */
export function checkStatus(report: CheckReport): number {
  switch (report.verdict) {
    case 'verified': return exitCode.ok;
    case 'failed': return exitCode.checkFailed;
    case 'unchecked': return exitCode.notChecked;
  }
}

/**
 * Differentiates one input and writes its answer, or its error; returns the exit status. In
 * batch mode `line` is the input's line number, which every message about it names.
 */
function answer(input: string, options: Options, output: RenderOptions, io: CliIO, line: number | undefined): number {
  const { format } = output;
  const batch = line !== undefined;
  const prefix = batch ? `line ${line} ("${visible(truncate(input))}"): ` : '';
  try {
    if (options.answerFile !== undefined) return checkWorkingFile(input, options, output, io, prefix);
    if (options.answer !== undefined) return checkAnswers(input, options, output, io, prefix);
    if (options.emit !== undefined) {
      const code = generateCode(input, {
        target: options.emit, name: options.name, stable: options.unsafe !== true, withCheck: options.withCheck === true,
        variables: options.var, variableNames: options.vars, abstractFunctions: options.function,
        maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits, maxNodes: options.maxNodes, timeout: options.timeout, maxMemory: options.maxMemory, notation: options.input,
      });
      io.write(format === 'json' ? `${JSON.stringify({ input, target: options.emit, code })}\n` : code);
      return exitCode.ok;
    }
    if (options.inTermsOfOutput) return answerInTermsOfOutput(input, options, output, io, prefix);
    if (options.implicit !== undefined) return answerImplicit(input, options, output, io, prefix);
    if (softmaxCall(input) !== undefined) return answerSoftmax(input, options, output, io, prefix);
    if (options.at !== undefined) return answerAtPoint(input, options, output, io, prefix);
    const pointOnly = (['tangent', 'normal', 'direction'] as const).find((o) => options[o] !== undefined);
    if (pointOnly) throw new InputError(`--${pointOnly} goes with --at`, 'invalid-request');
    if (asksForPartials(input, options.var, options.hessian === true, options.det === true)) return answerSeveral(input, options, output, io, prefix);
    const onlyWithEmit = (['name', 'unsafe', 'withCheck'] as const).find((o) => options[o] !== undefined);
    if (onlyWithEmit) throw new InputError(`--${onlyWithEmit.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --emit`, 'invalid-request');
    const started = Date.now();
    const d = differentiate(input, {
      variable: options.var?.[0], order: options.order, simplify: options.simplify, form: options.form,
      maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits, maxNodes: options.maxNodes, timeout: options.timeout, maxMemory: options.maxMemory,
      abstractFunctions: options.function, variables: options.vars, notation: options.input,
    });
    // The check has what is left of the time: the answer is there already, and it judges by the points it reached.
    const left = Math.max(0.001, options.timeout - (Date.now() - started) / 1000);
    const check = options.check ? checkDerivative(d, { steps: output.steps !== undefined, maxShownNodes: output.maxShownNodes, timeout: left }) : undefined;
    // A derivation has blank lines of its own: in batch mode two separate one derivation from the next.
    const separator = batch && output.steps !== undefined && format !== 'json' ? '\n\n' : '';
    io.write(`${render(input, d, output, check)}\n${separator}`);
    // The reading goes beside the answer whenever it is not what was typed: the first thing to check.
    const read = d.reading && format !== 'json' ? readAsLine(input, d.reading, format === 'unicode' ? 'unicode' : 'text') : undefined;
    if (read) io.writeError(`${prefix}${read}\n`);
    // Where the answer holds goes beside it, as the verdict does (a derivation says so in its answer line).
    if (d.conditions.length > 0 && format !== 'json' && output.steps === undefined) {
      io.writeError(`${prefix}holds ${words.holdsFor} ${conditionsIn(d.conditions, format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex')}\n`);
    }
    // The verdict goes beside the answer, not into it: the output stays text, LaTeX or Markdown to paste.
    if (check && format !== 'json') io.writeError(`${prefix}${verdictLine(check)}\n`);
    return check ? checkStatus(check) : exitCode.ok;
  } catch (error) {
    const status = error instanceof ParseError || error instanceof InputError ? exitCode.badInput : exitCode.internal;
    const message = status === exitCode.internal ? `internal error: ${(error as Error).message}` : (error as Error).message;
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

/** The derivative written with y = f(x): y′ = y·(1 − y) for σ; beside it, where it holds and why there is no form in y alone. */
function answerInTermsOfOutput(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  const form = inTermsOfOutput(input, {
    variable: oneVariable(options, '--in-terms-of-output'), maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits,
    abstractFunctions: options.function, variables: options.vars, notation: options.input, timeout: options.timeout, maxMemory: options.maxMemory,
  });
  const { format } = output;
  if (format === 'json') {
    io.write(`${JSON.stringify(outputFormJson(input, form))}\n`);
    return exitCode.ok;
  }
  const notation = format === 'unicode' ? 'unicode' : 'text';
  if (format === 'latex' || format === 'markdown') {
    const latex = outputAnswer(form, 'latex');
    io.write(`${format === 'markdown' ? `$${latex}$` : latex}\n`);
  } else {
    io.write(`${output.steps !== undefined ? outputStepLines(form, notation).join('\n') : outputAnswer(form, notation)}\n`);
  }
  if (output.steps === undefined || format === 'latex' || format === 'markdown') {
    const why = form.reason && noFormReason(form, form.reason, notation);
    if (form.holds.length > 0) io.writeError(`${prefix}holds for ${outputConditions(form.holds, notation)}${why ? ` (${why})` : ''}\n`);
    else if (why) io.writeError(`${prefix}no form in ${form.output} alone: ${why}\n`);
  }
  return exitCode.ok;
}

/** How the input is read and the limits on the work, as the options give them. */
const readingOptions = (options: Options) => ({
  maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits, maxNodes: options.maxNodes,
  timeout: options.timeout, maxMemory: options.maxMemory, abstractFunctions: options.function, variables: options.vars, notation: options.input,
});

/** The variable of a request that takes one, or an error naming the option. */
function oneVariable(options: Options, option: string): string | undefined {
  if ((options.var?.length ?? 0) > 1) throw new InputError(`${option} takes one variable, not ${options.var!.join(', ')}`, 'invalid-request');
  return options.var?.[0];
}

/** A gradient, Jacobian, Hessian or mixed partial: the answer, and beside it the checks and notes. */
function answerSeveral(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  if (options.order !== undefined) throw new InputError('--order goes with one variable: name a variable several times for a mixed partial (--var x,x,y)', 'invalid-request');
  const answer = answerPartials(input, {
    variables: options.var, hessian: options.hessian === true, determinant: options.det === true, check: options.check === true,
    steps: output.steps, format: output.format, colour: output.colour, maxShownNodes: output.maxShownNodes,
  }, {
    simplify: options.simplify, form: options.form, ...readingOptions(options),
  });
  io.write(`${answer.output}\n`);
  for (const note of answer.notes) io.writeError(`${prefix}${note}\n`);
  return worst(answer.checks.map(checkStatus));
}

/** dy/dx on a curve given by an equation, and its higher orders; with --check, against the curve's own slope. */
function answerImplicit(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  if (options.at !== undefined || options.hessian || options.det || options.emit) throw new InputError('--implicit goes with --var, --order, --steps and --check only', 'invalid-request');
  const order = options.order === undefined ? 1 : Number(options.order);
  const r = implicit(input, {
    dependent: options.implicit, variable: oneVariable(options, '--implicit'), order, simplify: options.simplify, form: options.form,
    ...readingOptions(options),
  });
  const check = options.check ? checkImplicit(r) : undefined;
  const { format } = output;
  if (format === 'json') {
    io.write(`${JSON.stringify({
      input, dependent: r.dependent, variable: r.variable,
      orders: r.orders.map((o) => ({ order: o.order, solved: printed(o.solved), ...(o.onCurve ? { onCurve: printed(o.onCurve) } : {}) })),
      result: printed(r.result), ...(check ? { check } : {}),
    })}\n`);
  } else {
    const notation = format === 'unicode' ? 'unicode' : format === 'text' ? 'text' : 'latex';
    const layout = format === 'unicode' ? 'text' : format;
    const answer = implicitAnswer(r, notation);
    io.write(`${output.steps !== undefined ? workedIn(implicitWorked(r, notation), layout, { detail: output.steps, notation: format === 'text' ? 'text' : 'unicode' })
      : format === 'markdown' ? `$${answer}$` : answer}\n`);
  }
  if (check && format !== 'json') io.writeError(`${prefix}${implicitVerdict(check, r)}\n`);
  if (!check) return exitCode.ok;
  return check.verdict === 'verified' ? exitCode.ok : check.verdict === 'failed' ? exitCode.checkFailed : exitCode.notChecked;
}

/** softmax, log-softmax or the cross-entropy of softmax: the derivatives in terms of the outputs, with the pattern beside. */
function answerSoftmax(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  const unsupported = (['at', 'hessian', 'det', 'emit', 'order', 'var', 'answer', 'inTermsOfOutput'] as const).find((o) => options[o] !== undefined);
  if (unsupported) throw new InputError(`softmax and its kin go with --steps, --check and --format, not --${unsupported.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, 'invalid-request');
  const r = softmax(input, { maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits, variables: options.vars, notation: options.input });
  const checks = options.check ? r.derivatives.flat().map((d) => checkDerivative(d)) : [];
  const { format } = output;
  if (format === 'json') {
    io.write(`${JSON.stringify({
      input, kind: r.kind, variables: r.variables, outputs: r.outputs,
      derivatives: r.derivatives.map((row) => row.map((d) => printed(d.result))),
      inTermsOfOutputs: r.inOutputs.map((row) => row.map(printed)), ...(r.oneHot ? { oneHot: r.oneHot.map(printed) } : {}),
      ...(checks.length > 0 ? { check: checks.map(checkJson) } : {}),
    })}\n`);
  } else {
    const notation = format === 'unicode' ? 'unicode' : 'text';
    const printed = format === 'latex' || format === 'markdown' ? 'latex' : notation;
    const answer = softmaxAnswer(r, printed);
    io.write(`${output.steps !== undefined ? workedIn(softmaxWorked(r, printed), format === 'unicode' ? 'text' : format, { detail: output.steps })
      : format === 'markdown' ? `$${answer}$` : answer}\n`);
    io.writeError(`${prefix}${softmaxPattern(r, notation)}\n`);
    const failed = checks.filter((c) => c.verdict !== 'verified').length;
    if (checks.length > 0) io.writeError(`${prefix}check: ${failed === 0 ? `verified all ${checks.length} derivatives` : `${failed} of ${checks.length} derivatives not verified`} against finite differences\n`);
  }
  return worst(checks.map(checkStatus));
}

/** The derivative at a point: its value, exact where it can be, and the tangent, normal or directional derivative asked for. */
function answerAtPoint(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  if (options.order !== undefined || options.hessian || options.det) throw new InputError('--at goes with first derivatives: not with --order, --hessian or --det', 'invalid-request');
  const answer = answerAt(input, {
    point: options.at!, variables: options.var, tangent: options.tangent === true, normal: options.normal === true, direction: options.direction,
    check: options.check === true, steps: output.steps, format: output.format, colour: output.colour, maxShownNodes: output.maxShownNodes,
  }, {
    simplify: options.simplify, form: options.form, ...readingOptions(options),
  });
  io.write(`${answer.output}\n`);
  for (const note of answer.notes) io.writeError(`${prefix}${note}\n`);
  return worst(answer.checks.map(checkStatus));
}

/** Checks the working in a file, line by line: exit 0 when every line is right, 5 at the first that is not. */
function checkWorkingFile(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  let text: string;
  try {
    text = readFileSync(options.answerFile!, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the working from ${options.answerFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'invalid-request');
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, '').trim()).filter((l) => l !== '');
  const report = checkWorking(input, lines, answerOptions(options));
  if (output.format === 'json') {
    io.write(`${JSON.stringify({ input, working: workingJson(report) })}\n`);
  } else {
    if (output.steps !== undefined) io.write(`${render(input, report.derivative, output)}\n\n`);
    io.write(`${prefix}${workingLines(report, output.format === 'unicode' ? 'unicode' : 'text').join('\n')}\n`);
  }
  return report.verdict === 'correct' ? exitCode.ok : report.verdict === 'incorrect' ? exitCode.incorrect : exitCode.notChecked;
}

/** What the answer checks take from the command line's options. */
const answerOptions = (options: Options) => ({
  variable: oneVariable(options, '--answer'), order: options.order, timeout: options.timeout, maxMemory: options.maxMemory,
  maxLength: options.maxLength, maxDepth: options.maxDepth, maxDigits: options.maxDigits,
  abstractFunctions: options.function, variables: options.vars, notation: options.input,
});

/** Checks each of the answers given for an input; the status is the worst: incorrect 5, undecided 4, else 0. */
function checkAnswers(input: string, options: Options, output: RenderOptions, io: CliIO, prefix: string): number {
  const { format } = output;
  const given = options.answer!.split(';').map((a) => a.trim()).filter((a) => a !== '');
  if (given.length === 0) throw new InputError('--answer has no answer in it', 'invalid-request');
  const reports = given.map((a) => checkAnswer(input, a, answerOptions(options)));
  if (format === 'json') {
    const answers = reports.map(answerJson);
    io.write(`${JSON.stringify({ input, ...(answers.length === 1 ? { answer: answers[0] } : { answers }) })}\n`);
  } else {
    // With --steps the derivation comes first: the step numbers of a mistake are its.
    if (output.steps !== undefined) io.write(`${render(input, reports[0]!.derivative, output)}\n\n`);
    const notation = format === 'unicode' ? 'unicode' : 'text';
    reports.forEach((r, i) => {
      const lines = answerLines(r, notation);
      const named = reports.length > 1 ? [`${i + 1}. ${notation === 'unicode' ? toUnicode(r.answer) : toText(r.answer)}`, ...lines.map((l) => `   ${l}`)] : lines;
      io.write(`${prefix}${named.join('\n')}\n`);
    });
  }
  const statuses = reports.map((r): number => (r.verdict === 'correct' ? exitCode.ok : r.verdict === 'incorrect' ? exitCode.incorrect : exitCode.notChecked));
  return worst(statuses);
}

/** What the command line adds to an error, by its kind: the option that settles it. */
const hints: Readonly<Record<InputProblem, string>> = {
  'ambiguous-variable': ' (use --var)',
  'invalid-request': '',
  'limit': '',
  'no-counterpart': '',
};

/**
 * "read as: sin(x)", when the reading differs from the input (spaces aside) or a convention chose
 * it (sin⁻¹ as the inverse): with the conventions said.
 */
function readAsLine(input: string, reading: Reading, notation: 'text' | 'unicode'): string | undefined {
  // Spaces, multiplication signs and e^u for exp(u) are how a reading is written, not how it reads.
  const bare = (text: string): string => text.replace(/[\s*·]+/g, '').replace(/exp\(/g, 'e^(').replace(/−/g, '-');
  const same = [readingIn(reading, 'text'), readingIn(reading, 'unicode')].some((r) => bare(r) === bare(input));
  if (same && reading.notes.length === 0) return undefined;
  return `read as: ${readingIn(reading, notation)}${reading.notes.length > 0 ? ` (${reading.notes.join('; ')})` : ''}`;
}

/** How much of a long input a JSON error echoes. */
const echoedLength = 200;


const truncate = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
