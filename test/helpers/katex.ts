import katex from 'katex';
import { expect } from 'vitest';

/** Asserts that KaTeX renders the LaTeX without error (throwOnError, strict: LaTeX-incompatible input such as Unicode in \text is an error). */
export function expectRenders(latex: string): void {
  expect(() => katex.renderToString(latex, { throwOnError: true, displayMode: true, strict: 'error' }), latex).not.toThrow();
}
