import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Expr } from '../../src/expr/types.js';
import * as build from '../../src/expr/factory.js';
import { equals, variablesOf } from '../../src/expr/traverse.js';
import { substitute } from '../../src/expr/substitute.js';
import { parse } from '../../src/parse/parse.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { simplify } from '../../src/simplify/simplify.js';
import { PreciseEvaluator, NoPreciseValue } from '../../src/evaluate/precise.js';
import { InputError } from '../../src/errors.js';
import { pointValues, readPoint, valueAt, type Coordinate, type ValueAt } from '../../src/multivariate/at-point.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { computationGraph, nodeName, type ComputationGraph } from '../../src/graph/graph.js';
import { adjointTerms, forwardBackward } from '../../src/graph/passes.js';
import { expressionTree } from '../helpers/arbitraries.js';
import { corpus, network } from '../../bench/inputs.mjs';
import { unlessNoValue } from '../helpers/no-value.js';

/*
 * What a computation graph and its passes must be, at random points, for every expression of the
 * bench's corpus, random trees and the losses of small networks: each node appears once however
 * often its part is used, each node's value is its part's value at the point (worked out here
 * apart, in arbitrary precision), and the inputs' adjoints are the gradient the rules give
 * (equal exactly, or to a relative 10⁻¹²).
 */

const runs = Number(process.env.DYDX_PROPERTY_RUNS ?? 400);
/** Each random tree is differentiated once per edge and valued exactly at every node: a quarter of the runs of the cheaper properties. */
const graphRuns = Math.max(25, Math.round(runs / 4));

const loss = '-(y*log(sigmoid(w*x+b)) + (1-y)*log(1-sigmoid(w*x+b)))';

/** A random point for these variables: values of two decimals between −3 and 3, as typed. */
const pointFor = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: -300, max: 300 }), { minLength: names.length, maxLength: names.length })
    .map((values) => names.map((n, i) => `${n}=${values[i]! / 100}`).join(','));

/** The same, with positive values for the first variable: x in (0, 3), where most of the corpus is defined. */
const positivePointFor = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: -300, max: 300 }), { minLength: names.length, maxLength: names.length })
    .map((values) => names.map((n, i) => `${n}=${(n === 'x' ? Math.abs(values[i]!) + 1 : values[i]!) / 100}`).join(','));

/**
 * Two points always tried besides the random ones, x below 1 and above: acos(2x − 1) and √(1 − x²)
 * have values only below, log(log(x)) only above, and eight draws have missed either.
 */
const pointsBelowAndAboveOne = (names: readonly string[]): [string][] =>
  [0.5, 2].map((x) => [names.map((n) => `${n}=${n === 'x' ? x : 0.3}`).join(',')]);

/** A value in arbitrary precision, worked out here: undefined where it has none. */
function precise(e: Expr, point: readonly Coordinate[]): Decimal | undefined {
  const calculator = new PreciseEvaluator(60);
  try {
    const env = Object.fromEntries(point.map(([name, v]) => [name, calculator.evaluate(v, {})]));
    const value = calculator.evaluate(e, env);
    return value.isFinite() ? value : undefined;
  } catch (error) {
    if (error instanceof NoPreciseValue) return undefined;
    throw error;
  }
}

/**
 * Two values the same: equal exactly, or to a relative tolerance, 10⁻¹² unless told, or apart by
 * no more than `floor` (10⁻²⁵ unless told, the rounding of 40-digit work on parts near 1).
 */
function same(a: Decimal | string, b: Decimal | string, tolerance = '1e-12', floor = '1e-25'): boolean {
  const [x, y] = [new Decimal(a), new Decimal(b)];
  const gap = x.minus(y).abs();
  return gap.lte(Decimal.max(x.abs(), y.abs()).times(tolerance)) || gap.lte(floor);
}

/**
 * Equal exactly, or in value: to 1e-12, or to 1e-9 where a function in it is valued in doubles (ψ,
 * Γ, elliptic integrals, orthogonal polynomials), whose rounding two formulas for one derivative
 * meet differently; there, two values within 1e-12 of each other are the same though both are the
 * rounding left of 0 (laguerre(0, u)′ = (laguerre(1, u) − (1 − u)·laguerre(0, u))/u).
 */
const sameValue = (a: ValueAt, b: ValueAt, inDoubles = false): boolean =>
  equals(simplify(build.sub(a.exact, b.exact)), build.int(0)) || same(a.decimal, b.decimal, inDoubles ? '1e-9' : '1e-12', inDoubles ? '1e-12' : '1e-25');

/** Each node once: no two nodes compute equal parts, each comes after its inputs, each but the output is used, and a node's definition with its inputs' parts put in is its part. */
function expectEachNodeOnce(graph: ComputationGraph): void {
  const seen: Expr[] = [];
  for (const node of graph.nodes) {
    expect(seen.some((e) => equals(e, node.expr)), `${nodeName(graph, node.index)} repeats a part`).toBe(false);
    seen.push(node.expr);
    for (const i of node.inputs) {
      expect(i).toBeLessThan(node.index);
      expect(graph.nodes[i - 1]!.usedBy).toContain(node.index);
    }
    expect(node.usedBy.every((u) => graph.nodes[u - 1]!.inputs.includes(node.index))).toBe(true);
    expect(node.uses).toBeGreaterThanOrEqual(node.usedBy.length);
    if (node.index !== graph.output) expect(node.uses, nodeName(graph, node.index)).toBeGreaterThan(0);
    const rebuilt = node.inputs.reduce((e, i) => substitute(e, nodeName(graph, i), graph.nodes[i - 1]!.expr), node.definition);
    expect(equals(rebuilt, node.expr), nodeName(graph, node.index)).toBe(true);
  }
  expect(equals(graph.nodes[graph.output - 1]!.expr, graph.input)).toBe(true);
  expect(graph.output).toBe(graph.nodes.length);
}

