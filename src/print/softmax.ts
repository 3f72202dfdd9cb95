import type { Softmax } from '../multivariate/softmax.js';
import { matrixIn, vectorIn } from './matrix.js';
import type { Notation } from './precedence.js';
import type { Worked, WorkedStep } from './worked.js';


/** The answer: the Jacobian in terms of the outputs, or the cross-entropy's gradient (one-hot where the labels are the inputs'). */
export function softmaxAnswer(r: Softmax, notation: Notation): string {
  if (r.kind === 'cross-entropy') return vectorIn(r.oneHot ?? r.inOutputs[0]!, notation);
  return matrixIn(r.inOutputs, notation);
}

/** The general pattern, in words and symbols, with what the outputs are. */
export function softmaxPattern(r: Softmax, notation: Exclude<Notation, 'latex'>): string {
  const s = r.outputs[0]!.replace(/\d+$/, '');
  const unicode = notation === 'unicode';
  const [i, j, d, sum] = unicode ? ['ᵢ', 'ⱼ', 'δᵢⱼ', 'Σᵢ yᵢ'] : ['_i', '_j', 'delta_ij', 'sum(y)'];
  const partial = unicode ? '∂' : 'd';
  const what = `${s}${i} = e^z${i}/(${denominator(r, symbolsIn.unicode)}), row i and column j`;
  const line = (() => {
    switch (r.kind) {
      case 'softmax': return `${partial}${s}${i}/${partial}z${j} = ${s}${i}·(${d} − ${s}${j}) with ${what}`;
      case 'log-softmax': return `${partial}(ln ${s}${i})/${partial}z${j} = ${d} − ${s}${j} with ${what}`;
      case 'cross-entropy': return `${partial}L/${partial}z${j} = ${s}${j}·${sum} − y${j}, so ${s}${j} − y${j} where the labels sum to 1 (one-hot)`;
    }
  })();
  return unicode ? line : ascii(line);
}

/** The Unicode signs a line of text writes in ASCII. */
const ascii = (line: string): string => line.replace(/·/g, '*').replace(/−/g, '-').replace(/…/g, '...').replace(/Σ/g, 'sum ').replace(/²/g, '^2');

/** How each notation writes the symbols of softmax's derivation. */
interface Symbols {
  /** A name with an index: sᵢ, s_i, s_{i}; z1 (the inputs' own names) stays as it is. */
  readonly at: (name: string, index: string) => string;
  readonly delta: string;
  readonly d: string;
  readonly dot: string;
  readonly minus: string;
  readonly sum: string;
  readonly exp: (exponent: string) => string;
  readonly frac: (numerator: string, denominator: string) => string;
  readonly squared: (base: string) => string;
  readonly ln: string;
  readonly dots: string;
}

/** A numerator of several terms in brackets, as a line of text needs: (a − b)/S². */
const grouped = (numerator: string): string => (/ [−-] /.test(numerator) ? `(${numerator})` : numerator);

const symbolsIn: Record<Notation, Symbols> = {
  unicode: {
    at: (name, index) => `${name}${index === 'i' ? 'ᵢ' : index === 'j' ? 'ⱼ' : index}`, delta: 'δᵢⱼ', d: '∂', dot: '·', minus: '−', sum: 'Σᵢ ',
    exp: (e) => `e^${e}`, frac: (n, d) => `${grouped(n)}/${d}`, squared: (b) => `${b}²`, ln: 'ln ', dots: '…',
  },
  text: {
    at: (name, index) => `${name}${/^\d+$/.test(index) ? index : `_${index}`}`, delta: 'delta_ij', d: 'd', dot: '*', minus: '-', sum: 'sum_i ',
    exp: (e) => `e^${e}`, frac: (n, d) => `${grouped(n)}/${d}`, squared: (b) => `${b}^2`, ln: 'ln ', dots: '...',
  },
  latex: {
    at: (name, index) => `${name}_{${index}}`, delta: '\\delta_{ij}', d: '\\partial ', dot: ' \\cdot ', minus: '-', sum: '\\sum_i ',
    exp: (e) => `e^{${e}}`, frac: (n, d) => `\\frac{${n}}{${d}}`, squared: (b) => `${b}^{2}`, ln: '\\ln ', dots: '\\dots',
  },
};

/** e^z1 + e^z2 + e^z3, or with … past four terms. */
function denominator(r: Softmax, { at, exp, dots }: Symbols): string {
  const n = r.inputs.length;
  const terms = Array.from({ length: n }, (_, k) => exp(at('z', String(k + 1))));
  return n <= 4 ? terms.join(' + ') : `${terms[0]} + ${dots} + ${terms[n - 1]}`;
}

/** Where δᵢⱼ comes from: the quotient rule on e^zᵢ/S, written for every i and j at once. */
export function softmaxWorked(r: Softmax, notation: Notation): Worked {
  const { at, delta, d, dot, minus, sum, exp, frac, squared, ln } = symbolsIn[notation];
  const name = r.outputs[0]!.replace(/\d+$/, '');
  const [si, sj, zi, zj, yi, yj] = [at(name, 'i'), at(name, 'j'), at('z', 'i'), at('z', 'j'), at('y', 'i'), at('y', 'j')];
  const [ei, ej] = [exp(zi), exp(zj)];
  const S = 'S';
  const dBy = (f: string): string => frac(`${d}${f}`, `${d}${zj}`);
  const m = (math: string) => ({ math });
  const steps: WorkedStep[] = [
    { number: '1', words: ['Quotient rule'], equation: [dBy(si), frac(`${dBy(ei)}${dot}${S} ${minus} ${ei}${dot}${dBy(S)}`, squared(S))] },
    { number: '2', words: [m(ei), ' depends on ', m(zj), ' only when i = j, with ', m(`${delta} = 1`), ' if i = j and 0 otherwise'], equation: [dBy(ei), `${delta}${dot}${ei}`] },
    { number: '3', words: [m(S), ' has one term with ', m(zj)], equation: [dBy(S), ej] },
    { number: '4', words: ['So'], equation: [dBy(si), `${frac(`${delta}${dot}${ei}${dot}${S} ${minus} ${ei}${dot}${ej}`, squared(S))} = ${si}${dot}(${delta} ${minus} ${sj})`] },
  ];
  const dLn = dBy(`(${ln}${si})`);
  if (r.kind === 'log-softmax') {
    steps.push({ number: '5', words: [m(`${ln}${si} = ${zi} ${minus} ${ln}${S}`)], equation: [dLn, `${delta} ${minus} ${frac(ej, S)} = ${delta} ${minus} ${sj}`] });
  }
  if (r.kind === 'cross-entropy') {
    steps.push(
      { number: '5', words: [m(`L = ${minus}${sum}${yi}${dot}${ln}${si}`), ', and by 4'], equation: [dLn, `${delta} ${minus} ${sj}`] },
      { number: '6', words: ['So'], equation: [dBy('L'), `${minus}${sum}${yi}${dot}(${delta} ${minus} ${sj}) = ${sj}${dot}${sum}${yi} ${minus} ${yj}`] },
      { number: '7', words: ['Where the labels sum to 1 (one-hot)'], equation: [dBy('L'), `${sj} ${minus} ${yj}`] },
    );
  }
  return { heading: [m(`${si} = ${frac(ei, S)}`), ', with ', m(`${S} = ${denominator(r, symbolsIn[notation])}`)], steps, answer: softmaxAnswer(r, notation) };
}
