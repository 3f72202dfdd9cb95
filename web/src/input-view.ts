/*
 * The expression box: a text input over a mirror of its text, in which the character
 * a parse error points at is underlined. The mirror scrolls with the input, so the
 * underline stays under the right character in a long expression.
 */

export function showErrorAt(input: HTMLInputElement, mirror: HTMLElement, offset: number | undefined): void {
  const text = input.value;
  // Each answer redraws the page; the mirror is rebuilt only when what it shows changes,
  // so the underline is not replaced under a reader's pointer (or a test's measurement).
  const key = `${offset ?? ''}:${text}`;
  if (mirror.dataset.shows === key) {
    mirror.scrollLeft = input.scrollLeft;
    return;
  }
  mirror.dataset.shows = key;
  if (offset === undefined) {
    mirror.replaceChildren(text);
  } else {
    // At the end of the input the error is what is missing: the space after it is underlined.
    const end = offset < text.length ? offset + charLength(text, offset) : offset;
    const mark = document.createElement('mark');
    mark.textContent = end > offset ? text.slice(offset, end) : '\u00a0';
    mirror.replaceChildren(text.slice(0, offset), mark, text.slice(end));
  }
  input.setAttribute('aria-invalid', String(offset !== undefined));
  mirror.scrollLeft = input.scrollLeft;
}

/** 2 for a character outside the basic plane (two UTF-16 units), else 1. */
const charLength = (text: string, offset: number): number => ((text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1);
