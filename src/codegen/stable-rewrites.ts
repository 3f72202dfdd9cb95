import type { Call, Expr } from '../expr/types.js';
import { add, call, div, int, mul, neg, pow } from '../expr/factory.js';
import { isOne } from '../expr/rational.js';
import { children, containsCall, equals, postOrder, rebuild } from '../expr/traverse.js';

/**
 * Forms that lose digits or overflow in floating point, and the functions that compute them
 * well: ln(1 + u) near u = 0 is log1p(u), ln(1 + e^u) at u = 1000 is softplus(u). Each rule
 * is found by its shape on any tree, typed with σ or written out with e^u, and turns it into
 * functions whose stable forms (the function table's, and stable-forms.ts's) generated code
 * uses; each rewrite says so in a comment. A rule sees its node with the children already
 * rewritten, and its result is final: no rule looks at it again.
 */
interface StableRewrite {
  readonly id: string;
  readonly note: string;
  readonly apply: (e: Expr) => Expr | undefined;
}

const isCall = (e: Expr, name: Call['name']): e is Call => e.kind === 'call' && e.name === name;
/** The one argument of a call of `name`, where e is one. */
const argumentOf = (e: Expr, name: Call['name']): Expr | undefined => (isCall(e, name) && e.args.length === 1 ? e.args[0] : undefined);
const isNumber = (e: Expr, n: number): boolean => e.kind === 'num' && (n === 1 ? isOne(e.value) : e.value.equals(n));

/** The terms of a sum other than the number `n`, when it has that number among them. */
function besides(e: Expr, n: number): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const at = e.terms.findIndex((t) => isNumber(t, n));
  return at < 0 ? undefined : add(e.terms.filter((_, i) => i !== at));
}

/** a where e is −a, written −a or (−1)·a. */
function negated(e: Expr): Expr | undefined {
  if (e.kind === 'neg') return e.operand;
  if (e.kind === 'mul' && e.factors.length >= 2 && isNumber(e.factors[0]!, -1)) return mul(e.factors.slice(1));
  return undefined;
}

/** f where e is 1 − f(u) for a call of `name`: the u. */
function oneMinus(e: Expr, name: Call['name']): Expr | undefined {
  if (e.kind !== 'add' || e.terms.length !== 2) return undefined;
  const [a, b] = e.terms as [Expr, Expr];
  const rest = isNumber(a, 1) ? b : isNumber(b, 1) ? a : undefined;
  const f = rest && negated(rest);
  return f && argumentOf(f, name);
}

/** a − b, without a − 0 or 0 − b. */
const minus = (a: Expr, b: Expr): Expr => (isNumber(b, 0) ? a : isNumber(a, 0) ? neg(b) : add([a, neg(b)]));

/** The exponents of a sum whose every term is e^a or 1 (which is e^0): [x, y] for e^x + e^y. */
function exponentsOfSum(e: Expr): Expr[] | undefined {
  if (e.kind !== 'add') return undefined;
  const exponents = e.terms.map((t) => (isNumber(t, 1) ? int(0) : argumentOf(t, 'exp')));
  return exponents.every((x) => x !== undefined) && exponents.some((x) => !isNumber(x, 0)) ? exponents : undefined;
}

/** e as c·e^a: a, the other factors, and whether it is negated; 1 is e^0. */
function exponentialFactor(e: Expr): { exponent: Expr; rest: Expr[]; negative: boolean } | undefined {
  const inner = negated(e);
  if (inner) {
    const found = exponentialFactor(inner);
    return found && { ...found, negative: !found.negative };
  }
  if (isNumber(e, 1)) return { exponent: int(0), rest: [], negative: false };
  const factors = e.kind === 'mul' ? e.factors : [e];
  const at = factors.findIndex((f) => isCall(f, 'exp'));
  if (at < 0) return undefined;
  return { exponent: (factors[at] as Call).args[0]!, rest: factors.filter((_, i) => i !== at), negative: false };
}

