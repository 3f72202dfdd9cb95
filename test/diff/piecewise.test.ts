import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { holdsAt } from '../../src/differentiate/conditions.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { checkDerivative } from '../../src/check/check.js';
import { conditionsIn } from '../../src/print/conditions.js';
import { toText } from '../../src/print/linear.js';
import { parse } from '../../src/parse/parse.js';
import { simplify } from '../../src/simplify/simplify.js';
import { richardson } from '../../src/check/richardson.js';
import { relativeError } from '../../src/check/check.js';

/*
 * Functions with kinks and jumps: the derivative the rules give holds on each side, and the
 * answer says where it does not (at the kink, where there is no derivative).
 */

const cases: [input: string, derivative: string, holds: string, kink: number][] = [
  ['abs(x)', 'sign(x)', 'x != 0', 0],
  ['abs(2x + 1)', '2*sign(2*x + 1)', 'x != -1/2', -0.5],
  ['|x - 3|', 'sign(x - 3)', 'x != 3', 3],
  ['relu(x)', 'heaviside(x)', 'x != 0', 0],
  ['leaky_relu(x, 1/10)', '(1 + 9*heaviside(x))/10', 'x != 0', 0],
  ['max(x, 1)', 'heaviside(x - 1)', 'x != 1', 1],
  ['min(x, 1)', 'heaviside(1 - x)', 'x != 1', 1],
  // Of any number of arguments: the kinks are where the extreme value is taken twice; repeats are one argument.
  ['max(x, 2x, -1)', 'heaviside(x - max(2*x, -1)) + 2*heaviside(2*x - max(x, -1))', 'x - max(2*x, -1) != 0 and 2*x - max(x, -1) != 0', 0],
  ['max(x, x, 1)', 'heaviside(x - 1)', 'x != 1', 1],
  ['max(x, x, 2x)', '2*heaviside(x) + heaviside(-x)', 'x != 0', 0],
  ['sign(x)', '0', 'x != 0', 0],
  ['heaviside(x - 2)', '0', 'x != 2', 2],
  ['floor(x)', '0', 'x is not an integer', 2],
  ['ceil(x/2)', '0', 'x/2 is not an integer', 4],
  ['round(x)', '0', 'x - 1/2 is not an integer', 2.5],
  // A root of relu is 0 where relu is: its slope there is 0, not 0/0.
  ['sqrt(relu(x))', 'heaviside(x)/(2*sqrt(abs(x)))', 'x != 0', 0],
  ['relu(x - 1)^(1/3)', 'heaviside(x - 1)/(3*cbrt(abs(x - 1))^2)', 'x != 1', 1],
  ['relu(x)^(3/4)', '3*heaviside(x)/(4*abs(x)^(1/4))', 'x != 0', 0],
];

describe('functions with kinks and jumps', () => {
  it.each(cases)('d/dx %s = %s, for %s', (input, derivative, holds, kink) => {
    const d = differentiate(input);
    expect(toText(d.result)).toBe(derivative);
    expect(conditionsIn(d.conditions, 'text')).toBe(holds);
    const value = (e: typeof d.result, x: number): number => evaluate(e, { x });
    for (const side of [-1, 1]) {
      // On each side of the kink the answer is the slope.
      const x = kink + side * 0.37;
      expect(relativeError(value(d.result, x), richardson((t) => value(d.input, t), x).value), `${input} at ${x}`).toBeLessThan(1e-7);
      expect(d.conditions.every((c) => holdsAt(c, value(c.left, x), value(c.right, x)))).toBe(true);
    }
    // At the kink it is not.
    expect(d.conditions.some((c) => !holdsAt(c, value(c.left, kink), value(c.right, kink)))).toBe(true);
  });

  it('gives repeated arguments of min and max one share each of the derivative', () => {
    // heaviside(0) = 1/2 for each of three copies would make min(x, x, x)′ 3/2.
    for (const input of ['min(x, x, x)', 'max(x, x)', 'min(min(x, x, x), x, x)']) {
      const d = differentiate(input);
      expect(toText(d.result), input).toBe('1');
      expect(d.conditions, input).toEqual([]);
    }
  });

  it('says nothing where the derivative holds everywhere', () => {
    expect(differentiate('x^2*sin(x)').conditions).toEqual([]);
    expect(differentiate('abs(3)*x').conditions).toEqual([]);
  });

  it('gives a root of relu a slope of 0 on the whole side where relu is 0, at every order', () => {
    for (const order of [1, 2]) {
      const d = differentiate('sqrt(relu(x))', { order });
      for (const x of [-13.1, -2, -0.001]) expect(evaluate(d.result, { x }), `order ${order} at ${x}`).toBe(0);
      expect(checkDerivative(d).verdict, `order ${order}`).toBe('verified');
    }
  });

  it('works out the functions with kinks at numbers other than the kink', () => {
    const cases: [string, string][] = [
      ['sign(-2) + x', 'x - 1'], ['heaviside(3)*x', 'x'], ['heaviside(-1/2) + x', 'x'], ['relu(-1)*x + relu(5)', '5'],
      ['abs(-3)*x', '3*x'], ['leaky_relu(-2)*x', '-x/50'], ['elu(-1, 2)*x', '2*x*(exp(-1) - 1)'],
    ];
    for (const [input, simplified] of cases) expect(toText(simplify(parse(input))), input).toBe(simplified);
    // At the kink, the table's own value: heaviside(0) = 1/2, sign(0) = 0.
    expect(toText(simplify(parse("heaviside(0)*x + sign(0)")))).toBe('x/2');
  });

  it('keeps the conditions of every order', () => {
    expect(conditionsIn(differentiate('x*abs(x)', { order: 2 }).conditions, 'unicode')).toBe('x ≠ 0');
  });

  it('does not check the answer at a kink', () => {
    // 0.37 is one of the check's points: |x − 0.37| has no derivative there.
    const report = checkDerivative(differentiate('abs(x - 0.37)'));
    expect(report.verdict).toBe('verified');
    expect(report.pointsUsed).toBe(report.pointsTried - 1);
  });
});
