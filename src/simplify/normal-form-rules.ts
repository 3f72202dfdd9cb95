import type { Add, Div, Expr, Mul, Rational } from '../expr/types.js';
import { add, div, int, mul, num, pow } from '../expr/factory.js';
import { isInteger, isNegative, isZero, rational } from '../expr/rational.js';
import { simpler } from '../algebra/complexity.js';
import { atomKey, compareAtoms } from '../algebra/atoms.js';
import { algebraicParts, normalForm, normalFormHolding } from '../algebra/normal-form.js';
import { isUnit, multiplyMonomials, unitMonomial } from '../algebra/monomial.js';
import { normalToExpr, writtenNormalForm } from './written-form.js';
import { asRoot } from '../algebra/to-expr.js';
import { rule, type AnyRewriteRule } from './rewrite.js';
import { functionNames, functionTable } from '../functions/table.js';
import { children } from '../expr/traverse.js';
import { foldParts } from '../expr/fold.js';
import { NodeMemo } from '../expr/node-memo.js';
import { equalBasesCombined } from './equal-bases.js';
import { comparedPairwiseUpTo, factorAt, hasLikeTerms, hasRepeats, likeTermsAdded } from './like-terms.js';
import type { Base, Factored } from '../algebra/factored.js';
import * as Z from '../algebra/integer.js';

/**
 * Rules backed by the polynomial normal form: each rewrites a node into its normal
 * form (like terms collected, powers combined, common factors cancelled, expanded or
 * factored, whichever is smallest) only when that is strictly smaller, so they
 * cannot undo each other and the rewriting terminates.
 */
export function normalIfSmaller(e: Expr): Expr | undefined {
  const normal = writtenNormalForm(e, 'auto');
  if (simpler(normal, e)) return normal;
  return e.kind === 'mul' || e.kind === 'div' ? withSumsHeldWhole(e) : undefined;
}

/**
 * How many quotients and fractions a product or quotient is made of, through products, quotients
 * and minus signs, counted up to `enough`: 2 in S/(A/4) and in (S/B)·(cos(x)/2), where holding S
 * whole may leave one. (Asked at every level of a deep quotient, it stops as soon as it knows.)
 */
function fractionsWithin(e: Expr, enough: number): number {
  if (e.kind === 'num') return e.value.d !== 1n ? 1 : 0;
  if (e.kind === 'neg') return fractionsWithin(e.operand, enough);
  let found = e.kind === 'div' ? 1 : 0;
  const parts = e.kind === 'div' ? [e.numerator, e.denominator] : e.kind === 'mul' ? e.factors : [];
  for (let i = 0; i < parts.length && found < enough; i++) found += fractionsWithin(parts[i]!, enough - found);
  return found;
}

/** Whether a normal form has a part below the bar: an atom or a base to a negative power. */
const hasDenominator = (f: Factored): boolean => f.monomial.nums.some((n) => Z.sign(n) < 0) || f.powers.some((p) => Z.sign(p.num) < 0);

/**
 * A product or quotient in normal form with its sums (those it is a product or quotient of, through
 * products, quotients and minus signs) kept whole, where that is simpler than it and its normal
 * form is not: a sum over a root beside other functions, written out over its own denominators, is
 * longer than the sum, and S/(sin(x)·(2 − sin(x))/4) is still −4S/(sin(x)·(sin(x) − 2)), with S
 * as it stands.
 */
function withSumsHeldWhole(e: Mul | Div): Expr | undefined {
  // With one fraction or none there is no fraction within a fraction to clear, nor numbers to join.
  if (fractionsWithin(e, 2) < 2) return undefined;
  const held = new Set<Expr>();
  const hold = (part: Expr): void => {
    // Only a sum with something below the bar in its normal form is written otherwise when whole.
    if (part.kind === 'add') {
      if (hasDenominator(normalForm(part))) held.add(part);
    } else if (part.kind === 'mul' || part.kind === 'neg' || part.kind === 'div') {
      for (const inner of children(part)) hold(inner);
    }
  };
  hold(e);
  if (held.size === 0) return undefined;
  const written = normalToExpr(normalFormHolding(e, held), 'auto', e.hasDecimal);
  return simpler(written, e) ? written : undefined;
}


