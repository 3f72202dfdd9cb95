import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { buildTrace, rewriteGroups, stepRange, tooLargeToShow, traceEquations, type Trace } from '../../src/steps/trace.js';
import { ruleIds } from '../../src/diff/steps.js';
import { rewriteLabels } from '../../src/steps/labels.js';
import { shownRules } from '../../src/steps/rules-shown.js';
import { tidyRules } from '../../src/simplify/rules.js';
import { rewriteIds } from '../../src/simplify/rewrite.js';
import { traceToText } from '../../src/print/steps-text.js';
import { conditionsIn } from '../../src/print/conditions.js';
import { traceToLatex } from '../../src/print/steps-latex.js';
import { toUnicode } from '../../src/print/linear.js';
import { equals } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { close, crossesException, evaluateWithDifferences, isWellConditioned, largestPart } from '../helpers/numeric.js';
import { expectRenders } from '../helpers/katex.js';
import { unlessNoValue } from '../helpers/no-value.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 300);

/** The last expression a derivation shows before its answer line. */
function lastShown(trace: Trace) {
  const section = trace.sections.at(-1)!;
  return section.rewrites.at(-1)?.whole ?? section.root.result;
}

describe('labels', () => {
  it('has wording for every rule id and every tidying rule', () => {
    for (const id of ruleIds) expect(shownRules[id].label).toBeTruthy();
    for (const rule of tidyRules) expect(rewriteLabels[rule.id], rule.id).toBeTruthy();
    for (const id of rewriteIds) expect(rewriteLabels[id], id).toBeTruthy();
  });
});

describe('consistency of derivations', () => {
  it('ends with the printed answer', () => {
    fc.assert(fc.property(expressionTree({ depth: 4 }), fc.boolean(), (e, tidy) => {
      const d = unlessNoValue(() => differentiate(e, { variable: 'x', simplify: tidy }));
      const trace = buildTrace(d);
      expect(equals(lastShown(trace), d.result)).toBe(true);
      const holds = d.conditions.length > 0 ? `, for ${conditionsIn(d.conditions, 'unicode')}` : '';
      expect(traceToText(trace).endsWith(`Answer: ${toUnicode(d.result)}${holds}`)).toBe(true);
    }), { numRuns: runs });
  });

  it('shows only equations that hold at random points', () => {
    let checked = 0;
    fc.assert(fc.property(
      expressionTree({ abstract: false, depth: 4 }),
      fc.double({ min: -2, max: 3, noNaN: true }).filter((x) => Math.abs(x) > 1e-3),
      (e, x) => {
        // Values with no simple relation between them: round ones (w1 = 2.2, y = −1.3, u = 0.9) put a
        // chain rule's placeholder u exactly at the kink of min(1, w1 + y, u).
        const env = { x, y: -1.3137, theta: 0.4219, w1: 2.2071, u: 0.9046, w: -0.6183, t: 1.3729, s: 0.3011, z: -1.1093 };
        const d = unlessNoValue(() => differentiate(e, { variable: 'x' }));
        if (crossesException(d, x, env)) return;
        const trace = buildTrace(d);
        for (const [lhs, rhs] of traceEquations(trace)) {
          const left = evaluateWithDifferences(lhs, env);
          const right = evaluateWithDifferences(rhs, env);
          if (!Number.isFinite(left) || !Number.isFinite(right)) continue;
          if (largestPart(lhs, env) > 1e6 || !isWellConditioned(rhs, env)) continue;
          checked++;
          expect(close(left, right, 1e-4), `${toUnicode(lhs)} = ${toUnicode(rhs)} at x = ${x}: ${left} vs ${right}`).toBe(true);
        }
      },
    ), { numRuns: runs });
    expect(checked).toBeGreaterThan(runs);
  });

  it('renders every derivation it prints as LaTeX in KaTeX', () => {
    fc.assert(fc.property(expressionTree({ depth: 3 }), (e) => {
      expectRenders(traceToLatex(buildTrace(unlessNoValue(() => differentiate(e, { variable: 'x' })))));
    }), { numRuns: 100 });
  });

  it('writes a rewrite\'s name with squares and minus signs so that LaTeX renders it', () => {
    const latex = traceToLatex(buildTrace(differentiate('x*sin(x)^2 + x*cos(x)^2')));
    expect(latex).toContain('(sin$^{2}$ + cos$^{2}$ = 1, cosh$^{2}$ $-$ sinh$^{2}$ = 1)');
    expectRenders(latex);
  });

  it('numbers a derivation for each order', () => {
    const trace = buildTrace(differentiate('x^3', { order: 2 }));
    expect(trace.sections.map((s) => toUnicode(s.expr))).toEqual(['x³', '3x²']);
    const text = traceToText(trace);
    expect(text).toContain('Order 2: derivative of 3x² with respect to x');
    expect(text.endsWith('Answer: 6x')).toBe(true);
  });
});

describe('derivations too large to show', () => {
  it('are refused once the orders counted pass the limit, saying how many were counted', () => {
    const d = differentiate('sigmoid(x)', { order: 300 });
    expect(tooLargeToShow(d, 50_000)).toMatch(/^the derivation is too large to show step by step: about \d+ expression nodes in its first \d+ of 300 orders alone, more than the limit of 50000/);
    expect(tooLargeToShow(differentiate('sigmoid(x)', { order: 5 }), 50_000)).toBeUndefined();
    expect(tooLargeToShow(differentiate('sigmoid(x)'), 5)).toMatch(/about \d+ expression nodes, more than the limit of 5 /);
  });
});

describe('tidying rewrites grouped', () => {
  it('make the σ derivation read as by hand: tidy up, add and subtract 1, split, cancel, factor out, substitute σ', () => {
    const trace = buildTrace(differentiate('1/(1+exp(-x))'));
    const groups = rewriteGroups(trace.sections[0]!.rewrites);
    expect(groups.map((g) => (g.kind === 'tidy' ? `tidy ${g.rewrites.length}` : g.rewrite.rule))).toEqual([
      'tidy 5', 'add-and-subtract-one', 'split-fraction', 'cancel-in-each-fraction', 'factor-out', 'substitute-sigmoid',
    ]);
    const tidy = groups[0]!;
    expect(tidy.kind === 'tidy' && toUnicode(tidy.whole)).toBe('e^(−x)/(1 + e^(−x))²');
    expect(tidy.kind === 'tidy' && stepRange(tidy.rewrites)).toBe('2.1–2.5');
    // Every rewrite is in exactly one group, in order.
    expect(groups.flatMap((g) => (g.kind === 'tidy' ? g.rewrites : [g.rewrite]))).toEqual(trace.sections[0]!.rewrites);
  });

  it('are one line in a brief derivation and each its own in a full one', () => {
    const trace = buildTrace(differentiate('1/(1+exp(-x))'));
    const brief = traceToText(trace, { detail: 'brief', notation: 'text' });
    expect(brief).toContain('\n  2.1-2.5 Tidy up (5 rewrites): = exp(-x)/(1 + exp(-x))^2\n  2.6 Add and subtract 1 in the numerator: ');
    expect(brief).not.toContain('Multiply by zero');
    const full = traceToText(trace, { detail: 'full', notation: 'text' });
    expect(full).toContain('2.1 Multiply by zero');
    expect(full).not.toContain('Tidy up');
  });
});
