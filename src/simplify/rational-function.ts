import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { add, div, mul, neg } from '../expr/factory.js';
import { containsCall } from '../expr/traverse.js';
import { foldParts } from '../expr/fold.js';
import { isInteger, isNegative, isOne, isZero } from '../expr/rational.js';
import { complexity } from './complexity.js';
import {
  addInto, addPolynomials, atomKey, atomPolynomial, constantPolynomial, constantValue, monomial, multiplyPolynomials,
  polynomialToExpr, powerExpr, scale, sortedTerms, termToExpr, type Polynomial, type Term,
} from './polynomial.js';

/** A quotient of polynomials over atoms, the normal form of an algebraic expression. */
export interface RationalFunction {
  readonly numerator: Polynomial;
  readonly denominator: Polynomial;
}

/** Expansions past this many terms are not done: the parts stay as they are, as atoms. */
export const maxExpansionTerms = 400;

const one = new Fraction(1);
const fromPolynomial = (p: Polynomial): RationalFunction => ({ numerator: p, denominator: constantPolynomial(one) });

/**
 * Every rational function worked out, by node: trees are immutable, so a part's normal form
 * is found once however many sums and products it is part of (the simplifier asks at every
 * level, and σ⁽ⁿ⁾ asks again for what the order before produced).
 */
const known = new WeakMap<Expr, RationalFunction>();

/** Records the rational function an expression was written from, so it is not worked out again. */
export function remember(e: Expr, r: RationalFunction): Expr {
  known.set(e, r);
  return e;
}

/**
 * The rational function of an expression: sums, products, quotients and integer powers
 * are worked out; everything else is an atom. Parts first, without recursion.
 */
export function toRationalFunction(root: Expr): RationalFunction {
  return foldParts(root, algebraicParts, rationalFunctionOf, known);
}

/** The parts a rational function is worked out from: not the arguments of functions, which are atoms. */
function algebraicParts(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add': return e.terms;
    case 'neg': return [e.operand];
    case 'mul': return e.factors;
    case 'div': return [e.numerator, e.denominator];
    case 'pow': return e.exponent.kind === 'num' ? [e.base] : [];
    default: return [];
  }
}

function rationalFunctionOf(e: Expr, toRationalFunction: (part: Expr) => RationalFunction): RationalFunction {
  switch (e.kind) {
    case 'num': return fromPolynomial(constantPolynomial(e.value));
    case 'add': {
      // Terms over no denominator go into one accumulator, so a long sum is linear, not quadratic.
      const whole = new Map<string, Term>();
      const fractions: RationalFunction[] = [];
      for (const part of e.terms.map(toRationalFunction)) {
        if (constantValue(part.denominator)?.equals(1) === true) addInto(whole, part.numerator);
        else fractions.push(part);
      }
      let sum = fromPolynomial(whole);
      for (const part of fractions) {
        // Over unlike denominators the sizes multiply: too big, and the sum stays whole, as an atom.
        if (!samePolynomial(sum.denominator, part.denominator)
          && sizeOfSum(sum, part) > maxExpansionTerms) return atom(e);
        sum = addRational(sum, part);
      }
      return sum;
    }
    case 'neg': {
      const r = toRationalFunction(e.operand);
      return { numerator: scale(r.numerator, one.neg()), denominator: r.denominator };
    }
    case 'mul': {
      const parts = e.factors.map(toRationalFunction);
      const terms = parts.reduce((p, r) => p * Math.max(1, r.numerator.size) * Math.max(1, r.denominator.size), 1);
      // Too big to expand: the sums stay whole, as atoms.
      if (terms > maxExpansionTerms) return e.factors.map((f) => (isMonomialLike(f) ? toRationalFunction(f) : atom(f))).reduce(multiplyRational);
      return parts.reduce(multiplyRational);
    }
    case 'div': {
      const n = toRationalFunction(e.numerator);
      const d = toRationalFunction(e.denominator);
      if (d.numerator.size === 0) return atom(e);
      if (n.numerator.size * d.denominator.size > maxExpansionTerms || n.denominator.size * d.numerator.size > maxExpansionTerms) return atom(e);
      return multiplyRational(n, { numerator: d.denominator, denominator: d.numerator });
    }
    case 'pow': {
      if (e.exponent.kind !== 'num') return atom(e);
      const exponent = e.exponent.value;
      const base = toRationalFunction(e.base);
      if (!isInteger(exponent)) {
        // Only a single atom takes a fractional exponent: (x²)^(1/2) is |x|, not x.
        const single = singleAtom(base);
        return single ? fromPolynomial(atomPolynomial(single[0], single[1].mul(exponent))) : atom(e);
      }
      const n = Number(exponent.s * exponent.n);
      if (Math.abs(n) > 1000) return atom(e);
      const size = Math.max(base.numerator.size, base.denominator.size);
      if (size > 1 && (Math.abs(n) > 12 || size ** Math.abs(n) > maxExpansionTerms)) return atom(e);
      return powerRational(base, n, e);
    }
    default: return atom(e);
  }
}

