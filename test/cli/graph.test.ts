import { describe, expect, it } from 'vitest';
import { dydx } from '../helpers/cli.js';

/*
 * --graph on the command line: the JSON it documents, DOT that is a well-formed graph of the same
 * nodes and edges, exit statuses of the check, and every option it does not take refused with 2.
 */

const neuron = ['sigmoid(w*x+b)', '--graph', '--at', 'x=0.5,w=2,b=-1'];
const loss = '-(y*log(sigmoid(w*x+b)) + (1-y)*log(1-sigmoid(w*x+b)))';

interface PrintedJson { readonly text: string; readonly unicode: string; readonly latex: string }
interface ValueJson extends PrintedJson { readonly approximately: number | string }
interface NodeJson {
  readonly id: string; readonly op: string; readonly inputs: readonly string[]; readonly expression: PrintedJson; readonly part: PrintedJson;
  readonly uses: number; readonly usedBy: readonly string[]; readonly local: readonly { readonly input: string; readonly rule: string; readonly derivative: PrintedJson; readonly reusesOutput: boolean; readonly value?: ValueJson }[];
  readonly value?: ValueJson; readonly adjoint: ValueJson | PrintedJson | null;
}
interface GraphJson {
  readonly input: string; readonly at?: Record<string, PrintedJson>;
  readonly graph: { readonly nodes: readonly NodeJson[]; readonly output: string; readonly gradient: Record<string, ValueJson | PrintedJson | null> };
  readonly check?: readonly { readonly variable: string; readonly node: string; readonly verdict: string; readonly agreement: string; readonly differences: { readonly verdict: string } }[];
}

const json = async (args: readonly string[]): Promise<GraphJson> => {
  const run = await dydx([...args, '-f', 'json']);
  expect(run.status, run.stdout).toBe(0);
  return JSON.parse(run.stdout) as GraphJson;
};

