// Reverse-mode differentiation of the logistic loss, shown: its computation graph, the forward
// pass at one example, and the backward pass, whose inputs' adjoints are the gradient. Checked
// against the textbook gradient (σ(wx + b) − y)·x and σ(wx + b) − y.
import { computationGraph, evaluate, forwardBackward, graphSections, parse, sectionIn } from 'dydx';

const loss = '-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))';
const graph = computationGraph(loss);
const passes = forwardBackward(graph, 'w=0.5,b=-1,x=2,y=1');
console.log(graphSections(passes, 'unicode').map((section) => sectionIn(section, 'text')).join('\n\n'));

const point = { w: 0.5, b: -1, x: 2, y: 1 };
for (const [variable, textbook] of [['w', '(sigmoid(w*x + b) - y)*x'], ['b', 'sigmoid(w*x + b) - y']]) {
  const { adjoint } = passes.gradient.find((component) => component.variable === variable);
  console.log(`∂L/∂${variable}: ${adjoint.approximately.toFixed(9)} (textbook ${evaluate(parse(textbook), point).toFixed(9)})`);
}
