/** A problem with the user's input, located so a person can find and fix it. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    message: string,
    /** 1-based line of the problem. */
    readonly line: number,
    /** 1-based column of the problem. */
    readonly column: number,
    /** The whole input, for the excerpt. */
    readonly source: string,
  ) {
    super(message);
  }

  /** The offending line with a caret under the column. */
  get excerpt(): string {
    const text = (this.source.split(/\r?\n/)[this.line - 1] ?? '').replace(/\t/g, ' ');
    return `${text}\n${' '.repeat(Math.max(0, this.column - 1))}^`;
  }

  /** Message, position and excerpt, as the CLI prints them. */
  format(): string {
    return `${this.message} (line ${this.line}, column ${this.column})\n${indent(this.excerpt)}`;
  }
}

const indent = (text: string): string => text.split('\n').map((l) => `  ${l}`).join('\n');

/** Line and column (1-based) of a character offset in the source. */
function locate(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function errorAt(source: string, offset: number, message: string): ParseError {
  const { line, column } = locate(source, offset);
  return new ParseError(message, line, column, source);
}
