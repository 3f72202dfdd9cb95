import { describe, expect, it } from 'vitest';
import { at, readPoint } from '../../src/multivariate/at-point.js';
import { InputError } from '../../src/errors.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { read } from '../../src/parse/parse.js';
import { toText } from '../../src/print/linear.js';
import { thrownBy } from '../helpers/thrown.js';
import { dydx } from '../helpers/cli.js';
import { centralSlope } from '../helpers/numeric.js';
import { checkSlopeAt } from '../../src/check/slope-at.js';
import { pointValueIn, valueIn } from '../../src/print/value-at.js';

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

  it('writes the tangent and the normal as m·x + c, each of m and c collected', () => {
    // Expanded, this was x·π²√2/32 − π³√2/128 + x·π√2/4 − π²√2/32.
    expect(toText(at('x^2*sin(x)', 'x=pi/4').tangent)).toBe('x*pi*sqrt(2)*(8 + pi)/32 - pi^2*sqrt(2)*(4 + pi)/128');
    expect(toText(at('sin(x)', 'x=pi/6').tangent)).toBe('x*sqrt(3)/2 + (6 - pi*sqrt(3))/12');
    expect(toText(at('exp(x)', 'x=1').tangent)).toBe('x*e');
    const normal = at('sin(x)', 'x=pi/4').normal;
    expect(normal.kind === 'line' && toText(normal.equals)).toBe('-x*sqrt(2) + sqrt(2)*(2 + pi)/4');
    expect(toText(at('x^2*y', 'x=1,y=2').tangent)).toBe('4*x + y - 4');
  });

  it('agrees with central differences, and its tangent touches the curve with the same slope', () => {
    for (const [f, p] of [['x^3 - 2x', 'x=2'], ['sin(x)*exp(x)', 'x=0.3'], ['log(x^2 + 1)', 'x=-1.5'], ['atan(x)', 'x=1/3']] as const) {
      const r = at(f, p);
      const x = evaluate(r.point[0]![1], {});
      expect(r.derivatives[0]!.at.approximately, f).toBeCloseTo(slope(f, 'x', { x }), 6);
      expect(evaluate(r.tangent, { x }), f).toBeCloseTo(r.value.approximately, 12);
      expect(evaluate(r.tangent, { x: x + 1 }) - evaluate(r.tangent, { x }), f).toBeCloseTo(r.derivatives[0]!.at.approximately, 12);
      const normal = r.normal.kind === 'line' ? r.normal.equals : undefined;
      expect(normal, f).toBeDefined();
      expect((evaluate(normal!, { x: x + 1 }) - evaluate(normal!, { x })) * r.derivatives[0]!.at.approximately, f).toBeCloseTo(-1, 12);
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
    expect(thrownBy(() => at('abs(x)', 'x=0'), InputError).message).toBe('f has no derivative by x at x = 0: a corner, its slope -1 from the left and 1 from the right');
    expect(thrownBy(() => at('heaviside(x)', 'x=0'), InputError).message).toBe('f has no derivative by x at x = 0: it jumps there');
    // Where Γ(u + v) has a pole the exact point hits it in every factor: B = 0 beside digamma(0), which floating point, rounding
    // 2.2 − 0.45 − 1.75 to 2·10⁻¹⁶, made a finite −4.5·10¹⁵, and the product 0 (the slope there is −4.86).
    expect(thrownBy(() => at('beta(w1, x + min(e, x, y + x))', 'x=-0.45, w1=2.2, y=-1.3'), InputError).message)
      .toBe('∂f/∂x is undefined at x = -0.45, w1 = 2.2, y = -1.3: digamma has no real value at 0');
    expect(thrownBy(() => at('x*y', 'x=1'), InputError).message).toMatch(/gives no value to y/);
    expect(thrownBy(() => readPoint('x=y'), InputError).message).toMatch(/has a variable/);
    expect(thrownBy(() => readPoint('2'), InputError).message).toMatch(/name=value/);
  });
});

