import type { Expr } from './types.js';
import { add, call, div, int, mul, neg, pow, sub } from './factory.js';

/**
 * The function table: one entry per elementary function, holding everything the
 * project knows about it. Adding a function is adding one entry here.
 */
export interface FunctionEntry {
  /** Canonical name; also the ASCII spelling, which mathjs reads. */
  readonly name: string;
  /** Other spellings the parser accepts. */
  readonly aliases: readonly string[];
  /** Fewest and most arguments. */
  readonly arity: readonly [number, number];
  /** Spelling in Unicode output (σ for sigmoid); `√` and `∛` are prefix signs. */
  readonly unicode: string;
  /** LaTeX for an application, given the LaTeX of the (already printed) arguments. */
  readonly latex: (args: readonly string[]) => string;
  /** Which named rule differentiating it is. */
  readonly rule: 'exponential' | 'logarithm' | 'elementary';
  /** d/du f(u), for the one-argument form. */
  readonly derivative: (u: Expr) => Expr;
  /** Real-valued evaluation (NaN where undefined). */
  readonly evaluate: (...args: number[]) => number;
}

const paren = (a: string): string => `\\left(${a}\\right)`;
const named = (command: string) => (args: readonly string[]): string => `${command}${paren(args[0]!)}`;
const operator = (name: string) => named(`\\operatorname{${name}}`);

const square = (u: Expr): Expr => pow(u, int(2));
const one = int(1);

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

