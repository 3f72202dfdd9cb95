import type { Expr } from '../expr/types.js';
import { add } from '../expr/factory.js';

/** The terms of a sum a rewrite concerns, as one part, and the sum rebuilt with that part rewritten. */
export interface SumPart {
  readonly part: Expr;
  /** Whether the part is the whole expression. */
  readonly whole: boolean;
  readonly rebuild: (rewritten: Expr) => Expr;
}

/**
 * The part of e a rewrite needs to look at: in a sum, the terms it concerns (the others keep their
 * places, the rewritten ones standing where the first of them stood); otherwise e itself.
 * A rewrite of the part costs what the part costs, not what the whole sum does.
 */
export function sumPart(e: Expr, concerns: (term: Expr) => boolean): SumPart | undefined {
  if (e.kind !== 'add') return { part: e, whole: true, rebuild: (rewritten) => rewritten };
  const involved = e.terms.filter(concerns);
  if (involved.length === 0) return undefined;
  if (involved.length === e.terms.length) return { part: e, whole: true, rebuild: (rewritten) => rewritten };
  const at = e.terms.indexOf(involved[0]!);
  const concerned = new Set(involved);
  const rest = e.terms.filter((t) => !concerned.has(t));
  return {
    part: involved.length === 1 ? involved[0]! : add(involved),
    whole: false,
    rebuild: (rewritten) => add([...rest.slice(0, at), ...(rewritten.kind === 'add' ? rewritten.terms : [rewritten]), ...rest.slice(at)]),
  };
}
