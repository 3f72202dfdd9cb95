import type { CheckFailure, CheckReport } from './check.js';
import { stepNumber } from '../steps/trace.js';
import { mostDigits } from './precise-slope.js';
import { decimalText } from '../expr/decimal.js';

/** Numbers as the verdict prints them: 4 significant digits, errors in exponent form. */
const value = (x: number): string => decimalText(x, 4, '-');
const error = (x: number): string => x.toExponential(1);

/** The one-line verdict of a numeric check, in plain ASCII (it goes to any terminal or log). */
export function verdictLine(report: CheckReport): string {
  const { variable } = report;
  const fixed = Object.entries(report.fixed).map(([k, v]) => `${k} = ${value(v)}`);
  const withFixed = fixed.length > 0 ? ` with ${fixed.join(', ')}` : '';
  switch (report.verdict) {
    case 'verified': {
      const [low, high] = report.range!;
      const equalities = report.equalities
        ? `; ${report.equalities.checked} of ${report.equalities.total} equalities of the derivation hold${report.equalities.checked < report.equalities.total ? ' (the others could not be evaluated there)' : ''}`
        : '';
      const where = report.pointsTried === 1 ? `at ${variable} = ${value(low)}${withFixed}`
        : `at ${report.pointsUsed} of ${report.pointsTried} points (${low === high ? `${variable} = ${value(low)}` : `${variable} from ${value(low)} to ${value(high)}`}${withFixed})`;
      return `check: verified ${where} against finite differences${inDigits(report)}; worst relative error ${error(report.worstError)}${equalities}${stopped(report)}`;
    }
    case 'failed': {
      // A wrong rule makes its own step false and every step above it: the deepest step is where it went wrong.
      const f = [...report.failures].sort((a, b) => depth(b) - depth(a))[0]!;
      const point = Object.entries(f.at).map(([k, v]) => `${k} = ${value(v)}`).join(', ');
      const isAnswer = f.step === undefined;
      const sides = isAnswer
        ? `the derivative is ${value(f.left)}, finite differences give ${value(f.right)}`
        : `the two sides are ${value(f.left)} and ${value(f.right)}`;
      const others = report.failures.filter((g) => g !== f).map((g) => (g.step === undefined ? `the ${g.what}` : `step ${stepNumber(g.step)}`));
      const more = others.length > 0 ? ` (${others.join(' and ')} ${others.length === 1 ? 'disagrees' : 'disagree'} too)` : '';
      return `check: FAILED ${isAnswer ? `for the ${f.what}` : `at step ${f.what}`}, at ${point}: ${sides}, relative error ${error(f.error)}${more}${stopped(report)}`;
    }
    case 'unchecked':
      if (report.stopped && report.stopped.pointsLeft === report.pointsTried) return `check: not verified${stopped(report)}`;
      return `check: not verified: none of the ${report.pointsTried} points tried${withFixed} could be used: ${whySkipped(report)}${notSettled(report)}${stopped(report)}`;
  }
}

/** A number as a sentence shows it: as the verdict line does, with a true minus sign. */
const shown = (x: number): string => decimalText(x, 4);

/**
 * The verdict of a numeric check in plain words, for a reader who does not know finite
 * differences: where it was checked, what holds, and why any point could not be used. Nothing
 * in it repeats a badge's verdict; the verdict line keeps the numbers (errors, digits).
 */