/** The functions with f(a + b) = f(a)·f(b), which the normal form keeps above the fraction bar. */
const exponentials: ReadonlySet<string> = new Set(functionNames.filter((name) => functionTable[name].turnsSumsIntoProducts));

/** u for |u| and sign(u), which the normal form relates to u. */
const absoluteOrSignOf = (e: Expr): Expr | undefined => (e.kind === 'call' && (e.name === 'abs' || e.name === 'sign') && e.args.length === 1 ? e.args[0] : undefined);

/**
 * The part a power or a coefficient multiplies: x for 3x², sin(x) for sin(x)², x for √x and (∛x)²
 * (roots are powers too), and for |x| and sign(x) (x·|x|/… and sign(x)² may simplify).
 */
function baseKey(e: Expr): number {
  const base = baseOf(e);
  // Any two exponentials combine: e^a·e^b is e^(a + b).
  if (base.kind === 'call' && exponentials.has(base.name)) return -1;
  return atomKey(base.kind === 'call' && base.args.length === 1 && functionTable[base.name].root !== undefined ? base.args[0]! : absoluteOrSignOf(base) ?? base);
}

/** The part a factor is a power of, its sign aside: x for −x², sin(x) for sin(x)³. */
function baseOf(e: Expr): Expr {
  const core = e.kind === 'neg' ? e.operand : e;
  return core.kind === 'pow' ? core.base : core;
}

const isCompound = (e: Expr): boolean => e.kind === 'add' || e.kind === 'div'
  || (e.kind === 'pow' && (e.base.kind === 'add' || e.base.kind === 'div'));

/*
 * Cheap tests first, so the normal form is only computed where it can pay: a product
 * with a repeated base or more than one compound factor; a sum with two terms alike
 * (equal but for their numbers), or with compound terms that expand and may cancel.
 */
const productWorthTrying = ({ factors }: Mul): boolean => {
  let compounds = 0;
  for (const f of factors) {
    if (f.kind === 'div' || (f.kind === 'num' && f.value.d !== 1n)) return true;
    if (isCompound(f) && ++compounds > 1) return true;
  }
  return hasRepeatedBase(factors);
};

/** Whether two factors (numbers aside) are powers of one base. */
function hasRepeatedBase(factors: readonly Expr[]): boolean {
  if (factors.length > comparedPairwiseUpTo) return hasRepeats(factors.filter((f) => f.kind !== 'num').map(baseKey));
  const keys: number[] = [];
  for (const f of factors) {
    if (f.kind === 'num') continue;
    const key = baseKey(f);
    for (const k of keys) if (k === key) return true;
    keys.push(key);
  }
  return false;
}

const sumWorthTrying = ({ terms }: Add): boolean => {
  if (hasLikeTerms(terms)) return true;
  if (terms.some((t) => {
    const core = t.kind === 'neg' ? t.operand : t;
    return isCompound(core) || (core.kind === 'mul' && core.factors.some(isCompound));
  })) return true;
  return commonFactor(terms) !== 'none';
};

/**
 * Whether a factor is common to every term, and may come out: `part` where one is more than a
 * power of a variable (e^x·sin(x) + x·e^x·cos(x)), `variable` where each is one (x·sin(x) +
 * x²·cos(x)), `none` where there is none.
 */
function commonFactor(terms: readonly Expr[]): 'part' | 'variable' | 'none' {
  const first = terms[0]!.kind === 'neg' ? terms[0]!.operand : terms[0]!;
  const n = first.kind === 'mul' ? first.factors.length : 1;
  let found: 'variable' | 'none' = 'none';
  for (let i = 0; i < n; i++) {
    const f = factorAt(first, i);
    if (f.kind === 'num') continue;
    const base = baseKey(f);
    if (!terms.every((t, k) => k === 0 || hasBase(t, base))) continue;
    if (baseOf(f).kind !== 'variable') return 'part';
    found = 'variable';
  }
  return found;
}

/** Whether a term has a factor (numbers aside) of this base key. */
function hasBase(term: Expr, base: number): boolean {
  const core = term.kind === 'neg' ? term.operand : term;
  const n = core.kind === 'mul' ? core.factors.length : 1;
  for (let i = 0; i < n; i++) {
    const f = factorAt(core, i);
    if (f.kind !== 'num' && baseKey(f) === base) return true;
  }
  return false;
}

