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
