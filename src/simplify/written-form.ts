import type { Expr, Mul, Rational } from '../expr/types.js';
import { beforeEachWork } from '../errors.js';
import { add, div, int, mul, neg, num } from '../expr/factory.js';
import { children, containsCall, withChildren } from '../expr/traverse.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { isNegativeLooking, isNegativeNumber, negatedSum, signOutOfNumerator, turnedToStartPositive } from '../expr/sign.js';
import { complexity, simpler } from '../algebra/complexity.js';
import { compareAtoms } from '../algebra/atoms.js';
import * as Z from '../algebra/integer.js';
import type { Int } from '../algebra/integer.js';
import { atomMonomial, divideMonomials, isUnit, monomialOf, multiplyMonomials, unitMonomial, type Monomial } from '../algebra/monomial.js';
import { addPoly, monomialPoly, negPoly, polyEquals, polyHash, polyOf, type Poly } from '../algebra/poly.js';
import { expandFactored, polynomialOverNumber, sameFactored, splitFraction, type Factored, type Power } from '../algebra/factored.js';
import { exponentialArgument } from '../algebra/exponential-atoms.js';
import { normalForm } from '../algebra/normal-form.js';
import { isInteger, isTerminating, rational, toDecimalString } from '../expr/rational.js';
import { factorForWriting, writtenConstantFirst } from '../algebra/factor.js';
import { univariateOf } from '../algebra/univariate.js';
import { compareMonomials, firstWrittenTerm, polyExpr, powerExpr, powersWritten, sortedTerms, writtenFactorsOf, termExpr, writtenNegative, type WrittenTerm } from '../algebra/to-expr.js';
import { isOneRatio, ratioOf, toFraction, type Ratio } from '../algebra/ratio.js';

/* How a normal form is written as an answer: expanded, factored, or grouped by σ. */

export type Form = 'expanded' | 'factored' | 'auto';

/** Multiplying a side out to compare its forms is not tried past this many terms. */
const maxTermsCompared = 60;

/**
 * A polynomial in σ(u) and other atoms, grouped by what multiplies each polynomial in σ
 * and each group factored, as people write it: σ + x·σ·(1 − σ) rather than σ·(1 + x − x·σ).
 * Undefined when there is no σ, or nothing else.
 */
function groupedBySigmoid(p: Poly): Expr | undefined {
  // The σ that comes first in writing order, whichever term holds it.
  let sigmoid: Expr | undefined;
  let key: number | undefined;
  for (const m of p.monomials) {
    m.atoms.forEach((a, i) => {
      if (a.kind === 'call' && a.name === 'sigmoid' && (!sigmoid || compareAtoms(a, sigmoid) < 0)) {
        sigmoid = a;
        key = m.keys[i];
      }
    });
  }
  if (!sigmoid || univariateOf(p)) return undefined;
  const groups = new Map<Monomial, { cofactor: Monomial; polynomial: Poly }>();
  p.monomials.forEach((m, t) => {
    const at = m.keys.indexOf(key!);
    const inS = at < 0 ? unitMonomial() : atomMonomial(sigmoid!, m.nums[at]!, m.dens ? m.dens[at]! : 1);
    const rest = divideMonomials(m, inS);
    const part = monomialPoly(inS, p.coefficients[t]!);
    const group = groups.get(rest);
    groups.set(rest, { cofactor: rest, polynomial: group ? addPoly(group.polynomial, part) : part });
  });
  if (groups.size === p.monomials.length) return undefined;
  // In writing order of what multiplies each group, lowest degree first: not in the order the terms happen to be stored.
  const ordered = [...groups.values()].sort((a, b) => a.cofactor.keys.length - b.cofactor.keys.length || a.cofactor.degree - b.cofactor.degree
    || compareMonomials(a.cofactor, b.cofactor));
  // Each group is a polynomial in σ alone: written without grouping again.
  return add(ordered.map(({ cofactor, polynomial }) => timesCofactor(cofactor, ungroupedPolynomialExpr(polynomial, 'auto'))));
}

/**
 * A polynomial in variables and other atoms with its terms grouped by those other atoms, each
 * group's polynomial in the variables written whole, as a textbook writes a derivative:
 * sin(x)·(2 − x²) + 4x·cos(x), e^x·(x² + 2x + 2). Undefined where no two terms have the same
 * other atoms, or no term has any.
 */
