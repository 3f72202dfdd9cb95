import { latexProse } from '../print/steps-latex.js';
import { toLatex } from '../print/latex.js';
import { read, type ParseOptions } from '../parse/parse.js';
import { capitalise } from '../steps/labels.js';

/*
 * A standalone LaTeX document around an answer of any kind, for pdflatex: amsmath, a line that
 * says what is answered, then the answer. An answer in LaTeX is made of blocks, a blank line
 * apart: running text (its mathematics in $…$), environments of its own (align*, a section), and
 * bare mathematics, which a document shows displayed, one equation to a line.
 */

/** The document of an answer with its heading (LaTeX running text); `prose` says the answer is running text throughout, to be kept as it is. */
export function latexDocument(heading: string, answer: string, prose = false): string {
  return [
    '\\documentclass{article}',
    '\\usepackage{amsmath}',
    '\\begin{document}',
    `${heading}:`,
    '',
    prose ? answer : answer.split(/\n{2,}/).map(block).join('\n\n'),
    '\\end{document}',
  ].join('\n');
}

/** A block as a document holds it: bare mathematics (a matrix too) displayed, line by line; the rest as it is. */
function block(text: string): string {
  const bare = !/^\\(begin\{align|section|\[)/.test(text.trimStart()) && !text.includes('$');
  return bare ? text.split('\n').map((line) => `\\[\n${line}\n\\]`).join('\n') : text;
}

/** A question's heading: what it is, of its input as read (as typed, where it is not one expression: a vector, an equation). */
export function headingOf(what: string, input: string, options: ParseOptions = {}): string {
  let shown: string;
  try {
    shown = `$${toLatex(read(input, options).expr)}$`;
  } catch {
    shown = `\\texttt{${latexProse(input)}}`;
  }
  return `${latexProse(capitalise(what))}: ${shown}`;
}
