import type { Expr } from '../expr/types.js';
import type { ImplicitAnswerReport } from '../multivariate/implicit-answer.js';
import { primedName } from './implicit.js';
import type { AnswerReport, FoundMistake, WorkingReport } from '../answer/check-answer.js';
import type { Environment } from '../evaluate/evaluate.js';
import { derivative } from '../expr/factory.js';
import { toText, toUnicode } from './linear.js';
import { toLatex } from './latex.js';
import { latexProse } from './steps-latex.js';

/*
 * A checked answer in words: the verdict and how it was reached, where the answer and the
 * derivative differ, the mistake that explains it with the step done right beside it, and
 * dydx's form.
 */

/**
 * Plain text, Unicode, or running text with its mathematics in $…$: LaTeX (its special characters
 * escaped, its Unicode symbols as mathematics, for a document) or Markdown.
 */
export type AnswerNotation = 'text' | 'unicode' | 'latex' | 'markdown';

const inDollars = (notation: AnswerNotation): boolean => notation === 'latex' || notation === 'markdown';
const show = (e: Expr, notation: AnswerNotation): string =>
  (inDollars(notation) ? `$${toLatex(e)}$` : notation === 'unicode' ? toUnicode(e) : toText(e));
/** An equation between two expressions, as one piece of mathematics. */
const equation = (lhs: Expr, rhs: Expr, notation: AnswerNotation): string =>
  (inDollars(notation) ? `$${toLatex(lhs)} = ${toLatex(rhs)}$` : `${show(lhs, notation)} = ${show(rhs, notation)}`);
/** A number, 6 significant digits (more where it is to be told from another); in LaTeX and Markdown as mathematics (−0.5, 2·10⁻⁸). */
function number(x: number, notation: AnswerNotation, digits = 6): string {
  if (Number.isNaN(x)) return 'undefined';
  return inDollars(notation) ? `$${numberLatex(x, digits)}$` : numberText(x, digits);
}
const numberText = (x: number, digits = 6): string => String(Number(x.toPrecision(digits)));
/** The fewest digits, from 6 to 17, that tell two different numbers apart: 2x + 10⁻¹¹ is no 0.0142 beside 0.0142. */
function digitsApart(a: number, b: number): number {
  let digits = 6;
  while (digits < 17 && a !== b && numberText(a, digits) === numberText(b, digits)) digits++;
  return digits;
}
const numberLatex = (x: number, digits = 6): string => numberText(x, digits).replace(/e\+?(-?\d+)$/, ' \\cdot 10^{$1}');
/** The point's coordinates, one piece of mathematics each in LaTeX and Markdown. */
const point = (at: Environment, notation: AnswerNotation): string =>
  Object.entries(at).map(([k, v]) => (inDollars(notation) ? `$${k} = ${numberLatex(v)}$` : `${k} = ${numberText(v)}`)).join(', ');
/** The mistake's words with its parts written out: "the chain rule's inner derivative (x^2)′ = 2*x is left out". */
export function mistakeWords(m: FoundMistake, notation: AnswerNotation): string {
  // The catalogue's words and the parts put into them, each written in the notation.
  return m.words.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (name !== undefined) return m.parts[name] ? show(m.parts[name], notation) : name;
    switch (notation) {
      case 'unicode': case 'markdown': return piece;
      case 'latex': return latexProse(piece);
      case 'text': return piece.replace(/″/g, "''").replace(/‴/g, "'''").replace(/′/g, "'").replace(/²/g, '^2').replace(/ⁿ⁻¹/g, '^(n-1)').replace(/ⁿ⁺¹/g, '^(n+1)').replace(/ⁿ/g, '^n').replace(/√/g, 'sqrt').replace(/−/g, '-').replace(/·/g, '*');
    }
  }).join('');
}

/** The lines that say what the check of an answer found. */
export function answerLines(report: AnswerReport, notation: AnswerNotation): string[] {
  const lines: string[] = [];
  const right = show(report.derivative.result, notation);
  const how = report.method === 'symbolic' ? 'the difference simplifies to 0' : `the values agree at ${report.points} points`;
  switch (report.verdict) {
    case 'correct': {
      const form = report.simplest ? 'it is in simplest form' : `a simpler form is ${right}`;
      lines.push(`answer: correct (${how}); ${form}`);
      if (report.partOfDomain && report.where) {
        lines.push(`  but only where it is defined: at ${point(report.where.at, notation)} yours is undefined and the derivative is ${number(report.where.derivative, notation)}`);
      }
      break;
    }
    case 'undecided':
      lines.push(`answer: undecided (the two could be compared at only ${report.points} points and the difference does not simplify to 0)`);
      break;
    case 'incorrect': {
      const w = report.where!;
      const digits = digitsApart(w.yours, w.derivative);
      lines.push(`answer: incorrect (at ${point(w.at, notation)} yours is ${number(w.yours, notation, digits)} and the derivative is ${number(w.derivative, notation, digits)})`);
      for (const line of explanation(report.mistake, notation)) lines.push(line);
      lines.push(`derivative: ${right}`);
      break;
    }
  }
  return lines;
}

/**
 * What the check found, in a sentence a student reads: "Not quite: at x = 0.37 yours gives 0.69 but
 * the derivative is 0.395. It looks like the derivative of the product … (step 1)." The lines of
 * answerLines give the same with the step's right and wrong forms.
 */
