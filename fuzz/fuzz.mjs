// Feeds random and mutated strings to the parser and the whole pipeline, and reports any
// throw that is not dydx's own ParseError or InputError, any reading that does not print
// and read back as itself, and any input that takes too long.
//   npm run fuzz                       (1,000,000 strings)
//   node fuzz/fuzz.mjs --count 5000 --seed 7
import { pathToFileURL } from 'node:url';
import {
  parse, read, differentiate, toText, toUnicode, toLatex, equals, buildTrace, traceToText, checkDerivative, verdictLine, ParseError, InputError,
} from '../dist/index.js';

const seeds = [
  '1/(1+exp(-x))', 'x^x', 'tanh(3x+1)', 'sigmoid(w*x+b)', 'sin(x)^2 + cos(x)^2', 'log(x, 2)', 'sqrt(1 - x^2)',
  "f(x^2)*g'(x)", '2^-x^2', '(x+1)(x-1)', '3x²·σ(x)', '√x + ∛x', 'x⁻¹', 'e^(-x)/(1+e^-x)^2', '-x*y/z', 'abs(x)^0.5',
  'softplus(x) - log(1+e^x)', 'asin(x/2) + acosh(x)', '[x + 1]*(2)', '1.5e-3*x', 'θ*π - 2πx',
  'sin x cos x', 'sin^2 x', 'sin⁻¹x', '2sinxcosx', '|x - |y||', 'd/dx x^2', 'y = e^x', 'f(x) = x sin x', 'd²/dx² sin 2x',
  '\\frac{1}{1+e^{-x}}', '\\sin^{2}\\left(x\\right)', 'w_{1}x + \\sqrt[3]{x}', '\\frac{d}{dx}\\ln|x|', 'e⁻ˣ',
  '(x^2)^(1/4)', '(x*x)^(3/4)', '(x^(2/5))^(3/4)', '1e-13*(x^4)^(1/4)', '1e16 + x', 'exp(40) + x', '1.5^1000*x', 'x^1001/x^1000',
  'sigmoid(sigmoid(x))', 'tan(x)*sec(x)', 'exp(x^2)*sin(x^2)',
];
const pieces = [
  'x', 'y', 'theta', 'w1', 'e', 'pi', 'π', 'θ', 'σ', '0', '1', '2', '7', '0.5', '.5', '1e3', '1.5e-3',
  '+', '-', '*', '/', '^', '**', '·', '×', '÷', '−', '(', ')', '[', ']', ',', ' ', ' ', '²', '³', '⁻¹', '√', '∛', "'", '′',
  'sin', 'cos', 'tan', 'exp', 'log', 'ln', 'sqrt', 'abs', 'sigmoid', 'tanh', 'softplus', 'asin', 'acosh', 'f', 'g', 'h',
  'sin(', 'exp(', 'log(', 'f(', '(x', 'x)', 'x^', '^-', '--', '', '\n', '\t', '%', '!', '=', '@', '{', '}', 'é', '😀',
  '1e308', '1e-308', '1e999', '1e-999', '99999999999999999999999', '0.0000000001', '^(1/3)', '^(2/5)', '^(1/4)', '^1001',
  '|', 'sinx', 'xy', 'd/dx ', 'y = ', '^{', '_{', '_', '\\frac', '\\sqrt', '\\left(', '\\right)', '\\sin', '\\theta', '\\,', 'ˣ', '⁻',
];

