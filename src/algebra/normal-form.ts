import type { Expr } from '../expr/types.js';
import { foldParts, type FoldMemo } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { powerTooLong } from '../expr/rational.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import { isNonNegative } from './nonnegative.js';
import { monomialGeneration } from './monomial.js';
import * as Z from './integer.js';
import {
  atomFactored, constantFactored, expandFactored, isZeroFactored, multiplyFactored, numberFactored, polyFactored, polynomialOverNumber, powerFactored,
  polyIsNonNegative, rawPowerFactored, splitFraction, type Factored,
} from './factored.js';
import { sumFactored } from './factored-sum.js';
import { call, int, pow } from '../expr/factory.js';
import { polyExpr, termExpr } from './to-expr.js';
import { exponentialAtom } from './exponential-atoms.js';
import { atomMonomial, divideMonomials, exponentIn, isUnit, monomialPower, multiplyMonomials, unitMonomial, type Monomial } from './monomial.js';
import { addPoly, constantOf, isZeroPoly, monomialPoly, mulMonomialPoly, mulPoly, polyOf, powPoly, scalePoly, zeroPoly, type Poly } from './poly.js';
import { polyGcd } from './poly-gcd.js';
import { fromFraction, mulRatio, negRatio, oneRatio, powRatio, ratioOf, toFraction } from './ratio.js';
import { canonicalMultiple, noPowers, type Base, type CanonicalMultiple, type Power } from './factored.js';

/*
 * The normal form of an expression (see factored.ts): sums, products, quotients, negations and
 * powers with numeric exponents are worked out; everything else is an atom. Parts first, without
 * recursion, each node once: trees are interned and immutable, so a part's normal form is kept
 * with it however many expressions it is part of.
 */

/** Normal forms by node, for the monomials made since the table was last renewed: emptied then. */
const kept = new NodeMemo<Factored>();
let keptGeneration = monomialGeneration();

function current(): NodeMemo<Factored> {
  if (keptGeneration !== monomialGeneration()) {
    kept.clear();
    keptGeneration = monomialGeneration();
  }
  return kept;
}

const memo: FoldMemo<Expr, Factored> = {
  has: (e) => current().has(e),
  get: (e) => current().get(e),
  set: (e, value) => current().set(e, value),
};

export function normalForm(root: Expr): Factored {
  return foldParts(root, algebraicParts, normalFormOf, memo);
}

/**
 * The normal form of a product or quotient with the parts `held` kept whole, each an atom as a sum
 * of no known form is: −4·S/(sin(x)·(sin(x) − 2)) for S/(sin(x)·(2 − sin(x))/4), where S written
 * out over its own denominators would be longer. Only the products, negations and quotients that
 * hold a held part are worked out here; every other part has its normal form as ever.
 */
export function normalFormHolding(e: Expr, held: ReadonlySet<Expr>): Factored {
  // The products, negations and quotients between e and the parts held, worked out here.
  const between = new Set<Expr>();
  const reaches = (part: Expr): boolean => {
    if (held.has(part)) return true;
    if (part.kind !== 'mul' && part.kind !== 'neg' && part.kind !== 'div') return false;
    let found = false;
    for (const inner of algebraicParts(part)) if (reaches(inner)) found = true;
    if (found) between.add(part);
    return found;
  };
  reaches(e);
  const of = (part: Expr): Factored => (held.has(part) ? atomFactored(part) : between.has(part) ? normalFormOf(part, of) : normalForm(part));
  return of(e);
}

/** Records the normal form an expression was written from, so it is not worked out again. */
export function remember(e: Expr, f: Factored): Expr {
  memo.set(e, f);
  return e;
}

/** The parts a normal form is worked out from: not the arguments of functions, which are atoms. */
export function algebraicParts(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add': return e.terms;
    case 'neg': return [e.operand];
    case 'mul': return e.factors;
    case 'div': return [e.numerator, e.denominator];
    // A power to a sum with a number in it, x^(k − 1), is a power to the rest times one to the number.
    case 'pow': return e.exponent.kind === 'num' ? [e.base] : [e.base, e.exponent];
    case 'call': return rootIndex(e) !== undefined || turnsSumsIntoProducts(e) || isAbsolute(e) ? e.args : [];
    default: return [];
  }
}