describe('the derivative at a point, however f is written', () => {
  it('is found from both sides where the rules\' derivative has no value: a kink that is no corner, or 0/0 where f is flat', () => {
    for (const [f, p] of [['x*abs(x)', 'x=0'], ['abs(x)^3', 'x=0'], ['relu(x)^2', 'x=0'], ['x^2*sign(x)', 'x=0'], ['abs(x)^(3/2)', 'x=0'],
      ['x^2*heaviside(x)', 'x=0'], ['max(x, 0)^2', 'x=0'], ['abs(x - 1)*(x - 1)', 'x=1']] as const) {
      const d = at(f, p).derivatives[0]!;
      expect([toText(d.at.exact), d.sides], f).toEqual(['0', true]);
    }
    // √relu(x)′ has a value of its own where relu is 0: no sides are needed.
    expect(toText(at('sqrt(relu(x))', 'x=-1').derivatives[0]!.at.exact)).toBe('0');
    const surface = at('x*abs(y)', 'x=2, y=0', { by: ['x'] }).derivatives[0]!;
    expect([toText(surface.at.exact), surface.sides]).toEqual(['0', undefined]);
  });

  it('is checked against f\'s own difference quotients from each side, not against the rules\' derivative', () => {
    const r = at('x*abs(x)', 'x=0');
    expect(checkSlopeAt(r.input, 'x', { x: 0 }, 0).verdict).toBe('verified');
    expect(checkSlopeAt(r.input, 'x', { x: 0 }, 1).verdict).toBe('failed');
    // |x|^1.01 has slope 0 at 0, but its quotients close in too slowly to tell: no verdict, rather than a false one.
    expect(checkSlopeAt(at('abs(x)^(1.01)', 'x=0').input, 'x', { x: 0 }, 0).verdict).toBe('unchecked');
  });

  it('takes points past the range of doubles as ordinary points, exactly', () => {
    const big = at('x^2', 'x=1e155');
    expect([pointValueIn(big.point[0]![1], 'text'), pointValueIn(big.derivatives[0]!.at.exact, 'unicode')]).toEqual(['10^155', '2·10¹⁵⁵']);
    expect(valueIn(at('exp(x)', 'x=710').derivatives[0]!.at, 'text')).toBe('exp(710) ≈ 2.23399e+308');
    expect(valueIn(at('1/x', 'x=1e-200').derivatives[0]!.at, 'unicode')).toBe('−10⁴⁰⁰');
    expect(valueIn(at('x', 'x=1e400').value, 'latex')).toBe('10^{400}');
  });

  it('refuses a pole, which doubles would give as a large number', () => {
    expect(thrownBy(() => at('tan(x)', 'x=pi/2'), InputError).message).toBe('f has no value at x = pi/2: it grows without bound there (a pole)');
    expect(thrownBy(() => at('1/cos(x)', 'x=pi/2'), InputError).message).toMatch(/a pole/);
    expect(thrownBy(() => at('log(cos(x))', 'x=pi/2'), InputError).message).toMatch(/^f is undefined at x = pi\/2/);
    expect(at('tan(x)', 'x=pi/4').derivatives[0]!.at.approximately).toBeCloseTo(2, 14);
  });

  it('has a normal wherever it has a tangent: vertical where the tangent is level, through the surface for several variables', () => {
    expect(at('x^2', 'x=0').normal).toEqual({ kind: 'line', variable: 'x', equals: at('x^2', 'x=0').point[0]![1] });
    const n = at('x^2*y', 'x=1, y=2').normal;
    expect(n.kind === 'through' && [n.point.map(toText), n.direction.map(toText)]).toEqual([['1', '2', '2'], ['4', '1', '-1']]);
  });
});

describe('--at on the command line', () => {
  it('prints a normal for a level tangent and for a surface, and the slope from both sides with a note', async () => {
    expect((await dydx(['x^2', '--at', 'x=0', '--normal'])).stdout).toBe('x = 0\n');
    expect((await dydx(['x^2*y', '--at', 'x=1,y=2', '--normal', '-f', 'unicode'])).stdout).toBe('(x, y, z) = (1, 2, 2) + t·(4, 1, −1)\n');
    const corner = await dydx(['x*abs(x)', '--at', 'x=0', '--check']);
    expect([corner.status, corner.stdout]).toEqual([0, "f'(0) = 0\n"]);
    expect(corner.stderr).toMatch(/^the derivative there is what both one-sided derivatives give.*\ncheck: verified at x = 0/);
    expect((await dydx(['tan(x)', '--at', 'x=pi/2'])).status).toBe(2);
  });

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