const atom = (e: Expr): RationalFunction => fromPolynomial(atomPolynomial(e));
const isMonomialLike = (e: Expr): boolean => e.kind !== 'add';

/** The atom and exponent, if a rational function is one atom to a power (coefficient 1). */
function singleAtom(r: RationalFunction): readonly [Expr, Rational] | undefined {
  if (constantValue(r.denominator)?.equals(1) !== true || r.numerator.size !== 1) return undefined;
  const t = [...r.numerator.values()][0]!;
  return isOne(t.coefficient) && t.monomial.factors.length === 1 ? t.monomial.factors[0] : undefined;
}

function addRational(a: RationalFunction, b: RationalFunction): RationalFunction {
  if (samePolynomial(a.denominator, b.denominator)) return { numerator: addPolynomials(a.numerator, b.numerator), denominator: a.denominator };
  return {
    numerator: addPolynomials(multiplyPolynomials(a.numerator, b.denominator), multiplyPolynomials(b.numerator, a.denominator)),
    denominator: multiplyPolynomials(a.denominator, b.denominator),
  };
}

/** At most how many terms a + b over unlike denominators has, numerator and denominator. */
const sizeOfSum = (a: RationalFunction, b: RationalFunction): number => Math.max(
  a.numerator.size * b.denominator.size + b.numerator.size * a.denominator.size,
  a.denominator.size * b.denominator.size,
);

function multiplyRational(a: RationalFunction, b: RationalFunction): RationalFunction {
  return { numerator: multiplyPolynomials(a.numerator, b.numerator), denominator: multiplyPolynomials(a.denominator, b.denominator) };
}

function powerRational(r: RationalFunction, n: number, original: Expr): RationalFunction {
  const single = singleAtom(r);
  if (single) return fromPolynomial(atomPolynomial(single[0], single[1].mul(n)));
  // 0 to a negative power is undefined: it stays as written.
  if (r.numerator.size === 0 && n < 0) return atom(original);
  let result: RationalFunction = fromPolynomial(constantPolynomial(one));
  const base = n < 0 ? { numerator: r.denominator, denominator: r.numerator } : r;
  for (let i = 0; i < Math.abs(n); i++) result = multiplyRational(result, base);
  return result;
}

