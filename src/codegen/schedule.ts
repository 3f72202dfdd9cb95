import type { Program } from './program.js';
import type { TargetSyntax } from './targets.js';
import { expressionCode } from './expression.js';
import { checkLimits } from '../errors.js';

/** Which nodes get a name of their own, and in what order they are computed. */
export interface Schedule {
  /** Names of the nodes computed once into a variable: outputs, shared parts, constants. */
  readonly names: ReadonlyMap<number, string>;
  /** Constants (no variable in them), computed once outside the function where the language allows. */
  readonly constants: readonly number[];
  /** The other named nodes, in an order where each comes after the named nodes it uses. */
  readonly statements: readonly number[];
}

/** Short names for the parts a reader knows by a letter: s = σ(x), t = tanh(…), e = e^(…). */
const shortNames: Readonly<Record<string, string>> = {
  sigmoid: 's', tanh: 't', exp: 'e', softplus: 'sp', log: 'ln', log1p: 'lp', sqrt: 'r', erf: 'ef', erfc: 'ec',
  sin: 'sn', cos: 'cs', sinh: 'sh', cosh: 'ch', logsigmoid: 'ls',
};

/** The short name of what a node computes, where it has one. */
export const shortNameOf = (program: Program, id: number): string | undefined => {
  const hint = program.hints.get(id);
  return hint === undefined ? undefined : shortNames[hint];
};

/**
 * Chooses the variables of the generated code: every output, every part used twice or more
 * (common-subexpression elimination over all the outputs together), and every constant part.
 * In a language that computes lazily and raises on a bad argument (Python's math), a part
 * that is needed only on one side of a choice is not computed ahead of it, unless computing
 * it cannot fail.
 */
function schedule(
  program: Program, outputs: readonly Output[], syntax: TargetSyntax, taken: ReadonlySet<string>, alsoNamed: ReadonlySet<number> = new Set(),
): Schedule {
  const uses = new Map<number, number>();
  const unconditional = new Set<number>();
  const seen = new Set<number>();
  // Each edge of the graph counts once: a part used by two parents is shared.
  const visit = (id: number, conditional: boolean): void => {
    if (!conditional) unconditional.add(id);
    const first = !seen.has(id);
    seen.add(id);
    const node = program.nodes[id]!;
    const args = program.argsOf(id);
    if (!first && (conditional || unconditional.has(id))) return;
    args.forEach((a, i) => {
      if (first) uses.set(a, (uses.get(a) ?? 0) + 1);
      visit(a, conditional || (node.op === 'select' && i > 0));
    });
  };
  for (const o of outputs) visit(o.id, false);

  const isConstant = (id: number): boolean => program.isConstant(id);
  const isLeaf = (id: number): boolean => ['num', 'constant', 'variable'].includes(program.nodes[id]!.op);
  const lazyAndRaising = syntax.family === 'python' && !syntax.elementwise;
  const mayComputeAhead = (id: number): boolean => !lazyAndRaising || unconditional.has(id) || cannotRaise(program, id);
  const named = (id: number): boolean => {
    if (isLeaf(id)) return false;
    if (isConstant(id)) return true;
    if (alsoNamed.has(id)) return mayComputeAhead(id);
    if ((uses.get(id) ?? 0) < 2) return false;
    const n = program.nodes[id]!;
    // −x and x² read as well as a name would.
    if (n.op === 'neg' && isLeaf(n.args[0])) return false;
    return mayComputeAhead(id);
  };

  const names = new Map<number, string>();
  const used = new Set(taken);
  const claim = (id: number, wanted: string): void => {
    let name = wanted;
    for (let k = 2; used.has(name) || syntax.reserved.has(name); k++) name = `${wanted}${k}`;
    used.add(name);
    names.set(id, name);
  };
  // An output that is a number or a parameter is written as itself where it is returned.
  for (const o of outputs) if (!names.has(o.id) && !isLeaf(o.id)) claim(o.id, o.name);

  const constants: number[] = [];
  const statements: number[] = [];
  const placed = new Set<number>();
  let temporaries = 0;
  let constantCount = 0;
  const place = (id: number): void => {
    if (placed.has(id)) return;
    placed.add(id);
    const constantPart = isConstant(id);
    // A constant is computed whole: its parts are not named apart.
    if (!constantPart) for (const a of program.argsOf(id)) place(a);
    if (!names.has(id) && !named(id)) return;
    if (!names.has(id)) claim(id, constantPart ? `C${++constantCount}` : shortNameOf(program, id) ?? `u${++temporaries}`);
    (constantPart && !isLeaf(id) ? constants : statements).push(id);
  };
  for (const o of outputs) place(o.id);
  return { names, constants: inDependencyOrder(program, constants, names), statements };
}