/**
 * The passes at a point against the part's values and the rules' gradient there: 'compared', or
 * 'undefined' where the function, a node or the derivative has no value there (outside its domain).
 */
function expectPassesRight(input: Expr, point: string): 'compared' | 'undefined' {
  const graph = unlessNoValue(() => computationGraph(input));
  expectEachNodeOnce(graph);
  let passes;
  try {
    passes = forwardBackward(graph, point);
  } catch (error) {
    if (error instanceof InputError) return 'undefined';
    throw error;
  }
  const coordinates = readPoint(point);
  for (const node of graph.nodes) {
    const name = nodeName(graph, node.index);
    const value = passes.values[node.index - 1]!;
    const expected = precise(node.expr, coordinates);
    if (expected !== undefined) {
      expect(same(value.decimal, expected), `${name} at ${point}: ${value.decimal} against ${expected}`).toBe(true);
    } else {
      // Functions with no value in arbitrary precision (ψ, Γ, erf) are valued in doubles.
      const double = evaluate(node.expr, pointValues(coordinates));
      expect(Math.abs(value.approximately - double), `${name} at ${point}: ${value.approximately} against ${double}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(double)));
    }
  }
  for (const component of passes.gradient) {
    let rules: ValueAt;
    let derivative: Expr;
    try {
      derivative = differentiate(input, { variable: component.variable }).result;
      rules = valueAt(derivative, coordinates, 'the derivative');
    } catch (error) {
      if (error instanceof InputError) return 'undefined';
      throw error;
    }
    expect(sameValue(component.adjoint, rules, precise(derivative, coordinates) === undefined), `∂f/∂${component.variable} at ${point}: ${component.adjoint.decimal} against ${rules.decimal}`).toBe(true);
  }
  return 'compared';
}

describe('the computation graph and its passes, at random points', () => {
  it('every expression of the bench corpus: the inputs\' adjoints are the gradient, each node\'s value its part\'s', () => {
    for (const text of corpus) {
      const input = parse(text);
      let compared = 0;
      fc.assert(fc.property(positivePointFor(variablesOf(input)), (point) => {
        if (expectPassesRight(input, point) === 'compared') compared++;
      }), { numRuns: 8, examples: pointsBelowAndAboveOne(variablesOf(input)) });
      expect(compared, `${text} compared at no point`).toBeGreaterThan(0);
    }
  });

  it('the logistic loss and two-layer tanh networks', () => {
    const inputs = [parse(loss), parse(network(3, 2).text), parse(network(4, 3, 11).text), parse('tanh(w2*tanh(w1*x + b1) + b2)')];
    for (const input of inputs) {
      let compared = 0;
      fc.assert(fc.property(pointFor(variablesOf(input)), (point) => {
        if (expectPassesRight(input, point) === 'compared') compared++;
      }), { numRuns: 6 });
      expect(compared).toBe(6);
    }
  });

  it('random trees: the inputs\' adjoints are the gradient, each node\'s value its part\'s, each node once', () => {
    let compared = 0;
    let tried = 0;
    const trees = expressionTree({ abstract: false, depth: 4 }).filter((e) => variablesOf(e).length > 0);
    fc.assert(fc.property(trees.chain((e) => fc.tuple(fc.constant(e), pointFor(variablesOf(e)))), ([e, point]) => {
      tried++;
      if (expectPassesRight(e, point) === 'compared') compared++;
    }), { numRuns: graphRuns });
    // Many random trees have no value at a random point (a logarithm of a negative, a pole): most must.
    expect(compared / tried).toBeGreaterThan(0.3);
  });

  it('a part used three times is one node used three times', () => {
    const trees = expressionTree({ abstract: false, depth: 3 }).filter((e) => variablesOf(e).length > 0);
    fc.assert(fc.property(trees, (p) => {
      const graph = unlessNoValue(() => computationGraph(build.mul([p, build.call('sin', [p]), p])));
      expectEachNodeOnce(graph);
      const nodes = graph.nodes.filter((n) => equals(n.expr, p));
      expect(nodes).toHaveLength(1);
      // Used twice by the product and once by sin, and by nothing else: no part of a tree is the tree.
      expect(nodes[0]!.uses).toBe(3);
    }), { numRuns: graphRuns });
  });
});

describe('the graph of a part written many times', () => {
  it('has one node for it however often it is written, and its adjoint gathers every use', () => {
    const s = 'sigmoid(w*x + b)';
    const input = parse(Array.from({ length: 6 }, (_, k) => `${k + 1}*${s}`).join(' + '));
    const graph = computationGraph(input);
    const sigmoid = graph.nodes.filter((n) => n.op === 'sigmoid');
    expect(sigmoid).toHaveLength(1);
    expect(sigmoid[0]!.uses).toBe(6);
    expect(adjointTerms(graph, sigmoid[0]!.index)).toHaveLength(6);
  });
});
