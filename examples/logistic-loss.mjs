// The gradient of the logistic-regression loss for one example (x, y) with respect to
// the weight w, checked against the textbook form (σ(wx + b) − y)·x.
import { differentiate, parse, toUnicode, evaluate } from 'dydx';

const loss = '-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))';
const { result } = differentiate(loss, { variable: 'w' });
console.log(`∂L/∂w = ${toUnicode(result)}`);

const textbook = parse('(sigmoid(w*x + b) - y)*x');
for (const point of [{ w: 0.5, b: -1, x: 2, y: 1 }, { w: -1.5, b: 0.3, x: 0.7, y: 0 }]) {
  const ours = evaluate(result, point);
  const expected = evaluate(textbook, point);
  console.log(`at ${JSON.stringify(point)}: ${ours.toFixed(9)} (textbook ${expected.toFixed(9)})`);
}