function groupedByFunctions(p: Poly): Expr | undefined {
  if (p.monomials.length < 3 || p.monomials.every((m) => m.atoms.every((a) => a.kind === 'variable'))) return undefined;
  const groups = new Map<Monomial, WrittenTerm[]>();
  for (const { monomial, coefficient } of sortedTerms(p)) {
    const inVariables = monomialOf(monomial.atoms.flatMap((a, i) => (a.kind === 'variable' ? [[a, monomial.nums[i]!, monomial.dens ? monomial.dens[i]! : 1] as const] : [])));
    const rest = divideMonomials(monomial, inVariables);
    const group = groups.get(rest);
    if (group) group.push({ monomial: inVariables, coefficient });
    else groups.set(rest, [{ monomial: inVariables, coefficient }]);
  }
  if (groups.size === p.monomials.length || groups.size === 1) return undefined;
  // The groups in the order their first terms are written in, each a list of terms.
  const pieces = [...groups.keys()].map((rest): readonly Expr[] => {
    const group = groups.get(rest)!;
    // A term alone is written as it was: 4x·cos(x).
    if (group.length === 1) return [termExpr(ratioOf(group[0]!.coefficient), multiplyMonomials(rest, group[0]!.monomial))];
    const body = ungroupedPolynomialExpr(polyOf(group), 'auto');
    // The terms without other atoms stand in the sum as they are, in their own order: −12x³ − 4x,
    // not −(12x³ + 4x); 2 − 6x² + 15x⁴, not 2 + 15x⁴ − 6x².
    if (isUnit(rest)) return body.kind === 'add' ? body.terms : [body];
    // A group whose terms all have a minus sign takes it in front: −√(4 − x²)·(2x² + 4).
    if (body.kind === 'add' && body.terms.every(isNegativeLooking)) return [neg(functionsBeforeSums(rest, negatedSum(body.terms)))];
    return [body.kind === 'neg' ? neg(functionsBeforeSums(rest, body.operand)) : functionsBeforeSums(rest, body)];
  });
  // Pieces that start with a minus sign after the others, as a sum is written: e^x·(cos(x²)·(x + 1) − 2x²·sin(x²)).
  return piecesPositiveFirst(pieces);
}

/** A sum of pieces of terms, each piece's terms together, those pieces that start with a minus sign after the others. */
function piecesPositiveFirst(pieces: readonly (readonly Expr[])[]): Expr {
  const startsNegative = (piece: readonly Expr[]): boolean => isNegativeLooking(piece[0]!);
  return add([...pieces.filter((p) => !startsNegative(p)), ...pieces.filter(startsNegative)].flat());
}

/** The functions of a group in its product, as the factors of a product are written: 48x³·e^(3x)·(3x + 4), numbers and variables first, sums last. */
function functionsBeforeSums(functions: Monomial, body: Expr): Expr {
  const parts = body.kind === 'mul' ? body.factors : [body];
  const isSum = (e: Expr): boolean => e.kind === 'add' || (e.kind === 'pow' && e.base.kind === 'add');
  return mul([...parts.filter((e) => !isSum(e)), ...powersWritten(writtenFactorsOf(functions)), ...parts.filter(isSum)]);
}

/** A group's body times what multiplies it, a number in front of the body in front of all: −8x·σ·(1 − 4σ), not x·(−8)·σ·(1 − 4σ); 1 and −1 not written. */
function timesCofactor(cofactor: Monomial, body: Expr): Expr {
  if (isUnit(cofactor)) return body;
  const factors = powersWritten(writtenFactorsOf(cofactor));
  if (body.kind === 'neg') return neg(mul([...factors, ...(body.operand.kind === 'mul' ? body.operand.factors : [body.operand])]));
  const parts = body.kind === 'mul' ? body.factors : [body];
  const [lead, ...rest] = parts;
  if (lead!.kind !== 'num') return mul([...factors, ...parts]);
  if (lead!.value.equals(1)) return mul([...factors, ...rest]);
  if (lead!.value.equals(-1)) return neg(mul([...factors, ...rest]));
  return mul([lead!, ...factors, ...rest]);
}

/** A polynomial (over a whole denominator) written out expanded, factored, or whichever is smaller. */
function polynomialExpr(p: Poly, form: Form): Expr {
  // A factor of a normal form is one object wherever it stands (bases are interned: see factored.ts),
  // and is written again at each part of an expression that holds it; a polynomial equal to one
  // written before but made apart (a base turned round, a side multiplied out again) is found by
  // its terms. Each is written once.
  const hash = polyHash(p);
  const bucket = writtenPolynomials[form].get(hash);
  const known = bucket?.find((w) => w.poly === p) ?? bucket?.find((w) => polyEquals(w.poly, p));
  if (known) return known.written;
  const written = (form === 'auto' ? groupedBySigmoid(p) : undefined) ?? ungroupedPolynomialExpr(p, form);
  // Emptied when full too: simplify() called on its own is no piece of work, and never empties it.
  if (writtenPolynomials[form].size >= maxPolynomialsKept) writtenPolynomials[form] = new Map();
  const entry = { poly: p, written };
  const kept = writtenPolynomials[form].get(hash);
  if (kept) kept.push(entry);
  else writtenPolynomials[form].set(hash, [entry]);
  return written;
}
/*
 * Kept for one piece of work, in Maps rather than WeakMaps: a WeakMap's entries cost the garbage
 * collector at every collection of the young objects, and polynomials are made and dropped all
 * the time. A polynomial met again in a later work is written again, to the same tree. Renewed,
 * not emptied (see smallIntegers in expr/factory.ts).
 */