const entries: readonly FunctionEntry[] = [
  {
    name: 'exp', aliases: [], arity: [1, 1], unicode: 'exp', rule: 'exponential',
    latex: (a) => `e^{${a[0]}}`,
    derivative: (u) => call('exp', [u]), evaluate: Math.exp,
  },
  {
    name: 'log', aliases: ['ln'], arity: [1, 2], unicode: 'ln', rule: 'logarithm',
    latex: (a) => (a.length === 2 ? `\\log_{${a[1]}}${paren(a[0]!)}` : `\\ln${paren(a[0]!)}`),
    derivative: (u) => div(one, u),
    evaluate: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  },
  {
    name: 'log10', aliases: [], arity: [1, 1], unicode: 'log10', rule: 'logarithm',
    latex: named('\\log_{10}'),
    derivative: (u) => div(one, mul([u, call('log', [int(10)])])), evaluate: Math.log10,
  },
  {
    name: 'log2', aliases: [], arity: [1, 1], unicode: 'log2', rule: 'logarithm',
    latex: named('\\log_{2}'),
    derivative: (u) => div(one, mul([u, call('log', [int(2)])])), evaluate: Math.log2,
  },
  {
    name: 'sqrt', aliases: [], arity: [1, 1], unicode: '√', rule: 'elementary',
    latex: (a) => `\\sqrt{${a[0]}}`,
    derivative: (u) => div(one, mul([int(2), call('sqrt', [u])])), evaluate: Math.sqrt,
  },
  {
    name: 'cbrt', aliases: [], arity: [1, 1], unicode: '∛', rule: 'elementary',
    latex: (a) => `\\sqrt[3]{${a[0]}}`,
    derivative: (u) => div(one, mul([int(3), square(call('cbrt', [u]))])), evaluate: Math.cbrt,
  },
  {
    name: 'abs', aliases: [], arity: [1, 1], unicode: 'abs', rule: 'elementary',
    latex: (a) => `\\left|${a[0]}\\right|`,
    derivative: (u) => div(u, call('abs', [u])), evaluate: Math.abs,
  },
  {
    name: 'sin', aliases: [], arity: [1, 1], unicode: 'sin', rule: 'elementary', latex: named('\\sin'),
    derivative: (u) => call('cos', [u]), evaluate: Math.sin,
  },
  {
    name: 'cos', aliases: [], arity: [1, 1], unicode: 'cos', rule: 'elementary', latex: named('\\cos'),
    derivative: (u) => neg(call('sin', [u])), evaluate: Math.cos,
  },
  {
    name: 'tan', aliases: [], arity: [1, 1], unicode: 'tan', rule: 'elementary', latex: named('\\tan'),
    derivative: (u) => square(call('sec', [u])), evaluate: Math.tan,
  },
  {
    name: 'sec', aliases: [], arity: [1, 1], unicode: 'sec', rule: 'elementary', latex: named('\\sec'),
    derivative: (u) => mul([call('sec', [u]), call('tan', [u])]), evaluate: (x) => 1 / Math.cos(x),
  },
  {
    name: 'csc', aliases: [], arity: [1, 1], unicode: 'csc', rule: 'elementary', latex: named('\\csc'),
    derivative: (u) => neg(mul([call('csc', [u]), call('cot', [u])])), evaluate: (x) => 1 / Math.sin(x),
  },
  {
    name: 'cot', aliases: [], arity: [1, 1], unicode: 'cot', rule: 'elementary', latex: named('\\cot'),
    derivative: (u) => neg(square(call('csc', [u]))), evaluate: (x) => Math.cos(x) / Math.sin(x),
  },
  {
    name: 'asin', aliases: ['arcsin'], arity: [1, 1], unicode: 'arcsin', rule: 'elementary',
    latex: named('\\arcsin'),
    derivative: (u) => div(one, call('sqrt', [sub(one, square(u))])), evaluate: Math.asin,
  },
  {
    name: 'acos', aliases: ['arccos'], arity: [1, 1], unicode: 'arccos', rule: 'elementary',
    latex: named('\\arccos'),
    derivative: (u) => neg(div(one, call('sqrt', [sub(one, square(u))]))), evaluate: Math.acos,
  },
  {
    name: 'atan', aliases: ['arctan'], arity: [1, 1], unicode: 'arctan', rule: 'elementary',
    latex: named('\\arctan'),
    derivative: (u) => div(one, add([one, square(u)])), evaluate: Math.atan,
  },
  {
    name: 'sinh', aliases: [], arity: [1, 1], unicode: 'sinh', rule: 'elementary', latex: named('\\sinh'),
    derivative: (u) => call('cosh', [u]), evaluate: Math.sinh,
  },
  {
    name: 'cosh', aliases: [], arity: [1, 1], unicode: 'cosh', rule: 'elementary', latex: named('\\cosh'),
    derivative: (u) => call('sinh', [u]), evaluate: Math.cosh,
  },
  {
    name: 'tanh', aliases: [], arity: [1, 1], unicode: 'tanh', rule: 'elementary', latex: named('\\tanh'),
    derivative: (u) => sub(one, square(call('tanh', [u]))), evaluate: Math.tanh,
  },
  {
    name: 'asinh', aliases: ['arsinh', 'arcsinh'], arity: [1, 1], unicode: 'arsinh', rule: 'elementary',
    latex: operator('arsinh'),
    derivative: (u) => div(one, call('sqrt', [add([square(u), one])])), evaluate: Math.asinh,
  },
  {
    name: 'acosh', aliases: ['arcosh', 'arccosh'], arity: [1, 1], unicode: 'arcosh', rule: 'elementary',
    latex: operator('arcosh'),
    derivative: (u) => div(one, call('sqrt', [sub(square(u), one)])), evaluate: Math.acosh,
  },
  {
    name: 'atanh', aliases: ['artanh', 'arctanh'], arity: [1, 1], unicode: 'artanh', rule: 'elementary',
    latex: operator('artanh'),
    derivative: (u) => div(one, sub(one, square(u))), evaluate: Math.atanh,
  },
  {
    name: 'sigmoid', aliases: ['σ', 'logistic'], arity: [1, 1], unicode: 'σ', rule: 'elementary',
    latex: named('\\sigma'),
    derivative: (u) => mul([call('sigmoid', [u]), sub(one, call('sigmoid', [u]))]), evaluate: sigmoid,
  },
  {
    name: 'softplus', aliases: [], arity: [1, 1], unicode: 'softplus', rule: 'elementary',
    latex: operator('softplus'),
    derivative: (u) => call('sigmoid', [u]), evaluate: softplus,
  },
];

export const functionTable: ReadonlyMap<string, FunctionEntry> = new Map(entries.map((e) => [e.name, e]));

/** Every spelling the parser accepts, mapped to its entry. */
export const functionSpellings: ReadonlyMap<string, FunctionEntry> = new Map(
  entries.flatMap((e) => [e.name, ...e.aliases, e.unicode].map((s) => [s, e] as const)),
);

export function functionEntry(name: string): FunctionEntry {
  const entry = functionTable.get(name);
  if (!entry) throw new Error(`no function '${name}' in the table`);
  return entry;
}

/** Names of abstract functions: f(u) is some unknown function of u. */
export const abstractFunctionNames: ReadonlySet<string> = new Set(['f', 'g', 'h']);
