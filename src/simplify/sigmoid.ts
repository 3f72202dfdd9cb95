import Fraction from 'fraction.js';
import type { Add, Call, Expr } from '../expr/types.js';
import { add, call, div, int, mul, neg, pow, variable } from '../expr/factory.js';
import { children, equals } from '../expr/traverse.js';
import { callBit, mayCall } from '../expr/calls.js';
import { replaceSubtree } from '../expr/substitute.js';
import { isNegativeLooking } from '../expr/sign.js';
import { complexity } from '../algebra/complexity.js';
import { atomKey, sameAtom } from '../algebra/atoms.js';
import { addPoly, atomPoly, constantPoly, isZeroPoly, monomialPoly, mulPoly, powPoly, zeroPoly, type Poly } from '../algebra/poly.js';
import { atomMonomial, divideMonomials, exponentIn, isUnit } from '../algebra/monomial.js';
import { expandFactored, sameButCoefficient, splitFraction } from '../algebra/factored.js';
import { normalForm as normalFormOf } from '../algebra/normal-form.js';
import { polyExpr, powerExpr } from '../algebra/to-expr.js';
import { univariateOf } from '../algebra/univariate.js';
import { writtenNormalForm } from './written-form.js';
import { SumTerms, withPartsRewritten } from './sum-part.js';
import type { RewriteId, RewriteStep } from './rewrite.js';

/*
 * Writing a result in terms of σ(u) = 1/(1 + e^(−u)), the way a person would: with
 * t = e^(−u), σ = 1/(1 + t), so t = (1 − σ)/σ and e^u = σ/(1 − σ). Substituting and
 * normalising the rational function in σ removes the exponentials; the result is kept
 * only when it is simpler than the exponential form (e^u alone stays e^u).
 *
 * For the classic shape N(t)/(1 + t)^k the rewriting is shown as a person does it:
 * add and subtract 1 (t = (1 + t) − 1), split into fractions, cancel, factor out
 * 1/(1 + t), substitute σ.
 */

export interface SigmoidRewrite {
  readonly result: Expr;
  readonly steps: readonly RewriteStep[];
}

/** The calls of one function, e^a or σ(a), in the algebraic part of an expression (not inside other functions), each once. */
function callsIn(e: Expr, name: 'exp' | 'sigmoid'): Expr[] {
  const found: Expr[] = [];
  if (!mayCall(e, callBit(name))) return found;
  const seen = new Set<string>();
  const visit = (node: Expr): void => {
    if (node.kind === 'call' && node.name === name) {
      const key = idOf(node);
      if (!seen.has(key)) {
        seen.add(key);
        found.push(node);
      }
      return;
    }
    if (node.kind === 'call' || node.kind === 'apply' || node.kind === 'derivative') return;
    children(node).forEach(visit);
  };
  visit(e);
  return found;
}

/**
 * Whether an exponential within a node is in the algebraic part of the expression (where callsIn
 * finds them, and σ is written): not within another function's argument. Mish′ is
 * tanh(log(1 + e^x)) + x·σ(x)·(1 − tanh(log(1 + e^x))²), its softplus left as it is; written
 * in σ within the logarithm too, it would be longer, and the σ beside it would not be found.
 */
const outsideCalls = (node: Expr): boolean => node.kind !== 'call' && node.kind !== 'apply' && node.kind !== 'derivative';

const exponentialOrSigmoid = callBit('exp') | callBit('sigmoid');

/**
 * Whether writing e in σ can make it simpler: only where an exponential stands in a sum beside a
 * term without any (1 + e^(−x)), or a σ is there already (e^(−x)·σ(x)² = σ(x)·(1 − σ(x))). Where
 * exponentials are only factors (x⁷·e^(5x)·(5x + 8)), each would become σ/(1 − σ), larger, with
 * nothing to cancel it; so where every term of a sum has one: 2e^(2x)·cos(3x) − 3e^(2x)·sin(3x)
 * is e^(2x) times a sum without one, and eˣ + e⁻ˣ, (σ² + (1 − σ)²)/(σ·(1 − σ)) in σ(x), is the
 * sum 1 + e^(2x) (of another multiple of x) over eˣ.
 */
