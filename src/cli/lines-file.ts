import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * The lines of a text file that say something, each with its number in the file: a byte-order
 * mark, CRLF endings and blank lines dropped. `what` names the file's content in an error.
 */
export function linesOfFile(path: string, what: string): { readonly number: number; readonly text: string }[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} from ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'invalid-request');
  }
  return text.replace(/^\uFEFF/, '').split('\n').map((l, i) => ({ number: i + 1, text: l.replace(/\r$/, '').trim() })).filter((l) => l.text !== '');
}
