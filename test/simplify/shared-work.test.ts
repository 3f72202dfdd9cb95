import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as build from '../../src/expr/factory.js';
import { parse } from '../../src/parse/parse.js';
import { simplify, simplifyWithSteps, SimplifyMemo } from '../../src/simplify/simplify.js';
import { normalIfSmaller, quotientWorthTrying, sumGroups } from '../../src/simplify/normal-form-rules.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { gradient } from '../../src/multivariate/partials.js';
import { equals } from '../../src/expr/traverse.js';
import { toText } from '../../src/print/linear.js';
import { rewriteInSigmoid } from '../../src/simplify/sigmoid.js';
import type { Add, Div } from '../../src/expr/types.js';
import { expressionTree } from '../helpers/arbitraries.js';

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 300);

describe('work shared between simplifications', () => {
  it('a part done by another simplification gives the same result and its steps are recorded again', () => {
    const e = parse('(x^2*y + 2*x^2*y)*(1 - tanh(x*y)^2) + 0*x');
    const alone = simplifyWithSteps(e);
    const memo = new SimplifyMemo();
    const first = simplifyWithSteps(e, { memo });
    const second = simplifyWithSteps(e, { memo });
    expect(alone.steps.length).toBeGreaterThan(2);
    for (const run of [first, second]) {
      expect(equals(run.result, alone.result)).toBe(true);
      expect(run.steps.map((s) => s.rule)).toEqual(alone.steps.map((s) => s.rule));
    }
  });

  it('the partials of a gradient, sharing their normal forms, are what each is alone, steps and all', () => {
    const f = 'tanh(2*tanh(x1 - 3*x2 + 1) - tanh(2*x1 + x2 - 2) + 1)*sigmoid(x1*x2)';
    const g = gradient(f);
    g.components.forEach((d, i) => {
      const alone = differentiate(f, { variable: g.variables[i] });
      expect(toText(d.result)).toBe(toText(alone.result));
      expect(d.derivations[0]!.simplification.map((s) => s.rule)).toEqual(alone.derivations[0]!.simplification.map((s) => s.rule));
    });
  });
});

describe('a quotient not worth trying', () => {
  it('has no normal form smaller than itself, over random quotients of sides in normal form', () => {
    // The rule sees a quotient once its sides are simplified: children come first. A side the
    // normal form would shorten on its own is left out: only the quotient is in question here.
    fc.assert(fc.property(expressionTree({ depth: 3 }), expressionTree({ depth: 3 }), (a, b) => {
      const [above, below] = [simplify(a), simplify(b)];
      if (normalIfSmaller(above) !== undefined || normalIfSmaller(below) !== undefined) return;
      const q = build.div(above, below);
      if (q.kind !== 'div' || quotientWorthTrying(q as Div)) return;
      expect(normalIfSmaller(q), toText(q)).toBeUndefined();
    }), { numRuns: runs });
  });

  it('is what sin(x)/(x² + 1) and 1/x are, and not x/x², 2x/4 or (1/x)/y', () => {
    const worth = (text: string): boolean => quotientWorthTrying(parse(text) as Div);
    expect(worth('sin(x)/(x^2 + 1)')).toBe(false);
    expect(worth('1/x')).toBe(false);
    expect(['x/x^2', '(2*x)/4', '(1/x)/y', '2/(1 - x)^2', '(-x)/(-y)', '(1/2)/sqrt(x)'].map(worth)).toEqual([true, true, true, true, true, true]);
  });
});