/** The factors of a product with a sign: −a·b is [a, b], negative. */
function signedFactors(e: Expr): { factors: Expr[]; negative: boolean } {
  const inner = negated(e);
  if (inner) {
    const found = signedFactors(inner);
    return { ...found, negative: !found.negative };
  }
  return { factors: e.kind === 'mul' ? [...e.factors] : isNumber(e, 1) ? [] : [e], negative: false };
}
const signedProduct = (factors: readonly Expr[], negative: boolean): Expr => (negative ? neg(mul(factors)) : mul(factors));

/** u where e is cosh(u)^k, with k. */
function coshPower(e: Expr): { u: Expr; k: number } | undefined {
  const u = argumentOf(e, 'cosh');
  if (u) return { u, k: 1 };
  if (e.kind !== 'pow' || e.exponent.kind !== 'num' || e.exponent.value.d !== 1n || e.exponent.value.s < 0n) return undefined;
  const base = argumentOf(e.base, 'cosh');
  const k = Number(e.exponent.value.n);
  return base && k >= 1 ? { u: base, k } : undefined;
}

const stableRewrites: readonly StableRewrite[] = [
  {
    // Before log1p and logsigmoid: ln(1 − σ(u)) is then ln σ(−u).
    id: 'one-minus-sigmoid', note: '1 − σ(u) as σ(−u), which keeps its digits where σ(u) rounds to 1',
    apply: (e) => {
      const u = oneMinus(e, 'sigmoid');
      return u && call('sigmoid', [neg(u)]);
    },
  },
  {
    id: 'softplus', note: 'ln(1 + e^u) as softplus(u), which does not overflow',
    apply: (e) => {
      const rest = isCall(e, 'log') && e.args.length === 1 ? besides(e.args[0]!, 1) : undefined;
      return rest && isCall(rest, 'exp') ? call('softplus', rest.args) : undefined;
    },
  },
  {
    id: 'log1p-of-minus-sigmoid', note: 'ln(1 − σ(u)) as logsigmoid(−u) = −softplus(u), finite where σ(u) rounds to 1',
    apply: (e) => {
      const inner = argumentOf(e, 'log1p');
      const s = inner && negated(inner);
      const u = s && argumentOf(s, 'sigmoid');
      return u && call('logsigmoid', [neg(u)]);
    },
  },
  {
    id: 'log1p', note: 'ln(1 + u) as log1p(u), exact for small u',
    apply: (e) => {
      const rest = isCall(e, 'log') && e.args.length === 1 ? besides(e.args[0]!, 1) : undefined;
      return rest && call('log1p', [rest]);
    },
  },
  {
    id: 'expm1', note: 'e^u − 1 as expm1(u), exact for small u',
    apply: (e) => {
      const rest = besides(e, -1);
      if (rest === undefined || e.kind !== 'add') return undefined;
      const [u] = e.terms.filter((t) => t.kind !== 'num');
      return e.terms.length === 2 && u && isCall(u, 'exp') ? call('expm1', u.args) : undefined;
    },
  },
  {
    // GELU's value and slope then share one erfc: Φ(u) = erfc(−u/√2)/2.
    id: 'erfc', note: '1 + erf(u) as erfc(−u), exact where erf(u) is near −1',
    apply: (e) => {
      const rest = besides(e, 1);
      return rest && isCall(rest, 'erf') ? call('erfc', [neg(rest.args[0]!)]) : undefined;
    },
  },
  {
    id: 'logsigmoid', note: 'ln σ(u) as logsigmoid(u), which does not overflow',
    apply: (e) => {
      const inner = argumentOf(e, 'log');
      return inner && isCall(inner, 'sigmoid') ? call('logsigmoid', inner.args) : undefined;
    },
  },
  {
    // e^x + e^x is 2·e^x to the simplifier: its logarithm is ln 2 + x, not ln of ∞.
    id: 'log-of-scaled-exp', note: 'ln(c·e^u) as ln c + u, which does not overflow',
    apply: (e) => {
      const inner = argumentOf(e, 'log');
      if (inner?.kind !== 'mul' || inner.factors.length !== 2) return undefined;
      const [c, x] = inner.factors as [Expr, Expr];
      const u = argumentOf(x, 'exp');
      return u && c.kind === 'num' && c.value.s > 0n && c.value.n !== 0n ? add([call('log', [c]), u]) : undefined;
    },
  },
  {
    id: 'logsumexp', note: 'ln(e^u + e^v + …) as logsumexp(u, v, …), which does not overflow',
    apply: (e) => {
      const inner = argumentOf(e, 'log');
      const exponents = inner && exponentsOfSum(inner);
      return exponents && call('logsumexp', exponents);
    },
  },
  {
    // Both weights of two terms share e^(−|u − v|) with the sum's logsumexp(u, v): the difference is taken one way.
    id: 'softmax-weight',
    note: 'e^u/(e^u + e^v) as σ(u − v), and e^u/(e^u + e^v + …) as e^(u − logsumexp(u, v, …)): softmax weights, which neither overflow nor give ∞/∞',
    apply: (e) => {
      if (e.kind !== 'div') return undefined;
      const exponents = exponentsOfSum(e.denominator);
      if (!exponents) return undefined;
      const difference = minus(exponents[0]!, exponents[1]!);
      const weightOf = (at: number): Expr => (exponents.length === 2
        ? call('sigmoid', [at === 0 ? difference : negated(difference) ?? neg(difference)])
        : call('exp', [minus(exponents[at]!, call('logsumexp', exponents))]));
      // A numerator of several such terms (the slope of ln(e^x + e^(2x))) is the sum of their weights.
      const terms = e.numerator.kind === 'add' ? e.numerator.terms : [e.numerator];
      const weighted: Expr[] = [];
      for (const term of terms) {
        const top = exponentialFactor(term);
        const at = top ? exponents.findIndex((x) => equals(x, top.exponent)) : -1;
        if (!top || at < 0) return undefined;
        weighted.push(signedProduct([...top.rest, weightOf(at)], top.negative));
      }
      return add(weighted);
    },
  },
  {
    // σ′(u) = e^u/(1 + e^u)², and any c/(1 + e^u) the chain rule leaves behind.
    id: 'over-one-plus-exp', note: 'a·e^(ju)/(1 + e^u)^k as a·σ(u)^j·σ(−u)^(k − j), which neither overflows nor gives ∞/∞',
    apply: (e) => {
      if (e.kind !== 'div') return undefined;
      // (1 + e^u)^k, alone or a factor of the denominator: cosh(s)·(1 + e^u)².
      const below = e.denominator.kind === 'mul' ? e.denominator.factors : [e.denominator];
      const onePlusExp = (f: Expr): { u: Expr; k: number } | undefined => {
        const power = f.kind === 'pow' && f.exponent.kind === 'num' ? f : undefined;
        const k = power ? power.exponent.kind === 'num' && power.exponent.value.d === 1n && power.exponent.value.s > 0n ? Number(power.exponent.value.n) : 0 : 1;
        const exponents = exponentsOfSum(power ? power.base : f);
        if (k < 1 || k > 8 || exponents?.length !== 2 || !exponents.some((x) => isNumber(x, 0))) return undefined;
        return { u: exponents.find((x) => !isNumber(x, 0))!, k };
      };
      const at = below.findIndex((f) => onePlusExp(f) !== undefined);
      if (at < 0) return undefined;
      const { u, k } = onePlusExp(below[at]!)!;
      const others = below.filter((_, i) => i !== at);
      const { factors, negative } = signedFactors(e.numerator);
      let j = 0;
      const rest = factors.filter((f) => {
        const inner = argumentOf(f, 'exp');
        if (inner === undefined || !equals(inner, u) || j === k) return true;
        j++;
        return false;
      });
      const times = (f: Expr, n: number): Expr[] => (n === 0 ? [] : [n === 1 ? f : pow(f, int(n))]);
      const top = signedProduct([...rest, ...times(call('sigmoid', [u]), j), ...times(call('sigmoid', [neg(u)]), k - j)], negative);
      return others.length === 0 ? top : div(top, mul(others));
    },
  },
  {
    // Then sech(u) is computed with e^(−|u|) (stable-forms.ts), and sinh(u)/cosh(u)² is tanh(u)·sech(u), not ∞/∞.
    id: 'over-cosh', note: 'a/cosh(u)^k as a·sech(u)^k, with each sinh(u) of a taken as tanh(u) by one of the cosh(u): no overflow',
    apply: (e) => {
      if (e.kind !== 'div') return undefined;
      const d = coshPower(e.denominator);
      if (!d) return undefined;
      const { factors, negative } = signedFactors(e.numerator);
      let left = d.k;
      const next = factors.map((f) => {
        const u = argumentOf(f, 'sinh');
        if (left === 0 || !u || !equals(u, d.u)) return f;
        left--;
        return call('tanh', [u]);
      });
      const sech = call('sech', [d.u]);
      return signedProduct([...next, ...(left === 0 ? [] : [left === 1 ? sech : pow(sech, int(left))])], negative);
    },
  },
  {
    id: 'tanh-slope', note: '1 − tanh(u)² as sech(u)², which keeps its digits where tanh(u) rounds to ±1',
    // a − a·tanh(u)², the terms of a sum the simplifier has multiplied out: a·sech(u)².
    apply: (e) => pairedTerms(e, (f) => (f.kind === 'pow' && isNumber(f.exponent, 2) ? argumentOf(f.base, 'tanh') : undefined), [false],
      (u, _, partner) => signedProduct([...signedFactors(partner).factors, pow(call('sech', [u]), int(2))], signedFactors(partner).negative)),
  },
  {
    id: 'one-plus-tanh', note: '1 ± tanh(u) as 2σ(±2u), which keeps its digits where tanh(u) rounds to ∓1',
    // a + a·tanh(u) = 2a·σ(2u) and a·tanh(u) − a = −2a·σ(−2u), as the simplifier leaves 2 + 2·tanh(2x).
    apply: (e) => pairedTerms(e, (f) => argumentOf(f, 'tanh'), [true, false], (u, { rest, negative, alike }) =>
      signedProduct([int(2), ...rest, call('sigmoid', [alike ? mul([int(2), u]) : neg(mul([int(2), u]))])], alike ? negative : !negative)),
  },
  {
    // The gradient of the logistic loss, x·σ(u) − x·y: where σ(u) rounds to y = 1 its terms cancel to 0.
    id: 'sigmoid-minus-target', note: 'a·σ(u) − a·y as a·((1 − y)·σ(u) − y·σ(−u)), which keeps its digits where σ(u) rounds to y = 1',
    apply: sigmoidMinusTarget,
  },
  {
    // After one-minus-sigmoid has made σ(u)·(1 − σ(u)) into σ(u)·σ(−u); e^(−|u|) is the one σ(u) computes.
    id: 'sigmoid-slope', note: 'σ(u)·σ(−u) = σ′(u) as e^(−|u|)/(1 + e^(−|u|))², with all its digits where σ(u) rounds to 1',
    apply: (e) => {
      if (e.kind !== 'mul') return undefined;
      const fs = e.factors;
      for (let i = 0; i < fs.length; i++) {
        const u = argumentOf(fs[i]!, 'sigmoid');
        const j = u ? fs.findIndex((f) => isCall(f, 'sigmoid') && f.args.length === 1 && equals(f.args[0]!, neg(u))) : -1;
        if (!u || j < 0) continue;
        const decaying = call('exp', [neg(call('abs', [u]))]);
        const slope = div(decaying, pow(add([int(1), decaying]), int(2)));
        return mul([...fs.filter((_, k) => k !== i && k !== j), slope]);
      }
      return undefined;
    },
  },
];

