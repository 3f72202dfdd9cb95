import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import type { Implicit, ImplicitCheck } from '../multivariate/implicit.js';
import { buildTrace } from '../steps/trace.js';
import { traceToText, type StepDetail } from './steps-text.js';


/** y′, y″, y‴, y⁽⁴⁾ in Unicode; y', y'' in text and LaTeX (y^{(4)} past three). */
function primed(y: string, order: number, notation: Notation): string {
  if (notation === 'unicode') return order <= 3 ? `${y}${['′', '″', '‴'][order - 1]}` : `${y}⁽${[...String(order)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')}⁾`;
  if (order <= 3) return `${y}${"'".repeat(order)}`;
  return notation === 'latex' ? `${y}^{(${order})}` : `${y}^(${order})`;
}

/** "y′ = −x/y": the derivative of the highest order asked for. */
export const implicitAnswer = (r: Implicit, notation: Notation): string =>
  `${primed(r.dependent, r.orders.length, notation)} = ${printerFor(notation)(r.result)}`;

/** The derivation as a textbook shows it: both sides differentiated, y′ collected and solved for, then each order above. */
export function implicitStepLines(r: Implicit, notation: Exclude<Notation, 'latex'>, detail: StepDetail): string[] {
  const print = printerFor(notation);
  const y = r.dependent;
  const p = (n: number): string => primed(y, n, notation);
  const lines = [`${print(r.left)} = ${print(r.right)}, with ${y} a function of ${r.variable}`, ''];
  let step = 0;
  r.orders.forEach((o, k) => {
    step++;
    if (k === 0) {
      lines.push(`${step} Differentiate both sides, ${y} = ${y}(${r.variable}) (the chain rule gives ${p(1)}):`);
      o.sides.forEach((side, i) => {
        lines.push(`  ${step}.${i + 1} ${i === 0 ? 'left' : 'right'}: (${print(side.input)})${notation === 'unicode' ? '′' : "'"} = ${print(side.result)}`);
        if (detail === 'full') for (const line of indented(traceToText(buildTrace(side, { within: [step, i + 1] }), { notation, detail }))) lines.push(line);
      });
      step++;
      lines.push(`${step} Collect the terms with ${p(1)}: ${print(o.withoutSlope)} + ${print(o.slopeFactor)}·${p(1)} = 0`.replace('·', notation === 'text' ? '*' : '·'));
      step++;
      lines.push(`${step} Solve for ${p(1)}: ${p(1)} = ${print(o.solved)}`);
    } else {
      const before = r.orders[k - 1]!.result;
      lines.push(`${step} Differentiate ${p(k)} = ${print(before)} again, ${y} = ${y}(${r.variable}): ${p(k + 1)} = ${print(o.sides[0]!.result)}`);
      step++;
      lines.push(`${step} Put in ${p(1)} = ${print(r.orders[0]!.result)}: ${p(k + 1)} = ${print(o.solved)}`);
    }
    if (o.onCurve) {
      step++;
      lines.push(`${step} On the curve ${print(r.left)} = ${print(r.right)}: ${p(k + 1)} = ${print(o.onCurve)}`);
    }
  });
  lines.push('', `Answer: ${implicitAnswer(r, notation)}`);
  return lines;
}

const indented = (text: string): string[] => text.split('\n').filter((l) => l !== '').map((l) => `    ${l}`);

/** "check: verified at 24 points of the curve against its slope; worst relative error 5.5e-11". */
export function implicitVerdict(c: ImplicitCheck, r: Implicit): string {
  const what = r.orders.length === 1 ? 'slope' : 'second difference';
  switch (c.verdict) {
    case 'verified': return `check: verified at ${c.points} points of the curve against its ${what}; worst relative error ${c.worstRelativeError.toPrecision(2)}`;
    case 'failed': return `check: FAILED at (${c.failure!.at.map((v) => v.toPrecision(6)).join(', ')}) on the curve: the derivative is ${c.failure!.derivative.toPrecision(6)}, the curve's ${what} ${c.failure!.curve.toPrecision(6)}`;
    case 'unchecked': return r.orders.length > 2 ? 'check: not done: past the second order the curve is not followed closely enough' : 'check: not done: no point of the curve was found';
  }
}