export function answerSentence(report: AnswerReport, notation: 'text' | 'unicode'): string {
  const right = show(report.derivative.result, notation);
  switch (report.verdict) {
    case 'correct': {
      const form = report.simplest ? '' : ` It can be written more simply: ${right}.`;
      const part = report.partOfDomain && report.where
        ? ` But yours has no value at ${point(report.where.at, notation)}, where the derivative is ${number(report.where.derivative, notation)}.`
        : '';
      return `Correct: yours is the derivative.${form}${part}`;
    }
    case 'undecided':
      return `Undecided: the two could be compared at only ${report.points} points, and their difference does not simplify to 0. The derivative is ${right}.`;
    case 'incorrect': {
      const w = report.where!;
      const digits = digitsApart(w.yours, w.derivative);
      const m = report.mistake;
      const why = m
        ? ` It looks like ${mistakeWords(m, notation)}${m.with ? `, and ${mistakeWords(m.with, notation)}` : ''}${m.step ? ` — see step ${m.step.join('.')}, marked in the derivation` : ''}.`
        : ' No common mistake explains it.';
      return `Not quite: at ${point(w.at, notation)} yours gives ${number(w.yours, notation, digits)} but the derivative is ${number(w.derivative, notation, digits)}.${why}`;
    }
  }
}

/** The mistake that explains a wrong answer (and the one made with it), or that none of the catalogue does. */
function explanation(m: FoundMistake | undefined, notation: AnswerNotation): string[] {
  if (!m) return ['no mistake of the catalogue, alone or with one other, explains it'];
  return [...mistakeLines(m, notation, 'likely mistake'), ...(m.with ? mistakeLines(m.with, notation, 'and') : [])];
}

function mistakeLines(m: FoundMistake, notation: AnswerNotation, lead: string): string[] {
  const at = m.step ? `, at step ${m.step.join('.')}` : '';
  const lines = [`${lead}${at}: ${mistakeWords(m, notation)}`];
  if (m.place && m.expected && m.got) {
    const lhs = derivative(m.place, 'x');
    lines.push(`  right: ${equation(lhs, m.expected, notation)}`);
    lines.push(`  yours: ${equation(lhs, m.got, notation)}`);
  }
  return lines;
}

/** The lines that say what the check of a student's working found. */
export function workingLines(report: WorkingReport, notation: AnswerNotation): string[] {
  const wrong = report.firstWrong;
  if (!wrong) {
    return report.verdict === 'correct'
      ? [`working: correct: each of the ${report.lines.length} lines equals the one before, the first the derivative`]
      : ['working: undecided: some lines could be compared at too few points'];
  }
  const before = wrong.line === 1 ? 'the derivative' : `line ${wrong.line - 1}`;
  const lines = [
    `working: line ${wrong.line} is not equal to ${before}${wrong.line === 2 ? ' (line 1 is right)' : wrong.line > 2 ? ` (lines 1 to ${wrong.line - 1} are right)` : ''}`,
    `  at ${point(wrong.where.at, notation)} line ${wrong.line} is ${number(wrong.where.line, notation)} and ${before} is ${number(wrong.where.before, notation)}`,
  ];
  for (const line of explanation(report.report?.mistake, notation)) lines.push(line);
  lines.push(`derivative: ${show(report.derivative.result, notation)}`);
  return lines;
}

/** A student's implicit derivative judged: the verdict, where on the curve it differs, and dydx's. */
export function implicitAnswerLines(report: ImplicitAnswerReport, notation: AnswerNotation): string[] {
  const r = report.implicit;
  const name = primedName(r.dependent, r.orders.length, notation === 'latex' || notation === 'markdown' ? 'latex' : notation);
  const right = inDollars(notation) ? `$${name} = ${toLatex(r.result)}$` : `${name} = ${show(r.result, notation)}`;
  const prose = (words: string): string => (notation === 'latex' ? latexProse(words) : words);
  switch (report.verdict) {
    case 'correct':
      return [report.method === 'symbolic' ? prose('answer: correct (the difference simplifies to 0)')
        : `${prose('answer: correct (it agrees with ')}${right}${prose(` at ${report.points} points of the curve)`)}`];
    case 'undecided':
      return [prose(`answer: undecided (the two could be compared at only ${report.points} points of the curve)`), `${prose('derivative: ')}${right}`];
    case 'incorrect': {
      const w = report.where!;
      const digits = digitsApart(w.yours, w.derivative);
      const at = inDollars(notation) ? `$(${r.variable}, ${r.dependent}) = (${numberLatex(w.at[0])}, ${numberLatex(w.at[1])})$`
        : `(${r.variable}, ${r.dependent}) = (${numberText(w.at[0])}, ${numberText(w.at[1])})`;
      return [
        `${prose('answer: incorrect (at ')}${at}${prose(' on the curve yours is ')}${number(w.yours, notation, digits)}${prose(` and ${primedName(r.dependent, r.orders.length, notation === 'unicode' ? 'unicode' : 'text')} is `)}${number(w.derivative, notation, digits)}${prose(')')}`,
        `${prose('derivative: ')}${right}`,
      ];
    }
  }
}
