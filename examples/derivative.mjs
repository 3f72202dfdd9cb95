// Differentiate an expression and print the result in every notation.
import { differentiate, toText, toUnicode, toLatex } from 'dydx';

const { result } = differentiate('1/(1+exp(-x))');
console.log(toText(result));
console.log(toUnicode(result));
console.log(toLatex(result));