const maxPolynomialsKept = 1 << 16;
type WrittenPolynomial = { readonly poly: Poly; readonly written: Expr };
const writtenPolynomials: Record<Form, Map<number, WrittenPolynomial[]>> = { auto: new Map(), expanded: new Map(), factored: new Map() };
beforeEachWork(() => {
  for (const form of ['auto', 'expanded', 'factored'] as const) if (writtenPolynomials[form].size > 0) writtenPolynomials[form] = new Map();
});

function ungroupedPolynomialExpr(p: Poly, form: Form): Expr {
  const expanded = polyExpr(p);
  if (form === 'expanded' || p.monomials.length <= 1) return expanded;
  const factorisation = factorForWriting(p);
  // Nothing taken out and no root found (p is its own only factor): written as a product it has
  // the terms of the sum, as complex, and the sum is kept; not written a second time to find so.
  if (form === 'auto' && factorisation.roots === 0 && isOneRatio(factorisation.coefficient) && factorisation.factors.length === 1
    && factorisation.factors[0]!.power === 1 && polyEquals(factorisation.factors[0]!.poly, p)) return expanded;
  const factored = factorisationExpr(factorisation.coefficient, factorisation.factors);
  if (form === 'factored') return factored;
  // Factors at rational roots are worth showing when hardly longer (σ(1 − σ)(1 − 2σ) over
  // σ − 3σ² + 2σ³); taking out a common factor only when it saves three nodes or more
  // (2x·sin(x) + x²·cos(x) stays as it is).
  const margin = factorisation.roots > 0 ? 3 : -2;
  return complexity(factored) < complexity(expanded) + margin ? factored : expanded;
}

/** c·f₁^k₁·f₂^k₂…, each factor a polynomial written out. */
function factorisationExpr(coefficient: Ratio, factors: readonly { poly: Poly; power: number }[]): Expr {
  const parts = factors.map(({ poly, power }) => {
    const body = polyExpr(poly);
    return power === 1 ? body : powerExpr(body, rational(power));
  });
  return productExpr(coefficient, parts);
}

/** c times the parts, the sign of c in front. */
function productExpr(c: Ratio, written: readonly Expr[]): Expr {
  if (written.length === 0) return termExpr(c, unitMonomial());
  // A monomial factor (x·y) is its atoms, not a product within the product.
  const parts: Expr[] = [];
  for (const p of written) {
    if (p.kind === 'mul') for (const f of p.factors) parts.push(f);
    else parts.push(p);
  }
  const magnitude = { n: Z.abs(c.n), d: c.d };
  const body = mul(isOneRatio(magnitude) ? parts : [termExpr(magnitude, unitMonomial()), ...parts]);
  return Z.sign(c.n) < 0 ? neg(body) : body;
}

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
  const f = normalForm(e);
  const p = expandFactored(f);
  if (!p || p.monomials.length <= 1) return undefined;
  const atom = univariateOf(p)?.atom;
  // Not tanh: its roots ±1 would give (1 − tanh)(−1 − tanh) for 1 − tanh².
  if (atom?.kind !== 'call' || atom.name !== 'sigmoid') return undefined;
  const factorisation = factorForWriting(p);
  if (factorisation.roots === 0 || factorisation.factors.length < 2) return undefined;
  return factorisationExpr(factorisation.coefficient, factorisation.factors);
}

/** Whether a term is a number times powers of atoms, no sum or quotient among its algebraic parts. */
function isWrittenOut(term: Expr): boolean {
  const core = term.kind === 'neg' ? term.operand : term;
  const factors = core.kind === 'mul' ? core.factors : [core];
  return factors.every((f) => {
    const base = f.kind === 'pow' && f.exponent.kind === 'num' ? f.base : f;
    return base.kind === 'num' || base.kind === 'variable' || base.kind === 'constant' || base.kind === 'call';
  });
}

/**
 * An answer with each sum of it that is a polynomial grouped by its functions where that is
 * simpler (see groupedByFunctions): sin(x)·(2 − x²) + 4x·cos(x) for 4x·cos(x) + 2sin(x) −
 * x²·sin(x). Applied to the answer as a last step, as factoredAtRationalRoots is: the rules
 * compare forms by size, and a grouped form would tip them toward normal forms that write longer.
 */
