import type { MatrixExpr } from '../matrix/types.js';
import * as m from '../matrix/factory.js';
import { rational } from '../expr/rational.js';
import { entrywiseDerivative, inner, type DifferentialRule, type DifferentialStep } from '../matrix/differential.js';
import type { InnerProduct, InnerRule, InnerStep } from '../matrix/gradient.js';
import type { LinearForm, LinearRule, LinearStep, ScalarStep } from '../matrix/jacobian.js';
import type { MatrixRewrite, MatrixRewriteRule } from '../matrix/simplify.js';
import type { MatrixAnswer, MatrixDerivative } from '../matrix/derive.js';
import { isScalar, shapeWords, type Shape } from '../matrix/shape.js';
import { matrixPrecedenceOf, precedence, type Notation } from './precedence.js';
import { matrixPrinter } from './matrix-notation.js';
import type { Words, Worked, WorkedStep } from './worked.js';

/*
 * The derivation of a derivative in matrix notation as a person reads it: the differential by
 * the rules, each with its name and general form; the derivative read off the differential, each
 * identity named with its general form; the rewrites that write it simply; the answer. Every
 * rule's name and general form is here, one entry per id (the compiler asks for each), the
 * general forms as trees of placeholders, so each notation prints its own.
 */

const A = m.variable('A', { rows: 2, cols: 2 });
const B = m.variable('B', { rows: 2, cols: 2 });
const M = m.variable('M', { rows: 2, cols: 2 });
const N = m.variable('N', { rows: 2, cols: 2 });
const P = m.variable('P', { rows: 2, cols: 2 });
const Q = m.variable('Q', { rows: 2, cols: 2 });
const v = m.variable('v', { rows: 2, cols: 1 });
const z = m.variable('z', { rows: 2, cols: 1 });
const a = m.variable('a', { rows: 2, cols: 1 });
const b = m.variable('b', { rows: 2, cols: 1 });
const scalarA = m.variable('a', { rows: 1, cols: 1 });
const c = m.variable('c', { rows: 1, cols: 1 });
const alpha = m.variable('α', { rows: 1, cols: 1 });
const d = m.differential;

/** An equation of two trees, or of ⟨·, ·⟩ pairs and such, printed in a notation. */
type Form = (notation: Notation) => readonly [string, string];
const trees = (left: MatrixExpr, right: MatrixExpr): Form => (n) => [matrixPrinter(n)(left), matrixPrinter(n)(right)];

/** ⟨A, B⟩, the inner product tr(AᵀB), in a notation. */
export const pairIn = (p: InnerProduct, notation: Notation): string => angled(matrixPrinter(notation)(p.weight), matrixPrinter(notation)(p.of), notation);

/** ⟨left, right⟩ of two things printed. */
const angled = (left: string, right: string, notation: Notation): string =>
  (notation === 'latex' ? `\\left\\langle ${left}, ${right}\\right\\rangle` : notation === 'text' ? `<${left}, ${right}>` : `⟨${left}, ${right}⟩`);
const pairs = (left: readonly InnerProduct[], right: readonly InnerProduct[]): Form => (n) => [left.map((p) => pairIn(p, n)).join(' + '), right.map((p) => pairIn(p, n)).join(' + ')];

/** M·(E): a matrix and what it multiplies, each bracketed where it is a sum or product, so the step shows which is which. */
export function formIn(f: LinearForm, notation: Notation): string {
  const print = matrixPrinter(notation);
  const bracket = (e: MatrixExpr): string => (matrixPrecedenceOf(e, notation) < precedence.power ? `${notation === 'latex' ? '\\left(' : '('}${print(e)}${notation === 'latex' ? '\\right)' : ')'}` : print(e));
  const times = notation === 'text' ? '*' : notation === 'unicode' ? '·' : ' ';
  return f.matrix.kind === 'identity' ? print(f.of) : `${bracket(f.matrix)}${times}${bracket(f.of)}`;
}
const forms = (left: readonly LinearForm[], right: readonly LinearForm[]): Form => (n) => [left.map((f) => formIn(f, n)).join(' + '), right.map((f) => formIn(f, n)).join(' + ')];

interface Shown<S> {
  readonly label: string;
  readonly form?: (step: S) => Form;
}

/** A placeholder of a step's shape: a scalar u, or a matrix U. */
const like = (shape: Shape): MatrixExpr => (isScalar(shape) ? m.variable('u', shape) : m.variable('U', { rows: 2, cols: 2 }));

