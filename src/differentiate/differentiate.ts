import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { div, mul, num, pow } from '../expr/factory.js';
import { renewedIfFull } from '../expr/renew.js';
import { dependsOn, variablesOf } from '../expr/traverse.js';
import { treeSize } from '../expr/size.js';
import { StructuralMap } from '../expr/structural-map.js';
import { derive } from '../diff/differentiate.js';
import type { Condition } from '../diff/steps.js';
import { conditionsOf, sameCondition } from './conditions.js';
import { expectValue } from './no-value.js';
import { chainDerivations, polynomialChain } from './polynomial-chain.js';
import type { Derivation } from './derivation.js';

export type { Derivation } from './derivation.js';
import { simplifyForms, simplifyWithSteps, type SimplifyForm, type SimplifyMemo } from '../simplify/simplify.js';
import type { RewriteStep } from '../simplify/rewrite.js';
import { read, type ParseOptions, type Reading } from '../parse/parse.js';
import { InputError, WorkLimits, withinLimits } from '../errors.js';
import { checkTree } from '../expr/check-tree.js';
import type { FunctionTable } from '../functions/table.js';

export interface DifferentiateOptions extends ParseOptions {
  /** Variable to differentiate by; by default x if present, else the only variable. */
  readonly variable?: string;
  /** How many times to differentiate (default 1); a bigint for orders past 2⁵³, up to any size where the derivatives repeat. */
  readonly order?: number | bigint;
  /** Tidy each derivative (default true). */
  readonly simplify?: boolean;
  /** How to write each derivative: auto (default), expanded, factored, or exp (no rewriting into σ). */
  readonly form?: SimplifyForm;
  /** Most derivatives worked out (default 1000): a higher order is answered only where they repeat before it. */
  readonly maxOrder?: number;
  /** Largest derivative accepted, in tree nodes (default 2,000,000). */
  readonly maxNodes?: number;
  /** Most seconds the work may take before it stops with an InputError (default: no limit; the CLI's is 10). */
  readonly timeout?: number;
  /**
   * Most megabytes of JavaScript heap the process may use while the work runs, where the runtime
   * tells (Node), before it stops with an InputError (default: no limit; the CLI's is 700).
   */
  readonly maxMemory?: number;
  /**
   * The function table whose derivatives the rules use (default: the built-in `functionTable`).
   * A copy with one entry changed shows what the numeric checks catch.
   */
  readonly functions?: FunctionTable;
  /** Normal forms shared with other derivatives of the same form (those of one gradient): see SimplifyOptions.memo. */
  readonly simplifyMemo?: SimplifyMemo;
}

export interface Derivative {
  readonly input: Expr;
  readonly variable: string;
  /** The order asked for: a bigint past 2⁵³. */
  readonly order: number | bigint;
  /** How the derivatives were written. */
  readonly form: SimplifyForm;
  /** The n-th derivative. */
  readonly result: Expr;
  /**
   * One derivation per order worked out: the first differentiates the input, each next one the
   * result before it. All the orders asked for, unless the derivatives repeat (see `cycle`).
   */
  readonly derivations: readonly Derivation[];
  /**
   * When the derivatives repeat: the derivative of order `from` + `length` is that of order `from`
   * (the input is order 0), so every order from `from` on is one of the `length` after it, and
   * the order asked for is that of order `answerOrder`. d⁴/dx⁴ sin x = sin x: from 0, length 4.
   */
  readonly cycle?: Cycle;
  /** Where the n-th derivative holds, when not everywhere the input is defined: those of every order. */
  readonly conditions: readonly Condition[];
  /** How the input was read, when it was given as text: its notation, what it asked for, the conventions used. */
  readonly reading?: Reading;
}

export interface Cycle {
  readonly from: number;
  readonly length: number;
  readonly answerOrder: number;
  /**
   * When each repeat is a number times the one before (d²/dx² cos 2x = −4 cos 2x): that number,
   * and how many repeats lie before the order asked for, so the answer is factor^repeats times
   * the derivative of order `answerOrder`.
   */
  readonly factor?: Rational;
  readonly repeats?: bigint;
}

