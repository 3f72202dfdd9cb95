// The derivation of the logistic sigmoid σ(x) = 1/(1 + e^(−x)), step by step,
// as text for a terminal and as LaTeX to paste into a document.
import { differentiate, buildTrace, traceToText, traceToLatex } from 'dydx';

const trace = buildTrace(differentiate('1/(1+e^(-x))'));
console.log(traceToText(trace, { detail: 'brief' }));
console.log();
console.log(traceToLatex(trace));
