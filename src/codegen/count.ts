import type { Program } from './program.js';

/** The work of one call: arithmetic operations and calls of each function, every shared part counted once. */
export interface OperationCount {
  /** +, −, ·, /, powers, comparisons and choices: a sum of k terms is k − 1 of them. */
  readonly arithmetic: number;
  /** Calls by the target's name of the function: { 'np.exp': 1 }. */
  readonly calls: Readonly<Record<string, number>>;
}

/** The operations that compute these nodes of a program, each distinct node once; constants are computed ahead. */
export function countOperations(program: Program, roots: readonly number[]): OperationCount {
  const seen = new Set<number>();
  let arithmetic = 0;
  const calls: Record<string, number> = {};
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || program.isConstant(id)) continue;
    seen.add(id);
    const n = program.nodes[id]!;
    const args = program.argsOf(id);
    for (const a of args) stack.push(a);
    switch (n.op) {
      case 'num': case 'constant': case 'variable': break;
      case 'add': case 'mul': arithmetic += args.length - 1; break;
      case 'call': calls[n.name] = (calls[n.name] ?? 0) + 1; break;
      // |u|^r with u's sign: a power, and the sign put back.
      case 'signed-power': arithmetic += 2; break;
      default: arithmetic += 1;
    }
  }
  return { arithmetic, calls };
}