describe('long sums', () => {
  it('apply an identity for squares to the terms it concerns, every one in one rewrite', () => {
    const e = parse('-sin(x)^2 - cos(x)^2 + log(w) + cosh(2*y)^2 - sinh(2*y)^2 + 1 - sech(z)^2 + atan(w)');
    const { result, steps } = simplifyWithSteps(e);
    // Each rewriting stands where the first of its terms stood: tanh(z)² where cosh(2y)² was.
    expect(toText(result)).toBe('log(w) + tanh(z)^2 + atan(w)');
    expect(steps.filter((s) => s.rule === 'square-identity')).toHaveLength(1);
  });

  it('leave the polynomial terms out of an identity for squares but those with a monomial of its rewriting', () => {
    // −x² joins x²·sec(u)², and −y² joins y²·sec(v)²; x³ adds to neither, and stays where it stands.
    const e = parse('x^2*sec(u)^2 - x^2 + x^3 + y^2*sec(v)^2 - y^2');
    expect(toText(simplify(e))).toBe('x^2*tan(u)^2 + x^3 + y^2*tan(v)^2');
  });

  it('apply identities for squares whose parts share terms one after the other, each to the sum the one before left', () => {
    // The parts of x and of y share the terms with both: the second identity is applied to the sum the first left, and together they leave 1.
    const e = parse('1 - sin(x)^2 + sin(x)^2*sin(y)^2 + sin(x)^2*cos(y)^2 + log(w) + atan(w) + exp(z) + sinh(w) + cosh(z)');
    expect(toText(simplify(e))).toBe('1 + log(w) + atan(w) + exp(z) + sinh(w) + cosh(z)');
  });

  it('combine the terms that can, group by group, and leave the others as they stand', () => {
    // Eleven terms: the two with e^x combine, the nine each with a sine of its own cannot.
    const others = Array.from({ length: 9 }, (_, i) => `${i + 2}*x^${i}*sin(${i + 1}*x + ${i * 7})`).join(' + ');
    const result = simplify(parse(`x*exp(x) + (x + 1)*exp(x) + ${others}`));
    expect(toText(result)).toMatch(/^exp\(x\)\*\(2\*x \+ 1\) \+ 2\*sin\(x\) \+ 3\*x\*sin\(2\*x \+ 7\) \+ /);
    expect(result.kind === 'add' ? result.terms.length : 1).toBe(10);
  });

  // The groups of a long sum, each written as its terms joined by ' + ', sorted.
  const groupsOf = (text: string): string[] => sumGroups((parse(text) as Add).terms).map((g) => g.map(toText).join(' + ')).sort();

  it('keep quotients of many denominators apart, but for those whose denominators share a part', () => {
    const apart = Array.from({ length: 9 }, (_, i) => `x^2/(${i + 2}*x + ${i + 3})`);
    const groups = groupsOf([...apart, '3/(x + 1)', 'x/(2*(x + 1)^2)', 'x^3'].join(' + '));
    expect(groups).toContain('3/(x + 1) + x/(2*(x + 1)^2)');
    for (const term of apart) expect(groups).toContain(toText(parse(term)));
    expect(groups).toHaveLength(11);
    // With few denominators every quotient may combine with every other, and with the polynomial terms.
    expect(groupsOf('1/(x - 1) + 1/(x + 1) + x^2 + 2*x + sin(x) + sin(2*x) + sin(3*x) + sin(4*x) + sin(5*x)')).toContain('1/(x - 1) + 1/(x + 1) + x^2 + 2*x');
  });

  it('keep a multiple of a sum with a quotient in it with the quotients over the same denominator', () => {
    // A term that is a number times such a sum is divided by that denominator once multiplied out.
    const apart = Array.from({ length: 9 }, (_, i) => `${i + 2}*(x^2*atan(${i + 2}*x) + x/(${i + 2}*x + ${i + 3}))`);
    const groups = groupsOf([...apart, '3/(x + 1)', '2*(x*log(x) + x^2/(x + 1))'].join(' + '));
    expect(groups).toContain('3/(x + 1) + 2*(x*log(x) + x^2/(x + 1))');
    for (const term of apart) expect(groups).toContain(toText(parse(term)));
    expect(groups).toHaveLength(10);
  });

  it('keep terms of unlike exponentials apart, and put together those whose exponentials are one', () => {
    const others = Array.from({ length: 8 }, (_, i) => `x^${i}*exp(${i + 3}*x + ${i * 5})`).join(' + ');
    const groups = groupsOf(`x*e*exp(x) + exp(x + 1) + exp(x)^2 + 3*exp(2*x) + ${others}`);
    expect(groups).toContain('x*e*exp(x) + exp(x + 1)');
    expect(groups).toContain('exp(x)^2 + 3*exp(2*x)');
    expect(groups).toHaveLength(10);
    // Simplified, the terms of one exponential are one term, the others left as they stand.
    const sines = Array.from({ length: 8 }, (_, i) => `x^${i}*sin(${i + 2}*x)`).join(' + ');
    const result = simplify(parse(`(x + 1)*exp(2*x) + exp(x)^2 + ${sines}`));
    expect(toText(result)).toMatch(/^exp\(2\*x\)\*\(x \+ 2\) \+ sin\(2\*x\) \+ /);
    expect(result.kind === 'add' ? result.terms.length : 1).toBe(9);
  });
});

