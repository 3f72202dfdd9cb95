import { describe, expect, it } from 'vitest';
import { differentiate, type Derivative } from '../../src/differentiate/differentiate.js';
import { checkDerivative, checkPoints, relativeError } from '../../src/check/check.js';
import { richardson } from '../../src/check/richardson.js';
import { plainVerdict, verdictLine } from '../../src/check/verdict.js';
import { functionTable, type FunctionName } from '../../src/functions/table.js';
import type { Template } from '../../src/functions/template.js';
import { parse } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import type { Expr } from '../../src/expr/types.js';

/** The built-in table with one derivative replaced: the fault a check must catch. */
function tableWith(name: FunctionName, derivative: Template<FunctionName>) {
  return { ...functionTable, [name]: { ...functionTable[name], derivative } };
}

/** The derivative with another (first-order) answer put in its place. */
function withAnswer(d: Derivative, result: Expr): Derivative {
  return { ...d, result, derivations: [{ ...d.derivations[0]!, result }] };
}

describe('Richardson extrapolation', () => {
  it('estimates derivatives to about ten digits', () => {
    expect(relativeError(richardson(Math.exp, 1.3).value, Math.exp(1.3))).toBeLessThan(1e-11);
    expect(relativeError(richardson(Math.sin, 0.4).value, Math.cos(0.4))).toBeLessThan(1e-11);
    expect(relativeError(richardson((x) => 1 / x, 0.37).value, -1 / 0.37 ** 2)).toBeLessThan(1e-9);
  });
  it('reports a large error at a kink and NaN where undefined', () => {
    expect(richardson(Math.abs, 0.001).error).toBeGreaterThan(1e-3);
    expect(richardson(Math.log, 0.001).value).toBeNaN();
  });
});

