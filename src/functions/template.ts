/**
 * A formula as data, over the arguments of a function: `u` is the first, `v` the second, `w` the
 * third and `t` the fourth.
 * A list is an operation, [operator, ...operands], or a function of the table applied to
 * arguments, [name, ...arguments]: the derivative of sin is ['cos', 'u'], that of asin
 * ['div', 1, ['sqrt', ['sub', 1, ['pow', 'u', 2]]]]. Numbers are whole; 1/2 is ['div', 1, 2].
 * The table is data, so it stands below the trees: src/expr/template.ts builds the tree.
 */
export type Template<Name extends string = string> =
  | number
  | TemplateLeaf
  | readonly [TemplateOperator | Name, ...Template<Name>[]];

type TemplateLeaf = ArgumentLeaf | 'e' | 'pi';

/** The letters that stand for a function's arguments, in their order. */
export const argumentLeaves = ['u', 'v', 'w', 't'] as const;
type ArgumentLeaf = typeof argumentLeaves[number];

/**
 * add and mul take any number of operands; sub, div and pow two; neg one. The conditions
 * gt, lt and ge (u > v, u < v, u ≥ v) and if (condition, then, else) write the definitions of
 * functions given by cases (relu(u) = if u > 0 then u else 0): they have no tree form, only values.
 */
type TemplateOperator = 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow' | 'if' | 'gt' | 'lt' | 'ge';

export const templateOperators: ReadonlySet<string> = new Set<TemplateOperator>(['add', 'sub', 'mul', 'div', 'neg', 'pow', 'if', 'gt', 'lt', 'ge']);

/** How many operands an operator takes: [fewest, most]. */
export const operandCounts: Readonly<Record<TemplateOperator, readonly [number, number]>> = {
  add: [2, Infinity], mul: [2, Infinity], sub: [2, 2], div: [2, 2], pow: [2, 2], neg: [1, 1],
  if: [3, 3], gt: [2, 2], lt: [2, 2], ge: [2, 2],
};

/** The template with each `v` replaced by another template: the one-argument form of leaky_relu(u, v) at v = 1/100. */
export function withSecond<Name extends string>(t: Template<Name>, v: Template<Name>): Template<Name> {
  if (t === 'v') return v;
  if (typeof t === 'number' || typeof t === 'string') return t;
  const [head, ...rest] = t;
  return [head, ...rest.map((r) => withSecond(r, v))];
}