describe('σ in a long sum', () => {
  it('rewrites the parts of different arguments in one go, a step each, each step starting where the last ended', () => {
    const e = parse('2*exp(2*x)/(1 + exp(2*x))^2 + 3*exp(3*x)/(1 + exp(3*x))^2 + x^2 + 5*exp(5*x)/(1 + exp(5*x))^2');
    const once = rewriteInSigmoid(e, new Set());
    expect(once).toBeDefined();
    const steps = once!.steps;
    expect(steps.map((s) => s.rule)).toEqual(['rewrite-in-sigmoid', 'rewrite-in-sigmoid', 'rewrite-in-sigmoid']);
    expect(steps[0]!.before).toBe(e);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.before).toBe(steps[i - 1]!.after);
    expect(steps[2]!.after).toBe(once!.result);
    expect(toText(once!.result)).toBe('2*sigmoid(2*x)*(1 - sigmoid(2*x)) + 3*sigmoid(3*x)*(1 - sigmoid(3*x)) + x^2 + 5*sigmoid(5*x)*(1 - sigmoid(5*x))');
    // Nothing is left to write in σ.
    expect(rewriteInSigmoid(once!.result, new Set())).toBeUndefined();
  });

  it('does not try a sum whose terms all have exponentials: a product of them, or a sum 1 + e^(ku) over one, larger in σ', () => {
    const tanh = '(exp(x) - exp(-x))/(exp(x) + exp(-x))';
    for (const text of ['2*cos(3*x)*exp(2*x) - 3*exp(2*x)*sin(3*x)', '2*x*exp(x^2)*log(x^2 + 2) + 2*x*exp(x^2)/(x^2 + 2)', 'x/exp(x) - y/exp(x)',
      'x*exp(x) + y*exp(2*x)', 'x*exp(x) + y*exp(x)*exp(x)', tanh, `4/(exp(x) + exp(-x))^2`]) {
      const notSimpler = new Set<string>();
      expect(rewriteInSigmoid(parse(text), notSimpler), text).toBeUndefined();
      // Nothing was tried, so nothing was found not simpler.
      expect(notSimpler.size, text).toBe(0);
    }
    // An exponential beside a term without any (in a power too) is tried; 1 + e^(−x) is σ's own denominator.
    for (const text of ['x*exp(x) + y', '(y*exp(x))^2 + 1', 'x^exp(x) + 1', 'exp(x) + exp(-x) + 1']) {
      const notSimpler = new Set<string>();
      expect(rewriteInSigmoid(parse(text), notSimpler), text).toBeUndefined();
      expect(notSimpler.size, text).toBeGreaterThan(0);
    }
    expect(toText(rewriteInSigmoid(parse('exp(-x)/(1 + exp(-x))^2'), new Set())!.result)).toBe('sigmoid(x)*(1 - sigmoid(x))');
    // Written out, tanh's derivatives stay in exponentials, as they were when σ was tried on them.
    expect(toText(differentiate(tanh).result)).toBe('4/(exp(x) + exp(-x))^2');
    expect(toText(differentiate(tanh, { order: 2 }).result)).toBe('(8*exp(-x) - 8*exp(x))/(exp(x) + exp(-x))^3');
  });

  it('does not try again a part found not simpler while it stays as it is', () => {
    // x·e^x alone is not simpler in σ: e^x would become σ/(1 − σ).
    const e = parse('x*exp(x) + exp(2*x)/(1 + exp(2*x))^2');
    const notSimpler = new Set<string>();
    const first = rewriteInSigmoid(e, notSimpler);
    expect(first?.steps.length).toBe(1);
    expect(notSimpler.size).toBeGreaterThan(0);
    const remembered = new Set(notSimpler);
    expect(rewriteInSigmoid(first!.result, notSimpler)).toBeUndefined();
    // The second call met the same part again and found it remembered: nothing new was tried.
    expect(notSimpler).toEqual(remembered);
  });
});
