import { variable } from '../expr/factory.js';
import { toLatex } from './latex.js';
import { rewriteGroups, stepNumber, stepRange, type Trace, type TraceStep } from '../steps/trace.js';
import type { StepDetail } from './steps-text.js';
import type { Binding } from '../steps/rules-shown.js';
import { capitalise, words } from '../steps/labels.js';
import { conditionsIn } from './conditions.js';

const escaped: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '#': '\\#', '$': '\\$', '%': '\\%', '&': '\\&', '_': '\\_', '^': '\\^{}', '~': '\\~{}',
};
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹ⁿ⁺⁻';
const superscriptLatex = '0123456789n+-';
/** Symbols of running text that LaTeX's text has not, as mathematics. */
const symbols: Readonly<Record<string, string>> = { '−': '-', '′': "'", '·': '\\cdot', '√': '\\surd', '≠': '\\neq', '≈': '\\approx', '×': '\\times', 'σ': '\\sigma', 'δ': '\\delta', '∂': '\\partial' };

/**
 * Running text as LaTeX's text takes it, in \text{…} or in a document: its special characters
 * escaped, and sin², u′ and − (which text has not) as mathematics.
 */
export function latexProse(words: string): string {
  return words.replace(/[\\{}#$%&_^~]/g, (c) => escaped[c]!)
    .replace(new RegExp(`[${superscripts}]+`, 'g'), (sup) => `$^{${[...sup].map((c) => superscriptLatex[superscripts.indexOf(c)]).join('')}}$`)
    .replace(/[−′·√≠≈×σδ∂]/g, (c) => `$${symbols[c]!}$`);
}

/**
 * A derivation as one align* environment: one equation per line, each justified on
 * the right with the step's number and rule, and the simplification continuing
 * with "= …" lines.
 */
export function traceToLatex(trace: Trace, detail: StepDetail = 'full'): string {
  return `\\begin{align*}\n${traceRowsLatex(trace, detail).join(' \\\\\n')}\n\\end{align*}`;
}

/**
 * The rows of a derivation's align* environment, for a derivation shown within another's. In
 * brief, each step is its result alone (no general formula) and a run of tidying rewrites one row.
 */
export function traceRowsLatex(trace: Trace, detail: StepDetail = 'full'): string[] {
  const full = detail === 'full';
  const rows: string[] = [];
  const row = (lhs: string, rhs: string, why: string): void => {
    rows.push(`${lhs} &= ${rhs} && ${why}`);
  };
  const text = (t: string): string => `\\text{${latexProse(t)}}`;

  const step = (s: TraceStep): void => {
    const number = stepNumber(s.number);
    const why = s.sameAs ? text(`${number} ${s.label}, ${words.asIn(stepNumber(s.sameAs))}`) : `${text(`${number} ${s.label}`)}${bindings(s.bindings)}`;
    if (full && s.formula) row(toLatex(s.derivative), toLatex(s.formula), why);
    s.substeps.forEach(step);
    const justification = full && s.formula
      ? text(`${number} ${words.combine} ${s.substeps.map((sub) => stepNumber(sub.number)).join(', ')}`)
      : why;
    row(toLatex(s.derivative), toLatex(s.result), justification);
  };

  for (const section of trace.sections) {
    step(section.root);
    for (const group of full ? section.rewrites.map((rewrite) => ({ kind: 'one' as const, rewrite })) : rewriteGroups(section.rewrites)) {
      if (group.kind === 'tidy') {
        row('', toLatex(group.whole), text(`${stepRange(group.rewrites, '--')} ${words.tidyUp(group.rewrites.length)}`));
        continue;
      }
      const r = group.rewrite;
      const uses = r.uses ? `,\\ ${toLatex(r.uses[0])} = ${toLatex(r.uses[1])}` : '';
      row('', toLatex(r.whole), `${text(`${stepNumber(r.number)} ${r.label}`)}${uses}`);
    }
  }
  if (trace.cycle) rows.push(`&& ${text(trace.cycle)}`);
  if (trace.conditions.length > 0) rows.push(`&& ${text(words.holdsFor)}\\ ${conditionsIn(trace.conditions, 'latex')}`);
  return rows;
}

function bindings(list: readonly Binding[]): string {
  if (list.length === 0) return '';
  return `,\\ ${list.map((b) => `${toLatex(b.name)} = ${toLatex(b.value)}`).join(',\\ ')}`;
}

/** What a derivation is of, as LaTeX running text: "Derivative of $x^{2}$ with respect to $x$". */
export const derivationHeading = (trace: Pick<Trace, 'input' | 'variable'>): string =>
  `${capitalise(words.derivativeOf)} $${toLatex(trace.input)}$ ${words.withRespectTo} $${toLatex(variable(trace.variable))}$`;
