import { describe, expect, it } from 'vitest';
import { toText, toUnicode } from '../../src/print/linear.js';
import { functionTable, type FunctionTable } from '../../src/functions/table.js';
import { InputError } from '../../src/errors.js';
import { computationGraph, type ComputationGraph } from '../../src/graph/graph.js';
import { backwardPass, forwardBackward, inInputVariables, maxWrittenAdjoint, NodeError } from '../../src/graph/passes.js';
import { checkAdjoints } from '../../src/graph/check.js';
import { simplify } from '../../src/simplify/simplify.js';
import { parse } from '../../src/parse/parse.js';
import { thrownBy } from '../helpers/thrown.js';

/** Each node as `v4 = v1·v2`, in the order of the forward pass. */
const listed = (graph: ComputationGraph): string[] => graph.nodes.map((n) => `${graph.letter}${n.index} = ${toUnicode(n.definition)}`);

/** Each edge's local derivative as `∂v6/∂v5 = v6·(1 − v6)`. */
const locals = (graph: ComputationGraph): string[] => graph.nodes.flatMap((n) =>
  n.locals.map((l) => `∂${graph.letter}${n.index}/∂${graph.letter}${l.input} = ${toUnicode(l.derivative)}`));

describe('the computation graph', () => {
  it('has the variables first, then each operation after its inputs', () => {
    const graph = computationGraph('sigmoid(w*x + b)');
    expect(listed(graph)).toEqual(['v1 = w', 'v2 = x', 'v3 = b', 'v4 = v1·v2', 'v5 = v4 + v3', 'v6 = σ(v5)']);
    expect(graph.nodes.map((n) => n.op)).toEqual(['variable', 'variable', 'variable', 'mul', 'add', 'sigmoid']);
    expect(graph.nodes.map((n) => n.inputs)).toEqual([[], [], [], [1, 2], [4, 3], [5]]);
    expect(graph.output).toBe(6);
  });

  it('folds constants into the operation that takes them, and subtracts a term a sum subtracts', () => {
    expect(listed(computationGraph('2x + 1'))).toEqual(['v1 = x', 'v2 = 2v1', 'v3 = v2 + 1']);
    expect(listed(computationGraph('x - y'))).toEqual(['v1 = x', 'v2 = y', 'v3 = v1 − v2']);
    expect(locals(computationGraph('x - y'))).toEqual(['∂v3/∂v1 = 1', '∂v3/∂v2 = −1']);
    expect(listed(computationGraph('sqrt(2/pi)*x^3'))).toEqual(['v1 = x', 'v2 = v1³', 'v3 = √(2/π)·v2']);
  });

  it('makes a part written twice one node used twice', () => {
    const graph = computationGraph('sigmoid(w*x + b)*(1 - sigmoid(w*x + b))');
    expect(listed(graph)).toEqual(['v1 = w', 'v2 = x', 'v3 = b', 'v4 = v1·v2', 'v5 = v4 + v3', 'v6 = σ(v5)', 'v7 = 1 − v6', 'v8 = v6·v7']);
    expect(graph.nodes.map((n) => n.uses)).toEqual([1, 1, 1, 1, 1, 2, 1, 0]);
  });

  it('takes an input used twice by one operation once, its local derivative by both uses', () => {
    const graph = computationGraph('x*x + x^x');
    expect(listed(graph)).toEqual(['v1 = x', 'v2 = v1·v1', 'v3 = v1^v1', 'v4 = v2 + v3']);
    expect(graph.nodes[1]!.inputs).toEqual([1]);
    expect(graph.nodes[0]!.uses).toBe(4);
    expect(locals(graph)).toEqual(['∂v2/∂v1 = 2v1', '∂v3/∂v1 = v3·(ln(v1) + 1)', '∂v4/∂v2 = 1', '∂v4/∂v3 = 1']);
  });

  it('keeps sums and products whole: a product\'s local derivative by one factor is the product of the others', () => {
    const graph = computationGraph('x*y*z + x + y + z');
    expect(listed(graph)).toEqual(['v1 = x', 'v2 = y', 'v3 = z', 'v4 = v1·v2·v3', 'v5 = v4 + v1 + v2 + v3']);
    expect(locals(graph)).toEqual([
      '∂v4/∂v1 = v2·v3', '∂v4/∂v2 = v1·v3', '∂v4/∂v3 = v1·v2',
      '∂v5/∂v4 = 1', '∂v5/∂v1 = 1', '∂v5/∂v2 = 1', '∂v5/∂v3 = 1',
    ]);
  });

  it('writes a function\'s local derivative with the node\'s own value where the table\'s derivative has it', () => {
    const reused = (input: string): string[] => {
      const graph = computationGraph(input);
      return graph.nodes.flatMap((n) => n.locals.map((l) => `${toUnicode(l.derivative)}${l.reusesOutput ? ' (reused)' : ''}`));
    };
    expect(reused('sigmoid(x)')).toEqual(['v2·(1 − v2) (reused)']);
    expect(reused('tanh(x)')).toEqual(['1 − v2² (reused)']);
    expect(reused('exp(x)')).toEqual(['v2 (reused)']);
    expect(reused('sqrt(x)')).toEqual(['1/(2v2) (reused)']);
    expect(reused('2^x')).toEqual(['v2·ln(2) (reused)']);
    // Where the derivative does not have the function in it, its input is what it is written in.
    expect(reused('log(x)')).toEqual(['1/v1']);
    expect(reused('sin(x)')).toEqual(['cos(v1)']);
    expect(reused('1/x')).toEqual(['−1/v1²']);
  });

  it('takes each local derivative from the differentiation rules, naming the rule', () => {
    const graph = computationGraph('sigmoid(w*x + b)');
    expect(graph.nodes.flatMap((n) => n.locals.map((l) => l.rule))).toEqual(['constant-multiple', 'constant-multiple', 'sum', 'sum', 'elementary']);
  });

  it('names its nodes with another letter where the input has variables v1, v2, …', () => {
    const graph = computationGraph('tanh(v1*tanh(w1*x + b1) + v2*tanh(w2*x + b2) + c)');
    expect(graph.letter).toBe('u');
    expect(listed(graph).slice(0, 3)).toEqual(['u1 = v1', 'u2 = w1', 'u3 = x']);
  });

  it('is one node for a constant', () => {
    const graph = computationGraph('2*pi');
    expect(listed(graph)).toEqual(['v1 = 2π']);
    expect(graph.nodes[0]!.op).toBe('constant');
    expect(backwardPass(graph).gradient).toEqual([]);
  });

  it('refuses a derivative left to work out, and an order above one', () => {
    expect(thrownBy(() => computationGraph("(x^2)'"), InputError).message).toMatch(/derivative left to work out/);
    expect(thrownBy(() => computationGraph('d^2/dx^2 x^3'), InputError).message).toMatch(/order 2/);
  });
});

