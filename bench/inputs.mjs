// The benchmark's inputs: what is measured, and how results are summed up.

/** Typical expressions: textbook calculus and machine learning (activations, losses, layers). */
export const corpus = [
  'x^2', '3x^4 - 2x^3 + x^2/2 - 7x + 5', '(x^2 + 1)^5', '(x + 1)*(x - 2)*(x + 3)', 'x^3*sin(x)',
  '1/x', '(x^2 - 1)/(x^2 + 1)', '(2x + 3)/(x - 4)^2', 'sqrt(x^2 + 1)', 'x^(3/2) + x^(-1/2)',
  'sin(x)*cos(x)', 'tan(x)^2', 'sin(3x + 1)', 'cos(x^2)', 'sin(cos(tan(x)))',
  'sec(x) + csc(x)', 'asin(x) + acos(x)', 'atan(x/2)', 'sinh(x)*cosh(x)', 'asinh(x^2)',
  'exp(x)', 'exp(-x^2/2)', 'x*exp(x)', 'exp(sin(x))', '2^x',
  'log(x)', 'log(x^2 + 1)', 'x*log(x) - x', 'log(x, 10)', 'log(sin(x)^2)',
  'x^x', 'x^sin(x)', '(sin(x))^cos(x)', 'abs(x^3 - x)', 'cbrt(x^2 + 1)',
  '1/(1+exp(-x))', 'sigmoid(x)', 'sigmoid(w*x + b)', 'tanh(x)', 'tanh(3x + 1)',
  'log(1 + exp(x))', 'softplus(x)', 'x*sigmoid(x)', 'x*tanh(log(1 + exp(x)))', '(exp(x) - exp(-x))/(exp(x) + exp(-x))',
  '-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))', '(w*x + b - y)^2/2', 'log(exp(x) + exp(2x) + exp(3x))',
  'exp(x)/(exp(x) + exp(2x))', 'tanh(w2*tanh(w1*x + b1) + b2)', 'sin(x)^2 + cos(x)^2', 'x^2*exp(-x)*sin(3x)',
  '(2*x - 3)^5*(x + 1)^2', 'exp(x^2)*log(x^2 + 2)', '3*x^4 - x^(1/2) + 1/x', 'x*atan(x) - log(1 + x^2)/2', 'sqrt(1 - x^2)',
  'x/sqrt(x^2 + 4)', 'exp(2x)*cos(3x)', 'log(log(x))', 'atan(1/x)', 'sin(x)/x', '(1 + 1/x)^x', 'x^2*log(x)^2',
  'cos(x)^3*sin(x)^2', 'sqrt(x)*exp(-x)', 'log((1 + x)/(1 - x))', 'acos(2x - 1)', 'x^5 - 5x^3 + 4x',
];

