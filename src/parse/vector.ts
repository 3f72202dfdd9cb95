import { ParseError } from './errors.js';
import { read, type ParseOptions, type Reading } from './parse.js';

/** One component of a vector as typed: its text and where it starts in the whole input. */
interface VectorComponent {
  readonly text: string;
  readonly offset: number;
}

/**
 * The components of a vector written [f₁, f₂, …]: square brackets around the whole input with a
 * comma at their own level. A comma there is an error in any other reading ([x, y] groups
 * nothing), so this reading takes nothing away; [x + 1] with no comma is still a bracket.
 */
export function vectorComponents(input: string): VectorComponent[] | undefined {
  const start = input.search(/\S/);
  const end = input.trimEnd().length - 1;
  if (start < 0 || input[start] !== '[' || input[end] !== ']') return undefined;
  const components: VectorComponent[] = [];
  let depth = 0;
  let from = start + 1;
  for (let i = start; i <= end; i++) {
    const c = input[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      // The first bracket closes before the end: [a] + [b] is no vector.
      if (depth === 0 && i !== end) return undefined;
    } else if (c === ',' && depth === 1) {
      components.push({ text: input.slice(from, i), offset: from });
      from = i + 1;
    }
  }
  if (components.length === 0) return undefined;
  return [...components, { text: input.slice(from, end), offset: from }];
}

/** Reads each component of a vector; an error in one is located in the whole input. */
export function readComponents(input: string, components: readonly VectorComponent[], options: ParseOptions = {}): Reading[] {
  return components.map((c) => {
    try {
      if (c.text.trim() === '') throw new ParseError('a component of the vector is empty', 1, 1, c.text);
      return read(c.text, options);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const lines = c.text.split('\n');
      const local = lines.slice(0, error.line - 1).reduce((n, l) => n + l.length + 1, 0) + error.column - 1;
      const at = c.offset + Math.min(local, c.text.length);
      const before = input.slice(0, at).split('\n');
      throw new ParseError(error.message, before.length, before.at(-1)!.length + 1, input);
    }
  });
}

/** Text split at its commas outside brackets: max(1, 2), 3 is two parts. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, text.slice(from)];
}