/** Whether a call is of a function that turns sums into products (e^u), with one argument. */
const turnsSumsIntoProducts = (e: Expr & { kind: 'call' }): boolean => e.args.length === 1 && functionTable[e.name].turnsSumsIntoProducts === true;

const isAbsolute = (e: Expr & { kind: 'call' }): boolean => e.name === 'abs' && e.args.length === 1;

/** n for the n-th root functions (√ is 2, ∛ is 3). */
const rootIndex = (e: Expr & { kind: 'call' }): number | undefined => (e.args.length === 1 ? functionTable[e.name].root : undefined);

const minusOne = numberFactored(negRatio(oneRatio));
const isEven = (n: Z.Int): boolean => Z.isZero(Z.divRem(n, 2)[1]);

function normalFormOf(e: Expr, of: (part: Expr) => Factored): Factored {
  switch (e.kind) {
    case 'num': return numberFactored(fromFraction(e.value));
    case 'add': {
      const terms = e.terms.map(of);
      const roots = squareRootsIn(terms);
      // Where a term holds a root as an atom already (a sum of it, worked out below), the sum is
      // one in that atom, or the atom and the power it is would not be known to be one.
      if (roots && terms.some((t) => roots.some((r) => t.monomial.keys.includes(r.key)))) return sumOverSquareRoots(terms, roots) ?? sumFactored(terms) ?? atomFactored(e);
      return sumFactored(terms) ?? (roots && sumOverSquareRoots(terms, roots)) ?? atomFactored(e);
    }
    case 'neg': return multiplyFactored(minusOne, of(e.operand));
    case 'mul': {
      let product = of(e.factors[0]!);
      for (let i = 1; i < e.factors.length; i++) product = multiplyFactored(product, of(e.factors[i]!));
      return product;
    }
    case 'div': {
      const below = of(e.denominator);
      // A quotient by 0 has no value: it stays as written.
      if (isZeroFactored(below)) return atomFactored(e);
      return multiplyFactored(of(e.numerator), powerFactored(below, -1)!);
    }
    case 'pow': {
      if (e.exponent.kind !== 'num') return powerToSum(e, of) ?? atomFactored(e);
      const q = e.exponent.value;
      return powerOf(of(e.base), Z.fromBig(q.s * q.n), Z.fromBig(q.d)) ?? atomFactored(e);
    }
    case 'call': {
      if (turnsSumsIntoProducts(e)) return exponentialOf(e.name, of(e.args[0]!)) ?? atomFactored(e);
      if (isAbsolute(e)) return absoluteOf(of(e.args[0]!)) ?? atomFactored(e);
      const index = rootIndex(e);
      return (index !== undefined && powerOf(of(e.args[0]!), 1, index)) || atomFactored(e);
    }
    case 'constant': return e.name === 'e' ? atomFactored(exponentialAtom('exp', unitMonomial(), 1, int(1))) : atomFactored(e);
    default: return atomFactored(e);
  }
}

/** A base under a square root, the root as an atom, and the canonical base it is a whole multiple of (1 − x² of x² − 1). */
interface SquareRoot {
  readonly base: Base;
  readonly root: Monomial;
  readonly key: number;
  readonly multiple: CanonicalMultiple | undefined;
}

/** A sum is written as a polynomial in at most this many square roots (2^k products of them may come of multiplying it out). */
const mostSquareRoots = 3;