describe('checkDerivative', () => {
  it.each([
    '1/(1+exp(-x))', 'x^x', 'tanh(3x+1)', 'sigmoid(w*x+b)', 'log(x)', 'sqrt(1 - x^2)', 'acosh(x)', 'abs(x)', 'f(x^2)*g(x)', 'x^(1/3)',
  ])('verifies d/dx %s at several points', (input) => {
    const report = checkDerivative(differentiate(input));
    expect(report.verdict).toBe('verified');
    expect(report.pointsUsed).toBeGreaterThanOrEqual(5);
    expect(report.worstError).toBeLessThan(1e-6);
    expect(report.failures).toEqual([]);
  });

  it('skips the points where the function is not defined or not differentiable', () => {
    // √(1 − x²) is defined on [−1, 1]; |x| has a kink at 0 that the smallest point's stencil
    // crosses in doubles, and a narrower one in arbitrary precision does not.
    const root = checkDerivative(differentiate('sqrt(1 - x^2)'));
    expect(root.pointsUsed).toBe(checkPoints.filter((x) => Math.abs(x) < 0.99).length);
    expect(root.range![0]).toBeGreaterThan(-1);
    expect(root.range![1]).toBeLessThan(1);
    const abs = checkDerivative(differentiate('abs(x)'));
    expect(abs.pointsUsed).toBe(checkPoints.length);
    expect(abs.precise).toMatchObject({ tried: 1, points: 1 });
  });

  it('takes no disagreement within the answer\'s own rounding for a failure: GELU′ at −13.1, where 1 + erf is rounding about 1', () => {
    const gelu = checkDerivative(differentiate('gelu(x)'));
    expect([gelu.verdict, gelu.pointsUsed]).toEqual(['verified', checkPoints.length]);
    // A slope off by more than that rounding still fails.
    const right = differentiate('gelu(x)');
    const off = { ...right, derivations: [{ ...right.derivations[0]!, result: parse(`${toText(right.result)} + 1/100000`) }] };
    expect(checkDerivative(off).verdict).toBe('failed');
  });

  it('says so when no point can be used, rather than passing', () => {
    const report = checkDerivative(differentiate('log(-x^2 - 1)'));
    expect(report.verdict).toBe('unchecked');
    expect(report.pointsUsed).toBe(0);
    expect(report.worstError).toBeNaN();
    expect(verdictLine(report)).toBe('check: not verified: none of the 24 points tried could be used: 24 where the expression is undefined or not real nearby');
  });

  it('fails an answer with no value where the function is smooth, rather than skipping those points', () => {
    // (x²)^(1/4) is defined on the whole line; an answer with √x in it has no value for x < 0.
    const d = differentiate('(x^2)^(1/4)');
    const report = checkDerivative(withAnswer(d, parse('1/(2*sqrt(x))')));
    expect(report.verdict).toBe('failed');
    expect(report.failures[0]!.at.x).toBeLessThan(0);
    expect(report.failures[0]!.left).toBeNaN();
    expect(checkDerivative(d).verdict).toBe('verified');
  });

  it('works out in arbitrary precision an answer whose parts pass the double range where its value does not, rather than failing it', () => {
    // At x = 11.3 the denominator (e^(2x²) − x)⁴ is past 10³⁰⁸, and the answer NaN in doubles; its value is about 10⁻⁸⁷.
    const d = differentiate('(x*exp(4x) - x)/(exp(2x^2) - x)', { order: 2 });
    const report = checkDerivative(d);
    expect(report.failures).toEqual([]);
    expect(report.pointsUsed).toBe(report.pointsTried);
    // Compared there, not passed over.
    const there = checkDerivative(d, { at: { x: 11.3 } });
    expect(there.verdict).toBe('verified');
    expect(there.pointsUsed).toBe(1);
  });

  it('compares a tiny slope relative to its size, not absolutely', () => {
    const d = differentiate('1e-13*(x^4)^(1/4)');
    expect(checkDerivative(d).verdict).toBe('verified');
    // The right size, the wrong sign for x < 0: |Δ| is 2·10⁻¹³, far below an absolute 10⁻⁶.
    expect(checkDerivative(withAnswer(d, parse('0.0000000000001'))).verdict).toBe('failed');
  });

  it('compares in arbitrary precision where doubles cannot resolve the slope, and fails a wrong answer there', () => {
    for (const input of ['1e16 + x', 'exp(40) + x', '1e20 + sin(x)']) {
      const report = checkDerivative(differentiate(input));
      expect(report.verdict, input).toBe('verified');
      expect(report.precise?.points, input).toBeGreaterThan(0);
      expect(verdictLine(report), input).toMatch(/in \d+-digit arithmetic \(doubles could not settle the slope there\)/);
    }
    expect(checkDerivative(withAnswer(differentiate('1e16 + x'), parse('2'))).verdict).toBe('failed');
    expect(checkDerivative(withAnswer(differentiate('exp(40) + x'), parse('1.00001'))).verdict).toBe('failed');
    // An answer with no value where the function is smooth fails there too.
    expect(checkDerivative(withAnswer(differentiate('1e16 + x'), parse('sqrt(x)/sqrt(x)'))).verdict).toBe('failed');
  });

  it('says a slope cannot be resolved where more digits do not settle the function, rather than failing', () => {
    // cot(π) has no value: in doubles it is 8·10¹⁵, and with more digits it only grows.
    // differentiate refuses it; a derivative put together by hand can still hold it.
    const d = differentiate('7 - x');
    const input = parse('cot(pi) - x');
    const report = checkDerivative({ ...d, input, derivations: [{ ...d.derivations[0]!, expr: input }] });
    expect(report.verdict).toBe('unchecked');
    expect(report.skipped.unresolvable).toBe(24);
    expect(verdictLine(report)).toMatch(/cannot resolve the slope; in arbitrary precision \(up to 1000 digits\) the values did not settle at the \d+ points tried either$/);
  });

  it('checks σ⁽⁴⁰⁾, whose coefficients reach 10⁴⁷ and cancel, in arbitrary precision, and fails it 10⁻⁵ off', () => {
    const d = differentiate('sigmoid(x)', { order: 40 });
    const report = checkDerivative(d);
    expect(report.verdict).toBe('verified');
    expect(report.precise?.points).toBeGreaterThan(0);
    expect(report.precise?.digits).toBeGreaterThan(47);
    const last = d.derivations.at(-1)!;
    const wrong = parse(`1.00001*(${toText(last.result)})`);
    expect(checkDerivative({ ...d, result: wrong, derivations: [...d.derivations.slice(0, -1), { ...last, result: wrong }] }).verdict).toBe('failed');
  });

  it.each([
    ['(x^2)^(1/4)', '1/(2*sqrt(x))'],
    ['(x*x)^(3/4)', '3*x/(2*sqrt(x))'],
    ['(x^4)^(1/4)', '1'],
    ['(x^2)^(1/6)', '1/(3*x^(2/3))'],
    ['1e-13*(x^4)^(1/4)', '0.0000000000001'],
    ['1e16 + x', '2'],
    ['sigmoid(x)', 'sigmoid(x)*(1 + sigmoid(x))'],
  ])('fails the wrong answer d/dx %s = %s, which once passed or was given', (input, wrong) => {
    expect(checkDerivative(withAnswer(differentiate(input), parse(wrong))).verdict).toBe('failed');
  });

  it.each([
    ['abs(x)', 2, '(abs(x)^2 - x^2)/abs(x)^3'],
    ['x*atan(x) - log(1 + x^2)/2', 1, 'atan(x) + x/(1 + x^2) + x/(-x^2 - 1)'],
    ['(x^2)^(1/4)', 1, 'x/(2*abs(x)^(3/2))'],
    ['1.5^1000*x', 1, '1.5^1000'],
    ['exp(40) + x', 1, '1'],
    // sin of 10¹⁶ + x: its rounding is |cos| times that of 10¹⁶, not what a relative step would show.
    ['2^sin(1e16 + x)', 1, '2^sin(1e16 + x)*log(2)*cos(1e16 + x)'],
  ] as const)('passes a right answer however it is written: %s, order %s, as %s', (input, order, right) => {
    const d = differentiate(input, { order });
    const last = d.derivations.at(-1)!;
    const answer = parse(right);
    const report = checkDerivative({ ...d, result: answer, derivations: [...d.derivations.slice(0, -1), { ...last, result: answer }] });
    expect(report.verdict).toBe('verified');
  });

  it('handles values far past the double range in arbitrary precision without writing them out: e^(x^x^(x·x))', () => {
    // At x = 11.3, x^x^(x·x) is about 10^(10^134): its digits are never spelled.
    const report = checkDerivative(differentiate('exp(x^x^(x*x))'));
    expect(report.verdict).not.toBe('failed');
    expect(report.pointsUsed).toBeGreaterThan(3);
  });

  it('stops at its time limit and judges by the points it reached, saying how many it did not try', () => {
    const d = differentiate('sigmoid(x)', { order: 30 });
    const report = checkDerivative(d, { timeout: 1e-9 });
    expect(report.stopped).toEqual({ pointsLeft: 24 });
    expect(report.verdict).toBe('unchecked');
    expect(verdictLine(report)).toBe('check: not verified; stopped at the limit on time (--timeout, timeout), with 24 of the 24 points not tried');
    expect(checkDerivative(d).stopped).toBeUndefined();
  });

  it('gives the other variables fixed values and names them', () => {
    const report = checkDerivative(differentiate('sigmoid(w*x + b)'));
    expect(Object.keys(report.fixed).sort()).toEqual(['b', 'w']);
    expect(verdictLine(report)).toMatch(/^check: verified at 24 of 24 points \(x from -13\.1 to 11\.3 with b = 0\.53, w = -0\.77\)/);
  });

  it('checks at one point when given one, with the other variables at theirs, and fails a wrong slope there', () => {
    const d = differentiate('x^3*y');
    const report = checkDerivative(d, { at: { x: 2, y: 1 } });
    expect(report).toMatchObject({ verdict: 'verified', pointsTried: 1, pointsUsed: 1, range: [2, 2], fixed: { y: 1 } });
    expect(verdictLine(report)).toMatch(/^check: verified at x = 2 with y = 1 against finite differences/);
    // 3x²y + 1/10 is wrong at every point: at x = 2 the check names that point.
    const wrong = checkDerivative(withAnswer(d, parse('3*x^2*y + 1/10')), { at: { x: 2, y: 1 } });
    expect(wrong.verdict).toBe('failed');
    expect(wrong.failures[0]!.at).toEqual({ x: 2, y: 1 });
  });

  it('checks every order of a higher derivative', () => {
    const report = checkDerivative(differentiate('sigmoid(x)', { order: 5 }));
    expect(report.verdict).toBe('verified');
    expect(report.worstError).toBeLessThan(1e-6);
  });

  it('fails a wrong answer: cos′ = sin in a copy of the table', () => {
    const report = checkDerivative(differentiate('x*cos(x)', { functions: tableWith('cos', ['sin', 'u']) }));
    expect(report.verdict).toBe('failed');
    expect(report.failures[0]!.what).toBe('answer');
    expect(verdictLine(report)).toMatch(/^check: FAILED for the answer, at x = 0\.37: the derivative is .*, finite differences give/);
  });

  it('fails a wrong order in a higher derivative', () => {
    const report = checkDerivative(differentiate('tanh(x)', { order: 2, functions: tableWith('tanh', ['mul', 2, ['tanh', 'u']]) }));
    expect(report.verdict).toBe('failed');
  });

  it('with steps, checks every equality the derivation shows', () => {
    const report = checkDerivative(differentiate('1/(1+exp(-x))'), { steps: true });
    expect(report.verdict).toBe('verified');
    expect(report.equalities).toEqual({ total: 22, checked: 22 });
    expect(verdictLine(report)).toMatch(/22 of 22 equalities of the derivation hold$/);
  });

  it('with steps, names the step that is wrong', () => {
    // A wrong rule makes its own step false, and the answer with it.
    const d = differentiate('exp(sin(x))', { functions: tableWith('sin', ['sin', 'u']) });
    const report = checkDerivative(d, { steps: true });
    expect(report.verdict).toBe('failed');
    expect(report.failures.map((f) => f.what)).toEqual(['answer', '1 chain rule', '1.2 derivative of sin']);
    expect(report.failures.map((f) => [f.order, f.step])).toEqual([[1, undefined], [1, [1]], [1, [1, 2]]]);
    expect(verdictLine(report)).toMatch(/^check: FAILED at step 1\.2 derivative of sin, at x = 0\.37: the two sides are 0\.9323 and 0\.3616, .* \(the answer and step 1 disagree too\)$/);
  });

  it('catches a simplification that changes the value', () => {
    const d = differentiate('x^3');
    const wrong: Derivative = { ...d, result: parse('3*x'), derivations: [{ ...d.derivations[0]!, result: parse('3*x') }] };
    expect(checkDerivative(wrong).verdict).toBe('failed');
  });
});

