import type { Decimal } from 'decimal.js';
import { withSecond, type Template } from './template.js';
import { preciseAtan2, preciseLogarithm, preciseMax, preciseMin } from './precise.js';
import { interval, type Domain, type Interval } from './intervals.js';
import { chebyshevTRecurrence, chebyshevURecurrence, hermiteRecurrence, laguerreRecurrence, legendreRecurrence, type ThreeTermRecurrence } from './recurrence.js';
import {
  acot, acoth, acsc, acsch, asec, asech, cot, coth, csc, csch, digamma, elu, erf, erfc, gamma, gammaln, gelu, heaviside, leakyRelu,
  logarithm, logSigmoid, logSumExp, mish, polygamma, relu, roundHalfAway, sec, sech, sigmoid, silu, sinc, softplus, softsign,
  erfinv, erfcinv, erf2, erf2inv, fresnelS, fresnelC, besselJ0, besselJ1, besselY0, besselY1, sineIntegral, cosineIntegral, ellipticK, ellipticE,
  factorial, lambertW, besselJv, besselYv, besselI, besselK, sphericalJn, sphericalYn, airyAi, airyBi, airyAiPrime, airyBiPrime, polylog, binomial,
  exponentialEi, exponentialE1, logarithmicIntegral, offsetLogarithmicIntegral, ellipticF, ellipticEOf2, jacobiAm, jacobiSn, jacobiCn, jacobiDn, hurwitzZeta, beta, lowerGamma, upperGamma, regularizedLowerGamma, regularizedUpperGamma, hermite, laguerre, legendre, chebyshevT, chebyshevU,
  generalizedLambertW, regularizedIncompleteBeta, marcumQ, ellipticPi, ellipticPiOf3, assocLaguerre, gegenbauer, assocLegendre, jacobiP, inverseJacobiSn, inverseJacobiCn,
} from './numeric.js';

/**
 * The function table: one entry per elementary function, holding every fact the project
 * knows about it, read by whoever needs it (the rules, the printers, the reader, the
 * evaluator, the interop with mathjs). Adding a function is adding one entry here.
 *
 * Entries are data: formulas are templates over the arguments u and v (see template.ts),
 * spellings are strings, the numeric value is a function of numbers. So the table stands
 * below the expression trees, and the names of its entries are the type `FunctionName`.
 */
export interface FunctionEntry<Name extends string = FunctionName> {
  /** Other spellings read as input: ln for log, arcsin for asin. The entry's name is its ASCII spelling. */
  readonly aliases: readonly string[];
  /** Fewest and most arguments. */
  readonly arity: readonly [number, number];
  /** What its arguments are called where that says what they are (atan2(y, x), log(x, b)); x and y otherwise. */
  readonly parameters?: readonly string[];
  /** The rule of a derivation that differentiates it: the exponential and logarithm rules show a base. */
  readonly rule: FunctionRule;
  /**
   * d/du f(u) for the one-argument form. A function with a default second argument may leave it
   * out: it is then the first partial derivative at that default, and none where that is null (ζ(s)).
   */
  readonly derivative?: Template<Name>;
  /**
   * ∂f/∂u, ∂f/∂v, … for the form of two or more arguments, one for each (two for an associative f):
   * log(u, v) is the logarithm of u to base v. null where f has no partial derivative in closed form by
   * that argument (the incomplete Γ by its order): differentiating by an argument there that varies is
   * refused with that reason.
   */
  readonly partials?: readonly (Template<Name> | null)[];
  /**
   * f(u₁, …, uₙ) = f(uᵢ, f(the others)) for every i: so f takes any number of arguments from two
   * (max(a, b, c)), its partial derivative by uᵢ is ∂f/∂u with v = f(the others), and its
   * definition and its spellings in two-argument targets apply to one argument and the others' f.
   */
  readonly associative?: true;
  /** f(u₁, …, uₙ) is the least (min) or the greatest (max) of its arguments. */
  readonly extreme?: 'least' | 'greatest';
  /**
   * The function its spellings name when given one argument more than it takes: E(m) is the complete
   * integral and elliptic_e(φ, m) the incomplete one, as SymPy, Maxima and Mathematica spell both.
   */
  readonly withOneMore?: Name;
  /** Arguments that take whole numbers only, such as polygamma's order n: they may not depend on the variable. */
  readonly discreteArguments?: readonly number[];
  /**
   * The values of a whole-number argument at which f is real, and why at no others: Lambert's W of branch k
   * is complex-valued but for k = 0 and −1. Differentiating f at another value of it is refused with that reason.
   */
  readonly realOnlyAt?: { readonly argument: number; readonly values: readonly number[]; readonly reason: string };
  /** The second argument when it is left out: leaky_relu(x) is leaky_relu(x, 1/100). */
  readonly defaultSecond?: Template<Name>;
  /**
   * Where f has no derivative, although it is defined: where `of` is 0 (|u| at u = 0, max(u, v)
   * at u = v), a whole number (floor) or a whole number and a half (round). The derivative
   * the rules give holds everywhere else.
   */
  readonly notDifferentiable?: {
    readonly where: 'zero' | 'integer' | 'half-integer';
    readonly of: Template<Name>;
    /**
     * Where `of` is 0: what f is where `of` is above 0 and where it is below, each smooth there
     * (|u| is u and −u): f on each side of a point, whose derivatives tell a corner from none.
     */
    readonly sides?: readonly [above: Template<Name>, below: Template<Name>];
  };
  /** n when f is the n-th root, f(u) = u^(1/n) (for cbrt, the real root of a negative u too). */
  readonly root?: number;
  /** Exact values of the one-argument form: log(1) = 0, log(e) = 1, cos(0) = 1. */
  readonly values?: readonly { readonly at: Template<Name>; readonly is: Template<Name> }[];
  /**
   * f(n, x) is a polynomial in x of whole degree n, by this recurrence: at a small whole n it is
   * written out, H₃(x) = 8x³ − 12x, as its derivative then is, H₃′(x) = 24x² − 12.
   */
  readonly recurrence?: ThreeTermRecurrence;
  /**
   * f(u)² written with another function, for the identity that shortens a sum where both
   * appear: cos(u)² = 1 − sin(u)², cosh(u)² = 1 + sinh(u)², sec(u)² = 1 + tan(u)².
   */
  readonly square?: Template<Name>;
  /** The function calculators and textbooks write f⁻¹: sin⁻¹ x is asin(x). */
  readonly inverse?: Name;
  /** The function f undoes: f(g(u)) = u wherever g(u) is defined (log undoes exp; asin does not undo sin). */
  readonly undoes?: Name;
  /**
   * f of another function's inverse in closed form, wherever that inverse is defined:
   * cos(asin u) = √(1 − u²), sin(atan u) = u/√(1 + u²).
   */
  readonly ofInverses?: Readonly<Partial<Record<Name, Template<Name>>>>;
  /** Whether f′(u) is a polynomial in f(u) itself (σ′ = σ·(1 − σ), tanh′ = 1 − tanh², exp′ = exp). */
  readonly derivativeIsPolynomialInItself?: true;
  /**
   * Whether f(a + b) = f(a)·f(b) and f(c·a) = f(a)^c for every real a, b, c, as e^u is: the
   * normal form keeps f of a sum as a product of f of its terms, so e^x·e^(−x) is 1 and
   * e^x/(e^x + e^(2x)) is 1/(1 + e^x).
   */
  readonly turnsSumsIntoProducts?: true;
  /**
   * f′(u) written with the value y = f(u) alone, u standing for y: σ′ = y·(1 − y) is
   * ['mul', 'u', ['sub', 1, 'u']], ln′ = e^(−y). It holds wherever f′(u) is defined, so f is
   * one-to-one, or f′ takes one value wherever f does (relu′ = sign(y) for u ≠ 0). A backward
   * pass computes it from the forward pass's output.
   */
  readonly derivativeInOutput?: Template<Name>;
  /**
   * How generated code computes f where the plain definition overflows or cancels, and what
   * the comment beside it says: softplus(u) = max(u, 0) + ln(1 + e^(−|u|)) stays finite at u = 1000.
   */
  readonly stable?: { readonly form: Template<Name>; readonly note: string };
  /**
   * f in terms of exp, log, the other functions and arithmetic, for a target that lacks f
   * (σ(u) = 1/(1 + e^(−u))); for log, the two-argument form in terms of the one-argument one.
   */
  readonly definition?: Template<Name>;
  /** How an application is written in Unicode. */
  readonly unicode: UnicodeSpelling;
  /** How an application is written in LaTeX: data, so a LaTeX reader can use it as well. */
  readonly latex: LatexSpelling;
  /**
   * Its name in other languages, for mathjs and for generated code; absent where the language
   * lacks it (then the definition is written). mathjs's functions take the same arguments as
   * dydx's; the others' names are for the one-argument form.
   */
  readonly code: CodeSpellings;
  /** Its real value in floating point (NaN outside the domain). */
  readonly evaluate: (...args: number[]) => number;
  /**
   * Its real value in arbitrary precision, at the precision of its arguments (NaN outside the
   * domain), where decimal.js has the function; any other entry's is its definition's.
   */
  readonly precise?: (...args: Decimal[]) => Decimal;
  /** Where the one-argument form is defined on the reals (all of them when absent). */
  readonly domain?: Domain;
  /** The values it takes there (all reals when absent): σ lies in (0, 1). */
  readonly range?: Interval;
}

type FunctionRule =
  | { readonly id: 'elementary' }
  | { readonly id: 'exponential'; readonly base: 'e' }
  | { readonly id: 'logarithm'; readonly base: 'e' | number };

type UnicodeSpelling =
  /** name(u): sin(x), σ(x); `withBase` is the name of the two-argument form: ln(x), log(x, b). */
  | { readonly kind: 'name'; readonly name: string; readonly withBase?: string }
  /** A sign before the argument: √x, ∛x. */
  | { readonly kind: 'prefix'; readonly sign: string }
  /** The argument between two signs: |x|. */
  | { readonly kind: 'delimiters'; readonly open: string; readonly close: string }
  /** e^u. */
  | { readonly kind: 'power-of-e' };

type LatexSpelling =
  /** \sin\left(u\right); `withBase` for the two-argument form: \log_{b}\left(u\right). */
  | { readonly kind: 'command'; readonly command: string; readonly withBase?: string }
  /** \operatorname{arsinh}\left(u\right), for names LaTeX has no command for. */
  | { readonly kind: 'operatorname'; readonly name: string }
  /** \sqrt{u}, \sqrt[3]{u}: the root's index is the entry's `root`. */
  | { readonly kind: 'root' }
  /** \left|u\right|, \left\lfloor u\right\rfloor: the argument between two delimiters. */
  | { readonly kind: 'delimiters'; readonly open: string; readonly close: string }
  /** e^{u}. */
  | { readonly kind: 'power-of-e' };

export type CodeTarget = 'mathjs' | 'python' | 'numpy' | 'javascript' | 'c' | 'torch' | 'jax';
type CodeSpellings = { readonly [T in CodeTarget]?: string };

const allReals = interval(-Infinity, Infinity, '()');
const positive = interval(0, Infinity, '()');
const nonNegative = interval(0, Infinity, '[)');
const unit = interval(-1, 1, '[]');
/** The domain that is the union of these intervals. */
const on = (...intervals: Interval[]): Domain => ({ intervals });
/** The reals less one point, or less a point and every whole number of periods from it. */
const except = (at: number, every?: number): Domain => ({ intervals: [allReals], excluding: every === undefined ? { at } : { at, every } });
/** The reals less the points (at + k·every)·π/2 for whole k: the poles of tan, sec, cot and csc. */
const exceptHalfTurns = (at: number, every: number): Domain => ({ intervals: [allReals], excluding: { at: (at * Math.PI) / 2, every: (every * Math.PI) / 2, halfTurns: [at, every] } });
/** The reals less 0, −1, −2, …: where Γ has its poles. */
const exceptNonPositiveIntegers: Domain = { intervals: [allReals], excluding: { at: 0, every: 1, upTo: 0 } };
const outsideUnit = on(interval(-Infinity, -1, '(]'), interval(1, Infinity, '[)'));

