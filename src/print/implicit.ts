import type { Expr } from '../expr/types.js';
import { mul, num } from '../expr/factory.js';
import { printerFor } from './notation.js';
import type { Notation } from './precedence.js';
import type { Implicit, ImplicitCheck } from '../multivariate/implicit.js';
import { buildTrace } from '../steps/trace.js';
import type { Worked, WorkedStep } from './worked.js';


/** y′, y″, y‴, y⁽⁴⁾ in Unicode; y', y'' in text and LaTeX (y^{(4)} past three). */
export function primedName(y: string, order: number, notation: Notation): string {
  if (notation === 'unicode') return order <= 3 ? `${y}${['′', '″', '‴'][order - 1]}` : `${y}⁽${[...String(order)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')}⁾`;
  if (order <= 3) return `${y}${"'".repeat(order)}`;
  return notation === 'latex' ? `${y}^{(${order})}` : `${y}^(${order})`;
}

/** "y′ = −x/y": the derivative of the highest order asked for. */
export const implicitAnswer = (r: Implicit, notation: Notation): string =>
  `${primedName(r.dependent, r.orders.length, notation)} = ${printerFor(notation)(r.result)}`;

/** The derivation as a textbook shows it: both sides differentiated, y′ collected and solved for, then each order above. */
export function implicitWorked(r: Implicit, notation: Notation): Worked {
  const print = printerFor(notation);
  const y = r.dependent;
  const x = r.variable;
  const p = (n: number): string => primedName(y, n, notation);
  const m = (math: string) => ({ math });
  const times = notation === 'text' ? '*' : notation === 'latex' ? ' \\cdot ' : '·';
  const steps: WorkedStep[] = [];
  let step = 0;
  r.orders.forEach((o, k) => {
    step++;
    if (k === 0) {
      const prime = notation === 'unicode' ? '′' : "'";
      steps.push({
        number: String(step), words: ['Differentiate both sides, ', m(`${y} = ${y}(${x})`), ' (the chain rule gives ', m(p(1)), ')'],
        substeps: o.sides.map((side, i) => ({
          number: `${step}.${i + 1}`, words: [i === 0 ? 'left' : 'right'],
          equation: [notation === 'latex' ? `\\left(${print(side.input)}\\right)'` : `(${print(side.input)})${prime}`, print(side.result)],
          trace: buildTrace(side, { within: [step, i + 1] }),
        })),
      });
      step++;
      steps.push({ number: String(step), words: ['Collect the terms with ', m(p(1))], equation: [collected(o.withoutSlope, o.slopeFactor, p(1), print, times, notation === 'unicode' ? '−' : '-'), '0'] });
      step++;
      steps.push({ number: String(step), words: ['Solve for ', m(p(1))], equation: [p(1), print(o.solved)] });
    } else {
      const before = r.orders[k - 1]!.result;
      steps.push({ number: String(step), words: ['Differentiate ', m(`${p(k)} = ${print(before)}`), ' again, ', m(`${y} = ${y}(${x})`)], equation: [p(k + 1), print(o.sides[0]!.result)] });
      step++;
      steps.push({ number: String(step), words: ['Put in ', m(`${p(1)} = ${print(r.orders[0]!.result)}`)], equation: [p(k + 1), print(o.solved)] });
    }
    if (o.onCurve) {
      step++;
      steps.push({ number: String(step), words: ['On the curve ', m(`${print(r.left)} = ${print(r.right)}`)], equation: [p(k + 1), print(o.onCurve)] });
    }
  });
  return { heading: [m(`${print(r.left)} = ${print(r.right)}`), ', with ', m(y), ' a function of ', m(x)], steps, answer: implicitAnswer(r, notation) };
}

/** "check: verified at 24 points of the curve against its slope; worst relative error 5.5e-11". */
export function implicitVerdict(c: ImplicitCheck, r: Implicit): string {
  const what = r.orders.length === 1 ? 'slope' : 'second difference';
  switch (c.verdict) {
    case 'verified': return `check: verified at ${c.points} points of the curve against its ${what}; worst relative error ${c.worstRelativeError.toPrecision(2)}`;
    case 'failed': return `check: FAILED at (${c.failure!.at.map((v) => v.toPrecision(6)).join(', ')}) on the curve: the derivative is ${c.failure!.derivative.toPrecision(6)}, the curve's ${what} ${c.failure!.curve.toPrecision(6)}`;
    case 'unchecked': return r.orders.length > 2 ? 'check: not done: past the second order the curve is not followed closely enough' : 'check: not done: no point of the curve was found';
  }
}

/** A + B·y′ as written by hand: (2y + 1)·y′ with its brackets, − x·y′ with its sign, y′ for 1·y′, no 0 + in front. */
function collected(withoutSlope: Expr, slopeFactor: Expr, slope: string, print: (e: Expr) => string, times: string, minus: string): string {
  const [negative, size] = withoutSign(slopeFactor);
  const isOne = size.kind === 'num' && size.value.equals(1);
  const factor = isOne ? slope : `${size.kind === 'add' ? `(${print(size)})` : print(size)}${times}${slope}`;
  const isZero = withoutSlope.kind === 'num' && withoutSlope.value.equals(0);
  if (isZero) return negative ? `${minus}${factor}` : factor;
  return `${print(withoutSlope)} ${negative ? minus : '+'} ${factor}`;
}

/** Whether a factor has a minus in front (−u, −2, −2·y), and the factor without it. */
function withoutSign(e: Expr): [boolean, Expr] {
  if (e.kind === 'neg') return [true, e.operand];
  if (e.kind === 'num' && e.value.s < 0n) return [true, num(e.value.neg())];
  const first = e.kind === 'mul' ? e.factors[0] : undefined;
  if (e.kind === 'mul' && first?.kind === 'num' && first.value.s < 0n) {
    const rest = e.factors.slice(1);
    return [true, first.value.equals(-1) ? mul(rest) : mul([num(first.value.neg()), ...rest])];
  }
  return [false, e];
}