function mayBeSimplerInSigmoid(e: Expr): boolean {
  if (!mayCall(e, exponentialOrSigmoid)) return false;
  let found = false;
  // Whether the algebraic part of a node holds an exponential; `found` when one stands in a sum
  // beside a term without any (a sum within a term is visited as a node of its own).
  const visit = (node: Expr): boolean => {
    if (node.kind === 'call') {
      if (node.name === 'sigmoid') found = true;
      return node.name === 'exp';
    }
    if (node.kind === 'apply' || node.kind === 'derivative') return false;
    let holds = false;
    let without = false;
    for (const c of children(node)) {
      if (visit(c)) holds = true;
      else without = true;
    }
    if (holds && without && node.kind === 'add') found = true;
    return holds;
  };
  visit(e);
  return found;
}

/** An exponential e^a found in an expression, with a and −a in normal form (by their atom ids): e^(−x) and e^x are both in σ(x). */
interface Found {
  readonly exponential: Expr;
  readonly argument: Expr;
  readonly opposite: Expr;
  readonly key: string;
  readonly oppositeKey: string;
}

/** The key under which the terms holding σ(u) are found, u by the atom id of its normal form. */
const sigmoidOf = (argumentKey: string): string => `σ ${argumentKey}`;

/** An atom's key as text, beside the keys of σ(u) in one table. */
const idOf = (e: Expr): string => String(atomKey(e));

const normalForm = (e: Expr): Expr => writtenNormalForm(e, 'auto');

/** The items under each key, in their order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/**
 * The parts of a sum found not simpler in σ(u), by u's key and the part's node: a part met again
 * unchanged (its terms untouched by the rewrites of other parts) is not tried again.
 */
export type NotInSigmoid = Set<string>;

/** A part of a sum written in σ(u): the places of its terms, what stands there now, and the identity used. */
interface PartInSigmoid {
  readonly places: readonly number[];
  readonly rewritten: Expr;
  readonly identity: readonly [Expr, Expr];
}

/**
 * Rewrites e in terms of σ(u) for an argument u of its exponentials, when that is simpler. In a
 * sum, the parts of different arguments that share no term are all rewritten in one go, a step
 * each; a part that shares a term with one rewritten waits for the next call, and a part found not
 * simpler is remembered in `notSimpler` and not tried again while it stays as it is.
 */
export function rewriteInSigmoid(e: Expr, notSimpler: NotInSigmoid = new Set()): SigmoidRewrite | undefined {
  if (!mayBeSimplerInSigmoid(e)) return undefined;
  const found = callsIn(e, 'exp').map((exponential): Found => {
    const argument = (exponential as Expr & { kind: 'call' }).args[0]!;
    const opposite = normalForm(neg(argument));
    return { exponential, argument, opposite, key: idOf(normalForm(argument)), oppositeKey: idOf(opposite) };
  });
  // Which terms of a sum hold each exponential, and each σ (by its argument's normal form: a term
  // with σ(u) may cancel with the rewritten ones), filed once for all the σ(u) tried.
  const terms = new SumTerms<string>(e, (t) => {
    const keys = callsIn(t, 'exp').map(idOf);
    for (const s of callsIn(t, 'sigmoid')) keys.push(sigmoidOf(idOf(normalForm((s as Expr & { kind: 'call' }).args[0]!))));
    return keys;
  });
  // The exponentials of each argument's key, and of each opposite's, so a key finds its own at once.
  const byKey = groupBy(found, (f) => f.key);
  const byOppositeKey = groupBy(found, (f) => f.oppositeKey);
  const rewrittenParts: PartInSigmoid[] = [];
  const taken = new Set<number>();
  for (const f of found) {
    // u with e^a = e^(−u) is the classic form; a itself when −a would start with a minus sign (σ(x), not σ(−x)).
    const candidates: [Expr, string][] = isNegativeLooking(f.opposite) ? [[f.argument, f.key], [f.opposite, f.oppositeKey]] : [[f.opposite, f.oppositeKey], [f.argument, f.key]];
    for (const [u, key] of candidates) {
      const attempt = rewriteFor(e, u, key, byKey.get(key) ?? [], byOppositeKey.get(key) ?? [], terms, notSimpler, taken);
      if (attempt === undefined) continue;
      if ('result' in attempt) return attempt;
      rewrittenParts.push(attempt);
      for (const place of attempt.places) taken.add(place);
      break;
    }
  }
  if (rewrittenParts.length === 0) return undefined;
  // One step for each σ(u), the sum as it stands before and after it.
  const steps: RewriteStep[] = [];
  let before = e;
  rewrittenParts.forEach((part, i) => {
    const after = withPartsRewritten(e as Add, rewrittenParts.slice(0, i + 1));
    steps.push({ rule: 'rewrite-in-sigmoid', before, after, path: [], uses: part.identity });
    before = after;
  });
  return { result: before, steps };
}

