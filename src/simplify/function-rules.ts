import type { Expr } from '../expr/types.js';
import { add, call, div, int, mul, neg, num, pow } from '../expr/factory.js';
import { isInteger } from '../expr/rational.js';
import { turnedToStartPositive } from '../expr/sign.js';
import { children, equals, withChildren } from '../expr/traverse.js';
import { fromTemplate, matchTemplate } from '../expr/template.js';
import { functionNames, functionTable, rootFunctions, type FunctionName } from '../functions/table.js';
import { exactCoefficients } from '../functions/recurrence.js';
import { simpler } from '../algebra/complexity.js';
import { rule, type AnyRewriteRule } from './rewrite.js';
import { isNonNegative } from '../algebra/nonnegative.js';
import { writtenNormalForm, writtenWithSum } from './written-form.js';
import type { Add, Call, Div, Num, Pow, Rational } from '../expr/types.js';
import { foldParts } from '../expr/fold.js';
import { callBits, mayCall } from '../expr/calls.js';
import { NodeMemo } from '../expr/node-memo.js';
import { SumBeingRewritten } from './sum-part.js';
import { normalForm } from '../algebra/normal-form.js';
import { polynomialOverNumber } from '../algebra/factored.js';
import { atomKey } from '../algebra/atoms.js';

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

/** The functions whose square another function writes (cos(u)² = 1 − sin(u)²), with that identity. */
const squares = functionNames.flatMap((name) => {
  const square = functionTable[name].square;
  return square ? [{ name, square }] : [];
});

/** Whether a part is f(u)^(2k) for some u and whole k ≠ 0. */
const isEvenPowerOf = (part: Expr, name: FunctionName): part is Pow & { base: Call; exponent: Num } =>
  part.kind === 'pow' && part.base.kind === 'call' && part.base.name === name && part.base.args.length === 1
  && part.exponent.kind === 'num' && isInteger(part.exponent.value) && part.exponent.value.n % 2n === 0n && part.exponent.value.n > 0n;

/** The algebraic parts of a node, where a square may be replaced: not the arguments of functions. */
const algebraicParts = (e: Expr): readonly Expr[] => (e.kind === 'add' || e.kind === 'mul' || e.kind === 'neg' || e.kind === 'div' ? children(e) : []);

/** The squares f(u)^(2k) of functions with a square identity among the algebraic parts of each expression, worked out once. */
const squaresIn = new NodeMemo<readonly (Pow & { base: Call })[]>();
const noSquares: readonly (Pow & { base: Call })[] = [];

function squaresOf(e: Expr): readonly (Pow & { base: Call })[] {
  if (!mayCall(e, callBits(squareNames))) return noSquares;
  return foldParts<Expr, readonly (Pow & { base: Call })[]>(e, algebraicParts, (part, of) => {
    if (part.kind === 'pow' && part.base.kind === 'call' && squareNames.has(part.base.name) && isEvenPowerOf(part, part.base.name)) return [part];
    // A child's list is shared (kept for that child) until a second one adds to it: then copied once.
    let found = noSquares;
    let own = false;
    for (const child of algebraicParts(part)) {
      const below = of(child);
      if (below.length === 0) continue;
      if (found === noSquares) found = below;
      else {
        if (!own) {
          found = found.slice();
          own = true;
        }
        for (const b of below) (found as (Pow & { base: Call })[]).push(b);
      }
    }
    return found;
  }, squaresIn);
}

const squareNames: ReadonlySet<FunctionName> = new Set(squares.map(({ name }) => name));

/** The arguments u of the squares f(u)^(2k) among the algebraic parts of an expression. */
function squaredArguments(e: Expr, name: FunctionName): Expr[] {
  // Equal trees are one node: each argument once, by identity.
  const found = new Set<Expr>();
  for (const part of squaresOf(e)) if (part.base.name === name) found.add(part.base.args[0]!);
  return Array.from(found);
}

/**
 * The arguments (by atom id) of the functions of one argument among the algebraic parts of e, or
 * `every` where e is a polynomial in its variables, which may combine with the terms of any.
 */
function argumentsOfCalls(e: Expr): readonly number[] | 'every' {
  const known = callArguments.get(e);
  if (known !== undefined) return known;
  const found: number[] = [];
  let polynomial = true;
  foldParts<Expr, null>(e, (part) => (part.kind === 'pow' ? [part.base] : algebraicParts(part)), (part) => {
    if (part.kind === 'call' && part.args.length === 1) found.push(atomKey(part.args[0]!));
    if (part.kind === 'div' || part.kind === 'call' || part.kind === 'apply' || part.kind === 'derivative'
      || (part.kind === 'pow' && !(part.exponent.kind === 'num' && isInteger(part.exponent.value) && part.exponent.value.s > 0n))) polynomial = false;
    return null;
  });
  const result = polynomial ? 'every' : found;
  callArguments.set(e, result);
  return result;
}

