import { variable } from '../expr/factory.js';
import { toLatex } from './latex.js';
import { rewriteGroups, stepNumber, stepRange, type Trace, type TraceStep } from '../steps/trace.js';
import type { StepDetail } from './steps-text.js';
import type { Binding } from '../steps/rules-shown.js';
import { capitalise, words } from '../steps/labels.js';
import { conditionsIn } from './conditions.js';

/**
 * A derivation as a nested numbered Markdown list with $…$ and $$…$$ math, as GitHub
 * renders it: each item names its rule and general form, with the equations beneath.
 */
export function traceToMarkdown(trace: Trace, detail: StepDetail = 'full'): string {
  const full = detail === 'full';
  const lines: string[] = [];
  const math = (latex: string): string => `$${latex}$`;
  const display = (pad: string, latex: string): void => {
    lines.push('', `${pad}$$${latex}$$`, '');
  };

  const step = (s: TraceStep, pad: string, index: number): void => {
    const marker = `${index}. `;
    const inner = pad + ' '.repeat(marker.length);
    const form = `${toLatex(s.form[0])} = ${toLatex(s.form[1])}`;
    if (s.sameAs) {
      lines.push(`${pad}${marker}**${capitalise(s.label)}**, ${words.asIn(stepNumber(s.sameAs))}`);
      display(inner, `${toLatex(s.derivative)} = ${toLatex(s.result)}`);
      return;
    }
    if (!full) {
      // In brief, each step is its rule and its result, on one line.
      lines.push(`${pad}${marker}**${capitalise(s.label)}**: ${math(`${toLatex(s.derivative)} = ${toLatex(s.result)}`)}`);
      if (s.substeps.length > 0) lines.push('');
      s.substeps.forEach((sub, i) => step(sub, inner, i + 1));
      return;
    }
    lines.push(`${pad}${marker}**${capitalise(s.label)}** ${math(form)}${bindings(s.bindings)}`);
    if (s.formula) display(inner, `${toLatex(s.derivative)} = ${toLatex(s.formula)}`);
    if (s.substeps.length > 0) {
      lines.push('');
      s.substeps.forEach((sub, i) => step(sub, inner, i + 1));
    }
    const result = `${toLatex(s.derivative)} = ${toLatex(s.result)}`;
    if (result !== form) display(inner, result);
  };

  for (const section of trace.sections) {
    const order = trace.sections.length > 1 ? `${capitalise(words.order(section.order))}: ` : '';
    lines.push(`${order}${capitalise(words.derivativeOf)} ${math(toLatex(section.expr))} ${words.withRespectTo} ${math(toLatex(variable(trace.variable)))}`, '');
    step(section.root, '', 1);
    if (section.rewrites.length > 0) {
      lines.push(`2. **${capitalise(words.simplify)}**`, '');
      (full ? section.rewrites.map((rewrite) => ({ kind: 'one' as const, rewrite })) : rewriteGroups(section.rewrites)).forEach((group, i) => {
        if (group.kind === 'tidy') {
          lines.push(`   ${i + 1}. **${capitalise(words.tidyUp(group.rewrites.length))}** (${stepRange(group.rewrites)})`);
          display('      ', `= ${toLatex(group.whole)}`);
          return;
        }
        const r = group.rewrite;
        const uses = r.uses ? `, ${math(`${toLatex(r.uses[0])} = ${toLatex(r.uses[1])}`)}` : '';
        lines.push(`   ${i + 1}. **${capitalise(r.label)}**${uses}${r.atRoot ? '' : ` ${math(`${toLatex(r.before)} \\to ${toLatex(r.after)}`)}`}`);
        display('      ', `= ${toLatex(r.whole)}`);
      });
    }
    lines.push('');
  }
  if (trace.cycle) lines.push(`${capitalise(trace.cycle)}.`, '');
  const holds = trace.conditions.length > 0 ? `, ${words.holdsFor} ${math(conditionsIn(trace.conditions, 'latex'))}` : '';
  lines.push(`**${capitalise(words.answer)}:** ${math(toLatex(trace.answer))}${holds}`);
  return collapseBlankLines(lines).join('\n');
}

function bindings(list: readonly Binding[]): string {
  if (list.length === 0) return '';
  return ` ${words.with} ${list.map((b) => `$${toLatex(b.name)} = ${toLatex(b.value)}$`).join(', ')}`;
}


function collapseBlankLines(lines: readonly string[]): string[] {
  return lines.filter((line, i) => !(line === '' && (i === 0 || lines[i - 1] === '')));
}
