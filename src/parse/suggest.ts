/*
 * Spelling suggestions for unknown function names. Costs, in half-steps: inserting,
 * deleting or swapping two adjacent letters is 2, replacing a letter is 3, because
 * doubled and swapped letters are the usual typos (sinn → sin, tahn → tanh).
 */
const insertOrDelete = 2;
const swap = 2;
const replace = 3;

function editCost(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0) * insertOrDelete));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : replace);
      let best = Math.min(d[i - 1]![j]! + insertOrDelete, d[i]![j - 1]! + insertOrDelete, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + swap);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate within about two typos, if any; on a tie, the one of the word's length. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length <= 3 ? replace : 2 * replace;
  const lower = word.toLowerCase();
  const score = (candidate: string): number => editCost(lower, candidate) * 100 + Math.abs(candidate.length - word.length);
  let best: string | undefined;
  for (const candidate of candidates) {
    if (editCost(lower, candidate) > limit) continue;
    if (best === undefined || score(candidate) < score(best)) best = candidate;
  }
  return best;
}

/**
 * The closest function name of the same shape as the word: its first letter in the same case
 * (Li is not ln), at most two letters longer or shorter (catalan is not atan), and for a name
 * of three letters or fewer one doubled, missing or swapped letter away, since any two short
 * names are a letter or two apart.
 */
export function closestFunctionName(word: string, names: Iterable<string>): string | undefined {
  const upper = (s: string): boolean => /^[A-Z]/.test(s);
  const shaped = [...names].filter((name) => upper(name) === upper(word) && Math.abs(name.length - word.length) <= 2);
  const suggestion = closest(word, upper(word) ? shaped.map((name) => name.toLowerCase()) : shaped);
  if (suggestion === undefined) return undefined;
  const name = shaped.find((n) => n.toLowerCase() === suggestion.toLowerCase())!;
  return word.length <= 3 && editCost(word.toLowerCase(), name.toLowerCase()) > swap ? undefined : name;
}