describe('the forward and backward passes at a point', () => {
  it('give each node its value and adjoint, exactly where the point is exact', () => {
    const passes = forwardBackward(computationGraph('sigmoid(w*x + b)'), 'x=0.5,w=2,b=-1');
    expect(passes.values.map((v) => toText(v.exact))).toEqual(['2', '0.5', '-1', '1', '0', '1/2']);
    expect(passes.locals.map((ls) => ls.map((l) => toText(l.exact)))).toEqual([[], [], [], ['0.5', '2'], ['1', '1'], ['1/4']]);
    expect(passes.adjoints.map((v) => toText(v.exact))).toEqual(['0.125', '1/2', '1/4', '1/4', '1/4', '1']);
    expect(passes.gradient.map((g) => [g.variable, toText(g.adjoint.exact)])).toEqual([['w', '0.125'], ['x', '1/2'], ['b', '1/4']]);
  });

  it('gather a part\'s adjoint from each of its uses', () => {
    const passes = forwardBackward(computationGraph('-(y*log(sigmoid(w*x+b)) + (1-y)*log(1-sigmoid(w*x+b)))'), 'x=0.5,w=2,b=-1,y=1');
    // ∂L/∂b = σ(w·x + b) − y = 1/2 − 1.
    expect(passes.gradient.map((g) => [g.variable, toText(g.adjoint.exact)])).toEqual([['y', '0'], ['w', '-0.25'], ['x', '-1'], ['b', '-1/2']]);
  });

  it('give irrational values exactly, with their decimals', () => {
    const passes = forwardBackward(computationGraph('tanh(w*x)'), 'x=1,w=1');
    expect(toUnicode(passes.adjoints[0]!.exact)).toBe('1 − tanh(1)²');
    expect(passes.adjoints[0]!.decimal).toBe('0.419974341614026');
  });

  it('stop at a node with no value or no derivative there, naming it', () => {
    const graph = computationGraph('log(x - 1) + x');
    const error = thrownBy(() => forwardBackward(graph, 'x=1'), NodeError);
    expect([error.node, error.message]).toEqual([3, 'v3 is undefined at x = 1: log has no real value at 0']);
    const kink = thrownBy(() => forwardBackward(computationGraph('relu(x)*x'), 'x=0'), NodeError);
    expect(kink.message).toMatch(/^v2 has no derivative by v1 at x = 0/);
  });

  it('need a value for each variable, and no other', () => {
    const graph = computationGraph('x*y');
    expect(thrownBy(() => forwardBackward(graph, 'x=1'), InputError).message).toMatch(/gives no value to y/);
    expect(thrownBy(() => forwardBackward(graph, 'x=1,y=2,z=3'), InputError).message).toMatch(/z, which is no variable/);
    expect(thrownBy(() => forwardBackward(computationGraph('f(x)'), 'x=1'), InputError).message).toMatch(/unknown function/);
  });
});