function samePolynomial(a: Polynomial, b: Polynomial): boolean {
  if (a.size !== b.size) return false;
  for (const [k, t] of a) {
    const other = b.get(k);
    if (!other || !other.coefficient.equals(t.coefficient)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Cancelling

/**
 * Cancels what numerator and denominator share: a monomial (x in x²/x), a number
 * (2 in 2x/4) and, for polynomials in one atom, their greatest common divisor
 * ((x² − 1)/(x − 1) is x + 1). Negative exponents move below the fraction bar.
 */
export function cancel(r: RationalFunction): RationalFunction {
  if (r.numerator.size === 0) return fromPolynomial(new Map());
  let { numerator, denominator } = shiftMonomials(r);
  const divisor = univariateGcd(numerator, denominator);
  if (divisor) {
    numerator = exactQuotient(numerator, divisor);
    denominator = exactQuotient(denominator, divisor);
  } else {
    ({ numerator, denominator } = cancelLinearFactors(numerator, denominator));
  }
  // The denominator's leading coefficient becomes 1, or its integer content 1.
  const lead = sortedTerms(denominator)[0]!.coefficient;
  const content = denominator.size === 1 ? lead : integerContent(denominator, lead);
  return { numerator: scale(numerator, content.inverse()), denominator: scale(denominator, content.inverse()) };
}

/** The number that makes a polynomial's coefficients coprime integers with the sign of `lead`. */
function integerContent(p: Polynomial, lead: Rational): Rational {
  let g = new Fraction(0);
  for (const t of p.values()) g = g.gcd(t.coefficient);
  return isNegative(lead) ? g.neg() : g;
}

/** For each atom, its least exponent over the terms (0 where it is missing), where that is not 0. One pass. */
function commonMonomial(p: Polynomial): (readonly [Expr, Rational])[] {
  const seen = new Map<string, { atom: Expr; least: Rational; terms: number }>();
  for (const t of p.values()) {
    for (const [atom, exponent] of t.monomial.factors) {
      const k = atomKey(atom);
      const entry = seen.get(k);
      if (!entry) seen.set(k, { atom, least: exponent, terms: 1 });
      else {
        entry.terms++;
        if (exponent.compare(entry.least) < 0) entry.least = exponent;
      }
    }
  }
  const out: (readonly [Expr, Rational])[] = [];
  for (const { atom, least, terms } of seen.values()) {
    // An atom missing from a term has exponent 0 there.
    const common = terms < p.size && !isNegative(least) ? undefined : least;
    if (common !== undefined && !isZero(common)) out.push([atom, common]);
  }
  return out;
}

const divideByMonomial = (p: Polynomial, m: readonly (readonly [Expr, Rational])[]): Polynomial =>
  multiplyPolynomials(p, monomialPolynomial(m.map(([a, e]) => [a, e.neg()] as const)));

/** Divides out the common monomial of numerator and denominator, and clears negative exponents. */
function shiftMonomials(r: RationalFunction): RationalFunction {
  const n = commonMonomial(r.numerator);
  const d = commonMonomial(r.denominator);
  // numerator/denominator = (N/n)/(D/d) · n/d, and n/d splits into positive (top) and negative (bottom) exponents.
  const net = monomial([...n, ...d.map(([a, e]) => [a, e.neg()] as const)]).factors;
  const top = net.filter(([, e]) => !isNegative(e));
  const bottom = net.filter(([, e]) => isNegative(e)).map(([a, e]) => [a, e.neg()] as const);
  return {
    numerator: multiplyPolynomials(divideByMonomial(r.numerator, n), monomialPolynomial(top)),
    denominator: multiplyPolynomials(divideByMonomial(r.denominator, d), monomialPolynomial(bottom)),
  };
}

function monomialPolynomial(factors: readonly (readonly [Expr, Rational])[]): Polynomial {
  const m = monomial(factors);
  return new Map([[m.key, { coefficient: one, monomial: m }]]);
}

// ---------------------------------------------------------------------------------------
// Polynomials in one atom

/** Coefficients by degree, when p is a polynomial in a single atom with whole exponents ≥ 0. */
export function univariate(p: Polynomial): { atom: Expr | undefined; coefficients: Rational[] } | undefined {
  let atomOf: Expr | undefined;
  const coefficients: Rational[] = [];
  for (const t of p.values()) {
    if (t.monomial.factors.length > 1) return undefined;
    let degree = 0;
    if (t.monomial.factors.length === 1) {
      const [a, e] = t.monomial.factors[0]!;
      if (!isInteger(e) || isNegative(e)) return undefined;
      if (atomOf && atomKey(atomOf) !== atomKey(a)) return undefined;
      atomOf = a;
      degree = Number(e.n);
      if (degree > 2000) return undefined;
    }
    while (coefficients.length <= degree) coefficients.push(new Fraction(0));
    coefficients[degree] = t.coefficient;
  }
  return { atom: atomOf, coefficients };
}

function fromCoefficients(atom: Expr, coefficients: readonly Rational[]): Polynomial {
  let p: Polynomial = new Map();
  coefficients.forEach((c, degree) => {
    if (isZero(c)) return;
    p = addPolynomials(p, scale(degree === 0 ? constantPolynomial(one) : atomPolynomial(atom, new Fraction(degree)), c));
  });
  return p;
}

const trim = (c: Rational[]): Rational[] => {
  const out = [...c];
  while (out.length > 0 && isZero(out.at(-1)!)) out.pop();
  return out;
};

function divideCoefficients(a: readonly Rational[], b: readonly Rational[]): { quotient: Rational[]; remainder: Rational[] } {
  const remainder = trim([...a]);
  const divisor = trim([...b]);
  const quotient: Rational[] = Array.from({ length: Math.max(0, remainder.length - divisor.length + 1) }, () => new Fraction(0));
  while (remainder.length >= divisor.length && remainder.length > 0) {
    const shift = remainder.length - divisor.length;
    const factor = remainder.at(-1)!.div(divisor.at(-1)!);
    quotient[shift] = factor;
    divisor.forEach((c, i) => { remainder[i + shift] = remainder[i + shift]!.sub(c.mul(factor)); });
    remainder.pop();
    while (remainder.length > 0 && isZero(remainder.at(-1)!)) remainder.pop();
  }
  return { quotient, remainder };
}

/** The gcd of two polynomials in the same single atom, when it has degree ≥ 1. */
function univariateGcd(a: Polynomial, b: Polynomial): Polynomial | undefined {
  const ua = univariate(a);
  const ub = univariate(b);
  if (!ua || !ub || !ua.atom || !ub.atom || atomKey(ua.atom) !== atomKey(ub.atom)) return undefined;
  let x = trim(ua.coefficients);
  let y = trim(ub.coefficients);
  while (y.length > 0) {
    const { remainder } = divideCoefficients(x, y);
    x = y;
    y = remainder;
  }
  if (x.length <= 1) return undefined;
  return fromCoefficients(ua.atom, x);
}

/**
 * For a denominator in one atom A and a numerator in A and other atoms, cancels the
 * factors (A − r) at the denominator's rational roots r where the numerator vanishes too:
 * (x·y·(σ − 1) + …)/(σ − 1).
 */
function cancelLinearFactors(numerator: Polynomial, denominator: Polynomial): RationalFunction {
  const d = univariate(denominator);
  if (!d?.atom || trim(d.coefficients).length < 2) return { numerator, denominator };
  const atomOf = d.atom;
  const key = atomKey(atomOf);
  // The numerator as coefficients (polynomials in the other atoms) by degree in the atom.
  const byDegree: Polynomial[] = [];
  for (const t of numerator.values()) {
    const inAtom = t.monomial.factors.find(([a]) => atomKey(a) === key);
    if (inAtom && (!isInteger(inAtom[1]) || isNegative(inAtom[1]))) return { numerator, denominator };
    const degree = inAtom ? Number(inAtom[1].n) : 0;
    const rest = monomialPolynomial(t.monomial.factors.filter(([a]) => atomKey(a) !== key));
    while (byDegree.length <= degree) byDegree.push(new Map());
    byDegree[degree] = addPolynomials(byDegree[degree]!, scale(rest, t.coefficient));
  }
  let top = byDegree;
  let bottom = trim(d.coefficients);
  for (const root of candidateRoots(bottom)) {
    while (bottom.length >= 2 && isZero(evaluateAt(bottom, root))) {
      // Synthetic division of the numerator by (atom − root); it must leave no remainder.
      const quotient: Polynomial[] = Array.from({ length: top.length - 1 }, () => new Map());
      let carry: Polynomial = new Map();
      for (let k = top.length - 1; k >= 1; k--) {
        carry = addPolynomials(top[k]!, scale(carry, root));
        quotient[k - 1] = carry;
      }
      if (addPolynomials(top[0] ?? new Map(), scale(carry, root)).size !== 0 || top.length < 2) break;
      top = quotient;
      bottom = divideCoefficients(bottom, [root.neg(), new Fraction(1)]).quotient;
    }
  }
  if (bottom.length === trim(d.coefficients).length) return { numerator, denominator };
  let rebuilt: Polynomial = new Map();
  top.forEach((c, degree) => {
    rebuilt = addPolynomials(rebuilt, multiplyPolynomials(c, degree === 0 ? constantPolynomial(one) : atomPolynomial(atomOf, new Fraction(degree))));
  });
  return { numerator: rebuilt, denominator: fromCoefficients(atomOf, bottom) };
}

function exactQuotient(p: Polynomial, divisor: Polynomial): Polynomial {
  const up = univariate(p)!;
  const ud = univariate(divisor)!;
  return fromCoefficients(ud.atom!, divideCoefficients(up.coefficients, ud.coefficients).quotient);
}

// ---------------------------------------------------------------------------------------
// Factoring

/** Exact value of a polynomial (coefficients by degree) at a rational point. */
function evaluateAt(coefficients: readonly Rational[], x: Rational): Rational {
  let value = new Fraction(0);
  for (let i = coefficients.length - 1; i >= 0; i--) value = value.mul(x).add(coefficients[i]!);
  return value;
}

/** Small positive divisors of |n|, or undefined when n is too large to search. */
function divisors(n: bigint): bigint[] | undefined {
  const m = n < 0n ? -n : n;
  if (m === 0n || m > 1_000_000n) return undefined;
  const out: bigint[] = [];
  for (let d = 1n; d * d <= m; d++) {
    if (m % d === 0n) {
      out.push(d);
      if (d * d !== m) out.push(m / d);
    }
  }
  return out;
}

/** Rational roots to try: p/q from the rational root theorem, or a small set when the coefficients are huge. */
function candidateRoots(coefficients: readonly Rational[]): Rational[] {
  const integers = integerCoefficients(coefficients);
  const ps = divisors(integers[0]!) ?? [1n, 2n, 3n];
  const qs = divisors(integers.at(-1)!) ?? [1n, 2n, 3n, 4n, 6n];
  const seen = new Set<string>();
  const out: Rational[] = [];
  for (const p of ps) for (const q of qs) for (const sign of [1n, -1n]) {
    const r = new Fraction(sign * p, q);
    if (!seen.has(r.toFraction())) {
      seen.add(r.toFraction());
      out.push(r);
    }
  }
  return out.slice(0, 400);
}

function integerCoefficients(coefficients: readonly Rational[]): bigint[] {
  let lcm = 1n;
  for (const c of coefficients) lcm = (lcm * c.d) / gcdBig(lcm, c.d);
  return coefficients.map((c) => (c.s * c.n * lcm) / c.d);
}

const gcdBig = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcdBig(b, a % b));

export interface Factored {
  /** A number in front. */
  readonly coefficient: Rational;
  /** Factors with their multiplicities; each factor is a polynomial. */
  readonly factors: readonly { readonly polynomial: Polynomial; readonly power: number }[];
  /** How many linear factors came from rational roots. */
  readonly roots: number;
}

/**
 * Factors a polynomial as far as this can: a number, a common monomial and, for a
 * polynomial in one atom, linear factors at its rational roots. Linear factors are
 * written 1 − 2σ (constant first) for atoms that live in (0, 1) such as σ(x), and
 * x − 1 otherwise, whichever leaves a positive number in front.
 */
export function factor(p: Polynomial): Factored {
  const terms = sortedTerms(p);
  if (terms.length <= 1) {
    return { coefficient: terms[0]?.coefficient ?? new Fraction(0), factors: terms.length ? [{ polynomial: monomialPolynomial(terms[0]!.monomial.factors), power: 1 }] : [], roots: 0 };
  }
  let roots = 0;
  const monomialFactor = commonMonomial(p);
  const shifted = divideByMonomial(p, monomialFactor);
  const lead = sortedTerms(shifted)[0]!.coefficient;
  let content = integerContent(shifted, lead);
  let rest = scale(shifted, content.inverse());
  const factors: { polynomial: Polynomial; power: number }[] = [];
  if (monomialFactor.length > 0) factors.push({ polynomial: monomialPolynomial(monomialFactor), power: 1 });
  const u = univariate(rest);
  if (u?.atom && trim(u.coefficients).length >= 2) {
    const atomOf = u.atom;
    let coefficients = trim(u.coefficients);
    const prefersConstantFirst = isBoundedFunction(atomOf);
    for (const root of candidateRoots(coefficients)) {
      let power = 0;
      while (coefficients.length >= 2 && isZero(evaluateAt(coefficients, root))) {
        coefficients = divideCoefficients(coefficients, [root.neg(), new Fraction(1)]).quotient;
        power++;
      }
      if (power === 0) continue;
      roots++;
      // The factor (q·atom − p), or (p − q·atom) with the sign moved to the front.
      let linear = [new Fraction(-(root.s * root.n)), new Fraction(root.d)];
      const flip = prefersConstantFirst && !isZero(root);
      if (flip) {
        linear = linear.map((c) => c.neg());
        if (power % 2 === 1) content = content.neg();
      }
      content = content.mul(new Fraction(root.d).pow(power).inverse());
      factors.push({ polynomial: fromCoefficients(atomOf, linear), power });
    }
    // What is left gets whole coprime coefficients, its constant (or else its leading) coefficient positive.
    const remaining = trim(coefficients);
    const sign = prefersConstantFirst && !isZero(remaining[0]!) ? remaining[0]! : remaining.at(-1)!;
    const restContent = remaining.length === 1 ? remaining[0]! : integerContent(fromCoefficients(atomOf, remaining), sign);
    content = content.mul(restContent);
    rest = scale(fromCoefficients(atomOf, remaining), restContent.inverse());
  }
  if (constantValue(rest)?.equals(1) !== true) factors.push({ polynomial: rest, power: 1 });
  return { coefficient: content, factors, roots };
}

/** A factored polynomial as an expression: σ(x)·(1 − σ(x))·(1 − 2σ(x)). */
export function factoredToExpr(f: Factored): Expr {
  const parts = f.factors.map(({ polynomial, power }) => {
    const body = polynomialToExpr(polynomial);
    return power === 1 ? body : powerExpr(body, new Fraction(power));
  });
  const c = f.coefficient;
  if (parts.length === 0) return termToExpr({ coefficient: c, monomial: monomial([]) });
  const magnitude = c.abs();
  const body = mul(isOne(magnitude) ? parts : [termToExpr({ coefficient: magnitude, monomial: monomial([]) }), ...parts]);
  return isNegative(c) ? neg(body) : body;
}

export type Form = 'expanded' | 'factored' | 'auto';

/**
 * A polynomial in σ(u) and other atoms, grouped by what multiplies each polynomial in σ
 * and each group factored, as people write it: σ + x·σ·(1 − σ) rather than σ·(1 + x − x·σ).
 * Undefined when there is no σ, or nothing else.
 */
function groupedBySigmoid(p: Polynomial): Expr | undefined {
  const sigmoid = [...p.values()].flatMap((t) => t.monomial.factors.map(([a]) => a))
    .find((a) => a.kind === 'call' && a.name === 'sigmoid');
  if (!sigmoid || univariate(p)) return undefined;
  const sKey = atomKey(sigmoid);
  const groups = new Map<string, { cofactor: readonly (readonly [Expr, Rational])[]; polynomial: Polynomial }>();
  for (const t of p.values()) {
    const inS = t.monomial.factors.filter(([a]) => atomKey(a) === sKey);
    const rest = t.monomial.factors.filter(([a]) => atomKey(a) !== sKey);
    const key = monomial(rest).key;
    const part = scale(monomialPolynomial(inS), t.coefficient);
    const group = groups.get(key);
    groups.set(key, { cofactor: rest, polynomial: group ? addPolynomials(group.polynomial, part) : part });
  }
  if (groups.size === p.size) return undefined;
  const ordered = [...groups.values()].sort((a, b) => a.cofactor.length - b.cofactor.length);
  return add(ordered.map(({ cofactor, polynomial }) => {
    // Each group is a polynomial in σ alone: written without grouping again.
    const body = ungroupedPolynomialExpr(polynomial, 'auto');
    if (cofactor.length === 0) return body;
    const factors = cofactor.map(([a, e]) => powerExpr(a, e));
    return body.kind === 'neg' ? neg(mul([...factors, body.operand])) : mul([...factors, ...(body.kind === 'mul' ? body.factors : [body])]);
  }));
}

/** A polynomial written out expanded, factored, or whichever is smaller. */
export function polynomialExpr(p: Polynomial, form: Form): Expr {
  if (form === 'auto') {
    const grouped = groupedBySigmoid(p);
    if (grouped) return grouped;
  }
  return ungroupedPolynomialExpr(p, form);
}

function ungroupedPolynomialExpr(p: Polynomial, form: Form): Expr {
  const expanded = polynomialToExpr(p);
  if (form === 'expanded' || p.size <= 1) return expanded;
  const factorisation = factor(p);
  const factored = factoredToExpr(factorisation);
  if (form === 'factored') return factored;
  // Factors at rational roots are worth showing when hardly longer (σ(1 − σ)(1 − 2σ) over
  // σ − 3σ² + 2σ³); taking out a common factor only when it saves three nodes or more
  // (2x·sin(x) + x²·cos(x) stays as it is).
  const margin = factorisation.roots > 0 ? 3 : -2;
  return complexity(factored) < complexity(expanded) + margin ? factored : expanded;
}

/** σ(u) and tanh(u): functions whose polynomials are written with 1 − f factors. */
const isBoundedFunction = (e: Expr): boolean => e.kind === 'call' && (e.name === 'sigmoid' || e.name === 'tanh');

/**
 * A polynomial in σ(u) written as the product of its factors at rational roots,
 * as people write it (σ″ = σ(1 − σ)(1 − 2σ), however long the expanded form is); undefined
 * otherwise (polynomials in x stay expanded, as 12x³ − 6x² + x − 7). The simplifier's rules
 * only make things smaller, so this preference is applied to the answer as a last step.
 */
const sigmoidOnly: ReadonlySet<string> = new Set(['sigmoid']);

export function factoredAtRationalRoots(e: Expr): Expr | undefined {
  // Only an expanded sum is rewritten: a product is already written as factors.
  if ((e.kind === 'neg' ? e.operand : e).kind !== 'add') return undefined;
  if (!containsCall(e, sigmoidOnly)) return undefined;
  const r = cancel(toRationalFunction(e));
  if (constantValue(r.denominator)?.equals(1) !== true || r.numerator.size <= 1) return undefined;
  const atom = univariate(r.numerator)?.atom;
  // Not tanh: its roots ±1 would give (1 − tanh)(−1 − tanh) for 1 − tanh².
  if (atom?.kind !== 'call' || atom.name !== 'sigmoid') return undefined;
  const factorisation = factor(r.numerator);
  if (factorisation.roots === 0 || factorisation.factors.length < 2) return undefined;
  return factoredToExpr(factorisation);
}

/** A rational function as an expression, numerator and denominator each in the given form. */
export function rationalFunctionToExpr(r: RationalFunction, form: Form): Expr {
  // −1/(x² − 1) reads better as 1/(1 − x²): a numerator of negative terms gives its sign to the denominator.
  if (r.denominator.size > 1 && [...r.numerator.values()].every((t) => isNegative(t.coefficient))) {
    r = { numerator: scale(r.numerator, new Fraction(-1)), denominator: scale(r.denominator, new Fraction(-1)) };
  }
  const numerator = polynomialExpr(r.numerator, form);
  const d = constantValue(r.denominator);
  if (d !== undefined && isOne(d)) return numerator;
  const denominator = polynomialExpr(r.denominator, form === 'expanded' ? 'expanded' : 'auto');
  // A number over a number, or a single term over a monomial, reads as one term: x/2, 3/x².
  if (r.numerator.size === 1 && r.denominator.size === 1) {
    const t = [...r.numerator.values()][0]!;
    const b = [...r.denominator.values()][0]!;
    return termToExpr({
      coefficient: t.coefficient.div(b.coefficient),
      monomial: monomial([...t.monomial.factors, ...b.monomial.factors.map(([a, e]) => [a, e.neg()] as const)]),
    });
  }
  return div(numerator, denominator);
}
