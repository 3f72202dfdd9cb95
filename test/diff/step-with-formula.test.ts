import { describe, expect, it } from 'vitest';
import { derive } from '../../src/diff/differentiate.js';
import { stepWith, withFormula } from '../../src/diff/step-with-formula.js';
import type { DiffStep } from '../../src/diff/steps.js';
import { parse } from '../../src/parse/parse.js';
import * as build from '../../src/expr/factory.js';
import { toText } from '../../src/print/linear.js';

/*
 * A rule with parts writes its formula (the rule with its parts' derivatives left to work out)
 * when the formula is first read (src/diff/step-with-formula.ts).
 */

/** Each step of a derivation, its rule and formula printed, parts after the whole. */
function formulas(input: string): string[] {
  const shown: string[] = [];
  const walk = (s: DiffStep): void => {
    shown.push(`${s.rule}: ${toText(s.formula)}`);
    s.substeps.forEach(walk);
  };
  walk(derive(parse(input), 'x'));
  return shown;
}

describe("a rule's formula, written when it is read", () => {
  it('is the rule with its parts still to differentiate, for each rule with parts', () => {
    expect(formulas('x^2 + sin(x)')[0]).toBe("sum: (x^2)' + (sin(x))'");
    expect(formulas('-(x^2)')[0]).toBe("negation: -(x^2)'");
    expect(formulas('3*x^2*y')[0]).toBe("constant-multiple: 3*(x^2)'*y");
    expect(formulas('x^2/5')[0]).toBe("constant-multiple: (x^2)'/5");
    expect(formulas('x*sin(x)')[0]).toBe("product: x'*sin(x) + x*(sin(x))'");
    expect(formulas('x/(1 + x)')[0]).toBe("quotient: (x'*(1 + x) - x*(1 + x)')/(1 + x)^2");
    expect(formulas('sin(x^2)')[0]).toBe("chain: cos(x^2)*(x^2)'");
    expect(formulas('x^x')[0]).toBe("general-power: x^x*(x'*log(x) + x*(x'/x))");
    expect(formulas('abs(2x + 1)')[0]).toBe("chain: sign(2*x + 1)*(2*x + 1)'");
  });

  it('is written once, when first read, and kept by a copy of the step with another result', () => {
    let written = 0;
    const x = build.variable('x');
    const part = derive(x, 'x');
    const step = withFormula({ rule: 'negation', expr: build.neg(x), variable: 'x', bindings: { u: x }, result: build.int(-1), substeps: [part] }, () => {
      written++;
      return build.neg(build.derivative(x, 'x'));
    });
    expect(written).toBe(0);
    expect(toText(step.formula)).toBe("-x'");
    expect(toText(step.formula)).toBe("-x'");
    expect(written).toBe(1);
    const changed = stepWith(step, { result: build.int(2) });
    expect(toText(changed.result)).toBe('2');
    expect(toText(changed.formula)).toBe("-x'");
    expect(changed.substeps).toEqual([part]);
    expect(written).toBe(1);
  });

  it('keeps its formula where the places a function has no derivative are added to the step', () => {
    const step = derive(parse('abs(x^2 - 1)'), 'x');
    expect(step.exceptWhere).toHaveLength(1);
    expect(toText(step.formula)).toBe("sign(x^2 - 1)*(x^2 - 1)'");
  });
});
