import { functionNames, functionTable, type FunctionName } from './table.js';
import type { Template } from './template.js';

/** Every spelling of a table function that is read as input (name, aliases, Unicode name), with the function it names. */
export const functionSpellings: ReadonlyMap<string, FunctionName> = new Map(functionNames.flatMap((name) => {
  const entry = functionTable[name];
  const unicode = entry.unicode.kind === 'name' ? [entry.unicode.name] : [];
  return [name, ...entry.aliases, ...unicode].map((spelling) => [spelling, name] as const);
}));

/** Names read as abstract functions: f(u) is some unknown function of u. */
export const abstractFunctionNames: ReadonlySet<string> = new Set(['f', 'g', 'h']);

/** The functions written as a sign before their argument (√x, ∛x), by sign. */
export const prefixSigns: ReadonlyMap<string, FunctionName> = new Map(functionNames.flatMap((name) => {
  const { unicode } = functionTable[name];
  return unicode.kind === 'prefix' ? [[unicode.sign, name] as const] : [];
}));

/** The functions written between two signs (|x|), by the opening sign. */
export const delimitedBy: ReadonlyMap<string, FunctionName> = new Map(functionNames.flatMap((name) => {
  const { unicode } = functionTable[name];
  return unicode.kind === 'delimiters' ? [[unicode.open, name] as const] : [];
}));

/** A spelling that is notation for a tree rather than a function of the table: pow(a, b) is a^b. */
export interface Notation {
  readonly arity: readonly [number, number];
  /** The tree it stands for, over its arguments u and v. */
  readonly tree: Template<FunctionName>;
}

/** pow(a, b) = a^b; nthRoot(x, n) and root(x, n) = x^(1/n), the real root for odd n (mathjs's names). */
export const notations: ReadonlyMap<string, Notation> = new Map<string, Notation>([
  ['pow', { arity: [2, 2], tree: ['pow', 'u', 'v'] }],
  ['nthRoot', { arity: [2, 2], tree: ['pow', 'u', ['div', 1, 'v']] }],
  ['root', { arity: [2, 2], tree: ['pow', 'u', ['div', 1, 'v']] }],
]);