/** The bases the terms of a sum hold to odd powers of 1/2 (√p, 1/√p, √p³), where they hold none to another fractional power. */
function squareRootsIn(terms: readonly Factored[]): readonly SquareRoot[] | undefined {
  const bases: Base[] = [];
  for (const t of terms) {
    for (const p of t.powers) {
      if (p.den === 1) continue;
      if (p.den !== 2 || typeof p.num !== 'number') return undefined;
      if (!bases.includes(p.base)) bases.push(p.base);
    }
  }
  if (bases.length === 0 || bases.length > mostSquareRoots) return undefined;
  const roots = bases.map((base) => {
    const root = atomMonomial(call('sqrt', [polyExpr(base.poly)]), 1);
    return { base, root, key: root.keys[0]!, multiple: canonicalMultiple(base) };
  });
  // Roots within roots (√(x + √(x + 1)) beside √(x + 1)) stay apart: so written, the nested
  // radicals of a derivative came out longer and took several times as long.
  if (roots.length > 1 && roots.some((r) => roots.some((other) => other !== r && holdsRoot(r.base, other.key)))) return undefined;
  return roots;
}

/** Whether a base holds the root (the atom of this key): a sum of it, x + √(x² + 1). */
const holdsRoot = (b: Base, key: number): boolean => b.poly.monomials.some((m) => m.keys.includes(key));

/**
 * A sum whose terms hold a base p to odd powers of 1/2 (1 + x/√(x² − 1)), as a polynomial in √p
 * as an atom: (√(x² − 1) + x)/√(x² − 1), which cancels against x + √(x² − 1) where that is below
 * it. Each term has √p to the power −1, 0 or 1 (√p² is p), and beside a term with √p, one with
 * 1/√p is one with √p/p, so that the sum multiplied out has no square of the atom, which would not
 * be known to be p; what every term has of √p goes back to a power of p, which other powers of p
 * join: (1 + x·asin(x)/√(1 − x²))/(1 − x²) is (x·asin(x) + √(1 − x²))/√(1 − x²)³. A whole power
 * of the canonical base that p is a multiple of is a power of p: (x² − 1)² beside √(1 − x²)³ is
 * (1 − x²)². Several roots (√(1 − x²) and √(4 − x²), as asin(x)/√(4 − x²) has) are each an atom
 * so, but for roots within roots (see squareRootsIn). Beside the roots, other bases may be sums of them, or any sum to a whole power (x² + 1,
 * x·sin(x) − cos(x)), whose terms then combine with the others: 2cos(x) − 1/(2√(1 − x)) +
 * 2(x·sin(x) − sin(x) − cos(x)) has no cos(x) left. Undefined for any other sum, which stays an atom.
 */
