import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';
import javascript from 'highlight.js/lib/languages/javascript';
import c from 'highlight.js/lib/languages/c';
import type { Target } from '../../src/index.js';

/*
 * Generated code highlighted as HTML (highlight.js, with only the three languages the targets
 * are written in), so it can be made in the worker and put in place as it is.
 */

hljs.registerLanguage('python', python);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('c', c);

const languageOf: Readonly<Record<Target, string>> = { numpy: 'python', python: 'python', torch: 'python', jax: 'python', js: 'javascript', c: 'c' };

/** The code as HTML: escaped, each token in a span of its kind (hljs-keyword, hljs-number, …). */
export const highlighted = (code: string, target: Target): string => hljs.highlight(code, { language: languageOf[target] }).value;