const differentialRulesShown: { readonly [R in DifferentialRule]: Shown<DifferentialStep> } = {
  'constant': { label: 'Constant', form: () => trees(d(m.variable('C', { rows: 2, cols: 2 })), m.zero({ rows: 2, cols: 2 })) },
  'variable': { label: 'The variable varies' },
  'sum': { label: 'Sum rule', form: () => trees(d(m.add([A, B])), m.add([d(A), d(B)])) },
  'constant-factors': { label: 'Constant factors stay', form: () => trees(d(m.product([P, A, Q])), m.product([P, d(A), Q])) },
  'product': { label: 'Product rule for matrices', form: () => trees(d(m.product([A, B])), m.add([m.product([d(A), B]), m.product([A, d(B)])])) },
  'hadamard-product': { label: 'Product rule for entrywise products', form: () => trees(d(m.hadamard([A, B])), m.add([m.hadamard([d(A), B]), m.hadamard([A, d(B)])])) },
  'power': {
    label: 'Power rule, entry by entry',
    form: (s) => {
      const base = like(s.of.shape);
      const q = s.of.kind === 'power' ? s.of.exponent : rational(2);
      return trees(d(m.power(base, q)), m.hadamard([m.number(q), m.power(base, q.sub(1)), d(base)]));
    },
  },
  'squared-norm': { label: 'Squared norm', form: () => trees(d(m.power(m.matrixFunction('norm', v), rational(2))), m.product([m.int(2), inner(v, d(v))])) },
  'elementwise': {
    label: 'Chain rule through an entrywise function, as a Hadamard product',
    form: (s) => {
      const name = s.of.kind === 'elementwise' ? s.of.name : 'exp';
      const U = like({ rows: 2, cols: 2 });
      return trees(d(m.elementwise(name, U)), m.hadamard([entrywiseDerivative(name, U), d(U)]));
    },
  },
  'chain': {
    label: 'Chain rule',
    form: (s) => {
      const name = s.of.kind === 'elementwise' ? s.of.name : 'exp';
      const u = like({ rows: 1, cols: 1 });
      return trees(d(m.elementwise(name, u)), m.hadamard([entrywiseDerivative(name, u), d(u)]));
    },
  },
  'transpose': { label: 'Transpose', form: () => trees(d(m.transpose(A)), m.transpose(d(A))) },
  'inverse': { label: 'Inverse', form: () => trees(d(m.matrixFunction('inv', A)), m.product([m.int(-1), m.matrixFunction('inv', A), d(A), m.matrixFunction('inv', A)])) },
  'determinant': { label: "Jacobi's formula", form: () => trees(d(m.matrixFunction('det', A)), m.product([m.matrixFunction('det', A), m.matrixFunction('tr', m.product([m.matrixFunction('inv', A), d(A)]))])) },
  'log-determinant': { label: 'Log-determinant', form: () => trees(d(m.elementwise('log', m.matrixFunction('det', A))), m.matrixFunction('tr', m.product([m.matrixFunction('inv', A), d(A)]))) },
  'trace': { label: 'Trace', form: () => trees(d(m.matrixFunction('tr', A)), m.matrixFunction('tr', d(A))) },
  'sum-of-entries': { label: 'Sum of the entries', form: () => trees(d(m.matrixFunction('sum', A)), m.matrixFunction('sum', d(A))) },
  'norm': { label: 'Norm', form: () => trees(d(m.matrixFunction('norm', v)), m.product([inner(v, d(v)), m.power(m.matrixFunction('norm', v), rational(-1))])) },
  'logsumexp': { label: 'logsumexp', form: () => trees(d(m.matrixFunction('logsumexp', z)), inner(m.matrixFunction('softmax', z), d(z))) },
  'softmax': {
    label: 'softmax',
    form: () => {
      const s = m.matrixFunction('softmax', z);
      return trees(d(s), m.sub(m.hadamard([s, d(z)]), m.product([inner(s, d(z)), s])));
    },
  },
  'log-softmax': {
    label: 'Log-softmax',
    form: () => trees(d(m.elementwise('log', m.matrixFunction('softmax', z))), m.sub(d(z), m.product([inner(m.matrixFunction('softmax', z), d(z)), m.ones(z.shape)]))),
  },
  'diag': { label: 'diag', form: () => trees(d(m.matrixFunction('diag', v)), m.matrixFunction('diag', d(v))) },
};

