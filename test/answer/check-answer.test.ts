import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAnswer } from '../../src/answer/check-answer.js';
import { mistakes, type MistakeId } from '../../src/answer/mistakes.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { answerLines } from '../../src/print/answer.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { toText } from '../../src/print/linear.js';
import { derive } from '../../src/diff/differentiate.js';
import type { DiffStep } from '../../src/diff/steps.js';
import type { Expr } from '../../src/expr/types.js';
import { equals } from '../../src/expr/traverse.js';
import { simplify } from '../../src/simplify/simplify.js';
import { evaluate } from '../../src/evaluate/evaluate.js';

/* A student's derivative: right in any form, wrong with the mistake that explains it named at its step. */

/** For each mistake of the catalogue: a function, the answer a student who makes it gives, and the step it is made at. */
const byMistake: readonly (readonly [MistakeId, string, string, string])[] = [
  ['chain-inner-dropped', 'sin(x^2)', 'cos(x^2)', '1'],
  ['exp-inner-dropped', 'exp(-x)', 'exp(-x)', '1'],
  ['log-inner-dropped', 'log(x^2 + 1)', '1/(x^2 + 1)', '1'],
  ['derivative-inside', 'sin(x^2)', 'cos(2x)', '1'],
  ['product-of-derivatives', 'x^2*sin(x)', '2x*cos(x)', '1'],
  ['product-rule-minus', 'x^2*sin(x)', '2x*sin(x) - x^2*cos(x)', '1'],
  ['quotient-numerator-swapped', 'x/(x + 1)', '(x - (x + 1))/(x + 1)^2', '1'],
  ['quotient-rule-plus', 'x/(x + 1)', '((x + 1) + x)/(x + 1)^2', '1'],
  ['quotient-denominator-not-squared', 'x^2/(x + 1)', '(2x(x + 1) - x^2)/(x + 1)', '1'],
  ['quotient-of-derivatives', 'sin(x)/x^2', 'cos(x)/(2x)', '1'],
  ['reciprocal-of-derivative', '1/(x^2 + 1)', '1/(2x)', '1'],
  ['power-rule-on-exponential', '2^x', 'x*2^(x - 1)', '1'],
  ['exponential-without-ln', '3^(2x)', '2*3^(2x)', '1'],
  ['power-rule-on-variable-exponent', 'x^x', 'x*x^(x-1)', '1'],
  ['exponential-rule-on-variable-base', 'x^x', 'x^x*ln(x)', '1'],
  ['power-not-lowered', 'x^3 + x', '3x^3 + 1', '1.1'],
  ['trig-sign', 'x^2 + cos(x)', '2x + sin(x)', '1.2'],
  ['power-exponent-raised', 'x^3 - 1', '3x^4', '1.1'],
  ['tan-not-squared', 'tan(2x)', '2sec(2x)', '1'],
  ['sqrt-as-reciprocal', 'sqrt(x^2 + 1)', '2x/sqrt(x^2 + 1)', '1'],
  ['constant-kept-in-sum', 'x^2 + 5', '2x + 5', '1'],
  ['constant-factor-dropped', '3x^2', '2x', '1'],
];

describe('the catalogue of mistakes', () => {
  it('has a case below for every entry', () => {
    expect(new Set(byMistake.map(([id]) => id))).toEqual(new Set(mistakes.map((m) => m.id)));
  });

  it.each(byMistake)('%s: d/dx %s answered %s is incorrect, with that mistake at step %s', (id, input, answer, step) => {
    const report = checkAnswer(input, answer);
    expect(report.verdict).toBe('incorrect');
    expect(report.mistake?.id).toBe(id);
    expect(report.mistake?.step?.join('.')).toBe(step);
    expect(report.mistake?.with).toBeUndefined();
  });
});

