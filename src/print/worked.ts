import type { Trace } from '../steps/trace.js';
import { capitalise, words as traceWords } from '../steps/labels.js';
import { traceToText, type StepDetail } from './steps-text.js';
import { traceRowsLatex } from './steps-latex.js';
import { traceToMarkdown } from './steps-markdown.js';

/*
 * A worked derivation that is more than one derivative by the rules: implicit differentiation
 * (both sides, collect, solve) and softmax's Jacobian (where δᵢⱼ comes from). Its steps are
 * numbered and worded once, with their mathematics already printed in one notation, and laid out
 * here as text, a LaTeX align* environment or a Markdown list.
 */

/** Words with mathematics in them: plain text, and math printed in the step's notation. */
export type Words = readonly (string | { readonly math: string })[];

export interface WorkedStep {
  readonly number: string;
  readonly words: Words;
  /** The equation the step gives, its two sides printed in the step's notation. */
  readonly equation?: readonly [string, string];
  readonly substeps?: readonly WorkedStep[];
  /** The derivative by the rules the step works out, shown in full detail. */
  readonly trace?: Trace;
}

export interface Worked {
  /** What is worked out: "x² + y² = 1, with y a function of x". */
  readonly heading: Words;
  readonly steps: readonly WorkedStep[];
  /** The answer, printed in the notation. */
  readonly answer: string;
}

export type WorkedLayout = 'text' | 'latex' | 'markdown';

/** Words as plain text (math as printed), LaTeX (plain parts in \text) or Markdown (math in $…$). */
export function wordsIn(words: Words, layout: WorkedLayout): string {
  // Plain parts side by side are one: one \text{…} in LaTeX.
  const merged = words.reduce<(string | { readonly math: string })[]>((parts, w) => {
    const last = parts.at(-1);
    if (typeof w === 'string' && typeof last === 'string') parts[parts.length - 1] = last + w;
    else parts.push(w);
    return parts;
  }, []);
  return merged.map((w) => {
    if (typeof w !== 'string') return layout === 'markdown' ? `$${w.math}$` : w.math;
    return layout === 'latex' ? `\\text{${w.replace(/([{}\\#$%&_^~])/g, '\\$1')}}` : w;
  }).join('');
}

/** A worked derivation laid out: `full` shows the derivation by the rules under the steps that have one. */
export function workedIn(worked: Worked, layout: WorkedLayout, options: { readonly detail: StepDetail; readonly notation?: 'text' | 'unicode' }): string {
  const full = options.detail === 'full';
  switch (layout) {
    case 'text': {
      const lines = [wordsIn(worked.heading, 'text'), ''];
      const step = (s: WorkedStep, depth: number): void => {
        const equation = s.equation ? `: ${s.equation[0]} = ${s.equation[1]}` : s.substeps ? ':' : '';
        lines.push(`${'  '.repeat(depth)}${s.number} ${wordsIn(s.words, 'text')}${equation}`);
        if (full && s.trace) {
          for (const line of traceToText(s.trace, { notation: options.notation ?? 'unicode', detail: 'full' }).split('\n')) {
            if (line !== '') lines.push(`${'  '.repeat(depth + 1)}${line}`);
          }
        }
        for (const sub of s.substeps ?? []) step(sub, depth + 1);
      };
      worked.steps.forEach((s) => step(s, 0));
      lines.push('', `${capitalise(traceWords.answer)}: ${worked.answer}`);
      return lines.join('\n');
    }
    case 'latex': {
      const rows: string[] = [];
      const step = (s: WorkedStep): void => {
        const why = wordsIn([`${s.number} `, ...s.words], 'latex');
        rows.push(s.equation ? `${s.equation[0]} &= ${s.equation[1]} && ${why}` : `&& ${why}`);
        if (full && s.trace) for (const row of traceRowsLatex(s.trace)) rows.push(row);
        (s.substeps ?? []).forEach(step);
      };
      worked.steps.forEach(step);
      // Running text takes its math in $…$ in LaTeX as in Markdown.
      return `${wordsIn(worked.heading, 'markdown')}:\n\\begin{align*}\n${rows.join(' \\\\\n')}\n\\end{align*}\n\n${worked.answer}`;
    }
    case 'markdown': {
      const lines = [`${wordsIn(worked.heading, 'markdown')}:`, ''];
      const step = (s: WorkedStep, pad: string): void => {
        const equation = s.equation ? `: $${s.equation[0]} = ${s.equation[1]}$` : '';
        lines.push(`${pad}- **${s.number}** ${wordsIn(s.words, 'markdown')}${equation}`);
        if (full && s.trace) lines.push('', ...traceToMarkdown(s.trace).split('\n').map((l) => (l === '' ? '' : `${pad}  ${l}`)), '');
        for (const sub of s.substeps ?? []) step(sub, `${pad}  `);
      };
      worked.steps.forEach((s) => step(s, ''));
      lines.push('', `**${capitalise(traceWords.answer)}:** $${worked.answer}$`);
      return lines.filter((l, i) => !(l === '' && lines[i - 1] === '')).join('\n');
    }
  }
}
