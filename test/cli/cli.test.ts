import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { outcomeStatus, runCli } from '../../src/cli/run.js';
import { checkOutcome } from '../../src/questions/question.js';
import { dydx } from '../helpers/cli.js';
import { checkDerivative } from '../../src/check/check.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { functionTable } from '../../src/functions/table.js';
import { expectRenders } from '../helpers/katex.js';
import { mathIn } from '../helpers/markdown.js';


describe('one expression', () => {
  it('prints the derivative as text when piped', async () => {
    expect(await dydx(['1/(1+exp(-x))'])).toEqual({ status: 0, stdout: 'sigmoid(x)*(1 - sigmoid(x))\n', stderr: '' });
    expect((await dydx(['1/(1+exp(-x))', '--form', 'exp'])).stdout).toBe('exp(-x)/(1 + exp(-x))^2\n');
  });
  it('prints Unicode on a terminal', async () => {
    expect((await dydx(['1/(1+exp(-x))'], undefined, true)).stdout).toBe('σ(x)·(1 − σ(x))\n');
  });
  it.each([
    ['text', 'sigmoid(x)*(1 - sigmoid(x))'],
    ['unicode', 'σ(x)·(1 − σ(x))'],
    ['latex', '\\sigma\\left(x\\right) \\cdot \\left(1-\\sigma\\left(x\\right)\\right)'],
  ])('--format %s', async (format, expected) => {
    const run = await dydx(['1/(1+exp(-x))', '--format', format]);
    expect(run.stdout).toBe(`${expected}\n`);
    if (format === 'latex') expectRenders(run.stdout.trim());
  });
  it('takes --var, --order and --no-simplify', async () => {
    expect((await dydx(['x^2*y^3', '--var', 'y'])).stdout).toBe('3*x^2*y^2\n');
    expect((await dydx(['x^5', '--order', '3'])).stdout).toBe('60*x^2\n');
    expect((await dydx(['x^5', '-n', '2', '-v', 'x'])).stdout).toBe('20*x^3\n');
    expect((await dydx(['x*sin(x)', '--no-simplify'])).stdout).toBe('1*sin(x) + x*cos(x)\n');
  });
  it('takes --function for unknown functions other than f, g and h, given once or more', async () => {
    expect((await dydx(['phi(x^2, y)', '--function', 'phi'])).stdout).toBe('2*x*D1phi(x^2, y)\n');
    expect((await dydx(['F(x)*G(x, x)', '--function', 'F,G'])).stdout).toBe("F'(x)*G(x, x) + F(x)*(D1G(x, x) + D2G(x, x))\n");
    expect((await dydx(['F(x)*G(x)', '--function', 'F', '--function', 'G'], undefined, true)).stdout).toBe('F′(x)·G(x) + F(x)·G′(x)\n');
    const refused = await dydx(['sin(x)', '--function', 'sin']);
    expect(refused).toEqual({ status: 2, stdout: '', stderr: "dydx: 'sin' is already a function or constant: it cannot be declared one\n" });
    expect((await dydx(['phi(x, y)'])).stderr).toMatch(/phi is a variable, not a function; .* \(--function phi makes it an unknown function\)/);
  });
  it('prints its version and help', async () => {
    expect((await dydx(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await dydx(['-V'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await dydx(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--format <format>/);
  });
  it('reads an expression that starts with a minus sign', async () => {
    expect((await dydx(['-x^2'])).stdout).toBe('-2*x\n');
    expect((await dydx(['--format', 'text', '-sin(x)', '--var', 'x'])).stdout).toBe('-cos(x)\n');
    expect((await dydx(['--', '-x^3'])).stdout).toBe('-3*x^2\n');
    expect((await dydx(['-f(x)', '-n', '2'])).stdout).toBe("-f''(x)\n");
    expect((await dydx(['-x', '--bogus'])).status).toBe(2);
  });
  it('prints the JSON object with the derivative in three notations and the steps', async () => {
    const run = await dydx(['1/(1+exp(-x))', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      input: '1/(1+exp(-x))', variable: 'x', order: 1,
      derivative: { text: 'sigmoid(x)*(1 - sigmoid(x))', unicode: 'σ(x)·(1 − σ(x))' },
    });
    expect(json.steps[0].derivation).toMatchObject({
      rule: 'quotient',
      bindings: { u: { text: '1' }, v: { unicode: '1 + e^(−x)' } },
      substeps: [{ rule: 'constant' }, { rule: 'sum' }],
    });
    expect(json.steps[0].simplification.length).toBeGreaterThan(0);
    expectRenders(json.derivative.latex);
  });
});

describe('where an answer holds', () => {
  it('says on standard error where the derivative does not exist, and keeps the answer clean', async () => {
    const run = await dydx(['abs(2x+1)', '--format', 'unicode']);
    expect(run.stdout).toBe('2sign(2x + 1)\n');
    expect(run.stderr).toBe('holds for x ≠ −1/2\n');
    expect(run.status).toBe(0);
    expect((await dydx(['floor(x)'])).stderr).toBe('holds for x is not an integer\n');
    expect((await dydx(['x^2'])).stderr).toBe('');
  });
  it('puts it in the answer line of a derivation and in the JSON', async () => {
    expect((await dydx(['relu(x)', '--steps', '--format', 'unicode'])).stdout).toMatch(/Answer: heaviside\(x\), for x ≠ 0\n$/);
    const json = JSON.parse((await dydx(['relu(x)', '--format', 'json'])).stdout);
    expect(json.holds).toEqual([{ text: 'x != 0', unicode: 'x ≠ 0', latex: 'x \\neq 0' }]);
    expect(JSON.parse((await dydx(['x^2', '--format', 'json'])).stdout).holds).toBeUndefined();
  });
});

describe('bad input', () => {
  it('exits 2 with a located message and a caret, no stack trace', async () => {
    const run = await dydx(['1 + * 2']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("dydx: expected a number, a name or '(' after '+', found '*' (line 1, column 5)\n  1 + * 2\n      ^\n");
  });
  it('asks for --var when the variable is ambiguous', async () => {
    const run = await dydx(['a*b']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/several variables \(a, b\).*--var/);
  });
  it('refuses an expression with a part that has no value, naming the part, with status 2', async () => {
    const run = await dydx(['1/0 + x']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dydx: the expression has no real value anywhere: it holds a quotient over 0 (1/0)\n');
    const json = await dydx(['x*log(0)', '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).error.message).toBe('the expression has no real value anywhere: it holds log at a number where it has no real value (log(0))');
  });
  it('rejects bad options with status 2', async () => {
    expect((await dydx(['x', '--order', 'two'])).status).toBe(2);
    expect((await dydx(['x', '--format', 'yaml'])).status).toBe(2);
    expect((await dydx(['x', '--bogus'])).status).toBe(2);
  });
  it('gives a JSON error object with line and column', async () => {
    const run = await dydx(['sinn(x)', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      input: 'sinn(x)', error: { message: "unknown function 'sinn' — did you mean 'sin'? (--function sinn makes it an unknown function)", line: 1, column: 1 },
    });
  });
});

describe('batch mode', () => {
  it('answers one line per input line, keeping going after a bad line', async () => {
    const run = await dydx([], ['x^2', '1 +', 'sin(x)']);
    expect(run.stdout).toBe('2*x\n\ncos(x)\n');
    expect(run.stderr).toMatch(/line 2 \("1 \+"\): expected a number/);
    expect(run.status).toBe(2);
  });
  it("reads standard input for the argument '-'", async () => {
    expect((await dydx(['-'], ['x^3'])).stdout).toBe('3*x^2\n');
  });
  it('prints one JSON object per line, error objects included', async () => {
    const run = await dydx(['--format', 'json'], ['x^x', 'sin(', 'tanh(x)']);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].derivative.text).toBe('x^x*(log(x) + 1)');
    expect(lines[1]).toMatchObject({ input: 'sin(', error: { line: 1, column: 4 } });
    expect(lines[2].derivative.text).toBe('1 - tanh(x)^2');
    expect(run.status).toBe(2);
  });
  it('exits 0 when every line succeeds', async () => {
    expect((await dydx([], ['x', 'x^2'])).status).toBe(0);
  });
});

describe('limits', () => {
  it('are set from the command line, and each says which was passed', async () => {
    const length = await dydx(['x^2 + 1', '--max-length', '3']);
    expect([length.status, length.stderr]).toEqual([2, expect.stringMatching(/input too long: 7 characters, the limit is 3/)]);
    expect((await dydx(['((x))', '--max-depth', '1'])).stderr).toMatch(/brackets nested too deeply \(more than 1 levels\)/);
    expect((await dydx(['sin(sin(x))', '--max-nodes', '5'])).stderr).toMatch(/derivative 1 has \d+ nodes as the rules give it, more than the limit of 5/);
    const shown = await dydx(['x^2', '--steps', '--max-shown', '3']);
    expect([shown.status, shown.stderr]).toEqual([2, expect.stringMatching(/too large to show step by step: about \d+ expression nodes, more than the limit of 3/)]);
    expect((await dydx(['x^2', '--max-nodes', 'many'])).status).toBe(2);
    expect((await dydx(['x^2', '--max-nodes', '100'])).stdout).toBe('2*x\n');
  });
});

describe('--check', () => {
  it('prints the answer, then the verdict on standard error, and exits 0 when verified', async () => {
    const run = await dydx(['1/(1+exp(-x))', '--check']);
    expect(run.stdout).toBe('sigmoid(x)*(1 - sigmoid(x))\n');
    expect(run.stderr).toMatch(/^check: verified at 24 of 24 points \(x from -13\.1 to 11\.3\) against finite differences; worst relative error \d\.\de-\d+\n$/);
    expect(run.status).toBe(0);
  });
  it('with --steps checks every equality shown', async () => {
    const run = await dydx(['x^x', '--steps', '--check']);
    expect(run.stdout).toMatch(/Answer: x\^x\*\(log\(x\) \+ 1\)\n$/);
    expect(run.stderr).toMatch(/verified at 16 of 24 points .*; 7 of 7 equalities of the derivation hold\n$/);
  });
  it('exits 3 when the check fails', () => {
    const broken = { ...functionTable, cos: { ...functionTable.cos, derivative: ['sin', 'u'] as const } };
    expect(outcomeStatus[checkOutcome(checkDerivative(differentiate('cos(x)', { functions: broken })).verdict)]).toBe(3);
    expect(outcomeStatus[checkOutcome(checkDerivative(differentiate('cos(x)')).verdict)]).toBe(0);
  });
  it('exits 4 and says so when no point could be used', async () => {
    const run = await dydx(['log(-x^2-1)', '--check']);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^check: not verified/);
  });
  it('adds a check object to the JSON', async () => {
    const run = await dydx(['sigmoid(w*x+b)', '--check', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json.check).toMatchObject({ verdict: 'verified', variable: 'x', pointsTried: 24, pointsUsed: 24, fixed: { b: 0.53, w: -0.77 }, failures: [] });
    expect(json.check.worstError).toBeLessThan(1e-6);
    expect(run.stderr).toBe('');
    const unchecked = JSON.parse((await dydx(['log(-x^2-1)', '--check', '-f', 'json'])).stdout);
    expect(unchecked.check).toMatchObject({ verdict: 'unchecked', worstError: null, range: null });
  });
  it('checks each line in batch mode, and the exit status is the worst', async () => {
    const run = await dydx(['--check'], ['x^2', 'log(-x^2-1)', 'sin(x)']);
    expect(run.stdout).toBe('2*x\n2*x/(x^2 + 1)\ncos(x)\n');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(3);
    expect(run.stderr).toMatch(/line \d+ \("log\(-x\^2-1\)"\): check: not verified/);
    expect(run.status).toBe(4);
    // A bad line is worse than an unverified one, whichever comes first.
    expect((await dydx(['--check'], ['sin(', 'log(-x^2-1)'])).status).toBe(2);
    expect((await dydx(['--check'], ['log(-x^2-1)', 'sin('])).status).toBe(2);
  });
});

describe('the installed command', () => {
  const bin = fileURLToPath(new URL('../../bin/dydx.js', import.meta.url));
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });

  it('prints the derivative', () => {
    const result = run(['1/(1+exp(-x))']);
    expect([result.status, result.stdout]).toEqual([0, 'sigmoid(x)*(1 - sigmoid(x))\n']);
  });
  it('reads piped input: echo "x^x" | dydx --format json', () => {
    const result = run(['--format', 'json'], 'x^x\n');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ input: 'x^x', derivative: { text: 'x^x*(log(x) + 1)' } });
  });
  it('ends quietly with status 0 when its reader stops early, and says once when its output cannot be written', () => {
    const early = spawnSync('bash', ['-c', `yes 'x^2' | head -100000 | "${process.execPath}" "${bin}" | head -1`], { encoding: 'utf8' });
    expect(early.stdout).toBe('2*x\n');
    expect(early.stderr).toBe('');
    const full = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" 'x^2' > /dev/full; echo "status $?"`], { encoding: 'utf8' });
    expect(full.stdout).toBe('status 1\n');
    expect(full.stderr).toMatch(/^dydx: cannot write the output: ENOSPC[^\n]*\n$/);
  });
  it('reads lines ending at \\n only: a CRLF ending is dropped, a lone \\r is part of its line; blank lines are no error', () => {
    const result = run([], 'x^2\r\nx^3\rx\n\nsin(x)\n');
    expect(result.stdout).toBe('2*x\n4*x^3\n\ncos(x)\n');
    expect(result.status).toBe(0);
  });
  it('shows the control characters of an input as escapes, never sends them to the terminal', () => {
    const result = run(['\u001b]0;title\u0007+']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('\\x1b]0;title\\x07+');
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    // The caret stands under the character at fault, counting each escape's width before it.
    expect(run(['x\r + @']).stderr).toBe("dydx: unexpected character '@' (line 1, column 6)\n  x\\x0d + @\n          ^\n");
  });
  it('echoes at most 200 characters of a long input in a JSON error, with its length', () => {
    const long = `${'x+'.repeat(300)}(`;
    const json = JSON.parse(run(['-f', 'json', long]).stdout);
    expect(json.input).toBe(long.slice(0, 200));
    expect(json.inputLength).toBe(601);
  });
  it('exits 2 on bad input without a stack trace', () => {
    const result = run(['sin(x, y)']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('sin takes 1 argument, got 2');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  describe('depth 10,000 through every stage', () => {
    const deep = 10_000;
    const brackets = `${'('.repeat(deep)}x${')'.repeat(deep)}`;
    const sums = `${'(x + '.repeat(deep)}x${')'.repeat(deep)}`;
    it('parses, differentiates, simplifies and prints in every format, with steps and a check', () => {
      expect(run([brackets]).stdout).toBe('1\n');
      expect(run([sums]).stdout).toBe('10001\n');
      expect(run([sums, '-f', 'latex']).stdout).toBe('10001\n');
      expect(JSON.parse(run([brackets, '-f', 'json']).stdout)).toMatchObject({ derivative: { text: '1' }, steps: [{ result: { text: '1' } }] });
      const steps = run([brackets, '--steps', '--check']);
      expect([steps.status, steps.stdout.trimEnd().split('\n').at(-1)]).toEqual([0, 'Answer: 1']);
      // The redundant brackets are said to be read away, and the check follows.
      expect(steps.stderr).toMatch(/^read as: x\ncheck: verified/);
    });
    it('says what is too large, with exit 2 and no stack trace', () => {
      const shown = run([sums, '--steps']);
      expect(shown.status).toBe(2);
      expect(shown.stderr).toMatch(/^dydx: the derivation is too large to show step by step: about \d+ expression nodes, more than the limit of 1000000/);
      expect(JSON.parse(run([sums, '-f', 'json']).stdout)).toMatchObject({ derivative: { text: '10001' }, steps: null, stepsOmitted: expect.stringMatching(/too large/) });
      const sin = run([`${'sin('.repeat(deep)}x${')'.repeat(deep)}`]);
      expect(sin.status).toBe(2);
      expect(sin.stderr).toMatch(/^dydx: derivative 1 has \d+ nodes as the rules give it, more than the limit of 2000000 \(--max-nodes, maxNodes\)\n$/);
    });
  });

  it('in batch mode answers every line, in order, through bad, empty, deep and very long lines', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `${i}*x^${i}`).join(' + ');
    const lines = ['x^2', 'sin(', '', `${'('.repeat(10_000)}x${')'.repeat(10_000)}`, long, 'x^x', '2 3', 'tanh(x)'];
    const text = run([], `${lines.join('\n')}\n`);
    const answers = text.stdout.split('\n').slice(0, -1);
    expect(answers).toHaveLength(lines.length);
    expect([answers[0], answers[1], answers[2], answers[3], answers[5], answers[6], answers[7]])
      .toEqual(['2*x', '', '', '1', 'x^x*(log(x) + 1)', '', '1 - tanh(x)^2']);
    expect(answers[4]).toMatch(/^1 \+ 4\*x \+ 9\*x\^2 \+ /);
    // The empty line is answered with an empty line and is no error.
    expect(text.stderr.trimEnd().split('\n').filter((l) => l.startsWith('dydx: '))).toHaveLength(2);
    expect(text.status).toBe(2);
    const json = run(['-f', 'json'], `${lines.join('\n')}\n`).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(json.map((j) => (j.error ? 'error' : j.derivative ? j.derivative.text.slice(0, 8) : 'blank'))).toEqual(['2*x', 'error', 'blank', '1', '1 + 4*x ', 'x^x*(log', 'error', '1 - tanh']);
    expect(json[2]).toEqual({ input: '', line: 3 });
    expect(json[1]).toMatchObject({ input: 'sin(', line: 2 });
  });
});

describe('--steps', () => {
  it('prints the derivation as numbered Unicode text on a terminal', async () => {
    const run = await dydx(['1/(1+e^(-x))', '--steps'], undefined, true);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 Quotient rule: (u/v)′ = (u′·v − u·v′)/v²');
    expect(run.stdout).toContain('    1.2.2 Chain rule: (f(u))′ = f′(u)·u′');
    expect(run.stdout.trimEnd().endsWith('Answer: σ(x)·(1 − σ(x))')).toBe(true);
  });
  it('accepts the expression after --steps, and brief or full detail', async () => {
    const full = await dydx(['--steps', 'x*sin(x)', '-f', 'unicode']);
    const brief = await dydx(['x*sin(x)', '--steps=brief', '-f', 'unicode']);
    expect(full.stdout).toContain('with u = x, v = sin(x)');
    expect(brief.stdout).not.toContain('with u = x');
    expect(brief.stdout).toContain('1 Product rule: (x·sin(x))′ = 1·sin(x) + x·cos(x)');
    expect(brief.stdout.split('\n').length).toBeLessThan(full.stdout.split('\n').length);
  });
  it('colours only on a terminal', async () => {
    const terminal = await dydx(['x^2', '--steps'], undefined, true);
    expect(terminal.stdout).not.toContain('\u001b[');
    let coloured = '';
    await runCli(['x^2', '--steps'], {
      write: (t) => { coloured += t; }, writeError: () => {}, lines: async function* () {},
      stdinIsTerminal: true, stdoutIsTerminal: true, colour: true,
    });
    expect(coloured).toContain('\u001b[1mPower rule\u001b[22m');
  });
  it('prints an align* derivation that KaTeX renders, and a standalone document', async () => {
    const latex = (await dydx(['1/(1+e^(-x))', '--steps', '--format', 'latex'])).stdout;
    expect(latex.startsWith('\\begin{align*}')).toBe(true);
    expect(latex).toContain('&& \\text{1 quotient rule},\\ u = 1,\\ v = 1+e^{-x}');
    expectRenders(latex);
    const document = (await dydx(['1/(1+e^(-x))', '--steps', '--format', 'latex', '--latex-document'])).stdout;
    expect(document).toMatch(/^\\documentclass\{article\}\n\\usepackage\{amsmath\}\n\\begin\{document\}\n/);
    expect(document).toContain(latex.trimEnd());
    expect(document.trimEnd().endsWith('\\end{document}')).toBe(true);
  });
  it('prints Markdown with math that KaTeX renders', async () => {
    const markdown = (await dydx(['x^x', '--steps', '--format', 'markdown'])).stdout;
    expect(markdown).toContain('1. **Logarithmic differentiation**');
    const math = mathIn(markdown);
    expect(math.length).toBeGreaterThan(5);
    for (const m of math) expectRenders(m);
  });
  it('separates derivations with a blank line in batch mode', async () => {
    const run = await dydx(['--steps=brief'], ['x^2', 'sin(x)']);
    const blocks = run.stdout.trimEnd().split('\n\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toContain('Derivative of sin(x) with respect to x');
  });
  it('puts the numbered step tree and the rewrites in the JSON', async () => {
    const json = JSON.parse((await dydx(['1/(1+e^(-x))', '--steps', '--format', 'json'])).stdout);
    const root = json.steps[0].derivation;
    expect(root.number).toBe('1');
    expect(root.formula.unicode).toBe('((1)′·(1 + e^(−x)) − 1·(1 + e^(−x))′)/(1 + e^(−x))²');
    expect(root.substeps[1].substeps[1]).toMatchObject({ number: '1.2.2', rule: 'chain' });
    expect(json.steps[0].simplification.at(-1)).toMatchObject({ rule: 'substitute-sigmoid', whole: { unicode: 'σ(x)·(1 − σ(x))' } });
  });
});