export function termsGroupedByFunctions(e: Expr): Expr {
  return rewrittenPartsFirst(e, mayBeGrouped, (node) => {
    const over = polynomialOverNumber(normalForm(node));
    const grouped = over && over.denominator === 1 ? groupedByFunctions(over.poly) : undefined;
    return grouped && simpler(grouped, node) ? grouped : undefined;
  });
}

/**
 * Whether a part is a sum written out as a polynomial, which termsGroupedByFunctions may group: one
 * with products of sums in it (3·(2x·sin(x) + …), σ(1 − σ)) keeps them, where its normal form
 * would multiply them out.
 */
const mayBeGrouped = (node: Expr): boolean =>
  node.kind === 'add' && node.terms.length >= 3 && node.terms.length <= maxTermsCompared && node.terms.every(isWrittenOut);

/**
 * An answer with each part that `may` be rewritten rewritten where `rewrite` gives a form, parts
 * first. Most answers have no such part: they are found so by looking through them, without
 * rebuilding them, where they are small enough (a part shared is looked at where it stands).
 */
function rewrittenPartsFirst(e: Expr, may: (node: Expr) => boolean, rewrite: (node: Expr) => Expr | undefined): Expr {
  if (e.size <= mostPartsLookedThrough && !somePart(e, may)) return e;
  return foldParts<Expr, Expr>(e, children, (node, of) => {
    const parts = children(node);
    const done = parts.map(of);
    const rebuilt = done.every((p, i) => p === parts[i]) ? node : withChildren(node, done);
    return may(rebuilt) ? rewrite(rebuilt) ?? rebuilt : rebuilt;
  });
}

/** The most parts an answer is looked through before it is rebuilt. */
const mostPartsLookedThrough = 1000;

/** Whether some part of a tree is one `is` accepts. */
function somePart(e: Expr, is: (node: Expr) => boolean): boolean {
  const pending: Expr[] = [e];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (is(node)) return true;
    const parts = children(node);
    for (let i = 0; i < parts.length; i++) pending.push(parts[i]!);
  }
  return false;
}

/**
 * An answer with its minus signs where a sum is written with them: each sum that starts with one
 * and has a term without one with the terms without one first, 2cos(x)⁴·sin(x) − 3cos(x)²·sin(x)³
 * for −3cos(x)²·sin(x)³ + 2cos(x)⁴·sin(x); a quotient over a sum that has so many that one in
 * front saves some with one in front, −(sin(√x) + cos(√x)/√x)/(4x) for (−sin(√x) − cos(√x)/√x)/(4x),
 * as a normal form is written (quotientExpr); a minus sign in front of a product with a sum all of
 * whose terms have one taken into that sum. The rules leave the terms in the order the
 * derivative made them where no form of the sum is simpler; applied to the answer as a last step,
 * as termsGroupedByFunctions is (a rule taking a sign out of a quotient would come before the
 * algebra's rules, and change what they make of it).
 */
export function termsPositiveFirst(e: Expr): Expr {
  return rewrittenPartsFirst(e, (node) => withMinusSignMoved(node) !== undefined, withMinusSignMoved);
}

/** One node with its minus signs moved (termsPositiveFirst), its parts as they stand; undefined where none moves. */
function withMinusSignMoved(node: Expr): Expr | undefined {
  if (node.kind === 'div') {
    // (−u)/v where u's sign came out in front of it, parts first: −(u/v).
    if (node.numerator.kind === 'neg') return neg(div(node.numerator.operand, node.denominator));
    return node.numerator.kind === 'add' && signOutOfNumerator(node.numerator.terms) ? neg(div(negatedSum(node.numerator.terms), node.denominator)) : undefined;
  }
  // −(−u) where u's sign came out in front of it, parts first.
  if (node.kind === 'neg') return node.operand.kind === 'neg' ? node.operand.operand : withoutTwoSigns(node.operand);
  // −2·(−a − b) is the minus sign in front of 2·(−a − b).
  if (node.kind === 'mul') return isNegativeNumber(node.factors[0]!) ? withoutTwoSigns(neg(node)) : withSignOutOfSum(node);
  if (node.kind !== 'add' || !isNegativeLooking(node.terms[0]!)) return undefined;
  // The terms of a polynomial in one variable stay together, in their order, and start with a
  // minus sign where it does: −x⁴ + 2x² − 2, and −8x³ + 6x² + 21x − 18 − 3asin(x)·… as it stands.
  // Such a polynomial whose last term has no minus sign is turned round, as it is written: 4 + x − x².
  const pieces = piecesByDegree(node.terms).map(turnedToStartPositive);
  if (pieces.every((p) => isNegativeLooking(p[0]!))) return undefined;
  return piecesPositiveFirst(pieces);
}

