import { describe, expect, it } from 'vitest';
import { expectWorkedStepsRender } from '../helpers/katex.js';
import { checkImplicit, curvePoints, implicit, readEquation } from '../../src/multivariate/implicit.js';
import { ParseError } from '../../src/parse/errors.js';
import { InputError } from '../../src/errors.js';
import { neg } from '../../src/expr/factory.js';
import { toText } from '../../src/print/linear.js';
import { thrownBy } from '../helpers/thrown.js';
import { dydx } from '../helpers/cli.js';

const answer = (equation: string, order = 1): string => toText(implicit(equation, { order }).result);

describe('implicit differentiation', () => {
  it('of the circle, to the third order, shortened with the equation as textbooks do', () => {
    expect(answer('x^2 + y^2 = 1')).toBe('-x/y');
    expect(answer('x^2 + y^2 = 1', 2)).toBe('-1/y^3');
    expect(answer('x^2 + y^2 = 1', 3)).toBe('-3*x/y^5');
    expect(toText(implicit('x^2 + y^2 = 1', { order: 2 }).orders[1]!.solved)).toBe('-(x^2 + y^2)/y^3');
  });

  it('of the ellipse, the folium of Descartes and others', () => {
    expect(answer('x^2/4 + y^2/9 = 1', 2)).toBe('-81/(4*y^3)');
    expect(answer('x^3 + y^3 = 3*x*y')).toBe('(y - x^2)/(y^2 - x)');
    expect(answer('x^2 + x*y + y^2 = 7', 2)).toMatch(/^-42\/\(x \+ 2\*y\)/);
    expect(answer('x*y = 1')).toBe('-y/x');
  });

  it('agrees with the curve itself at points found on it, first and second order', () => {
    for (const equation of ['x^2 + y^2 = 1', 'x^2/4 + y^2/9 = 1', 'x^3 + y^3 = 3*x*y', 'sin(x*y) = x', 'exp(y) + y = x^2']) {
      for (const order of [1, 2]) {
        const c = checkImplicit(implicit(equation, { order }));
        expect(c.verdict, `${equation}, order ${order}`).toBe('verified');
        expect(c.points, equation).toBeGreaterThan(5);
      }
    }
  });

  it('finds points on the curve, and the check fails on a wrong derivative', () => {
    const r = implicit('x^2 + y^2 = 1');
    for (const [a, b] of curvePoints(r.left, r.right, 'x', 'y')) expect(a * a + b * b).toBeCloseTo(1, 10);
    const wrong = { ...r, result: neg(r.result) };
    expect(checkImplicit(wrong).verdict).toBe('failed');
  });

  it('reads an equation with one =, and says what is wrong otherwise', () => {
    expect(toText(readEquation('x^2 + y^2 = 1').left)).toBe('x^2 + y^2');
    expect(thrownBy(() => readEquation('x^2 + y^2'), ParseError).message).toMatch(/one =/);
    const located = thrownBy(() => readEquation('x^2 + y^2 = 1 +'), ParseError);
    expect(located.column).toBe(16);
    expect(thrownBy(() => implicit('x^2 = 1'), InputError).message).toMatch(/has no y/);
    expect(thrownBy(() => implicit('x + y = x + y'), InputError).message).toMatch(/no y′/);
    expect(thrownBy(() => implicit('x^2 + y^2 = 1', { dependent: 'y', variable: 'y' }), InputError).message).toBe('y is the function of the curve: differentiate it by another variable, not by y itself');
  });
});

describe('--implicit on the command line', () => {
  it('answers, shows the steps, and checks against the curve', async () => {
    expect((await dydx(['x^2 + y^2 = 1', '--implicit', 'y', '-f', 'unicode'])).stdout).toBe('y′ = −x/y\n');
    expect((await dydx(['x^2 + y^2 = 1', '--implicit', 'y', '--order', '2', '-f', 'unicode'])).stdout).toBe('y″ = −1/y³\n');
    const steps = await dydx(['x^2 + y^2 = 1', '--implicit', 'y', '--order', '2', '--steps', 'brief', '-f', 'unicode']);
    expect(steps.stdout).toContain('3 Solve for y′: y′ = −x/y');
    expect(steps.stdout).toContain('6 On the curve x² + y² = 1: y″ = −1/y³');
    // In LaTeX and Markdown too, each step's mathematics as KaTeX renders it; in full, each side's own derivation.
    const latex = (await dydx(['x^2 + y^2 = 1', '--implicit', 'y', '--order', '2', '--steps', '-f', 'latex'])).stdout;
    expect(latex).toContain("y' &= -\\frac{x}{y} && \\text{3 Solve for }y'");
    expect(latex).toContain('\\text{1.1.1 sum rule}');
    expect(latex.trimEnd().split('\n').at(-1)).toBe("y'' = -\\frac{1}{y^{3}}");
    const markdown = (await dydx(['x^2 + y^2 = 1', '--implicit', 'y', '--steps', 'brief', '-f', 'markdown'])).stdout;
    expect(markdown).toContain("- **3** Solve for $y'$: $y' = -\\frac{x}{y}$");
    expectWorkedStepsRender(latex, markdown);
    const checked = await dydx(['x^3 + y^3 = 3*x*y', '--implicit', 'y', '--check']);
    expect(checked.status).toBe(0);
    expect(checked.stderr).toMatch(/^check: verified at \d+ points of the curve/);
    const json = JSON.parse((await dydx(['x^2 + y^2 = 1', '--implicit', 'y', '-f', 'json'])).stdout) as { result: { text: string } };
    expect(json.result.text).toBe('-x/y');
  });
});
