import katex from 'katex';
import { expect } from 'vitest';
import { katexOptions } from '../../web/src/math.js';

/** Asserts that KaTeX renders the LaTeX as the page has it typeset, without error (throwOnError, strict: LaTeX-incompatible input such as Unicode in \text is an error). */
export function expectRenders(latex: string): void {
  expect(() => katex.renderToString(latex, { ...katexOptions, throwOnError: true, displayMode: true, strict: 'error' }), latex).not.toThrow();
}

/** Every piece of mathematics in LaTeX or Markdown with running text: each align* environment, $$…$$ and $…$. */
export function mathPieces(document: string): string[] {
  const pieces: string[] = [];
  const rest = document.replace(/\\begin\{align\*\}[\s\S]*?\\end\{align\*\}/g, (env) => {
    pieces.push(env);
    return '';
  }).replace(/\$\$([\s\S]*?)\$\$/g, (_, math: string) => {
    pieces.push(math);
    return '';
  });
  for (const m of rest.matchAll(/\$([^$]+)\$/g)) pieces.push(m[1]!);
  return pieces;
}

/**
 * Asserts that worked steps laid out in LaTeX and in Markdown typeset: every piece of mathematics
 * in them (at least three in each), and the answer that closes the LaTeX on a line of its own.
 */
export function expectWorkedStepsRender(latex: string, markdown: string): void {
  for (const output of [latex, markdown]) {
    const pieces = mathPieces(output);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    pieces.forEach(expectRenders);
  }
  expectRenders(latex.trimEnd().split('\n').at(-1)!);
}