const differentiateDefaults = { maxOrder: 1000, maxNodes: 2_000_000 } as const;

/** Differentiates an expression (its tree, its text, or its text as read()) with respect to a variable, n times. */
export function differentiate(input: Expr | string | Reading, options: DifferentiateOptions = {}): Derivative {
  try {
    checkOptions(options);
    return withinLimits(WorkLimits.of(options.timeout, options.maxMemory), () => differentiateUnguarded(input, options));
  } catch (error) {
    // Trees built directly (not parsed) skip the parser's depth limit; recursion may still run out.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new InputError('the expression is nested too deeply to differentiate', 'limit');
    }
    throw error;
  }
}

/** A reading read() gave: an object with an expression, not itself a tree. */
const isReading = (input: unknown): input is Reading =>
  typeof input === 'object' && input !== null && !('kind' in input) && 'expr' in input && 'request' in input;

/** Options of the wrong type or out of range are refused, not ignored: an order of '2', a form of 'weird', a limit of NaN. */
function checkOptions(options: DifferentiateOptions): void {
  const { order, form, variable } = options;
  if (order !== undefined && typeof order !== 'number' && typeof order !== 'bigint') {
    throw new InputError(`the order must be a number or a bigint, got ${typeof order} ${JSON.stringify(order)}`, 'invalid-request');
  }
  if (form !== undefined && !simplifyForms.includes(form)) throw new InputError(`unknown form '${String(form)}': one of ${simplifyForms.join(', ')}`, 'invalid-request');
  if (variable !== undefined && typeof variable !== 'string') throw new InputError(`the variable must be a name, got ${typeof variable}`, 'invalid-request');
  for (const limit of ['maxLength', 'maxDepth', 'maxDigits', 'maxNodes', 'maxOrder'] as const) {
    const n = options[limit];
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
      throw new InputError(`${limit} must be a whole number of at least 1, got ${String(n)}`, 'invalid-request');
    }
  }
  const { timeout, maxMemory } = options;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0))) {
    throw new InputError(`timeout must be a number of seconds above 0, got ${String(timeout)}`, 'invalid-request');
  }
  if (maxMemory !== undefined && (typeof maxMemory !== 'number' || !(maxMemory > 0))) {
    throw new InputError(`maxMemory must be a number of megabytes above 0, got ${String(maxMemory)}`, 'invalid-request');
  }
}

