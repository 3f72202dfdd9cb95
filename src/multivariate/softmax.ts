import type { Expr } from '../expr/types.js';
import { add, call, div, int, mul, neg, sub, variable } from '../expr/factory.js';
import { variablesOf } from '../expr/traverse.js';
import { differentiate, type Derivative } from '../differentiate/differentiate.js';
import { simplify } from '../simplify/simplify.js';
import { compile } from '../evaluate/compile.js';
import { readInput, type ParseOptions } from '../parse/parse.js';
import { errorAt } from '../parse/errors.js';
import { InputError } from '../errors.js';
import { toNumber } from '../expr/rational.js';

import type { SoftmaxKind } from '../parse/vector-functions.js';
export type { SoftmaxKind } from '../parse/vector-functions.js';

/**
 * softmax(z₁, …, zₙ) = (e^zᵢ/Σⱼ e^zⱼ)ᵢ, its logarithm zᵢ − logsumexp(z), and the cross-entropy
 * of softmax(z) against labels y, −Σᵢ yᵢ·ln sᵢ: each with its derivatives worked out by the
 * rules, and written as ML texts write them, in terms of the outputs sᵢ.
 */
export interface Softmax {
  readonly kind: SoftmaxKind;
  readonly inputs: readonly Expr[];
  readonly labels: readonly Expr[];
  /** The function's components (one, the loss, for the cross-entropy), as trees in the inputs. */
  readonly components: readonly Expr[];
  /** The variables differentiated by: the inputs' own. */
  readonly variables: readonly string[];
  /** ∂(component i)/∂zⱼ, each with its derivation. */
  readonly derivatives: readonly (readonly Derivative[])[];
  /** The names of the outputs sᵢ. */
  readonly outputs: readonly string[];
  /** Each derivative in terms of the outputs: sᵢ·(δᵢⱼ − sⱼ), δᵢⱼ − sⱼ, or sⱼ·Σyᵢ − yⱼ. */
  readonly inOutputs: readonly (readonly Expr[])[];
  /** For the cross-entropy, the gradient where the labels sum to 1 (one-hot): sⱼ − yⱼ. */
  readonly oneHot?: readonly Expr[];
}

/** Most inputs: the Jacobian has n² entries, each a derivation. */
const largest = 10;

export function softmax(input: string, options: ParseOptions = {}): Softmax {
  const { whole } = readInput(input, options);
  if (whole.kind !== 'vector-function') throw new InputError('not softmax(…), log_softmax(…) or cross_entropy(softmax(…), [y…])', 'invalid-request');
  const kind = whole.name;
  let scores = whole.args;
  let labels: readonly Expr[] = [];
  if (kind === 'cross-entropy') {
    const [inner, labelled] = whole.args;
    if (whole.args.length !== 2 || inner?.kind !== 'vector-function' || inner.name !== 'softmax' || labelled?.kind !== 'vector') {
      throw new InputError('the cross-entropy is written cross_entropy(softmax(z1, …, zn), [y1, …, yn])', 'invalid-request');
    }
    scores = inner.args;
    labels = labelled.components;
    if (labels.length !== scores.length) throw new InputError(`${scores.length} scores and ${labels.length} labels`, 'invalid-request');
  }
  const inputs = scores.map((z) => {
    if (z.kind !== 'expression') throw errorAt(input, z.offset, `${whole.spelling} takes one expression per score, as in softmax(z1, z2, z3)`);
    return z.expr;
  });
  if (inputs.length < 2 || inputs.length > largest) throw new InputError(`softmax takes 2 to ${largest} inputs, not ${inputs.length}`, 'limit');
  const variables = [...new Set(inputs.flatMap((z) => variablesOf(z)))];
  const taken = new Set([...variables, ...labels.flatMap((y) => variablesOf(y))]);
  const letter = ['s', 'p', 'q', 'σ'].find((l) => inputs.every((_, i) => !taken.has(`${l}${i + 1}`)))!;
  const outputs = inputs.map((_, i) => `${letter}${i + 1}`);

  const total = add(inputs.map((z) => call('exp', [z])));
  const logTotal = call('logsumexp', [...inputs]);
  const components = kind === 'softmax' ? inputs.map((z) => div(call('exp', [z]), total))
    : kind === 'log-softmax' ? inputs.map((z) => sub(z, logTotal))
      : [neg(add(inputs.map((z, i) => mul([labels[i]!, sub(z, logTotal)]))))];
  const derivatives = components.map((c) => variables.map((v) => differentiate(c, { variable: v })));

  const s = outputs.map((o) => variable(o));
  // The patterns, for inputs that are the variables themselves (zᵢ), and written through the chain rule otherwise.
  const δ = (i: number, j: number): Expr => int(i === j ? 1 : 0);
  const byInput = kind === 'softmax' ? inputs.map((_, i) => inputs.map((__, j) => simplify(mul([s[i]!, sub(δ(i, j), s[j]!)]))))
    : kind === 'log-softmax' ? inputs.map((_, i) => inputs.map((__, j) => simplify(sub(δ(i, j), s[j]!))))
      : [inputs.map((_, j) => simplify(sub(mul([s[j]!, add(labels)]), labels[j]!)))];
  const inOutputs = byInput.map((row) => variables.map((v) => simplify(add(row.map((entry, j) => mul([entry, differentiate(inputs[j]!, { variable: v }).result]))))));
  // sⱼ − yⱼ holds where the labels sum to 1: printed only where they may (numbers summing to 1, or names).
  const labelSum = simplify(add(labels));
  const mayBeOneHot = labelSum.kind === 'num' ? labelSum.value.equals(1) : labels.every((y) => y.kind === 'num' || y.kind === 'variable');
  const oneHot = kind === 'cross-entropy' && mayBeOneHot && inputs.every((z, j) => z.kind === 'variable' && variables[j] === z.name)
    ? inputs.map((_, j) => simplify(sub(s[j]!, labels[j]!))) : undefined;
  const result: Softmax = { kind, inputs, labels, components, variables, derivatives, outputs, inOutputs, ...(oneHot ? { oneHot } : {}) };
  verify(result);
  return result;
}