const pair = (weight: MatrixExpr, of: MatrixExpr): InnerProduct => ({ weight, of });

const innerRulesShown: { readonly [R in InnerRule]: Shown<InnerStep> } = {
  'sum': { label: 'Split the sum', form: () => pairs([pair(A, m.add([M, N]))], [pair(A, M), pair(A, N)]) },
  'coefficient': { label: 'A number moves into the weight', form: () => pairs([pair(A, m.product([m.int(2), M]))], [pair(m.product([m.int(2), A]), M)]) },
  'scalar-factor': {
    label: 'A scalar factor moves out',
    form: () => (n) => [pairIn(pair(A, m.product([alpha, M])), n), angled(pairIn(pair(A, M), n), matrixPrinter(n)(alpha), n)],
  },
  'move-factors': { label: 'Cyclic property of the trace, tr(XY) = tr(YX)', form: () => pairs([pair(A, m.product([P, M, Q]))], [pair(m.product([m.transpose(P), A, m.transpose(Q)]), M)]) },
  'transpose': { label: 'Transpose', form: () => pairs([pair(A, m.transpose(M))], [pair(m.transpose(A), M)]) },
  'hadamard': { label: 'Hadamard product across the inner product', form: () => pairs([pair(A, m.hadamard([B, M]))], [pair(m.hadamard([A, B]), M)]) },
  'trace': { label: 'Trace as an inner product', form: () => pairs([pair(scalarA, m.matrixFunction('tr', M))], [pair(m.product([scalarA, m.identity(2)]), M)]) },
  'sum-of-entries': { label: 'Sum of the entries as an inner product', form: () => pairs([pair(scalarA, m.matrixFunction('sum', M))], [pair(m.product([scalarA, m.ones(M.shape)]), M)]) },
  'diag': { label: 'diag across the inner product', form: () => pairs([pair(A, m.matrixFunction('diag', v))], [pair(m.matrixFunction('diag', A), v)]) },
};

const form = (matrix: MatrixExpr, of: MatrixExpr): LinearForm => ({ matrix, of });
const E = m.variable('E', { rows: 2, cols: 1 });
const F = m.variable('F', { rows: 2, cols: 1 });

const linearRulesShown: { readonly [R in LinearRule]: Shown<LinearStep> } = {
  'sum': { label: 'Split the sum', form: () => forms([form(M, m.add([E, F]))], [form(M, E), form(M, F)]) },
  'left-factor': { label: 'Matrix product', form: () => forms([form(M, m.product([P, E]))], [form(m.product([M, P]), E)]) },
  'scalar-factor': { label: 'A scalar factor moves out', form: () => forms([form(M, m.product([alpha, v]))], [form(m.product([M, v]), alpha)]) },
  'hadamard-as-diag': { label: 'Hadamard product as diag', form: () => forms([form(M, m.hadamard([a, E]))], [form(m.product([M, m.matrixFunction('diag', a)]), E)]) },
  'diag-swap': { label: 'A diagonal matrix times a vector, turned round', form: () => forms([form(M, m.product([m.matrixFunction('diag', E), b]))], [form(m.product([M, m.matrixFunction('diag', b)]), E)]) },
  'transpose-of-product': { label: 'Transpose of a product', form: () => trees(m.transpose(m.product([A, B])), m.product([m.transpose(B), m.transpose(A)])) },
  'diagonal-of-outer-product': { label: 'The diagonal of an outer product', form: () => trees(m.matrixFunction('diag', m.product([a, m.transpose(b)])), m.hadamard([a, b])) },
};

