import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';
import { expectRenders } from '../helpers/katex.js';
import { answersFile, askedAlone, workingFile } from '../helpers/questions.js';
import { questionFor, questions } from '../../src/questions/registry.js';
import { inputGiven, type OptionKey, type Request } from '../../src/questions/question.js';

/*
 * Every question with every option of the README's table: each combination either works or is
 * refused with exit 2 by a message naming the option, and the table says which. The table is
 * read from the README, so the documentation cannot drift from what the command line does.
 */

const asked = askedAlone;
const working = workingFile;

/** Each option of the table with a value that makes sense for it. */
const given: Readonly<Record<string, readonly string[]>> = {
  '--var': ['--var', 'x'],
  '--order': ['--order', '2'],
  '--hessian': ['--hessian'],
  '--det': ['--det'],
  '--at': ['--at', 'x=1'],
  '--tangent': ['--tangent'],
  '--normal': ['--normal'],
  '--direction': ['--direction', '1'],
  '--implicit': ['--implicit', 'y'],
  '--steps': ['--steps'],
  '--latex-document': ['--format', 'latex', '--latex-document'],
  '--check': ['--check'],
  '--no-simplify': ['--no-simplify'],
  '--form': ['--form', 'factored'],
  '--max-nodes': ['--max-nodes', '100000'],
  '--max-shown': ['--max-shown', '100000'],
  '--answer': ['--answer', '3x^2'],
  '--answer-file': ['--answer-file', working],
  '--answers-file': ['--answers-file', answersFile],
  '--in-terms-of-output': ['--in-terms-of-output'],
  '--emit': ['--emit', 'python'],
  '--name': ['--name', 'g'],
  '--unsafe': ['--unsafe'],
  '--with-check': ['--with-check'],
  '--graph': ['--graph'],
  '--shape': ['--shape', 'x=1'],
};

/** What the options that ask a question of their own put in the request, and what each question's own options do. */
const asking: Readonly<Record<string, Partial<Request>>> = {
  '--at': { at: 'x=1' }, '--implicit': { implicit: 'y' }, '--emit': { emit: 'python' }, '--answer': { answer: '3x^2' },
  '--answer-file': { answerFile: working }, '--answers-file': { answersFile }, '--in-terms-of-output': { inTermsOfOutput: true }, '--hessian': { hessian: true }, '--det': { det: true },
  '--graph': { graph: true },
  '--shape': { shape: ['x=1'] },
};
const askedRequest: Readonly<Record<string, Partial<Request>>> = {
  'derivative': {}, 'partials': { var: ['x', 'y'] }, 'at-point': asking['--at']!, 'implicit': asking['--implicit']!, 'softmax': {},
  'answer': asking['--answer']!, 'working': asking['--answer-file']!, 'class': asking['--answers-file']!, 'output-form': asking['--in-terms-of-output']!, 'code': asking['--emit']!,
  'graph': asking['--graph']!,
  'matrices': { shape: ['x=3', 'A=3x3'] },
};
const request = (fields: Partial<Request>): Request => ({ input: 'auto', format: 'text', simplify: true, form: 'auto', timeout: 10, maxMemory: 700, colour: false, ...fields });

/** Where the question's own input does not suit an option it takes, the input that does. */
const suited: Readonly<Record<string, readonly string[]>> = {
  'partials --det': ['[x*y, x + y]', '--det'],
  'partials --at': ['x^2*y', '--var', 'x,y', '--at', 'x=1,y=2'],
  'partials --hessian': ['x^2*y', '--hessian'],
  'at-point --direction': ['x^2*y', '--at', 'x=1,y=2', '--direction', '1,1'],
  'at-point --tangent': ['x^2', '--at', 'x=1', '--tangent'],
  'code --name': ['x^3', '--emit', 'python', '--name', 'g'],
  'implicit --at': ['x^2 + y^2 = 25', '--at', 'x=3,y=4'],
  'implicit --tangent': ['x^2 + y^2 = 25', '--at', 'x=3,y=4', '--tangent'],
  'implicit --normal': ['x^2 + y^2 = 25', '--at', 'x=3,y=4', '--normal'],
  'answer --implicit': ['x^2 + y^2 = 25', '--answer', '-x/y', '--implicit', 'y'],
  // Code of matrix notation is for array targets, and --name names it.
  'matrices --emit': ["x'*A*x", '--shape', 'x=3,A=3x3', '--emit', 'numpy'],
  'matrices --name': ["x'*A*x", '--shape', 'x=3,A=3x3', '--emit', 'numpy', '--name', 'g'],
  'matrices --shape': ["x'*A*x", '--shape', 'x=3,A=3x3'],
};

