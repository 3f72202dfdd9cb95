import { parse, read } from '../../src/parse/parse.js';
import { ParseError } from '../../src/parse/errors.js';

/** The ParseError an input gives; fails the test if it parses or throws anything else. */
export function errorOf(input: string): ParseError {
  try {
    parse(input);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`'${input}' parsed`);
}

/** The ParseError the whole reader gives an input (requests and LaTeX included); fails the test if it reads. */
export function readErrorOf(input: string): ParseError {
  try {
    read(input);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`'${input}' was read`);
}
