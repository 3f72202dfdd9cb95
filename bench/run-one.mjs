// Inputs of the benchmark with dydx or mathjs, in a process of their own (see bench.mjs).
import { parse, differentiate, gradient, toText } from '../dist/index.js';
import { treeSize } from '../dist/expr/size.js';
import { forgetWork } from '../dist/errors.js';
import { groups } from './inputs.mjs';

/**
 * The median of repeated runs once their time has settled (for every tool alike): at least 5 runs
 * and 300 ms, at most 500, after a warm-up of 30 times the first run's time, from 300 ms to 3 s.
 * An input measured in a process of its own (`alone`) is warmed up longer, in windows of 250 ms,
 * until two windows in a row are no more than 10 % faster than the fastest before them, up to
 * 10 s in all: a run of a small input is compiled to its fastest only after seconds of runs, and a
 * run of √(x + √(x + √(x + √x))) fell from 2.0 ms in its first 400 ms to 0.23 ms after 2.4 s. The
 * median of runs before then is neither what one command meets (the first call, reported apart)
 * nor what a library's loop meets. Inputs measured one after another in one process (a group run
 * together) find most of the code compiled by those before them: a second pass over the corpus
 * is about a tenth faster than the first, and the group's process must end within its time limit.
 */
function median(run, first, alone) {
  const warmUp = Math.min(3000, Math.max(300, 30 * first));
  const start = performance.now();
  while (performance.now() - start < warmUp) run();
  const windowMedian = () => {
    const times = [];
    for (const from = performance.now(); performance.now() - from < 250 || times.length < 3;) {
      const runStart = performance.now();
      run();
      times.push(performance.now() - runStart);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  // Compiling comes in steps, with flat stretches between them: two windows in a row no faster settle it.
  if (alone) {
    for (let best = windowMedian(), flat = 0; flat < 2 && performance.now() - start < 10_000;) {
      const now = windowMedian();
      if (now < 0.9 * best) {
        best = now;
        flat = 0;
      } else flat++;
    }
  }
  const times = [];
  let total = 0;
  while (times.length < 500 && (times.length < 5 || total < 300) && !(times.length >= 1 && total > 2000)) {
    const runStart = performance.now();
    run();
    const ms = performance.now() - runStart;
    times.push(ms);
    total += ms;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** An error as a table cell: a limit with its number, a stack overflow, or the start of the message. */
function cell(error) {
  if (error instanceof RangeError) return 'stack overflow';
  const size = /has (\d+) nodes/.exec(String(error.message));
  return size ? `size limit: ${size[1]} nodes` : `error: ${String(error.message).slice(0, 40)}`;
}

/** The first run shows whether a tool can answer at all (its error becomes the table cell); past 1 s it is the time. */
function measure(input, run, alone) {
  let answer;
  const start = performance.now();
  try {
    answer = run();
  } catch (error) {
    return { input, error: cell(error) };
  }
  const first = performance.now() - start;
  return { input, ms: first > 1000 ? first : median(run, first, alone), first, ...answer };
}

// Every run starts from nothing made before: equal trees are one node (expr/factory.ts), so a run
// would otherwise find the normal forms of the run before it and time the finding, not the work.
// Its tables of trees and monomials emptied, a run also keeps no more memory than its own work needs.
const dydx = ({ text, order = 1, vars }) => () => {
  forgetWork();
  if (vars) {
    // A gradient: each partial printed, its size the sum of theirs.
    const g = gradient(parse(text), { by: vars });
    const answers = g.components.map((d) => toText(d.result));
    return { nodes: g.components.reduce((n, d) => n + treeSize(d.result), 0), chars: answers.reduce((n, a) => n + a.length, 0) };
  }
  const d = differentiate(parse(text), { order });
  const textAnswer = toText(d.result);
  return { nodes: treeSize(d.result), chars: textAnswer.length, answer: textAnswer };
};

// mathjs is loaded only in the processes that measure it, so it does not count in dydx's memory.
let mathjs;
let toMathjs;

/** mathjs reads the same function: σ and softplus written out, as mathjs has neither. */
const mathjsText = (text) => toMathjs(parse(text)).toString();

const mathjsDerivative = (simplify) => ({ text, order = 1 }) => {
  const source = mathjsText(text);
  return () => {
    let node = mathjs.parse(source);
    for (let i = 0; i < order; i++) node = mathjs.derivative(node, 'x', { simplify });
    const textAnswer = node.toString();
    return { nodes: node.filter(() => true).length, chars: textAnswer.length };
  };
};

// compute-engine reads MathJSON: the mathjs tree of the same function (σ and softplus written out), translated.
let ce;
const ceNames = {
  sin: 'Sin', cos: 'Cos', tan: 'Tan', sec: 'Sec', csc: 'Csc', cot: 'Cot', asin: 'Arcsin', acos: 'Arccos', atan: 'Arctan',
  sinh: 'Sinh', cosh: 'Cosh', tanh: 'Tanh', asinh: 'Arsinh', exp: 'Exp', log: 'Ln', sqrt: 'Sqrt', cbrt: 'Cbrt', abs: 'Abs',
};
const ceOperators = { add: 'Add', subtract: 'Subtract', multiply: 'Multiply', divide: 'Divide', pow: 'Power', unaryMinus: 'Negate' };
function mathJson(node) {
  switch (node.type) {
    case 'ParenthesisNode': return mathJson(node.content);
    case 'ConstantNode': return node.value;
    case 'SymbolNode': return node.name === 'e' ? 'ExponentialE' : node.name === 'pi' ? 'Pi' : node.name;
    case 'OperatorNode': {
      const name = ceOperators[node.fn];
      if (!name) throw new Error(`no MathJSON for ${node.fn}`);
      return [name, ...node.args.map(mathJson)];
    }
    case 'FunctionNode': {
      if (node.fn.name === 'log' && node.args.length === 2) return ['Log', ...node.args.map(mathJson)];
      if (node.fn.name === 'cbrt') return ['Root', mathJson(node.args[0]), 3];
      const name = ceNames[node.fn.name];
      if (!name) throw new Error(`no MathJSON for ${node.fn.name}`);
      return [name, ...node.args.map(mathJson)];
    }
    default: throw new Error(`no MathJSON for ${node.type}`);
  }
}

const computeEngine = ({ text, order = 1 }) => {
  const source = mathJson(toMathjs(parse(text)));
  return () => {
    let e = ce.box(source);
    for (let i = 0; i < order; i++) e = ce.box(['D', e, 'x']).evaluate();
    const answer = e.toString();
    return { chars: answer.length, answer };
  };
};

const tools = { dydx, mathjs: mathjsDerivative(true), 'mathjs-raw': mathjsDerivative(false), 'compute-engine': computeEngine };

/** Measures one input of a group with one tool (all of them, index undefined, one after another). */
export async function runOne(name, tool, index) {
  if (tool !== 'dydx') {
    mathjs = await import('mathjs');
    ({ toMathjs } = await import('../dist/mathjs.js'));
  }
  if (tool === 'compute-engine') {
    const { ComputeEngine } = await import('@cortex-js/compute-engine');
    ce = new ComputeEngine();
  }
  const inputs = groups.find((g) => g.name === name).inputs;
  if (index === undefined) return inputs.filter((input) => !input.skip?.[tool]).map((input) => measureInput(tool, input, false));
  const input = inputs[index];
  if (input.skip?.[tool]) return undefined;
  return measureInput(tool, input, true);
}

function measureInput(tool, input, alone) {
  if (tool !== 'dydx' && input.vars) return { input: input.input, error: 'no gradient' };
  let run;
  try {
    run = tools[tool](input);
  } catch (error) {
    return { input: input.input, error: cell(error) };
  }
  return measure(input.input, run, alone);
}