/** A small deterministic generator (mulberry32), so every run measures the same random inputs. */
function random(seed) {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** n terms c·x^k·f(a·x + b), f among exp, log, sin, tan and atan, a ≤ 9, b ≤ 1000. */
export function randomTerms(n, seed = 19) {
  const pick = random(seed);
  const fs = ['exp', 'log', 'sin', 'tan', 'atan'];
  return Array.from({ length: n }, () => `${1 + pick(99)}*x^${pick(9)}*${fs[pick(5)]}(${1 + pick(9)}*x + ${pick(1001)})`).join(' + ');
}

/** A two-layer tanh network of its inputs x1 … xn with small whole weights: tanh(Σ vₖ·tanh(Σ wₖᵢ·xᵢ + bₖ) + c). */
export function network(inputs = 20, units = 8, seed = 7) {
  const pick = random(seed);
  const weight = () => [-3, -2, -1, 1, 2, 3][pick(6)];
  const hidden = Array.from({ length: units }, () =>
    `${weight()}*tanh(${Array.from({ length: inputs }, (_, i) => `${weight()}*x${i + 1}`).join(' + ')} + ${pick(5) - 2})`);
  return { text: `tanh(${hidden.join(' + ')} + 1)`, vars: Array.from({ length: inputs }, (_, i) => `x${i + 1}`) };
}

const sigmoidOrders = [1, 2, 3, 5, 10, 25, 50, 100, 1000];

const sum = (n) => Array.from({ length: n }, (_, i) => `${i + 1}*x^${i}`).join(' + ');
const product = (n) => Array.from({ length: n }, (_, i) => `(x + ${i + 1})`).join('*');
const nested = (open, n, close = ')') => `${open.repeat(n)}x${close.repeat(n)}`;

/** The systems compared: in-process ones (dydx, mathjs) and those run apart (see others.mjs). */
const fastest = ['dydx', 'symengine', 'maxima', 'sympy', 'sympy-simplify', 'compute-engine', 'mathjs-raw', 'mathjs'];
const corpusGroup = (order) => ({
  name: `corpus-${order}`,
  title: `${corpus.length} typical expressions, derivative of order ${order}: parse, differentiate, simplify, print text`,
  tools: fastest,
  // One process per tool for the whole corpus: warm, in-process, as each system is used.
  together: true,
  sizes: true,
  inputs: corpus.map((input) => ({ input, text: input, order })),
});

/**
 * Families of inputs that grow, each at four sizes: the time of each size, and how it grows (the
 * slope of log time over log size), beside SymEngine's.
 */
export const families = [
  { name: 'nested radicals √(x + √(x + …)), depth', sizes: [4, 8, 16, 32], text: (n) => `${'sqrt(x + '.repeat(n - 1)}sqrt(x)${')'.repeat(n - 1)}` },
  { name: 'continued fraction 1/(1 + 1/(1 + …x)), depth', sizes: [2, 4, 8, 16], text: (n) => nested('1/(1 + ', n) },
  { name: 'product of linear factors (x + k), factors', sizes: [4, 8, 16, 32], text: product },
  { name: 'sum of exp(kx)/(1 + exp(kx)), terms', sizes: [4, 8, 16, 32], text: (n) => Array.from({ length: n }, (_, i) => `exp(${i + 1}*x)/(1 + exp(${i + 1}*x))`).join(' + ') },
  { name: '(x^2 + 3x + 1)^n*(2x - 1)^n, n', sizes: [5, 10, 20, 40], text: (n) => `(x^2 + 3*x + 1)^${n}*(2*x - 1)^${n}` },
  { name: 'power tower x^x^…^x, height', sizes: [2, 3, 4, 5], text: (n) => Array.from({ length: n }, () => 'x').join('^') },
];

export const groups = [
  corpusGroup(1),
  corpusGroup(2),
  {
    name: 'sigmoid',
    title: 'σ⁽ⁿ⁾: the n-th derivative of 1/(1+exp(-x)) (dydx in σ form; the others in e^−x)',
    tools: ['dydx', 'symengine', 'maxima', 'sympy', 'compute-engine', 'mathjs'],
    inputs: sigmoidOrders.map((n) => ({
      input: `σ^(${n})`, text: '1/(1+exp(-x))', order: n,
      skip: { mathjs: n > 6, sympy: n > 25, maxima: n > 100, 'compute-engine': n > 10 },
    })),
  },
  {
    name: 'network',
    title: 'The gradient of a two-layer tanh network, 8 units, by its 20 inputs',
    tools: ['dydx', 'symengine', 'maxima', 'sympy'],
    inputs: [{ input: 'network gradient (20 partials)', ...network() }],
  },
  {
    name: 'scaling',
    title: 'Families that grow, four sizes each: parse, differentiate, simplify, print text',
    tools: ['dydx', 'symengine'],
    scaling: true,
    inputs: families.flatMap((family) => family.sizes.map((size) => ({ input: `${family.name} ${size}`, text: family.text(size), family: family.name, size }))),
  },
  {
    name: 'large',
    title: 'Large inputs: sums of 1,000 to 50,000 terms k*x^(k-1), random terms c*x^k*f(a*x + b), a product of 200 factors',
    tools: ['dydx', 'symengine', 'maxima', 'mathjs'],
    inputs: [
      { input: 'sum of 1,000 terms', text: sum(1000) },
      { input: 'sum of 10,000 terms', text: sum(10_000), skip: { mathjs: true } },
      { input: 'sum of 50,000 terms', text: sum(50_000), skip: { mathjs: true, maxima: true } },
      { input: '1 random term', text: randomTerms(1), skip: { mathjs: true } },
      { input: '1,000 random terms', text: randomTerms(1000), skip: { mathjs: true } },
      { input: '10,000 random terms', text: randomTerms(10_000), skip: { mathjs: true, maxima: true } },
      { input: 'product of 200 factors (x + k)', text: product(200), skip: { mathjs: true } },
    ],
  },
  {
    name: 'deep',
    title: 'Deep nesting, depth 1,000 and 10,000: ((…(x)…)), sin(sin(…(x)…)), 1/(1+1/(1+…))',
    tools: ['dydx', 'mathjs'],
    inputs: [1000, 10_000].flatMap((n) => [
      { input: `brackets, depth ${n}`, text: nested('(', n) },
      { input: `sin, depth ${n}`, text: nested('sin(', n) },
      { input: `continued fraction, depth ${n}`, text: nested('1/(1+', n) },
    ]),
  },
];

/**
 * Short inputs that once ran for minutes or took all the memory, through the command line with
 * its default limits (10 s, numbers of 1000 digits): each must answer or be refused within 10 s
 * and 1 GB. `args` and `stdin` are functions, so the long ones are built only where they run.
 */
export const robustness = [
  { input: 'gcd: (x^40+2x^20+3)/(x^39+5x^3+7)', args: () => ['(x^40+2*x^20+3)/(x^39+5*x^3+7)'] },
  { input: 'gcd: (x^100+2x^50+3)/(x^99+5x^3+7)', args: () => ['(x^100+2*x^50+3)/(x^99+5*x^3+7)'] },
  ...[10, 20, 40, 100].map((n) => ({ input: `sigmoid(sigmoid(x)), order ${n}`, args: () => ['sigmoid(sigmoid(x))', '--order', String(n)] })),
  { input: 'tan(x), order 160', args: () => ['tan(x)', '--order', '160'] },
  ...['exp(x^2)', 'sin(x^2)', 'sec(x)', 'abs(x)', 'f(g(x))', 'x^x', '1/x', 'sigmoid(x)'].map((f) => ({ input: `${f}, order 1000`, args: () => [f, '--order', '1000'] })),
  { input: 'sigmoid(x), order 100, --check', args: () => ['sigmoid(x)', '--order', '100', '--check'] },
  { input: 'x^1001/x^1000', args: () => ['x^1001/x^1000'] },
  ...['1e99999999*x', 'sin(1e99999999*x)', 'x^(1e-99999999)', '1e99999999999999999999*x', '(1e999999)^1000*x']
    .map((text) => ({ input: text, args: () => [text] })),
  { input: '0.(100,000 zeros)1*x', args: () => [`0.${'0'.repeat(100_000)}1*x`] },
  { input: 'flat sum of 130,000 terms (stdin)', args: () => [], stdin: () => Array.from({ length: 130_000 }, () => 'x').join('+') },
];
