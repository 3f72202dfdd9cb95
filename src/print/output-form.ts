import type { Expr } from '../expr/types.js';
import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import { functionTable } from '../functions/table.js';
import type { NoFormInOutput, OutputForm, OutputStep, SignCondition } from '../backprop/in-terms-of-output.js';

const prime = (notation: Notation): string => (notation === 'unicode' ? '′' : "'");
const equalsSign = ' = ';

/** "y′ = y·(1 − y)": the answer, in y alone where there is such a form, else with x and y, else in x. */
export function outputAnswer(form: OutputForm, notation: Notation): string {
  const shown = form.inOutput ?? form.mixed ?? form.derivative;
  return `${form.output}${prime(notation)}${equalsSign}${printerFor(notation)(shown)}`;
}

/** "x > 0 and x + 1 > 0": where the answer holds, when not wherever f′ does. */
export function outputConditions(holds: readonly SignCondition[], notation: Notation): string {
  const print = printerFor(notation);
  return holds.map((h) => `${print(h.expr)} ${h.relation} 0`).join(notation === 'latex' ? ',\\ ' : ' and ');
}

/** Why there is no form in y alone, in a sentence; the numbers of a counterexample to three figures. */
export function noFormReason(form: OutputForm, reason: NoFormInOutput, notation: Exclude<Notation, 'latex'>): string {
  const print = printerFor(notation);
  const f = print(form.input);
  const x = form.variable;
  const minus = (t: string): string => (notation === 'unicode' ? t.replace(/-/g, '−') : t);
  const figure = (n: number): string => minus(String(Number(n.toPrecision(3))));
  switch (reason.kind) {
    case 'not-one-to-one':
      return `${f} is not one-to-one: it is ${figure(reason.value)} at ${x} = ${figure(reason.at[0])} and at ${x} = ${figure(reason.at[1])}, `
        + `where its slopes are ${figure(reason.slopes[0])} and ${figure(reason.slopes[1])}, so ${form.output}${prime(notation)} is no function of ${form.output} alone`;
    case 'no-inverse':
      return `dydx knows no way to get ${x} back from ${form.output} = ${f}, so it writes ${form.output}${prime(notation)} with ${x}`;
  }
}

/** The derivation of the form in y, one line per step, numbered as derivations are. */
export function outputStepLines(form: OutputForm, notation: Exclude<Notation, 'latex'>): string[] {
  const print = printerFor(notation);
  const y = form.output;
  const p = prime(notation);
  const lines = [`${form.output} = ${print(form.input)}: ${y}${p} in terms of ${y}`, '', `1 Differentiate: ${y}${p} = ${print(form.derivative)}`];
  form.steps.forEach((step, i) => lines.push(`${i + 2} ${stepLine(step, print, y, p)}`));
  lines.push('', `Answer: ${outputAnswer(form, notation)}`);
  if (form.holds.length > 0) lines.push(`  for ${outputConditions(form.holds, notation)}`);
  if (form.reason && form.inOutput === undefined) lines.push(`  (${noFormReason(form, form.reason, notation)})`);
  return lines;
}

function stepLine(step: OutputStep, print: (e: Expr) => string, y: string, p: string): string {
  switch (step.kind) {
    case 'value-form': {
      const spelled = functionTable[step.name].unicode;
      const name = spelled.kind === 'name' ? spelled.name : step.name;
      return `${name}${p} in terms of its value ${print(step.value)}: ${name}${p}(${print(step.argument)}) = ${print(step.derivative)} = ${print(step.inValue)}`;
    }
    case 'power-form':
      return `Power in terms of its value ${print(step.power)}: ${print(step.derivative)} = ${print(step.inValue)}`;
    case 'invert': return `Get the argument back from ${y}: ${print(step.argument)} = ${print(step.fromValue)}`;
    case 'substitute': return `Substitute: ${y}${p} = ${print(step.result)}`;
    case 'simplify': return `Simplify: ${y}${p} = ${print(step.result)}`;
  }
}