describe('answers', () => {
  it('finds an answer wrong by a constant factor where a step multiplies a huge part by 0', () => {
    // 1 − heaviside(u) is exactly 0 here, times e^(x + 44): no rounding noise to hide a factor e + 1 in.
    const f = 'exp(elu(e + (e + x + 38.7) + 0, e + e + 0))';
    const wrong = `${f}*((heaviside(e + (e + x + 38.7) + 0) + (1 - heaviside(e + (e + x + 38.7) + 0))*(e + e + 0)*exp(e + (e + x + 38.7) + 0))*(e + 1))`;
    expect(checkAnswer(f, wrong).verdict).toBe('incorrect');
  });

  it.each([
    // Right, in any form.
    ['x^2*sin(x)', '2x*sin(x) + x^2*cos(x)', 'correct'],
    ['x^2*sin(x)', 'x(2sin(x) + x cos(x))', 'correct'],
    ['x^2*sin(x)', 'x^2 cos x + 2x sin x', 'correct'],
    ['1/(1+exp(-x))', 'exp(-x)/(1+exp(-x))^2', 'correct'],
    ['1/(1+exp(-x))', 'sigmoid(x)*(1 - sigmoid(x))', 'correct'],
    ['1/(1+exp(-x))', 'sigmoid(x) - sigmoid(x)^2', 'correct'],
    ['tanh(x)', '1 - tanh(x)^2', 'correct'],
    ['tanh(x)', '1/cosh(x)^2', 'correct'],
    ['tan(x)', 'sec(x)^2', 'correct'],
    ['tan(x)', '1 + tan(x)^2', 'correct'],
    ['sin(x)^2', 'sin(2x)', 'correct'],
    ['log(x^2)', '2/x', 'correct'],
    ['x^x', 'x^x*(log(x) + 1)', 'correct'],
    ['exp(2x)', '2e^(2x)', 'correct'],
    ['sqrt(x^2)', 'x/abs(x)', 'correct'],
    ['sqrt(x^2)', 'sign(x)', 'correct'],
    ['abs(x)', 'x/sqrt(x^2)', 'correct'],
    ['x^2 - 1', '2x', 'correct'],
    ['(x + 1)^2', '2x + 2', 'correct'],
    ['sin(x)*cos(x)', 'cos(x)^2 - sin(x)^2', 'correct'],
    ['sin(x)*cos(x)', 'cos(2x)', 'correct'],
    ['log(sin(x))', 'cot(x)', 'correct'],
    ['atan(x)', '1/(1 + x^2)', 'correct'],
    ['x*y^2', 'y^2', 'correct'],
    ['x^3/3 - x', '(x - 1)(x + 1)', 'correct'],
    ['exp(x)^2', '2exp(2x)', 'correct'],
    ['log(x)/log(10)', '1/(x*log(10))', 'correct'],
    ['log(x, 10)', '1/(x log(10))', 'correct'],
    ['cosh(x)^2 - sinh(x)^2', '0', 'correct'],
    ['sin(x)^2 + cos(x)^2', '0', 'correct'],
    ['1/x', '-x^(-2)', 'correct'],
    ['sqrt(x)', 'x^(-1/2)/2', 'correct'],
    ['x^(1/3)', '1/(3 cbrt(x)^2)', 'correct'],
    ['softplus(x)', 'sigmoid(x)', 'correct'],
    ['x*sigmoid(x)', 'sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))', 'correct'],
    ['asin(x)', '1/sqrt(1 - x^2)', 'correct'],
    // Wrong by two mistakes, or by slips no rule explains.
    ['x^3*cos(x)', '3x^3*sin(x)', 'incorrect'],
    ['x^2 + 3', '2x + 3 + 1', 'incorrect'],
    ['exp(x^2)', 'exp(2x)', 'incorrect'],
    ['1/(1+exp(-x))', 'sigmoid(x)*(1 + sigmoid(x))', 'incorrect'],
    // Wrong on part of the line: x and √(x²) differ for x < 0.
    ['x^2/2', 'sqrt(x^2)', 'incorrect'],
    ['x^2/2', 'abs(x)', 'incorrect'],
    // Wrong, by no entry of the catalogue.
    ['x*sin(x^2)', 'cos(x^2) - 2x^2*sin(x^2)', 'incorrect'],
    ['exp(x)*sin(x)', 'exp(x)*cos(x) + 1', 'incorrect'],
  ] as const)('d/dx %s answered %s is %s', (input, answer, verdict) => {
    expect(checkAnswer(input, answer).verdict).toBe(verdict);
  });

  it('counts no point where the values have no digit right: a wrong answer there is not found correct', () => {
    // u = (x + 2e)^54.1 is past 10⁴⁰ over most of the line, and sin(u) there is rounding alone.
    const dropped = checkAnswer('Si((e + x + e)^54.1)', 'sinc((e + x + e)^54.1)');
    expect(dropped.verdict).not.toBe('correct');
    expect(checkAnswer('Si((e + x + e)^54.1)', '54.1*sinc((x + 2*e)^54.1)*(x + 2*e)^53.1').verdict).toBe('correct');
  });

  it('says where a wrong answer differs, with both values', () => {
    const report = checkAnswer('x^2/2', 'sqrt(x^2)');
    expect(report.where?.at.x).toBeLessThan(0);
    expect(report.where?.yours).toBeCloseTo(-report.where!.derivative, 12);
  });

  it('says when an answer is right only where it is defined', () => {
    const report = checkAnswer('x', 'sqrt(x)^2/x');
    expect(report.verdict).toBe('correct');
    expect(report.partOfDomain).toBe(true);
    expect(answerLines(report, 'text')[1]).toMatch(/^ {2}but only where it is defined: at x = -0\.81 yours is undefined and the derivative is 1$/);
  });

  it('finds two mistakes made together, each at its step', () => {
    const report = checkAnswer('x^3 + sin(x)', '3x^3 - cos(x)');
    expect(report.mistake?.id).toBe('power-not-lowered');
    expect(report.mistake?.step).toEqual([1, 1]);
    expect(report.mistake?.with?.id).toBe('trig-sign');
    expect(report.mistake?.with?.step).toEqual([1, 2]);
  });

  it('names a constant factor off when no step explains it', () => {
    expect(checkAnswer('x^2', '4x').mistake).toMatchObject({ id: 'constant-factor', words: 'a constant factor is off: yours is 2 times the derivative' });
  });

  it('says whether the answer is in simplest form and gives the derivative beside it', () => {
    expect(checkAnswer('x^2*sin(x)', '2x*sin(x) + x^2*cos(x)').simplest).toBe(true);
    const long = checkAnswer('1/(1+exp(-x))', 'exp(-x)/(1+exp(-x))^2');
    expect(long.simplest).toBe(false);
    expect(answerLines(long, 'text')).toEqual(['answer: correct (the difference simplifies to 0); a simpler form is sigmoid(x)*(1 - sigmoid(x))']);
  });

  it('shows the mistaken step beside the right one', () => {
    expect(answerLines(checkAnswer('sin(x^2)', 'cos(x^2)'), 'text')).toEqual([
      'answer: incorrect (at x = 0.37 yours is 0.990644 and the derivative is 0.733076)',
      "likely mistake, at step 1: the chain rule's inner derivative (x^2)' = 2*x is left out",
      "  right: (sin(x^2))' = 2*x*cos(x^2)",
      "  yours: (sin(x^2))' = cos(x^2)",
      'derivative: 2*x*cos(x^2)',
    ]);
  });

  it('refuses an answer that asks for a derivative instead of giving one', () => {
    expect(() => checkAnswer('x^2', 'd/dx x^2')).toThrow(/the answer is an expression equal to the derivative/);
  });
});

