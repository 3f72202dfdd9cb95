import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/parse/parse.js';
import { simplify, simplifyWithSteps } from '../../src/simplify/simplify.js';
import { tidyRules } from '../../src/simplify/rules.js';
import { toText } from '../../src/print/linear.js';
import { equals } from '../../src/expr/traverse.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { checkDerivative } from '../../src/check/check.js';

const tidy = (input: string): string => toText(simplify(parse(input)));

describe('tidying rules', () => {
  const cases: [string, string, string][] = [
    ['flatten-sum', '(a + b) + c', 'a + b + c'],
    ['add-numbers', '2 + x + 3', '5 + x'],
    ['add-numbers', 'x + 0', 'x'],
    ['add-numbers', '0.1 + 0.2 + x', '0.3 + x'],
    ['cancel-opposite-terms', 'a + b - a', 'b'],
    ['flatten-product', '(a*b)*c', 'a*b*c'],
    ['multiply-by-zero', '0*sin(x)', '0'],
    ['collect-coefficient', 'x*3*(-y)*2', '-6*x*y'],
    ['collect-coefficient', '1*x', 'x'],
    ['collect-coefficient', '(-1)*x', '-x'],
    ['multiply-by-reciprocal', 'a*(1/b)*c', 'a*c/b'],
    ['multiply-by-reciprocal', 'y*exp(x)*(-1/sqrt(x))', '-y*exp(x)/sqrt(x)'],
    ['divide-by-itself', 'sin(x)/sin(x)', '1'],
    ['negate-sum', '-(x - y)', 'y - x'],
    ['negate-sum', '-((x - y)/z)', '(y - x)/z'],
    ['negate-sum', '-((x - y - z)/w)', '(y + z - x)/w'],
    ['negate-sum', '-2*(-x - y)', '2*(x + y)'],
    ['negate-sum', '-2*sin(x)*(-x + y)', '2*sin(x)*(x - y)'],
    ['double-negation', '-(-x)', 'x'],
    ['sign-out-of-quotient', '(-x)/y', '-x/y'],
    ['reduce-numeric-fraction', '2x/2', 'x'],
    ['reduce-numeric-fraction', '4x/6', '2*x/3'],
    ['reduce-numeric-fraction', '-6*sin(x)/4', '-3*sin(x)/2'],
    ['divide-by-one', 'x/1', 'x'],
    ['zero-numerator', '0/x', '0'],
    ['power-of-zero', 'x^0', '1'],
    ['power-of-one', 'x^1', 'x'],
    ['one-to-a-power', '1^x', '1'],
    ['fold-power', '2^10', '1024'],
    ['fold-power', '(1/2)^-2', '4'],
    ['power-of-power', '(x^2)^3', 'x^6'],
    ['zero-to-a-power', '0^x', '0'],
    ['zero-to-a-power', '0^(2^x + x^3 + 2)', '0'],
    ['zero-to-a-power', '0^pi', '0'],
  ];
  it.each(cases)('%s: %s → %s', (rule, input, expected) => {
    const { result, steps } = simplifyWithSteps(parse(input));
    expect(toText(result)).toBe(expected);
    expect(steps.map((s) => s.rule)).toContain(rule);
  });

  it('has a test case for every rule', () => {
    expect(new Set(cases.map(([rule]) => rule))).toEqual(new Set(tidyRules.map((r) => r.id)));
  });

  it('takes 0 to a power to 0 only where the power is above 0: 0^(0^0.1) is 0^0, which is 1', () => {
    expect(tidy('0^0.1')).toBe('0');
    expect(tidy('0^0^0.1 + x')).toBe('1 + x');
    expect(tidy('0^(-1/2)')).not.toBe('0');
  });

  it('takes the sign of a number into a sum only where that leaves fewer minus signs, or none in front', () => {
    expect(tidy('-4*(x - 1)')).toBe('-4*(x - 1)');
    expect(tidy('-4*(x - y - 1)')).toBe('4*(y + 1 - x)');
    expect(tidy('-4*(-x + 1)')).toBe('4*(x - 1)');
    expect(tidy('-4*(x + 1)')).toBe('-4*(x + 1)');
  });

  it('keeps huge powers unfolded', () => {
    expect(tidy('2^100000')).toBe('2^100000');
  });

  it('records each firing with the subexpression before and after', () => {
    const { steps } = simplifyWithSteps(parse('x + 0*y'));
    expect(steps.map((s) => [s.rule, toText(s.before), toText(s.after)])).toEqual([
      ['multiply-by-zero', '0*y', '0'],
      ['add-numbers', 'x + 0', 'x'],
    ]);
  });

  it('reaches a fixed point: tidying twice changes nothing', () => {
    fc.assert(fc.property(expressionTree(), (e) => {
      const once = simplify(e);
      expect(equals(simplify(once), once), toText(e)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('rules that undo each other', () => {
  it('stop at a form met before, within the limits, and the answer still checks', () => {
    // Two groupings of one sum, 8·(a + b) and 8a + 8b, each once found the simpler of the two.
    const d = differentiate('((tan(2*x) + tan(x)) + exp(x))*sigmoid(tanh(-2*x))', { order: 4, timeout: 20 });
    expect(checkDerivative(d).verdict).toBe('verified');
  });
});
