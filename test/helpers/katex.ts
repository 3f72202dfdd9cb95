import katex from 'katex';
import { expect } from 'vitest';
import { katexOptions } from '../../web/src/math.js';

/** Asserts that KaTeX renders the LaTeX as the page has it typeset, without error (throwOnError, strict: LaTeX-incompatible input such as Unicode in \text is an error). */
export function expectRenders(latex: string): void {
  expect(() => katex.renderToString(latex, { ...katexOptions, throwOnError: true, displayMode: true, strict: 'error' }), latex).not.toThrow();
}
