import { describe, expect, it } from 'vitest';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { buildTrace } from '../../src/steps/trace.js';
import { traceToText } from '../../src/print/steps-text.js';
import { traceToLatex } from '../../src/print/steps-latex.js';
import { traceToMarkdown } from '../../src/print/steps-markdown.js';
import { expectRenders } from '../helpers/katex.js';
import { mathIn } from '../helpers/markdown.js';
import { classics } from '../helpers/examples.js';

/*
 * Whole derivations, kept as files for review. After a deliberate change, regenerate
 * them with `npm run golden` and read the diff.
 */


describe('golden derivations', () => {
  it.each(classics)('%s: %s', async (name, input, variable) => {
    const trace = buildTrace(differentiate(input, { variable }));
    await expect(`${traceToText(trace)}\n`).toMatchFileSnapshot(`./${name}.txt`);
    const latex = traceToLatex(trace);
    expectRenders(latex);
    for (const math of mathIn(traceToMarkdown(trace))) expectRenders(math);
  });

  it('keeps the sigmoid derivation in every format', async () => {
    const trace = buildTrace(differentiate('1/(1+e^(-x))'));
    await expect(`${traceToText(trace, { detail: 'brief' })}\n`).toMatchFileSnapshot('./sigmoid.brief.txt');
    await expect(`${traceToText(trace, { notation: 'text' })}\n`).toMatchFileSnapshot('./sigmoid.ascii.txt');
    await expect(`${traceToLatex(trace)}\n`).toMatchFileSnapshot('./sigmoid.tex');
    await expect(`${traceToMarkdown(trace)}\n`).toMatchFileSnapshot('./sigmoid.md');
  });

  it('prints the sigmoid derivation within 80 columns', () => {
    const text = traceToText(buildTrace(differentiate('1/(1+e^(-x))')));
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('shows the sigmoid derivation in the order of the hand derivation', () => {
    const text = traceToText(buildTrace(differentiate('1/(1+e^(-x))')));
    const order = [
      '1 Quotient rule', 'with u = 1, v = 1 + e^(−x)', '1.1 Constant rule', '1.2 Sum rule', '1.2.2 Chain rule',
      'with f(u) = e^u, u = −x', '1.2.2.1 Exponential rule', '1.2.2.2 Negation rule', '(−x)′ = −1',
      '= e^(−x)/(1 + e^(−x))²', 'Add and subtract 1 in the numerator', '= (1 + e^(−x) − 1)/(1 + e^(−x))²',
      'Split into fractions', '= (1 + e^(−x))/(1 + e^(−x))² − 1/(1 + e^(−x))²',
      'Cancel common factors', '= 1/(1 + e^(−x)) − 1/(1 + e^(−x))²',
      'Factor out', '= 1/(1 + e^(−x))·(1 − 1/(1 + e^(−x)))',
      'Substitute the sigmoid, σ(x) = 1/(1 + e^(−x))', '= σ(x)·(1 − σ(x))',
      'Answer: σ(x)·(1 − σ(x))',
    ];
    let at = 0;
    for (const part of order) {
      const found = text.indexOf(part, at);
      expect(found, part).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
  });
});