describe('properties', () => {
  const runs = Math.min(Number(process.env.DYDX_PROPERTY_RUNS ?? 200), 300);

  it("dydx's own derivative is never incorrect", () => {
    let correct = 0;
    fc.assert(fc.property(expressionTree({ abstract: false, depth: 3, variables: ['x'] }), (e) => {
      let d;
      try {
        d = differentiate(e);
      } catch {
        return;
      }
      const report = checkAnswer(e, d.result);
      expect(report.verdict, `${toText(e)}: ${toText(d.result)}`).not.toBe('incorrect');
      if (report.verdict === 'correct') correct++;
    }), { numRuns: runs });
    expect(correct).toBeGreaterThan(runs / 2);
  });

  it('a mistake of the catalogue made at one place is found incorrect, and named as that mistake most of the time', () => {
    let made = 0;
    let named = 0;
    fc.assert(fc.property(expressionTree({ abstract: false, depth: 3, variables: ['x'] }), fc.nat(), (e, pick) => {
      let root: DiffStep;
      try {
        root = derive(e, 'x');
      } catch {
        return;
      }
      // Every (mistake, place) that can be made in this derivation; one of them, chosen at random.
      const all: { id: string; part: DiffStep; result: Expr }[] = [];
      const visit = (step: DiffStep): void => {
        if (step.variable === 'x') for (const m of mistakes) for (const r of m.make(step)) all.push({ id: m.id, part: step, result: r.result });
        step.substeps.forEach(visit);
      };
      visit(root);
      if (all.length === 0) return;
      const chosen = all[pick % all.length]!;
      const wrong = derive(e, 'x', { replace: (part, step) => (equals(part, chosen.part.expr) ? { ...step, result: chosen.result } : undefined) }).result;
      const right = root.result;
      // Only where the mistake changes the value somewhere.
      const differs = [0.37, -0.81, 1.23, 2.11].some((x) => {
        const [a, b] = [evaluate(wrong, { x }), evaluate(right, { x })];
        return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b));
      });
      if (!differs) return;
      let report;
      try {
        report = checkAnswer(e, simplify(wrong));
      } catch {
        return;
      }
      made++;
      expect(report.verdict, `${toText(e)} with ${chosen.id}: ${toText(wrong)}`).not.toBe('correct');
      if (report.mistake?.id === chosen.id) named++;
    }), { numRuns: runs });
    expect(made).toBeGreaterThan(runs / 10);
    // Another mistake can give the same answer (cos′ = sin is also the power rule kept …); most are named as made.
    expect(named / made).toBeGreaterThan(0.6);
    console.log(`mistakes made: ${made}, named as made: ${named} (${((100 * named) / made).toFixed(0)}%)`);
  });
});