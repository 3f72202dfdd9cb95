import { describe, expect, it } from 'vitest';
import { create, all } from 'mathjs';
import { functionNames, functionTable } from '../../src/functions/table.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { buildTrace } from '../../src/steps/trace.js';
import { traceToText } from '../../src/print/steps-text.js';
import { traceToLatex } from '../../src/print/steps-latex.js';
import { toText, toUnicode } from '../../src/print/linear.js';
import { toLatex } from '../../src/print/latex.js';
import { parse, read } from '../../src/parse/parse.js';
import { equals } from '../../src/expr/traverse.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { relativeError } from '../../src/check/check.js';
import { checkDerivative } from '../../src/check/check.js';
import { expectRenders } from '../helpers/katex.js';
import { functionExample } from '../helpers/examples.js';
import { asLatexReadsIt } from '../helpers/latex-reading.js';

/*
 * Every function of the table, one by one: a derivation kept as a golden file, its LaTeX
 * rendered by KaTeX, its text and Unicode read back as the same tree, mathjs reading its
 * text to the same value where mathjs has the function, and the numeric check verifying it.
 */

const math = create(all!, { predictable: true });

/** Points where the example is worth reading: inside the domains of the functions it uses. */
const points = [0.37, 0.81, 1.23, 1.67, -0.53, -1.31, 2.11];

describe('each function of the table', () => {
  it('keeps a derivation of each as a golden file', async () => {
    const text = functionNames.map((name) => traceToText(buildTrace(differentiate(functionExample(name))), { detail: 'brief' })).join('\n\n---\n\n');
    await expect(`${text}\n`).toMatchFileSnapshot('../golden/functions.txt');
  });

  it.each(functionNames)('%s: its LaTeX renders, its text, Unicode and LaTeX read back, the numeric check verifies it', (name) => {
    const d = differentiate(functionExample(name));
    for (const e of [d.input, d.result]) {
      expectRenders(toLatex(e));
      expect(equals(read(toLatex(e), { notation: 'latex' }).expr, asLatexReadsIt(e)), toLatex(e)).toBe(true);
      expect(equals(parse(toText(e)), e), toText(e)).toBe(true);
      expect(equals(parse(toUnicode(e)), e), toUnicode(e)).toBe(true);
    }
    expectRenders(traceToLatex(buildTrace(d)));
    const report = checkDerivative(d, { steps: true });
    expect(report.verdict, `${functionExample(name)}: ${JSON.stringify(report.failures)}`).toBe('verified');
  });

  it.each(functionNames.filter((name) => functionTable[name].code.mathjs !== undefined))('%s: mathjs reads its text to the same value', (name) => {
    const e = parse(functionExample(name));
    let compared = 0;
    for (const x of points) {
      const ours = evaluate(e, { x });
      const theirs = math.evaluate(toText(e), { x });
      if (typeof theirs !== 'number' || !Number.isFinite(ours)) continue;
      compared++;
      expect(relativeError(ours, theirs), `${toText(e)} at x = ${x}`).toBeLessThan(1e-9);
    }
    expect(compared).toBeGreaterThan(0);
  });
});
