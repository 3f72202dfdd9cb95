import type { Expr } from './types.js';
import { constant, num, rebuildExactly, tableFull, variable } from './factory.js';
import { children } from './traverse.js';
import { foldParts } from './fold.js';
import { renewTables } from '../errors.js';

/**
 * The tree carried from one part of a piece of work to the next, the shared tables emptied first
 * when the nodes made so far fill them and the tree built again in the new one, so its atoms are
 * found by id again; otherwise the tree itself. `full` says whether they are to be emptied now.
 */
export function renewedIfFull(carried: Expr, full = tableFull()): Expr {
  if (!full) return carried;
  renewTables();
  // Every node made again, parts first: a leaf by its factory, the rest from its new parts.
  return foldParts<Expr, Expr>(carried, children, (node, of) => {
    switch (node.kind) {
      case 'num': return num(node.value, node.decimal);
      case 'constant': return constant(node.name);
      case 'variable': return variable(node.name);
      default: return rebuildExactly(node, children(node).map(of));
    }
  });
}
