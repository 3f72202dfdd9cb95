import { functionNames, functionTable, type FunctionName } from './table.js';

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