/** Each term's arguments of calls, worked out once: the terms of a long sum are filed again after each rewrite put in, and most are the same terms. */
const callArguments = new NodeMemo<readonly number[] | 'every'>();

/** A sum with each f(u)^(2k) among its algebraic parts written as (the identity's right side)^k. */
function withSquaresReplaced(e: Expr, name: FunctionName, u: Expr, square: Expr): Expr {
  return foldParts<Expr, Expr>(e, algebraicParts, (part, of) => {
    if (isEvenPowerOf(part, name) && equals(part.base.args[0]!, u)) return pow(square, num(part.exponent.value.div(2)));
    return algebraicParts(part).length > 0 ? withChildren(part, children(part).map(of)) : part;
  });
}

/**
 * How many terms a part has as written, its sums within counted by their terms: 3 in
 * (1 + tan(u)²)·x + 1 and in 3·(4x³·tan(u) + 2x⁴·sec(u)²) + 5x⁴, which the identity writes
 * 6x⁴·tan(u)² + 12x³·tan(u) + 11x⁴, no fewer.
 */
const termCount = (e: Expr): number => 1 + foldParts<Expr, number>(e, algebraicParts, (part, of) =>
  algebraicParts(part).reduce((n, c) => n + of(c), part.kind === 'add' ? part.terms.length - 1 : 0));

/**
 * A term's keys among those of a sum the square identities rewrite: the arguments (by atom key) of
 * its functions of one argument; for a polynomial in the variables, its monomials (by id, negated:
 * atom keys are positive) and `anyPolynomial`, or `every` where it is too large to expand.
 */
type SquareKey = number | typeof anyPolynomial;
const anyPolynomial = 'polynomial' as const;

function squareKeysOf(term: Expr): readonly SquareKey[] | 'every' {
  const calls = argumentsOfCalls(term);
  if (calls !== 'every') return calls;
  const expanded = polynomialOverNumber(normalForm(term));
  return expanded ? [anyPolynomial, ...expanded.poly.monomials.map((m) => -m.id)] : 'every';
}

/** A part with its squares replaced by the identity (`replaced`), written in normal form, where that leaves fewer terms and a simpler whole. */
function writtenIfFewerTerms(part: Expr, replaced: Expr): Expr | undefined {
  const count = termCount(part);
  // A part of two terms (4x³·tan(u) + 5x⁴·sec(u)²) whose rewriting has a sum in it is left without writing it.
  if (count <= 2 && writtenWithSum(normalForm(replaced))) return undefined;
  const normal = writtenNormalForm(replaced, 'auto');
  return termCount(normal) < count && simpler(normal, part) ? normal : undefined;
}

/**
 * An identity for a square applied where it leaves fewer terms and a simpler whole: −sin(u)² −
 * cos(u)² is −1, but cos(u)² − sin(u)² stays as it is rather than becoming 1 − 2sin(u)².
 */
function withSquareIdentity(e: Add | Div): Expr | undefined {
  if (squaresOf(e).length === 0) return undefined;
  if (e.kind === 'div') {
    for (const { name, square } of squares) {
      for (const u of squaredArguments(e, name)) {
        const rewritten = writtenIfFewerTerms(e, withSquaresReplaced(e, name, u, fromTemplate(square, [u])));
        if (rewritten) return rewritten;
      }
    }
    return undefined;
  }
  // In a sum, the identity for f(u)² may cancel the terms with a function of u and the polynomial
  // ones its rewriting has monomials of (−sin(u)² − cos(u)² is −1, 1 − sech(u)² is tanh(u)², y −
  // y·sin(u)² is y·cos(u)²): only those are rewritten and compared, so a long sum costs what those
  // terms do, and each u is rewritten in the sum as the rewrites before it left it.
  const sum = new SumBeingRewritten<SquareKey>(e, squareKeysOf);
  const combining = new Map<Expr, boolean>();
  let like: LikeTerms | undefined;
  for (const { name, square } of squares) {
    for (const u of squaredArguments(e, name)) {
      let may = combining.get(u);
      if (may === undefined) combining.set(u, (may = termsMayCombine((like ??= likeTermsOf(e)), u)));
      if (!may) continue;
      const ofU = sum.part([atomKey(u)]);
      if (!ofU) continue;
      const identity = fromTemplate(square, [u]);
      const replacedOfU = withSquaresReplaced(ofU.part, name, u, identity);
      // The polynomial terms with a monomial of the rewriting: those it may add to or cancel.
      const expanded = polynomialOverNumber(normalForm(replacedOfU));
      const found = sum.part([atomKey(u), ...(expanded ? expanded.poly.monomials.map((m) => -m.id) : [anyPolynomial])])!;
      // Polynomial terms have no square in them: the part's are those of u's terms.
      const replaced = found.taken.length === ofU.taken.length ? replacedOfU : withSquaresReplaced(found.part, name, u, identity);
      const rewritten = writtenIfFewerTerms(found.part, replaced);
      if (!rewritten) continue;
      if (found.whole) return rewritten;
      sum.rewrite(found, rewritten);
    }
  }
  const result = sum.result();
  return result === e ? undefined : result;
}

