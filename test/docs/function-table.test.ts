import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionNames, functionTable, oneArgumentDerivative, type FunctionName } from '../../src/functions/table.js';
import type { Template } from '../../src/functions/template.js';
import { fromTemplate } from '../../src/expr/template.js';
import { variable } from '../../src/expr/factory.js';
import { toUnicode } from '../../src/print/linear.js';

/*
 * The README lists every function of the table with its definition and derivative. The list is
 * made from the table here and must match the README's; `npm run golden` writes it there.
 */

const readmePath = new URL('../../README.md', import.meta.url);
const start = '<!-- function table: made from src/functions/table.ts by npm run golden -->';
const end = '<!-- end of function table -->';

/** A template in Unicode over the parameters (x and y unless named); the definitions by cases as words: "x if x > 0, else 0". */
function unicode(t: Template<FunctionName>, names: readonly string[] = ['x', 'y']): string {
  if (Array.isArray(t) && ['if', 'gt', 'lt', 'ge'].includes(t[0])) {
    const [head, a, b, c] = t as unknown as readonly [string, Template<FunctionName>, Template<FunctionName>, Template<FunctionName>?];
    switch (head) {
      case 'gt': return `${unicode(a, names)} > ${unicode(b, names)}`;
      case 'lt': return `${unicode(a, names)} < ${unicode(b, names)}`;
      case 'ge': return `${unicode(a, names)} ≥ ${unicode(b, names)}`;
      default: return `${unicode(b, names)} if ${unicode(a, names)}, else ${unicode(c!, names)}`;
    }
  }
  // As the table writes it, not simplified (which would write the definition of tan as tan).
  return toUnicode(fromTemplate(t, names.map((name) => variable(name))));
}

/** Code in a Markdown table: a | inside it is escaped, or it would end the cell. */
const cell = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;

function row(name: FunctionName): string {
  const entry = functionTable[name];
  const { arity, aliases, definition, partials, defaultSecond, discreteArguments } = entry;
  const names = entry.parameters ?? ['x', 'y'];
  const [first, second] = names;
  // f(x), f(x, y), f(x, a = 1) with a default, or f(x) and f(x, b) (log and its base).
  const args = arity[1] === 1 ? first : entry.associative ? `${first}, ${second}, …` : arity[0] >= 2 ? names.join(', ')
    : defaultSecond !== undefined ? `${first}, ${second} = ${unicode(defaultSecond)}` : `${first}), ${name}(${first}, ${second}`;
  const spellings = [...new Set([...aliases, ...(entry.unicode.kind === 'name' && entry.unicode.name !== name ? [entry.unicode.name] : [])])];
  // A whole-number argument (polygamma's n) has no partial derivative; one with none in closed form says so.
  const partialsCell = partials
    ? partials.flatMap((p, i) => (discreteArguments?.includes(i) ? [] : [`∂/∂${names[i]}: ${p === null ? 'none in closed form' : cell(unicode(p, names))}`])).join(', ')
    : '';
  // Of more arguments, by each as of f(it, f(the others)).
  const more = entry.associative ? `; by each of more, as in ${cell(`${name}(${first}, ${name}(the others))`)}` : '';
  const derivative = arity[1] === 1 ? cell(unicode(oneArgumentDerivative(entry)!))
    : arity[0] === 1 && defaultSecond === undefined ? `${cell(unicode(oneArgumentDerivative(entry)!))}; ${partialsCell}` : partialsCell + more;
  return `| ${cell(`${name}(${args})`)} | ${spellings.map(cell).join(' ')} | ${definition ? cell(unicode(definition, names)) : ''} | ${derivative} |`;
}

function table(): string {
  return [
    '| function | also written | definition | derivative |',
    '|---|---|---|---|',
    ...functionNames.map(row),
  ].join('\n');
}

describe('the README', () => {
  it('lists every function of the table with its definition and derivative', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    expect(from, `the README has no line ${start}`).toBeGreaterThanOrEqual(0);
    const made = `${start}\n${table()}\n${end}`;
    if (process.env.DYDX_UPDATE_README === '1') writeFileSync(readmePath, readme.slice(0, from) + made + readme.slice(to + end.length));
    else expect(readme.slice(from, to + end.length)).toBe(made);
  });
});
