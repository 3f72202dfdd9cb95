import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';


describe('how the input was read', () => {
  it('says so on standard error when the reading is not what was typed, with the conventions used', async () => {
    expect(await dydx(['sinx'])).toEqual({ status: 0, stdout: 'cos(x)\n', stderr: 'read as: sin(x) (sinx is read as sin x)\n' });
    expect((await dydx(['sin^-1 x'])).stderr).toBe('read as: asin(x) (sin⁻¹ is the inverse function asin, as calculators write it, not 1/sin)\n');
    expect((await dydx(['\\frac{1}{1+e^{-x}}'])).stderr).toBe('read as: 1/(1 + exp(-x)) (read as LaTeX)\n');
    expect((await dydx(['sin x', '-f', 'unicode'])).stderr).toBe('read as: sin(x)\n');
  });

  it('says nothing when the input reads as typed, spaces and multiplication signs aside', async () => {
    for (const input of ['1/(1+exp(-x))', 'x^2 + 1', '2x + 3', 'sin(x)*cos(x)', '1/(1+e^(-x))', 'd/dx x^2']) {
      expect((await dydx([input])).stderr, input).toBe('');
    }
  });

  it('gives the reading in JSON, in three notations, with its notes', async () => {
    const json = JSON.parse((await dydx(['y = sinx', '-f', 'json'])).stdout);
    expect(json.reading).toEqual({
      notation: 'text', text: 'y = sin(x)', unicode: 'y = sin(x)', latex: 'y = \\sin\\left(x\\right)',
      expression: { text: 'sin(x)', unicode: 'sin(x)', latex: '\\sin\\left(x\\right)' },
      notes: ['sinx is read as sin x'], name: { text: "y'", unicode: 'y′', latex: "y'" },
    });
  });
});

describe('the reading of every kind of question', () => {
  it('is said beside a gradient, a Jacobian, a point, code and an answer checked, and held in their JSON', async () => {
    for (const args of [['sinx*y', '--var', 'x,y'], ['[sinx, x*y]'], ['sinx', '--at', 'x=0'], ['sinx', '--emit', 'python'], ['sinx', '--answer', 'cos(x)']]) {
      const run = await dydx(args);
      expect(run.stderr, args.join(' ')).toMatch(/^read as: .*\(sinx is read as sin x\)$/m);
      const json = await dydx([...args, '-f', 'json']);
      expect(JSON.parse(json.stdout).reading.notes, args.join(' ')).toEqual(['sinx is read as sin x']);
    }
  });
});

describe('what the input asks for', () => {
  it('answers y = … with y′ and f(x) = … with f′(x), in every notation', async () => {
    expect((await dydx(['y = x^3'])).stdout).toBe("y' = 3*x^2\n");
    expect((await dydx(['y = x^3', '-f', 'unicode'])).stdout).toBe('y′ = 3x²\n');
    expect((await dydx(['f(x) = x^3', '-f', 'latex'])).stdout).toBe("f'\\left(x\\right) = 3x^{2}\n");
    expect((await dydx(['f(t) = t^4', '-n', '2', '-f', 'unicode'])).stdout).toBe('f″(t) = 12t²\n');
    expect((await dydx(['y = x^5', '-n', '4'])).stdout).toBe('y^(4) = 120*x\n');
  });

  it('takes the variable and order from d/dx, and refuses options that say otherwise (exit 2)', async () => {
    expect((await dydx(['d²/dx² x^4'])).stdout).toBe('12*x^2\n');
    expect((await dydx(['d/dt t^2 + x'])).stdout).toBe('2*t\n');
    const conflict = await dydx(['d/dt t^2', '--var', 'x']);
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toMatch(/differentiates by t \(d\/dt\), but the variable asked for is x/);
    expect((await dydx(['d²/dx² x^4', '-n', '3'])).status).toBe(2);
  });

  it('reads names of several letters as variables with --vars, and LaTeX with --input latex', async () => {
    expect((await dydx(['rate*x^2', '--vars', 'rate'])).stdout).toBe('2*rate*x\n');
    expect((await dydx(['rate*x^2'])).stdout).toBe('2*a*r*t*x*e\n');
    expect((await dydx(['x^2', '--input', 'latex'])).stdout).toBe('2*x\n');
    expect((await dydx(['\\frac{1}{x}', '--input', 'text'])).status).toBe(2);
  });
});