/** A sum's terms in pieces: each run of two or more c·xⁿ of one variable from the highest degree down is one, each other term one alone. */
function piecesByDegree(terms: readonly Expr[]): (readonly Expr[])[] {
  const pieces: Expr[][] = [];
  // The degree and variable of the last piece's last term, where it is a c·xⁿ.
  let before: ReturnType<typeof degreeOf>;
  let variable: Expr | undefined;
  for (const t of terms) {
    const d = degreeOf(t);
    const follows = d !== undefined && before !== undefined && d.degree < before.degree && !(d.variable && variable && d.variable !== variable);
    if (follows) pieces[pieces.length - 1]!.push(t);
    else {
      pieces.push([t]);
      variable = undefined;
    }
    variable ??= d?.variable;
    before = d;
  }
  return pieces;
}

/**
 * A product with the minus sign of its one sum that starts with one in front, where that adds no
 * minus sign: sin(x)·(−x⁴ + 2x² − 2) is −sin(x)·(x⁴ − 2x² + 2). Undefined otherwise.
 */
function withSignOutOfSum(product: Mul): Expr | undefined {
  const at = product.factors.findIndex((f) => f.kind === 'add' && isNegativeLooking(f.terms[0]!));
  if (at < 0 || product.factors.some((f, i) => i !== at && f.kind === 'add')) return undefined;
  const sum = product.factors[at] as Expr & { kind: 'add' };
  const negative = sum.terms.filter(isNegativeLooking).length;
  if (sum.terms.length - negative + 1 > negative) return undefined;
  return neg(mul(product.factors.map((f, i) => (i === at ? negatedSum(sum.terms) : f))));
}

/** The degree of a term c·xⁿ in its variable, and the variable (none for a number); undefined for any other term. */
function degreeOf(term: Expr): { readonly variable?: Expr; readonly degree: number } | undefined {
  const core = term.kind === 'neg' ? term.operand : term;
  if (core.kind === 'num') return { degree: 0 };
  const power = core.kind === 'mul' && core.factors.length === 2 && core.factors[0]!.kind === 'num' ? core.factors[1]! : core;
  if (power.kind === 'variable') return { variable: power, degree: 1 };
  if (power.kind === 'pow' && power.base.kind === 'variable' && power.exponent.kind === 'num' && isInteger(power.exponent.value) && power.exponent.value.s > 0n) {
    return { variable: power.base, degree: Number(power.exponent.value.n) };
  }
  return undefined;
}

/** Whether a part is a sum whose every term has a minus sign. */
const isNegativeSum = (e: Expr): e is Expr & { kind: 'add' } => e.kind === 'add' && e.terms.every(isNegativeLooking);

/**
 * −u without its minus sign where u is (a product or quotient with) one sum whose every term has
 * one, that sum negated: −√(1 − x²)·(−a − b) is √(1 − x²)·(a + b). Undefined otherwise.
 */
function withoutTwoSigns(u: Expr): Expr | undefined {
  if (u.kind === 'div') {
    const top = withoutTwoSigns(u.numerator);
    return top && div(top, u.denominator);
  }
  if (isNegativeSum(u)) return negatedSum(u.terms);
  if (u.kind !== 'mul') return undefined;
  const at = u.factors.findIndex(isNegativeSum);
  if (at < 0 || u.factors.findIndex((f, i) => i > at && isNegativeSum(f)) >= 0) return undefined;
  return mul(u.factors.map((f, i) => (i === at ? negatedSum((f as Expr & { kind: 'add' }).terms) : f)));
}

// ---------------------------------------------------------------------------------------------
// Normal forms as expressions

/** One side of a fraction: a whole coefficient, a monomial with positive exponents and bases with positive powers. */
interface Side {
  readonly coefficient: Int;
  readonly monomial: Monomial;
  readonly powers: readonly Power[];
}

/**
 * A base as it is written: canonical bases keep their leading term positive (x − 1), except
 * those in one function whose values lie between −1 and 1, written constant first (1 − σ).
 * The sign that takes is −1 or 1.
 */
function writtenBase(p: Power): { poly: Poly; sign: number } {
  if (!p.base.normalized || p.den !== 1) return { poly: p.base.poly, sign: 1 };
  const poly = p.base.poly;
  // The term whose sign is kept positive: the constant for 1 − σ, else the first in writing order, x − 1 (not 1 − x).
  const u = univariateOf(poly);
  const c0 = u?.coefficients[0] ?? 0;
  const leading = u?.atom && writtenConstantFirst(u.atom) && !Z.isZero(c0) ? c0 : firstWrittenTerm(poly).coefficient;
  if (Z.sign(leading) > 0) return { poly, sign: 1 };
  return { poly: negPoly(poly), sign: Z.isZero(Z.divRem(p.num, 2)[1]) ? 1 : -1 };
}

