import type { Expr } from '../expr/types.js';
import type { DiffStep, RuleId } from '../diff/steps.js';
import { add, apply, call, derivative, div, int, mul, neg, pow, sub, variable } from '../expr/factory.js';
import { fromTemplate } from '../expr/template.js';
import { partialDerivative } from '../diff/partials.js';
import { functionNames, functionTable, oneArgumentDerivative, type FunctionName } from '../functions/table.js';
import type { Template } from '../functions/template.js';

/*
 * How a derivation shows each rule, all in one entry per rule id: its name, its general form
 * as an equation of expressions, (u/v)′ = (u′·v − u·v′)/v², so every printer writes it in its
 * own notation, and the letters of that form worth showing with what they stand for here.
 * Letters u, v, c, n, a, b, f, g are placeholders; x is the step's variable.
 */

export type Equation = readonly [Expr, Expr];

export interface Binding {
  readonly name: Expr;
  readonly value: Expr;
}

/** The step of one rule. */
type StepOf<R extends RuleId> = Extract<DiffStep, { readonly rule: R }>;

interface ShownRule<R extends RuleId> {
  /** The rule's name in a derivation; {fn} stands for the function's name. */
  readonly label: string;
  readonly form: (step: StepOf<R>) => Equation;
  /** The letters of the form that are not obvious from the step, with what they stand for. */
  readonly bindings: (step: StepOf<R>) => Binding[];
}

const u = variable('u');
const v = variable('v');
const c = variable('c');
const d = (e: Expr, by: string): Expr => derivative(e, by);
const x = (step: DiffStep): Expr => variable(step.variable);
const letter = (name: string, value: Expr): Binding => ({ name: variable(name), value });
const none = (): Binding[] => [];
/** The letter of a general form's i-th argument: u, v, w, then u4, u5, …. */
const argumentLetter = (i: number): string => ['u', 'v', 'w'][i] ?? `u${i + 1}`;
/** The letter of the i-th function a polynomial is in: f, g, h, then f4, f5, …. */
const functionLetter = (i: number): string => ['f', 'g', 'h'][i] ?? `f${i + 1}`;
/** The arguments of a function's application, none for any other node. */
const argumentsOf = (e: Expr): readonly Expr[] => (e.kind === 'call' || e.kind === 'apply' ? e.args : []);
/**
 * A general form's arguments when it is differentiated by one of them, at `at`: that one is
 * the variable x, the others are held fixed and called c, d, k, then c4, c5, ….
 */
const heldFixedBut = (args: readonly Expr[], at: number, x: Expr): Expr[] =>
  args.map((_, i) => (i === at ? x : variable(['c', 'd', 'k'][i > at ? i - 1 : i] ?? `c${i}`)));