describe('the backward pass written out', () => {
  it('gives each adjoint as the chain of local derivatives in the forward nodes', () => {
    const passes = backwardPass(computationGraph('tanh(w2*tanh(w1*x + b1) + b2)'));
    expect(passes.adjoints.map((a) => toUnicode(a!))).toEqual([
      '(1 − v11²)·v8', '(1 − v11²)·v1·(1 − v8²)·v3', '(1 − v11²)·v1·(1 − v8²)·v2', '(1 − v11²)·v1·(1 − v8²)', '1 − v11²',
      '(1 − v11²)·v1·(1 − v8²)', '(1 − v11²)·v1·(1 − v8²)', '(1 − v11²)·v1', '1 − v11²', '1 − v11²', '1',
    ]);
  });

  it('whose inputs\' adjoints, written in the variables, are the gradient', () => {
    const graph = computationGraph('x^2*sin(x*y)');
    const passes = backwardPass(graph);
    expect(toText(simplify(inInputVariables(graph, passes.gradient[0]!.adjoint!)))).toBe(toText(simplify(parse('2*x*sin(x*y) + x^2*y*cos(x*y)'))));
  });

  it('leaves an adjoint too long to write out unwritten, and every adjoint built on it', () => {
    // Each level uses the one below twice along two paths: the written adjoint doubles at each.
    const levels = 12;
    let text = 'x';
    for (let i = 0; i < levels; i++) text = `sin(${text}) + cos(${text})`;
    const passes = backwardPass(computationGraph(text));
    const unwritten = passes.adjoints.filter((a) => a === undefined).length;
    expect(unwritten).toBeGreaterThan(0);
    for (const a of passes.adjoints) if (a) expect(a.size).toBeLessThanOrEqual(maxWrittenAdjoint);
    expect(passes.gradient[0]!.adjoint).toBeUndefined();
  });
});

describe('the check of the inputs\' adjoints', () => {
  it('verifies them against the rules\' gradient and finite differences, at a point and along the line', () => {
    const graph = computationGraph('-(y*log(sigmoid(w*x+b)) + (1-y)*log(1-sigmoid(w*x+b)))');
    const atPoint = checkAdjoints(forwardBackward(graph, 'x=0.5,w=2,b=-1,y=1'));
    expect(atPoint.map((c) => [c.variable, c.agreement, c.verdict])).toEqual([['y', 'exact', 'verified'], ['w', 'exact', 'verified'], ['x', 'exact', 'verified'], ['b', 'exact', 'verified']]);
    const along = checkAdjoints(backwardPass(graph));
    expect(along.map((c) => c.verdict)).toEqual(['verified', 'verified', 'verified', 'verified']);
  });

  it('fails where a local derivative is wrong: σ′ taken as σ', () => {
    const broken: FunctionTable = { ...functionTable, sigmoid: { ...functionTable.sigmoid, derivative: ['sigmoid', 'u'] } };
    const graph = computationGraph('sigmoid(w*x + b)', { functions: broken });
    const atPoint = checkAdjoints(forwardBackward(graph, 'x=0.5,w=2,b=-1'));
    expect(atPoint.map((c) => [c.agreement, c.differences.verdict, c.verdict])).toEqual([
      ['apart', 'failed', 'failed'], ['apart', 'failed', 'failed'], ['apart', 'failed', 'failed'],
    ]);
    const along = checkAdjoints(backwardPass(graph));
    expect(along.map((c) => [c.agreement, c.verdict])).toEqual([['apart', 'failed'], ['apart', 'failed'], ['apart', 'failed']]);
  });
});
