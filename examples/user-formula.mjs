// Differentiate a formula typed by a user, reporting bad input the way dydx does,
// then evaluate the derivative numerically.
import { differentiate, evaluate, toUnicode, ParseError } from 'dydx';

for (const formula of ['w*x^2 + sin(w*x)', 'w*x^2 + sinn(x)']) {
  try {
    const d = differentiate(formula, { variable: 'w' });
    const slope = evaluate(d.result, { w: 2, x: 0.5 });
    console.log(`d/dw ${formula} = ${toUnicode(d.result)}; at w = 2, x = 0.5 it is ${slope.toFixed(6)}`);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    console.log(`cannot read '${formula}': ${error.message} at column ${error.column}`);
  }
}
