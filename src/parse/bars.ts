/*
 * Absolute value bars. The same sign opens and closes, so where a bar could do either the
 * input may read two ways: |x|y|z| is |x|·y·|z| or |x·|y|·z|. The bars' roles are worked out
 * from their neighbours: a bar closes only after what ends an operand and while one is open in
 * the same brackets, and opens only before what starts one. Every way to give the bars roles is
 * searched for; the first (closing where it can) is the reading, and a second is reported.
 */

export type BarRole = 'open' | 'close';

/** A token as the search sees it: a bar, a bracket, or another token that does or does not end or start an operand. */
export type BarContext =
  | { readonly kind: 'bar' }
  | { readonly kind: 'open-bracket' }
  | { readonly kind: 'close-bracket' }
  | { readonly kind: 'other'; readonly endsOperand: boolean; readonly startsOperand: boolean };

/** The roles of the bars among these tokens, in order: up to two assignments that nest; none when no way fits. */
export function barRoles(tokens: readonly BarContext[]): BarRole[][] {
  const bars: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'bar') bars.push(i);
  });
  // Bars whose roles are forced take a few steps each; many that could go either way are refused, not searched for long.
  const budget = 100_000 + 10 * bars.length;
  if (bars.length === 0) return [[]];
  // For each bar, the brackets around it; a bar pairs only with one inside the same brackets.
  const scopeOf: number[] = [];
  const closedBefore: number[][] = []; // scopes that end between bar k − 1 and bar k (and after the last, at index bars.length)
  const scopes: number[] = [0];
  let nextScope = 1;
  let ended: number[] = [];
  let k = 0;
  tokens.forEach((t) => {
    if (t.kind === 'open-bracket') scopes.push(nextScope++);
    else if (t.kind === 'close-bracket') ended.push(scopes.pop() ?? 0);
    else if (t.kind === 'bar') {
      closedBefore[k] = ended;
      ended = [];
      scopeOf[k++] = scopes.at(-1)!;
    }
  });
  closedBefore[bars.length] = [...ended, ...scopes];

  const adjacentToPrevious = bars.map((at, k) => k > 0 && bars[k - 1] === at - 1);
  const before = (k: number): BarContext | undefined => tokens[bars[k]! - 1];
  const after = (k: number): BarContext | undefined => tokens[bars[k]! + 1];
  const mayOpen = (k: number): boolean => {
    const next = after(k);
    return next !== undefined && (next.kind === 'bar' || next.kind === 'open-bracket' || (next.kind === 'other' && next.startsOperand));
  };
  const endsOperandBefore = (k: number, roles: readonly BarRole[]): boolean => {
    if (adjacentToPrevious[k]) return roles[k - 1] === 'close';
    const previous = before(k);
    return previous !== undefined && (previous.kind === 'close-bracket' || (previous.kind === 'other' && previous.endsOperand));
  };

  const found: BarRole[][] = [];
  const roles: BarRole[] = [];
  const open = new Map<number, number>();
  const allClosed = (scopesEnded: readonly number[]): boolean => scopesEnded.every((s) => (open.get(s) ?? 0) === 0);
  let steps = 0;
  // Iterative search, so that thousands of bars take no deep recursion: tried[k] is how many roles bar k has tried.
  const tried: number[] = [0];
  k = 0;
  while (k >= 0 && found.length < 2) {
    if (++steps > budget) throw new RangeError('too many bars that could open or close');
    if (k === bars.length) {
      if (allClosed(closedBefore[k]!)) found.push([...roles]);
      k--;
      if (k >= 0) undo(k);
      continue;
    }
    const options: BarRole[] = [];
    if (allClosed(closedBefore[k]!)) {
      if (endsOperandBefore(k, roles) && (open.get(scopeOf[k]!) ?? 0) > 0) options.push('close');
      if (mayOpen(k)) options.push('open');
    }
    const choice = options[tried[k]!];
    if (choice === undefined) {
      tried[k] = 0;
      k--;
      if (k >= 0) undo(k);
      continue;
    }
    tried[k]!++;
    roles[k] = choice;
    open.set(scopeOf[k]!, (open.get(scopeOf[k]!) ?? 0) + (choice === 'open' ? 1 : -1));
    k++;
    tried[k] = 0;
  }
  return found;

  function undo(at: number): void {
    const role = roles[at]!;
    open.set(scopeOf[at]!, (open.get(scopeOf[at]!) ?? 0) - (role === 'open' ? 1 : -1));
    roles.length = at;
  }
}