/** A DOT digraph read back: its nodes with their labels and attributes, and its edges. */
function readDot(dot: string) {
  const lines = dot.split('\n');
  expect(lines[0]).toBe('digraph computation {');
  expect(lines.at(-1)).toBe('}');
  const label = '"((?:[^"\\\\]|\\\\.)*)"';
  const nodes = new Map<string, { readonly label: string; readonly attributes: string }>();
  const edges: { readonly from: string; readonly to: string; readonly label: string }[] = [];
  for (const line of lines.slice(1, -1)) {
    const node = new RegExp(`^  (\\w+) \\[label=${label}((?:, \\w+=\\w+)*)\\];$`).exec(line);
    const edge = new RegExp(`^  (\\w+) -> (\\w+) \\[label=${label}\\];$`).exec(line);
    if (node) {
      expect(nodes.has(node[1]!), `${node[1]} declared twice`).toBe(false);
      nodes.set(node[1]!, { label: node[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1'), attributes: node[3]! });
    } else if (edge) {
      edges.push({ from: edge[1]!, to: edge[2]!, label: edge[3]! });
    } else {
      // The graph's own attributes: a statement a line.
      expect(line, 'a line of the digraph').toMatch(/^ {2}(\w+=(\w+|"[^"]*")|(node|edge) \[[^\]]*\]);$/);
    }
  }
  for (const e of edges) expect(nodes.has(e.from) && nodes.has(e.to), `${e.from} -> ${e.to}`).toBe(true);
  return { nodes, edges };
}

describe('--graph --format json', () => {
  it('gives the nodes, their inputs, what they compute, their values and adjoints, and the gradient', async () => {
    const answer = await json(neuron);
    expect(Object.keys(answer)).toEqual(['input', 'reading', 'at', 'graph']);
    const { nodes, output, gradient } = answer.graph;
    expect(nodes.map((n) => [n.id, n.op, n.inputs, n.expression.text, n.part.text])).toEqual([
      ['v1', 'variable', [], 'w', 'w'], ['v2', 'variable', [], 'x', 'x'], ['v3', 'variable', [], 'b', 'b'],
      ['v4', 'mul', ['v1', 'v2'], 'v1*v2', 'w*x'], ['v5', 'add', ['v4', 'v3'], 'v4 + v3', 'w*x + b'], ['v6', 'sigmoid', ['v5'], 'sigmoid(v5)', 'sigmoid(w*x + b)'],
    ]);
    expect(output).toBe('v6');
    expect(nodes.map((n) => n.value!.text)).toEqual(['2', '0.5', '-1', '1', '0', '1/2']);
    expect(nodes.map((n) => (n.adjoint as ValueJson).approximately)).toEqual([0.125, 0.5, 0.25, 0.25, 0.25, 1]);
    expect(nodes[5]!.local).toEqual([{
      input: 'v5', rule: 'elementary', reusesOutput: true,
      derivative: { text: 'v6*(1 - v6)', unicode: 'v6·(1 − v6)', latex: 'v_{6} \\cdot \\left(1-v_{6}\\right)' },
      value: { text: '1/4', unicode: '1/4', latex: '\\frac{1}{4}', approximately: 0.25 },
    }]);
    expect(Object.fromEntries(Object.entries(gradient).map(([v, g]) => [v, g!.text]))).toEqual({ w: '0.125', x: '1/2', b: '1/4' });
    expect(answer.at!['x']!.text).toBe('0.5');
  });

  it('gives each adjoint written in the forward nodes without a point, and a part used twice once', async () => {
    const { graph } = await json([loss, '--graph']);
    const sigmoid = graph.nodes.filter((n) => n.op === 'sigmoid');
    expect(sigmoid.map((n) => [n.id, n.uses, n.usedBy])).toEqual([['v7', 2, ['v8', 'v11']]]);
    expect(graph.nodes.every((n) => n.value === undefined)).toBe(true);
    expect(graph.nodes.find((n) => n.id === 'v6')!.adjoint!.unicode).toBe('(−v1/v7 + v10/v11)·v7·(1 − v7)');
    expect(graph.gradient['b']!.unicode).toBe('(−v1/v7 + v10/v11)·v7·(1 − v7)');
  });

  it('gives the check of each input\'s adjoint', async () => {
    const answer = await json([...neuron, '--check']);
    expect(answer.check!.map((c) => [c.variable, c.node, c.agreement, c.differences.verdict, c.verdict])).toEqual([
      ['w', 'v1', 'exact', 'verified', 'verified'], ['x', 'v2', 'exact', 'verified', 'verified'], ['b', 'v3', 'exact', 'verified', 'verified'],
    ]);
  });
});

describe('--graph --format dot', () => {
  it('is a digraph of the same nodes and edges as the graph, inputs as ellipses and the output drawn twice', async () => {
    for (const args of [neuron, [loss, '--graph'], ['tanh(w2*tanh(w1*x + b1) + b2)', '--graph', '--at', 'x=0.7,w1=2,b1=-1,w2=1/3,b2=0.1']]) {
      const run = await dydx([...args, '-f', 'dot']);
      expect(run.status).toBe(0);
      const { nodes, edges } = readDot(run.stdout.trimEnd());
      const { graph } = await json(args);
      expect([...nodes.keys()]).toEqual(graph.nodes.map((n) => n.id));
      expect(edges.map((e) => `${e.from}->${e.to}`)).toEqual(graph.nodes.flatMap((n) => n.inputs.map((i) => `${i}->${n.id}`)));
      // The forward pass runs along the edges: each goes to a later node.
      for (const e of edges) expect(Number(e.from.slice(1))).toBeLessThan(Number(e.to.slice(1)));
      for (const n of graph.nodes) {
        const drawn = nodes.get(n.id)!;
        expect(drawn.label.split('\n')[0]).toBe(`${n.id} = ${n.expression.unicode}`);
        expect(drawn.attributes.includes('shape=ellipse')).toBe(n.op === 'variable');
        expect(drawn.attributes.includes('peripheries=2')).toBe(n.id === graph.output);
      }
    }
  });

  it('labels each node with its value and adjoint at a point, and each edge with its local derivative', async () => {
    const { nodes, edges } = readDot((await dydx([...neuron, '-f', 'dot'])).stdout.trimEnd());
    expect(nodes.get('v6')!.label).toBe('v6 = σ(v5)\n= 1/2\nv̄6 = 1');
    expect(edges.find((e) => e.to === 'v6')!.label).toBe('v6·(1 − v6) = 1/4');
  });
});

describe('--graph on the command line', () => {
  it('refuses, with exit 2 and a reason, the options it does not take', async () => {
    const refusals: readonly [readonly string[], RegExp][] = [
      [['--order', '2'], /--order does not go with --graph: .*first derivatives/],
      [['--var', 'x'], /--var does not go with --graph: .*every variable is an input/],
      [['--steps'], /--steps does not go with --graph: .*the passes are the steps/],
      [['--emit', 'python'], /--emit does not go with --graph: .*--emit with --var, without --graph/],
      [['--hessian'], /--hessian does not go with --graph/],
      [['--in-terms-of-output'], /--in-terms-of-output does not go with --graph/],
      [['--tangent'], /--tangent goes with --at/],
      [['--no-simplify'], /--no-simplify does not go with --graph/],
    ];
    for (const [options, message] of refusals) {
      const run = await dydx(['x^2', '--graph', ...options]);
      expect(run.status, options.join(' ')).toBe(2);
      expect(run.stderr, options.join(' ')).toMatch(message);
    }
    const dot = await dydx(['x^2', '-f', 'dot']);
    expect(dot.status).toBe(2);
    expect(dot.stderr).toMatch(/--format dot does not go with a derivative: a derivative is written as text, latex, markdown or json/);
  });

  it('refuses a point where a node has no value or no derivative, saying which and what it computes', async () => {
    const cases: readonly [string, string, string][] = [
      ['log(x - 1) + x', 'x=1', 'dydx: v3 is undefined at x = 1: log has no real value at 0 (v3 = log(v2), the part log(x - 1) of the input)\n'],
      ['relu(x)*x', 'x=0', 'dydx: v2 has no derivative by v1 at x = 0: there it has a corner, a jump or a step, so the backward pass cannot go through it (v2 = relu(v1), the part relu(x) of the input)\n'],
      ['x*y', 'x=1', 'dydx: the point gives no value to y: add y=… to it\n'],
      ['f(x)', 'x=1', 'dydx: f is an unknown function: it has no value at a point\n'],
    ];
    for (const [input, point, message] of cases) {
      const run = await dydx([input, '--graph', '--at', point]);
      expect(run.status, input).toBe(2);
      expect(run.stderr, input).toBe(message);
    }
  });

  it('exits 0 where the check verifies every adjoint, and 4 where finite differences cannot be worked out', async () => {
    const verified = await dydx([...neuron, '--check']);
    expect(verified.status).toBe(0);
    expect(verified.stderr.split('\n').filter((l) => l !== '')).toHaveLength(3);
    // Γ has no value in arbitrary precision: the adjoint is the rules' derivative, but no difference quotient says so.
    const unchecked = await dydx(['gamma(x)', '--graph', '--at', 'x=1.5', '--check']);
    expect(unchecked.status, unchecked.stderr).toBe(4);
    expect(unchecked.stderr).toMatch(/^by x: v1_bar equals df\/dx by the differentiation rules there, exactly; check: not verified/);
  });

  it('answers one input a line in batch mode', async () => {
    const run = await dydx(['--graph'], ['x^2', 'sin(x', 'x*y']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^Computation graph of x\^2[^]*\n\nComputation graph of x\*y/);
    expect(run.stderr).toMatch(/^dydx: line 2 \("sin\(x"\)/);
  });
});
