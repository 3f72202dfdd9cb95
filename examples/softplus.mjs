// softplus(x) = ln(1 + e^x): written as a function and spelled out, both differentiate to the sigmoid.
import { differentiate, toUnicode, evaluate } from 'dydx';

for (const input of ['softplus(x)', 'ln(1 + e^x)']) {
  const { result } = differentiate(input);
  const values = [-2, 0, 2].map((x) => evaluate(result, { x }).toFixed(6));
  console.log(`d/dx ${input} = ${toUnicode(result)}   at x = −2, 0, 2: ${values.join(', ')}`);
}