/**
 * The named constants, each after the named constants its code uses: √2 named C1 apart, and
 * within √(2π)/√2 where it is written out, comes first.
 */
function inDependencyOrder(program: Program, constants: readonly number[], names: ReadonlyMap<number, string>): number[] {
  const ordered: number[] = [];
  const done = new Set<number>();
  const visit = (id: number): void => {
    if (done.has(id)) return;
    done.add(id);
    const uses = (at: number): void => {
      for (const a of program.argsOf(at)) {
        if (names.has(a)) {
          if (constants.includes(a)) visit(a);
        } else uses(a);
      }
    };
    uses(id);
    ordered.push(id);
  };
  for (const c of constants) visit(c);
  return ordered;
}

/** An output of the function: a node and the name it is wanted under. */
export interface Output {
  readonly id: number;
  readonly name: string;
}

/** Longest line of code, indentation and all: PEP 8's 79 columns for Python, 100 elsewhere. */
const lineWidth = (syntax: TargetSyntax): number => (syntax.family === 'python' ? 79 : 100);
/** What a statement adds to its code: "    u1 = " in Python, "  const double u1 = …;" in C. */
const statementCost = (syntax: TargetSyntax, name: string): number => name.length + (syntax.family === 'python' ? 7 : syntax.family === 'js' ? 12 : 19);

/**
 * The schedule with lines no longer than the language's width where naming parts can make them
 * so: the longest unnamed part of a long statement gets a name of its own, until each fits.
 */
export function fittedSchedule(
  program: Program, outputs: readonly Output[], syntax: TargetSyntax, taken: ReadonlySet<string>, parameters: ReadonlyMap<string, string>,
): Schedule {
  const alsoNamed = new Set<number>();
  for (let round = 0; ; round++) {
    checkLimits();
    const s = schedule(program, outputs, syntax, taken, alsoNamed);
    if (round > 200) return s;
    const code = (id: number): string => expressionCode(program, id, s.names, parameters, syntax);
    const long = [...s.constants, ...s.statements].filter((id) => code(id).length + statementCost(syntax, s.names.get(id)!) > lineWidth(syntax));
    if (!long.some((id) => nameLongestPart(id))) return s;

    /** Names a part written out within a long line that may have a name; false where none may. */
    function nameLongestPart(id: number): boolean {
      const parts: number[] = [];
      const collect = (at: number): void => {
        for (const a of program.argsOf(at)) {
          if (s.names.has(a) || ['num', 'constant', 'variable'].includes(program.nodes[a]!.op)) continue;
          parts.push(a);
          collect(a);
        }
      };
      collect(id);
      // The longest part that fits on a line of its own shortens the line most; failing that, the longest.
      const fits = (part: number): boolean => code(part).length + statementCost(syntax, 'u10') <= lineWidth(syntax);
      const order = (a: number, b: number): number => Number(fits(b)) - Number(fits(a)) || code(b).length - code(a).length;
      // Only in Python's math may a part be refused a name (it would be computed ahead of a choice).
      const lazy = syntax.family === 'python' && !syntax.elementwise;
      for (const part of parts.sort(order)) {
        checkLimits();
        alsoNamed.add(part);
        if (!lazy || schedule(program, outputs, syntax, taken, alsoNamed).names.has(part)) return true;
        alsoNamed.delete(part);
      }
      return false;
    }
  }
}

/** Whether computing a node can raise in Python's math: only sums, products, |·| and e^(−|·|) of such parts cannot. */
function cannotRaise(program: Program, id: number): boolean {
  const n = program.nodes[id]!;
  switch (n.op) {
    case 'num': case 'constant': case 'variable': return true;
    case 'add': case 'mul': case 'neg': case 'compare': return n.args.every((a) => cannotRaise(program, a));
    case 'call': {
      if (n.name === 'abs') return cannotRaise(program, n.args[0]!);
      // e^(−|u|) is at most 1.
      const inner = program.nodes[n.args[0]!]!;
      return n.name === 'math.exp' && inner.op === 'neg' && program.nodes[inner.args[0]]!.op === 'call'
        && (program.nodes[inner.args[0]] as { name: string }).name === 'abs' && cannotRaise(program, inner.args[0]);
    }
    default: return false;
  }
}