/** Sums of more terms than this are put in normal form group by group (see sumGroups). */
const groupedFrom = 8;

/** A product's kernels are multiplied out (each of one factor's with each of another's) up to this many. */
const kernelsCrossedUpTo = 16;

/** The parts a single factor of a term puts in every monomial: e^(5x + 287), sin(x) in sin(x)³. */
function factorKernel(f: Expr): number | undefined {
  const base = f.kind === 'pow' && f.exponent.kind === 'num' ? f.base : f;
  return base.kind === 'apply' || base.kind === 'pow' || (base.kind === 'call' && algebraicParts(base).length === 0) ? base.hash : undefined;
}

/** Whether a factor is an exponential, a power of one, or e: e^(2x + 1), (e^x)², e. */
function isExponentialFactor(f: Expr): boolean {
  const base = f.kind === 'pow' && f.exponent.kind === 'num' ? f.base : f;
  return (base.kind === 'call' && exponentials.has(base.name)) || (base.kind === 'constant' && base.name === 'e');
}

/**
 * The kernels of a term: each monomial of the term, expanded, has every part of one of them. A
 * factor that is a sum (or a whole power of one) gives one kernel per term of its own, so
 * 6·(2x·sin(u) + 7x²·cos(u)) has two, {sin(u)} and {cos(u)}, where the parts common to all its
 * monomials are none. Variables and constants are left out (a compound factor changes their
 * powers), and so are roots. The exponentials of a term are one part, their product as the normal
 * form has it (e·e^x and e^(x + 1) are one), since terms combine only where those are equal; a
 * quotient's denominator is a part of each of its monomials.
 */
function kernelsOf(term: Expr): readonly (readonly number[])[] {
  // The terms of a long sum are grouped again after each rewrite of it, and most are the same terms.
  const known = kernelsIn.get(term);
  if (known !== undefined) return known;
  const kernels = kernelsWorkedOut(term);
  kernelsIn.set(term, kernels);
  return kernels;
}
const kernelsIn = new NodeMemo<readonly (readonly number[])[]>();

function kernelsWorkedOut(term: Expr): readonly (readonly number[])[] {
  const core = term.kind === 'neg' ? term.operand : term;
  const common: number[] = [];
  let exponential = unitMonomial();
  let kernels: (readonly number[])[] = [[]];
  for (const f of core.kind === 'mul' ? core.factors : [core]) {
    if (isExponentialFactor(f)) {
      exponential = multiplyMonomials(exponential, normalForm(f).monomial);
      continue;
    }
    if (f.kind === 'div' && f.denominator.kind !== 'num') {
      common.push(f.denominator.hash);
      continue;
    }
    const kernel = factorKernel(f);
    if (kernel !== undefined) {
      common.push(kernel);
      continue;
    }
    const sum = f.kind === 'add' ? f : f.kind === 'pow' && f.base.kind === 'add' && f.exponent.kind === 'num' && isInteger(f.exponent.value) && f.exponent.value.s > 0n ? f.base : undefined;
    // A power of a sum: each monomial has a monomial of the sum in it, and so one of its kernels.
    const own = sum ? sum.terms.flatMap(kernelsOf) : [];
    if (own.length === 0 || kernels.length * own.length > kernelsCrossedUpTo) continue;
    kernels = kernels.flatMap((k) => own.map((o) => k.concat(o)));
  }
  if (!isUnit(exponential)) common.push(exponential.hash);
  return kernels.map((k) => k.concat(common));
}

/** A sum's quotients with more denominators than this are combined only where they share a part of one (see sumGroups). */
const denominatorsCombinedUpTo = 8;

/**
 * Three quotients or more of a short sum are put over one denominator only up to this degree of
 * it, where no two of their denominators have a base in common (as the normal form keeps bases,
 * unfactored: 1 + e^x and 1 + e^(3x) are two, though one divides the other): over one
 * denominator, the derivative of a sum of four exp(kx)/(1 + exp(kx)) has a denominator of degree
 * 20 in e^x, and such a sum has not been found shorter for it; x + 1, …, x + 4 are put over one.
 */
const apartFromDegree = 12;

