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

  /**
   * The offending line with a caret under the column; its control characters shown as escapes
   * (\x1b), the caret counting their width, so it stands under the right character still.
   */
  get excerpt(): string {
    const text = (this.source.split(/\r?\n/)[this.line - 1] ?? '').replace(/\t/g, ' ');
    const before = visible(text.slice(0, Math.max(0, this.column - 1)));
    return `${visible(text)}\n${' '.repeat(before.length)}^`;
  }

  /** Message, position and excerpt, as the CLI prints them. */
  format(): string {
    return `${this.message} (line ${this.line}, column ${this.column})\n${indent(this.excerpt)}`;
  }
}

/**
 * Text with its control characters shown as escapes (\x1b, not the character): an input's
 * escape sequences must not reach the terminal through a message that quotes it.
 */
export const visible = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

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