const elementary = { id: 'elementary' } as const;
const called = (name: string) => ({ kind: 'name', name }) as const;
const command = (name: string) => ({ kind: 'command', command: `\\${name}` }) as const;
const operatorname = (name: string) => ({ kind: 'operatorname', name }) as const;
/** The same name in mathjs, Python's math, NumPy, JavaScript's Math, C's math.h, PyTorch and jax.numpy. */
const everywhere = (name: string, numpy = name) =>
  ({ mathjs: name, python: `math.${name}`, numpy: `np.${numpy}`, javascript: `Math.${name}`, c: name, torch: `torch.${name}`, jax: `jnp.${numpy}` }) as const;
/** √2/2 and √3/2: the sines and cosines of π/4, π/3 and their kin. */
const halfRoot2 = ['div', ['sqrt', 2], 2] as const;
const halfRoot3 = ['div', ['sqrt', 3], 2] as const;
/** e^(−|u|), which never overflows: the stable forms of σ, softplus and their kin are written with it. */
const decaying = ['exp', ['neg', ['abs', 'u']]] as const;

/** Keeps an entry's literal types, so the table's own type can check the names its templates use. */
const entry = <const E extends FunctionEntry<string>>(e: E): E => e;

const table = {
  exp: entry({
    aliases: [], arity: [1, 1], rule: { id: 'exponential', base: 'e' },
    values: [{ at: 0, is: 1 }], undoes: 'log', turnsSumsIntoProducts: true,
    derivative: ['exp', 'u'], derivativeIsPolynomialInItself: true, derivativeInOutput: 'u',
    unicode: { kind: 'power-of-e' }, latex: { kind: 'power-of-e' }, code: everywhere('exp'),
    evaluate: Math.exp, precise: (u) => u.exp(), range: positive,
  }),
  log: entry({
    aliases: ['ln'], arity: [1, 2], parameters: ['x', 'b'], rule: { id: 'logarithm', base: 'e' },
    values: [{ at: 1, is: 0 }, { at: 'e', is: 1 }], undoes: 'exp',
    derivative: ['div', 1, 'u'], derivativeInOutput: ['exp', ['neg', 'u']],
    partials: [['div', 1, ['mul', 'u', ['log', 'v']]], ['neg', ['div', ['log', 'u'], ['mul', 'v', ['pow', ['log', 'v'], 2]]]]],
    definition: ['div', ['log', 'u'], ['log', 'v']],
    unicode: { kind: 'name', name: 'ln', withBase: 'log' }, latex: { kind: 'command', command: '\\ln', withBase: '\\log' },
    code: everywhere('log'), evaluate: logarithm, precise: preciseLogarithm, domain: on(positive),
  }),
  log10: entry({
    aliases: [], arity: [1, 1], rule: { id: 'logarithm', base: 10 },
    values: [{ at: 1, is: 0 }, { at: 10, is: 1 }],
    derivative: ['div', 1, ['mul', 'u', ['log', 10]]], derivativeInOutput: ['div', 1, ['mul', ['pow', 10, 'u'], ['log', 10]]], definition: ['div', ['log', 'u'], ['log', 10]],
    unicode: called('log10'), latex: command('log_{10}'), code: everywhere('log10'),
    evaluate: Math.log10, domain: on(positive),
  }),
  log2: entry({
    aliases: [], arity: [1, 1], rule: { id: 'logarithm', base: 2 },
    values: [{ at: 1, is: 0 }, { at: 2, is: 1 }],
    derivative: ['div', 1, ['mul', 'u', ['log', 2]]], derivativeInOutput: ['div', 1, ['mul', ['pow', 2, 'u'], ['log', 2]]], definition: ['div', ['log', 'u'], ['log', 2]],
    unicode: called('log2'), latex: command('log_{2}'), code: everywhere('log2'),
    evaluate: Math.log2, domain: on(positive),
  }),
  sqrt: entry({
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }, { at: 1, is: 1 }],
    derivative: ['div', 1, ['mul', 2, ['sqrt', 'u']]], derivativeInOutput: ['div', 1, ['mul', 2, 'u']], root: 2,
    unicode: { kind: 'prefix', sign: '√' }, latex: { kind: 'root' }, code: everywhere('sqrt'),
    evaluate: Math.sqrt, precise: (u) => u.sqrt(), domain: on(nonNegative), range: nonNegative,
  }),
  cbrt: entry({
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }, { at: 1, is: 1 }],
    derivative: ['div', 1, ['mul', 3, ['pow', ['cbrt', 'u'], 2]]], derivativeInOutput: ['div', 1, ['mul', 3, ['pow', 'u', 2]]], root: 3,
    unicode: { kind: 'prefix', sign: '∛' }, latex: { kind: 'root' },
    // PyTorch has no cube root: its code writes the real root as a power of |u| with u's sign.
    code: { mathjs: 'cbrt', python: 'math.cbrt', numpy: 'np.cbrt', javascript: 'Math.cbrt', c: 'cbrt', jax: 'jnp.cbrt' },
    evaluate: Math.cbrt, precise: (u) => u.cbrt(),
  }),
  abs: entry({
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['sign', 'u'], notDifferentiable: { where: 'zero', of: 'u', sides: ['u', ['neg', 'u']] },
    unicode: { kind: 'delimiters', open: '|', close: '|' }, latex: { kind: 'delimiters', open: '|', close: '|' },
    code: { mathjs: 'abs', python: 'abs', numpy: 'np.abs', javascript: 'Math.abs', c: 'fabs', torch: 'torch.abs', jax: 'jnp.abs' },
    evaluate: Math.abs, precise: (u) => u.abs(), range: nonNegative,
  }),
  sign: entry({
    // sign(0) = 0
    aliases: ['sgn'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: 0, notDifferentiable: { where: 'zero', of: 'u', sides: [1, -1] },
    definition: ['if', ['gt', 'u', 0], 1, ['if', ['lt', 'u', 0], -1, 0]],
    unicode: called('sign'), latex: operatorname('sgn'), code: { mathjs: 'sign', numpy: 'np.sign', javascript: 'Math.sign', torch: 'torch.sign', jax: 'jnp.sign' },
    evaluate: Math.sign, range: unit,
  }),
  heaviside: entry({
    // The unit step, with heaviside(0) = 1/2 (as SymPy has it): the mean of its limits.
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: ['div', 1, 2] }],
    derivative: 0, notDifferentiable: { where: 'zero', of: 'u', sides: [1, 0] },
    definition: ['if', ['gt', 'u', 0], 1, ['if', ['lt', 'u', 0], 0, ['div', 1, 2]]],
    unicode: called('heaviside'), latex: operatorname('H'), code: {},
    evaluate: heaviside, range: interval(0, 1, '[]'),
  }),
  floor: entry({
    aliases: [], arity: [1, 1], rule: elementary,
    derivative: 0, notDifferentiable: { where: 'integer', of: 'u' },
    unicode: called('floor'), latex: { kind: 'delimiters', open: '\\lfloor', close: '\\rfloor' }, code: everywhere('floor'),
    evaluate: Math.floor, precise: (u) => u.floor(),
  }),
  ceil: entry({
    aliases: ['ceiling'], arity: [1, 1], rule: elementary,
    derivative: 0, notDifferentiable: { where: 'integer', of: 'u' },
    unicode: called('ceil'), latex: { kind: 'delimiters', open: '\\lceil', close: '\\rceil' }, code: everywhere('ceil'),
    evaluate: Math.ceil, precise: (u) => u.ceil(),
  }),
  round: entry({
    // Halves away from zero, as mathjs and C round: round(2.5) = 3, round(−2.5) = −3.
    aliases: [], arity: [1, 1], rule: elementary,
    derivative: 0, notDifferentiable: { where: 'half-integer', of: 'u' },
    definition: ['if', ['ge', 'u', 0], ['floor', ['add', 'u', ['div', 1, 2]]], ['neg', ['floor', ['sub', ['div', 1, 2], 'u']]]],
    unicode: called('round'), latex: operatorname('round'), code: { mathjs: 'round', c: 'round' },
    evaluate: roundHalfAway,
  }),
  min: entry({
    aliases: [], arity: [2, Infinity], associative: true, extreme: 'least', rule: elementary,
    partials: [['heaviside', ['sub', 'v', 'u']], ['heaviside', ['sub', 'u', 'v']]],
    notDifferentiable: { where: 'zero', of: ['sub', 'u', 'v'], sides: ['v', 'u'] },
    unicode: called('min'), latex: command('min'),
    code: { mathjs: 'min', python: 'min', numpy: 'np.minimum', javascript: 'Math.min', c: 'fmin', jax: 'jnp.minimum' },
    evaluate: Math.min, precise: preciseMin,
  }),
  max: entry({
    aliases: [], arity: [2, Infinity], associative: true, extreme: 'greatest', rule: elementary,
    partials: [['heaviside', ['sub', 'u', 'v']], ['heaviside', ['sub', 'v', 'u']]],
    notDifferentiable: { where: 'zero', of: ['sub', 'u', 'v'], sides: ['u', 'v'] },
    unicode: called('max'), latex: command('max'),
    code: { mathjs: 'max', python: 'max', numpy: 'np.maximum', javascript: 'Math.max', c: 'fmax', jax: 'jnp.maximum' },
    evaluate: Math.max, precise: preciseMax,
  }),
  sin: entry({
    inverse: 'asin', aliases: [], arity: [1, 1], rule: elementary, derivative: ['cos', 'u'],
    values: [
      { at: 0, is: 0 }, { at: ['div', 'pi', 6], is: ['div', 1, 2] }, { at: ['div', 'pi', 4], is: halfRoot2 }, { at: ['div', 'pi', 3], is: halfRoot3 },
      { at: ['div', 'pi', 2], is: 1 }, { at: ['div', ['mul', 2, 'pi'], 3], is: halfRoot3 }, { at: ['div', ['mul', 3, 'pi'], 4], is: halfRoot2 },
      { at: ['div', ['mul', 5, 'pi'], 6], is: ['div', 1, 2] }, { at: 'pi', is: 0 }, { at: ['mul', 2, 'pi'], is: 0 },
    ],
    undoes: 'asin', ofInverses: { acos: ['sqrt', ['sub', 1, ['pow', 'u', 2]]], atan: ['div', 'u', ['sqrt', ['add', 1, ['pow', 'u', 2]]]] },
    unicode: called('sin'), latex: command('sin'), code: everywhere('sin'), evaluate: Math.sin, precise: (u) => u.sin(), range: unit,
  }),
  cos: entry({
    inverse: 'acos', aliases: [], arity: [1, 1], rule: elementary, derivative: ['neg', ['sin', 'u']],
    square: ['sub', 1, ['pow', ['sin', 'u'], 2]],
    values: [
      { at: 0, is: 1 }, { at: ['div', 'pi', 6], is: halfRoot3 }, { at: ['div', 'pi', 4], is: halfRoot2 }, { at: ['div', 'pi', 3], is: ['div', 1, 2] },
      { at: ['div', 'pi', 2], is: 0 }, { at: ['div', ['mul', 2, 'pi'], 3], is: ['div', -1, 2] }, { at: ['div', ['mul', 3, 'pi'], 4], is: ['neg', halfRoot2] },
      { at: ['div', ['mul', 5, 'pi'], 6], is: ['neg', halfRoot3] }, { at: 'pi', is: -1 }, { at: ['mul', 2, 'pi'], is: 1 },
    ],
    undoes: 'acos', ofInverses: { asin: ['sqrt', ['sub', 1, ['pow', 'u', 2]]], atan: ['div', 1, ['sqrt', ['add', 1, ['pow', 'u', 2]]]] },
    unicode: called('cos'), latex: command('cos'), code: everywhere('cos'), evaluate: Math.cos, precise: (u) => u.cos(), range: unit,
  }),
  tan: entry({
    inverse: 'atan', aliases: [], arity: [1, 1], rule: elementary, derivative: ['pow', ['sec', 'u'], 2],
    // Not one-to-one, yet sec² = 1 + tan² wherever tan is defined.
    derivativeInOutput: ['add', 1, ['pow', 'u', 2]],
    definition: ['div', ['sin', 'u'], ['cos', 'u']],
    values: [
      { at: 0, is: 0 }, { at: ['div', 'pi', 6], is: ['div', ['sqrt', 3], 3] }, { at: ['div', 'pi', 4], is: 1 }, { at: ['div', 'pi', 3], is: ['sqrt', 3] },
      { at: ['div', ['mul', 2, 'pi'], 3], is: ['neg', ['sqrt', 3]] }, { at: ['div', ['mul', 3, 'pi'], 4], is: -1 },
      { at: ['div', ['mul', 5, 'pi'], 6], is: ['neg', ['div', ['sqrt', 3], 3]] }, { at: 'pi', is: 0 },
    ],
    undoes: 'atan', ofInverses: { asin: ['div', 'u', ['sqrt', ['sub', 1, ['pow', 'u', 2]]]], acos: ['div', ['sqrt', ['sub', 1, ['pow', 'u', 2]]], 'u'] },
    unicode: called('tan'), latex: command('tan'), code: everywhere('tan'), evaluate: Math.tan, domain: exceptHalfTurns(1, 2),
  }),
  sec: entry({
    inverse: 'asec', aliases: [], arity: [1, 1], rule: elementary, derivative: ['mul', ['sec', 'u'], ['tan', 'u']],
    square: ['add', 1, ['pow', ['tan', 'u'], 2]],
    values: [{ at: 0, is: 1 }], ofInverses: { atan: ['sqrt', ['add', 1, ['pow', 'u', 2]]] },
    definition: ['div', 1, ['cos', 'u']],
    unicode: called('sec'), latex: command('sec'), code: { mathjs: 'sec' }, evaluate: sec, domain: exceptHalfTurns(1, 2),
  }),
  csc: entry({
    inverse: 'acsc', aliases: [], arity: [1, 1], rule: elementary, derivative: ['neg', ['mul', ['csc', 'u'], ['cot', 'u']]],
    square: ['add', 1, ['pow', ['cot', 'u'], 2]],
    definition: ['div', 1, ['sin', 'u']],
    unicode: called('csc'), latex: command('csc'), code: { mathjs: 'csc' }, evaluate: csc, domain: exceptHalfTurns(0, 2),
  }),
  cot: entry({
    inverse: 'acot', aliases: [], arity: [1, 1], rule: elementary, derivative: ['neg', ['pow', ['csc', 'u'], 2]],
    derivativeInOutput: ['neg', ['add', 1, ['pow', 'u', 2]]],
    definition: ['div', ['cos', 'u'], ['sin', 'u']],
    unicode: called('cot'), latex: command('cot'), code: { mathjs: 'cot' }, evaluate: cot, domain: exceptHalfTurns(0, 2),
  }),
  asin: entry({
    aliases: ['arcsin'], arity: [1, 1], rule: elementary,
    values: [
      { at: 0, is: 0 }, { at: ['div', 1, 2], is: ['div', 'pi', 6] }, { at: halfRoot2, is: ['div', 'pi', 4] }, { at: halfRoot3, is: ['div', 'pi', 3] },
      { at: 1, is: ['div', 'pi', 2] }, { at: ['div', -1, 2], is: ['neg', ['div', 'pi', 6]] }, { at: ['neg', halfRoot2], is: ['neg', ['div', 'pi', 4]] },
      { at: ['neg', halfRoot3], is: ['neg', ['div', 'pi', 3]] }, { at: -1, is: ['neg', ['div', 'pi', 2]] },
    ],
    derivative: ['div', 1, ['sqrt', ['sub', 1, ['pow', 'u', 2]]]], derivativeInOutput: ['div', 1, ['cos', 'u']],
    unicode: called('arcsin'), latex: command('arcsin'), code: everywhere('asin', 'arcsin'),
    evaluate: Math.asin, precise: (u) => u.asin(), domain: on(unit), range: interval(-Math.PI / 2, Math.PI / 2, '[]'),
  }),
  acos: entry({
    aliases: ['arccos'], arity: [1, 1], rule: elementary,
    values: [
      { at: 1, is: 0 }, { at: halfRoot3, is: ['div', 'pi', 6] }, { at: halfRoot2, is: ['div', 'pi', 4] }, { at: ['div', 1, 2], is: ['div', 'pi', 3] },
      { at: 0, is: ['div', 'pi', 2] }, { at: ['div', -1, 2], is: ['div', ['mul', 2, 'pi'], 3] }, { at: ['neg', halfRoot2], is: ['div', ['mul', 3, 'pi'], 4] },
      { at: ['neg', halfRoot3], is: ['div', ['mul', 5, 'pi'], 6] }, { at: -1, is: 'pi' },
    ],
    derivative: ['neg', ['div', 1, ['sqrt', ['sub', 1, ['pow', 'u', 2]]]]], derivativeInOutput: ['neg', ['div', 1, ['sin', 'u']]],
    unicode: called('arccos'), latex: command('arccos'), code: everywhere('acos', 'arccos'),
    evaluate: Math.acos, precise: (u) => u.acos(), domain: on(unit), range: interval(0, Math.PI, '[]'),
  }),
  atan: entry({
    aliases: ['arctan'], arity: [1, 1], rule: elementary,
    values: [
      { at: 0, is: 0 }, { at: ['div', ['sqrt', 3], 3], is: ['div', 'pi', 6] }, { at: 1, is: ['div', 'pi', 4] }, { at: ['sqrt', 3], is: ['div', 'pi', 3] },
      { at: ['neg', ['div', ['sqrt', 3], 3]], is: ['neg', ['div', 'pi', 6]] }, { at: -1, is: ['neg', ['div', 'pi', 4]] }, { at: ['neg', ['sqrt', 3]], is: ['neg', ['div', 'pi', 3]] },
    ],
    derivative: ['div', 1, ['add', 1, ['pow', 'u', 2]]], derivativeInOutput: ['pow', ['cos', 'u'], 2],
    unicode: called('arctan'), latex: command('arctan'), code: everywhere('atan', 'arctan'),
    evaluate: Math.atan, precise: (u) => u.atan(), range: interval(-Math.PI / 2, Math.PI / 2, '()'),
  }),
  asec: entry({
    aliases: ['arcsec'], arity: [1, 1], rule: elementary,
    derivative: ['div', 1, ['mul', ['abs', 'u'], ['sqrt', ['sub', ['pow', 'u', 2], 1]]]],
    definition: ['acos', ['div', 1, 'u']],
    unicode: called('arcsec'), latex: operatorname('arcsec'), code: { mathjs: 'asec' },
    evaluate: asec, domain: outsideUnit, range: interval(0, Math.PI, '[]'),
  }),
  acsc: entry({
    aliases: ['arccsc'], arity: [1, 1], rule: elementary,
    derivative: ['neg', ['div', 1, ['mul', ['abs', 'u'], ['sqrt', ['sub', ['pow', 'u', 2], 1]]]]],
    definition: ['asin', ['div', 1, 'u']],
    unicode: called('arccsc'), latex: operatorname('arccsc'), code: { mathjs: 'acsc' },
    evaluate: acsc, domain: outsideUnit, range: interval(-Math.PI / 2, Math.PI / 2, '[]'),
  }),
  acot: entry({
    // arccot x = arctan(1/x), as mathjs and SymPy define it: values in (−π/2, π/2], a jump at 0.
    aliases: ['arccot'], arity: [1, 1], rule: elementary,
    derivative: ['neg', ['div', 1, ['add', 1, ['pow', 'u', 2]]]],
    definition: ['atan', ['div', 1, 'u']],
    unicode: called('arccot'), latex: operatorname('arccot'), code: { mathjs: 'acot' },
    evaluate: acot, range: interval(-Math.PI / 2, Math.PI / 2, '(]'),
  }),
  sinh: entry({
    inverse: 'asinh', aliases: [], arity: [1, 1], rule: elementary, derivative: ['cosh', 'u'], derivativeInOutput: ['sqrt', ['add', 1, ['pow', 'u', 2]]],
    values: [{ at: 0, is: 0 }], undoes: 'asinh', ofInverses: { acosh: ['sqrt', ['sub', ['pow', 'u', 2], 1]] },
    definition: ['div', ['sub', ['exp', 'u'], ['exp', ['neg', 'u']]], 2],
    unicode: called('sinh'), latex: command('sinh'), code: everywhere('sinh'), evaluate: Math.sinh,
  }),
  cosh: entry({
    inverse: 'acosh', aliases: [], arity: [1, 1], rule: elementary, derivative: ['sinh', 'u'],
    square: ['add', 1, ['pow', ['sinh', 'u'], 2]],
    values: [{ at: 0, is: 1 }], undoes: 'acosh', ofInverses: { asinh: ['sqrt', ['add', 1, ['pow', 'u', 2]]] },
    definition: ['div', ['add', ['exp', 'u'], ['exp', ['neg', 'u']]], 2],
    unicode: called('cosh'), latex: command('cosh'), code: everywhere('cosh'), evaluate: Math.cosh,
    range: interval(1, Infinity, '[)'),
  }),
  tanh: entry({
    inverse: 'atanh', aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }], undoes: 'atanh', ofInverses: { asinh: ['div', 'u', ['sqrt', ['add', 1, ['pow', 'u', 2]]]] },
    derivative: ['sub', 1, ['pow', ['tanh', 'u'], 2]], derivativeIsPolynomialInItself: true, derivativeInOutput: ['sub', 1, ['pow', 'u', 2]],
    definition: ['div', ['sinh', 'u'], ['cosh', 'u']],
    unicode: called('tanh'), latex: command('tanh'), code: everywhere('tanh'), evaluate: Math.tanh,
    range: interval(-1, 1, '()'),
  }),
  sech: entry({
    inverse: 'asech', aliases: [], arity: [1, 1], rule: elementary, derivative: ['neg', ['mul', ['sech', 'u'], ['tanh', 'u']]],
    square: ['sub', 1, ['pow', ['tanh', 'u'], 2]],
    values: [{ at: 0, is: 1 }],
    definition: ['div', 1, ['cosh', 'u']],
    unicode: called('sech'), latex: operatorname('sech'), code: { mathjs: 'sech' }, evaluate: sech,
    range: interval(0, 1, '(]'),
  }),
  csch: entry({
    inverse: 'acsch', aliases: ['cosech'], arity: [1, 1], rule: elementary, derivative: ['neg', ['mul', ['csch', 'u'], ['coth', 'u']]],
    square: ['sub', ['pow', ['coth', 'u'], 2], 1],
    definition: ['div', 1, ['sinh', 'u']],
    unicode: called('csch'), latex: operatorname('csch'), code: { mathjs: 'csch' }, evaluate: csch, domain: except(0),
  }),
  coth: entry({
    inverse: 'acoth', aliases: [], arity: [1, 1], rule: elementary,
    derivative: ['sub', 1, ['pow', ['coth', 'u'], 2]], derivativeIsPolynomialInItself: true, derivativeInOutput: ['sub', 1, ['pow', 'u', 2]],
    definition: ['div', ['cosh', 'u'], ['sinh', 'u']],
    stable: { form: ['div', 1, ['tanh', 'u']], note: 'coth(u) as 1/tanh(u), where cosh(u)/sinh(u) overflows' },
    unicode: called('coth'), latex: command('coth'), code: { mathjs: 'coth' }, evaluate: coth, domain: except(0),
  }),
  asinh: entry({
    aliases: ['arsinh', 'arcsinh'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }], undoes: 'sinh',
    derivative: ['div', 1, ['sqrt', ['add', ['pow', 'u', 2], 1]]], derivativeInOutput: ['div', 1, ['cosh', 'u']],
    definition: ['log', ['add', 'u', ['sqrt', ['add', ['pow', 'u', 2], 1]]]],
    unicode: called('arsinh'), latex: operatorname('arsinh'), code: everywhere('asinh', 'arcsinh'), evaluate: Math.asinh,
  }),
  acosh: entry({
    aliases: ['arcosh', 'arccosh'], arity: [1, 1], rule: elementary,
    derivative: ['div', 1, ['sqrt', ['sub', ['pow', 'u', 2], 1]]], derivativeInOutput: ['div', 1, ['sinh', 'u']],
    definition: ['log', ['add', 'u', ['sqrt', ['sub', ['pow', 'u', 2], 1]]]],
    unicode: called('arcosh'), latex: operatorname('arcosh'), code: everywhere('acosh', 'arccosh'),
    evaluate: Math.acosh, domain: on(interval(1, Infinity, '[)')), range: nonNegative,
  }),
  atanh: entry({
    aliases: ['artanh', 'arctanh'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }], undoes: 'tanh',
    derivative: ['div', 1, ['sub', 1, ['pow', 'u', 2]]], derivativeInOutput: ['pow', ['cosh', 'u'], 2],
    definition: ['div', ['log', ['div', ['add', 1, 'u'], ['sub', 1, 'u']]], 2],
    unicode: called('artanh'), latex: operatorname('artanh'), code: everywhere('atanh', 'arctanh'),
    evaluate: Math.atanh, domain: on(interval(-1, 1, '()')),
  }),
  asech: entry({
    aliases: ['arsech', 'arcsech'], arity: [1, 1], rule: elementary,
    derivative: ['neg', ['div', 1, ['mul', 'u', ['sqrt', ['sub', 1, ['pow', 'u', 2]]]]]],
    definition: ['acosh', ['div', 1, 'u']],
    unicode: called('arsech'), latex: operatorname('arsech'), code: { mathjs: 'asech' },
    evaluate: asech, domain: on(interval(0, 1, '(]')), range: nonNegative,
  }),
  acsch: entry({
    aliases: ['arcsch', 'arccsch', 'arcosech'], arity: [1, 1], rule: elementary,
    derivative: ['neg', ['div', 1, ['mul', ['abs', 'u'], ['sqrt', ['add', 1, ['pow', 'u', 2]]]]]],
    definition: ['asinh', ['div', 1, 'u']],
    unicode: called('arcsch'), latex: operatorname('arcsch'), code: { mathjs: 'acsch' },
    evaluate: acsch, domain: except(0),
  }),
  acoth: entry({
    aliases: ['arcoth', 'arccoth'], arity: [1, 1], rule: elementary,
    derivative: ['div', 1, ['sub', 1, ['pow', 'u', 2]]],
    definition: ['atanh', ['div', 1, 'u']],
    unicode: called('arcoth'), latex: operatorname('arcoth'), code: { mathjs: 'acoth' },
    evaluate: acoth, domain: on(interval(-Infinity, -1, '()'), interval(1, Infinity, '()')),
  }),
  log1p: entry({
    // ln(1 + u), exact for small u
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }], undoes: 'expm1',
    derivative: ['div', 1, ['add', 1, 'u']], derivativeInOutput: ['exp', ['neg', 'u']],
    definition: ['log', ['add', 1, 'u']],
    unicode: called('log1p'), latex: operatorname('log1p'), code: everywhere('log1p'),
    evaluate: Math.log1p, domain: on(interval(-1, Infinity, '()')),
  }),
  expm1: entry({
    // eᵘ − 1, exact for small u
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }], undoes: 'log1p',
    derivative: ['exp', 'u'], derivativeInOutput: ['add', 1, 'u'],
    definition: ['sub', ['exp', 'u'], 1],
    unicode: called('expm1'), latex: operatorname('expm1'), code: everywhere('expm1'),
    evaluate: Math.expm1, range: interval(-1, Infinity, '()'),
  }),
  hypot: entry({
    // √(u² + v²)
    aliases: [], arity: [2, 2], rule: elementary,
    // No derivative at (0, 0) only, where u/hypot(u, v) is 0/0 and says so.
    partials: [['div', 'u', ['hypot', 'u', 'v']], ['div', 'v', ['hypot', 'u', 'v']]],
    definition: ['sqrt', ['add', ['pow', 'u', 2], ['pow', 'v', 2]]],
    unicode: called('hypot'), latex: operatorname('hypot'), code: everywhere('hypot'), evaluate: Math.hypot, range: nonNegative,
  }),
  atan2: entry({
    // The angle of the point (v, u) in (−π, π]: atan2(y, x), as mathjs, NumPy, JavaScript and C have it
    aliases: [], arity: [2, 2], parameters: ['y', 'x'], rule: elementary,
    partials: [['div', 'v', ['add', ['pow', 'u', 2], ['pow', 'v', 2]]], ['neg', ['div', 'u', ['add', ['pow', 'u', 2], ['pow', 'v', 2]]]]],
    unicode: called('atan2'), latex: operatorname('atan2'), code: everywhere('atan2', 'arctan2'),
    evaluate: Math.atan2, precise: preciseAtan2, range: interval(-Math.PI, Math.PI, '(]'),
  }),
  logsumexp: entry({
    // ln(eᵘ + eᵛ + …), without overflow. PyTorch's logaddexp takes only tensors, not a number beside one.
    aliases: [], arity: [2, Infinity], associative: true, rule: elementary,
    partials: [['sigmoid', ['sub', 'u', 'v']], ['sigmoid', ['sub', 'v', 'u']]],
    definition: ['log', ['add', ['exp', 'u'], ['exp', 'v']]],
    stable: { form: ['add', ['max', 'u', 'v'], ['log1p', ['exp', ['neg', ['abs', ['sub', 'u', 'v']]]]]], note: 'logsumexp(u, v) = max(u, v) + ln(1 + e^(−|u − v|)) (log1p), finite for any u and v' },
    unicode: called('logsumexp'), latex: operatorname('logsumexp'), code: { numpy: 'np.logaddexp', jax: 'jnp.logaddexp' }, evaluate: logSumExp,
  }),
  erf: entry({
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['mul', ['div', 2, ['sqrt', 'pi']], ['exp', ['neg', ['pow', 'u', 2]]]],
    unicode: called('erf'), latex: operatorname('erf'), code: { mathjs: 'erf', python: 'math.erf', numpy: 'scipy.special.erf', c: 'erf', torch: 'torch.erf', jax: 'jax.scipy.special.erf' },
    evaluate: erf, range: interval(-1, 1, '[]'),
  }),
  erfc: entry({
    // 1 − erf(u), exact where erf is near 1
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 1 }],
    derivative: ['neg', ['mul', ['div', 2, ['sqrt', 'pi']], ['exp', ['neg', ['pow', 'u', 2]]]]],
    unicode: called('erfc'), latex: operatorname('erfc'), code: { python: 'math.erfc', numpy: 'scipy.special.erfc', c: 'erfc', torch: 'torch.erfc', jax: 'jax.scipy.special.erfc' },
    definition: ['sub', 1, ['erf', 'u']],
    evaluate: erfc, range: interval(0, 2, '[]'),
  }),
  gamma: entry({
    // Γ(u), with poles at 0, −1, −2, …
    aliases: ['Gamma'], arity: [1, 1], rule: elementary,
    values: [{ at: 1, is: 1 }, { at: 2, is: 1 }],
    derivative: ['mul', ['gamma', 'u'], ['digamma', 'u']],
    unicode: called('Γ'), latex: command('Gamma'), code: { mathjs: 'gamma', python: 'math.gamma', numpy: 'scipy.special.gamma', c: 'tgamma', jax: 'jax.scipy.special.gamma' },
    evaluate: gamma, domain: exceptNonPositiveIntegers,
  }),
  lgamma: entry({
    // ln |Γ(u)|
    aliases: ['loggamma', 'gammaln'], arity: [1, 1], rule: elementary,
    values: [{ at: 1, is: 0 }, { at: 2, is: 0 }],
    derivative: ['digamma', 'u'],
    unicode: called('lgamma'), latex: command('ln\\Gamma'), code: { mathjs: 'lgamma', python: 'math.lgamma', numpy: 'scipy.special.gammaln', c: 'lgamma', torch: 'torch.lgamma', jax: 'jax.scipy.special.gammaln' },
    definition: ['log', ['abs', ['gamma', 'u']]],
    evaluate: gammaln, domain: exceptNonPositiveIntegers,
  }),
  digamma: entry({
    // ψ(u) = Γ′(u)/Γ(u)
    aliases: ['psi'], arity: [1, 1], rule: elementary,
    derivative: ['polygamma', 1, 'u'],
    unicode: called('digamma'), latex: command('psi'), code: { numpy: 'scipy.special.digamma', torch: 'torch.digamma', jax: 'jax.scipy.special.digamma' },
    definition: ['polygamma', 0, 'u'],
    evaluate: digamma, domain: exceptNonPositiveIntegers,
  }),
  polygamma: entry({
    // ψ⁽ⁿ⁾(u), the n-th derivative of ψ, for whole n ≥ 0
    aliases: [], arity: [2, 2], parameters: ['n', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, ['polygamma', ['add', 'u', 1], 'v']],
    unicode: called('polygamma'), latex: operatorname('polygamma'), code: { numpy: 'scipy.special.polygamma', torch: 'torch.polygamma', jax: 'jax.scipy.special.polygamma' },
    evaluate: polygamma,
  }),
  factorial: entry({
    // u! = Γ(u + 1), for real u other than −1, −2, …
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 1 }, { at: 1, is: 1 }],
    derivative: ['mul', ['gamma', ['add', 'u', 1]], ['digamma', ['add', 'u', 1]]],
    definition: ['gamma', ['add', 'u', 1]],
    // SciPy's factorial is 0 below 0, and Python's takes whole numbers only: code writes Γ(u + 1).
    unicode: called('factorial'), latex: operatorname('factorial'), code: {},
    evaluate: factorial, domain: { intervals: [allReals], excluding: { at: -1, every: 1, upTo: -1 } },
  }),
  erfinv: entry({
    // The inverse of erf on (−1, 1)
    aliases: ['inverse_erf'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }], undoes: 'erf',
    derivative: ['mul', ['div', ['sqrt', 'pi'], 2], ['exp', ['pow', ['erfinv', 'u'], 2]]],
    derivativeInOutput: ['mul', ['div', ['sqrt', 'pi'], 2], ['exp', ['pow', 'u', 2]]],
    unicode: called('erfinv'), latex: operatorname('erfinv'),
    code: { numpy: 'scipy.special.erfinv', torch: 'torch.erfinv', jax: 'jax.scipy.special.erfinv' },
    evaluate: erfinv, domain: on(interval(-1, 1, '()')),
  }),
  erfcinv: entry({
    // The inverse of erfc on (0, 2)
    aliases: ['inverse_erfc'], arity: [1, 1], rule: elementary,
    values: [{ at: 1, is: 0 }], undoes: 'erfc',
    derivative: ['neg', ['mul', ['div', ['sqrt', 'pi'], 2], ['exp', ['pow', ['erfcinv', 'u'], 2]]]],
    derivativeInOutput: ['neg', ['mul', ['div', ['sqrt', 'pi'], 2], ['exp', ['pow', 'u', 2]]]],
    definition: ['erfinv', ['sub', 1, 'u']],
    unicode: called('erfcinv'), latex: operatorname('erfcinv'), code: { numpy: 'scipy.special.erfcinv' },
    evaluate: erfcinv, domain: on(interval(0, 2, '()')),
  }),
  erf2: entry({
    // erf(y) − erf(x), without the cancellation of the difference where both are near 1 or −1
    aliases: [], arity: [2, 2], rule: elementary,
    partials: [['neg', ['mul', ['div', 2, ['sqrt', 'pi']], ['exp', ['neg', ['pow', 'u', 2]]]]], ['mul', ['div', 2, ['sqrt', 'pi']], ['exp', ['neg', ['pow', 'v', 2]]]]],
    definition: ['sub', ['erf', 'v'], ['erf', 'u']],
    unicode: called('erf2'), latex: operatorname('erf2'), code: {},
    evaluate: erf2,
  }),
  erf2inv: entry({
    // The z with erf2(x, z) = y, erfinv(y + erf(x)), where y + erf(x) lies in (−1, 1): ∂z/∂y = (√π/2)·e^(z²), ∂z/∂x = e^(z² − x²)
    aliases: [], arity: [2, 2], rule: elementary,
    partials: [['exp', ['sub', ['pow', ['erf2inv', 'u', 'v'], 2], ['pow', 'u', 2]]], ['mul', ['div', ['sqrt', 'pi'], 2], ['exp', ['pow', ['erf2inv', 'u', 'v'], 2]]]],
    definition: ['erfinv', ['add', 'v', ['erf', 'u']]],
    unicode: called('erf2inv'), latex: operatorname('erf2inv'), code: {},
    evaluate: erf2inv,
  }),
  fresnels: entry({
    // S(u) = ∫₀ᵘ sin(πt²/2) dt
    aliases: ['fresnel_s', 'FresnelS'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['sin', ['div', ['mul', 'pi', ['pow', 'u', 2]], 2]],
    unicode: called('fresnels'), latex: operatorname('S'), code: {},
    evaluate: fresnelS,
  }),
  fresnelc: entry({
    // C(u) = ∫₀ᵘ cos(πt²/2) dt
    aliases: ['fresnel_c', 'FresnelC'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['cos', ['div', ['mul', 'pi', ['pow', 'u', 2]], 2]],
    unicode: called('fresnelc'), latex: operatorname('C'), code: {},
    evaluate: fresnelC,
  }),
  Si: entry({
    // The sine integral ∫₀ᵘ sin(t)/t dt
    aliases: ['sinint', 'expintegral_si', 'SinIntegral'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['sinc', 'u'],
    unicode: called('Si'), latex: operatorname('Si'), code: {},
    evaluate: sineIntegral,
  }),
  Ci: entry({
    // The cosine integral γ + ln u + ∫₀ᵘ (cos t − 1)/t dt, for u > 0
    aliases: ['cosint', 'expintegral_ci', 'CosIntegral'], arity: [1, 1], rule: elementary,
    derivative: ['div', ['cos', 'u'], 'u'],
    unicode: called('Ci'), latex: operatorname('Ci'), code: {},
    evaluate: cosineIntegral, domain: on(positive),
  }),
  besselj0: entry({
    // The Bessel function of the first kind of order 0
    aliases: ['bessel_j0'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 1 }],
    derivative: ['neg', ['besselj1', 'u']],
    unicode: called('besselj0'), latex: operatorname('J_0'), code: { numpy: 'scipy.special.j0', torch: 'torch.special.bessel_j0' },
    evaluate: besselJ0, range: interval(-1, 1, '[]'),
  }),
  besselj1: entry({
    // The Bessel function of the first kind of order 1
    aliases: ['bessel_j1'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['sub', ['besselj0', 'u'], ['div', ['besselj1', 'u'], 'u']],
    unicode: called('besselj1'), latex: operatorname('J_1'), code: { numpy: 'scipy.special.j1', torch: 'torch.special.bessel_j1' },
    evaluate: besselJ1, range: interval(-1, 1, '[]'),
  }),
  bessely0: entry({
    // The Bessel function of the second kind of order 0, for u > 0
    aliases: ['bessel_y0'], arity: [1, 1], rule: elementary,
    derivative: ['neg', ['bessely1', 'u']],
    unicode: called('bessely0'), latex: operatorname('Y_0'), code: { numpy: 'scipy.special.y0', torch: 'torch.special.bessel_y0' },
    evaluate: besselY0, domain: on(positive),
  }),
  bessely1: entry({
    // The Bessel function of the second kind of order 1, for u > 0
    aliases: ['bessel_y1'], arity: [1, 1], rule: elementary,
    derivative: ['sub', ['bessely0', 'u'], ['div', ['bessely1', 'u'], 'u']],
    unicode: called('bessely1'), latex: operatorname('Y_1'), code: { numpy: 'scipy.special.y1', torch: 'torch.special.bessel_y1' },
    evaluate: besselY1, domain: on(positive),
  }),
  besselj: entry({
    // The Bessel function Jᵥ(x) of the first kind, of real order ν (real for x ≥ 0, and for every x at whole ν): Jᵥ′ = (Jᵥ₋₁ − Jᵥ₊₁)/2.
    // By its order it has no derivative in closed form.
    aliases: ['bessel_j', 'BesselJ'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary,
    partials: [null, ['div', ['sub', ['besselj', ['sub', 'u', 1], 'v'], ['besselj', ['add', 'u', 1], 'v']], 2]],
    unicode: called('besselj'), latex: operatorname('J'), code: { numpy: 'scipy.special.jv' },
    evaluate: besselJv,
  }),
  bessely: entry({
    // The Bessel function Yᵥ(x) of the second kind, of real order ν, for x > 0: Yᵥ′ = (Yᵥ₋₁ − Yᵥ₊₁)/2; none in closed form by ν
    aliases: ['bessel_y', 'BesselY'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary,
    partials: [null, ['div', ['sub', ['bessely', ['sub', 'u', 1], 'v'], ['bessely', ['add', 'u', 1], 'v']], 2]],
    unicode: called('bessely'), latex: operatorname('Y'), code: { numpy: 'scipy.special.yv' },
    evaluate: besselYv,
  }),
  besseli: entry({
    // The modified Bessel function Iᵥ(x) of the first kind, of real order ν (x ≥ 0; every x at whole ν): Iᵥ′ = (Iᵥ₋₁ + Iᵥ₊₁)/2; none in closed form by ν
    aliases: ['bessel_i', 'BesselI'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary,
    partials: [null, ['div', ['add', ['besseli', ['sub', 'u', 1], 'v'], ['besseli', ['add', 'u', 1], 'v']], 2]],
    unicode: called('besseli'), latex: operatorname('I'), code: { numpy: 'scipy.special.iv' },
    evaluate: besselI,
  }),
  besselk: entry({
    // The modified Bessel function Kᵥ(x) of the second kind, of real order ν, for x > 0: Kᵥ′ = −(Kᵥ₋₁ + Kᵥ₊₁)/2; none in closed form by ν
    aliases: ['bessel_k', 'BesselK'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary,
    partials: [null, ['neg', ['div', ['add', ['besselk', ['sub', 'u', 1], 'v'], ['besselk', ['add', 'u', 1], 'v']], 2]]],
    unicode: called('besselk'), latex: operatorname('K_n'), code: { numpy: 'scipy.special.kv' },
    evaluate: besselK,
  }),
  spherical_jn: entry({
    // The spherical Bessel function jₙ(x) = √(π/(2x))·Jₙ₊½(x) of real order n: jₙ′ = jₙ₋₁ − (n + 1)·jₙ/x; none in closed form by n
    aliases: ['spherical_bessel_j', 'SphericalBesselJ'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary,
    partials: [null, ['sub', ['spherical_jn', ['sub', 'u', 1], 'v'], ['div', ['mul', ['add', 'u', 1], ['spherical_jn', 'u', 'v']], 'v']]],
    definition: ['mul', ['sqrt', ['div', 'pi', ['mul', 2, 'v']]], ['besselj', ['add', 'u', ['div', 1, 2]], 'v']],
    unicode: called('spherical_jn'), latex: operatorname('j_n'), code: {},
    evaluate: sphericalJn,
  }),
  spherical_yn: entry({
    // The spherical Bessel function yₙ(x) = √(π/(2x))·Yₙ₊½(x) of real order n, for x > 0: yₙ′ = yₙ₋₁ − (n + 1)·yₙ/x; none in closed form by n
    aliases: ['spherical_bessel_y', 'SphericalBesselY'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary,
    partials: [null, ['sub', ['spherical_yn', ['sub', 'u', 1], 'v'], ['div', ['mul', ['add', 'u', 1], ['spherical_yn', 'u', 'v']], 'v']]],
    definition: ['mul', ['sqrt', ['div', 'pi', ['mul', 2, 'v']]], ['bessely', ['add', 'u', ['div', 1, 2]], 'v']],
    unicode: called('spherical_yn'), latex: operatorname('y_n'), code: {},
    evaluate: sphericalYn,
  }),
  marcumq: entry({
    // Marcum's Q function Q_m(a, b), for m > 0, 0 < a ≤ 40 and b ≥ 0: ∂/∂a = a·(b/a)^m·e^(−(a² + b²)/2)·I_m(ab), ∂/∂b = −b·(b/a)^(m−1)·e^(−(a² + b²)/2)·I_(m−1)(ab);
    // by m none in closed form
    aliases: ['MarcumQ'], arity: [3, 3], parameters: ['m', 'a', 'b'], rule: elementary,
    partials: [
      null,
      ['mul', 'v', ['pow', ['div', 'w', 'v'], 'u'], ['exp', ['neg', ['div', ['add', ['pow', 'v', 2], ['pow', 'w', 2]], 2]]], ['besseli', 'u', ['mul', 'v', 'w']]],
      ['neg', ['mul', 'w', ['pow', ['div', 'w', 'v'], ['sub', 'u', 1]], ['exp', ['neg', ['div', ['add', ['pow', 'v', 2], ['pow', 'w', 2]], 2]]], ['besseli', ['sub', 'u', 1], ['mul', 'v', 'w']]]],
    ],
    unicode: called('marcumq'), latex: operatorname('Q_m'), code: {},
    evaluate: marcumQ,
  }),
  airyai: entry({
    // The Airy function Ai, the solution of y″ = x·y that decays as x → ∞
    aliases: ['airy_ai', 'AiryAi'], arity: [1, 1], rule: elementary,
    derivative: ['airyaiprime', 'u'],
    unicode: called('airyai'), latex: operatorname('Ai'), code: {},
    evaluate: airyAi,
  }),
  airybi: entry({
    // The Airy function Bi, the solution of y″ = x·y that grows as x → ∞ with Ai′·Bi − Ai·Bi′ = −1/π
    aliases: ['airy_bi', 'AiryBi'], arity: [1, 1], rule: elementary,
    derivative: ['airybiprime', 'u'],
    unicode: called('airybi'), latex: operatorname('Bi'), code: {},
    evaluate: airyBi,
  }),
  airyaiprime: entry({
    // Ai′, whose derivative is x·Ai by the Airy equation
    aliases: ['airy_dai', 'AiryAiPrime'], arity: [1, 1], rule: elementary,
    derivative: ['mul', 'u', ['airyai', 'u']],
    unicode: called('airyaiprime'), latex: operatorname("Ai'"), code: {},
    evaluate: airyAiPrime,
  }),
  airybiprime: entry({
    // Bi′, whose derivative is x·Bi by the Airy equation
    aliases: ['airy_dbi', 'AiryBiPrime'], arity: [1, 1], rule: elementary,
    derivative: ['mul', 'u', ['airybi', 'u']],
    unicode: called('airybiprime'), latex: operatorname("Bi'"), code: {},
    evaluate: airyBiPrime,
  }),
  ellipk: entry({
    // The complete elliptic integral of the first kind K(m) of the parameter m = k², for m < 1
    aliases: ['elliptic_k', 'elliptic_kc', 'EllipticK'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: ['div', 'pi', 2] }],
    derivative: ['div', ['sub', ['ellipe', 'u'], ['mul', ['sub', 1, 'u'], ['ellipk', 'u']]], ['mul', 2, 'u', ['sub', 1, 'u']]],
    unicode: called('ellipk'), latex: operatorname('K'), code: { numpy: 'scipy.special.ellipk', jax: 'jax.scipy.special.ellipk' },
    evaluate: ellipticK, domain: on(interval(-Infinity, 1, '()')), range: positive,
  }),
  ellipe: entry({
    // The complete elliptic integral of the second kind E(m) of the parameter m = k², for m ≤ 1
    aliases: ['elliptic_e', 'elliptic_ec', 'EllipticE'], arity: [1, 1], rule: elementary, withOneMore: 'ellipeinc',
    values: [{ at: 0, is: ['div', 'pi', 2] }, { at: 1, is: 1 }],
    derivative: ['div', ['sub', ['ellipe', 'u'], ['ellipk', 'u']], ['mul', 2, 'u']],
    unicode: called('ellipe'), latex: operatorname('E'), code: { numpy: 'scipy.special.ellipe', jax: 'jax.scipy.special.ellipe' },
    evaluate: ellipticE, domain: on(interval(-Infinity, 1, '(]')), range: positive,
  }),
  lambertw: entry({
    // The principal branch W₀ of w·eʷ = u, for u ≥ −1/e
    aliases: ['LambertW', 'lambert_w', 'productlog', 'ProductLog'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }, { at: 'e', is: 1 }],
    derivative: ['div', ['lambertw', 'u'], ['mul', 'u', ['add', 1, ['lambertw', 'u']]]],
    derivativeInOutput: ['div', ['exp', ['neg', 'u']], ['add', 1, 'u']],
    unicode: called('lambertw'), latex: operatorname('W'), code: {},
    evaluate: lambertW, domain: on(interval(-1 / Math.E, Infinity, '[)')), range: interval(-1, Infinity, '[)'),
  }),
  generalized_lambert_w: entry({
    // The branch k of w·eʷ = x, as Maxima's generalized_lambert_w: real for k = 0 (W₀, x ≥ −1/e) and k = −1 (W₋₁, −1/e ≤ x < 0),
    // with the derivative W/(x(1 + W)) on its own branch
    aliases: [], arity: [2, 2], parameters: ['k', 'x'], rule: elementary, discreteArguments: [0],
    realOnlyAt: { argument: 0, values: [0, -1], reason: 'is complex-valued on the reals for every branch k but 0 and −1' },
    partials: [0, ['div', ['generalized_lambert_w', 'u', 'v'], ['mul', 'v', ['add', 1, ['generalized_lambert_w', 'u', 'v']]]]],
    unicode: called('generalized_lambert_w'), latex: operatorname('W_k'), code: {},
    evaluate: generalizedLambertW,
  }),
  beta: entry({
    // B(u, v) = Γ(u)Γ(v)/Γ(u + v)
    aliases: ['Beta'], arity: [2, 2], rule: elementary,
    partials: [
      ['mul', ['beta', 'u', 'v'], ['sub', ['digamma', 'u'], ['digamma', ['add', 'u', 'v']]]],
      ['mul', ['beta', 'u', 'v'], ['sub', ['digamma', 'v'], ['digamma', ['add', 'u', 'v']]]],
    ],
    definition: ['div', ['mul', ['gamma', 'u'], ['gamma', 'v']], ['gamma', ['add', 'u', 'v']]],
    unicode: called('beta'), latex: operatorname('B'), code: { numpy: 'scipy.special.beta', jax: 'jax.scipy.special.beta' },
    evaluate: beta,
  }),
  lowergamma: entry({
    // γ(a, x) = ∫₀ˣ t^(a−1)·e^(−t) dt, for a > 0 and x ≥ 0; by a it has no derivative in closed form
    aliases: ['gamma_incomplete_lower'], arity: [2, 2], parameters: ['a', 'x'], rule: elementary,
    partials: [null, ['mul', ['pow', 'v', ['sub', 'u', 1]], ['exp', ['neg', 'v']]]],
    unicode: called('lowergamma'), latex: operatorname('lowergamma'), code: {},
    evaluate: lowerGamma,
  }),
  uppergamma: entry({
    // Γ(a, x) = ∫ₓ^∞ t^(a−1)·e^(−t) dt, for a > 0 and x ≥ 0; by a it has no derivative in closed form
    aliases: ['gamma_incomplete'], arity: [2, 2], parameters: ['a', 'x'], rule: elementary,
    partials: [null, ['neg', ['mul', ['pow', 'v', ['sub', 'u', 1]], ['exp', ['neg', 'v']]]]],
    unicode: called('uppergamma'), latex: operatorname('uppergamma'), code: {},
    evaluate: upperGamma,
  }),
  gammainc: entry({
    // P(a, x) = γ(a, x)/Γ(a), the regularised lower incomplete Γ, as SciPy's gammainc
    aliases: ['gammap', 'gamma_incomplete_regularized_lower'], arity: [2, 2], parameters: ['a', 'x'], rule: elementary,
    partials: [null, ['div', ['mul', ['pow', 'v', ['sub', 'u', 1]], ['exp', ['neg', 'v']]], ['gamma', 'u']]],
    unicode: called('gammainc'), latex: operatorname('P'), code: { numpy: 'scipy.special.gammainc', jax: 'jax.scipy.special.gammainc' },
    evaluate: regularizedLowerGamma, range: interval(0, 1, '[]'),
  }),
  gammaincc: entry({
    // Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), the regularised upper incomplete Γ, as SciPy's gammaincc and Maxima's gamma_incomplete_regularized
    aliases: ['gammaq', 'gamma_incomplete_regularized'], arity: [2, 2], parameters: ['a', 'x'], rule: elementary,
    partials: [null, ['neg', ['div', ['mul', ['pow', 'v', ['sub', 'u', 1]], ['exp', ['neg', 'v']]], ['gamma', 'u']]]],
    unicode: called('gammaincc'), latex: operatorname('Q'), code: { numpy: 'scipy.special.gammaincc', jax: 'jax.scipy.special.gammaincc' },
    evaluate: regularizedUpperGamma, range: interval(0, 1, '[]'),
  }),
  beta_incomplete_regularized: entry({
    // I_x(a, b) = ∫₀ˣ t^(a−1)·(1 − t)^(b−1) dt/B(a, b), for a, b > 0 and 0 ≤ x ≤ 1, as Maxima names it and SciPy's betainc is;
    // by a and b it has no derivative in closed form (a hypergeometric series of two variables)
    aliases: [], arity: [3, 3], parameters: ['a', 'b', 'x'], rule: elementary,
    partials: [null, null, ['div', ['mul', ['pow', 'w', ['sub', 'u', 1]], ['pow', ['sub', 1, 'w'], ['sub', 'v', 1]]], ['beta', 'u', 'v']]],
    unicode: called('beta_incomplete_regularized'), latex: operatorname('I_x'), code: { numpy: 'scipy.special.betainc', jax: 'jax.scipy.special.betainc' },
    evaluate: regularizedIncompleteBeta,
  }),
  zeta: entry({
    // The Hurwitz ζ(s, a) = Σₖ (a + k)^(−s), for a > 0; ζ(s) alone is Riemann's, ζ(s, 1), for s ≠ 1. By s it has no derivative in closed form.
    aliases: ['hurwitz_zeta', 'Zeta'], arity: [1, 2], parameters: ['s', 'a'], rule: elementary,
    partials: [null, ['neg', ['mul', 'u', ['zeta', ['add', 'u', 1], 'v']]]],
    defaultSecond: 1,
    // SciPy's zeta(s, a) is NaN below s = 1, where this one is continued: no code name.
    unicode: called('zeta'), latex: operatorname('zeta'), code: {},
    evaluate: hurwitzZeta, domain: except(1),
  }),
  polylog: entry({
    // The polylogarithm Liₛ(z) = Σₖ zᵏ/kˢ (continued to z ≤ 1): z·∂Liₛ/∂z = Liₛ₋₁; by s none in closed form
    aliases: ['PolyLog'], arity: [2, 2], parameters: ['s', 'z'], rule: elementary,
    partials: [null, ['div', ['polylog', ['sub', 'u', 1], 'v'], 'v']],
    unicode: called('polylog'), latex: operatorname('Li_s'), code: {},
    evaluate: polylog,
  }),
  binomial: entry({
    // C(n, k) = Γ(n + 1)/(Γ(k + 1)·Γ(n − k + 1)), of real n and k
    aliases: ['binom', 'Binomial'], arity: [2, 2], parameters: ['n', 'k'], rule: elementary,
    partials: [
      ['mul', ['binomial', 'u', 'v'], ['sub', ['digamma', ['add', 'u', 1]], ['digamma', ['add', ['sub', 'u', 'v'], 1]]]],
      ['mul', ['binomial', 'u', 'v'], ['sub', ['digamma', ['add', ['sub', 'u', 'v'], 1]], ['digamma', ['add', 'v', 1]]]],
    ],
    definition: ['div', ['gamma', ['add', 'u', 1]], ['mul', ['gamma', ['add', 'v', 1]], ['gamma', ['add', ['sub', 'u', 'v'], 1]]]],
    unicode: called('binomial'), latex: operatorname('binomial'), code: { numpy: 'scipy.special.binom', jax: 'jax.scipy.special.binom' },
    evaluate: binomial,
  }),
  Ei: entry({
    // The exponential integral Ei(u), the principal value of ∫₋∞ᵘ eᵗ/t dt, for u ≠ 0
    aliases: ['expintegral_ei', 'ExpIntegralEi'], arity: [1, 1], rule: elementary,
    derivative: ['div', ['exp', 'u'], 'u'],
    unicode: called('Ei'), latex: operatorname('Ei'), code: { numpy: 'scipy.special.expi', jax: 'jax.scipy.special.expi' },
    evaluate: exponentialEi, domain: except(0),
  }),
  E1: entry({
    // The exponential integral E₁(u) = ∫ᵤ^∞ e^(−t)/t dt, for u > 0
    aliases: ['expintegral_e1'], arity: [1, 1], rule: elementary,
    derivative: ['neg', ['div', ['exp', ['neg', 'u']], 'u']],
    unicode: called('E1'), latex: operatorname('E_1'), code: { numpy: 'scipy.special.exp1', jax: 'jax.scipy.special.exp1' },
    evaluate: exponentialE1, domain: on(positive), range: positive,
  }),
  li: entry({
    // The logarithmic integral li(u) = Ei(ln u), the principal value of ∫₀ᵘ dt/ln t, for u ≥ 0 other than 1
    aliases: ['logint', 'expintegral_li', 'LogIntegral'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['div', 1, ['log', 'u']],
    definition: ['Ei', ['log', 'u']],
    unicode: called('li'), latex: operatorname('li'), code: {},
    evaluate: logarithmicIntegral, domain: { intervals: [nonNegative], excluding: { at: 1 } },
  }),
  Li: entry({
    // The offset logarithmic integral Li(u) = li(u) − li(2) = ∫₂ᵘ dt/ln t, for u > 0 other than 1
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 2, is: 0 }],
    derivative: ['div', 1, ['log', 'u']],
    definition: ['sub', ['li', 'u'], ['li', 2]],
    unicode: called('Li'), latex: operatorname('Li'), code: {},
    evaluate: offsetLogarithmicIntegral, domain: { intervals: [nonNegative], excluding: { at: 1 } },
  }),
  ellipkinc: entry({
    // The incomplete elliptic integral of the first kind F(φ | m) = ∫₀^φ dθ/√(1 − m·sin²θ), where 1 − m·sin²θ > 0 on the way
    aliases: ['elliptic_f', 'EllipticF'], arity: [2, 2], parameters: ['φ', 'm'], rule: elementary,
    partials: [
      ['div', 1, ['sqrt', ['sub', 1, ['mul', 'v', ['pow', ['sin', 'u'], 2]]]]],
      ['sub', ['sub', ['div', ['ellipeinc', 'u', 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]], ['div', ['ellipkinc', 'u', 'v'], ['mul', 2, 'v']]],
        ['div', ['sin', ['mul', 2, 'u']], ['mul', 4, ['sub', 1, 'v'], ['sqrt', ['sub', 1, ['mul', 'v', ['pow', ['sin', 'u'], 2]]]]]]],
    ],
    // SciPy's ellipkinc is NaN for m > 1, where this one is real: no code name.
    unicode: called('ellipkinc'), latex: operatorname('F'), code: {},
    evaluate: ellipticF,
  }),
  ellipeinc: entry({
    // The incomplete elliptic integral of the second kind E(φ | m) = ∫₀^φ √(1 − m·sin²θ) dθ, where 1 − m·sin²θ > 0 on the way
    aliases: [], arity: [2, 2], parameters: ['φ', 'm'], rule: elementary,
    partials: [
      ['sqrt', ['sub', 1, ['mul', 'v', ['pow', ['sin', 'u'], 2]]]],
      ['div', ['sub', ['ellipeinc', 'u', 'v'], ['ellipkinc', 'u', 'v']], ['mul', 2, 'v']],
    ],
    // SciPy's ellipeinc is NaN for m > 1, where this one is real: no code name.
    unicode: called('ellipeinc'), latex: operatorname('E_{inc}'), code: {},
    evaluate: ellipticEOf2,
  }),
  ellippi: entry({
    // The complete elliptic integral of the third kind Π(n | m) = Π(n; π/2 | m), for n < 1 and m < 1; the partials as SymPy and DLMF 19.4.4 have them
    aliases: ['elliptic_pi', 'EllipticPi'], arity: [2, 2], parameters: ['n', 'm'], rule: elementary, withOneMore: 'ellippiinc',
    partials: [
      ['div', ['add', ['ellipe', 'v'], ['div', ['mul', ['sub', 'v', 'u'], ['ellipk', 'v']], 'u'], ['div', ['mul', ['sub', ['pow', 'u', 2], 'v'], ['ellippi', 'u', 'v']], 'u']],
        ['mul', 2, ['sub', 'v', 'u'], ['sub', 'u', 1]]],
      ['div', ['add', ['div', ['ellipe', 'v'], ['sub', 'v', 1]], ['ellippi', 'u', 'v']], ['mul', 2, ['sub', 'u', 'v']]],
    ],
    unicode: called('ellippi'), latex: operatorname('Pi'), code: {},
    evaluate: ellipticPi,
  }),
  ellippiinc: entry({
    // The incomplete elliptic integral of the third kind Π(n; φ | m) = ∫₀^φ dθ/((1 − n·sin²θ)·√(1 − m·sin²θ)), where both
    // factors stay positive on the way: by φ its integrand; by n and m in terms of E, F and Π (SymPy's, from DLMF 19.4)
    aliases: [], arity: [3, 3], parameters: ['n', 'φ', 'm'], rule: elementary,
    partials: [
      ['div', ['sub', ['add', ['ellipeinc', 'v', 'w'], ['div', ['mul', ['sub', 'w', 'u'], ['ellipkinc', 'v', 'w']], 'u'], ['div', ['mul', ['sub', ['pow', 'u', 2], 'w'], ['ellippiinc', 'u', 'v', 'w']], 'u']],
        ['div', ['mul', 'u', ['sqrt', ['sub', 1, ['mul', 'w', ['pow', ['sin', 'v'], 2]]]], ['sin', ['mul', 2, 'v']]], ['mul', 2, ['sub', 1, ['mul', 'u', ['pow', ['sin', 'v'], 2]]]]]],
        ['mul', 2, ['sub', 'w', 'u'], ['sub', 'u', 1]]],
      ['div', 1, ['mul', ['sub', 1, ['mul', 'u', ['pow', ['sin', 'v'], 2]]], ['sqrt', ['sub', 1, ['mul', 'w', ['pow', ['sin', 'v'], 2]]]]]],
      ['div', ['sub', ['add', ['div', ['ellipeinc', 'v', 'w'], ['sub', 'w', 1]], ['ellippiinc', 'u', 'v', 'w']],
        ['div', ['mul', 'w', ['sin', ['mul', 2, 'v']]], ['mul', 2, ['sub', 'w', 1], ['sqrt', ['sub', 1, ['mul', 'w', ['pow', ['sin', 'v'], 2]]]]]]], ['mul', 2, ['sub', 'u', 'w']]],
    ],
    unicode: called('ellippiinc'), latex: operatorname('Pi_{inc}'), code: {},
    evaluate: ellipticPiOf3,
  }),
  jacobi_am: entry({
    // Jacobi's amplitude am(u | m), the φ with F(φ | m) = u, for m ≤ 1: am′ = dn. By m, from F(am, m) = u:
    // ∂am/∂m = dn·(u/(2m) − E(am | m)/(2m(1 − m))) + sn·cn/(2(1 − m)), which the Jacobi functions' partials by m are written with.
    aliases: ['JacobiAmplitude'], arity: [2, 2], parameters: ['u', 'm'], rule: elementary,
    partials: [['jacobi_dn', 'u', 'v'], ['add', ['mul', ['jacobi_dn', 'u', 'v'], ['sub', ['div', 'u', ['mul', 2, 'v']], ['div', ['ellipeinc', ['jacobi_am', 'u', 'v'], 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]]]], ['div', ['mul', ['jacobi_sn', 'u', 'v'], ['jacobi_cn', 'u', 'v']], ['mul', 2, ['sub', 1, 'v']]]]],
    unicode: called('jacobi_am'), latex: operatorname('am'), code: {},
    evaluate: jacobiAm,
  }),
  jacobi_sn: entry({
    // The Jacobi elliptic function sn(u | m) = sin(am(u | m)), for m ≤ 1: sn′ = cn·dn, ∂sn/∂m = cn·∂am/∂m
    aliases: ['JacobiSN'], arity: [2, 2], parameters: ['u', 'm'], rule: elementary,
    partials: [['mul', ['jacobi_cn', 'u', 'v'], ['jacobi_dn', 'u', 'v']], ['mul', ['jacobi_cn', 'u', 'v'], ['add', ['mul', ['jacobi_dn', 'u', 'v'], ['sub', ['div', 'u', ['mul', 2, 'v']], ['div', ['ellipeinc', ['jacobi_am', 'u', 'v'], 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]]]], ['div', ['mul', ['jacobi_sn', 'u', 'v'], ['jacobi_cn', 'u', 'v']], ['mul', 2, ['sub', 1, 'v']]]]]],
    unicode: called('jacobi_sn'), latex: operatorname('sn'), code: {},
    evaluate: jacobiSn,
  }),
  jacobi_cn: entry({
    // cn(u | m) = cos(am(u | m)), for m ≤ 1: cn′ = −sn·dn, ∂cn/∂m = −sn·∂am/∂m
    aliases: ['JacobiCN'], arity: [2, 2], parameters: ['u', 'm'], rule: elementary,
    partials: [['neg', ['mul', ['jacobi_sn', 'u', 'v'], ['jacobi_dn', 'u', 'v']]], ['neg', ['mul', ['jacobi_sn', 'u', 'v'], ['add', ['mul', ['jacobi_dn', 'u', 'v'], ['sub', ['div', 'u', ['mul', 2, 'v']], ['div', ['ellipeinc', ['jacobi_am', 'u', 'v'], 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]]]], ['div', ['mul', ['jacobi_sn', 'u', 'v'], ['jacobi_cn', 'u', 'v']], ['mul', 2, ['sub', 1, 'v']]]]]]],
    unicode: called('jacobi_cn'), latex: operatorname('cn'), code: {},
    evaluate: jacobiCn,
  }),
  jacobi_dn: entry({
    // dn(u | m) = √(1 − m·sn²), for m ≤ 1: dn′ = −m·sn·cn, ∂dn/∂m = −(sn² + 2m·sn·cn·∂am/∂m)/(2dn)
    aliases: ['JacobiDN'], arity: [2, 2], parameters: ['u', 'm'], rule: elementary,
    partials: [['neg', ['mul', 'v', ['jacobi_sn', 'u', 'v'], ['jacobi_cn', 'u', 'v']]],
      ['neg', ['div', ['add', ['pow', ['jacobi_sn', 'u', 'v'], 2], ['mul', 2, 'v', ['jacobi_sn', 'u', 'v'], ['jacobi_cn', 'u', 'v'], ['add', ['mul', ['jacobi_dn', 'u', 'v'], ['sub', ['div', 'u', ['mul', 2, 'v']], ['div', ['ellipeinc', ['jacobi_am', 'u', 'v'], 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]]]], ['div', ['mul', ['jacobi_sn', 'u', 'v'], ['jacobi_cn', 'u', 'v']], ['mul', 2, ['sub', 1, 'v']]]]]], ['mul', 2, ['jacobi_dn', 'u', 'v']]]]],
    unicode: called('jacobi_dn'), latex: operatorname('dn'), code: {},
    evaluate: jacobiDn,
  }),
  inverse_jacobi_sn: entry({
    // arcsn(u | m) = F(arcsin u | m), the inverse of sn through 0, for |u| ≤ 1 and m·u² < 1: arcsn′ = 1/√((1 − u²)(1 − m·u²));
    // by m, F's partial by m at φ = arcsin u, where sin φ·cos φ = u·√(1 − u²) and 1 − m·sin²φ = 1 − m·u²
    aliases: ['InverseJacobiSN'], arity: [2, 2], parameters: ['u', 'm'], rule: elementary,
    partials: [
      ['div', 1, ['sqrt', ['mul', ['sub', 1, ['pow', 'u', 2]], ['sub', 1, ['mul', 'v', ['pow', 'u', 2]]]]]],
      ['sub', ['sub', ['div', ['ellipeinc', ['asin', 'u'], 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]], ['div', ['inverse_jacobi_sn', 'u', 'v'], ['mul', 2, 'v']]],
        ['div', ['mul', 'u', ['sqrt', ['sub', 1, ['pow', 'u', 2]]]], ['mul', 2, ['sub', 1, 'v'], ['sqrt', ['sub', 1, ['mul', 'v', ['pow', 'u', 2]]]]]]],
    ],
    definition: ['ellipkinc', ['asin', 'u'], 'v'],
    unicode: called('inverse_jacobi_sn'), latex: operatorname('arcsn'), code: {},
    evaluate: inverseJacobiSn,
  }),
  inverse_jacobi_cn: entry({
    // arccn(u | m) = F(arccos u | m), the inverse of cn from K(m) at u = 0, for |u| ≤ 1 and m < 1: arccn′ = −1/√((1 − u²)(1 − m + m·u²));
    // by m, F's partial by m at φ = arccos u, where sin φ·cos φ = u·√(1 − u²) and 1 − m·sin²φ = 1 − m + m·u²
    aliases: ['InverseJacobiCN'], arity: [2, 2], parameters: ['u', 'm'], rule: elementary,
    partials: [
      ['neg', ['div', 1, ['sqrt', ['mul', ['sub', 1, ['pow', 'u', 2]], ['add', ['sub', 1, 'v'], ['mul', 'v', ['pow', 'u', 2]]]]]]],
      ['sub', ['sub', ['div', ['ellipeinc', ['acos', 'u'], 'v'], ['mul', 2, 'v', ['sub', 1, 'v']]], ['div', ['inverse_jacobi_cn', 'u', 'v'], ['mul', 2, 'v']]],
        ['div', ['mul', 'u', ['sqrt', ['sub', 1, ['pow', 'u', 2]]]], ['mul', 2, ['sub', 1, 'v'], ['sqrt', ['add', ['sub', 1, 'v'], ['mul', 'v', ['pow', 'u', 2]]]]]]],
    ],
    definition: ['ellipkinc', ['acos', 'u'], 'v'],
    unicode: called('inverse_jacobi_cn'), latex: operatorname('arccn'), code: {},
    evaluate: inverseJacobiCn,
  }),
  hermite: entry({
    // The Hermite polynomial Hₙ(x) of physics, of whole degree n ≥ 0: Hₙ′ = 2n·Hₙ₋₁ = 2x·Hₙ − Hₙ₊₁
    aliases: ['hermite_h', 'HermiteH'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, ['sub', ['mul', 2, 'v', ['hermite', 'u', 'v']], ['hermite', ['add', 'u', 1], 'v']]],
    unicode: called('hermite'), latex: operatorname('H_n'), code: { numpy: 'scipy.special.eval_hermite' },
    evaluate: hermite, recurrence: hermiteRecurrence,
  }),
  laguerre: entry({
    // The Laguerre polynomial Lₙ(x), of whole degree n ≥ 0: x·Lₙ′ = (n + 1)·Lₙ₊₁ − (n + 1 − x)·Lₙ
    aliases: ['laguerre_l', 'LaguerreL'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary, discreteArguments: [0], withOneMore: 'assoc_laguerre',
    partials: [0, ['div', ['sub', ['mul', ['add', 'u', 1], ['laguerre', ['add', 'u', 1], 'v']], ['mul', ['sub', ['add', 'u', 1], 'v'], ['laguerre', 'u', 'v']]], 'v']],
    unicode: called('laguerre'), latex: operatorname('L_n'), code: { numpy: 'scipy.special.eval_laguerre' },
    evaluate: laguerre, recurrence: laguerreRecurrence,
  }),
  legendre: entry({
    // The Legendre polynomial Pₙ(x), of whole degree n: (x² − 1)·Pₙ′ = n·(x·Pₙ − Pₙ₋₁), with P₋ₙ₋₁ = Pₙ
    aliases: ['legendre_p', 'LegendreP'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary, discreteArguments: [0], withOneMore: 'assoc_legendre',
    partials: [0, ['div', ['mul', 'u', ['sub', ['mul', 'v', ['legendre', 'u', 'v']], ['legendre', ['sub', 'u', 1], 'v']]], ['sub', ['pow', 'v', 2], 1]]],
    unicode: called('legendre'), latex: operatorname('P_n'), code: { numpy: 'scipy.special.eval_legendre' },
    evaluate: legendre, recurrence: legendreRecurrence,
  }),
  chebyshevt: entry({
    // The Chebyshev polynomial of the first kind Tₙ(x), of whole degree n: Tₙ′ = n·Uₙ₋₁
    aliases: ['chebyshev_t', 'ChebyshevT'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, ['mul', 'u', ['chebyshevu', ['sub', 'u', 1], 'v']]],
    unicode: called('chebyshevt'), latex: operatorname('T_n'), code: { numpy: 'scipy.special.eval_chebyt' },
    evaluate: chebyshevT, recurrence: chebyshevTRecurrence,
  }),
  chebyshevu: entry({
    // The Chebyshev polynomial of the second kind Uₙ(x), of whole degree n: (x² − 1)·Uₙ′ = (n + 1)·Tₙ₊₁ − x·Uₙ
    aliases: ['chebyshev_u', 'ChebyshevU'], arity: [2, 2], parameters: ['n', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, ['div', ['sub', ['mul', ['add', 'u', 1], ['chebyshevt', ['add', 'u', 1], 'v']], ['mul', 'v', ['chebyshevu', 'u', 'v']]], ['sub', ['pow', 'v', 2], 1]]],
    unicode: called('chebyshevu'), latex: operatorname('U_n'), code: { numpy: 'scipy.special.eval_chebyu' },
    evaluate: chebyshevU, recurrence: chebyshevURecurrence,
  }),
  assoc_laguerre: entry({
    // The generalised Laguerre polynomial Lₙ⁽ᵃ⁾(x), of whole degree n: Lₙ⁽ᵃ⁾′ = −Lₙ₋₁⁽ᵃ⁺¹⁾; by a none in closed form (a sum over the degrees below)
    aliases: ['gen_laguerre', 'genlaguerre'], arity: [3, 3], parameters: ['n', 'a', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, null, ['neg', ['assoc_laguerre', ['sub', 'u', 1], ['add', 'v', 1], 'w']]],
    unicode: called('assoc_laguerre'), latex: operatorname('L_n^a'), code: { numpy: 'scipy.special.eval_genlaguerre' },
    evaluate: assocLaguerre,
  }),
  gegenbauer: entry({
    // The Gegenbauer polynomial Cₙ⁽ᵃ⁾(x), of whole degree n: Cₙ⁽ᵃ⁾′ = 2a·Cₙ₋₁⁽ᵃ⁺¹⁾; by a none in closed form
    aliases: ['ultraspherical', 'GegenbauerC'], arity: [3, 3], parameters: ['n', 'a', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, null, ['mul', 2, 'v', ['gegenbauer', ['sub', 'u', 1], ['add', 'v', 1], 'w']]],
    unicode: called('gegenbauer'), latex: operatorname('C_n^a'), code: { numpy: 'scipy.special.eval_gegenbauer' },
    evaluate: gegenbauer,
  }),
  assoc_legendre: entry({
    // The associated Legendre function Pₙᵐ(x) of whole n and m, on −1 ≤ x ≤ 1, with the phase (−1)ᵐ:
    // (1 − x²)·Pₙᵐ′ = (n + 1)·x·Pₙᵐ − (n − m + 1)·Pₙ₊₁ᵐ (DLMF 14.10.5), which needs no degree below |m|
    aliases: ['assoc_legendre_p'], arity: [3, 3], parameters: ['n', 'm', 'x'], rule: elementary, discreteArguments: [0, 1],
    partials: [0, 0, ['div', ['sub', ['mul', ['add', 'u', 1], 'w', ['assoc_legendre', 'u', 'v', 'w']], ['mul', ['add', ['sub', 'u', 'v'], 1], ['assoc_legendre', ['add', 'u', 1], 'v', 'w']]], ['sub', 1, ['pow', 'w', 2]]]],
    unicode: called('assoc_legendre'), latex: operatorname('P_n^m'), code: {},
    evaluate: assocLegendre,
  }),
  jacobi: entry({
    // The Jacobi polynomial Pₙ⁽ᵃ·ᵇ⁾(x), of whole degree n: Pₙ⁽ᵃ·ᵇ⁾′ = (n + a + b + 1)/2·Pₙ₋₁⁽ᵃ⁺¹·ᵇ⁺¹⁾; by a and b none in closed form
    aliases: ['jacobi_p', 'JacobiP'], arity: [4, 4], parameters: ['n', 'a', 'b', 'x'], rule: elementary, discreteArguments: [0],
    partials: [0, null, null, ['mul', ['div', ['add', 'u', 'v', 'w', 1], 2], ['jacobi', ['sub', 'u', 1], ['add', 'v', 1], ['add', 'w', 1], 't']]],
    unicode: called('jacobi'), latex: operatorname('P_n^{a,b}'), code: { numpy: 'scipy.special.eval_jacobi' },
    evaluate: jacobiP,
  }),
  sinc: entry({
    // sin(u)/u, and 1 at 0
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 1 }],
    derivative: ['div', ['sub', ['cos', 'u'], ['sinc', 'u']], 'u'],
    definition: ['if', ['gt', ['abs', 'u'], 0], ['div', ['sin', 'u'], 'u'], 1],
    unicode: called('sinc'), latex: operatorname('sinc'), code: {}, evaluate: sinc,
  }),
  sigmoid: entry({
    aliases: ['σ', 'logistic'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: ['div', 1, 2] }],
    derivative: ['mul', ['sigmoid', 'u'], ['sub', 1, ['sigmoid', 'u']]], derivativeIsPolynomialInItself: true,
    derivativeInOutput: ['mul', 'u', ['sub', 1, 'u']],
    definition: ['div', 1, ['add', 1, ['exp', ['neg', 'u']]]],
    stable: {
      form: ['div', ['if', ['ge', 'u', 0], 1, decaying], ['add', 1, decaying]],
      note: 'σ(u) = 1/(1 + e^(−u)) for u ≥ 0 and e^u/(1 + e^u) below, both with e^(−|u|), which never overflows',
    },
    unicode: called('σ'), latex: command('sigma'), code: { torch: 'torch.sigmoid', jax: 'jax.nn.sigmoid' }, evaluate: sigmoid, range: interval(0, 1, '()'),
  }),
  softplus: entry({
    aliases: [], arity: [1, 1], rule: elementary, derivative: ['sigmoid', 'u'], derivativeInOutput: ['sub', 1, ['exp', ['neg', 'u']]],
    definition: ['log', ['add', 1, ['exp', 'u']]],
    stable: { form: ['add', ['max', 'u', 0], ['log1p', decaying]], note: 'softplus(u) = max(u, 0) + ln(1 + e^(−|u|)) (log1p), finite for any u' },
    unicode: called('softplus'), latex: operatorname('softplus'), code: { torch: 'torch.nn.functional.softplus', jax: 'jax.nn.softplus' }, evaluate: softplus, range: positive,
  }),
  gelu: entry({
    // u·Φ(u), Φ the standard normal distribution function: u·(1 + erf(u/√2))/2
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['add', ['div', ['add', 1, ['erf', ['div', 'u', ['sqrt', 2]]]], 2],
      ['div', ['mul', 'u', ['exp', ['neg', ['div', ['pow', 'u', 2], 2]]]], ['sqrt', ['mul', 2, 'pi']]]],
    definition: ['div', ['mul', 'u', ['erfc', ['neg', ['div', 'u', ['sqrt', 2]]]]], 2],
    unicode: called('gelu'), latex: operatorname('GELU'), code: { torch: 'torch.nn.functional.gelu' }, evaluate: gelu,
  }),
  silu: entry({
    // u·σ(u), also called swish
    aliases: ['swish'], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['mul', ['sigmoid', 'u'], ['add', 1, ['mul', 'u', ['sub', 1, ['sigmoid', 'u']]]]],
    definition: ['mul', 'u', ['sigmoid', 'u']],
    unicode: called('silu'), latex: operatorname('SiLU'), code: { torch: 'torch.nn.functional.silu', jax: 'jax.nn.silu' }, evaluate: silu,
  }),
  mish: entry({
    // u·tanh(softplus(u))
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['add', ['tanh', ['softplus', 'u']], ['mul', 'u', ['sigmoid', 'u'], ['sub', 1, ['pow', ['tanh', ['softplus', 'u']], 2]]]],
    definition: ['mul', 'u', ['tanh', ['softplus', 'u']]],
    unicode: called('mish'), latex: operatorname('Mish'), code: { torch: 'torch.nn.functional.mish' }, evaluate: mish,
  }),
  softsign: entry({
    // u/(1 + |u|)
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['div', 1, ['pow', ['add', 1, ['abs', 'u']], 2]], derivativeInOutput: ['pow', ['sub', 1, ['abs', 'u']], 2],
    definition: ['div', 'u', ['add', 1, ['abs', 'u']]],
    unicode: called('softsign'), latex: operatorname('softsign'), code: { torch: 'torch.nn.functional.softsign', jax: 'jax.nn.soft_sign' }, evaluate: softsign, range: interval(-1, 1, '()'),
  }),
  logsigmoid: entry({
    // ln σ(u) = −softplus(−u)
    aliases: ['log_sigmoid'], arity: [1, 1], rule: elementary,
    derivative: ['sigmoid', ['neg', 'u']], derivativeInOutput: ['sub', 1, ['exp', 'u']],
    definition: ['neg', ['softplus', ['neg', 'u']]],
    stable: { form: ['sub', ['min', 'u', 0], ['log1p', decaying]], note: 'ln σ(u) = min(u, 0) − ln(1 + e^(−|u|)) (log1p), finite for any u' },
    unicode: called('logsigmoid'), latex: command('log\\sigma'), code: { torch: 'torch.nn.functional.logsigmoid', jax: 'jax.nn.log_sigmoid' }, evaluate: logSigmoid, range: interval(-Infinity, 0, '()'),
  }),
  relu: entry({
    // max(u, 0)
    aliases: [], arity: [1, 1], rule: elementary,
    values: [{ at: 0, is: 0 }],
    derivative: ['heaviside', 'u'], notDifferentiable: { where: 'zero', of: 'u', sides: ['u', 0] },
    // Not one-to-one, yet its slope is 1 where its value is positive and 0 where it is 0 (u < 0).
    derivativeInOutput: ['sign', 'u'],
    definition: ['max', 'u', 0],
    unicode: called('relu'), latex: operatorname('ReLU'), code: { torch: 'torch.relu', jax: 'jax.nn.relu' }, evaluate: relu, range: nonNegative,
  }),
  leaky_relu: entry({
    // u where u ≥ 0, v·u below: the slope v is 1/100 unless given
    aliases: ['leakyrelu'], arity: [1, 2], parameters: ['x', 'a'], rule: elementary,
    partials: [['add', ['mul', ['heaviside', 'u'], ['sub', 1, 'v']], 'v'], ['min', 'u', 0]],
    defaultSecond: ['div', 1, 100], notDifferentiable: { where: 'zero', of: 'u', sides: ['u', ['mul', 'v', 'u']] },
    definition: ['if', ['ge', 'u', 0], 'u', ['mul', 'v', 'u']],
    unicode: called('leaky_relu'), latex: operatorname('LeakyReLU'), code: {}, evaluate: leakyRelu,
  }),
  elu: entry({
    // u where u > 0, v·(eᵘ − 1) below: v is 1 unless given
    aliases: [], arity: [1, 2], parameters: ['x', 'a'], rule: elementary,
    partials: [['add', ['heaviside', 'u'], ['mul', ['sub', 1, ['heaviside', 'u']], 'v', ['exp', 'u']]], ['min', ['sub', ['exp', 'u'], 1], 0]],
    defaultSecond: 1, notDifferentiable: { where: 'zero', of: 'u', sides: ['u', ['mul', 'v', ['sub', ['exp', 'u'], 1]]] },
    definition: ['if', ['gt', 'u', 0], 'u', ['mul', 'v', ['sub', ['exp', 'u'], 1]]],
    unicode: called('elu'), latex: operatorname('ELU'), code: {}, evaluate: elu,
  }),
};

/** The name of a function of the table: its ASCII spelling, which mathjs reads too. */
export type FunctionName = keyof typeof table;

/** Every function's facts, by name. Typing it so checks that its templates name only functions of the table. */
export type FunctionTable = { readonly [N in FunctionName]: FunctionEntry<FunctionName> };
export const functionTable: FunctionTable = table;

/** The names of the table, in its order. */
export const functionNames = Object.keys(table) as readonly FunctionName[];

/** The function that is the n-th root, by n: sqrt for 2, cbrt for 3. */
export const rootFunctions: ReadonlyMap<number, FunctionName> = new Map(functionNames.flatMap((name) => {
  const { root } = functionTable[name];
  return root === undefined ? [] : [[root, name] as const];
}));

/** d/du f(u) of the one-argument form: the entry's own, or the first partial derivative at the default second argument. */
export function oneArgumentDerivative(entry: FunctionEntry): Template<FunctionName> | undefined {
  if (entry.derivative !== undefined) return entry.derivative;
  const first = entry.partials?.[0];
  return first && entry.defaultSecond !== undefined ? withSecond(first, entry.defaultSecond) : undefined;
}
