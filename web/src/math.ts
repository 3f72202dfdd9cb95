import katex from 'katex';

/** Past this many characters of LaTeX an expression is shown as source: typesetting it would stall the page. */
export const maxTypesetLength = 60_000;

/** An element showing LaTeX typeset by KaTeX (inline, or as a display block). */
export function math(latex: string, display = false): HTMLElement {
  const node = document.createElement(display ? 'div' : 'span');
  node.className = display ? 'math display' : 'math';
  if (latex.length > maxTypesetLength) {
    node.classList.add('source');
    node.textContent = latex;
    return node;
  }
  // throwOnError false: an expression KaTeX cannot typeset is shown in red rather than lost.
  katex.render(latex, node, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  return node;
}