/** Each form in the outputs equals the derivative the rules give, at points of every sign: the forms' own check. */
function verify(r: Softmax): void {
  const names = [...new Set([...r.variables, ...r.labels.flatMap((y) => variablesOf(y))])];
  const sValues = compileAll(r.inputs.map((z) => div(call('exp', [z]), add(r.inputs.map((w) => call('exp', [w]))))));
  for (const seed of [0.37, -1.3, 2.9]) {
    const env = Object.fromEntries(names.map((n, k) => [n, seed * (k % 3 === 0 ? 1 : -0.7) + 0.21 * k]));
    const outputs = Object.fromEntries(r.outputs.map((o, i) => [o, sValues[i]!(env)]));
    r.derivatives.forEach((row, i) => row.forEach((d, j) => {
      const want = compile(d.result)(env);
      const got = compile(r.inOutputs[i]![j]!)({ ...env, ...outputs });
      if (!(Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want)))) {
        throw new Error(`internal error: the form in the outputs of entry (${i + 1}, ${j + 1}) is not the derivative`);
      }
    }));
    if (r.oneHot) verifyOneHot(r, env, outputs);
  }
}

/** sⱼ − yⱼ equals the gradient wherever the labels sum to 1: checked with the named labels scaled to sum to 1. */
function verifyOneHot(r: Softmax, env: Record<string, number>, outputs: Record<string, number>): void {
  const named = r.labels.filter((y) => y.kind === 'variable').map((y) => (y as Expr & { kind: 'variable' }).name);
  const fixedPart = r.labels.reduce((sum, y) => sum + (y.kind === 'num' ? toNumber(y.value) : 0), 0);
  const namedPart = named.reduce((sum, name) => sum + Math.abs(env[name]!) + 0.1, 0);
  // The named labels share what the numbers leave of 1, in proportion to their values here.
  const labels = Object.fromEntries(named.map((name) => [name, ((Math.abs(env[name]!) + 0.1) / namedPart) * (1 - fixedPart)]));
  const at = { ...env, ...labels };
  r.derivatives[0]!.forEach((d, j) => {
    const want = compile(d.result)(at);
    const got = compile(r.oneHot![j]!)({ ...at, ...outputs });
    if (!(Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want)))) throw new Error(`internal error: the one-hot form of entry ${j + 1} is not the gradient`);
  });
}

const compileAll = (es: readonly Expr[]) => es.map((e) => compile(e));
