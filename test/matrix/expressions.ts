import fc from 'fast-check';

/** The shapes random expressions are made with: two 3-vectors, a 3×3 and a 2×3 matrix, a scalar. */
export const shapes = 'x=3,y=3,A=3x3,W=2x3,s=1';

type Kind = 'scalar' | 'v3' | 'v2' | 'm3';

/** Random expressions of a shape, as text, at most `depth` deep. */
export function expression(kind: Kind, depth: number): fc.Arbitrary<string> {
  const leaves: Readonly<Record<Kind, readonly string[]>> = {
    scalar: ['s', '2', "x'*y", 'sum(x)', 'log(det(A))'],
    v3: ['x', 'y'],
    v2: ['W*x', 'W*y'],
    m3: ['A', "A'", 'inv(A)'],
  };
  const leaf = fc.constantFrom(...leaves[kind]);
  if (depth <= 0) return leaf;
  const s = expression('scalar', depth - 1);
  const v3 = expression('v3', depth - 1);
  const v2 = expression('v2', depth - 1);
  const m3 = expression('m3', depth - 1);
  const compound: Readonly<Record<Kind, fc.Arbitrary<string>[]>> = {
    scalar: [
      fc.tuple(s, s).map(([a, b]) => `(${a}) + (${b})`),
      fc.tuple(s, s).map(([a, b]) => `(${a})*(${b})`),
      v3.map((v) => `norm(${v})^2`),
      v3.map((v) => `sum(${v})`),
      fc.tuple(v3, v3).map(([a, b]) => `(${a})'*(${b})`),
      fc.tuple(v3, m3, v3).map(([a, b, c]) => `(${a})'*(${b})*(${c})`),
      m3.map((a) => `tr(${a})`),
      v3.map((v) => `logsumexp(${v})`),
      s.map((a) => `sin(${a})`),
      v2.map((v) => `sum(tanh(${v}))`),
    ],
    v3: [
      fc.tuple(m3, v3).map(([a, v]) => `(${a})*(${v})`),
      fc.tuple(v3, v3).map(([a, b]) => `(${a}) + (${b})`),
      fc.tuple(v3, v3).map(([a, b]) => `(${a}) .* (${b})`),
      v3.map((v) => `sigmoid(${v})`),
      v3.map((v) => `tanh(${v})`),
      v3.map((v) => `exp(-(${v}))`),
      v3.map((v) => `1 ./ (1 + exp(-(${v})))`),
      v3.map((v) => `1 - (${v})`),
      fc.tuple(s, v3).map(([a, v]) => `(${a})*(${v})`),
      v3.map((v) => `softmax(${v})`),
      v2.map((v) => `W'*(${v})`),
    ],
    v2: [
      v3.map((v) => `W*(${v})`),
      v2.map((v) => `tanh(${v})`),
      fc.tuple(v2, v2).map(([a, b]) => `(${a}) .* (${b})`),
    ],
    m3: [
      fc.tuple(m3, m3).map(([a, b]) => `(${a})*(${b})`),
      m3.map((a) => `(${a}) + (${a})'`),
      v3.map((v) => `diag(${v})`),
      fc.tuple(v3, v3).map(([a, b]) => `(${a})*(${b})'`),
      fc.tuple(s, m3).map(([a, b]) => `(${a})*(${b})`),
    ],
  };
  return fc.oneof({ arbitrary: leaf, weight: 2 }, ...compound[kind].map((arbitrary) => ({ arbitrary, weight: 1 })));
}

