import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAnswer, checkWorking } from '../../src/answer/check-answer.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { toText } from '../../src/print/linear.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Expr } from '../../src/expr/types.js';

/* A wrong answer is never correct: not where it agrees at the fixed points, nor where no double can tell it apart. */

describe('answers that agree at the fixed points but are wrong', () => {
  it.each([
    // Wrong only outside [−13.1, 11.3], the fixed points' span.
    ['abs(x - 15)', '-1'],
    ['max(x^2, 200)', '0'],
    ['relu(x - 20)', '0'],
    // Wrong only between two fixed points.
    ['x^2', '2x + heaviside(x-1)*heaviside(1.2-x)'],
    // Wrong only far out.
    ['1/x', '-1/x^2 + 1e-300*x^200'],
  ])('d/dx %s answered %s is incorrect, at a point where they differ', (input, answer) => {
    const report = checkAnswer(input, answer);
    expect(report.verdict).toBe('incorrect');
    expect(report.where!.yours).not.toBeCloseTo(report.where!.derivative, 6);
  });

  it.each([
    ['x*sqrt(y^2)', 'y'],
    ['x*y', '0.53'],
  ])('d/dx %s answered %s is incorrect: the other variable takes more values than one', (input, answer) => {
    const report = checkAnswer(input, answer, { variable: 'x' });
    expect(report.verdict).toBe('incorrect');
    expect(report.where!.at.y).not.toBe(0.53);
  });

  it.each([
    ['x^2', '2x + 1e-11', undefined],
    ['x^2', '2x*1.000000001', '1.000000001'],
    ['exp(x)', 'exp(x)*(1 + 1e-20)', '1.00000000000000000001'],
  ])('d/dx %s answered %s is incorrect, decided exactly: a number apart, or a constant factor', (input, answer, factor) => {
    const report = checkAnswer(input, answer);
    expect(report).toMatchObject({ verdict: 'incorrect', method: 'symbolic' });
    if (factor) expect(report.mistake).toMatchObject({ id: 'constant-factor', words: `a constant factor is off: yours is ${factor} times the derivative` });
    else expect(report.mistake).toBeUndefined();
  });

  it('finds a difference of 10⁻¹²·sin x, which agrees to twelve digits, from the simplified difference', () => {
    expect(checkAnswer('x^2', '2x + 1e-12*sin(x)').verdict).toBe('incorrect');
    expect(checkAnswer('exp(x)', 'exp(x) + relu(x - 25)').verdict).toBe('incorrect');
    // Past x = 20.5 the derivative has no digit right in doubles and the points are passed over; the
    // simplified difference, relu(x − 20.5), is told from 0 there.
    const hidden = checkAnswer('tanh(exp(2*x))', '2*exp(2*x)*(1 - tanh(exp(2*x))^2) + relu(x - 20.5)');
    expect(hidden.verdict).toBe('incorrect');
    expect(hidden.where?.at.x).toBeGreaterThan(20.5);
    expect(checkAnswer('tanh(exp(2*x))', '2*exp(2*x)/cosh(exp(2*x))^2').verdict).toBe('correct');
  });

  it('finds the working wrong at the line that is, where only the pieces past the fixed points tell', () => {
    const report = checkWorking('abs(x-15)', ['sign(x-15)', '-1']);
    expect(report.verdict).toBe('incorrect');
    expect(report.firstWrong?.line).toBe(2);
    expect(report.firstWrong?.where.at.x).toBeGreaterThan(15);
  });

  it('still finds right answers correct, and right only where defined', () => {
    expect(checkAnswer('abs(x - 15)', 'sign(x - 15)').verdict).toBe('correct');
    expect(checkAnswer('abs(x - 15)', '(x - 15)/abs(x - 15)').verdict).toBe('correct');
    expect(checkAnswer('max(x^2, 200)', '2x*heaviside(x^2 - 200)').verdict).toBe('correct');
    expect(checkAnswer('x*sqrt(y^2)', 'abs(y)').verdict).toBe('correct');
    expect(checkAnswer('sin(x)*cos(x)', 'cos(2x)').verdict).toBe('correct');
    expect(checkAnswer('x', 'sqrt(x)^2/x')).toMatchObject({ verdict: 'correct', partOfDomain: true });
  });
});

describe('the derivative of another order', () => {
  it('names f′ given for f″', () => {
    const report = checkAnswer('x^3', '3x^2', { order: 2 });
    expect(report.verdict).toBe('incorrect');
    expect(report.mistake).toMatchObject({ id: 'wrong-order', words: 'the derivative of the wrong order (this is f′, not f″)' });
  });

  it('names f″ given for f′, and not an order that is 0', () => {
    expect(checkAnswer('x^3', '6x').mistake).toMatchObject({ id: 'wrong-order', words: 'the derivative of the wrong order (this is f″, not f′)' });
    expect(checkAnswer('relu(x - 20)', '0').mistake?.id).not.toBe('wrong-order');
  });
});

describe('properties', () => {
  const runs = Math.min(Number(process.env.DYDX_PROPERTY_RUNS ?? 200), 300);

  /** A term that is not 0 but is tiny, or is 0 on [−20, 20], or is 0 but between two points; and where it is not 0. */
  const term: fc.Arbitrary<{ text: string; inside: readonly number[] }> = fc.oneof(
    fc.tuple(fc.integer({ min: -9, max: 9 }).filter((c) => c !== 0), fc.constantFrom('', '*x', '*(1 + x^2)'))
      .map(([c, times]) => ({ text: `${c}e-12${times}`, inside: [0.37, 1.5, -2.2] })),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.double({ min: 20.5, max: 80, noNaN: true }), fc.boolean())
      .map(([c, a, right]) => (right
        ? { text: `${c}*relu(x - ${a})`, inside: [a + 0.5, a + 3, 2 * a] }
        : { text: `${c}*relu(-x - ${a})`, inside: [-a - 0.5, -a - 3, -2 * a] })),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.double({ min: -15, max: 15, noNaN: true }), fc.double({ min: 1e-3, max: 0.3, noNaN: true }))
      .map(([c, a, width]) => ({
        text: `${c}*heaviside(x - ${a})*heaviside(${a + width} - x)`,
        inside: [a + width / 4, a + width / 2, a + (3 * width) / 4],
      })),
  );

  it('an answer that is the derivative plus a term that is not 0 somewhere is never correct', () => {
    let tried = 0;
    fc.assert(fc.property(expressionTree({ abstract: false, depth: 3, variables: ['x'] }), term, (e, t) => {
      let right: Expr;
      try {
        right = differentiate(e).result;
      } catch {
        return;
      }
      // Only where the derivative has a value where the term is not 0: elsewhere the answer is right where it is defined.
      if (!t.inside.every((x) => Number.isFinite(evaluate(right, { x })))) return;
      const answer = `${toText(right)} + ${t.text}`;
      let verdict;
      try {
        verdict = checkAnswer(e, answer).verdict;
      } catch {
        return;
      }
      tried++;
      expect(verdict, `${toText(e)}: ${answer}`).not.toBe('correct');
    }), { numRuns: runs });
    expect(tried).toBeGreaterThan(runs / 4);
  });
});