describe('the verdict in plain words', () => {
  it('says where it was checked and that every step holds, without the error or the word "finite differences"', () => {
    const d = differentiate('1/(1+exp(-x))');
    const report = checkDerivative(d, { steps: true });
    expect(plainVerdict(report)).toBe('Checked at 24 points, x from −13.1 to 11.3: the answer agrees with the slope measured there, and every step of the derivation holds.');
    expect(plainVerdict(checkDerivative(d))).toBe('Checked at 24 points, x from −13.1 to 11.3: the answer agrees with the slope measured there.');
  });

  it('names the values given to the other variables and the points that could not be used, with the reason', () => {
    expect(plainVerdict(checkDerivative(differentiate('sqrt(1 - x^2)'))))
      .toMatch(/^Checked at \d+ points, x from −0\.\d+ to 0\.\d+: the answer agrees with the slope measured there\. The other \d+ points tried could not be used: the function is undefined or not real near them\.$/);
    expect(plainVerdict(checkDerivative(differentiate('sigmoid(w*x + b)', { variable: 'x' })))).toMatch(/, with b = [−\d.]+ and w = [−\d.]+: /);
    expect(plainVerdict(checkDerivative(differentiate('sin(x^2)'), { steps: true }))).toMatch(/\. The other point tried could not be used: the slope could not be measured there/);
  });

  it('says where a step fails and what its sides are', () => {
    const d = differentiate('x*cos(x)', { functions: tableWith('cos', ['sin', 'u']) });
    expect(plainVerdict(checkDerivative(d, { steps: true }))).toMatch(/^At x = [−\d.]+, step 1\.2 \(derivative of cos\) does not hold: its two sides are [−\d.e+]+ and [−\d.e+]+\.$/);
    expect(plainVerdict(checkDerivative(d))).toMatch(/^At x = [−\d.]+, the answer gives [−\d.e+]+, but the slope measured there is [−\d.e+]+\.$/);
  });

  it('says why nothing could be checked', () => {
    expect(plainVerdict(checkDerivative(differentiate('log(-x^2 - 1)')))).toBe('None of the 24 points tried could be used: the function is undefined or not real near them.');
    expect(plainVerdict(checkDerivative(differentiate('sigmoid(x)', { order: 30 }), { timeout: 1e-9 }))).toBe('The time ran out before any point could be compared.');
  });
});