function sumOverSquareRoots(terms: readonly Factored[], roots: readonly SquareRoot[]): Factored | undefined {
  const split: { term: Factored; halves: number[] }[] = [];
  for (const t of terms) {
    // The halves of each p in the term: the atom √p to its power, and p^(±1/2).
    const halves = roots.map(() => 0);
    let monomial = t.monomial;
    for (let i = 0; i < roots.length; i++) {
      const { root, key } = roots[i]!;
      const at = monomial.keys.indexOf(key);
      if (at < 0) continue;
      if (typeof monomial.nums[at] !== 'number' || (monomial.dens !== undefined && monomial.dens[at] !== 1)) return undefined;
      const asAtom = monomial.nums[at] as number;
      halves[i] = asAtom;
      monomial = multiplyMonomials(monomial, monomialPower(root, -asAtom));
    }
    let coefficient = t.coefficient;
    const powers: Power[] = [];
    for (const q of t.powers) {
      const ofMultiple = q.den === 1 && typeof q.num === 'number' ? roots.findIndex((r) => r.multiple?.base === q.base) : -1;
      const ofRoot = roots.findIndex((r) => r.base === q.base);
      if (ofMultiple >= 0) {
        // (x² − 1)² beside √(1 − x²)³: a whole power of the canonical base is one of p, c^(−k)·p^k for p = c·q.
        coefficient = mulRatio(coefficient, powRatio(ratioOf(roots[ofMultiple]!.multiple!.by), -(q.num as number)));
        halves[ofMultiple] = halves[ofMultiple]! + 2 * (q.num as number);
      } else if (ofRoot < 0) {
        if (q.den !== 1 && !roots.some((r) => holdsRoot(q.base, r.key))) return undefined;
        powers.push(q);
      } else if (typeof q.num !== 'number') return undefined;
      else halves[ofRoot] = halves[ofRoot]! + (q.den === 1 ? 2 * q.num : q.num);
    }
    split.push({ term: { coefficient, monomial, powers }, halves });
  }
  const rootsAbove = roots.map((_, i) => split.some(({ halves }) => halves[i]! > 0 && halves[i]! % 2 !== 0));
  const rewritten: Factored[] = [];
  for (const { term, halves } of split) {
    let written = term;
    for (let i = 0; i < roots.length; i++) {
      // √p^half is √p^r·p^k with r 0 or 1, or −1 where no term has √p to an odd power above 0.
      const half = halves[i]!;
      const r = half % 2 === 0 ? 0 : half < 0 && !rootsAbove[i] ? -1 : 1;
      const k = (half - r) / 2;
      if (r !== 0) written = { ...written, monomial: multiplyMonomials(written.monomial, monomialPower(roots[i]!.root, r)) };
      if (k === 0) continue;
      const whole = powerFactored(polyFactored(roots[i]!.base.poly), k);
      if (whole === undefined) return undefined;
      written = multiplyFactored(written, whole);
    }
    rewritten.push(written);
  }
  let sum = sumFactored(rewritten);
  for (const { root, key, base } of roots) sum = sum && inLowestTermsOfRoot(sum, root, key, base.poly);
  // A root taken out of every term is a power of its base again, which other powers of it join.
  for (const { root, key, base } of roots) {
    const at = sum ? sum.monomial.keys.indexOf(key) : -1;
    if (sum === undefined || at < 0 || typeof sum.monomial.nums[at] !== 'number') continue;
    const k = sum.monomial.nums[at] as number;
    const rest: Factored = { coefficient: sum.coefficient, monomial: multiplyMonomials(sum.monomial, monomialPower(root, -k)), powers: sum.powers };
    const outside = k % 2 === 0 ? powerFactored(polyFactored(base.poly), k / 2) : { coefficient: oneRatio, monomial: unitMonomial(), powers: [{ base, num: k, den: 2 }] };
    sum = outside && multiplyFactored(rest, outside);
  }
  return sum;
}

/**
 * A sum over a root in lowest terms in the root: a base holding √p is made one of degree 1 in √p,
 * its square written as p (multiplied out, √p·(2√p·cos(x) − 1) has one), and √p is taken out of
 * it where its terms without √p are a multiple of p: 4 + 7x² − 11x⁴ + 3x(2x² + 3)·asin(x)·√(1 − x²)
 * is √(1 − x²)·((11x² + 4)·√(1 − x²) + 3x(2x² + 3)·asin(x)), so that the root joins the power of
 * p below it. Undefined where a base under a fractional power holds the square.
 */
function inLowestTermsOfRoot(f: Factored, root: Monomial, key: number, p: Poly): Factored | undefined {
  if (!f.powers.some((q) => holdsRoot(q.base, key))) return f;
  let out: Factored = { coefficient: f.coefficient, monomial: f.monomial, powers: f.powers.filter((q) => !holdsRoot(q.base, key)) };
  for (const q of f.powers) {
    if (!holdsRoot(q.base, key)) continue;
    const linear = linearInRoot(q.base.poly, root, key, p);
    if (q.den !== 1) {
      if (linear !== q.base.poly) return undefined;
      out = multiplyFactored(out, { coefficient: oneRatio, monomial: unitMonomial(), powers: [q] });
      continue;
    }
    const { poly, roots } = rootTakenOut(linear, root, key, p);
    const power = powerFactored(polyFactored(poly), q.num);
    if (power === undefined) return undefined;
    out = multiplyFactored(multiplyFactored(out, power), { coefficient: oneRatio, monomial: monomialPower(root, Z.mul(q.num, roots)), powers: noPowers });
  }
  return out;
}

