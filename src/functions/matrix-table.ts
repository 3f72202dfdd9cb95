/**
 * The functions of vectors and matrices, read where shapes are declared (--shape): every fact
 * about how each is written, as data beside the function table. What each does to shapes, its
 * differential and its value are in src/matrix/functions.ts, keyed by the same names, so the
 * compiler asks for every entry there as well.
 */
export interface MatrixFunctionEntry {
  /** Other spellings read as input: trace for tr. The entry's name is its text spelling. */
  readonly aliases: readonly string[];
  /** Fewest and most arguments. */
  readonly arity: readonly [number, number];
  /** What it is, in a few words, for messages: "the trace of a square matrix". */
  readonly meaning: string;
  /** Its name in Unicode (det, tr) and LaTeX (\det, \operatorname{tr}). */
  readonly unicode: string;
  readonly latex: string;
}

const entry = (e: MatrixFunctionEntry): MatrixFunctionEntry => e;

export const matrixFunctionTable = {
  sum: entry({ aliases: [], arity: [1, 1], meaning: 'the sum of the entries of a vector or matrix', unicode: 'sum', latex: '\\operatorname{sum}' }),
  norm: entry({ aliases: [], arity: [1, 1], meaning: 'the Euclidean norm of a vector (the Frobenius norm of a matrix)', unicode: '‖', latex: '\\lVert' }),
  dot: entry({ aliases: [], arity: [2, 2], meaning: 'the dot product of two vectors of one length', unicode: 'dot', latex: '\\operatorname{dot}' }),
  tr: entry({ aliases: ['trace'], arity: [1, 1], meaning: 'the trace of a square matrix', unicode: 'tr', latex: '\\operatorname{tr}' }),
  det: entry({ aliases: [], arity: [1, 1], meaning: 'the determinant of a square matrix', unicode: 'det', latex: '\\det' }),
  inv: entry({ aliases: [], arity: [1, 1], meaning: 'the inverse of a square matrix', unicode: '⁻¹', latex: '^{-1}' }),
  diag: entry({ aliases: [], arity: [1, 1], meaning: 'the diagonal matrix of a vector, or the diagonal of a square matrix as a vector', unicode: 'diag', latex: '\\operatorname{diag}' }),
  softmax: entry({ aliases: [], arity: [1, 1], meaning: 'softmax of a vector, e^(zᵢ)/Σⱼ e^(zⱼ)', unicode: 'softmax', latex: '\\operatorname{softmax}' }),
  logsumexp: entry({ aliases: [], arity: [1, 1], meaning: 'ln Σᵢ e^(zᵢ) over the entries of a vector or matrix', unicode: 'logsumexp', latex: '\\operatorname{logsumexp}' }),
  // The constant vectors and matrices, by their size: how the text of an answer writes I, 𝟏 and 0.
  eye: entry({ aliases: [], arity: [1, 1], meaning: 'the identity matrix of a size, as in eye(3)', unicode: 'I', latex: '\\mathbf{I}' }),
  ones: entry({ aliases: [], arity: [1, 2], meaning: 'the vector or matrix of ones of a size, as in ones(3) or ones(3, 4)', unicode: '𝟏', latex: '\\mathbf{1}' }),
  zeros: entry({ aliases: [], arity: [1, 2], meaning: 'the zero vector or matrix of a size, as in zeros(3) or zeros(3, 4)', unicode: '0', latex: '\\mathbf{0}' }),
} as const;

export type MatrixFunctionName = keyof typeof matrixFunctionTable;
const matrixFunctionNames = Object.keys(matrixFunctionTable) as MatrixFunctionName[];

/** Every spelling of a matrix function read as input, with the function it names. */
export const matrixFunctionSpellings: ReadonlyMap<string, MatrixFunctionName> = new Map(matrixFunctionNames.flatMap((name) =>
  [name, ...matrixFunctionTable[name].aliases].map((spelling) => [spelling, name] as const)));

/**
 * The operators of matrix notation as the reader records them in the tree it reads, each an
 * application of a name no function has (a function's name is letters, digits and _ only, and
 * these are written in words the reader never takes for a function): the matrix reader
 * (src/matrix/read.ts) gives them their meaning. xᵀ is transpose(x), a ⊙ b hadamard(a, b),
 * a ⊘ b (a ./ b) hadamard quotient, a.^k hadamard power.
 */
export const matrixOperators = {
  transpose: 'transpose ᵀ',
  hadamard: 'hadamard ⊙',
  hadamardQuotient: 'hadamard ⊘',
  hadamardPower: 'hadamard ^',
} as const;