const rewritesShown: { readonly [R in MatrixRewriteRule]: Shown<MatrixRewrite> } = {
  'entrywise-as-scalars': {
    label: 'Entry by entry, as for scalars',
    form: () => trees(m.hadamard([m.int(1), m.power(m.add([m.int(1), m.elementwise('exp', m.neg(z))]), rational(-1))]), m.elementwise('sigmoid', z)),
  },
  'transpose-of-product': { label: 'Transpose of a product', form: () => trees(m.transpose(m.product([A, B])), m.product([m.transpose(B), m.transpose(A)])) },
  'sum-of-entries': { label: 'Sum of the entries', form: () => trees(m.product([m.transpose(m.ones(v.shape)), v]), m.matrixFunction('sum', v)) },
  'diag-times-vector': { label: 'diag times a vector', form: () => trees(m.product([m.matrixFunction('diag', a), b]), m.hadamard([a, b])) },
  'diag-of-outer-product': { label: 'The diagonal of an outer product', form: () => trees(m.matrixFunction('diag', m.product([a, m.transpose(b)])), m.hadamard([a, b])) },
  'diag-product': { label: 'Product of diagonal matrices', form: () => trees(m.product([m.matrixFunction('diag', a), m.matrixFunction('diag', b)]), m.matrixFunction('diag', m.hadamard([a, b]))) },
  'collect-terms': { label: 'Collect terms', form: () => trees(m.add([m.product([c, M]), m.product([alpha, M])]), m.product([m.add([c, alpha]), M])) },
  'common-right-factor': { label: 'Common factor on the right', form: () => trees(m.add([m.product([P, v]), m.product([Q, v])]), m.product([m.add([P, Q]), v])) },
  'common-left-factor': { label: 'Common factor on the left', form: () => trees(m.add([m.product([A, a]), m.product([A, b])]), m.product([A, m.add([a, b])])) },
};

/** The name of a derivative of an answer: ∂L/∂W, ∂f/∂x, ∂²L/∂x∂xᵀ. */
export function derivativeNameIn(answer: MatrixAnswer, k: number, notation: Notation): string {
  const dv = answer.derivatives[k]!;
  const x = matrixPrinter(notation)(dv.by);
  const second = answer.kind === 'hessian' && k === 1;
  const of = answer.kind === 'jacobian' ? 'f' : 'L';
  if (notation === 'latex') {
    return second ? `\\frac{\\partial^{2} L}{\\partial ${x}\\,\\partial ${x}^\\top}` : `\\frac{\\partial ${of}}{\\partial ${x}}`;
  }
  if (notation === 'text') return second ? `d2L/d${x}d${x}'` : `d${of}/d${x}`;
  return second ? `∂²L/∂${x}∂${x}ᵀ` : `∂${of}/∂${x}`;
}

const mathOf = (notation: Notation) => (e: MatrixExpr): { math: string } => ({ math: matrixPrinter(notation)(e) });

/** Words naming a rule, with its general form. */
function ruleWords<S>(shown: Shown<S>, step: S, notation: Notation): Words {
  if (shown.form === undefined) return [shown.label];
  const [left, right] = shown.form(step)(notation);
  return [`${shown.label}: `, { math: `${left} = ${right}` }];
}

/** A shape in words, its dimensions as mathematics in LaTeX (no × in LaTeX's running text). */
function shapeWordsIn(shape: Shape, notation: Notation): Words {
  const words = shapeWords(shape);
  if (notation !== 'latex') return [words];
  const [before, rows, cols, after] = /^(.*?)(\d+)×(\d+)(.*)$/.exec(words)?.slice(1) ?? [];
  return rows === undefined ? [words] : [before!, { math: `${rows} \\times ${cols}` }, after!];
}