/** A polynomial with √p² written p, so that √p is in it to the power 1 at most (the same object where it was already). */
function linearInRoot(poly: Poly, root: Monomial, key: number, p: Poly): Poly {
  const pairsIn = (m: Monomial): number => {
    const [num, den] = exponentIn(m, key);
    return den === 1 && typeof num === 'number' && num >= 2 ? Math.floor(num / 2) : 0;
  };
  if (!poly.monomials.some((m) => pairsIn(m) > 0)) return poly;
  let reduced: Poly = zeroPoly;
  poly.monomials.forEach((m, i) => {
    const pairs = pairsIn(m);
    const term = monomialPoly(pairs === 0 ? m : multiplyMonomials(m, monomialPower(root, -2 * pairs)), poly.coefficients[i]!);
    reduced = addPoly(reduced, pairs === 0 ? term : mulPoly(term, powPoly(p, pairs)));
  });
  return reduced;
}

/** a + b·√p as √p^k·(rest), taking √p out while a is p times a polynomial: √p·(√p·a/p + b). */
function rootTakenOut(poly: Poly, root: Monomial, key: number, p: Poly): { poly: Poly; roots: number } {
  let current = poly;
  let roots = 0;
  // Each √p taken out lowers the degree of the part without it: a few times at most.
  for (let i = 0; i < 8; i++) {
    const without = polyOf(current.monomials.flatMap((m, j) => (m.keys.includes(key) ? [] : [{ monomial: m, coefficient: current.coefficients[j]! }])));
    const withRoot = polyOf(current.monomials.flatMap((m, j) => (m.keys.includes(key) ? [{ monomial: divideMonomials(m, root), coefficient: current.coefficients[j]! }] : [])));
    if (isZeroPoly(without) || isZeroPoly(withRoot) || withRoot.monomials.some((m) => m.keys.includes(key))) break;
    const shared = polyGcd(without, p);
    const unit = shared && constantOf(shared.cofactorB);
    if (unit !== 1 && unit !== -1) break;
    current = addPoly(mulMonomialPoly(scalePoly(shared!.cofactorA, unit), root), withRoot);
    roots++;
  }
  return { poly: current, roots };
}

/**
 * The largest number split off an exponent: what cancels is a power or two (x^(k − 1)/x^k), and
 * b^481890 of a base with a number in it (b^(x + 78.4³)) would write a number of a million digits.
 */
const largestSplitOff = 1000;

/**
 * b^(r + c) for a number c ≠ 0 as b^r·b^c, wherever both are defined: x^(k − 1) is x^k/x, so
 * k·x^(k − 1)/x^k is k/x. Undefined where the exponent has no number in it, or one past
 * `largestSplitOff`.
 */
function powerToSum(e: Expr & { kind: 'pow' }, of: (part: Expr) => Factored): Factored | undefined {
  const exponent = polynomialOverNumber(of(e.exponent));
  if (!exponent) return undefined;
  const at = exponent.poly.monomials.findIndex(isUnit);
  if (at < 0 || exponent.poly.monomials.length < 2) return undefined;
  const rest = { monomials: exponent.poly.monomials.filter((_, i) => i !== at), coefficients: exponent.poly.coefficients.filter((_, i) => i !== at) };
  const c = ratioOf(exponent.poly.coefficients[at]!, exponent.denominator);
  if (Z.compare(Z.abs(c.n), Z.mul(c.d, largestSplitOff)) > 0) return undefined;
  const byNumber = powerOf(of(e.base), c.n, c.d);
  return byNumber && multiplyFactored(atomFactored(pow(e.base, polyExpr(rest, exponent.denominator))), byNumber);
}

/**
 * |u| for u a product of powers: |c|·|x|·x²… where the form shows the sign of each part (an even
 * power, a part that is never negative); |x/y| is |x|/|y|. Undefined where a sum of unknown sign is in it.
 */
