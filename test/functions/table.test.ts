import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionNames, functionTable, oneArgumentDerivative, type FunctionName } from '../../src/functions/table.js';
import { operandCounts, templateOperators, type Template } from '../../src/functions/template.js';
import { inDomain, inInterval } from '../../src/functions/intervals.js';
import { fromTemplate } from '../../src/expr/template.js';
import { call, variable } from '../../src/expr/factory.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { richardson } from '../../src/check/richardson.js';
import { relativeError } from '../../src/check/check.js';
import { coefficientsOf } from '../helpers/polynomials.js';

/*
 * Every fact of every entry, checked against the entry's numeric value: the derivative and
 * partials against finite differences, the definition, domain and range against the values,
 * the names in other languages against those languages' own functions where they are here.
 */

const u = variable('u');
const v = variable('v');
const w = variable('w');
const t = variable('t');
/** Points spread over the line, irregular so that no special value is hit, and a few inside (−1, 1) and near 1. */
const points = [-7.3, -2.9, -1.7, -0.93, -0.41, -0.06, 0.03, 0.27, 0.44, 0.58, 0.71, 0.97, 1.08, 1.6, 2.4, 4.1, 9.6];
const bases = [0.4, 2, 3.7];

const value = (name: FunctionName, ...args: number[]): number => functionTable[name].evaluate(...args);
/** The functions that take one argument, and those that take two (the second fixed at 0.7 where a test varies the first). */
const ofOne = functionNames.filter((name) => functionTable[name].arity[0] === 1);
/** Those of one argument that have a derivative by it: not ζ(s), which has none in closed form. */
const differentiableOfOne = ofOne.filter((name) => oneArgumentDerivative(functionTable[name]) !== undefined);
const second = 0.7;

/** A template's value straight from the table's numbers: the definitions by cases (if, >) have no tree to evaluate. */
function templateValue(t: Template<FunctionName>, args: readonly number[]): number {
  if (typeof t === 'number') return t;
  switch (t) {
    case 'u': return args[0]!;
    case 'v': return args[1]!;
    case 'w': return args[2]!;
    case 't': return args[3]!;
    case 'e': return Math.E;
    case 'pi': return Math.PI;
  }
  const [head, ...rest] = t;
  const xs = rest.map((r) => templateValue(r, args));
  switch (head) {
    case 'add': return xs.reduce((a, b) => a + b);
    case 'mul': return xs.reduce((a, b) => a * b);
    case 'sub': return xs[0]! - xs[1]!;
    case 'div': return xs[0]! / xs[1]!;
    case 'neg': return -xs[0]!;
    case 'pow': return xs[0]! ** xs[1]!;
    case 'gt': return xs[0]! > xs[1]! ? 1 : 0;
    case 'lt': return xs[0]! < xs[1]! ? 1 : 0;
    case 'ge': return xs[0]! >= xs[1]! ? 1 : 0;
    case 'if': return xs[0] ? xs[1]! : xs[2]!;
    default: return value(head as FunctionName, ...xs);
  }
}
const at = (template: Template<FunctionName>, args: number[]): number =>
  evaluate(fromTemplate(template, [u, v, w, t].slice(0, Math.max(args.length, 1))), { u: args[0]!, v: args[1] ?? Number.NaN, w: args[2] ?? Number.NaN, t: args[3] ?? Number.NaN });
/** The arguments of a call at x: x alone, or x and a fixed second argument for a function that needs two. */
const argsAt = (name: FunctionName, x: number): number[] => (functionTable[name].arity[0] === 2 ? [x, second] : [x]);
/** Points where the function is defined and finite, away from its poles and the ends of its domain. */
const inside = (name: FunctionName): number[] => points.filter((x) =>
  [x - 0.01, x, x + 0.01].every((y) => Number.isFinite(value(name, ...argsAt(name, y))) && Math.abs(value(name, ...argsAt(name, y))) < 1e6));

