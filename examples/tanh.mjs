// tanh(3x + 1): the chain rule, and the answer in Unicode and LaTeX.
import { differentiate, toUnicode, toLatex, evaluate } from 'dydx';

const { result } = differentiate('tanh(3x+1)');
console.log(`d/dx tanh(3x + 1) = ${toUnicode(result)}`);
console.log(`LaTeX: ${toLatex(result)}`);
console.log(`at x = 0: ${evaluate(result, { x: 0 }).toFixed(6)}`);