/** A small, fast generator with a seed, so any finding can be reproduced. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

function generator(seed) {
  const rand = random(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  const fresh = () => Array.from({ length: 1 + int(16) }, () => pick(pieces)).join('');
  const mutate = (text) => {
    let s = text;
    for (let k = 1 + int(4); k > 0; k--) {
      const at = int(s.length + 1);
      switch (int(5)) {
        case 0: s = s.slice(0, at) + pick(pieces) + s.slice(at); break;
        case 1: s = s.slice(0, at) + s.slice(at + 1 + int(3)); break;
        case 2: s = s.slice(0, at) + pick(pieces) + s.slice(at + 1); break;
        case 3: { const from = int(s.length); s = s.slice(0, at) + s.slice(from, from + 1 + int(8)) + s.slice(at); break; }
        default: s = `${pick(['(', 'sin(', '-', '2^', '1/(1+'])}${s}${pick([')', ')', '', '^2', '*x'])}`;
      }
    }
    return s;
  };
  return () => (rand() < 0.4 ? fresh() : mutate(pick(seeds)));
}

const slowMs = 2000;
/** Orders tried now and then, with a short time limit (with the check's, well inside the 2 s an input may take): high orders must answer or be refused, never throw otherwise. */
const orders = [2, 3, 5, 10, 40];

/** Runs `count` strings; returns what was found. */
export function fuzz({ count = 1000, seed = 1, steps = 0.05, checks = 0.02 } = {}) {
  const next = generator(seed);
  const rand = random(seed ^ 0x9e3779b9);
  const findings = [];
  const tally = { inputs: 0, parsed: 0, parseErrors: 0, differentiated: 0, inputErrors: 0, derivations: 0, checked: 0 };
  const note = (kind, input, detail) => {
    if (findings.length < 50) findings.push({ kind, input, detail });
  };
  for (let i = 0; i < count; i++) {
    const input = next();
    tally.inputs++;
    const start = performance.now();
    try {
      let e;
      try {
        e = read(input).expr;
      } catch (error) {
        if (!(error instanceof ParseError) && !(error instanceof InputError)) throw error;
        tally.parseErrors++;
        if (error instanceof ParseError && !/\(line \d+, column \d+\)/.test(error.message + error.format())) note('error without a place', input, error.message);
        continue;
      }
      tally.parsed++;
      for (const print of [toText, toUnicode]) {
        const back = parse(print(e));
        if (!equals(back, e)) note('does not read back', input, print(e));
      }
      toLatex(e);
      try {
        // The input itself, so that what it asks for (d/dx, y = …) is taken.
        const order = rand() < 0.05 ? orders[Math.floor(rand() * orders.length)] : undefined;
        const d = differentiate(input, order === undefined ? {} : { order, timeout: 0.4 });
        tally.differentiated++;
        toText(d.result); toUnicode(d.result); toLatex(d.result);
        if (rand() < steps) {
          traceToText(buildTrace(d));
          tally.derivations++;
        }
        // The numeric check never fails a right answer: a failure is a wrong answer, or a check that can be fooled.
        if (rand() < checks) {
          tally.checked++;
          const report = checkDerivative(d, { timeout: 0.4 });
          if (report.verdict === 'failed') note('check failed', input, verdictLine(report));
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        tally.inputErrors++;
      }
    } catch (error) {
      note('unexpected throw', input, `${error?.name}: ${error?.message}`);
    } finally {
      const ms = performance.now() - start;
      if (ms > slowMs) note('slow', input, `${ms.toFixed(0)} ms`);
    }
  }
  return { tally, findings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const count = arg('count', 1_000_000);
  const seed = arg('seed', Date.now() % 1_000_000);
  const start = performance.now();
  const { tally, findings } = fuzz({ count, seed });
  const seconds = (performance.now() - start) / 1000;
  console.log(`fuzz: ${tally.inputs} strings (seed ${seed}) in ${seconds.toFixed(0)} s: ${tally.parsed} parsed, ${tally.parseErrors} parse errors, `
    + `${tally.differentiated} differentiated, ${tally.inputErrors} input errors, ${tally.derivations} derivations printed, ${tally.checked} checked`);
  for (const f of findings) console.log(`${f.kind}: ${JSON.stringify(f.input)} — ${f.detail}`);
  console.log(findings.length === 0 ? 'no findings' : `${findings.length} findings`);
  process.exit(findings.length === 0 ? 0 : 1);
}
