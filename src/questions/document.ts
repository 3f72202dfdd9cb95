import { latexProse } from '../print/steps-latex.js';
import { toLatex } from '../print/latex.js';
import { readInput, type Input, type ParseOptions } from '../parse/parse.js';
import { capitalise } from '../steps/labels.js';
import { partIn, type Shown, type Writing } from './write.js';

/**
 * A standalone LaTeX document around an answer of any kind, for pdflatex: amsmath, a line that
 * says what is answered (LaTeX running text), then the answer, its formulas displayed one to a line.
 */
export function latexDocument(heading: string, shown: Shown, writing: Omit<Writing, 'format'> = {}): string {
  const displayed = (lines: readonly string[]): string => lines.map((line) => `\\[\n${line}\n\\]`).join('\n');
  const body = shown.parts('latex').map((part) => {
    if (part.kind === 'math') return displayed(part.lines);
    const latex = partIn(part, 'latex', { ...writing, format: 'latex' });
    // A worked derivation ends with its answer, bare mathematics after its align*.
    return part.kind === 'worked' ? latex.split(/\n{2,}/).map((block) => (isBare(block) ? displayed(block.split('\n')) : block)).join('\n\n') : latex;
  });
  return ['\\documentclass{article}', '\\usepackage{amsmath}', '\\begin{document}', `${heading}:`, '', body.join('\n\n'), '\\end{document}'].join('\n');
}

/** Mathematics with nothing around it: no environment, no $…$. */
const isBare = (block: string): boolean => !/^\\(begin\{align|section|\[)/.test(block.trimStart()) && !block.includes('$');

/** A question's heading: what it is, of its input as read (as typed, where it does not read). */
export function headingOf(what: string, input: string, options: ParseOptions = {}): string {
  let shown: string;
  try {
    shown = `$${inputLatex(readInput(input, options).whole)}$`;
  } catch {
    shown = `\\texttt{${latexProse(input)}}`;
  }
  return `${latexProse(capitalise(what))}: ${shown}`;
}

/** A whole input in LaTeX: an equation with its =, a vector in brackets, a vector function applied. */
function inputLatex(whole: Input): string {
  switch (whole.kind) {
    case 'expression': return toLatex(whole.expr);
    case 'equation': return `${toLatex(whole.left)} = ${toLatex(whole.right)}`;
    case 'vector': return `\\left[${whole.components.map(toLatex).join(', ')}\\right]`;
    case 'vector-function': return `\\operatorname{${whole.spelling.replace(/_/g, '\\_')}}\\left(${whole.args.map(inputLatex).join(', ')}\\right)`;
  }
}