/** The worked derivation of one derivative of an answer, in a notation. */
export function matrixWorked(answer: MatrixAnswer, k: number, notation: Notation): Worked {
  const dv = answer.derivatives[k]!;
  const print = matrixPrinter(notation);
  const math = mathOf(notation);
  const name = derivativeNameIn(answer, k, notation);
  const ofName = answer.kind === 'hessian' && k === 1 ? derivativeNameIn(answer, 0, notation) : answer.kind === 'jacobian' ? 'f' : 'L';
  let counter = 0;
  const differentialSteps = (s: DifferentialStep, number: string): WorkedStep => {
    const shown = differentialRulesShown[s.rule];
    const words: Words = s.sameAs ? [`${shown.label}, as before`] : ruleWords(shown, s, notation);
    // dX = dX says nothing: the variable's own steps are left out.
    const shownSubsteps = s.substeps.filter((t) => t.rule !== 'variable');
    return {
      number, words, equation: [print(m.differential(s.of)), print(s.result)],
      ...(shownSubsteps.length > 0 ? { substeps: shownSubsteps.map((t, i) => differentialSteps(t, `${number}.${i + 1}`)) } : {}),
    };
  };
  const innerSteps = (s: InnerStep, number: string): WorkedStep => ({
    number, words: ruleWords(innerRulesShown[s.rule], s, notation),
    equation: [pairIn(s.before, notation), s.after.map((p) => pairIn(p, notation)).join(' + ')],
    ...(s.substeps.length > 0 ? { substeps: s.substeps.map((t, i) => innerSteps(t, `${number}.${i + 1}`)) } : {}),
  });
  const linearSteps = (s: LinearStep | ScalarStep, number: string): WorkedStep => {
    if (s.rule === 'gradient-of-scalar') {
      return {
        number, words: ['A scalar linear in ', math(m.differential(dv.by)), ' is ', { math: pairIn({ weight: m.variable('g', dv.by.shape), of: m.differential(dv.by) }, notation) }, ', ', math(m.variable('g', dv.by.shape)), ' its gradient'],
        equation: [print(s.of), pairIn({ weight: s.gradient, of: m.differential(dv.by) }, notation)],
        ...(s.steps.length > 0 ? { substeps: s.steps.map((t, i) => innerSteps(t, `${number}.${i + 1}`)) } : {}),
      };
    }
    return {
      number, words: ruleWords(linearRulesShown[s.rule], s, notation),
      equation: [formIn(s.before, notation), s.after.map((f) => formIn(f, notation)).join(' + ')],
      ...(s.substeps.length > 0 ? { substeps: s.substeps.map((t, i) => linearSteps(t, `${number}.${i + 1}`)) } : {}),
    };
  };
  const n = (): string => String(++counter);
  const first = n();
  const steps: WorkedStep[] = [{
    number: first, words: ['Differentiate, with ', math(dv.by), ' varying'],
    equation: [`${notation === 'latex' ? '\\mathrm{d}' : 'd'}${ofName.includes('/') || ofName.includes('\\frac') ? `(${ofName})` : ofName}`, print(dv.differential.result)],
    substeps: [differentialSteps(dv.differential, `${first}.1`)],
  }];
  const second = n();
  const readWords: Words = dv.kind === 'gradient'
    ? ['Read the gradient off ', { math: `${notation === 'latex' ? '\\mathrm{d}' : 'd'}L = ${pairIn({ weight: m.variable('G', dv.by.shape), of: m.differential(dv.by) }, notation)}` }, ', where ', { math: `${pairIn({ weight: A, of: B }, notation)} = ${print(m.matrixFunction('tr', m.product([m.transpose(A), B])))}` }, ', ', math(m.variable('G', dv.by.shape)), ' of the shape of ', math(dv.by)]
    : ['Read the Jacobian off ', { math: `${notation === 'latex' ? '\\mathrm{d}' : 'd'}${ofName === 'f' ? 'f' : `(${ofName})`} = ${formIn({ matrix: m.variable('J', { rows: 2, cols: 2 }), of: m.differential(dv.by) }, notation)}` }];
  const readSteps = dv.kind === 'gradient'
    ? (dv.readOff as readonly InnerStep[]).map((s, i) => innerSteps(s, `${second}.${i + 1}`))
    : (dv.readOff as readonly (LinearStep | ScalarStep)[]).map((s, i) => linearSteps(s, `${second}.${i + 1}`));
  steps.push({ number: second, words: readWords, equation: [print(dv.kind === 'gradient' ? m.variable('G', dv.by.shape) : m.variable('J', { rows: 2, cols: 2 })), print(dv.unsimplified)], substeps: readSteps });
  if (dv.rewrites.length > 0) {
    const third = n();
    steps.push({
      number: third, words: ['Simplify'],
      substeps: dv.rewrites.map((r, i) => ({ number: `${third}.${i + 1}`, words: ruleWords(rewritesShown[r.rule], r, notation), equation: [print(r.before), print(r.after)] })),
    });
  }
  const heading: Words = [
    dv.kind === 'gradient' ? (answer.kind === 'hessian' ? 'The gradient' : 'Gradient') : answer.kind === 'hessian' ? 'The Hessian: the Jacobian' : 'Jacobian',
    ' of ', { math: answer.kind === 'hessian' && k === 1 ? ofName : print(dv.of) }, ' by ', math(dv.by), ', ', ...shapeWordsIn(dv.by.shape, notation),
  ];
  return { heading, steps, answer: `${name} = ${print(dv.result)}` };
}

/** What a derivative is, for JSON: gradient, jacobian or hessian. */
export const derivativeKind = (answer: MatrixAnswer, dv: MatrixDerivative): 'gradient' | 'jacobian' | 'hessian' =>
  (answer.kind === 'hessian' && dv.kind === 'jacobian' ? 'hessian' : dv.kind);
