import type { Expr } from '../expr/types.js';
import { toText, toUnicode } from './linear.js';
import { rewriteGroups, stepNumber, stepRange, type Trace, type TraceStep } from '../steps/trace.js';
import type { Binding } from '../steps/rules-shown.js';
import { capitalise, words } from '../steps/labels.js';
import { conditionsIn } from './conditions.js';

export type StepDetail = 'brief' | 'full';

export interface TextTraceOptions {
  /** `unicode` (e^(−x), σ) or ASCII `text` (exp(-x), sigmoid). */
  readonly notation?: 'unicode' | 'text';
  /** `full`: general form, bindings, substituted formula and results; `brief`: one line per rule. */
  readonly detail?: StepDetail;
  /** ANSI colour for a terminal. */
  readonly colour?: boolean;
}

const indentStep = 2;
/** Deep derivations stop indenting here, to stay readable in 80 columns. */
const maxIndent = 20;

/** A derivation as numbered, nested lines of text. */
export function traceToText(trace: Trace, options: TextTraceOptions = {}): string {
  const print = options.notation === 'text' ? toText : toUnicode;
  const full = (options.detail ?? 'full') === 'full';
  const arrow = options.notation === 'text' ? '->' : '→';
  const style = options.colour ? ansi : plain;
  const equation = ([lhs, rhs]: readonly [Expr, Expr]): string => `${print(lhs)} = ${print(rhs)}`;
  const lines: string[] = [];
  const indent = (depth: number): string => ' '.repeat(Math.min(depth * indentStep, maxIndent));

  const step = (s: TraceStep, depth: number): void => {
    const head = `${indent(depth)}${style.number(stepNumber(s.number))} ${style.label(capitalise(s.label))}`;
    const body = indent(depth + 1);
    if (s.sameAs) {
      lines.push(`${head}, ${words.asIn(stepNumber(s.sameAs))}: ${equation([s.derivative, s.result])}`);
      return;
    }
    if (!full) {
      lines.push(`${head}: ${equation([s.derivative, s.result])}`);
      s.substeps.forEach((sub) => step(sub, depth + 1));
      return;
    }
    const form = equation(s.form);
    lines.push(`${head}: ${form}`);
    if (s.bindings.length > 0) lines.push(`${body}${words.with} ${bindings(s.bindings, print)}`);
    if (s.formula) lines.push(`${body}${equation([s.derivative, s.formula])}`);
    s.substeps.forEach((sub) => step(sub, depth + 1));
    const result = equation([s.derivative, s.result]);
    if (result !== form) lines.push(`${body}${result}`);
  };

  for (const section of trace.sections) {
    if (lines.length > 0) lines.push('');
    const what = `${capitalise(words.derivativeOf)} ${print(section.expr)} ${words.withRespectTo} ${trace.variable}`;
    lines.push(trace.sections.length > 1 ? `${capitalise(words.order(section.order))}: ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what, '');
    step(section.root, 0);
    if (section.rewrites.length > 0) {
      lines.push(`${style.number(stepNumber(section.simplifyNumber))} ${style.label(capitalise(words.simplify))}`);
      // Brief: a run of tidying rewrites is one line, with the whole expression after it.
      for (const group of full ? section.rewrites.map((rewrite) => ({ kind: 'one' as const, rewrite })) : rewriteGroups(section.rewrites)) {
        if (group.kind === 'tidy') {
          const range = stepRange(group.rewrites, options.notation === 'text' ? '-' : '–');
          lines.push(`${indent(1)}${style.number(range)} ${style.label(capitalise(words.tidyUp(group.rewrites.length)))}: = ${print(group.whole)}`);
          continue;
        }
        const r = group.rewrite;
        const uses = r.uses ? `, ${equation(r.uses)}` : '';
        const label = `${indent(1)}${style.number(stepNumber(r.number))} ${style.label(capitalise(r.label))}${uses}`;
        if (r.atRoot) lines.push(`${label}${full ? `\n${indent(2)}` : ': '}= ${print(r.whole)}`);
        else {
          const head = `${label}: ${print(r.before)} ${arrow} ${print(r.after)}`;
          lines.push(full ? `${head}\n${indent(2)}= ${print(r.whole)}` : head);
        }
      }
    }
  }
  if (trace.cycle) lines.push('', capitalise(trace.cycle));
  const holds = trace.conditions.length > 0 ? `, ${words.holdsFor} ${conditionsIn(trace.conditions, options.notation === 'text' ? 'text' : 'unicode')}` : '';
  lines.push('', `${style.label(`${capitalise(words.answer)}:`)} ${print(trace.answer)}${holds}`);
  return lines.join('\n');
}

function bindings(list: readonly Binding[], print: (e: Expr) => string): string {
  return list.map((b) => `${print(b.name)} = ${print(b.value)}`).join(', ');
}


const plain = { number: (t: string): string => t, label: (t: string): string => t };
const ansi = {
  number: (t: string): string => `\u001b[2m${t}\u001b[22m`,
  label: (t: string): string => `\u001b[1m${t}\u001b[22m`,
};