/**
 * Whether an identity for a square of a function of u may leave a sum with fewer terms: only where
 * two of its terms are alike beside their numbers and their functions of u (x·sec(u)² and x·tan(u),
 * −sin(u)² and −cos(u)²). Terms that are not stay apart however their functions of u are written,
 * and each gives one term or more: 2sec(u)²·tan(u)² + sec(u)⁴ is worth no rewriting. Where a
 * function of u stands deeper in a term (in a sum or a quotient within it), it may.
 */
function termsMayCombine(like: LikeTerms, u: Expr): boolean {
  // Two terms without a function of u are left as they are by its identity, alike or not.
  const seen = new Set<string>();
  for (const term of like.holding.get(u) ?? []) {
    const rest = restBeside(term, u);
    // A term alike to one without a function of u (x·sec(u)² to −x) has its plain key for rest.
    // The plain key of a term with a function of u has that function in it: no rest is one.
    if (rest === undefined || seen.has(rest) || like.plain.has(rest)) return true;
    seen.add(rest);
  }
  return false;
}

/**
 * A sum's terms filed once for termsMayCombine, which asks of each argument u of a square: a long
 * sum has many, and a term without a function of u is the same beside every u.
 */
interface LikeTerms {
  /** Each term's factors other than its number, as a key: its rest beside a u it has no function of. */
  readonly plain: ReadonlySet<string>;
  /** The terms with a function of u among their algebraic parts, by u. */
  readonly holding: ReadonlyMap<Expr, readonly Expr[]>;
}

function likeTermsOf(e: Add): LikeTerms {
  const plain = new Set<string>();
  const holding = new Map<Expr, Expr[]>();
  for (const term of e.terms) {
    plain.add(restBeside(term, undefined)!);
    for (const u of argumentsOfFunctionsIn(term)) {
      const terms = holding.get(u);
      if (terms) terms.push(term);
      else holding.set(u, [term]);
    }
  }
  return { plain, holding };
}

/** A term's factors other than its number and its functions of u, as a key; undefined where a function of u stands deeper. */
function restBeside(term: Expr, u: Expr | undefined): string | undefined {
  const core = term.kind === 'neg' ? term.operand : term;
  const above = core.kind === 'div' ? core.numerator : core;
  if (core.kind === 'div' && u && holdsFunctionOf(core.denominator, u)) return undefined;
  const ids: number[] = core.kind === 'div' ? [-core.denominator.id] : [];
  for (const factor of above.kind === 'mul' ? above.factors : [above]) {
    const base = factor.kind === 'pow' && factor.exponent.kind === 'num' ? factor.base : factor;
    if (factor.kind === 'num' || (u && base.kind === 'call' && base.args.length === 1 && base.args[0] === u)) continue;
    if (u && holdsFunctionOf(factor, u)) return undefined;
    ids.push(factor.id);
  }
  return ids.sort((a, b) => a - b).join(' ');
}

/** The arguments u of the functions of one argument among the algebraic parts of e (and bases of its powers), worked out once per part. */
function argumentsOfFunctionsIn(e: Expr): ReadonlySet<Expr> {
  return foldParts<Expr, ReadonlySet<Expr>>(e, (part) => (part.kind === 'pow' ? [part.base] : algebraicParts(part)), (part, of) => {
    if (part.kind === 'call') return part.args.length === 1 ? new Set([part.args[0]!]) : noArguments;
    let found = noArguments;
    for (const inner of part.kind === 'pow' ? [part.base] : algebraicParts(part)) {
      const more = of(inner);
      if (more.size === 0 || more === found) continue;
      if (found.size === 0) found = more;
      else {
        const both = new Set(found);
        for (const u of more) both.add(u);
        found = both;
      }
    }
    return found;
  }, functionArguments);
}

