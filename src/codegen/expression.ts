import { toNumber } from '../expr/rational.js';
import type { Rational } from '../expr/types.js';
import { precedence, required } from '../print/precedence.js';
import type { Program } from './program.js';
import type { TargetSyntax } from './targets.js';

/** A condition binds more loosely than a sum: it stands only where a condition goes. */
const conditionLevel = 0;

/** A number as a literal of the language: 2 (2.0 in C, where 1/2 would be whole-number division), 0.5, 1e-12. */
function literal(q: Rational, syntax: TargetSyntax): string {
  const text = String(toNumber(q));
  return syntax.family === 'c' && /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/**
 * The code of one node, its parts written out unless they have names of their own, with
 * parentheses where the one precedence table says a part needs them.
 */
export function expressionCode(
  program: Program, root: number, names: ReadonlyMap<number, string>, parameters: ReadonlyMap<string, string>, syntax: TargetSyntax,
): string {
  /** Whether a node's code starts with a power written with ** (x ** 2 / 2). */
  const startsWithPower = (id: number): boolean => {
    if (names.has(id)) return false;
    const n = program.nodes[id]!;
    if (n.op === 'pow') return syntax.family !== 'c';
    return (n.op === 'add' || n.op === 'mul' || n.op === 'div') && startsWithPower(n.args[0]!);
  };
  const print = (id: number, isRoot: boolean): { text: string; level: number } => {
    const name = names.get(id);
    if (name !== undefined && !isRoot) return { text: name, level: precedence.atom };
    const n = program.nodes[id]!;
    const atLeast = (child: number, minimum: number): string => {
      const c = print(child, false);
      return c.level < minimum ? `(${c.text})` : c.text;
    };
    // A product or quotient may start with a negative number: -2 * x.
    const leading = (child: number): string => {
      const c = program.nodes[child]!;
      return c.op === 'num' && !names.has(child) ? literal(c.value, syntax) : atLeast(child, required.firstFactor);
    };
    switch (n.op) {
      case 'num': return { text: literal(n.value, syntax), level: n.value.s < 0n && n.value.n !== 0n ? precedence.sign : precedence.atom };
      case 'constant': return { text: syntax.constants[n.name], level: precedence.atom };
      case 'variable': return { text: parameters.get(n.name) ?? n.name, level: precedence.atom };
      case 'add': {
        const text = n.args.map((term, i) => {
          const t = program.nodes[term]!;
          if (i > 0 && t.op === 'neg' && !names.has(term)) return ` - ${atLeast(t.args[0], required.laterTerm)}`;
          if (i > 0 && t.op === 'num' && t.value.s < 0n && t.value.n !== 0n) return ` - ${literal(t.value.neg(), syntax)}`;
          if (i === 0) return atLeast(term, required.firstTerm);
          // a + (−2)·x is a − 2·x: a product or quotient that starts with a negative number.
          const text = atLeast(term, required.laterTerm);
          return text.startsWith('-') ? ` - ${text.slice(1)}` : ` + ${text}`;
        }).join('');
        return { text, level: precedence.sum };
      }
      case 'mul':
        return { text: n.args.map((f, i) => (i === 0 ? leading(f) : atLeast(f, required.laterFactor))).join(' * '), level: precedence.product };
      case 'div':
        return { text: `${leading(n.args[0])} / ${atLeast(n.args[1], required.denominator)}`, level: precedence.product };
      case 'neg': {
        // -x ** 2 is a syntax error in JavaScript (and reads ambiguously elsewhere): what starts with a power goes in parentheses after a sign.
        const minimum = startsWithPower(n.args[0]) ? precedence.atom : required.signOperand;
        return { text: `-${atLeast(n.args[0], minimum)}`, level: precedence.sign };
      }
      case 'pow': {
        const [base, exponent] = n.args;
        if (syntax.family === 'c') return { text: `pow(${print(base, false).text}, ${print(exponent, false).text})`, level: precedence.atom };
        // Python's float ** float is complex for a negative base: math.pow raises instead.
        if (syntax.spellings === 'python' && program.nodes[exponent]!.op !== 'num') {
          return { text: `math.pow(${print(base, false).text}, ${print(exponent, false).text})`, level: precedence.atom };
        }
        return { text: `${atLeast(base, precedence.atom)} ** ${atLeast(exponent, precedence.atom)}`, level: precedence.power };
      }
      case 'signed-power': {
        const text = syntax.signedPower(atLeast(n.args[0], precedence.atom), atLeast(n.args[1], precedence.atom));
        return { text, level: syntax.family === 'c' || syntax.spellings === 'python' ? precedence.atom : precedence.product };
      }
      case 'call': return { text: `${n.name}(${n.args.map((a) => print(a, false).text).join(', ')})`, level: precedence.atom };
      case 'compare':
        return { text: `${atLeast(n.args[0], precedence.sum)} ${n.relation} ${atLeast(n.args[1], precedence.sum)}`, level: conditionLevel };
      case 'select': {
        const [c, a, b] = n.args.map((x) => print(x, false).text) as [string, string, string];
        return { text: syntax.select(c, a, b), level: precedence.atom };
      }
      // Python's @ binds as * does, from the left.
      case 'matmul': return { text: `${atLeast(n.args[0], required.firstFactor)} @ ${atLeast(n.args[1], required.laterFactor)}`, level: precedence.product };
      case 'transpose': return { text: `${atLeast(n.args[0], precedence.atom)}.T`, level: precedence.atom };
      case 'item': return { text: `${atLeast(n.args[0], precedence.atom)}[${n.index}]`, level: precedence.atom };
      case 'code': return { text: n.text, level: precedence.atom };
    }
  };
  return print(root, true).text;
}