/**
 * The parts a term is divided by, numbers aside: x + 1 and x for 3x/((x + 1)·x²), none for x/2;
 * `inSums`, those of the terms of a sum it is a multiple of too: x + 1 for 3·(x² + 1/(x + 1)).
 */
function denominatorParts(term: Expr, inSums = false): number[] {
  const parts: number[] = [];
  const below = (e: Expr): void => {
    if (e.kind === 'num') return;
    if (e.kind === 'mul') e.factors.forEach(below);
    else if (e.kind === 'neg') below(e.operand);
    else parts.push((e.kind === 'pow' && e.exponent.kind === 'num' ? e.base : e).hash);
  };
  const above = (e: Expr): void => {
    if (e.kind === 'neg') above(e.operand);
    else if (e.kind === 'mul') e.factors.forEach(above);
    else if (inSums && e.kind === 'add') e.terms.forEach(above);
    else if (e.kind === 'div') {
      above(e.numerator);
      below(e.denominator);
    } else if (e.kind === 'pow' && e.exponent.kind === 'num' && isNegative(e.exponent.value)) below(e.base);
  };
  above(term);
  return parts;
}

/**
 * The terms of a sum that may combine, in groups, in the order of their first terms. Expanded,
 * two terms share a monomial only where each holds a kernel of the other; terms with a kernel
 * of nothing, or with a quotient (which may combine with any other over a common denominator),
 * are all in one group. Where the quotients have many denominators, a quotient goes only with
 * those whose denominators share a part with its own: over one denominator, the product of many
 * that share nothing, a sum is never written shorter, and working it out costs the more the more
 * there are. A sum of a thousand terms c·xᵏ·f(a·x + b) is then groups of one and two. With
 * `denominatorsApart`, a quotient goes only with those, however few the denominators are.
 */