/**
 * a·σ(u) − a·y in a sum (y any factors free of σ(±u), or none) as a·((1 − y)·σ(u) − y·σ(−u)):
 * σ(u) − y = (1 − y)·σ(u) − y·(1 − σ(u)), and 1 − σ(u) is σ(−u), computed without the cancellation.
 */
function sigmoidMinusTarget(e: Expr): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const terms = e.terms.map(signedFactors);
  for (let i = 0; i < terms.length; i++) {
    const { factors, negative } = terms[i]!;
    const k = factors.findIndex((f) => argumentOf(f, 'sigmoid') !== undefined);
    if (k < 0) continue;
    const u = argumentOf(factors[k]!, 'sigmoid')!;
    const rest = factors.filter((_, m) => m !== k);
    for (let j = 0; j < terms.length; j++) {
      if (j === i || terms[j]!.negative === negative) continue;
      const target = without(terms[j]!.factors, rest);
      if (!target || target.some((f) => containsCall(f, sigmoidName))) continue;
      const y = target.length === 0 ? undefined : mul(target);
      const difference = y === undefined
        ? neg(call('sigmoid', [neg(u)]))
        : add([mul([minus(int(1), y), call('sigmoid', [u])]), neg(mul([y, call('sigmoid', [neg(u)])]))]);
      return add([...e.terms.filter((_, m) => m !== i && m !== j), signedProduct([...rest, difference], negative)]);
    }
  }
  return undefined;
}

