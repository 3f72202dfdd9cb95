import Fraction from 'fraction.js';
import type { Expr, Rational } from '../expr/types.js';
import { add, div, int, mul, neg, num, pow } from '../expr/factory.js';
import { isNegative, isOne, isZero } from '../expr/rational.js';
import { toText } from '../print/linear.js';

/*
 * Polynomials with exact rational coefficients over "atoms": any expression that is not
 * a sum, product, quotient, negation or power with a numeric exponent (x, sin(x), σ(x),
 * e^(−x)). Atoms carry rational exponents, so x^(1/2)·x^(3/2) is x². This is the
 * normal form behind collecting like terms, expanding, factoring and cancelling.
 */

export interface Monomial {
  /** Atoms with nonzero exponents, sorted by atom order. */
  readonly factors: readonly (readonly [Expr, Rational])[];
  /** Equal for equal monomials and only for them: short, made of atom ids (see atomId). */
  readonly key: string;
}

export interface Term {
  readonly coefficient: Rational;
  readonly monomial: Monomial;
}

/** A polynomial: terms keyed by monomial, no zero coefficients. */
export type Polynomial = ReadonlyMap<string, Term>;

const zero = new Fraction(0);
const one = new Fraction(1);

/** The order atoms are written in: variables, constants, then other parts, each alphabetically. */
function atomRank(e: Expr): number {
  switch (e.kind) {
    case 'variable': return 0;
    case 'constant': return 1;
    case 'pow': return 2;
    case 'call': case 'apply': return 3;
    default: return 4;
  }
}

const atomKeys = new WeakMap<Expr, string>();
export function atomKey(e: Expr): string {
  let key = atomKeys.get(e);
  if (key === undefined) {
    key = `${atomRank(e)}${toText(e)}`;
    atomKeys.set(e, key);
  }
  return key;
}

/*
 * An atom's key is its printed text (after its rank), which orders atoms as they are written;
 * but a deep atom's text is long, and monomial keys made by joining texts cost their length
 * each time they are made and looked up. So monomials are keyed by short atom ids instead, one
 * per distinct text, and the texts are used only to order.
 */
const atomIds = new WeakMap<Expr, string>();
const idsOfTexts = new Map<string, string>();
let textsInterned = 0;
/** Texts kept for ids, in characters, at most: past this an atom's id is its text (still unique). */
const maxInternedText = 20_000_000;

/** A short key, equal for atoms with equal keys and only for them. */
export function atomId(e: Expr): string {
  let id = atomIds.get(e);
  if (id === undefined) {
    const text = atomKey(e);
    id = idsOfTexts.get(text);
    if (id === undefined) {
      // Ids start with '#', which no text does (texts start with their rank's digit).
      if (textsInterned + text.length <= maxInternedText) {
        id = `#${idsOfTexts.size.toString(36)}`;
        idsOfTexts.set(text, id);
        textsInterned += text.length;
      } else {
        id = text;
      }
    }
    atomIds.set(e, id);
  }
  return id;
}

const exponentText = (e: Rational): string => `${e.s < 0n ? '-' : ''}${e.n}/${e.d}`;

export function monomial(factors: readonly (readonly [Expr, Rational])[]): Monomial {
  const merged = new Map<string, [Expr, Rational]>();
  for (const [atom, exponent] of factors) {
    const k = atomId(atom);
    const existing = merged.get(k);
    merged.set(k, [atom, existing ? existing[1].add(exponent) : exponent]);
  }
  const sorted = [...merged.values()].filter(([, e]) => !isZero(e)).map(([a, e]) => ({ a, e, order: atomKey(a) }))
    .sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0));
  return {
    factors: sorted.map(({ a, e }) => [a, e] as const),
    // The exponent's parts as they are: toFraction() costs more than the rest of building a monomial.
    key: sorted.map(({ a, e }) => `${atomId(a)}^${exponentText(e)}`).join('*'),
  };
}

const orderKeys = new WeakMap<Monomial, string>();
/** The monomial written with its atoms' texts: the order terms are written in. */
function orderKey(m: Monomial): string {
  let key = orderKeys.get(m);
  if (key === undefined) {
    key = m.factors.map(([a, e]) => `${atomKey(a)}^${exponentText(e)}`).join('*');
    orderKeys.set(m, key);
  }
  return key;
}

const unit = monomial([]);

export function constantPolynomial(c: Rational): Polynomial {
  return isZero(c) ? new Map() : new Map([[unit.key, { coefficient: c, monomial: unit }]]);
}