/**
 * e written in σ(u), where that is simpler. In a sum only the terms with an exponential of ±u
 * take part, so the work is that of those terms (a sum of a thousand terms, each with an
 * exponential of its own, is rewritten term by term, not a thousand times whole). A part with a
 * term at a place `taken` by another part's rewrite is left for later.
 */
function rewriteFor(
  e: Expr, u: Expr, uKey: string, ofKey: readonly Found[], ofOpposite: readonly Found[], terms: SumTerms<string>,
  notSimpler: NotInSigmoid, taken: ReadonlySet<number>,
): SigmoidRewrite | PartInSigmoid | undefined {
  const decaying = ofOpposite.map((f) => f.exponential);
  const growing = ofKey.filter((f) => f.oppositeKey !== uKey).map((f) => f.exponential);
  if (decaying.length + growing.length === 0) return undefined;
  const s = call('sigmoid', [u]);
  const one = int(1);
  const identity: readonly [Expr, Expr] = decaying.length > 0
    ? [decaying[0]!, div(add([one, neg(s)]), s)]
    : [growing[0]!, div(s, add([one, neg(s)]))];
  const ids = decaying.concat(growing).map(idOf);
  ids.push(sigmoidOf(uKey));
  const { part, whole, places } = terms.part(ids)!;
  if (places.some((place) => taken.has(place))) return undefined;
  const tried = `${uKey} ${part.id} ${whole}`;
  if (notSimpler.has(tried)) return undefined;
  const rewritten = inSigmoid(part, whole, s, decaying, growing);
  if (rewritten === undefined) {
    notSimpler.add(tried);
    return undefined;
  }
  if (!whole) return { places, rewritten, identity };
  const staged = growing.length === 0 && decaying.length === 1 ? stages(e, decaying[0]!, s, rewritten) : undefined;
  return {
    result: rewritten,
    steps: staged ?? [{ rule: 'rewrite-in-sigmoid', before: e, after: rewritten, path: [], uses: identity }],
  };
}

/** A part with its exponentials of ±u written in σ(u) = s, in normal form, where that is simpler; undefined otherwise. */
function inSigmoid(part: Expr, whole: boolean, s: Call, decaying: readonly Expr[], growing: readonly Expr[]): Expr | undefined {
  // The sum as a whole may hold exponentials in sums; the terms of ±u may still hold theirs only as factors.
  if (!whole && !mayBeSimplerInSigmoid(part)) return undefined;
  const one = int(1);
  let substituted = part;
  for (const t of decaying) substituted = replaceSubtree(substituted, t, div(add([one, neg(s)]), s), outsideCalls);
  for (const t of growing) substituted = replaceSubtree(substituted, t, div(s, add([one, neg(s)])), outsideCalls);
  if (leavesMultipleOf(substituted, s.args[0]!)) return undefined;
  const rewritten = normalForm(substituted);
  if (callsIn(rewritten, 'exp').some((x) => decaying.concat(growing).some((y) => equals(x, y)))) return undefined;
  if (complexity(rewritten) >= complexity(part)) return undefined;
  return rewritten;
}

/**
 * Whether an exponential left after the substitution is of another multiple of u: e^(2x) and e^(3x)
 * where e^x was written in σ(x). The normal form keeps e^(2x) as (e^x)², so the result would hold
 * σ(u) and e^u together, which is never how it reads best; working it out (several normal forms
 * written, for each exponential of a sum like e^x + e^(2x) + e^(3x)) would only find so.
 */
function leavesMultipleOf(substituted: Expr, u: Expr): boolean {
  const ofU = normalFormOf(u);
  return callsIn(substituted, 'exp').some((x) => sameButCoefficient(normalFormOf((x as Call).args[0]!), ofU));
}

