import type { Template } from '../functions/template.js';
import type { FunctionName } from '../functions/table.js';
import type { Expr } from './types.js';
import { add, call, constant, div, int, mul, neg, pow, sub } from './factory.js';

/**
 * The tree a template of the function table stands for, with u and v the given arguments:
 * ['div', 1, ['sqrt', 'u']] with u = 1 − x² is 1/√(1 − x²). Built by the factories, so in
 * canonical form, as if written out by hand.
 */
export function fromTemplate(template: Template<FunctionName>, args: readonly Expr[]): Expr {
  if (typeof template === 'number') return int(template);
  switch (template) {
    case 'u': return argument(args, 0);
    case 'v': return argument(args, 1);
    case 'e': return constant('e');
    case 'pi': return constant('pi');
  }
  const [head, ...rest] = template;
  const parts = rest.map((t) => fromTemplate(t, args));
  switch (head) {
    case 'add': return add(parts);
    case 'mul': return mul(parts);
    case 'sub': return sub(parts[0]!, parts[1]!);
    case 'div': return div(parts[0]!, parts[1]!);
    case 'neg': return neg(parts[0]!);
    case 'pow': return pow(parts[0]!, parts[1]!);
    default: return call(head, parts);
  }
}

function argument(args: readonly Expr[], index: number): Expr {
  const arg = args[index];
  if (!arg) throw new Error(`internal error: a template uses argument ${index + 1} of ${args.length}`);
  return arg;
}
