import katex from 'katex';

/** Past this many characters of LaTeX an expression is shown as source: typesetting it would take too long. */
const maxTypesetLength = 60_000;

/** Text made safe to put in HTML. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** LaTeX typeset by KaTeX as HTML (inline, or as a display block). */
export function mathHtml(latex: string, display = false): string {
  const tag = display ? 'div' : 'span';
  const className = display ? 'math display' : 'math';
  if (latex.length > maxTypesetLength) return `<${tag} class="${className} source">${escapeHtml(latex)}</${tag}>`;
  // throwOnError false: an expression KaTeX cannot typeset is shown in red rather than lost.
  const typeset = katex.renderToString(latex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  return `<${tag} class="${className}">${typeset}</${tag}>`;
}