/** The hand derivation for N(t)/(1 + t)^k, when the expression has that shape; undefined otherwise. */
function stages(e: Expr, t: Expr, s: Expr, result: Expr): RewriteStep[] | undefined {
  const { numerator, denominator } = splitFraction(normalFormOf(e));
  // The denominator must be c·(1 + t)^k.
  if (!isUnit(denominator.monomial) || denominator.powers.length !== 1 || denominator.powers[0]!.den !== 1) return undefined;
  const k = denominator.powers[0]!.num;
  if (typeof k !== 'number') return undefined;
  const base = univariateOf(denominator.powers[0]!.base.poly);
  if (!base?.atom || !sameAtom(base.atom, t) || base.coefficients.length !== 2 || base.coefficients[0] !== 1 || base.coefficients[1] !== 1) return undefined;
  const c = denominator.coefficient.n;
  const top = expandFactored(numerator);
  if (!top) return undefined;
  const tKey = atomKey(t);
  for (const m of top.monomials) {
    const [n, d] = exponentIn(m, tKey);
    if (d !== 1 || typeof n !== 'number' || n < 0) return undefined;
  }

  const one = int(1);
  const D = add([one, t]);
  const placeholder = variable('\u2063D');
  // N(t) with t = D − 1, as a polynomial in the placeholder for D, its terms by their power of D.
  const dMinusOne = addPoly(atomPoly(placeholder), constantPoly(-1));
  const byPower = new Map<number, Poly>();
  top.monomials.forEach((m, i) => {
    const j = Number(exponentIn(m, tKey)[0]);
    const rest = divideMonomials(m, atomMonomial(t, j));
    const piece = mulPoly(powPoly(dMinusOne, j), monomialPoly(rest, top.coefficients[i]!));
    piece.monomials.forEach((pm, pi) => {
      const power = Number(exponentIn(pm, atomKey(placeholder))[0]);
      const without = divideMonomials(pm, atomMonomial(placeholder, power));
      byPower.set(power, addPoly(byPower.get(power) ?? zeroPoly, monomialPoly(without, piece.coefficients[pi]!)));
    });
  });
  const powers = [...byPower.keys()].filter((j) => !isZeroPoly(byPower.get(j)!)).sort((a, b) => b - a);
  if (powers.some((j) => j >= k)) return undefined;

  const Dk = (m: number): Expr => (m === 1 ? D : pow(D, int(m)));
  const coefficient = (j: number): Expr => polyExpr(byPower.get(j)!, c);
  const withD = (j: number, body: Expr): Expr => (j === 0 ? body : times(body, Dk(j)));

  const numeratorExpr = polyExpr(top, c);
  const addedAndSubtracted = div(replaceSubtree(numeratorExpr, t, add([one, t, int(-1)])), Dk(k));
  const split = add(powers.map((j) => div(withD(j, coefficient(j)), Dk(k))));
  const cancelled = add(powers.map((j) => div(coefficient(j), Dk(k - j))));
  const factoredOut = mul([div(one, D), add(powers.map((j) => (k - j - 1 === 0 ? coefficient(j) : div(coefficient(j), Dk(k - j - 1)))))]);
  const inSigmoid = mul([s, add(powers.map((j) => (k - j - 1 === 0 ? coefficient(j) : times(coefficient(j), powerExpr(s, new Fraction(k - j - 1))))))]);

  const sequence: [RewriteId, Expr, (readonly [Expr, Expr])?][] = [
    ['add-and-subtract-one', addedAndSubtracted],
    ['split-fraction', split],
    ['cancel-in-each-fraction', cancelled],
    ['factor-out', factoredOut],
    ['substitute-sigmoid', inSigmoid, [s, div(one, D)]],
  ];
  if (!equals(inSigmoid, result)) sequence.push(['normal-form-in-sigmoid', result]);
  let before = e;
  const steps: RewriteStep[] = [];
  for (const [rule, after, uses] of sequence) {
    if (equals(before, after)) continue;
    steps.push({ rule, before, after, path: [], ...(uses ? { uses } : {}) });
    before = after;
  }
  return steps;
}

/** c·x, with a coefficient of 1 or −1 written as x or −x. */
function times(c: Expr, x: Expr): Expr {
  if (c.kind === 'num' && c.value.equals(1)) return x;
  if (c.kind === 'num' && c.value.equals(-1)) return neg(x);
  return mul([c, x]);
}
