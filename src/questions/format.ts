/** The ways an answer is written: plain text, Unicode, LaTeX, Markdown with LaTeX, JSON, or Graphviz's DOT (a graph's alone). */
export const formats = ['text', 'unicode', 'latex', 'markdown', 'json', 'dot'] as const;
export type Format = (typeof formats)[number];

/** The formats every kind of answer is written in: those of a question that does not name its own. */
export const everyAnswerFormats: readonly Format[] = ['text', 'unicode', 'latex', 'markdown', 'json'];

