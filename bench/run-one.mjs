// One group of the benchmark for one tool, in its own process (see bench.mjs).
import { parse, differentiate, toText, toLatex } from '../dist/index.js';
import { treeSize } from '../dist/expr/size.js';
import { groups } from './inputs.mjs';

/** The median of repeated runs: at least 5 runs and 300 ms, at most 500 runs; one run past 2 s. */
function median(run) {
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

/** The first run shows whether a tool can answer at all; its error becomes the table cell. */
function measure(input, run) {
  let answer;
  try {
    answer = run();
  } catch (error) {
    const message = error instanceof RangeError ? 'stack overflow' : `error: ${String(error.message).slice(0, 60)}`;
    return { input, error: message };
  }
  return { input, ms: median(run), ...answer };
}

const dydx = ({ text, order = 1 }) => () => {
  const d = differentiate(parse(text), { order });
  const textAnswer = toText(d.result);
  toLatex(d.result);
  return { nodes: treeSize(d.result), chars: textAnswer.length };
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
    node.toTex();
    return { nodes: node.filter(() => true).length, chars: textAnswer.length };
  };
};

const tools = { dydx, mathjs: mathjsDerivative(true), 'mathjs-raw': mathjsDerivative(false) };

export async function runGroup(name, tool) {
  if (tool !== 'dydx') {
    mathjs = await import('mathjs');
    ({ toMathjs } = await import('../dist/mathjs.js'));
  }
  const group = groups.find((g) => g.name === name);
  const rows = [];
  for (const input of group.inputs) {
    if (tool !== 'dydx' && input.mathjs === false) continue;
    let run;
    try {
      run = tools[tool](input);
    } catch (error) {
      rows.push({ input: input.input, error: error instanceof RangeError ? 'stack overflow' : `error: ${String(error.message).slice(0, 60)}` });
      continue;
    }
    rows.push(measure(input.input, run));
  }
  return rows;
}
