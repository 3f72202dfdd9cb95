/** dydx and mathjs: expression trees both ways (a separate entry point, so only its users load mathjs). */
export { toMathjs, fromMathjs } from './interop/mathjs.js';