const sigmoidName: ReadonlySet<Call['name']> = new Set(['sigmoid']);

/** The factors of `whole` left when each of `part` is taken out once, or undefined where one is missing. */
function without(whole: readonly Expr[], part: readonly Expr[]): Expr[] | undefined {
  const left = [...whole];
  for (const p of part) {
    const at = left.findIndex((f) => equals(f, p));
    if (at < 0) return undefined;
    left.splice(at, 1);
  }
  return left;
}

/** A term c·a·g(u) of a sum, split: a's factors, its sign, and whether its partner has the same sign. */
interface Paired { readonly rest: readonly Expr[]; readonly negative: boolean; readonly alike: boolean }

/**
 * In a sum, a term with a factor `marked` (giving u) beside a partner term equal to the rest of
 * it, of the same sign (`alike`) or the other: the sum with the two made one by `combine`. The
 * simplifier multiplies a·(1 ± g(u)) out into such pairs.
 */
function pairedTerms(e: Expr, marked: (factor: Expr) => Expr | undefined, signs: readonly boolean[],
  combine: (u: Expr, paired: Paired, partner: Expr) => Expr): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const terms = e.terms;
  for (let i = 0; i < terms.length; i++) {
    const { factors, negative } = signedFactors(terms[i]!);
    const k = factors.findIndex((f) => marked(f) !== undefined);
    if (k < 0) continue;
    const u = marked(factors[k]!)!;
    const rest = factors.filter((_, m) => m !== k);
    for (const alike of signs) {
      const partner = signedProduct(rest, alike ? negative : !negative);
      const j = terms.findIndex((t, m) => m !== i && equals(t, partner));
      if (j >= 0) return add([...terms.filter((_, m) => m !== i && m !== j), combine(u, { rest, negative, alike }, partner)]);
    }
  }
  return undefined;
}

/**
 * The expression with every stable rewrite applied, bottom up, and the notes of those whose
 * result is in it (1 − σ(u) made σ(−u), then σ(u)·σ(−u) made σ′(u), notes only the latter).
 */
export function rewriteStably(e: Expr, notes: Set<string>): Expr {
  const done = new Map<Expr, Expr>();
  const noted = new Map<Expr, string[]>();
  for (const node of postOrder(e)) {
    let next = rebuild(node, children(node).map((c) => done.get(c)!));
    const fired: string[] = [];
    for (const r of stableRewrites) {
      const better = r.apply(next);
      if (better) {
        fired.push(r.note);
        next = better;
      }
    }
    if (fired.length > 0) noted.set(next, [...(noted.get(next) ?? []), ...fired]);
    done.set(node, next);
  }
  const result = done.get(e)!;
  for (const node of postOrder(result)) for (const note of noted.get(node) ?? []) notes.add(note);
  return result;
}
