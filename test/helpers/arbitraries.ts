import fc from 'fast-check';
import type { Expr } from '../../src/expr/types.js';
import * as build from '../../src/expr/factory.js';
import { functionNames, functionTable, oneArgumentDerivative } from '../../src/functions/table.js';
import { rational } from '../../src/expr/rational.js';
import { partWithoutValue } from '../../src/differentiate/no-value.js';

export interface TreeOptions {
  readonly variables?: readonly string[];
  readonly abstract?: boolean;
  readonly depth?: number;
}

/** Literals as a person types them: integers and short decimals. */
const literal: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((n) => build.int(n)),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 2 }))
    .map(([digits, places]) => build.num(rational(digits, 10 ** places), true)),
);

/** Random expression trees over every node kind and every function of the table. */
export function expressionTree(options: TreeOptions = {}): fc.Arbitrary<Expr> {
  // x, the usual variable of differentiation, comes up as often as all the others together.
  const variables = options.variables ?? ['x', 'x', 'x', 'y', 'theta', 'w1'];
  // ζ(s) has no derivative by s in closed form: it is generated of two arguments, with a constant s.
  const oneArgument = functionNames.filter((name) => functionTable[name].arity[0] === 1 && oneArgumentDerivative(functionTable[name]) !== undefined);
  // Functions of two arguments (max, leaky_relu with its slope); log(u, b) is drawn with the bases people use.
  const twoArguments = functionNames.filter((name) => functionTable[name].arity[0] <= 2 && functionTable[name].arity[1] >= 2 && name !== 'log');
  // Functions of any number of arguments (max(a, b, c), logsumexp), drawn with three.
  const threeArguments = functionNames.filter((name) => functionTable[name].associative);
  // Functions of exactly three or four arguments (Π(n; φ | m), the Jacobi polynomials).
  const moreArguments = functionNames.filter((name) => functionTable[name].arity[0] >= 3);
  const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...variables).map(build.variable) },
    { weight: 2, arbitrary: literal },
    { weight: 1, arbitrary: fc.constantFrom('e' as const, 'pi' as const).map(build.constant) },
  );
  const { node } = fc.letrec<{ tree: Expr; node: Expr }>((tie) => ({
    tree: fc.oneof({ depthSize: 'medium', maxDepth: options.depth ?? 5, withCrossShrink: true }, leaf, tie('node')),
    node: fc.oneof(
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map(build.add),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map(build.mul),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => build.div(a, b)),
      tie('tree').map(build.neg),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => build.pow(a, b)),
      fc.tuple(tie('tree'), fc.integer({ min: -3, max: 4 })).map(([a, n]) => build.pow(a, build.int(n))),
      fc.tuple(fc.constantFrom(...oneArgument), tie('tree')).map(([name, a]) => build.call(name, [a])),
      fc.tuple(fc.constantFrom(...oneArgument), tie('tree')).map(([name, a]) => build.call(name, [a])),
      fc.tuple(tie('tree'), fc.constantFrom(2, 10)).map(([a, b]) => build.call('log', [a, build.int(b)])),
      fc.tuple(fc.constantFrom(...twoArguments), tie('tree'), tie('tree'), fc.integer({ min: 0, max: 3 })).map(([name, a, b, n]) =>
        // An argument that takes whole numbers only (polygamma's order) gets one; one by which there is
        // no partial in closed form (the incomplete Γ's order) a constant from 2 up, past ζ's pole at 1;
        // a second one without (the Jacobi functions' parameter) a constant in [0, 1).
        // One with few values at which the function is real (W's branch) one of those.
        build.call(name, functionTable[name].realOnlyAt ? [build.int(functionTable[name].realOnlyAt!.values[n % functionTable[name].realOnlyAt!.values.length]!), b]
          : (functionTable[name].discreteArguments ?? []).includes(0) ? [build.int(n), b]
          : functionTable[name].partials?.[0] === null ? [build.int(n + 2), b]
          : functionTable[name].partials?.[1] === null ? [a, build.div(build.int(n), build.int(4))] : [a, b])),
      fc.tuple(fc.constantFrom(...threeArguments), fc.array(tie('tree'), { minLength: 3, maxLength: 3 }))
        .map(([name, args]) => build.call(name, args)),
      // A whole-number argument gets one, one without a partial in closed form a constant in [0, 1).
      fc.tuple(fc.constantFrom(...moreArguments), fc.array(tie('tree'), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 3 }))
        .map(([name, args, n]) => build.call(name, functionTable[name].partials!.map((p, i) =>
          ((functionTable[name].discreteArguments ?? []).includes(i) ? build.int(n) : p === null ? build.div(build.int(n), build.int(4)) : args[i]!)))),
      ...(options.abstract === false ? [] : [
        fc.tuple(fc.constantFrom('f', 'g', 'h'), fc.integer({ min: 0, max: 2 }), tie('tree'))
          .map(([name, order, a]) => build.apply(name, [a], [order])),
        fc.tuple(fc.constantFrom('f', 'g'), tie('tree'), tie('tree'), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 }))
          .map(([name, a, b, i, j]) => build.apply(name, [a, b], [i, j])),
      ]),
    ),
  }));
  // The root is always an operation, so every sample exercises at least one rule. A tree with a
  // part that has no value (log(0), x/0) has none anywhere, and is refused (see no-value.ts).
  return node.filter((e) => partWithoutValue(e) === undefined);
}

/**
 * Trees that test the real domain: fractional powers of even powers ((x²)^(1/4)), products of
 * powers, absolute values, and tiny and huge constants (10⁻¹³·…, 10¹²·…), over x.
 */
export function powerTree(): fc.Arbitrary<Expr> {
  const x = build.variable('x');
  const fraction = fc.tuple(fc.integer({ min: -5, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .filter(([n]) => n !== 0).map(([n, d]) => build.num(rational(n, d)));
  const scale = fc.constantFrom(rational(1n, 10n ** 13n), rational(10n ** 12n, 1n), rational(3n, 1n));
  return fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: 3 },
      fc.constant(x),
      fc.tuple(tie('tree'), fraction).map(([b, e]) => build.pow(b, e)),
      fc.tuple(tie('tree'), fc.integer({ min: 2, max: 6 })).map(([b, e]) => build.pow(b, build.int(e))),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => build.mul([a, b])),
      tie('tree').map((a) => build.call('abs', [a])),
      fc.tuple(scale, tie('tree')).map(([c, a]) => build.mul([build.num(c), a])),
    ),
  })).tree;
}

/**
 * Trees whose higher derivatives are polynomials in functions: σ, tanh, exp, tan, sec, sin and
 * cos of x, of multiples of x and of each other, in sums, products and whole powers.
 */
export function functionPolynomialTree(): fc.Arbitrary<Expr> {
  const x = build.variable('x');
  const argument = fc.oneof(fc.constant(x), fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0).map((n) => build.mul([build.int(n), x])));
  const names = ['sigmoid', 'tanh', 'exp', 'tan', 'sec', 'sin', 'cos'] as const;
  return fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: 3 },
      fc.tuple(fc.constantFrom(...names), argument).map(([name, u]) => build.call(name, [u])),
      fc.tuple(fc.constantFrom(...names), tie('tree')).map(([name, u]) => build.call(name, [u])),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => build.add([a, b])),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => build.mul([a, b])),
      fc.tuple(tie('tree'), fc.integer({ min: 2, max: 3 })).map(([b, e]) => build.pow(b, build.int(e))),
    ),
  })).tree;
}
