import type { Expr } from '../expr/types.js';
import { call, int, pow } from '../expr/factory.js';
import { isInteger } from '../expr/rational.js';
import { equals } from '../expr/traverse.js';
import { fromTemplate, matchTemplate } from '../expr/template.js';
import { functionNames, functionTable, type FunctionName } from '../functions/table.js';
import { simpler } from '../algebra/complexity.js';
import { rule, type AnyRewriteRule } from './rewrite.js';

/*
 * Rewrites that know functions, each read from the function table: exact values, a function
 * undoing another, roots of powers, and quotients that are a function of the table.
 */

/** Each function's exact values as trees: log(1) = 0, log(e) = 1. */
const exactValues = new Map(functionNames.map((name) => [name, (functionTable[name].values ?? [])
  .map(({ at, is }) => ({ at: fromTemplate(at, []), is: fromTemplate(is, []) }))] as const));

/**
 * The functions defined as a quotient of two functions of their argument (cot = cos/sin,
 * tan = sin/cos), with that definition. Reciprocals (sec = 1/cos) are left out: 1/cos(x) is
 * rewritten before the product it stands in, and −sin(x)·sec(x) would then never become −tan(x).
 */
const quotients = functionNames.flatMap((name) => {
  const definition = functionTable[name].definition;
  if (!Array.isArray(definition) || definition[0] !== 'div') return [];
  const isCall = (t: unknown): boolean => Array.isArray(t) && t.length === 2 && t[1] === 'u' && functionNames.includes(t[0] as FunctionName);
  return isCall(definition[1]) && isCall(definition[2]) ? [{ name, definition }] : [];
});

export const functionRules: readonly AnyRewriteRule[] = [
  // log(1) → 0, log(e) → 1, cos(0) → 1
  rule('call', 'exact-value', (e) => {
    if (e.args.length !== 1) return undefined;
    return exactValues.get(e.name)!.find(({ at }) => equals(at, e.args[0]!))?.is;
  }),
  // log(e^u) → u, sin(arcsin(u)) → u: true wherever the inner function is defined
  rule('call', 'cancel-inverse', (e) => {
    const [inner] = e.args;
    if (e.args.length !== 1 || inner?.kind !== 'call' || inner.args.length !== 1) return undefined;
    return functionTable[e.name].undoes === inner.name ? inner.args[0] : undefined;
  }),
  // √(u²) → |u|, ∛(u³) → u, √(u⁶) → |u|³: an even root of an even power is that of |u|
  rule('call', 'root-of-power', (e) => {
    const n = functionTable[e.name].root;
    const [inner] = e.args;
    if (n === undefined || inner?.kind !== 'pow' || inner.exponent.kind !== 'num') return undefined;
    const m = inner.exponent.value;
    if (!isInteger(m) || m.s < 0n || m.n % BigInt(n) !== 0n) return undefined;
    const k = m.n / BigInt(n);
    const base = n % 2 === 0 && k % 2n === 1n ? call('abs', [inner.base]) : inner.base;
    return k === 1n ? base : pow(base, int(k));
  }),
  // cos(u)/sin(u) → cot(u), sin(u)/cos(u) → tan(u): a quotient that is a function of the table, when shorter
  rule('div', 'quotient-as-function', (e) => {
    for (const { name, definition } of quotients) {
      const args = matchTemplate(definition, e);
      if (!args) continue;
      const f: Expr = call(name, args);
      if (simpler(f, e)) return f;
    }
    return undefined;
  }),
];
