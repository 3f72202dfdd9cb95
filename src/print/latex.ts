import type { Expr, Num } from '../expr/types.js';
import { div, neg, negated } from '../expr/factory.js';
import { functionTable, type FunctionName } from '../functions/table.js';
import { foldWritten, partialIndices } from '../expr/traverse.js';
import { isInteger, isOne, isTerminating, isZero, toDecimalString } from '../expr/rational.js';
import { precedenceOf, required } from './precedence.js';
import { isNegativeLooking, isNegativeNumber } from '../expr/sign.js';
import { greekLetters } from '../expr/letters.js';
import { expectTree } from '../expr/check-tree.js';

/** LaTeX with minimal parentheses: \frac{e^{-x}}{\left(1+e^{-x}\right)^{2}}. Children first, any depth of nesting (see foldWritten). */
export function toLatex(root: Expr): string {
  expectTree(root, 'toLatex');
  return foldWritten(root, latexNode);
}

function latexNode(e: Expr, toLatex: (child: Expr) => string): string {
  const child = (c: Expr, minimum: number): string =>
    precedenceOf(c, 'latex') < minimum ? parens(toLatex(c)) : toLatex(c);

  switch (e.kind) {
    case 'num': return numberLatex(e);
    case 'constant': return e.name === 'pi' ? '\\pi' : 'e';
    case 'variable': return variableLatex(e.name);
    case 'add':
      return e.terms.map((term, i) => {
        if (i === 0) return child(term, required.firstTerm);
        if (isNegativeLooking(term)) return `-${child(negated(term), required.laterTerm)}`;
        return `+${child(term, required.laterTerm)}`;
      }).reduce((text, part) => text + part, '');
    case 'neg': return `-${child(e.operand, required.signOperand)}`;
    case 'mul':
      return e.factors.map((factor, i) => {
        // A product inside a product keeps its brackets wherever it stands, as in text: (a·b)·c.
        if (i === 0) return isNegativeNumber(factor) ? toLatex(factor) : factor.kind === 'mul' ? parens(toLatex(factor)) : child(factor, required.firstFactor);
        const text = factor.kind === 'mul' ? parens(toLatex(factor)) : child(factor, required.laterFactor);
        return (i === 1 && juxtaposes(e.factors[0]!, text) ? '' : ' \\cdot ') + text;
      }).reduce((text, part) => text + part, '');
    case 'div':
      // −1/x reads as −\frac{1}{x}, with the sign outside the fraction.
      if (isNegativeNumber(e.numerator)) return `-${toLatex(div(neg(e.numerator), e.denominator))}`;
      return `\\frac{${toLatex(e.numerator)}}{${toLatex(e.denominator)}}`;
    case 'pow': {
      // A fraction as a base is self-delimiting but reads badly: (a/b)² gets parentheses.
      const base = e.base.kind === 'div' || precedenceOf(e.base, 'latex') < required.base ? parens(toLatex(e.base)) : toLatex(e.base);
      return `${base}^{${toLatex(e.exponent)}}`;
    }
    case 'call': return callLatex(e.name, e.args.map(toLatex));
    case 'apply': {
      const args = parens(e.args.map(toLatex).join(', '));
      if (e.args.length > 1) return `${partialIndices(e).map((i) => `\\partial_{${i}}`).join('')}${partialIndices(e).length > 0 ? ' ' : ''}${e.name}${args}`;
      const order = e.orders[0]!;
      return `${e.name}${order <= 3 ? "'".repeat(order) : `^{(${order})}`}${args}`;
    }
    case 'derivative': return e.operand.kind === 'variable' ? `${toLatex(e.operand)}'` : `${parens(toLatex(e.operand))}'`;
  }
}

const parens = (text: string): string => `\\left(${text}\\right)`;

/** A function applied to arguments already printed, as its table entry spells it. */
export function callLatex(name: FunctionName, args: readonly string[]): string {
  const { latex: spelling, root } = functionTable[name];
  const [u] = args as [string];
  const all = parens(args.join(', '));
  switch (spelling.kind) {
    case 'command':
      return args.length > 1 && spelling.withBase ? `${spelling.withBase}_{${args[1]}}${parens(u)}` : `${spelling.command}${all}`;
    case 'operatorname': return `\\operatorname{${spelling.name}}${all}`;
    case 'root': return root === undefined || root === 2 ? `\\sqrt{${u}}` : `\\sqrt[${root}]{${u}}`;
    // A command delimiter (\\lfloor) needs a space before a letter; | does not.
    case 'delimiters': return `\\left${spelling.open}${spelling.open.startsWith('\\') ? ' ' : ''}${u}\\right${spelling.close}`;
    case 'power-of-e': return `e^{${u}}`;
  }
}

function numberLatex(e: Num): string {
  const q = e.value;
  const sign = isNegativeNumber(e) ? '-' : '';
  if (isInteger(q)) return sign + q.n.toString();
  if (e.decimal && isTerminating(q)) return sign + toDecimalString(q.abs());
  return `${sign}\\frac{${q.n}}{${q.d}}`;
}

/** 2x, \frac{1}{2}x and 2\sin\left(x\right): a number coefficient other than 0 and ±1 before a letter or a command. */
function juxtaposes(previous: Expr, next: string): boolean {
  return previous.kind === 'num' && !isOne(previous.value.abs()) && !isZero(previous.value) && /^(?:[A-Za-z]|\\(?!frac|cdot)[A-Za-z]|\\left\()/.test(next);
}


/** \theta for θ or theta, \Delta for Δ; undefined when the stem is not Greek. */
function greekCommand(stem: string): string | undefined {
  if (greekLetters.includes(stem) && stem !== 'omicron') return `\\${stem}`;
  const code = stem.codePointAt(0)!;
  if (stem.length !== 1) return undefined;
  if (code >= 0x3b1 && code <= 0x3c9) return code === 0x3bf ? 'o' : `\\${greekLetters[code - 0x3b1]}`;
  if (code >= 0x391 && code <= 0x3a9) {
    const name = greekLetters[code - 0x391]!;
    // Capitals that look like Latin letters have no command of their own.
    return /^(alpha|beta|epsilon|zeta|eta|iota|kappa|mu|nu|omicron|rho|tau|chi)$/.test(name)
      ? stem : `\\${name[0]!.toUpperCase()}${name.slice(1)}`;
  }
  return undefined;
}

/** x, \theta, w_{1}, x_{ab}, \mathrm{rate}. */
export function variableLatex(name: string): string {
  const match = /^([A-Za-z]+)(?:_?(\d+)|_([A-Za-z0-9]+))?$/.exec(name);
  const stem = match ? match[1]! : name;
  const subscript = match ? (match[2] ?? match[3]) : undefined;
  const base = greekCommand(stem) ?? (stem.length === 1 ? stem : `\\mathrm{${stem.replace(/_/g, '\\_')}}`);
  return subscript === undefined ? base : `${base}_{${subscript}}`;
}
