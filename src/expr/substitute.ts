import type { Expr } from './types.js';
import { children, equals, withChildren } from './traverse.js';

/** Replaces every occurrence of a variable by an expression; shared subtrees are rebuilt once. */
export function substitute(e: Expr, name: string, replacement: Expr): Expr {
  const done = new Map<Expr, Expr>();
  const visit = (node: Expr): Expr => {
    const known = done.get(node);
    if (known) return known;
    const result = node.kind === 'variable'
      ? (node.name === name ? replacement : node)
      : withChildren(node, children(node).map(visit));
    done.set(node, result);
    return result;
  };
  return visit(e);
}

/**
 * Replaces every subtree equal to `target` by `replacement`, looking into the parts of the nodes
 * `within` accepts (all by default); the same tree when none is found.
 */
export function replaceSubtree(e: Expr, target: Expr, replacement: Expr, within: (node: Expr) => boolean = () => true): Expr {
  const done = new Map<Expr, Expr>();
  const visit = (node: Expr): Expr => {
    const known = done.get(node);
    if (known) return known;
    const result = node.hash === target.hash && equals(node, target)
      ? replacement
      : within(node) ? withChildren(node, children(node).map(visit)) : node;
    done.set(node, result);
    return result;
  };
  return visit(e);
}

/** Replaces every part that is a key of `replacements` (by identity: parts are interned) by its value; shared subtrees are rebuilt once. */
export function replaceParts(e: Expr, replacements: ReadonlyMap<Expr, Expr>): Expr {
  const done = new Map<Expr, Expr>();
  const visit = (node: Expr): Expr => {
    const known = done.get(node);
    if (known) return known;
    const result = replacements.get(node) ?? withChildren(node, children(node).map(visit));
    done.set(node, result);
    return result;
  };
  return visit(e);
}