const noArguments: ReadonlySet<Expr> = new Set();
const functionArguments = new NodeMemo<ReadonlySet<Expr>>();

/** Whether a function of u is among the algebraic parts of e. */
const holdsFunctionOf = (e: Expr, u: Expr): boolean => argumentsOfFunctionsIn(e).has(u);

/** Whether a is the base of a logarithm log(u, a): a^(log(u, a)) is u wherever the logarithm is defined. */
const logInBase = (e: Pow): Expr | undefined =>
  (e.exponent.kind === 'call' && e.exponent.name === 'log' && e.exponent.args.length === 2 && equals(e.exponent.args[1]!, e.base) ? e.exponent.args[0] : undefined);

/** relu(u) as a factor of a denominator, to a power q with 0 < q < 1 (√relu(u), ∛relu(u)², relu(u)^(1/4)), written with |u| in its place. */
function reluRootAsAbs(factor: Expr, u: Expr): Expr | undefined {
  const isRelu = (e: Expr): boolean => e.kind === 'call' && e.name === 'relu' && e.args.length === 1 && equals(e.args[0]!, u);
  const abs = call('abs', [u]);
  if (factor.kind === 'call' && rootIndex.has(factor.name) && factor.args.length === 1 && isRelu(factor.args[0]!)) return call(factor.name, [abs]);
  if (factor.kind !== 'pow' || factor.exponent.kind !== 'num') return undefined;
  const q = factor.exponent.value;
  if (isRelu(factor.base) && q.s > 0n && q.n < q.d) return pow(abs, factor.exponent);
  const root = factor.base;
  if (root.kind === 'call' && rootIndex.has(root.name) && root.args.length === 1 && isRelu(root.args[0]!) && isInteger(q) && q.s > 0n && q.n < BigInt(rootIndex.get(root.name)!)) {
    return pow(call(root.name, [abs]), factor.exponent);
  }
  return undefined;
}

const rootIndex: ReadonlyMap<string, number> = new Map([...rootFunctions].map(([index, name]) => [name, index]));

/**
 * heaviside(u)/(2√relu(u)) → heaviside(u)/(2√|u|). Such a quotient is the slope of relu(u)^p with
 * 0 < p < 1, which is 0 for u < 0, where relu(u) is 0; as written it is 0/0 there. Where the step
 * is not 0, u > 0 and relu(u) = |u|, so with |u| in the root it is 0 where it should be.
 */
function reluRootBesideStep(e: Div): Expr | undefined {
  const above = e.numerator.kind === 'mul' ? e.numerator.factors : [e.numerator];
  const below = e.denominator.kind === 'mul' ? e.denominator.factors : [e.denominator];
  for (const step of above) {
    if (step.kind !== 'call' || step.name !== 'heaviside' || step.args.length !== 1) continue;
    const u = step.args[0]!;
    let changed = false;
    const rewritten = below.map((f) => {
      const asAbs = reluRootAsAbs(f, u);
      if (asAbs) changed = true;
      return asAbs ?? f;
    });
    if (changed) return div(e.numerator, rewritten.length === 1 ? rewritten[0]! : mul(rewritten));
  }
  return undefined;
}

/**
 * A function with a kink at u = 0 of a number u other than 0: its piece on that side, from the
 * table (sign(−2) = −1, heaviside(3) = 1, relu(−1/2) = 0, leaky_relu(−2, 1/10) = −1/5).
 */
function sideOfKink(e: Call): Expr | undefined {
  const kink = functionTable[e.name].notDifferentiable;
  const [u] = e.args;
  if (kink?.where !== 'zero' || kink.of !== 'u' || !kink.sides || u?.kind !== 'num' || u.value.s === 0n || u.value.n === 0n) return undefined;
  if (e.args.some((a) => a.kind !== 'num')) return undefined;
  const second = functionTable[e.name].defaultSecond;
  const args = e.args.length === 1 && second !== undefined ? [u, fromTemplate(second, [])] : e.args;
  return fromTemplate(kink.sides[u.value.s > 0n ? 0 : 1], args);
}

/**
 * The highest degree an orthogonal polynomial of a whole degree is written out at: H₁₀(x) has six
 * terms with coefficients up to 30,240; past it, Hₙ(x) is as short and says more.
 */
const mostDegreeWrittenOut = 10;