/** The order bases are written in (given their terms in writing order): lower degree first, fewer terms, then term by term by monomial and coefficient. */
function compareWrittenPolys(ta: readonly WrittenTerm[], tb: readonly WrittenTerm[]): number {
  const degree = (t: readonly WrittenTerm[]): number => t[0]?.monomial.degree ?? 0;
  const order = degree(ta) - degree(tb) || ta.length - tb.length;
  if (order !== 0) return order;
  for (let i = 0; i < ta.length; i++) {
    const m = compareMonomials(ta[i]!.monomial, tb[i]!.monomial);
    if (m !== 0) return m;
  }
  for (let i = 0; i < ta.length; i++) {
    const c = Z.compare(Z.abs(ta[i]!.coefficient), Z.abs(tb[i]!.coefficient)) || Z.sign(tb[i]!.coefficient) - Z.sign(ta[i]!.coefficient);
    if (c !== 0) return c;
  }
  return 0;
}

/** A side as written: the expression, the sign in front of it, and the polynomial it writes out when it is one sum. */
interface WrittenSide {
  readonly expr: Expr;
  readonly sign: number;
  readonly sum?: Poly;
}

/** A side written as a product: its number, atoms and bases, each base written out (and factored at rational roots where form asks). */
function sideFactored(side: Side, form: Form, takeSign = false): WrittenSide {
  let sign = Z.sign(side.coefficient) < 0 ? -1 : 1;
  const parts: Expr[] = powersWritten(writtenFactorsOf(side.monomial));
  // Each factor with the base it comes from (a base written at its rational roots gives several, in the order found).
  const bases: { body: Expr; exponent: Rational; poly: Poly; index: number; whole?: boolean }[] = [];
  for (const p of side.powers) {
    const written = writtenBase(p);
    sign *= written.sign;
    const exponent = rational(p.num, p.den);
    const body = polynomialExpr(written.poly, form === 'factored' ? 'factored' : 'auto');
    const product = body.kind === 'neg' ? body.operand : body;
    if (product.kind !== 'mul' || p.den !== 1) {
      // A base that stays whole: a sum, written with its first term positive.
      bases.push({ body: body.kind === 'neg' || body.kind === 'mul' ? polyExpr(written.poly) : body, exponent, poly: written.poly, index: 0, whole: true });
      continue;
    }
    // A base written as factors (at its rational roots): each factor to the base's power.
    if (body.kind === 'neg' && Z.sign(Z.divRem(p.num, 2)[1]) !== 0) sign = -sign;
    product.factors.forEach((factor, index) => {
      if (factor.kind === 'num') {
        parts.unshift(powerExpr(factor, exponent));
        return;
      }
      const [base, k] = factor.kind === 'pow' && factor.exponent.kind === 'num' ? [factor.base, factor.exponent.value] : [factor, rational(1)];
      bases.push({ body: base, exponent: k.mul(exponent), poly: written.poly, index });
    });
  }
  // A minus sign in front is taken into a sum to an odd power where that adds no minus sign to it:
  // e^(−x²/2)·(2 − x²), not −e^(−x²/2)·(x² − 2).
  if (takeSign && sign < 0) {
    const flips = bases.flatMap((b) => {
      if (!b.whole || b.exponent.d !== 1n || b.exponent.n % 2n === 0n || b.body.kind !== 'add') return [];
      let body = polynomialExpr(negPoly(b.poly), form === 'factored' ? 'factored' : 'auto');
      if (body.kind !== 'add') body = polyExpr(negPoly(b.poly));
      if (body.kind !== 'add') return [];
      // Fewer minus signs, or as many in two terms with a number now first (2 − x², not 1 − tanh² turned round;
      // x³ + 2x² − 2x − 2 stays so, not turned into 2 + 2x − 2x² − x³ with a minus sign in front).
      const fewer = negativeTerms(body) < negativeTerms(b.body);
      const asMany = body.terms.length === 2 && negativeTerms(body) === negativeTerms(b.body) && body.terms[0]!.kind === 'num' && b.body.terms[0]!.kind !== 'num';
      return fewer || asMany ? [{ b, body, fewer }] : [];
    });
    const flip = flips.find((f) => f.fewer) ?? flips[0];
    if (flip) {
      flip.b.body = flip.body;
      flip.b.poly = negPoly(flip.b.poly);
      sign = -sign;
    }
  }
  // Each base's terms in writing order, sorted once (not at each comparison), where there are bases to order.
  const termsOf = bases.length > 1 ? new Map(bases.map((b) => [b, sortedTerms(b.poly)])) : undefined;
  const written = bases
    // Plain factors before powers, then in the order of their terms: 2(x + 1)(7x + 2)(2x − 3)⁴.
    .sort((a, b) => a.exponent.compare(b.exponent) || compareWrittenPolys(termsOf!.get(a)!, termsOf!.get(b)!) || a.index - b.index)
    .map(({ body, exponent }) => powerExpr(body, exponent));
  const magnitude = Z.abs(side.coefficient);
  const expr = mul([...(magnitude === 1 && parts.length + written.length > 0 ? [] : [int(magnitude)]), ...parts, ...written]);
  const single = side.powers.length === 1 && parts.length === 0 && magnitude === 1 && side.powers[0]!.num === 1 && side.powers[0]!.den === 1;
  return { expr, sign, ...(single && expr.kind === 'add' ? { sum: bases[0]!.poly } : {}) };
}

