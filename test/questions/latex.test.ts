import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';
import { expectRenders, mathPieces } from '../helpers/katex.js';
import { askedAlone } from '../helpers/questions.js';
import { questions } from '../../src/questions/registry.js';
import type { Question } from '../../src/questions/question.js';

/*
 * Every kind of question in LaTeX and Markdown: each piece of mathematics renders in KaTeX, and
 * each standalone document (with the derivation and without) compiles with pdflatex, which
 * .ci/run installs (Debian's texlive-latex-base) where it is missing.
 */

const pdflatex = spawnSync('pdflatex', ['--version']).status === 0;
const folder = mkdtempSync(join(tmpdir(), 'dydx-latex-'));
const classFile = join(folder, 'answers.txt');
writeFileSync(classFile, '2x*cos(x^2)\ncos(x^2)\n2x*cos(x^2\n-2x*sin(x^2)\n');

/** Inputs that show more of a question than its plainest one: a vertical tangent, a wrong answer and one that cannot be read. */
const more: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'partials': [['x^2*y', '--hessian'], ['[x*y, x + y]', '--det']],
  'at-point': [['x^2*y', '--at', 'x=1,y=2', '--direction', '1,1'], ['x^2', '--at', 'x=1', '--tangent', '--normal']],
  'implicit': [['x^2 + y^2 = 25', '--at', 'x=5,y=0'], ['x^2 + y^2 = 25', '--at', 'x=3,y=4', '--tangent']],
  'answer': [['sin(x^2)', '--answer', 'cos(x^2); 2x cos(x^2); 2x +']],
  'class': [['sin(x^2)', '--answers-file', classFile]],
  'graph': [
    ['sigmoid(w*x+b)', '--graph', '--at', 'x=0.5,w=2,b=-1'],
    ['-(y*log(sigmoid(w*x+b)) + (1-y)*log(1-sigmoid(w*x+b)))', '--graph'],
    ['tanh(w2*tanh(w1*x + b1) + b2)', '--graph', '--at', 'x=0.7,w1=2,b1=-1,w2=1/3,b2=0.1'],
  ],
};

/** The questions whose answer is a verdict in words, its mathematics in $…$. */
const verdicts: ReadonlySet<string> = new Set(['answer', 'working', 'class']);

/** Without the derivation, and with it where the question shows one. */
const withSteps = (q: Question): string[][] => (q.takes.includes('steps') ? [[], ['--steps']] : [[]]);

/** Every piece of mathematics in a LaTeX answer: environments and $…$, and each line of a block of bare mathematics. */
function latexPieces(latex: string): string[] {
  return latex.split(/\n{2,}/).flatMap((block) => (/^\\begin\{align|^\\section|\$/.test(block.trimStart()) ? mathPieces(block.replace(/\\section\*\{(.*)\}/g, '$1')) : block.split('\n')));
}

/** Whether pdflatex makes a document of it, with the log where it does not. */
function compiles(document: string, name: string): string | undefined {
  writeFileSync(join(folder, `${name}.tex`), document);
  try {
    execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], { cwd: folder, stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return String((error as { stdout?: Buffer }).stdout ?? error).split('\n').filter((l) => l.startsWith('!') || l.startsWith('l.')).join('\n');
  }
}

describe('every kind of question in LaTeX', () => {
  const written = questions.filter((q) => q.takes.includes('latexDocument'));

  it('is every kind but code, which is written in its own language', () => {
    expect(written.map((q) => q.name).sort()).toEqual(questions.map((q) => q.name).filter((n) => n !== 'code').sort());
  });

  for (const q of written) {
    const inputs = [askedAlone[q.name]!, ...(more[q.name] ?? [])];
    it(`${q.name}: renders in KaTeX, in LaTeX and in Markdown`, async () => {
      for (const args of inputs) {
        for (const steps of withSteps(q)) {
          const latex = await dydx([...args, ...steps, '-f', 'latex']);
          expect([0, 2, 3, 4, 5], latex.stderr).toContain(latex.status);
          expect(latex.stdout.trim(), latex.stderr).not.toBe('');
          const pieces = verdicts.has(q.name) ? mathPieces(latex.stdout) : latexPieces(latex.stdout.trim());
          // A verdict may be words alone ("correct"); any other answer is mathematics.
          if (!verdicts.has(q.name)) expect(pieces.filter((p) => p.trim() !== '').length, latex.stdout).toBeGreaterThan(0);
          pieces.forEach(expectRenders);
          const markdown = (await dydx([...args, ...steps, '-f', 'markdown'])).stdout;
          mathPieces(markdown).forEach(expectRenders);
        }
      }
    });
    it.skipIf(!pdflatex)(`${q.name}: makes a standalone document that pdflatex compiles, with the derivation and without`, async () => {
      for (const [i, args] of inputs.entries()) {
        for (const steps of withSteps(q)) {
          const run = await dydx([...args, ...steps, '-f', 'latex', '--latex-document']);
          expect(run.stdout).toMatch(/^\\documentclass\{article\}[^]*\\begin\{document\}[^]*\\end\{document\}\n$/);
          expect(compiles(run.stdout, `${q.name}-${i}${steps.length > 0 ? '-steps' : ''}`), run.stdout).toBeUndefined();
        }
      }
    });
  }

  it('refuses LaTeX and Markdown for code, with exit 2', async () => {
    const run = await dydx(['x^3', '--emit', 'python', '-f', 'latex']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('dydx: --format latex does not go with --emit: code is written as text or json\n');
    expect((await dydx(['x^3', '--emit', 'python', '-f', 'markdown'])).status).toBe(2);
  });
});

if (!pdflatex) console.log('pdflatex is not installed here: the standalone documents are not compiled (.ci/run installs texlive-latex-base)');