const flagOf = (key: OptionKey): string => (key === 'simplify' ? '--no-simplify' : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);

/** The README's table: for each option, what each question does with it (✓ takes it, — refuses it, → q asks q instead). */
function documentedTable(): Map<string, Map<string, string>> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| option |');
  const rows = readme.slice(start).split('\n').filter((l, i, all) => l.startsWith('|') && all.slice(0, i).every((p) => p.startsWith('|')));
  const columns = rows[0]!.split('|').slice(2, -1).map((c) => c.trim().replace(/`/g, ''));
  const table = new Map<string, Map<string, string>>();
  for (const row of rows.slice(2)) {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''));
    table.set(cells[0]!, new Map(columns.map((c, i) => [c, cells[i + 1]!])));
  }
  return table;
}

describe('every question with every option', () => {
  const table = documentedTable();

  it('the README has a column for every question and a row for every option walked', () => {
    expect([...table.values()][0]!.size).toBe(questions.length);
    expect(new Set([...[...table.values()][0]!.keys()])).toEqual(new Set(questions.map((q) => q.name)));
    expect(new Set(table.keys())).toEqual(new Set(Object.keys(given)));
  });

  it('marks with ✓ exactly the options each question takes', () => {
    for (const q of questions) {
      for (const [option, cells] of table) {
        const taken = q.takes.some((key) => flagOf(key) === option);
        expect(cells.get(q.name) === '✓', `${q.name} ${option}`).toBe(taken);
      }
    }
  });

  for (const q of questions) {
    it(`${q.name}: each option works, asks another question, or is refused with exit 2 naming it, as the table says`, async () => {
      for (const [option, cells] of table) {
        const cell = cells.get(q.name)!;
        const args = suited[`${q.name} ${option}`] ?? [...asked[q.name]!, ...given[option]!];
        const run = await dydx([...args]);
        const what = `${q.name} with ${args.join(' ')}: ${run.stderr}`;
        if (cell === '—') {
          expect(run.status, what).toBe(2);
          expect(run.stderr, what).toContain(option);
        } else if (cell === '✓') {
          expect([0, 3, 4, 5], what).toContain(run.status);
          expect(run.stdout.trim(), what).not.toBe('');
        } else {
          // The option asks a question of its own, which answers, or refuses this input as its own (not for an option).
          const other = /^→ ([\w-]+)$/.exec(cell)?.[1];
          expect(other, what).toBeDefined();
          const asked = request({ ...askedRequest[q.name], ...asking[option] });
          expect(questionFor(inputGiven(args[0]!, asked), asked).name, what).toBe(other);
          if (run.status === 2) expect(run.stderr, what).not.toMatch(/does not go with|goes with|takes one variable/);
          else expect([0, 3, 4, 5], what).toContain(run.status);
        }
      }
    });
  }
});

describe('steps in brief', () => {
  it('are briefer than in full in LaTeX and Markdown too, and render in KaTeX', async () => {
    for (const format of ['latex', 'markdown']) {
      const full = (await dydx(['tanh(3x+1)', '--steps', '-f', format])).stdout;
      const brief = (await dydx(['tanh(3x+1)', '--steps=brief', '-f', format])).stdout;
      expect(brief.length, format).toBeLessThan(full.length);
      expect(brief, format).toMatch(/[Tt]idy up \(3 rewrites\)/);
    }
    const latex = (await dydx(['tanh(3x+1)', '--steps=brief', '-f', 'latex'])).stdout;
    expectRenders(latex);
  });
});
