import { describe, expect, it } from 'vitest';
import { written, type Part, type Shown, type ShownFormat } from '../../src/questions/write.js';
import { latexDocument } from '../../src/questions/document.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { buildTrace } from '../../src/steps/trace.js';

/** An answer of two formulas and a line of words, its mathematics in each format's notation. */
const shown: Shown = {
  json: () => ({ input: 'x^2', answer: '2*x' }),
  parts: (format: ShownFormat): Part[] => {
    const latex = format === 'latex' || format === 'markdown';
    return [
      { kind: 'math', lines: latex ? ['y\' = 2x', 'y\'\' = 2'] : ['y\' = 2*x', 'y\'\' = 2'] },
      { kind: 'prose', lines: latex ? ['holds for all $x$', 'checked'] : ['holds for all x', 'checked'] },
      { kind: 'prose', list: true, lines: ['one', 'two'] },
    ];
  },
};

describe('one writer for every kind of answer', () => {
  it('lays out formulas, words and lists in each format', () => {
    expect(written(shown, { format: 'text' })).toBe("y' = 2*x\ny'' = 2\n\nholds for all x\nchecked\n\none\ntwo");
    expect(written(shown, { format: 'latex' })).toBe("y' = 2x\ny'' = 2\n\nholds for all $x$\n\nchecked\n\none\n\ntwo");
    expect(written(shown, { format: 'markdown' })).toBe("$y' = 2x$\n\n$y'' = 2$\n\nholds for all $x$\n\nchecked\n\n- one\n- two");
    expect(written(shown, { format: 'json' })).toBe('{"input":"x^2","answer":"2*x"}');
  });

  it('heads each of several derivations with what it derives, in each format', () => {
    const trace = buildTrace(differentiate('x^2'));
    const headed: Shown = { json: () => ({}), parts: () => [{ kind: 'derivation', trace, heading: { number: 2, name: 'f_y' } }] };
    expect(written(headed, { format: 'text', steps: 'brief' })).toMatch(/^2 f_y\n/);
    expect(written(headed, { format: 'latex' })).toMatch(/^\\section\*\{\$f_y\$\}\n\\begin\{align\*\}/);
    expect(written(headed, { format: 'markdown' })).toMatch(/^### 2\. \$f_y\$\n\n/);
  });

  it('makes a standalone document, formulas displayed one to a line and words as they are', () => {
    expect(latexDocument('Derivative of $x^2$', shown)).toBe([
      '\\documentclass{article}', '\\usepackage{amsmath}', '\\begin{document}', 'Derivative of $x^2$:', '',
      "\\[\ny' = 2x\n\\]\n\\[\ny'' = 2\n\\]\n\nholds for all $x$\n\nchecked\n\none\n\ntwo",
      '\\end{document}',
    ].join('\n'));
  });
});
