/**
 * A formula as data, over the arguments of a function: `u` is the first, `v` the second.
 * A list is an operation, [operator, ...operands], or a function of the table applied to
 * arguments, [name, ...arguments]: the derivative of sin is ['cos', 'u'], that of asin
 * ['div', 1, ['sqrt', ['sub', 1, ['pow', 'u', 2]]]]. Numbers are whole; 1/2 is ['div', 1, 2].
 * The table is data, so it stands below the trees: src/expr/template.ts builds the tree.
 */
export type Template<Name extends string = string> =
  | number
  | TemplateLeaf
  | readonly [TemplateOperator | Name, ...Template<Name>[]];

type TemplateLeaf = 'u' | 'v' | 'e' | 'pi';

/** add and mul take any number of operands; sub, div and pow two; neg one. */
type TemplateOperator = 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow';

export const templateOperators: ReadonlySet<string> = new Set<TemplateOperator>(['add', 'sub', 'mul', 'div', 'neg', 'pow']);
