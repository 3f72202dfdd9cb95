/*
 * Letters written together, as on a calculator or in a textbook: sinx is sin x, xsinx is x·sin x,
 * 2sinxcosx is 2·sin x·cos x, ex is e·x. A run of letters that is no name dydx knows is read as
 * known names (functions, Greek letters, pi) and single letters, where no two or more pieces
 * written together would spell a known name themselves (sinx is not s·i·n·x, xtheta is not
 * x·t·h·η). Digits are numbers of their own (cos2x is cos 2x).
 */

/** One piece of a run of letters: a known name, a single letter, or digits. */
export interface Piece {
  readonly text: string;
  /** Where it starts in the run. */
  readonly at: number;
  readonly kind: 'name' | 'letter' | 'digits';
}

/** The readings of a run of letters, at most `most` of them (two tell that it is ambiguous). */
export function splitRun(run: string, known: ReadonlySet<string>, most = 2): Piece[][] {
  const longest = [...known].reduce((most, name) => Math.max(most, name.length), 0);
  const found: Piece[][] = [];
  const pieces: Piece[] = [];
  // A budget on the search: a long run with many names in it is refused rather than searched for long.
  let steps = 0;
  const search = (at: number): void => {
    if (found.length >= most || ++steps > 100_000) return;
    if (at === run.length) {
      found.push([...pieces]);
      return;
    }
    for (const piece of piecesAt(run, at, known, longest)) {
      if (spellsKnownName(pieces, piece, known, longest)) continue;
      pieces.push(piece);
      search(at + piece.text.length);
      pieces.pop();
    }
  };
  search(0);
  if (steps > 100_000) throw new RangeError('too many ways to read');
  return found;
}

/** The pieces that may start at a place in the run: known names, longest first, then a letter, or all the digits there. */
function piecesAt(run: string, at: number, known: ReadonlySet<string>, longest: number): Piece[] {
  const digits = /^\d+/.exec(run.slice(at));
  if (digits) return [{ text: digits[0], at, kind: 'digits' }];
  const names: Piece[] = [];
  for (let length = Math.min(longest, run.length - at); length >= 2; length--) {
    const text = run.slice(at, at + length);
    if (known.has(text)) names.push({ text, at, kind: 'name' });
  }
  return /[A-Za-z]/.test(run[at]!) ? [...names, { text: run[at]!, at, kind: 'letter' }] : names;
}

/** Whether the piece, with the pieces just before it, spells a known name (s, i, n spell sin). */
function spellsKnownName(before: readonly Piece[], piece: Piece, known: ReadonlySet<string>, longest: number): boolean {
  let text = piece.text;
  for (let i = before.length - 1; i >= 0; i--) {
    text = before[i]!.text + text;
    if (text.length > longest) return false;
    if (known.has(text)) return true;
  }
  return false;
}
