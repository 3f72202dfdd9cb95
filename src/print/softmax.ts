import type { Softmax } from '../multivariate/softmax.js';
import { matrixIn, vectorIn } from './matrix.js';
import type { Notation } from './precedence.js';


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
  const what = `${s}${i} = e^z${i}/(${denominator(r)}), row i and column j`;
  const line = (() => {
    switch (r.kind) {
      case 'softmax': return `${partial}${s}${i}/${partial}z${j} = ${s}${i}·(${d} − ${s}${j}) with ${what}`;
      case 'log-softmax': return `${partial}(ln ${s}${i})/${partial}z${j} = ${d} − ${s}${j} with ${what}`;
      case 'cross-entropy': return `${partial}L/${partial}z${j} = ${s}${j}·${sum} − y${j}, so ${s}${j} − y${j} where the labels sum to 1 (one-hot)`;
    }
  })();
  return unicode ? line : ascii(line);
}

/** e^z1 + e^z2 + e^z3, or with … past four terms. */
const denominator = (r: Softmax): string => {
  const n = r.inputs.length;
  return n <= 4 ? Array.from({ length: n }, (_, k) => `e^z${k + 1}`).join(' + ') : `e^z1 + … + e^z${n}`;
};

/** The Unicode signs a line of text writes in ASCII. */
const ascii = (line: string): string => line.replace(/·/g, '*').replace(/−/g, '-').replace(/…/g, '...').replace(/Σ/g, 'sum ').replace(/²/g, '^2');

/** Where δᵢⱼ comes from: the quotient rule on e^zᵢ/S, written for every i and j at once. */
export function softmaxStepLines(r: Softmax, notation: Exclude<Notation, 'latex'>): string[] {
  const u = notation === 'unicode';
  const [i, j, d, S, p] = u ? ['ᵢ', 'ⱼ', 'δᵢⱼ', 'S', '∂'] : ['_i', '_j', 'delta_ij', 'S', 'd'];
  const s = r.outputs[0]!.replace(/\d+$/, '');
  const lines = [
    `${s}${i} = e^z${i}/${S}, with ${S} = ${denominator(r)}`,
    '',
    `1 Quotient rule: ${p}${s}${i}/${p}z${j} = (${p}e^z${i}/${p}z${j}·${S} − e^z${i}·${p}${S}/${p}z${j})/${S}²`,
    `2 e^z${i} depends on z${j} only when i = j: ${p}e^z${i}/${p}z${j} = ${d}·e^z${i}, with ${d} = 1 if i = j and 0 otherwise`,
    `3 ${S} has one term with z${j}: ${p}${S}/${p}z${j} = e^z${j}`,
    `4 So ${p}${s}${i}/${p}z${j} = (${d}·e^z${i}·${S} − e^z${i}·e^z${j})/${S}² = ${s}${i}·(${d} − ${s}${j})`,
  ];
  if (r.kind === 'log-softmax') lines.push(`5 ln ${s}${i} = z${i} − ln ${S}: ${p}(ln ${s}${i})/${p}z${j} = ${d} − e^z${j}/${S} = ${d} − ${s}${j}`);
  if (r.kind === 'cross-entropy') {
    lines.push(
      `5 L = −Σ${i} y${i}·ln ${s}${i}, and ${p}(ln ${s}${i})/${p}z${j} = ${d} − ${s}${j}`,
      `6 ${p}L/${p}z${j} = −Σ${i} y${i}·(${d} − ${s}${j}) = ${s}${j}·Σ${i} y${i} − y${j}, which is ${s}${j} − y${j} when the labels sum to 1`,
    );
  }
  return u ? lines : lines.map(ascii);
}
