import { describe, expect, it } from 'vitest';
import { at, readPoint } from '../../src/multivariate/at-point.js';
import { InputError } from '../../src/errors.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { read } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { thrownBy } from '../helpers/thrown.js';
import { dydx } from '../helpers/cli.js';
import { centralSlope } from '../helpers/numeric.js';

/** Central difference of f by one variable at a point. */
const slope = (f: string, v: string, point: Record<string, number>): number => centralSlope(read(f).expr, v, point);

describe('the derivative at a point', () => {
  it('is exact where the input is exact, with its value beside', () => {
    const r = at('x^3 - 2x', 'x=2');
    expect(toText(r.derivatives[0]!.at.exact)).toBe('10');
    expect(toText(r.value.exact)).toBe('4');
    expect(toText(r.tangent)).toBe('10*x - 16');
    expect(toText(at('sin(x)', 'x=pi/4').derivatives[0]!.at.exact)).toBe('sqrt(2)/2');
    expect(toText(at('cos(x)', 'x=2*pi/3').derivatives[0]!.at.exact)).toBe('-sqrt(3)/2');
    expect(toText(at('exp(x)', 'x=0').tangent)).toBe('x + 1');
  });

  it('agrees with central differences, and its tangent touches the curve with the same slope', () => {
    for (const [f, p] of [['x^3 - 2x', 'x=2'], ['sin(x)*exp(x)', 'x=0.3'], ['log(x^2 + 1)', 'x=-1.5'], ['atan(x)', 'x=1/3']] as const) {
      const r = at(f, p);
      const x = evaluate(r.point[0]![1], {});
      expect(r.derivatives[0]!.at.approximately, f).toBeCloseTo(slope(f, 'x', { x }), 6);
      expect(evaluate(r.tangent, { x }), f).toBeCloseTo(r.value.approximately, 12);
      expect(evaluate(r.tangent, { x: x + 1 }) - evaluate(r.tangent, { x }), f).toBeCloseTo(r.derivatives[0]!.at.approximately, 12);
      if (r.normal) expect((evaluate(r.normal, { x: x + 1 }) - evaluate(r.normal, { x })) * r.derivatives[0]!.at.approximately, f).toBeCloseTo(-1, 12);
    }
  });

  it('of several variables: the gradient, the tangent plane and the directional derivative', () => {
    const r = at('x^2*y + sin(x*y)', 'x=1, y=pi', { direction: ['1', '1'] });
    expect(r.derivatives.map((d) => toText(d.at.exact))).toEqual(['pi', '0']);
    expect(toText(r.tangent)).toBe('x*pi');
    expect(r.directional!.approximately).toBeCloseTo(Math.PI / Math.SQRT2, 12);
    const g = at('x*exp(y) + y^2', 'x=0.5, y=-0.2');
    for (const [i, v] of ['x', 'y'].entries()) expect(g.derivatives[i]!.at.approximately).toBeCloseTo(slope('x*exp(y) + y^2', v, { x: 0.5, y: -0.2 }), 6);
  });

  it('is refused where f or f′ has no value, or f has a corner, saying why', () => {
    expect(thrownBy(() => at('1/x', 'x=0'), InputError).message).toBe('f is undefined at x = 0: a division by zero');
    expect(thrownBy(() => at('log(x)', 'x=-1'), InputError).message).toBe('f is undefined at x = -1: log has no real value at -1');
    expect(thrownBy(() => at('sqrt(x)', 'x=0'), InputError).message).toBe('∂f/∂x is undefined at x = 0: a division by zero');
    expect(thrownBy(() => at('abs(x)', 'x=0'), InputError).message).toMatch(/^f has no derivative by x at x = 0/);
    expect(thrownBy(() => at('x*y', 'x=1'), InputError).message).toMatch(/gives no value to y/);
    expect(thrownBy(() => readPoint('x=y'), InputError).message).toMatch(/has a variable/);
    expect(thrownBy(() => readPoint('2'), InputError).message).toMatch(/name=value/);
  });
});

describe('--at on the command line', () => {
  it('prints the value, the tangent and the normal', async () => {
    expect((await dydx(['x^3 - 2x', '--at', 'x=2'])).stdout).toBe("f'(2) = 10\n");
    expect((await dydx(['x^3 - 2x', '--at', 'x=2', '--tangent', '-f', 'unicode'])).stdout).toBe('y = 10x − 16\n');
    expect((await dydx(['sin(x)', '--at', 'x=pi/4', '-f', 'unicode'])).stdout).toBe('f′(π/4) = √2/2 ≈ 0.707107\n');
    expect((await dydx(['x^2*y + sin(x*y)', '--at', 'x=1,y=pi', '--direction', '1,1', '-f', 'unicode'])).stdout).toBe('D_u f(1, π) = π/√2 ≈ 2.22144\n');
  });

  it('checks the slope at the point itself', async () => {
    const one = await dydx(['x^3 - 2x', '--at', 'x=2', '--check']);
    expect(one.stderr).toMatch(/^check: verified at x = 2 against finite differences/);
    const two = await dydx(['exp(x*y)', '--at', 'x=1,y=2', '--check']);
    expect(two.stderr).toMatch(/^by x: check: verified at x = 1 with y = 2 .*\nby y: check: verified at y = 2 with x = 1 /);
  });

  it('says where there is no derivative, with exit 2, and needs --at for a tangent', async () => {
    const run = await dydx(['1/x', '--at', 'x=0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('dydx: f is undefined at x = 0: a division by zero\n');
    expect((await dydx(['x^2', '--tangent'])).stderr).toBe('dydx: --tangent goes with --at\n');
  });
});