/** How many terms of a sum are written with a minus sign. */
const negativeTerms = (e: Expr & { kind: 'add' }): number => e.terms.filter(isNegativeLooking).length;

/** Whether an atom is an exponential: e^u, or a number to a power u, 2^(x²). */
const isExponential = (atom: Expr): boolean => exponentialArgument(atom) !== undefined
  || (atom.kind === 'pow' && (atom.base.kind === 'num' || atom.base.kind === 'constant') && atom.exponent.kind !== 'num');

/** A side multiplied out, if it is small enough to. */
function sideExpanded(side: Side): Poly | undefined {
  if (side.powers.some((p) => p.den !== 1)) return undefined;
  let size = 1;
  for (const p of side.powers) size *= Math.pow(p.base.poly.monomials.length, Number(p.num));
  if (size > maxTermsCompared) return undefined;
  return expandFactored({ coefficient: ratioOf(side.coefficient), monomial: side.monomial, powers: side.powers });
}

/**
 * The forms of a side worth comparing, with their signs. A numerator is multiplied out unless
 * taking a factor out saves three nodes or more, as a textbook does: 2x² − 2x, not 2x(x − 1); a
 * denominator is a product where that is simpler: x³(x² + 1)², not x⁷ + 2x⁵ + x³.
 */
function sideForms(side: Side, form: Form, takeSign = false, below = false): WrittenSide[] {
  const factored = sideFactored(side, form, takeSign);
  if (form === 'factored' || side.powers.length === 0) return [factored];
  const expanded = sideExpanded(side);
  if (!expanded) return [factored];
  const written = polynomialExpr(expanded, form);
  const asSum: WrittenSide = written.kind === 'neg' ? { expr: written.operand, sign: -1 }
    : { expr: written, sign: 1, ...(written.kind === 'add' ? { sum: expanded } : {}) };
  if (form === 'expanded') return [asSum];
  // Taking a factor out of a sum must save three nodes or more; between two products, the smaller,
  // a minus sign in front counting as a node, and the one without it where they are as small.
  const signed = (w: WrittenSide): number => complexity(w.expr) + (w.sign < 0 ? 1 : 0);
  if (asSum.expr.kind === 'add') {
    if (below) return signed(factored) < signed(asSum) || (signed(factored) === signed(asSum) && simpler(factored.expr, asSum.expr)) ? [factored] : [asSum];
    // An exponential comes out of a sum wherever that is shorter: e^(x²)·(2x² + 1), as in e^x·(x + 1).
    const margin = side.monomial.atoms.some(isExponential) ? 0
      : side.monomial.keys.length > 0 || Z.abs(side.coefficient) !== 1 ? 2 : 0;
    return signed(factored) + margin < signed(asSum) ? [factored] : [asSum];
  }
  const order = signed(factored) - signed(asSum) || asSum.sign - factored.sign;
  return order > 0 ? [asSum] : [factored];
}

/**
 * A normal form as an expression, in the form asked for (`auto`: whichever is smallest). With
 * `decimal`, a coefficient with a finite decimal expansion is written as a decimal in front, as
 * the input wrote its numbers: 0.1σ(x)^0.1·(1 − σ(x)), not σ(x)^0.1·(1 − σ(x))/10.
 */
export function normalToExpr(f: Factored, form: Form, decimal = false): Expr {
  const c = f.coefficient;
  const magnitude = toFraction({ n: Z.abs(c.n), d: c.d });
  // Only a decimal no longer than the fraction: 0.5 and 0.25, not 0.0625 for 1/16.
  if (decimal && c.d !== 1 && isTerminating(magnitude) && toDecimalString(magnitude).length <= magnitude.toFraction().length + 1) {
    const rest = normalToExpr({ ...f, coefficient: { n: 1, d: 1 } }, form, true);
    const value = num(magnitude, true);
    const times = (e: Expr): Expr => mul([value, ...(e.kind === 'mul' ? e.factors : [e])]);
    // In front of a quotient's numerator: 0.5cos(x)/√(…), not 0.5·(cos(x)/√(…)).
    const product = rest.kind === 'div' ? div(times(rest.numerator), rest.denominator) : times(rest);
    return Z.sign(c.n) < 0 ? neg(product) : product;
  }
  const written = normalToExprAsWritten(f, form);
  return decimal ? withDecimalExponents(written) : written;
}

