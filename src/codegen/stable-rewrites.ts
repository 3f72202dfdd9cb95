import type { Call, Expr } from '../expr/types.js';
import { add, call, neg } from '../expr/factory.js';
import { isOne } from '../expr/rational.js';
import { children, postOrder, rebuild } from '../expr/traverse.js';

/**
 * Forms that lose digits or overflow in floating point, and the functions that compute them
 * well: ln(1 + u) near u = 0 is log1p(u), ln(1 + e^u) at u = 1000 is softplus(u). Generated
 * code uses the right side; each rewrite says so in a comment.
 */
interface StableRewrite {
  readonly id: string;
  readonly note: string;
  readonly apply: (e: Expr) => Expr | undefined;
}

const isCall = (e: Expr, name: Call['name']): e is Call => e.kind === 'call' && e.name === name;
/** The terms of a sum other than the number `n`, when it has that number among them. */
function besides(e: Expr, n: number): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const at = e.terms.findIndex((t) => t.kind === 'num' && (n === 1 ? isOne(t.value) : t.value.equals(n)));
  return at < 0 ? undefined : add(e.terms.filter((_, i) => i !== at));
}

const stableRewrites: readonly StableRewrite[] = [
  {
    id: 'softplus', note: 'ln(1 + e^u) as softplus(u), which does not overflow',
    apply: (e) => {
      const rest = isCall(e, 'log') && e.args.length === 1 ? besides(e.args[0]!, 1) : undefined;
      return rest && isCall(rest, 'exp') ? call('softplus', rest.args) : undefined;
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
    apply: (e) => (isCall(e, 'log') && e.args.length === 1 && isCall(e.args[0]!, 'sigmoid') ? call('logsigmoid', e.args[0].args) : undefined),
  },
  {
    id: 'logsumexp', note: 'ln(e^u + e^v) as logsumexp(u, v), which does not overflow',
    apply: (e) => {
      const inner = isCall(e, 'log') && e.args.length === 1 ? e.args[0]! : undefined;
      if (inner?.kind !== 'add' || !inner.terms.every((t) => isCall(t, 'exp'))) return undefined;
      return call('logsumexp', inner.terms.map((t) => (t as Call).args[0]!));
    },
  },
];

/** The expression with every stable rewrite applied, bottom up, and the notes of those that fired. */
export function rewriteStably(e: Expr, notes: Set<string>): Expr {
  const done = new Map<Expr, Expr>();
  for (const node of postOrder(e)) {
    let next = rebuild(node, children(node).map((c) => done.get(c)!));
    for (const r of stableRewrites) {
      const better = r.apply(next);
      if (better) {
        notes.add(r.note);
        next = better;
      }
    }
    done.set(node, next);
  }
  return done.get(e)!;
}
