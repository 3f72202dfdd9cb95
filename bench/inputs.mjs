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
];

const sigmoidOrders = [1, 2, 3, 4, 5, 6, 10, 25, 50, 100];
const mathjsSigmoidOrders = [1, 2, 3, 4, 5, 6];

const sum = (n) => Array.from({ length: n }, (_, i) => `${i + 1}*x^${i}`).join(' + ');
const product = (n) => Array.from({ length: n }, (_, i) => `(x + ${i + 1})`).join('*');
const nested = (open, n, close = ')') => `${open.repeat(n)}x${close.repeat(n)}`;

const geometricMean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

export const groups = [
  {
    name: 'corpus',
    title: `1. ${corpus.length} typical expressions, full pipeline (parse, differentiate, simplify, print text and LaTeX) vs mathjs derivative with simplify (mathjs) and without (mathjs-raw)`,
    tools: ['dydx', 'mathjs', 'mathjs-raw'],
    inputs: corpus.map((input) => ({ input, text: input })),
    summary(results) {
      const ours = new Map(results.dydx.rows.map((r) => [r.input, r]));
      const lines = [];
      for (const t of ['mathjs', 'mathjs-raw']) {
        const pairs = (results[t]?.rows ?? []).filter((r) => r.ms !== undefined && ours.get(r.input)?.ms !== undefined);
        if (pairs.length === 0) continue;
        const ratio = geometricMean(pairs.map((r) => ours.get(r.input).ms / r.ms));
        const noLarger = pairs.filter((r) => ours.get(r.input).nodes <= r.nodes).length;
        const speed = ratio < 1 ? `${(1 / ratio).toFixed(1)}x faster` : `${ratio.toFixed(1)}x slower`;
        lines.push([`geometric mean vs ${t}`, '', '', speed, `${noLarger}/${pairs.length} no larger`, ratio.toPrecision(2)]);
      }
      return lines;
    },
  },
  {
    name: 'sigmoid',
    title: 'σ⁽ⁿ⁾: the n-th derivative of 1/(1+exp(-x)) (dydx: differentiate with order n; mathjs: derivative n times, with simplify)',
    tools: ['dydx', 'mathjs'],
    inputs: sigmoidOrders.map((n) => ({ input: `σ^(${n})`, text: '1/(1+exp(-x))', order: n, mathjs: mathjsSigmoidOrders.includes(n) })),
  },
  {
    name: 'large',
    title: 'Large inputs: sums of 1,000, 10,000 and 50,000 terms (1*x^0 + 2*x^1 + …) and a product of 200 factors',
    tools: ['dydx', 'mathjs'],
    inputs: [
      { input: 'sum of 1,000 terms', text: sum(1000) },
      { input: 'sum of 10,000 terms', text: sum(10_000) },
      { input: 'sum of 50,000 terms', text: sum(50_000) },
      { input: 'product of 200 factors (x + k)', text: product(200) },
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