/** The fractional exponents of a written form as decimals, where they have a finite expansion: σ(x)^0.1, not σ(x)^(1/10). */
function withDecimalExponents(e: Expr): Expr {
  return foldParts<Expr, Expr>(e, children, (node, of) => {
    if (node.kind === 'num') return node.value.d !== 1n && !node.decimal && isTerminating(node.value) ? num(node.value, true) : node;
    return withChildren(node, children(node).map(of));
  });
}

function normalToExprAsWritten(f: Factored, form: Form): Expr {
  // Exponentials stay above the bar, put together: e^(−x)·x, not x/e^x.
  const { numerator, denominator } = splitFraction(f, (atom) => exponentialArgument(atom) !== undefined);
  if (Z.isZero(numerator.coefficient.n)) return int(0);
  const top: Side = { coefficient: numerator.coefficient.n, monomial: numerator.monomial, powers: numerator.powers };
  const bottom: Side = { coefficient: denominator.coefficient.n, monomial: denominator.monomial, powers: denominator.powers };
  // A term over a term reads as one: x/2, 3/x², −σ(x)/(2x).
  if (top.powers.length === 0 && bottom.powers.length === 0) {
    return termExpr(f.coefficient, f.monomial);
  }
  const [up] = sideForms(top, form, true);
  if (bottom.powers.length === 0 && isUnit(bottom.monomial) && bottom.coefficient === 1) return up!.sign < 0 ? neg(up!.expr) : up!.expr;
  const whole = quotientExpr(up!, bottom, form);
  // A sum over a number may read better with the number in its terms: (π/2 + 1 − 2x)/√2, x²/2 + x.
  if (up!.sum && bottom.coefficient !== 1) {
    const sum = up!.sign < 0 ? negPoly(up!.sum) : up!.sum;
    const spread = polyExpr(sum, bottom.coefficient);
    const rest: Side = { coefficient: 1, monomial: bottom.monomial, powers: bottom.powers };
    const inTerms = rest.powers.length === 0 && isUnit(rest.monomial) ? spread : quotientExpr(spread.kind === 'neg' ? { expr: spread.operand, sign: -1 } : { expr: spread, sign: 1 }, rest, form);
    if (simpler(inTerms, whole)) return inTerms;
  }
  return whole;
}

/** The written numerator over a side. */
function quotientExpr(up: WrittenSide, bottom: Side, form: Form): Expr {
  const [down] = sideForms(bottom, form === 'expanded' ? 'expanded' : 'auto', false, true);
  let sign = up.sign * down!.sign;
  let above = up.expr;
  // −(x²·sin(x) + 2x·cos(x))/(x + 6)³, not (−x²·sin(x) − 2x·cos(x))/(x + 6)³: a sum above that
  // starts with a minus sign and has so many that one in front of the quotient saves some.
  if (above.kind === 'add' && signOutOfNumerator(above.terms)) {
    above = negatedSum(above.terms);
    sign = -sign;
  }
  let below = down!.expr;
  // −1/(x² − 1) reads better as 1/(1 − x²); −1/(x² + 1) stays so, not 1/(−x² − 1).
  if (sign < 0 && down!.sum) {
    const flipped = negPoly(down!.sum);
    if (!writtenNegative(flipped)) {
      below = polyExpr(flipped);
      sign = -sign;
    }
  }
  const quotient = div(above, below);
  return sign < 0 ? neg(quotient) : quotient;
}

/**
 * Whether a normal form, in any form it is written in, has a sum of two terms or more among its
 * algebraic parts: it has a base (a polynomial of two terms or more) to a whole positive power,
 * which is written as a sum, as factors that are sums, or multiplied out, with two terms at
 * least (of a product of polynomials, the first and the last term in any order of monomials
 * never cancel).
 */
export const writtenWithSum = (f: Factored): boolean => f.powers.some((p) => p.den === 1 && Z.sign(p.num) > 0);

/** Each expression's normal form written automatically. */
const writtenAuto = new NodeMemo<Expr>();

/**
 * The normal form of an expression written in the form asked for. It depends on the expression
 * alone, never on what was worked out before: the normal form is made from the tree itself (not
 * remembered from where the tree was written), and is written whatever form its parts were kept in.
 */
export function writtenNormalForm(e: Expr, form: Form): Expr {
  if (form === 'auto') {
    const known = writtenAuto.get(e);
    if (known) return known;
  }
  const f = normalForm(e);
  const written = normalToExpr(f, form, e.hasDecimal);
  if (form === 'auto') {
    writtenAuto.set(e, written);
    // A written form whose own normal form is the one it was written from writes itself again:
    // known now, it is not written a second time when the simplifier offers it to the same rule.
    if (written !== e && !writtenAuto.has(written) && written.hasDecimal === e.hasDecimal && sameFactored(normalForm(written), f)) writtenAuto.set(written, written);
  }
  return written;
}
