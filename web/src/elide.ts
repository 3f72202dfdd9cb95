import { build, toLatex, variablesOf, type Expr } from '../../src/index.js';

/*
 * Long expressions cut down for the page: typesetting hundreds of thousands of characters of
 * LaTeX takes KaTeX seconds and the page a megabyte of markup, so a long answer or step is shown
 * in part, ⋯ standing for what is left out, and copied or downloaded whole.
 */

/** A variable the expression does not use, to stand for the parts left out: written ⋯ once typeset. */
export function elisionMarker(e: Expr): Expr {
  const taken = new Set(variablesOf(e));
  let name = 'elided';
  while (taken.has(name)) name += '0';
  return build.variable(name);
}

/** The LaTeX of an expression, cut down to about `budget` characters where it is longer, with ⋯ for what is left out. */
export function latexWithin(e: Expr, budget: number): string {
  const whole = toLatex(e);
  if (whole.length <= budget) return whole;
  const marker = elisionMarker(e);
  const part = elide(e, budget, marker);
  return part ? toLatex(part).replaceAll(toLatex(marker), '\\cdots') : '\\cdots';
}

/**
 * The expression cut down to about `budget` characters of LaTeX: a sum keeps its first terms and
 * ⋯ (the marker), a product cuts its largest factor, a quotient each side. Undefined when it
 * cannot be cut so (one huge function argument).
 */
export function elide(e: Expr, budget: number, marker: Expr): Expr | undefined {
  const length = toLatex(e).length;
  if (length <= budget) return e;
  switch (e.kind) {
    case 'add': {
      const kept: Expr[] = [];
      let used = 0;
      for (const term of e.terms) {
        const size = toLatex(term).length;
        if (used + size > budget) {
          // A first term too long by itself is cut in turn.
          if (kept.length === 0) {
            const first = elide(term, budget, marker);
            if (!first) return undefined;
            kept.push(first);
          }
          break;
        }
        kept.push(term);
        used += size;
      }
      return build.add([...kept, marker]);
    }
    case 'mul': {
      const sizes = e.factors.map((f) => toLatex(f).length);
      const largest = sizes.reduce((best, size, i) => (size > sizes[best]! ? i : best), 0);
      const others = length - sizes[largest]!;
      if (others >= budget) return undefined;
      const cut = elide(e.factors[largest]!, budget - others, marker);
      return cut && build.mul(e.factors.map((f, i) => (i === largest ? cut : f)));
    }
    case 'neg': {
      const cut = elide(e.operand, budget, marker);
      return cut && build.neg(cut);
    }
    case 'div': {
      const numerator = elide(e.numerator, budget / 2, marker);
      const denominator = elide(e.denominator, budget / 2, marker);
      return numerator && denominator && build.div(numerator, denominator);
    }
    default: return undefined;
  }
}