/** f(n, u) of a small whole n as the polynomial in u it is (FunctionEntry.recurrence). */
function polynomialWrittenOut(e: Call): Expr | undefined {
  const recurrence = functionTable[e.name].recurrence;
  const [n, u] = e.args;
  if (recurrence === undefined || n?.kind !== 'num' || !isInteger(n.value) || n.value.s < 0n || n.value.n > BigInt(mostDegreeWrittenOut)) return undefined;
  const coefficients = exactCoefficients(recurrence, Number(n.value.n));
  // c·uᵏ as written: uᵏ, −uᵏ, 4uᵏ, 3uᵏ/2.
  const term = (c: Rational, k: number): Expr => {
    if (k === 0) return num(c);
    const power = k === 1 ? u! : pow(u!, int(k));
    const whole = c.n === 1n ? power : mul([int(c.n), power]);
    const above = c.d === 1n ? whole : div(whole, int(c.d));
    return c.s < 0n ? neg(above) : above;
  };
  // From the highest degree down, as a polynomial in one variable is written, or from the number up: 1 − u.
  return add(turnedToStartPositive(coefficients.flatMap((c, k) => (c.equals(0) ? [] : [term(c, k)])).reverse()));
}

export const functionRules: readonly AnyRewriteRule[] = [
  // heaviside(u)/√relu(u) → heaviside(u)/√|u|: 0 where the step is, not 0/0
  rule('div', 'relu-root-beside-step', reluRootBesideStep),
  // log(1) → 0, log(e) → 1, cos(0) → 1, hermite(3, u) → 8u³ − 12u
  rule('call', 'exact-value', (e) => {
    if (e.args.length !== 1) return sideOfKink(e) ?? polynomialWrittenOut(e);
    return exactValues.get(e.name)!.find(({ at }) => equals(at, e.args[0]!))?.is ?? sideOfKink(e);
  }),
  // log(e^u) → u, sin(arcsin(u)) → u: true wherever the inner function is defined
  rule('call', 'cancel-inverse', (e) => {
    const [inner] = e.args;
    if (e.args.length !== 1 || inner?.kind !== 'call' || inner.args.length !== 1) return undefined;
    return functionTable[e.name].undoes === inner.name ? inner.args[0] : undefined;
  }),
  // cos(asin u) → √(1 − u²), sin(atan u) → u/√(1 + u²): where the inverse is defined
  rule('call', 'inverse-in-closed-form', (e) => {
    const [inner] = e.args;
    if (e.args.length !== 1 || inner?.kind !== 'call' || inner.args.length !== 1) return undefined;
    const form = functionTable[e.name].ofInverses?.[inner.name];
    return form === undefined ? undefined : fromTemplate(form, inner.args);
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
  // max(x, 1, 2) → max(x, 2), max(u, u) → u, min(2, 3) → 2: only the extreme number and each argument once
  rule('call', 'fewer-arguments', (e) => {
    const extreme = functionTable[e.name].extreme;
    if (!extreme) return undefined;
    const beats = (a: Num, b: Num): boolean => a.value.compare(b.value) * (extreme === 'greatest' ? 1 : -1) > 0;
    const best = e.args.reduce<Num | undefined>((found, a) => (a.kind === 'num' && (!found || beats(a, found)) ? a : found), undefined);
    const kept = e.args.filter((a, i) => !e.args.slice(0, i).some((b) => equals(a, b)) && (a.kind !== 'num' || equals(a, best!)));
    if (kept.length === e.args.length) return undefined;
    return kept.length === 1 ? kept[0] : call(e.name, kept);
  }),
  // 7^(log(x, 7)) → x
  rule('pow', 'power-of-base-log', logInBase),
  // |e^u| → e^u, |u²| → u²: the absolute value of what cannot be negative
  rule('call', 'abs-of-nonnegative', (e) => (e.name === 'abs' && e.args.length === 1 && isNonNegative(e.args[0]!) ? e.args[0] : undefined)),
  // cos(u)/sin(u) → cot(u), sin(u)/cos(u) → tan(u): a quotient that is a function of the table, when shorter
  rule('div', 'quotient-as-function', (e) => {
    // Each such quotient is of two calls (see quotients): most quotients are not, and are not matched.
    if (e.numerator.kind !== 'call' || e.denominator.kind !== 'call') return undefined;
    for (const { name, definition } of quotients) {
      const args = matchTemplate(definition, e);
      if (!args) continue;
      const f: Expr = call(name, args);
      if (simpler(f, e)) return f;
    }
    return undefined;
  }),
];

/** Identities tried after the algebra has collected like terms: 2cos(u)² − 2sin(u)² is not first made 2 − 4sin(u)². */
export const identityRules: readonly AnyRewriteRule[] = [
  // −sin(u)² − cos(u)² → −1, cosh(u)² − sinh(u)² → 1, sec(u)²/(1 + tan(u)²) → 1
  rule('add', 'square-identity', withSquareIdentity),
  rule('div', 'square-identity', withSquareIdentity),
];