export const shownRules: { readonly [R in RuleId]: ShownRule<R> } = {
  'constant': { label: 'constant rule', form: (s) => [d(c, s.variable), int(0)], bindings: none },
  'variable': { label: 'variable rule', form: (s) => [d(x(s), s.variable), int(1)], bindings: none },
  'sum': { label: 'sum rule', form: () => [d(add([u, v]), 'x'), add([d(u, 'x'), d(v, 'x')])], bindings: none },
  'negation': { label: 'negation rule', form: () => [d(neg(u), 'x'), neg(d(u, 'x'))], bindings: none },
  'constant-multiple': {
    label: 'constant multiple rule',
    form: () => [d(mul([c, u]), 'x'), mul([c, d(u, 'x')])],
    bindings: (s) => [letter('c', s.bindings.c), letter('u', s.bindings.u)],
  },
  'product': {
    label: 'product rule',
    form: () => [d(mul([u, v]), 'x'), add([mul([d(u, 'x'), v]), mul([u, d(v, 'x')])])],
    // With more than two factors the general form's u and v do not name them.
    bindings: (s) => (s.bindings.factors.length === 2 ? [letter('u', s.bindings.factors[0]!), letter('v', s.bindings.factors[1]!)] : []),
  },
  'quotient': {
    label: 'quotient rule',
    form: () => [d(div(u, v), 'x'), div(sub(mul([d(u, 'x'), v]), mul([u, d(v, 'x')])), pow(v, int(2)))],
    bindings: (s) => [letter('u', s.bindings.u), letter('v', s.bindings.v)],
  },
  'power': {
    label: 'power rule',
    form: (s) => {
      const n = variable('n');
      return [d(pow(x(s), n), s.variable), mul([n, pow(x(s), add([n, int(-1)]))])];
    },
    bindings: (s) => [letter('n', s.bindings.n)],
  },
  'exponential': {
    label: 'exponential rule',
    form: (s) => {
      if (s.bindings.base.kind === 'constant') return [d(call('exp', [x(s)]), s.variable), fromTemplate(derivativeOf('exp'), [x(s)])];
      const a = variable('a');
      return [d(pow(a, x(s)), s.variable), mul([pow(a, x(s)), call('log', [a])])];
    },
    bindings: (s) => (s.bindings.base.kind === 'constant' ? [] : [letter('a', s.bindings.base)]),
  },
  'general-power': {
    label: 'logarithmic differentiation',
    form: () => {
      const f = variable('f');
      const g = variable('g');
      return [d(pow(f, g), 'x'), mul([pow(f, g), add([mul([d(g, 'x'), call('log', [f])]), mul([g, div(d(f, 'x'), f)])])])];
    },
    bindings: (s) => [letter('f', s.bindings.f), letter('g', s.bindings.g)],
  },
  'logarithm': {
    label: 'logarithm rule',
    form: (s) => {
      // ln and the logarithms with a name of their own (log10, log2) show that name; any other base is the letter b.
      const named = logarithmTo(s.bindings.base);
      if (named) return [d(call(named, [x(s)]), s.variable), fromTemplate(derivativeOf(named), [x(s)])];
      const b = variable('b');
      return [d(call('log', [x(s), b]), s.variable), fromTemplate(functionTable.log.partials![0]!, [x(s), b])];
    },
    bindings: (s) => (s.bindings.base.kind === 'constant' ? [] : [letter('b', s.bindings.base)]),
  },
  'chain': {
    label: 'chain rule',
    form: () => [d(apply('f', [u]), 'x'), mul([apply('f', [u], [1]), d(u, 'x')])],
    bindings: (s) => [
      { name: apply('f', [variable(s.bindings.placeholder)]), value: s.bindings.outer },
      letter(s.bindings.placeholder, s.bindings.u),
    ],
  },
  'elementary': {
    label: 'derivative of {fn}',
    form: (s) => {
      const { fn } = s.bindings;
      // A function of several arguments is differentiated by the one that varies, the others (c, d, …) held fixed.
      if (s.expr.kind === 'call' && s.expr.args.length >= 2) {
        const at = s.expr.args.findIndex((arg) => arg.kind === 'variable' && arg.name === s.variable);
        const args = heldFixedBut(s.expr.args, at, x(s));
        return [d(call(fn, args), s.variable), partialDerivative(fn, at, args)];
      }
      return [d(call(fn, [x(s)]), s.variable), fromTemplate(derivativeOf(fn), [x(s)])];
    },
    bindings: none,
  },
  'several-arguments': {
    label: 'chain rule for several arguments',
    form: (s) => {
      const letters = argumentsOf(s.expr).map((_, i) => variable(argumentLetter(i)));
      // An argument with no partial derivative in closed form (Marcum's Q's order) is held fixed, or the rule would have refused.
      const terms = letters.flatMap((letter, i) => (functionTable[s.bindings.fn].partials?.[i] === null ? [] : [mul([partialDerivative(s.bindings.fn, i, letters), d(letter, 'x')])]));
      return [d(call(s.bindings.fn, letters), 'x'), add(terms)];
    },
    bindings: (s) => argumentsOf(s.expr).map((arg, i) => letter(argumentLetter(i), arg)),
  },
  'abstract-function': {
    label: 'derivative of {fn}',
    form: (s) => {
      // With several arguments, the derivative by the one that varies, the others (c, d, …) held fixed.
      const args = argumentsOf(s.expr);
      const at = args.findIndex((arg) => arg.kind === 'variable' && arg.name === s.variable);
      const letters = heldFixedBut(args, at, x(s));
      return [d(apply(s.bindings.fn, letters), s.variable), apply(s.bindings.fn, letters, letters.map((_, i) => (i === at ? 1 : 0)))];
    },
    bindings: none,
  },
  'abstract-several-arguments': {
    label: 'chain rule for several arguments',
    form: (s) => {
      const letters = argumentsOf(s.expr).map((_, i) => variable(argumentLetter(i)));
      const by = (i: number): Expr => apply(s.bindings.fn, letters, letters.map((_, k) => (k === i ? 1 : 0)));
      return [d(apply(s.bindings.fn, letters), 'x'), add(letters.map((letter, i) => mul([by(i), d(letter, 'x')])))];
    },
    bindings: (s) => argumentsOf(s.expr).map((arg, i) => letter(argumentLetter(i), arg)),
  },
  'polynomial-in-function': {
    label: 'derivative of a polynomial in a function',
    form: (s) => [d(apply('P', [s.bindings.f]), s.variable), mul([apply('P', [s.bindings.f], [1]), d(s.bindings.f, s.variable)])],
    bindings: (s) => [letter('f', s.bindings.f)],
  },
  'polynomial-in-functions': {
    label: 'derivative of a polynomial in functions',
    form: (s) => {
      const letters = s.bindings.functions.map((_, i) => variable(functionLetter(i)));
      const by = (i: number): Expr => apply('P', letters, letters.map((_, k) => (k === i ? 1 : 0)));
      return [d(apply('P', letters), s.variable), add(letters.map((f, i) => mul([by(i), d(f, s.variable)])))];
    },
    bindings: (s) => s.bindings.functions.map((f, i) => letter(functionLetter(i), f)),
  },
};

/** The entry of a rule, with the step of that rule: one type parameter pairs the two for the compiler. */
const formOf = <R extends RuleId>(rule: R, step: StepOf<R>): Equation => shownRules[rule].form(step);
const bindingsFor = <R extends RuleId>(rule: R, step: StepOf<R>): Binding[] => shownRules[rule].bindings(step);

export const generalForm = (step: DiffStep): Equation => formOf(step.rule, step);
export const bindingsOf = (step: DiffStep): Binding[] => bindingsFor(step.rule, step);

/** The name of a step's rule: 'quotient rule', 'derivative of sin'. */
export function ruleLabel(step: DiffStep): string {
  const fn = step.rule === 'elementary' || step.rule === 'abstract-function' ? step.bindings.fn : '';
  return shownRules[step.rule].label.replace('{fn}', fn);
}

/** The derivative of a function of one argument, which every such entry has. */
function derivativeOf(name: FunctionName): Template<FunctionName> {
  const derivative = oneArgumentDerivative(functionTable[name]);
  if (derivative === undefined) throw new Error(`internal error: ${name} has no derivative in the table`);
  return derivative;
}

/** The function of the table that is the logarithm to this base (log for e, log10 for 10), if there is one. */
function logarithmTo(base: Expr): FunctionName | undefined {
  return functionNames.find((name) => {
    const { rule, arity } = functionTable[name];
    if (rule.id !== 'logarithm' || arity[0] !== 1) return false;
    return rule.base === 'e' ? base.kind === 'constant' && base.name === 'e' : base.kind === 'num' && base.value.equals(rule.base);
  });
}
