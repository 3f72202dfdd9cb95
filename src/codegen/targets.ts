import { functionNames, functionTable, type CodeTarget } from '../functions/table.js';

/** The languages code is generated in; `python` is Python's math module on one number, `numpy`, `torch` and `jax` work elementwise on arrays. */
export const codeTargets = ['numpy', 'python', 'torch', 'jax', 'js', 'c'] as const;
export type Target = (typeof codeTargets)[number];

/** How a language writes what the generated code needs: its family's syntax and its names. */
export interface TargetSyntax {
  /** Python, JavaScript or C syntax. */
  readonly family: 'python' | 'js' | 'c';
  /** Which spelling of the function table this target reads. */
  readonly spellings: Exclude<CodeTarget, 'mathjs'>;
  /** Whether the function takes arrays and works elementwise, so both sides of a choice are computed. */
  readonly elementwise: boolean;
  /** e and π. */
  readonly constants: { readonly e: string; readonly pi: string };
  /** c ? a : b, written with the three parts already printed. */
  readonly select: (condition: string, then: string, otherwise: string) => string;
  /** |u|, sign(u) and the real root |u|^r with u's sign, for the real odd roots (x^(1/3) of a negative x). */
  readonly abs: string;
  readonly signedPower: (base: string, exponent: string) => string;
  /** Names that may not be those of variables. */
  readonly reserved: ReadonlySet<string>;
}

const pythonKeywords = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'abs', 'max', 'min', 'math', 'np', 'scipy', 'torch', 'jax', 'jnp',
];
const jsKeywords = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'super', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'await', 'enum', 'static', 'Math', 'arguments', 'eval',
];
/** C's keywords, and the names of math.h and stdio.h that the code calls or a name of its own would hide. */
const cKeywords = [
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern', 'float', 'for', 'goto',
  'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch',
  'typedef', 'union', 'unsigned', 'void', 'volatile', 'while', 'pow', 'copysign', 'gamma', 'y0', 'y1', 'yn', 'j0', 'j1', 'jn', 'printf', 'main',
  'abs', 'labs', 'llabs', 'div', 'exit', 'abort', 'free', 'malloc', 'calloc', 'realloc', 'index', 'rindex', 'isnan', 'isinf', 'signbit', 'nan',
  ...functionNames.flatMap((name) => functionTable[name].code.c ?? []),
];

/** A Python target: on numbers with math, or elementwise with an array module (np, torch, jnp) and its where, abs and sign. */
const python = (spellings: 'python' | 'numpy' | 'torch' | 'jax', arrays: string | undefined, constants: string): TargetSyntax => ({
  family: 'python', spellings, elementwise: arrays !== undefined,
  constants: { e: `${constants}.e`, pi: `${constants}.pi` },
  select: arrays === undefined ? (c, a, b) => `(${a} if ${c} else ${b})` : (c, a, b) => `${arrays}.where(${c}, ${a}, ${b})`,
  abs: arrays === undefined ? 'abs' : `${arrays}.abs`,
  signedPower: arrays === undefined
    ? (base, r) => `math.copysign(abs(${base}) ** ${r}, ${base})`
    : (base, r) => `${arrays}.sign(${base}) * ${arrays}.abs(${base}) ** ${r}`,
  reserved: new Set(pythonKeywords),
});

export const targetSyntax: Readonly<Record<Target, TargetSyntax>> = {
  numpy: python('numpy', 'np', 'np'),
  python: python('python', undefined, 'math'),
  // PyTorch has no e or π of its own: math's are plain floats, which tensors take.
  torch: python('torch', 'torch', 'math'),
  jax: python('jax', 'jnp', 'jnp'),
  js: {
    family: 'js', spellings: 'javascript', elementwise: false,
    constants: { e: 'Math.E', pi: 'Math.PI' },
    select: (c, a, b) => `(${c} ? ${a} : ${b})`,
    abs: 'Math.abs',
    signedPower: (base, r) => `Math.sign(${base}) * Math.abs(${base}) ** ${r}`,
    reserved: new Set(jsKeywords),
  },
  c: {
    family: 'c', spellings: 'c', elementwise: false,
    // math.h's M_E and M_PI are POSIX, not C: the numbers themselves.
    constants: { e: '2.718281828459045', pi: '3.141592653589793' },
    select: (c, a, b) => `(${c} ? ${a} : ${b})`,
    abs: 'fabs',
    signedPower: (base, r) => `copysign(pow(fabs(${base}), ${r}), ${base})`,
    reserved: new Set(cKeywords),
  },
};

/** The modules a Python target's names come from, by the prefix of the name, and how each is imported. */
export const pythonImports: readonly (readonly [prefix: string, statement: string])[] = [
  ['math.', 'import math'],
  ['np.', 'import numpy as np'],
  ['scipy.special.', 'import scipy.special'],
  ['torch.', 'import torch'],
  ['jnp.', 'import jax.numpy as jnp'],
  ['jax.scipy.special.', 'import jax.scipy.special'],
  ['jax.nn.', 'import jax'],
];
