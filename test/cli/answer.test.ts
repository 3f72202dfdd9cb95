import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';

/* dydx "…" --answer "…": a student's derivative checked from the command line. */

describe('--answer', () => {
  it('says a right answer is correct, how it was decided, and exits 0', async () => {
    const run = await dydx(['x^2*sin(x)', '--answer', '2x*sin(x) + x^2*cos(x)']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('answer: correct (the difference simplifies to 0); it is in simplest form\n');
  });

  it('says a wrong answer is incorrect, names the mistake at its step with the right step beside it, and exits 5', async () => {
    const run = await dydx(['sin(x^2)', '--answer', 'cos(x^2)']);
    expect(run.status).toBe(5);
    expect(run.stdout).toContain("likely mistake, at step 1: the chain rule's inner derivative (x^2)' = 2*x is left out\n  right: (sin(x^2))' = 2*x*cos(x^2)\n  yours: (sin(x^2))' = cos(x^2)\n");
  });

  it('names the quotient rule with a plus, in Unicode', async () => {
    const run = await dydx(['x/(x+1)', '--answer', '((x+1) + x)/(x+1)^2', '-f', 'unicode']);
    expect(run.status).toBe(5);
    expect(run.stdout).toContain("the quotient rule's numerator for x/(x + 1) has a plus, u′v + uv′, instead of u′v − uv′");
    expect(run.stdout).toContain('right: (x/(x + 1))′ = 1/(x + 1)²');
  });

  it('checks several answers separated by semicolons, numbering them; the status is the worst', async () => {
    const run = await dydx(['x^3 + sin(x)', '--answer', '3x^2 + cos(x); 3x^3 - cos(x)']);
    expect(run.status).toBe(5);
    expect(run.stdout).toMatch(/^1\. 3\*x\^2 \+ cos\(x\)\n {3}answer: correct/);
    expect(run.stdout).toContain('2. 3*x^3 - cos(x)\n   answer: incorrect');
    expect(run.stdout).toContain('   and, at step 1.2: the derivative of sin(x) has the wrong sign');
  });

  it('gives the verdict, method, points, mistake and form in JSON', async () => {
    const run = await dydx(['sin(x^2)', '--answer', 'cos(x^2)', '-f', 'json']);
    const { answer } = JSON.parse(run.stdout);
    expect(answer).toMatchObject({
      verdict: 'incorrect', method: 'numeric', points: 24, where: { at: { x: 0.37 } }, simplest: true,
      mistake: { id: 'chain-inner-dropped', step: '1', description: "the chain rule's inner derivative (x^2)' = 2*x is left out", expected: { text: '2*x*cos(x^2)' }, got: { text: 'cos(x^2)' } },
      derivative: { text: '2*x*cos(x^2)' },
    });
  });

  it('exits 2 on an answer that does not parse, saying where', async () => {
    const run = await dydx(['x^2', '--answer', '2x +']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^answer: cannot be read\n {2}in the answer: .*\(line 1, column 5\)\n {4}2x \+\n {8}\^\n$/);
  });

  it('judges every other answer when one cannot be read, and the JSON says which', async () => {
    const run = await dydx(['x^2', '--answer', '2x; 2x +; x']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^1\. 2\*x\n {3}answer: correct/);
    expect(run.stdout).toContain('2. 2x +\n   answer: cannot be read');
    expect(run.stdout).toContain('3. x\n   answer: incorrect');
    const json = JSON.parse((await dydx(['x^2', '--answer', '2x; 2x +; x', '-f', 'json'])).stdout);
    expect(json.answers.map((a: { verdict: string }) => a.verdict)).toEqual(['correct', 'unreadable', 'incorrect']);
    expect(json.answers[1]).toMatchObject({ given: '2x +', error: { line: 1, column: 5 } });
    // An error in the expression itself is the whole input's.
    const bad = await dydx(['x^', '--answer', '2x']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^dydx: /);
  });
});

describe('--answer for an implicit derivative and a mixed partial', () => {
  it('judges y′ on the curve: equal as expressions, or at its points, or wrong at one, with exit 5', async () => {
    expect((await dydx(['x^2+y^2=25', '--answer', '-x/y'])).stdout).toBe('answer: correct (the difference simplifies to 0)\n');
    expect((await dydx(['x*y=1', '--implicit', 'y', '--answer', '-y/x'])).stdout).toBe('answer: correct (the difference simplifies to 0)\n');
    expect((await dydx(['(3x^2+2y^3)^4 = 2', '--answer', '-x/y^2'])).status).toBe(0);
    // Not equal as expressions, but one slope on the circle.
    expect((await dydx(['x^2+y^2=1', '--order', '2', '--answer', '-(x^2+y^2)/y^3'])).stdout).toBe("answer: correct (it agrees with y'' = -1/y^3 at 24 points of the curve)\n");
    const wrong = await dydx(['x^2+y^2=25', '--answer', 'x/y']);
    expect([wrong.status, wrong.stdout]).toEqual([5, "answer: incorrect (at (x, y) = (-3.1, -3.92301) on the curve yours is 0.79021 and y' is -0.79021)\nderivative: y' = -x/y\n"]);
    const json = JSON.parse((await dydx(['x^2+y^2=25', '--answer', 'x/y; 2 +', '-f', 'json'])).stdout);
    expect(json.answers.map((a: { verdict: string }) => a.verdict)).toEqual(['incorrect', 'unreadable']);
    // Each answer heads its verdict as read, its mathematics in $…$ in LaTeX.
    expect((await dydx(['x^2+y^2=25', '--answer', '-x/y; x^2/y', '-f', 'latex'])).stdout).toContain('2. $\\frac{x^{2}}{y}$');
  });

  it('takes an answer written with its name, as a textbook does: f\'(x) = 14x − 5', async () => {
    expect((await dydx(['7x^2 - 5x', '--answer', "f'(x) = 14x-5"])).status).toBe(0);
    expect((await dydx(['x^2', '--answer', "y' = 2x + 1"])).status).toBe(5);
  });

  it('judges a mixed partial by each variable named, --var x,y', async () => {
    expect((await dydx(['x^2*y^3', '--var', 'x,y', '--answer', '6*x*y^2'])).stdout).toBe('answer: correct (the difference simplifies to 0); it is in simplest form\n');
    const wrong = await dydx(['x^2*y^3', '--var', 'x,y', '--answer', '6*x*y']);
    expect([wrong.status, wrong.stdout.split('\n').at(-2)]).toEqual([5, 'derivative: 6*x*y^2']);
    expect((await dydx(['x^2*y^3', '--var', 'x,y', '--order', '2', '--answer', '1'])).status).toBe(2);
  });
});

describe('--answer with --steps', () => {
  it('prints the derivation first, so the mistake points at one of its numbered steps', async () => {
    const run = await dydx(['exp(-x)*x', '--answer', 'exp(-x) + x*exp(-x)', '--steps']);
    expect(run.status).toBe(5);
    expect(run.stdout).toMatch(/^Derivative of exp\(-x\)\*x with respect to x\n\n1 Product rule[^]*\n {2}1\.1 Chain rule[^]*\n\nanswer: incorrect/);
    expect(run.stdout).toContain("likely mistake, at step 1.1: (e^u)' is taken as e^u, without the inner derivative (-x)' = -1\n  right: (exp(-x))' = -exp(-x)\n  yours: (exp(-x))' = exp(-x)\n");
  });
});

describe('--answer-file', () => {
  const file = (lines: string[]): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'dydx-working-')), 'work.txt');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    return path;
  };

  it('says a working whose every line equals the one before is correct, and exits 0', async () => {
    const run = await dydx(['x^2*sin(x)', '--answer-file', file(['2x sin x + x^2 cos x', '', 'x(2 sin x + x cos x)'])]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('working: correct: each of the 2 lines equals the one before, the first the derivative\n');
  });

  it('names the first line that is not equal to the one before, with the mistake that explains it, and exits 5', async () => {
    const run = await dydx(['x^2*sin(x)', '--answer-file', file(['2x*sin(x) + x^2*cos(x)', '2x*cos(x)', '2x'])]);
    expect(run.status).toBe(5);
    expect(run.stdout).toMatch(/^working: line 2 is not equal to line 1 \(line 1 is right\)\n {2}at x = 0\.37 line 2 is 0\.689922 and line 1 is 0\.395231\nlikely mistake, at step 1: the derivative of the product x\^2\*sin\(x\) is taken as the product of the derivatives/);
  });

  it('says when a line has no mistake of the catalogue behind it', async () => {
    const run = await dydx(['x^2*sin(x)', '--answer-file', file(['2x*sin(x) + x^2*cos(x)', 'x*(2sin(x) + cos(x))'])]);
    expect(run.stdout).toContain('no mistake of the catalogue, alone or with one other, explains it');
  });

  it('exits 2 when the file cannot be read, or a line does not parse, saying which', async () => {
    expect((await dydx(['x^2', '--answer-file', '/nonexistent/work.txt'])).stderr).toBe('dydx: cannot read the working from /nonexistent/work.txt: ENOENT\n');
    const run = await dydx(['x^2', '--answer-file', file(['2x', '2x +'])]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^dydx: in line 2 of the working: expected/);
  });
});

