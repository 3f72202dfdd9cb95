/** The ways an answer of any kind is written: plain text, Unicode, LaTeX, Markdown with LaTeX, or JSON. */
export const formats = ['text', 'unicode', 'latex', 'markdown', 'json'] as const;
export type Format = (typeof formats)[number];

