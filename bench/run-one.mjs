// Inputs of the benchmark with dydx or mathjs, in a process of their own (see bench.mjs).
import { parse, differentiate, gradient, toText } from '../dist/index.js';
import { treeSize } from '../dist/expr/size.js';
import { groups } from './inputs.mjs';

/** The median of repeated runs after a warm-up (for both tools alike): at least 5 runs and 300 ms, at most 500. */
function median(run) {
  for (let start = performance.now(), n = 0; n < 200 && performance.now() - start < 300; n++) run();
  const times = [];
  let total = 0;
  while (times.length < 500 && (times.length < 5 || total < 300) && !(times.length >= 1 && total > 2000)) {
    const start = performance.now();
    run();
    const ms = performance.now() - start;
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
function measure(input, run) {
  let answer;
  const start = performance.now();
  try {
    answer = run();
  } catch (error) {
    return { input, error: cell(error) };
  }
  const first = performance.now() - start;
  return { input, ms: first > 1000 ? first : median(run), ...answer };
}

const dydx = ({ text, order = 1, vars }) => () => {
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

const tools = { dydx, mathjs: mathjsDerivative(true), 'mathjs-raw': mathjsDerivative(false) };

/** Measures one input of a group with one tool (all of them, index undefined, one after another). */
export async function runOne(name, tool, index) {
  if (tool !== 'dydx') {
    mathjs = await import('mathjs');
    ({ toMathjs } = await import('../dist/mathjs.js'));
  }
  const inputs = groups.find((g) => g.name === name).inputs;
  if (index === undefined) return inputs.filter((input) => !input.skip?.[tool]).map((input) => measureInput(tool, input));
  const input = inputs[index];
  if (input.skip?.[tool]) return undefined;
  return measureInput(tool, input);
}

function measureInput(tool, input) {
  if (tool !== 'dydx' && input.vars) return { input: input.input, error: 'no gradient' };
  let run;
  try {
    run = tools[tool](input);
  } catch (error) {
    return { input: input.input, error: cell(error) };
  }
  return measure(input.input, run);
}
