import { inputReadingIn } from '../print/reading.js';
import type { InputReading } from '../parse/parse.js';
import type { Given } from './question.js';
import type { Shown } from './write.js';

/*
 * How the input was read, said beside the answer of every kind of question: the first thing to
 * check when an answer surprises, and what JSON holds as `reading`.
 */

/**
 * "read as: sin(x)", when the reading differs from the input (spaces aside) or a convention chose
 * it (sin⁻¹ as the inverse): with the conventions said.
 */
export function readingNote(given: Given, notation: 'text' | 'unicode'): string | undefined {
  const reading = given.reading();
  if (reading === undefined) return undefined;
  // Spaces, multiplication signs and e^u for exp(u) are how a reading is written, not how it reads.
  const bare = (text: string): string => text.replace(/[\s*·]+/g, '').replace(/exp\(/g, 'e^(').replace(/−/g, '-');
  const same = [inputReadingIn(reading, 'text'), inputReadingIn(reading, 'unicode')].some((r) => bare(r) === bare(given.text));
  if (same && reading.notes.length === 0) return undefined;
  return `read as: ${inputReadingIn(reading, notation)}${reading.notes.length > 0 ? ` (${reading.notes.join('; ')})` : ''}`;
}

/** The reading in JSON: its notation, as written back in each notation, and the conventions used. */
const readingJson = (reading: InputReading) => ({
  notation: reading.notation, text: inputReadingIn(reading, 'text'), unicode: inputReadingIn(reading, 'unicode'), latex: inputReadingIn(reading, 'latex'),
  notes: reading.notes,
});

/** An answer whose JSON says how the input was read, where its question's own JSON does not. */
export function withReading(shown: Shown, given: Given): Shown {
  const reading = given.reading();
  if (reading === undefined) return shown;
  return {
    parts: shown.parts,
    ...(shown.dot ? { dot: shown.dot } : {}),
    json: () => {
      const own = shown.json() as Record<string, unknown>;
      if ('reading' in own) return own;
      const { input, ...rest } = own;
      return { input, reading: readingJson(reading), ...rest };
    },
  };
}