function absoluteOf(f: Factored): Factored | undefined {
  for (const p of f.powers) if (!(isEven(p.num) || polyIsNonNegative(p.base.poly))) return undefined;
  let out: Factored = { coefficient: { n: Z.abs(f.coefficient.n), d: f.coefficient.d }, monomial: unitMonomial(), powers: f.powers };
  for (let i = 0; i < f.monomial.atoms.length; i++) {
    const atom = f.monomial.atoms[i]!;
    const n = f.monomial.nums[i]!;
    const d = f.monomial.dens ? f.monomial.dens[i]! : 1;
    // |a^(n/d)| is a^(n/d) for an even n or an a ≥ 0 (an even d needs a ≥ 0 anyway), else |a|^(n/d).
    const same = isEven(n) || isNonNegative(atom) || isEven(d);
    out = multiplyFactored(out, atomFactored(same ? atom : call('abs', [atom]), n, d));
  }
  return out;
}

/**
 * f(u) for a function with f(a + b) = f(a)·f(b) (e^u) and u a polynomial over a number: the product
 * of f of each monomial of u to its coefficient, e^(2x − x²/2 + 1) = (e^x)²·(e^(x²))^(−1/2)·e, so that
 * exponentials multiply and cancel as powers of one atom do. Undefined for any other u.
 */
function exponentialOf(name: FunctionName, argument: Factored): Factored | undefined {
  // Only a term or a plain sum is taken apart: e^(−(x² + 1)²) stays whole, not e^(−x⁴ − 2x² − 1).
  const plainSum = argument.powers.length === 1 && isUnit(argument.monomial) && argument.powers[0]!.num === 1 && argument.powers[0]!.den === 1;
  if (argument.powers.length > 0 && !plainSum) return undefined;
  const polynomial = polynomialOverNumber(argument);
  if (!polynomial) return undefined;
  let out = numberFactored(oneRatio);
  polynomial.poly.monomials.forEach((m, i) => {
    const [num, den] = [polynomial.poly.coefficients[i]!, polynomial.denominator];
    const sign = Z.sign(num) < 0 ? -1 : 1;
    const atom = exponentialAtom(name, m, sign, isUnit(m) ? int(sign) : termExpr({ n: sign, d: 1 }, m));
    const g = Z.gcd(num, den);
    out = multiplyFactored(out, atomFactored(atom, Z.abs(Z.divExact(num, g)), Z.divExact(den, g)));
  });
  return out;
}

/** base^(num/den) as a normal form, or undefined where it stays as written. */
function powerOf(base: Factored, num: Z.Int, den: Z.Int): Factored | undefined {
  // 0 to a negative power has no value; a number to a power past the digits kept exactly stays a
  // power, a fractional one too: (111/5)^(14299/2) would be worked out as (111/5)^14299 first.
  if (isZeroFactored(base) && Z.sign(num) < 0) return undefined;
  const number = constantFactored(base);
  if (number && powerTooLong(toFraction(number), Z.toBig(num))) return undefined;
  const power = powerFactored(base, num, den, isNonNegative);
  if (power || den === 1 || typeof num !== 'number' || typeof den !== 'number') return power;
  // (P/d)^(n/k) is P^(n/k)/d^(n/k) for a whole d > 0: a rational number where d is a perfect power.
  // (P/(d·m))^(n/k) likewise, where each atom of m is to an even power or never negative: √((1 − x²)/x²) is √(1 − x²)/|x|.
  const { numerator, denominator } = splitFraction(base);
  if (denominator.powers.length > 0) return undefined;
  const m = denominator.monomial;
  if (!m.atoms.every((atom, i) => isEven(m.nums[i]!) || isNonNegative(atom))) return undefined;
  const below = powerFactored({ coefficient: denominator.coefficient, monomial: m, powers: [] }, num, den, isNonNegative);
  const expanded = expandFactored(numerator);
  const above = below && expanded && rawPowerFactored(expanded, num, den);
  return above && multiplyFactored(above, powerFactored(below, -1)!);
}

