import { parse, read } from '../../src/parse/parse.js';
import { ParseError } from '../../src/parse/errors.js';
import { thrownBy } from './thrown.js';

/** The ParseError an input gives; fails the test if it parses or throws anything else. */
export const errorOf = (input: string): ParseError => thrownBy(() => parse(input), ParseError);

/** The ParseError the whole reader gives an input (requests and LaTeX included); fails the test if it reads. */
export const readErrorOf = (input: string): ParseError => thrownBy(() => read(input), ParseError);