export function sumGroups(terms: readonly Expr[], denominatorsApart = false): Expr[][] {
  const parent = terms.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (i: number, j: number): void => {
    parent[root(i)] = root(j);
  };
  const kernels = terms.map(kernelsOf);
  // A sum of polynomials in its variables (most long sums) is one group, found without more ado.
  if (kernels.every((ks) => ks.every((k) => k.length === 0))) return [terms.slice()];
  const contents = terms.map(algebraicContents);
  const holding = new Map<number, number[]>();
  contents.forEach((c, i) => {
    for (const atom of c.atoms) {
      const list = holding.get(atom);
      if (list) list.push(i);
      else holding.set(atom, [i]);
    }
  });
  let common: number | undefined;
  const joinCommon = (i: number): void => {
    if (common === undefined) common = i;
    else join(i, common);
  };
  // Terms of one kernel are one group; each kernel is then looked for among the terms that hold
  // its rarest part, once, so that many terms of one kernel cost no more than one.
  const denominators = terms.map((t, i) => (contents[i]!.fractions ? denominatorParts(t, true) : []));
  const manyDenominators = denominatorsApart || new Set(denominators.flat()).size > denominatorsCombinedUpTo;
  const byDenominatorPart = new Map<number, number>();
  const byKernel = new Map<string, number>();
  terms.forEach((_, i) => {
    if (contents[i]!.fractions && !manyDenominators) {
      joinCommon(i);
      return;
    }
    if (denominators[i]!.length > 0) {
      for (const part of denominators[i]!) {
        const first = byDenominatorPart.get(part);
        if (first === undefined) byDenominatorPart.set(part, i);
        else join(i, first);
      }
      return;
    }
    for (const kernel of kernels[i]!) {
      if (kernel.length === 0) {
        joinCommon(i);
        continue;
      }
      const key = kernel.slice().sort((a, b) => a - b).join(',');
      const first = byKernel.get(key);
      if (first !== undefined) {
        join(i, first);
        continue;
      }
      byKernel.set(key, i);
      const rarest = kernel.map((atom) => holding.get(atom) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
      for (const j of rarest) if (kernel.every((atom) => contents[j]!.atoms.has(atom))) join(i, j);
    }
  });
  const groups = new Map<number, Expr[]>();
  terms.forEach((t, i) => {
    const group = groups.get(root(i));
    if (group) group.push(t);
    else groups.set(root(i), [t]);
  });
  return Array.from(groups.values());
}

/** The highest total degree of a base's monomials. */
const totalDegree = (base: Base): number => base.poly.monomials.reduce((most, m) => Math.max(most, m.degree), 0);

/**
 * Whether the quotients among a short sum's terms are three or more, their denominators (in normal
 * form) have no base in common and no atom below the bar, and their degrees add up past `apartFromDegree`.
 */
function quotientsApart(terms: readonly Expr[]): boolean {
  const below = new Set<Base>();
  let degree = 0;
  let quotients = 0;
  for (const t of terms) {
    if (denominatorParts(t).length === 0) continue;
    const f = normalForm(t);
    if (f.monomial.nums.some((n) => Z.sign(n) < 0)) return false;
    for (const p of f.powers) {
      if (Z.sign(p.num) >= 0) continue;
      if (below.has(p.base)) return false;
      below.add(p.base);
      degree += totalDegree(p.base) * (-Number(p.num) / Number(p.den));
    }
    quotients++;
  }
  return quotients >= 3 && degree > apartFromDegree;
}

/**
 * A sum's normal form or the sum with its like terms added, whichever is simpler, where one is
 * simpler than the sum: 93·u + 11·u is 104·u, where the normal form may be smaller than the sum
 * but not than 104·u (u a sum with a quotient, which the normal form puts over one denominator).
 */
function sumIfSimpler(e: Expr): Expr | undefined {
  const normal = normalIfSmaller(e);
  const added = e.kind === 'add' ? likeTermsAdded(e) : undefined;
  return normal === undefined || (added !== undefined && simpler(added, normal)) ? added : normal;
}

/**
 * A power of a variable common to every term of a sum comes out of terms of at most this many
 * groups (see sumGroups): x·(3x + 2)·e^(3x) and x³·(1 + 4·log(x)), but not x out of 2x·tan(3x + 1)
 * + 3x²·sec(3x + 1)² + 3x²·tan(2x) + 15x², terms that have nothing else in common.
 */
const variableTakenOutOfGroupsUpTo = 2;

/**
 * A long sum put in normal form group by group where its terms fall apart into groups that cannot
 * combine, and a short one whose quotients are apart (quotientsApart), or whose terms have only a
 * power of a variable in common and fall apart into many groups; whole otherwise.
 */
function normalSumIfSmaller(e: Add): Expr | undefined {
  const common = commonFactor(e.terms);
  if (common === 'part') return sumIfSimpler(e);
  const apart = common === 'none' && e.terms.length <= groupedFrom && quotientsApart(e.terms);
  if (e.terms.length <= groupedFrom && !apart && common === 'none') return sumIfSimpler(e);
  const groups = sumGroups(e.terms, apart);
  if (groups.length === 1 || (common === 'variable' && groups.length <= variableTakenOutOfGroupsUpTo)) return sumIfSimpler(e);
  let changed = false;
  const terms: Expr[] = [];
  for (const group of groups) {
    // A term alone combines with nothing: its own rules have made it what it is.
    const normal = group.length === 1 ? undefined : sumIfSimpler(add(group));
    if (normal === undefined) for (const t of group) terms.push(t);
    else {
      changed = true;
      if (normal.kind === 'add') for (const t of normal.terms) terms.push(t);
      else terms.push(normal);
    }
  }
  return changed ? add(terms) : undefined;
}

/** Where a factor is written: numbers (and their powers, 2⁵⁰⁰⁰) first, then single parts in their writing order, sums and quotients last. */
function factorCategory(e: Expr): number {
  const base = baseOf(e);
  if (e.kind === 'num' || (base.kind === 'num' && e.kind === 'pow' && e.exponent.kind === 'num')) return 0;
  return base.kind === 'add' || base.kind === 'div' || base.kind === 'mul' ? 2 : 1;
}

function compareFactors(a: Expr, b: Expr): number {
  const category = factorCategory(a);
  return category - factorCategory(b) || (category === 1 ? compareAtoms(baseOf(a), baseOf(b)) : 0);
}

/** What the algebraic part of an expression holds: its atoms (by hash), and whether it has numbers or fractions of its own. */
interface AlgebraicContents {
  readonly atoms: ReadonlySet<number>;
  /** A number other than ±1 (a coefficient or a constant term: not an exponent). */
  readonly numbers: boolean;
  /** A sum whose terms all have such a number: its content may come out (2x + 2y is 2(x + y)). */
  readonly content: boolean;
  /** A quotient, a fraction p/q or a negative power, which may combine with the quotient around it. */
  readonly fractions: boolean;
  /** A minus sign outside a sum, or a sum with a term of minus sign, which the normal form may take out or turn round: (−x)² is x², (1 − x)² is (x − 1)². */
  readonly signs: boolean;
}

/** A part's contents as a term of a sum (where a minus sign is at home), and whether it is a minus sign itself, which counts anywhere else. */
interface PartContents extends AlgebraicContents {
  readonly negative: boolean;
}

const noAtoms: ReadonlySet<number> = new Set();

/** a ∪ b, reusing either where it holds the other (the parts of a tree mostly hold the same atoms). */
function unionOfAtoms(a: ReadonlySet<number>, b: ReadonlySet<number>): ReadonlySet<number> {
  if (a === b || b.size === 0) return a;
  if (a.size === 0) return b;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let missing = false;
  for (const atom of small) {
    if (!large.has(atom)) {
      missing = true;
      break;
    }
  }
  if (!missing) return large;
  const both = new Set(large);
  for (const atom of small) both.add(atom);
  return both;
}

/** Each part's contents, worked out once from its parts' (a quotient is asked about at every level of a nested one). */
const partContents = new NodeMemo<PartContents>();

function contentsOfPart(e: Expr): PartContents {
  return foldParts<Expr, PartContents>(e, algebraicParts, (node, of) => {
    let atoms = noAtoms;
    let numbers = false;
    let content = false;
    let fractions = false;
    let signs = false;
    const parts = algebraicParts(node);
    if (node.kind === 'num') {
      numbers = !(node.value.n === 1n && node.value.d === 1n);
      fractions = node.value.d !== 1n;
    } else if (node.kind === 'add') {
      signs = node.terms.some((t) => coefficientOf(t).s < 0n);
      content = node.terms.every((t) => !coefficientOf(t).abs().equals(1));
    } else if (node.kind === 'div') fractions = true;
    else if (node.kind === 'pow' && node.exponent.kind === 'num') fractions = isNegative(node.exponent.value);
    else if (parts.length === 0) {
      // |u| and sign(u) are related to u (x/|x| is sign(x)): each counts as u too.
      const related = absoluteOrSignOf(node);
      atoms = new Set(related ? [node.hash, related.hash] : [node.hash]);
    }
    for (const part of parts) {
      const c = of(part);
      atoms = unionOfAtoms(atoms, c.atoms);
      numbers ||= c.numbers;
      content ||= c.content;
      fractions ||= c.fractions;
      signs ||= c.signs || (node.kind !== 'add' && c.negative);
    }
    const negative = node.kind === 'neg' || (node.kind === 'num' && node.value.s < 0n);
    return { atoms, numbers, content, fractions, signs, negative };
  }, partContents);
}

function algebraicContents(e: Expr): AlgebraicContents {
  const c = contentsOfPart(e);
  return c.negative && !c.signs ? { ...c, signs: true } : c;
}

/** Whether each part holds an exponential, or e itself, anywhere within it. */
const exponentialsWithin = new NodeMemo<boolean>();
const holdsExponential = (e: Expr): boolean => foldParts<Expr, boolean>(e, children, (node, of) =>
  (node.kind === 'call' && exponentials.has(node.name)) || (node.kind === 'constant' && node.name === 'e') || children(node).some(of), exponentialsWithin);

/*
 * A quotient's normal form can only be smaller where something cancels or combines: the two
 * sides share a part (a common factor needs one, √x too: it is x^(1/2)), both have numbers, a
 * side holds a fraction of its own, a minus sign to take out or turn round, or a sum with a
 * content to take out. Otherwise (sin(x)/(x² + 1), 1/x) it is not worked out at all.
 */
export const quotientWorthTrying = ({ numerator, denominator }: Div): boolean => {
  if ((numerator.kind === 'num' && isZero(numerator.value)) || denominator.kind === 'num') return true;
  // An exponential below goes above, e^(−u): a product, smaller than the quotient. So does e itself.
  if (holdsExponential(denominator)) return true;
  // A numerator that is a term with a minus sign, over a denominator with none, is as the normal form writes it: −1/x², −sin(x)/x.
  const above = contentsOfPart(numerator);
  const below = algebraicContents(denominator);
  if ([above, below].some((side) => side.fractions || side.signs || side.content) || (above.numbers && below.numbers)) return true;
  for (const atom of above.atoms) if (below.atoms.has(atom)) return true;
  return false;
};

const wholeOne = rational(1);

/** How far a written form in lower terms may be larger than the quotient it cancels a factor of. */
const lowerTermsAllowance = 2;

/** The degree of what a normal form has above (sign 1) or below (−1) the bar: its sums, each to its power, and its atoms. */
function degreeOn(f: Factored, side: 1 | -1): number {
  let degree = 0;
  for (const p of f.powers) {
    if (Z.sign(p.num) !== side) continue;
    degree += totalDegree(p.base) * Math.abs(Number(p.num) / Number(p.den));
  }
  const { nums, dens } = f.monomial;
  for (let i = 0; i < nums.length; i++) {
    if (Z.sign(nums[i]!) === side) degree += Math.abs(Number(nums[i]!) / Number(dens?.[i] ?? 1));
  }
  return degree;
}

/**
 * A quotient's normal form where a factor of its denominator cancels, though the form is no
 * simpler by size: (e^x − e^(3x))/(1 + e^x)⁴ is e^x·(1 − e^x)/(1 + e^x)³, and the x of
 * (2x³/(x² + 1) − 2x·log(x))/x⁴ cancels. Every answer is in lowest terms; only a form larger by
 * more than `lowerTermsAllowance` is left, as one that multiplies out much more than it cancels.
 */
function inLowerTerms(e: Div): Expr | undefined {
  const before = degreeOn(normalForm(e.numerator), -1) + degreeOn(normalForm(e.denominator), 1);
  if (before === 0 || degreeOn(normalForm(e), -1) >= before) return undefined;
  const written = writtenNormalForm(e, 'auto');
  return written !== e && written.complexity <= e.complexity + lowerTermsAllowance ? written : undefined;
}

/** A quotient's numerator is split into at most this many terms (see splitOverTerms). */
const splitUpTo = 8;

/** The terms a term of a numerator is split into: those of a sum with a quotient in it that it is a multiple of, each times the rest. */
function piecesOf(term: Expr): readonly Expr[] {
  if (term.kind === 'neg') return piecesOf(term.operand).map((p) => mul([int(-1), p]));
  if (term.kind !== 'mul') return [term];
  const sums = term.factors.filter((f) => f.kind === 'add' && algebraicContents(f).fractions);
  if (sums.length !== 1) return [term];
  const sum = sums[0] as Add;
  return sum.terms.map((t) => mul(term.factors.map((f) => (f === sum ? t : f))));
}

/**
 * (a/b − c)/d as a/(b·d) − c/d, each term in its normal form, where that is simpler: the quotient
 * rule's (x/(1 + x²) − atan(x))/x² is 1/(x·(1 + x²)) − atan(x)/x², as a textbook writes it, and
 * each term is in lowest terms where the quotient as it stood was not: (2x³/(x² + 1) − 2x·log(x))/x⁴.
 * A term that is a multiple of such a sum is split with it: −2x·(x/(1 + x) − log(1 + x)) is two.
 */
function splitOverTerms(e: Div): Expr | undefined {
  const { numerator, denominator } = e;
  if (numerator.kind !== 'add' || denominator.kind === 'num' || !numerator.terms.some((t) => algebraicContents(t).fractions)) return undefined;
  const pieces = numerator.terms.flatMap(piecesOf);
  if (pieces.length > splitUpTo) return undefined;
  const split = add(pieces.map((t) => writtenNormalForm(div(t, denominator), 'auto')));
  return simpler(split, e) ? split : undefined;
}

/** The number a term is written with: −3 for −3x, 2 for 2, 1 for x. */
function coefficientOf(term: Expr): Rational {
  if (term.kind === 'neg') return coefficientOf(term.operand).neg();
  if (term.kind === 'num') return term.value;
  if (term.kind === 'mul' && term.factors[0]!.kind === 'num') return term.factors[0]!.value;
  return wholeOne;
}

/**
 * Whether a root of this may be simpler in normal form: not where it is a sum of two terms, its
 * coefficients with no common divisor and no atom in both (√(x² + 1), √(1 − x²)), which the normal
 * form keeps under the root as written: a power of a sum has three terms at least (the two highest
 * in any order of terms, a^k and k·a^(k−1)·b, come from nothing else).
 */
function rootMayCombine(argument: Expr): boolean {
  const f = normalForm(argument);
  const only = f.powers[0];
  return !(f.powers.length === 1 && only!.num === 1 && only!.den === 1 && only!.base.poly.monomials.length === 2
    && isUnit(f.monomial) && f.coefficient.d === 1 && Z.abs(f.coefficient.n) === 1);
}

export const algebraRules: readonly AnyRewriteRule[] = [
  // Where the whole sum's normal form is no simpler, its like terms are still added: 2x + 2x is 4x.
  rule('add', 'collect-like-terms', (e) => (sumWorthTrying(e) ? normalSumIfSmaller(e) ?? likeTermsAdded(e) : undefined)),
  rule('mul', 'combine-powers', (e) => (productWorthTrying(e) ? normalIfSmaller(e) ?? equalBasesCombined(e) : undefined)),
  // A quotient in lowest terms where that is simpler; split into its terms where that is; in lowest
  // terms where that is not much larger.
  rule('div', 'cancel-common-factors', (e) => (quotientWorthTrying(e) ? normalIfSmaller(e) : undefined)),
  rule('div', 'split-fraction', splitOverTerms),
  rule('div', 'cancel-common-factors', (e) => (quotientWorthTrying(e) ? inLowerTerms(e) : undefined)),
  // (x²)^(1/4) → √|x|, (x³)^(1/3) → x: a fractional power of a power, keeping the real domain
  rule('pow', 'combine-powers', (e) => (e.exponent.kind === 'num' && !isInteger(e.exponent.value) && e.base.kind === 'pow' ? normalIfSmaller(e) : undefined)),
  // (x/√2)² → x²/2, (2x)² → 4x²: a power of a product or quotient, multiplied out where that is shorter
  rule('pow', 'combine-powers', (e) => (e.exponent.kind === 'num' && (e.base.kind === 'mul' || e.base.kind === 'div') ? normalIfSmaller(e) : undefined)),
  // √12 → 2√3, √(x²/4) → |x|/2: a root of what has a square (or cube) in it
  rule('call', 'combine-powers', (e) => (functionTable[e.name].root !== undefined && e.args[0]!.kind !== 'variable' && rootMayCombine(e.args[0]!) ? normalIfSmaller(e) : undefined)),
  // 2·cos(x²)·x → 2x·cos(x²): numbers, then variables, constants, functions, and sums last
  rule('mul', 'order-factors', (e) => {
    // Most products are in order already: say so without sorting (the sort below is stable).
    if (e.factors.every((f, i) => i === 0 || compareFactors(e.factors[i - 1]!, f) <= 0)) return undefined;
    const sorted = [...e.factors].sort(compareFactors);
    return sorted.every((f, i) => f === e.factors[i]) ? undefined : mul(sorted);
  }),
  // x^(−2) → 1/x²
  rule('pow', 'negative-power-as-fraction', (e) => (e.exponent.kind === 'num' && isNegative(e.exponent.value)
    ? div(int(1), pow(e.base, num(e.exponent.value.neg())))
    : undefined)),
  // x^(1/2) → √x, x^(3/2) → x·√x, x^(1/3) → ∛x
  rule('pow', 'fractional-power-as-root', (e) => (e.exponent.kind === 'num' ? asRoot(e.base, e.exponent.value) : undefined)),
  // (√u)² → u, (∛u)³ → u
  rule('pow', 'power-of-root', (e) => {
    if (e.base.kind !== 'call' || e.exponent.kind !== 'num') return undefined;
    const index = functionTable[e.base.name].root;
    if (index === undefined) return undefined;
    const degree = BigInt(index);
    const n = e.exponent.value;
    if (!isInteger(n) || n.s < 0n || n.n % degree !== 0n) return undefined;
    return pow(e.base.args[0]!, int(n.n / degree));
  }),
];