export const atomPolynomial = (atom: Expr, exponent: Rational = one): Polynomial => {
  const m = monomial([[atom, exponent]]);
  return new Map([[m.key, { coefficient: one, monomial: m }]]);
};

export function addPolynomials(a: Polynomial, b: Polynomial): Polynomial {
  const out = new Map(a);
  addInto(out, b);
  return out;
}

/** Adds b into the map a in place (a polynomial being built). */
export function addInto(a: Map<string, Term>, b: Polynomial): void {
  for (const [k, t] of b) {
    const existing = a.get(k);
    const c = existing ? existing.coefficient.add(t.coefficient) : t.coefficient;
    if (isZero(c)) a.delete(k);
    else a.set(k, { coefficient: c, monomial: t.monomial });
  }
}

export function scale(a: Polynomial, c: Rational): Polynomial {
  if (isZero(c)) return new Map();
  return new Map([...a].map(([k, t]) => [k, { coefficient: t.coefficient.mul(c), monomial: t.monomial }]));
}

export function multiplyPolynomials(a: Polynomial, b: Polynomial): Polynomial {
  // One accumulator for all the products: |a|·|b| steps, not |a| copies of the result.
  const out = new Map<string, Term>();
  for (const ta of a.values()) {
    for (const tb of b.values()) {
      const m = monomial([...ta.monomial.factors, ...tb.monomial.factors]);
      const existing = out.get(m.key);
      const c = ta.coefficient.mul(tb.coefficient);
      out.set(m.key, { coefficient: existing ? existing.coefficient.add(c) : c, monomial: existing?.monomial ?? m });
    }
  }
  for (const [k, t] of out) if (isZero(t.coefficient)) out.delete(k);
  return out;
}

export function powerOfPolynomial(a: Polynomial, n: number): Polynomial {
  let result = constantPolynomial(one);
  for (let i = 0; i < n; i++) result = multiplyPolynomials(result, a);
  return result;
}

/** The constant, if the polynomial is one. */
export function constantValue(p: Polynomial): Rational | undefined {
  if (p.size === 0) return zero;
  if (p.size === 1) {
    const t = [...p.values()][0]!;
    if (t.monomial.factors.length === 0) return t.coefficient;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Back to expressions

/** A monomial with a coefficient as an expression: 3x²y, x/2, −σ(x)². Negative exponents go below a fraction bar. */
export function termToExpr(t: Term): Expr {
  const c = t.coefficient;
  if (isNegative(c)) return neg(termToExpr({ coefficient: c.neg(), monomial: t.monomial }));
  const up: Expr[] = [];
  const down: Expr[] = [];
  for (const [atom, exponent] of t.monomial.factors) {
    if (isNegative(exponent)) down.push(powerExpr(atom, exponent.neg()));
    else up.push(powerExpr(atom, exponent));
  }
  const top = up.length === 0 ? int(c.n) : c.n === 1n ? mul(up) : mul([int(c.n), ...up]);
  const bottom = [...(c.d === 1n ? [] : [int(c.d)]), ...down];
  return bottom.length === 0 ? top : div(top, mul(bottom));
}

/** atom^exponent, with exponent 1 left out. */
export function powerExpr(atom: Expr, exponent: Rational): Expr {
  return isOne(exponent) ? atom : pow(atom, num(exponent));
}

/** The terms by total degree, highest first, then by atoms. */
export function sortedTerms(p: Polynomial): Term[] {
  const degree = (t: Term): number => t.monomial.factors.reduce((s, [, e]) => s + e.valueOf(), 0);
  return [...p.values()].sort((a, b) => {
    const byDegree = degree(b) - degree(a);
    if (byDegree !== 0) return byDegree;
    const [ka, kb] = [orderKey(a.monomial), orderKey(b.monomial)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * The terms in writing order: polynomials in variables from the highest degree down
 * (x² − 2x − 1), polynomials in functions from the constant up (1 + e^(−x), σ − 3σ² + 2σ³);
 * and a positive term first where there is one (1 − x rather than −x + 1).
 */
export function writingOrder(p: Polynomial): Term[] {
  const terms = sortedTerms(p);
  const inFunctions = terms.every((t) => t.monomial.factors.every(([a]) => a.kind !== 'variable'));
  const ordered = inFunctions ? terms.reverse() : terms;
  if (!isNegative(ordered[0]?.coefficient ?? new Fraction(1))) return ordered;
  return [...ordered.filter((t) => !isNegative(t.coefficient)), ...ordered.filter((t) => isNegative(t.coefficient))];
}

export function polynomialToExpr(p: Polynomial): Expr {
  if (p.size === 0) return int(0);
  return add(writingOrder(p).map(termToExpr));
}

