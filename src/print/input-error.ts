import type { InputError } from '../errors.js';
import { toText } from './linear.js';

/** An InputError's message as a reader is told it: a problem in one part of the expression names that part, log(0). */
export function inputErrorMessage(error: InputError): string {
  return error.part ? `${error.message} (${toText(error.part)})` : error.message;
}
