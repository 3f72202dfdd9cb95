import type { Expr } from '../expr/types.js';
import type { DiffStep } from '../diff/steps.js';
import { add, apply, call, derivative, div, int, mul, neg, pow, sub, variable } from '../expr/factory.js';
import { functionNames, functionTable, type FunctionName } from '../functions/table.js';
import { fromTemplate } from '../expr/template.js';

/**
 * The general form of each rule as an equation of expressions, (u/v)′ = (u′·v − u·v′)/v²,
 * so every printer writes it in its own notation. Letters u, v, c, n, a, b, f, g are
 * placeholders; x is the step's variable.
 */
export type Equation = readonly [Expr, Expr];

const u = variable('u');
const v = variable('v');
const c = variable('c');
const d = (e: Expr, by: string): Expr => derivative(e, by);

export function generalForm(step: DiffStep): Equation {
  const x = variable(step.variable);
  const by = step.variable;
  switch (step.rule) {
    case 'constant': return [d(c, by), int(0)];
    case 'variable': return [d(x, by), int(1)];
    case 'sum': return [d(add([u, v]), 'x'), add([d(u, 'x'), d(v, 'x')])];
    case 'negation': return [d(neg(u), 'x'), neg(d(u, 'x'))];
    case 'constant-multiple': return [d(mul([c, u]), 'x'), mul([c, d(u, 'x')])];
    case 'product': return [d(mul([u, v]), 'x'), add([mul([d(u, 'x'), v]), mul([u, d(v, 'x')])])];
    case 'quotient':
      return [d(div(u, v), 'x'), div(sub(mul([d(u, 'x'), v]), mul([u, d(v, 'x')])), pow(v, int(2)))];
    case 'power': {
      const n = variable('n');
      return [d(pow(x, n), by), mul([n, pow(x, add([n, int(-1)]))])];
    }
    case 'exponential': {
      if (step.bindings.base.kind === 'constant') return [d(call('exp', [x]), by), call('exp', [x])];
      const a = variable('a');
      return [d(pow(a, x), by), mul([pow(a, x), call('log', [a])])];
    }
    case 'general-power': {
      const f = variable('f');
      const g = variable('g');
      return [d(pow(f, g), 'x'), mul([pow(f, g), add([mul([d(g, 'x'), call('log', [f])]), mul([g, div(d(f, 'x'), f)])])])];
    }
    case 'logarithm': {
      // ln and the logarithms with a name of their own (log10, log2) show that name; any other base is the letter b.
      const named = logarithmTo(step.bindings.base);
      if (named) return [d(call(named, [x]), by), fromTemplate(functionTable[named].derivative, [x])];
      const b = variable('b');
      return [d(call('log', [x, b]), by), fromTemplate(functionTable.log.partials![0], [x, b])];
    }
    case 'chain': {
      const f = (arg: Expr, order: number): Expr => apply('f', order, arg);
      return [d(f(u, 0), 'x'), mul([f(u, 1), d(u, 'x')])];
    }
    case 'elementary': {
      const name = step.bindings.fn;
      return [d(call(name, [x]), by), fromTemplate(functionTable[name].derivative, [x])];
    }
    case 'abstract-function':
      return [d(apply(step.bindings.fn, 0, x), by), apply(step.bindings.fn, 1, x)];
    case 'polynomial-in-function': {
      const p = (arg: Expr, order: number): Expr => apply('P', order, arg);
      return [d(p(step.bindings.f, 0), by), mul([p(step.bindings.f, 1), d(step.bindings.f, by)])];
    }
  }
}

/** The function of the table that is the logarithm to this base (log for e, log10 for 10), if there is one. */
function logarithmTo(base: Expr): FunctionName | undefined {
  return functionNames.find((name) => {
    const rule = functionTable[name].rule;
    if (rule.id !== 'logarithm' || functionTable[name].arity[0] !== 1) return false;
    return rule.base === 'e' ? base.kind === 'constant' && base.name === 'e' : base.kind === 'num' && base.value.equals(rule.base);
  });
}
