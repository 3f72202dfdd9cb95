import katex from 'katex';

/** Past this many characters of LaTeX an expression is shown as source: typesetting it would take too long. */
const maxTypesetLength = 60_000;

/**
 * How KaTeX typesets: the LaTeX is dydx's own, made from trees, so no macro of it can loop, and
 * KaTeX's limit of 1000 macro expansions (each \operatorname, \neq and \, counts several) would
 * only leave a long derivation untypeset.
 */
export const katexOptions = { maxExpand: Infinity } as const;

/** Text made safe to put in HTML. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** LaTeX typeset by KaTeX as HTML (inline, or as a display block). */
export function mathHtml(latex: string, display = false): string {
  const tag = display ? 'div' : 'span';
  const className = display ? 'math display' : 'math';
  if (latex.length > maxTypesetLength) return `<${tag} class="${className} source">${escapeHtml(latex)}</${tag}>`;
  // throwOnError false: an expression KaTeX cannot typeset is shown in red rather than lost.
  const typeset = katex.renderToString(latex, { ...katexOptions, displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  return `<${tag} class="${className}">${typeset}</${tag}>`;
}
