import type { Trace } from '../steps/trace.js';
import { traceToText, type StepDetail } from '../print/steps-text.js';
import { traceToLatex } from '../print/steps-latex.js';
import { traceToMarkdown } from '../print/steps-markdown.js';
import { workedIn, type Worked } from '../print/worked.js';
import type { Format } from './format.js';

/*
 * Every kind of answer is written here, in every format: a question says what its answer is
 * made of (formulas, running text, derivations, code) with the mathematics in the notation of
 * the format, and what its JSON holds; the layout of each format, and the standalone LaTeX
 * document around an answer, are this module's alone.
 */

/** The formats an answer is laid out in for a reader, from its parts: JSON and DOT are written whole. */
export type ShownFormat = Exclude<Format, 'json' | 'dot'>;

/** The notation of a format's formulas: LaTeX for LaTeX and Markdown (inside $…$ there). */
export type MathNotation = 'text' | 'unicode' | 'latex';
export const mathNotation = (format: Format): MathNotation => (format === 'unicode' ? 'unicode' : format === 'latex' || format === 'markdown' ? 'latex' : 'text');

/** The notation of running text beside an answer (standard error): LaTeX there is read by a person, so it is text. */
export const noteNotation = (format: Format): 'text' | 'unicode' => (format === 'unicode' ? 'unicode' : 'text');

/** One part of an answer. */
export type Part =
  /** Formulas, one a line: displayed in a document, each in $…$ in Markdown. */
  | { readonly kind: 'math'; readonly lines: readonly string[] }
  /**
   * Running text, its mathematics written for the format already ($…$ in LaTeX and Markdown):
   * a paragraph a line in LaTeX and Markdown; a list is a Markdown list.
   */
  | { readonly kind: 'prose'; readonly lines: readonly string[]; readonly list?: boolean }
  /** A derivation by the rules, headed by what it derives where an answer has several (1 ∂f/∂x). */
  | { readonly kind: 'derivation'; readonly trace: Trace; readonly heading?: { readonly number: number; readonly name: string } }
  /** A worked derivation with steps beyond the rules: implicit differentiation, softmax. */
  | { readonly kind: 'worked'; readonly worked: Worked }
  /** Text as it is: code. */
  | { readonly kind: 'verbatim'; readonly text: string };

/** What is written of an answer: its parts in the format asked for, or its JSON. Each is made only when written. */
export interface Shown {
  readonly parts: (format: ShownFormat) => readonly Part[];
  readonly json: () => object;
  /** The answer as a Graphviz DOT graph, where it is a graph (a question lists `dot` among its formats then). */
  readonly dot?: () => string;
}

/** How parts are written: the detail of derivations, and whether text may be coloured. */
export interface Writing {
  readonly format: Format;
  readonly steps?: StepDetail;
  readonly colour?: boolean;
}

/** An answer in its format, without a trailing newline. */
export function written(shown: Shown, writing: Writing): string {
  const { format } = writing;
  if (format === 'json') return JSON.stringify(shown.json());
  if (format === 'dot') {
    if (!shown.dot) throw new Error('internal error: this answer has no DOT graph');
    return shown.dot();
  }
  return shown.parts(format).map((part) => partIn(part, format, writing)).join('\n\n');
}

/** One part in a format. */
export function partIn(part: Part, format: ShownFormat, writing: Writing): string {
  const paragraphs = format === 'latex' || format === 'markdown';
  const detail = writing.steps ?? 'full';
  switch (part.kind) {
    case 'math': return format === 'markdown' ? part.lines.map((l) => `$${l}$`).join('\n\n') : part.lines.join('\n');
    case 'prose':
      if (part.list && format === 'markdown') return part.lines.map((l) => `- ${l}`).join('\n');
      return part.lines.join(paragraphs ? '\n\n' : '\n');
    case 'derivation': {
      const { heading } = part;
      switch (format) {
        case 'latex': return `${heading ? `\\section*{$${heading.name}$}\n` : ''}${traceToLatex(part.trace, detail)}`;
        case 'markdown': return `${heading ? `### ${heading.number}. $${heading.name}$\n\n` : ''}${traceToMarkdown(part.trace, detail)}`;
        default: return `${heading ? `${heading.number} ${heading.name}\n` : ''}${traceToText(part.trace, { notation: format, detail, colour: writing.colour })}`;
      }
    }
    case 'worked': return workedIn(part.worked, format === 'unicode' ? 'text' : format, { detail, notation: format === 'text' ? 'text' : 'unicode' });
    case 'verbatim': return part.text;
  }
}
