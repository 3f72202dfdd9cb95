import katex from 'katex';
import { expect } from 'vitest';

/** Asserts that KaTeX renders the LaTeX without error (throwOnError: true). */
export function expectRenders(latex: string): void {
  expect(() => katex.renderToString(latex, { throwOnError: true, displayMode: true }), latex).not.toThrow();
}