export function plainVerdict(report: CheckReport): string {
  const { variable, pointsTried: tried, pointsUsed: used } = report;
  const fixed = Object.entries(report.fixed).map(([k, v]) => `${k} = ${shown(v)}`);
  const withFixed = fixed.length > 0 ? `, with ${fixed.join(' and ')}` : '';
  const timeUp = report.stopped ? ' The check stopped at its time limit.' : '';
  switch (report.verdict) {
    case 'verified': {
      const [low, high] = report.range!;
      const where = used === 1 ? `at ${variable} = ${shown(low)}${withFixed}` : `at ${used} points, ${variable} from ${shown(low)} to ${shown(high)}${withFixed}`;
      const e = report.equalities;
      const what = !e ? 'the answer agrees with the slope measured there'
        : e.checked === e.total ? 'the answer agrees with the slope measured there, and every step of the derivation holds'
          : `the answer agrees with the slope measured there, and ${e.checked} of the derivation's ${e.total} steps hold (the others could not be evaluated)`;
      const p = report.precise;
      const precise = p && p.points > 0
        ? ` At ${p.points === used ? (used === 1 ? 'that point' : 'all of them') : `${p.points} of them`} ordinary floating point could not measure the slope, so ${p.digits}-digit numbers were used.`
        : '';
      const left = tried - used;
      const unused = left > 0 ? ` ${left === 1 ? 'The other point tried' : `The other ${left} points tried`} could not be used: ${plainReason(report)}.` : '';
      return `Checked ${where}: ${what}.${precise}${unused}${timeUp}`;
    }
    case 'failed': {
      const f = [...report.failures].sort((a, b) => depth(b) - depth(a))[0]!;
      const point = Object.entries(f.at).map(([k, v]) => `${k} = ${shown(v)}`).join(', ');
      // A step is named by its number and its rule: step 1.2 (derivative of cos).
      const number = f.step && stepNumber(f.step);
      const step = number && f.what.startsWith(`${number} `) ? `step ${number} (${f.what.slice(number.length + 1)})` : `step ${f.what}`;
      const sides = f.step === undefined
        ? `the answer gives ${shown(f.left)}, but the slope measured there is ${shown(f.right)}`
        : `${step} does not hold: its two sides are ${shown(f.left)} and ${shown(f.right)}`;
      return `At ${point}, ${sides}.${timeUp}`;
    }
    case 'unchecked':
      if (report.stopped && report.stopped.pointsLeft === tried) return 'The time ran out before any point could be compared.';
      return `None of the ${tried} points tried could be used: ${plainReason(report)}.${timeUp}`;
  }
}

/** The most frequent reason points were not used, in plain words. */
function plainReason(report: CheckReport): string {
  const { excluded, undefined: undefinedNear, unsettled, unresolvable, pastDoubles } = report.skipped;
  const reasons: [number, string][] = [
    [unresolvable, 'the function is too large there for its slope to be measured'],
    [undefinedNear, 'the function is undefined or not real near them'],
    [unsettled, 'the slope could not be measured there (a pole, a kink, or too much rounding)'],
    [excluded, 'the answer is said not to hold there'],
    [pastDoubles, 'the numbers there are too large for ordinary floating point'],
  ];
  return reasons.filter(([n]) => n > 0).sort((a, b) => b[0] - a[0])[0]?.[1] ?? 'they could not be evaluated';
}

/** That the check stopped at its time limit, and how many points it did not try. */
function stopped(report: CheckReport): string {
  const s = report.stopped;
  if (!s) return '';
  return `; stopped at the limit on time (--timeout, timeout)${s.pointsLeft > 0 ? `, with ${s.pointsLeft} of the ${report.pointsTried} points not tried` : ''}`;
}

/** Where the comparison was made in arbitrary precision: ", 4 of them in 134-digit arithmetic". */
function inDigits(report: CheckReport): string {
  const p = report.precise;
  if (!p || p.points === 0) return '';
  return `, ${p.points === report.pointsUsed ? (p.points === 1 ? 'there' : 'all of them') : `${p.points} of them`} in ${p.digits}-digit arithmetic (doubles could not settle the slope there)`;
}

/** That arbitrary precision was tried too, where it was: "; in arbitrary precision (up to 1000 digits) it did not settle at 4 points either". */
function notSettled(report: CheckReport): string {
  const p = report.precise;
  if (!p || p.tried === 0) return '';
  return `; in arbitrary precision (up to ${mostDigits} digits) the values did not settle at the ${p.tried === 1 ? 'point' : `${p.tried} points`} tried either`;
}

/** Why points were not used, the most frequent reason first: "20 where … and 4 where …". */
function whySkipped(report: CheckReport): string {
  const { excluded, undefined: undefinedNear, unsettled, unresolvable, pastDoubles } = report.skipped;
  const largest = report.largestUnresolved !== undefined ? ` (|f| up to ${report.largestUnresolved.toExponential(1)})` : '';
  const reasons: [number, string][] = [
    [unresolvable, `the function is so large${largest} that its finite differences are rounding and cannot resolve the slope`],
    [undefinedNear, 'the expression is undefined or not real nearby'],
    [unsettled, 'the finite differences do not settle (a pole, a kink, or digits lost to rounding)'],
    [excluded, 'the answer is said not to hold'],
    [pastDoubles, 'its numbers are past the range of doubles (1e308), and no more points could be compared in arbitrary precision'],
  ];
  return reasons.filter(([n]) => n > 0).sort((a, b) => b[0] - a[0]).map(([n, why]) => `${n} where ${why}`).join('; ');
}

/** How deep the step that disagreed is: 2 for step 1.2, −1 for an answer. */
const depth = (f: CheckFailure): number => f.step?.length ?? -1;