function differentiateUnguarded(input: Expr | string | Reading, options: DifferentiateOptions): Derivative {
  if (typeof input !== 'string' && !isReading(input) && (typeof input !== 'object' || input === null || typeof (input as { kind?: unknown }).kind !== 'string')) {
    throw new InputError(`differentiate takes an expression or its text, got ${input === null ? 'null' : typeof input}`, 'invalid-request');
  }
  if (typeof input !== 'string' && !isReading(input)) checkTree(input);
  const reading = typeof input === 'string' ? read(input, options) : isReading(input) ? input : undefined;
  const expr = reading ? reading.expr : input as Expr;
  const request = reading?.request ?? {};
  if (request.label?.order !== undefined) {
    const { label } = request;
    const written = `${label.name}${"'".repeat(label.order!)}${label.kind === 'function' ? `(${label.variable})` : ''}`;
    throw new InputError(`${written} = … gives a derivative already: give the function to differentiate, as in ${label.kind === 'function' ? `${label.name}(${label.variable})` : label.name} = …`, 'invalid-request');
  }
  // d/dt or f(t) = … in the input say the variable, d²/dx² the order; an option that says otherwise is an error.
  if (request.variable !== undefined && options.variable !== undefined && request.variable !== options.variable) {
    throw new InputError(`the input differentiates by ${request.variable} (${request.operator ?? 'its function is of ' + request.variable}), but the variable asked for is ${options.variable}`, 'invalid-request');
  }
  if (request.order !== undefined && options.order !== undefined && BigInt(request.order) !== BigInt(options.order)) {
    throw new InputError(`the input asks for order ${request.order} (${request.operator}), but order ${options.order} was asked for too`, 'invalid-request');
  }
  expectValue(expr, 'the expression has no real value anywhere');
  const variable = options.variable ?? request.variable ?? defaultVariable(expr);
  const order = options.order ?? request.order ?? 1;
  const maxOrder = options.maxOrder ?? differentiateDefaults.maxOrder;
  const maxNodes = options.maxNodes ?? differentiateDefaults.maxNodes;
  if (typeof order === 'number' ? !Number.isInteger(order) || order < 0 : order < 0n) {
    throw new InputError(`the order must be a whole number ≥ 0, got ${order}`, 'invalid-request');
  }
  if (!/^(?:[A-Za-z][A-Za-z0-9_]*|[α-ωΑ-Ω])$/.test(variable)) throw new InputError(`'${variable}' is not a variable name`, 'invalid-request');
  const wanted = BigInt(order);
  const worked = wanted < BigInt(maxOrder) ? Number(wanted) : maxOrder;

  const derivations: Derivation[] = [];
  // Each derivative's shape (itself less a leading number) by the order it first came at, the input
  // at 0: a shape met again closes a cycle, in which each repeat is the same number times the last.
  const seen = new StructuralMap<{ readonly order: number; readonly coefficient: Rational }>();
  const [inputCoefficient, inputShape] = splitCoefficient(expr);
  seen.set(inputShape, { order: 0, coefficient: inputCoefficient });
  let cycle: Cycle | undefined;
  let current = expr;
  // A derivative as the rules gave it, tidied unless `settled`, within the size limit before and after.
  const tidy = (n: number, raw: Expr, settled: boolean): { result: Expr; steps: readonly RewriteStep[] } => {
    // Checked before simplifying too: a derivative far past the limit (sin nested 100,000 deep has
    // 5·10⁹ nodes written out) would take all the memory on the way.
    const rawSize = treeSize(raw);
    if (rawSize > maxNodes) {
      throw new InputError(`derivative ${n} has ${rawSize} nodes as the rules give it, more than the limit of ${maxNodes} (--max-nodes, maxNodes)`, 'limit');
    }
    const tidied = options.simplify === false || settled ? { result: raw, steps: [] } : simplifyWithSteps(raw, { form: options.form, memo: options.simplifyMemo });
    const size = tidied.result === raw ? rawSize : treeSize(tidied.result);
    if (size > maxNodes) throw new InputError(`derivative ${n} has ${size} nodes, more than the limit of ${maxNodes} (--max-nodes, maxNodes)`, 'limit');
    return tidied;
  };
  for (let n = 1; n <= worked; n++) {
    const step = derive(current, variable, { functions: options.functions, order: n, maxNodes });
    // A polynomial worked out on its coefficients is already in normal form; on the way to a
    // higher order it is not rewritten (factored) until the last order.
    const settled = (step.rule === 'polynomial-in-function' || step.rule === 'polynomial-in-functions') && n < worked;
    const tidied = tidy(n, step.result, settled);
    // A formula that holds where its parts are apart (Π(n | m)'s partials have m − n below) can have 1/0 in it as it stands.
    expectValue(tidied.result, `derivative ${n} cannot be given: its formula, as it stands, has no value`);
    derivations.push({ expr: current, step, simplification: tidied.steps, result: tidied.result, conditions: conditionsOf(step, variable) });
    current = tidied.result;
    const [coefficient, shape] = splitCoefficient(current);
    const before = seen.get(shape);
    if (before !== undefined && BigInt(n) < wanted) {
      const length = n - before.order;
      const beyond = wanted - BigInt(before.order);
      const factor = coefficient.div(before.coefficient);
      cycle = {
        from: before.order, length, answerOrder: before.order + Number(beyond % BigInt(length)),
        ...(factor.equals(1) ? {} : { factor, repeats: beyond / BigInt(length) }),
      };
      // sin′′ = −sin: twice as far on they repeat exactly, which reads better; that is found next.
      if (factor.equals(1) || !factor.equals(-1) || n + length > worked) break;
      continue;
    }
    if (!before) seen.set(shape, { order: n, coefficient });
    // The orders after a polynomial in σ, tanh or tan are worked out on its coefficients (see polynomial-chain.ts).
    const chain = settled ? polynomialChain(step, n, worked) : undefined;
    if (chain) {
      for (const d of chainDerivations(chain, { first: n, last: worked, variable, conditions: derivations.at(-1)!.conditions, functions: options.functions, tidy })) derivations.push(d);
      break;
    }
    // The next order starts from this one alone: where the trees made so far fill the tables, they are emptied here.
    current = renewedIfFull(current);
  }
  if (!cycle && wanted > BigInt(worked)) {
    throw new InputError(`order ${order} is above the limit of ${maxOrder}, and the first ${maxOrder} derivatives do not repeat`, 'limit');
  }
  const answerOrder = cycle?.answerOrder ?? worked;
  const repeated = answerOrder === 0 ? expr : derivations[answerOrder - 1]!.result;
  // factor^repeats stays a power when it is too large to write out: 2^(10¹⁸)·e^(2x).
  const result = cycle?.factor && cycle.repeats ? simplifyWithSteps(mul([pow(num(cycle.factor), num(new Fraction(cycle.repeats))), repeated]), { form: options.form }).result : repeated;
  const conditions = derivations.flatMap((d) => d.conditions).filter((c, i, all) => all.findIndex((other) => sameCondition(other, c)) === i);
  const orderAsked = typeof order === 'bigint' && order <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(order) : order;
  return {
    input: expr, variable, order: orderAsked, form: options.form ?? 'auto', result, derivations, conditions,
    ...(cycle ? { cycle } : {}), ...(reading ? { reading } : {}),
  };
}

