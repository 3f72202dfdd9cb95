import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';

describe('implicit curves on the command line', () => {
  it('collects the terms with y′ as a person writes them: brackets round a sum, a minus in front, no 1·', async () => {
    const collect = async (equation: string) => (await dydx([equation, '--steps', '-f', 'unicode'])).stdout.split('\n').find((l) => l.startsWith('2 Collect'));
    expect(await collect('x^4 + y^2 + y = 1')).toBe('2 Collect the terms with y′: 4x³ + (2y + 1)·y′ = 0');
    expect(await collect('x^2 - y^2 = 1')).toBe('2 Collect the terms with y′: 2x − 2y·y′ = 0');
    expect(await collect('x - y = 1')).toBe('2 Collect the terms with y′: 1 − y′ = 0');
  });

  it('takes an equation that is not y = … as a curve, y a function of x, and says so', async () => {
    const run = await dydx(['x^2+y^2=25']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("y' = -x/y\n");
    expect(run.stderr).toBe('read as a curve: y is a function of x on it\n');
    // y = … names what is differentiated: it stays a derivative.
    expect((await dydx(['y = x^3'])).stdout).toBe("y' = 3*x^2\n");
  });

  it('gives the slope, the tangent and the normal at a point of the curve, exactly', async () => {
    expect((await dydx(['x^2+y^2=25', '--implicit', 'y', '--at', 'x=3,y=4'])).stdout).toBe("y' = -3/4 ≈ -0.75 at (3, 4)\n");
    const tangent = await dydx(['x^2+y^2=25', '--implicit', 'y', '--at', 'x=3,y=4', '--tangent']);
    expect(tangent.status).toBe(0);
    expect(tangent.stdout).toBe('y = (25 - 3*x)/4\n');
    expect((await dydx(['x^2+y^2=25', '--at', 'x=3,y=4', '--normal'])).stdout).toBe('y = 4*x/3\n');
    expect((await dydx(['x^2+y^2=25', '--at', 'x=3,y=4', '--tangent', '--normal', '-f', 'unicode'])).stdout).toBe('y = (25 − 3x)/4\ny = 4x/3\n');
    // The second derivative there: −25/y³ on the curve.
    expect((await dydx(['x^2+y^2=25', '--at', 'x=3,y=4', '--order', '2'])).stdout).toBe("y'' = -25/64 ≈ -0.390625 at (3, 4)\n");
  });

  it('has a vertical tangent where the slope has no value, and a horizontal one where it is 0', async () => {
    const vertical = await dydx(['x^2+y^2=25', '--at', 'x=5,y=0']);
    expect(vertical.status).toBe(0);
    expect(vertical.stdout).toBe("y' has no value at (5, 0): the tangent there is vertical, x = 5\n");
    expect((await dydx(['x^2+y^2=25', '--at', 'x=5,y=0', '--tangent', '--normal'])).stdout).toBe('x = 5\ny = 0\n');
    expect((await dydx(['x^2+y^2=25', '--at', 'x=0,y=5', '--tangent', '--normal'])).stdout).toBe('y = 5\nx = 0\n');
  });

  it('refuses a point off the curve, a singular point and a line without a point, with exit 2', async () => {
    const off = await dydx(['x^2+y^2=25', '--at', 'x=3,y=5']);
    expect(off.status).toBe(2);
    expect(off.stderr).toBe('dydx: x = 3, y = 5 is not on the curve: there the left side is 34 and the right 25\n');
    const singular = await dydx(['y^2 = x^2*(x + 1)', '--at', 'x=0,y=0']);
    expect(singular.status).toBe(2);
    expect(singular.stderr).toMatch(/no one tangent at x = 0, y = 0: it is a singular point/);
    const lineless = await dydx(['x^2+y^2=25', '--tangent']);
    expect(lineless.status).toBe(2);
    expect(lineless.stderr).toMatch(/tangent or normal line is at a point/);
  });

  it('writes the point and the lines in JSON', async () => {
    const json = JSON.parse((await dydx(['x^2+y^2=25', '--at', 'x=3,y=4', '-f', 'json'])).stdout);
    expect(json).toMatchObject({
      dependent: 'y', variable: 'x', at: { x: { text: '3' }, y: { text: '4' } }, value: { text: '-3/4', approximately: -0.75 },
      tangent: { variable: 'y', equals: { text: '(25 - 3*x)/4' } }, normal: { variable: 'y', equals: { text: '4*x/3' } },
    });
  });
});