describe('a working with derivatives still to work out', () => {
  it("reads (u)′ as the derivative of u by the problem's variable, and values it by finite differences", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dydx-working-')), 'work.txt');
    writeFileSync(path, "(t^2)'*sin(t) + t^2*(sin(t))'\n2t*sin(t) + t^2*cos(t)\n");
    const right = await dydx(['t^2*sin(t)', '--answer-file', path]);
    expect(right.stdout).toBe('working: correct: each of the 2 lines equals the one before, the first the derivative\n');
    writeFileSync(path, "(x^2)'*sin(x) + x^2*(sin(x))'\n(x^2)'*sin(x) - x^2*cos(x)\n");
    const wrong = await dydx(['x^2*sin(x)', '--answer-file', path]);
    expect(wrong.status).toBe(5);
    expect(wrong.stdout).toContain('working: line 2 is not equal to line 1 (line 1 is right)');
    expect(wrong.stdout).toContain("likely mistake, at step 1: the product rule for x^2*sin(x) is used with a minus, u'v - uv', instead of u'v + uv'");
  });
});

describe('--answers-file', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dydx-class-')), 'answers.txt');
  writeFileSync(file, '2x*cos(x^2)\ncos(x^2)\n\n2x*cos(x^2\n-2x*sin(x^2)\r\ncos(x^2)\n');

  it('judges each line on its own, one that cannot be read among them, and sums up the class', async () => {
    const run = await dydx(['sin(x^2)', '--answers-file', file]);
    expect(run.status).toBe(2);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'line 1: 2*x*cos(x^2): correct',
      "line 2: cos(x^2): incorrect: the chain rule's inner derivative (x^2)' = 2*x is left out",
      "line 4: 2x*cos(x^2: cannot be read: in the answer: this '(' is never closed: add a ')'",
      'line 5: -2*x*sin(x^2): incorrect: no mistake of the catalogue explains it',
      "line 6: cos(x^2): incorrect: the chain rule's inner derivative (x^2)' = 2*x is left out",
    ]);
    expect(run.stdout).toContain('\n1 of 5 right; 3 incorrect, 1 cannot be read\nmistakes made, most often first:\n  2 × chain-inner-dropped: ');
  });

  it('gives each verdict and the summary in JSON', async () => {
    const json = JSON.parse((await dydx(['sin(x^2)', '--answers-file', file, '-f', 'json'])).stdout);
    expect(json.answers.map((a: { line: number; verdict: string }) => [a.line, a.verdict])).toEqual([[1, 'correct'], [2, 'incorrect'], [4, 'unreadable'], [5, 'incorrect'], [6, 'incorrect']]);
    expect(json.summary).toEqual({ total: 5, correct: 1, incorrect: 3, undecided: 0, unreadable: 1, mistakes: [{ id: 'chain-inner-dropped', count: 2 }] });
  });

  it('exits 0 when every answer is right, and 2 when the file cannot be read', async () => {
    const right = join(mkdtempSync(join(tmpdir(), 'dydx-class-')), 'right.txt');
    writeFileSync(right, '2x cos(x^2)\n2*cos(x^2)*x\n');
    const run = await dydx(['sin(x^2)', '--answers-file', right]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 of 2 right\n');
    const missing = await dydx(['sin(x^2)', '--answers-file', '/nonexistent/answers.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('dydx: cannot read the answers from /nonexistent/answers.txt: ENOENT\n');
  });
});
