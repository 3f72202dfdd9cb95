import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const run = (name: string): string =>
  execFileSync(process.execPath, [fileURLToPath(new URL(`../examples/${name}`, import.meta.url))], { encoding: 'utf8' });

describe('examples', () => {
  it('derivative.mjs prints the sigmoid derivative in three notations', () => {
    expect(run('derivative.mjs')).toBe([
      'exp(-x)/(1 + exp(-x))^2',
      'e^(−x)/(1 + e^(−x))²',
      '\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}',
      '',
    ].join('\n'));
  });
  it('user-formula.mjs differentiates a good formula and reports a bad one', () => {
    expect(run('user-formula.mjs')).toBe([
      'd/dw w*x^2 + sin(w*x) = x² + cos(w·x)·x; at w = 2, x = 0.5 it is 0.520151',
      "cannot read 'w*x^2 + sinn(x)': unknown function 'sinn' — did you mean 'sin'? at column 9",
      '',
    ].join('\n'));
  });
});
