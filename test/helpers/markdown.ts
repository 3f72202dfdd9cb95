/** The LaTeX inside $$…$$ and $…$ in a Markdown text. */
export function mathIn(markdown: string): string[] {
  const found: string[] = [];
  const rest = markdown.replace(/\$\$([^$]+)\$\$/g, (_, math: string) => {
    found.push(math);
    return '';
  });
  for (const match of rest.matchAll(/\$([^$\n]+)\$/g)) found.push(match[1]!);
  return found;
}
