import { argumentLeaves, type Template } from '../functions/template.js';
import type { FunctionName } from '../functions/table.js';
import type { Expr } from './types.js';
import { add, call, constant, div, int, mul, neg, pow, sub } from './factory.js';
import { equals } from './traverse.js';

/**
 * The tree a template of the function table stands for, with u, v, w and t the given arguments:
 * ['div', 1, ['sqrt', 'u']] with u = 1 − x² is 1/√(1 − x²). Built by the factories, so in
 * canonical form, as if written out by hand.
 */
export function fromTemplate(template: Template<FunctionName>, args: readonly Expr[]): Expr {
  if (typeof template === 'number') return int(template);
  switch (template) {
    case 'u': return argument(args, 0);
    case 'v': return argument(args, 1);
    case 'w': return argument(args, 2);
    case 't': return argument(args, 3);
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
    case 'if': case 'gt': case 'lt': case 'ge':
      throw new Error(`internal error: a template with '${head}' has values, not a tree`);
    default: return call(head, parts);
  }
}

function argument(args: readonly Expr[], index: number): Expr {
  const arg = args[index];
  if (!arg) throw new Error(`internal error: a template uses argument ${index + 1} of ${args.length}`);
  return arg;
}

/**
 * The arguments that make a template this tree, when it is one: ['div', ['cos', 'u'], ['sin', 'u']]
 * matches cos(x + 1)/sin(x + 1) with u = x + 1. Operators match nodes of their kind part by part,
 * numbers match equal numbers, and a letter matches the same tree wherever it stands.
 */
export function matchTemplate(template: Template<FunctionName>, e: Expr): Expr[] | undefined {
  const bound: Expr[] = [];
  const match = (t: Template<FunctionName>, node: Expr): boolean => {
    if (typeof t === 'number') return node.kind === 'num' && node.value.equals(t);
    switch (t) {
      case 'u': case 'v': case 'w': case 't': {
        const index = argumentLeaves.indexOf(t);
        const known = bound[index];
        if (known) return equals(known, node);
        bound[index] = node;
        return true;
      }
      case 'e': case 'pi': return node.kind === 'constant' && node.name === t;
    }
    const [head, ...rest] = t;
    const parts = (): readonly Expr[] | undefined => {
      switch (head) {
        case 'add': return node.kind === 'add' ? node.terms : undefined;
        case 'mul': return node.kind === 'mul' ? node.factors : undefined;
        case 'div': return node.kind === 'div' ? [node.numerator, node.denominator] : undefined;
        case 'neg': return node.kind === 'neg' ? [node.operand] : undefined;
        case 'pow': return node.kind === 'pow' ? [node.base, node.exponent] : undefined;
        // a − b is a sum with a negated second term.
        case 'sub': return node.kind === 'add' && node.terms.length === 2 && node.terms[1]!.kind === 'neg' ? [node.terms[0]!, node.terms[1]!.operand] : undefined;
        case 'if': case 'gt': case 'lt': case 'ge': return undefined;
        default: return node.kind === 'call' && node.name === head ? node.args : undefined;
      }
    };
    const of = parts();
    return of !== undefined && of.length === rest.length && rest.every((r, i) => match(r, of[i]!));
  };
  return match(template, e) ? bound : undefined;
}