describe('the function table', () => {
  it('names only operators and functions of the table in its templates, with their numbers of arguments', () => {
    const check = (t: Template<string>, where: string): void => {
      if (typeof t === 'number' || typeof t === 'string') return;
      const [head, ...args] = t;
      if (templateOperators.has(head)) {
        const [fewest, most] = operandCounts[head as keyof typeof operandCounts];
        expect(args.length, `${where}: ${head}`).toBeGreaterThanOrEqual(fewest);
        expect(args.length, `${where}: ${head}`).toBeLessThanOrEqual(most);
      } else {
        expect(functionNames, where).toContain(head);
        const [fewest, most] = functionTable[head as FunctionName].arity;
        expect(args.length, `${where}: ${head}`).toBeGreaterThanOrEqual(fewest);
        expect(args.length, `${where}: ${head}`).toBeLessThanOrEqual(most);
      }
      args.forEach((a) => check(a, where));
    };
    for (const name of functionNames) {
      const entry = functionTable[name];
      if (entry.derivative !== undefined) check(entry.derivative, `${name} derivative`);
      if (entry.defaultSecond !== undefined) check(entry.defaultSecond, `${name} default`);
      // A function of one argument has a derivative, or a default second argument at which its first partial is none in closed form (ζ(s)); one of two, partial derivatives.
      if (entry.arity[0] === 1) expect(oneArgumentDerivative(entry) !== undefined || (entry.defaultSecond !== undefined && entry.partials?.[0] === null), name).toBe(true);
      if (entry.arity[1] >= 2) expect(entry.partials, name).toBeDefined();
      // A partial derivative by each argument, or two where f(u₁, …, uₙ) = f(uᵢ, f(the others)) gives the others.
      if (entry.partials) expect(entry.partials.length, name).toBe(entry.associative ? 2 : entry.arity[1]);
      if (entry.definition) check(entry.definition, `${name} definition`);
      entry.partials?.forEach((p, i) => {
        if (p !== null) check(p, `${name} partial ${i + 1}`);
      });
      if (entry.partials) expect(entry.arity[1], name).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(functionNames.filter((name) => functionTable[name].notDifferentiable?.sides))('%s: is on each side of its kink what its sides say', (name) => {
    const { of, sides } = functionTable[name].notDifferentiable!;
    let compared = 0;
    for (const x of points) {
      for (const y of [-1.3, 0.2, second, 2.9]) {
        const args = functionTable[name].arity[1] >= 2 ? [x, y] : [x];
        const at = templateValue(of, args);
        if (at === 0) continue;
        compared++;
        expect(templateValue(sides![at > 0 ? 0 : 1], args), `${name}(${args.join(', ')})`).toBeCloseTo(value(name, ...args), 12);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it.each(differentiableOfOne)('%s: its derivative agrees with finite differences of its value', (name) => {
    const where = inside(name);
    expect(where.length).toBeGreaterThanOrEqual(3);
    let compared = 0;
    for (const x of where) {
      const estimate = richardson((t) => value(name, t), x);
      // Near a pole or a kink the finite differences do not settle: no judgement there.
      if (!(estimate.error < 1e-9 * Math.max(1, Math.abs(estimate.value)))) continue;
      compared++;
      expect(relativeError(at(oneArgumentDerivative(functionTable[name])!, [x]), estimate.value), `${name}′(${x})`).toBeLessThan(1e-7);
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it.each(functionNames.filter((name) => functionTable[name].partials?.length === 2 && name !== 'log'))('%s: its partial derivatives agree with finite differences', (name) => {
    const [byU, byV] = functionTable[name].partials!;
    // A whole-number argument (polygamma's order) has no partial derivative: it is held at whole numbers;
    // one without a partial in closed form (the incomplete Γ's order, the Jacobi functions' parameter) is only held.
    const discrete = [...(functionTable[name].discreteArguments ?? []), ...(byU === null ? [0] : [])];
    let compared = 0;
    for (const x of points) {
      for (const y of [-1.3, 0.2, second, 2.9]) {
        const [u, v] = discrete.includes(0) ? [byU === null ? Math.abs(x) : Math.round(Math.abs(x)), y] : [x, y];
        const alongU = discrete.includes(0) ? { value: 0, error: 0 } : richardson((t) => value(name, t, v), u);
        const alongV = byV === null || byV === undefined ? { value: 0, error: 0 } : richardson((t) => value(name, u, t), v);
        // Nor where the slope is tiny beside the value (Γ(7.3, t) at t = 0.2), so that the values' rounding swamps the differences.
        if (!(alongU.error < 1e-9 && alongV.error < 1e-9) || (alongV.value !== 0 && Math.abs(alongV.value) < 1e-6 * Math.abs(value(name, u, v)))) continue;
        compared++;
        if (!discrete.includes(0)) expect(relativeError(templateValue(byU!, [u, v]), alongU.value), `∂${name}/∂u at (${u}, ${v})`).toBeLessThan(1e-7);
        if (byV !== null && byV !== undefined) expect(relativeError(templateValue(byV, [u, v]), alongV.value), `∂${name}/∂v at (${u}, ${v})`).toBeLessThan(1e-7);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it.each(functionNames.filter((name) => (functionTable[name].partials?.length ?? 0) > 2))('%s: its partial derivatives by each argument agree with finite differences', (name) => {
    const { partials, discreteArguments = [] } = functionTable[name];
    // Every combination of a few values of each argument: whole numbers for a whole-number argument (a degree), spread reals
    // otherwise, shifted from one argument to the next so that no two are equal (Π's partials by n and m are 0/0 where n = m).
    const grid = partials!.reduce<number[][]>((combinations, _, i) => combinations.flatMap((args) =>
      (discreteArguments.includes(i) ? [0, 1, 2, 3, 5] : [-1.3, -0.41, 0.2, 0.58, 0.97, 2.9].map((x) => x + 0.013 * i)).map((x) => [...args, x])), [[]]);
    let compared = 0;
    for (const args of grid) {
      if (!Number.isFinite(value(name, ...args))) continue;
      const slopes = partials!.map((p, i) => (p === null || discreteArguments.includes(i) ? undefined
        : richardson((x) => value(name, ...args.map((a, k) => (k === i ? x : a))), args[i]!)));
      // Near a pole or the edge of the domain the finite differences do not settle, and where a slope is tiny beside the value
      // (Marcum's Q near 1 at small a and b) the values' rounding swamps the differences: no judgement there.
      const at = Math.abs(value(name, ...args));
      if (slopes.some((s) => s !== undefined && (!(s.error < 1e-9 * Math.max(1, Math.abs(s.value))) || (s.value !== 0 && Math.abs(s.value) < 1e-6 * at)))) continue;
      compared++;
      slopes.forEach((s, i) => {
        if (s !== undefined) expect(relativeError(templateValue(partials![i]!, args), s.value), `∂${name}/∂${'uvwt'[i]} at (${args.join(', ')})`).toBeLessThan(1e-7);
      });
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('log: the partial derivatives of log(u, v) agree with finite differences', () => {
    const [byU, byV] = functionTable.log.partials!;
    for (const x of [0.3, 1.7, 8.2]) {
      for (const b of bases) {
        expect(relativeError(at(byU!, [x, b]), richardson((t) => value('log', t, b), x).value)).toBeLessThan(1e-7);
        expect(relativeError(at(byV!, [x, b]), richardson((t) => value('log', x, t), b).value)).toBeLessThan(1e-7);
      }
    }
  });

  it.each(functionNames.filter((name) => functionTable[name].definition))('%s: its definition has its value', (name) => {
    const { definition, arity, defaultSecond } = functionTable[name];
    for (const x of [...points, 0, 1, -1]) {
      // The definition is of the longest form: with the default second argument where it may be left out.
      // Of three or four arguments, the others at 0.4 and 0.6.
      const others = Number.isFinite(arity[1]) ? [0.4, 0.6].slice(0, Math.max(arity[1] - 2, 0)) : [];
      const args = arity[1] >= 2 ? [[x, 2, ...others], [x, 0.3, ...others]] : [[x]];
      if (arity[0] === 1 && defaultSecond !== undefined) args.push([x, templateValue(defaultSecond, [])]);
      for (const a of args) {
        const expected = value(name, ...a);
        if (!Number.isFinite(expected) || Math.abs(expected) > 1e6) continue;
        // At whole numbers a quotient of Γs may meet poles where the function is their limit (binomial(0, 2) = 0 = Γ(1)/(Γ(3)·Γ(−1))).
        if (a.every(Number.isInteger) && Number.isNaN(templateValue(definition!, a))) continue;
        // A definition is exact mathematics, not always the best numerics: erfc = 1 − erf cancels where erf is near 1.
        expect(relativeError(templateValue(definition!, a), expected), `${name}(${a.join(', ')})`).toBeLessThan(1e-9);
      }
    }
  });

  it.each(ofOne.filter((name) => functionTable[name].derivativeInOutput))('%s: its derivative written with its value is its derivative', (name) => {
    const derivative = oneArgumentDerivative(functionTable[name])!;
    const many = Array.from({ length: 200 }, (_, i) => -20 + i * 0.2003);
    let compared = 0;
    for (const x of [...many, ...points]) {
      const expected = templateValue(derivative, [x]);
      if (!Number.isFinite(expected) || Math.abs(expected) > 1e6 || x === 0 || !Number.isFinite(value(name, x))) continue;
      compared++;
      expect(relativeError(templateValue(functionTable[name].derivativeInOutput!, [value(name, x)]), expected), `${name}′(${x})`).toBeLessThan(1e-6);
    }
    expect(compared).toBeGreaterThan(10);
  });

  it.each(functionNames.filter((name) => functionTable[name].stable))('%s: its stable form has its values, and stays finite where the definition overflows', (name) => {
    const { stable, arity } = functionTable[name];
    const far = [-1000, -745, -40, -1e-12, 0, 1e-12, 40, 710, 1000];
    for (const x of [...points, ...far]) {
      const args = arity[0] === 1 ? [x] : [x, 0.37];
      const expected = value(name, ...args);
      const got = templateValue(stable!.form, args);
      expect(Number.isFinite(got), `${name}(${args.join(', ')}) = ${got}`).toBe(Number.isFinite(expected));
      expect(relativeError(got, expected), `${name}(${args.join(', ')})`).toBeLessThan(1e-14);
    }
  });

  it.each(functionNames.filter((name) => functionTable[name].associative))('%s: of three arguments, is itself of one and the others', (name) => {
    const { extreme } = functionTable[name];
    for (const [a, b, c] of [[0.3, -1.7, 2.4], [-7.3, 9.6, 0.03], [1.08, 1.08, -0.41], [700, 710, -705]] as const) {
      const whole = value(name, a, b, c);
      // f(u₁, u₂, u₃) = f(uᵢ, f(the others)) for each i, in either order.
      for (const [u, rest] of [[a, value(name, b, c)], [b, value(name, a, c)], [c, value(name, a, b)]] as const) {
        expect(relativeError(value(name, u, rest), whole), `${name}(${a}, ${b}, ${c})`).toBeLessThan(1e-14);
        expect(relativeError(value(name, rest, u), whole), `${name}(${a}, ${b}, ${c})`).toBeLessThan(1e-14);
      }
      if (extreme) expect(whole).toBe(extreme === 'least' ? Math.min(a, b, c) : Math.max(a, b, c));
    }
  });

  it('says which derivatives are polynomials in the function itself, and no others', () => {
    for (const name of differentiableOfOne) {
      const f = call(name, [u]);
      const p = coefficientsOf(fromTemplate(oneArgumentDerivative(functionTable[name])!, [u]));
      // A constant derivative (sign′ = 0) is not one: the function does not appear in it.
      const inItself = p?.atom !== undefined && p.atom.hash === f.hash;
      expect(inItself, name).toBe(functionTable[name].derivativeIsPolynomialInItself === true);
    }
  });

  it.each(ofOne)('%s: is defined (finite) exactly on its domain', (name) => {
    const { domain } = functionTable[name];
    const many = Array.from({ length: 400 }, (_, i) => -20 + i * 0.1003);
    for (const x of [...many, ...points, 0, 1, -1]) {
      const defined = domain ? inDomain(domain, x) : true;
      const finite = Number.isFinite(value(name, x));
      // At a pole floating point gives a huge finite value: only the other way round is asserted there.
      if (defined) expect(finite, `${name}(${x})`).toBe(true);
      else if (!domain?.excluding) expect(finite, `${name}(${x})`).toBe(false);
    }
  });

  it.each(ofOne.filter((name) => functionTable[name].range))('%s: takes its values in its range', (name) => {
    // Rounding may reach an open end (tanh(−20) is −1 in floating point): the values are checked against the closed interval.
    const range = { ...functionTable[name].range!, lowIncluded: true, highIncluded: true };
    const many = Array.from({ length: 400 }, (_, i) => -20 + i * 0.1003).filter((x) => Number.isFinite(value(name, x)));
    for (const x of many) expect(inInterval(range, value(name, x)), `${name}(${x}) = ${value(name, x)}`).toBe(true);
  });

  it('spells every function differently, and every spelling of a function reads as that function', () => {
    const spellings = functionNames.flatMap((name) => [name, ...functionTable[name].aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
  });
});

/** The functions a template applies. */
function functionsIn(t: Template<FunctionName>): FunctionName[] {
  if (typeof t === 'number' || typeof t === 'string') return [];
  const [head, ...rest] = t;
  return [...(templateOperators.has(head) ? [] : [head as FunctionName]), ...rest.flatMap(functionsIn)];
}

/** Whether a target has the function, or its definition in functions it can write. */
function writable(name: FunctionName, target: 'mathjs' | 'python' | 'numpy' | 'javascript' | 'c'): boolean {
  const { code, definition } = functionTable[name];
  return code[target] !== undefined || (definition !== undefined && functionsIn(definition).every((f) => writable(f, target)));
}

describe('names in other languages', () => {
  const missing = (name: FunctionName, target: 'python' | 'numpy' | 'javascript' | 'c'): boolean => functionTable[name].code[target] === undefined;

  it('a function a language lacks is written by its definition, which never comes back to it', () => {
    for (const target of ['mathjs', 'python', 'numpy', 'javascript', 'c'] as const) {
      // Following definitions through the functions the language lacks must end: erfc = 1 − erf, and erf has none.
      const writes = (name: FunctionName, through: readonly FunctionName[]): void => {
        expect(through, `${target}: ${[...through, name].join(' → ')}`).not.toContain(name);
        const { code, definition } = functionTable[name];
        if (code[target] !== undefined || definition === undefined) return;
        for (const used of functionsIn(definition)) writes(used, [...through, name]);
      };
      functionNames.forEach((name) => writes(name, []));
    }
    // What mathjs lacks, dydx writes out for it (σ as 1/(1 + e^(−u))), but for ψ and its derivatives and the
    // special functions that have no closed form in elementary ones (erfcinv is erfinv's, which mathjs lacks).
    const unwritable = functionNames.filter((name) => !writable(name, 'mathjs'));
    expect(unwritable).toEqual([
      'digamma', 'polygamma', 'erfinv', 'erfcinv', 'erf2inv', 'fresnels', 'fresnelc', 'Si', 'Ci',
      'besselj0', 'besselj1', 'bessely0', 'bessely1', 'besselj', 'bessely', 'besseli', 'besselk', 'spherical_jn', 'spherical_yn', 'marcumq', 'airyai', 'airybi', 'airyaiprime', 'airybiprime',
      'ellipk', 'ellipe', 'lambertw', 'generalized_lambert_w', 'lowergamma', 'uppergamma', 'gammainc', 'gammaincc', 'beta_incomplete_regularized', 'zeta', 'polylog', 'Ei', 'E1', 'li', 'Li',
      'ellipkinc', 'ellipeinc', 'ellippi', 'ellippiinc', 'jacobi_am', 'jacobi_sn', 'jacobi_cn', 'jacobi_dn', 'inverse_jacobi_sn', 'inverse_jacobi_cn', 'hermite', 'laguerre', 'legendre', 'chebyshevt', 'chebyshevu',
      'assoc_laguerre', 'gegenbauer', 'assoc_legendre', 'jacobi',
    ]);
  });

  it('JavaScript: each name is a function of Math with the same values', () => {
    for (const name of functionNames) {
      const spelling = functionTable[name].code.javascript;
      if (spelling === undefined) continue;
      const f = (Math as unknown as Record<string, (...x: number[]) => number>)[spelling.replace(/^Math\./, '')];
      expect(f, spelling).toBeTypeOf('function');
      for (const x of inside(name)) expect(relativeError(f!(...argsAt(name, x)), value(name, ...argsAt(name, x))), `${spelling}(${x})`).toBeLessThan(1e-14);
    }
  });

  const python = spawnSync('python3', ['-c', 'import math, numpy, scipy.special'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('Python and NumPy: each name is a function of math, numpy or scipy.special with the same values (skipped where python3 with numpy and scipy is missing)', () => {
    const cases = functionNames.flatMap((name) => (['python', 'numpy'] as const).flatMap((target) => {
      const spelling = functionTable[name].code[target];
      return spelling === undefined ? [] : [{ name, spelling, xs: inside(name).map((x) => argsAt(name, x)) }];
    }));
    const script = [
      'import json, math, sys',
      'import numpy as np',
      'import scipy.special',
      'out = []',
      'for c in json.load(sys.stdin):',
      '    f = eval(c["spelling"])',
      '    out.append([float(f(*x)) for x in c["xs"]])',
      'print(json.dumps(out))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const values = JSON.parse(run.stdout) as number[][];
    cases.forEach((c, i) => c.xs.forEach((x, j) => expect(relativeError(values[i]![j]!, value(c.name, ...x)), `${c.spelling}(${x.join(', ')})`).toBeLessThan(1e-13)));
  });

  const cc = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  it.skipIf(cc.status !== 0)('C: each name is a function of math.h with the same values (skipped where there is no C compiler)', () => {
    const cases = functionNames.flatMap((name) => (missing(name, 'c') ? [] : [{ name, spelling: functionTable[name].code.c!, xs: inside(name) }]));
    const lines = cases.flatMap((c) => c.xs.map((x) => `  printf("%.17g\\n", ${c.spelling}(${argsAt(c.name, x).join(', ')}));`));
    const dir = mkdtempSync(join(tmpdir(), 'dydx-c-'));
    writeFileSync(join(dir, 'names.c'), `#include <math.h>\n#include <stdio.h>\nint main(void) {\n${lines.join('\n')}\n  return 0;\n}\n`);
    const build = spawnSync('cc', ['-o', join(dir, 'names'), join(dir, 'names.c'), '-lm'], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    const values = spawnSync(join(dir, 'names'), { encoding: 'utf8' }).stdout.trim().split('\n').map(Number);
    let k = 0;
    for (const c of cases) for (const x of c.xs) expect(relativeError(values[k++]!, value(c.name, ...argsAt(c.name, x))), `${c.spelling}(${x})`).toBeLessThan(1e-13);
  });
});