/** A derivative as a number times its shape: −4·cos(2x) is −4 and cos(2x); a number is its own shape. */
function splitCoefficient(e: Expr): [Rational, Expr] {
  // Signs and numerators are walked in a loop, not by recursion: the input may be −−−…x, 10,000 deep.
  let sign = one;
  let core = e;
  while (core.kind === 'neg') {
    sign = sign.neg();
    core = core.operand;
  }
  // A number below the fraction bar is part of the coefficient: 3·cos(x)/2 is 3/2 times cos(x).
  const denominators: Expr[] = [];
  let coefficient = one;
  while (core.kind === 'div') {
    if (core.denominator.kind === 'num' && !core.denominator.value.equals(0)) coefficient = coefficient.div(core.denominator.value);
    else denominators.push(core.denominator);
    core = core.numerator;
  }
  if (core.kind === 'mul' && core.factors[0]!.kind === 'num' && !core.factors[0]!.value.equals(0)) {
    coefficient = coefficient.mul(core.factors[0]!.value);
    core = mul(core.factors.slice(1));
  }
  for (let i = denominators.length - 1; i >= 0; i--) core = div(core, denominators[i]!);
  return [sign.mul(coefficient), core];
}

const one = new Fraction(1);

/**
 * The variable differentiated by when none is named, everywhere one is chosen (a derivative, a
 * curve, code, the page): x if the expression has it, else its only variable; several others
 * are a choice to ask for, not to guess.
 */
export function defaultVariable(expr: Expr): string {
  // Whether x is in it is answered without a walk of it (expr/variable-bits.ts); the names of the rest are not.
  return dependsOn(expr, 'x') ? 'x' : variableAmong(variablesOf(expr), 'the expression');
}

/** The default variable among names (see defaultVariable); `what` has them, for the message. */
export function variableAmong(names: readonly string[], what: string): string {
  if (names.includes('x') || names.length === 0) return 'x';
  if (names.length === 1) return names[0]!;
  throw new InputError(`${what} has several variables (${names.join(', ')}): say which one to differentiate by`, 'ambiguous-variable');
}
