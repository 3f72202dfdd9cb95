import type { Expr } from '../../src/expr/types.js';
import { call, rebuildExactly } from '../../src/expr/factory.js';
import { children, foldTree } from '../../src/expr/traverse.js';

/**
 * The tree LaTeX reads back for one dydx printed: the same, but for log(u, 10) and log(u, 2),
 * which LaTeX writes \log_{10} and \log_{2} as it writes log10(u) and log2(u), and which are read
 * back as those.
 */
export function asLatexReadsIt(e: Expr): Expr {
  return foldTree(e, (node, of) => {
    const rebuilt = rebuildExactly(node, children(node).map(of));
    if (rebuilt.kind !== 'call' || rebuilt.name !== 'log' || rebuilt.args.length !== 2) return rebuilt;
    const base = rebuilt.args[1]!;
    if (base.kind !== 'num' || base.decimal || base.value.d !== 1n || (base.value.n !== 10n && base.value.n !== 2n)) return rebuilt;
    return call(base.value.n === 10n ? 'log10' : 'log2', [rebuilt.args[0]!]);
  });
}
