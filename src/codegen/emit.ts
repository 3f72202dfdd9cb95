import { expressionCode } from './expression.js';
import { constantValue, type Program } from './program.js';
import type { Schedule } from './schedule.js';
import { pythonImports, type Target, type TargetSyntax } from './targets.js';

/** One generated function: what it is called, what it takes, what it returns, and the comment above it. */
export interface CodeFunction {
  readonly name: string;
  readonly target: Target;
  readonly syntax: TargetSyntax;
  readonly program: Program;
  readonly schedule: Schedule;
  /** Each variable's name in the code (lambda is lambda_ in Python), in the order the function takes them. */
  readonly parameters: ReadonlyMap<string, string>;
  readonly value: number;
  /** The derivative by each variable differentiated by, in the order asked for; or by one variable, each order up to the one asked for. */
  readonly derivatives: readonly { readonly variable: string; readonly order: number; readonly id: number }[];
  /** Lines said before the function: the formulas and the stable forms used. */
  readonly comment: readonly string[];
  /** Points at which the check snippet compares the derivatives with central differences, when one is asked for. */
  readonly checkPoints?: readonly (readonly number[])[];
}

/** The whole source: imports, constants, the function and, when asked for, its check. */
export function emit(fn: CodeFunction): string {
  const body = fn.syntax.family === 'python' ? python(fn) : fn.syntax.family === 'js' ? javascript(fn) : c(fn);
  return `${body.trimEnd()}\n`;
}

/** Whether the function returns the derivatives of one variable at several orders, not a gradient. */
const byOrder = (fn: CodeFunction): boolean => fn.derivatives.some((d) => d.order > 1);

const code = (fn: CodeFunction, id: number): string => expressionCode(fn.program, id, fn.schedule.names, fn.parameters, fn.syntax);
/**
 * A constant's statement: its code, or, where computing it passes through a value that is not
 * finite (arccot 0 as arctan(1/0), where Python raises and C warns), the number itself with the
 * code beside it as a comment.
 */
function constantLine(fn: CodeFunction, id: number, statement: (name: string, value: string) => string, comment: (code: string) => string): string {
  const name = fn.schedule.names.get(id)!;
  const { value, throughInfinity } = constantValue(fn.program, id);
  if (!throughInfinity || !Number.isFinite(value)) return statement(name, code(fn, id));
  return statement(name, fn.syntax.family === 'c' ? numberLiteral(value) : String(value)) + comment(code(fn, id));
}

/** An output as returned: its name, or the number or parameter it is; on arrays, a constant spread to the arguments' shape. */
function outputCode(fn: CodeFunction, id: number): string {
  const name = fn.schedule.names.get(id);
  if (name !== undefined && !fn.schedule.constants.includes(id)) return name;
  const text = name ?? code(fn, id);
  if (!fn.syntax.elementwise) return text;
  const first = [...fn.parameters.values()][0]!;
  const module = fn.target === 'numpy' ? 'np' : fn.target === 'torch' ? 'torch' : 'jnp';
  return fn.target === 'torch' ? `torch.full_like(${first}, ${text})` : `${module}.full(${module}.shape(${first}), ${text})`;
}

/**
 * Comment lines folded to `width` characters: at the last space that fits, or, in a word longer
 * than a line (σ(σ(σ(x)))·σ(σ(x))·…), where the line ends.
 */
export function wrap(lines: readonly string[], width: number): string[] {
  const indent = '    ';
  return lines.flatMap((line) => {
    const chars = [...line];
    const out: string[] = [];
    // Each line after the first is the indentation and what follows `at`.
    let at = 0;
    let room = width;
    while (chars.length - at > room) {
      const space = chars.lastIndexOf(' ', at + room);
      const breaks = space > at;
      const end = breaks ? space : at + room;
      out.push((at === 0 ? '' : indent) + chars.slice(at, end).join(''));
      at = breaks ? end + 1 : end;
      room = width - indent.length;
    }
    return [...out, (at === 0 ? '' : indent) + chars.slice(at).join('')];
  });
}

function python(fn: CodeFunction): string {
  const { schedule, parameters } = fn;
  const params = [...parameters.values()];
  const statements = schedule.statements.map((id) => `    ${schedule.names.get(id)} = ${code(fn, id)}`);
  const constants = schedule.constants.map((id) => constantLine(fn, id, (name, value) => `${name} = ${value}`, (c) => `  # ${c}`));
  const gradient = fn.derivatives.map((d) => outputCode(fn, d.id));
  const returned = gradient.length === 1 || byOrder(fn) ? [outputCode(fn, fn.value), ...gradient].join(', ') : `${outputCode(fn, fn.value)}, (${gradient.join(', ')})`;
  const check = fn.checkPoints ? (byOrder(fn) ? pythonOrdersCheck(fn) : pythonCheck(fn)) : [];
  const text = [
    ...constants, ...statements, `return ${returned}`, ...check,
  ].join('\n');
  // np. within jnp. is no use of NumPy: a prefix counts where it starts a name.
  const uses = (prefix: string): boolean => new RegExp(`(^|[^\\w.])${prefix.replace(/\./g, '\\.')}`, 'm').test(text);
  const imports = pythonImports.filter(([prefix]) => uses(prefix)).map(([, statement]) => statement);
  const lines = [
    ...[...new Set(imports)].sort(),
    ...(imports.length > 0 ? ['', ''] : []),
    ...(constants.length > 0 ? [...constants, '', ''] : []),
    `def ${fn.name}(${params.join(', ')}):`,
    ...wrap(fn.comment, 73).map((l) => `    # ${l}`),
    ...statements,
    `    return ${returned}`,
    ...(check.length > 0 ? ['', '', ...check] : []),
  ];
  return lines.join('\n');
}

function pythonCheck(fn: CodeFunction): string[] {
  const params = [...fn.parameters.values()];
  const { arrays, step, tolerance } = pythonCheckSetting(fn);
  const single = fn.derivatives.length === 1;
  const lines = [`def check_${fn.name}():`, `    # Compares the derivatives of ${fn.name} with central differences.`];
  if (arrays === undefined) {
    // The variables differentiated by are the first parameters, in their order.
    lines.push(
      ...pointsList(fn),
      '    for point in points:',
      `        value, ${single ? 'd' : 'gradient'} = ${fn.name}(*point)`,
      `        for i in range(${fn.derivatives.length}):`,
      `            h = ${step} * max(1.0, abs(point[i]))`,
      '            up = [p + h if j == i else p for j, p in enumerate(point)]',
      '            down = [p - h if j == i else p for j, p in enumerate(point)]',
      `            slope = (${fn.name}(*up)[0] - ${fn.name}(*down)[0]) / (2 * h)`,
      ...(single ? [] : ['            d = gradient[i]']),
      `            assert abs(d - slope) <= ${tolerance} * (1 + abs(d)), (point, i, d, slope)`,
    );
    return lines;
  }
  for (const line of pointArrays(fn, params, arrays)) lines.push(line);
  lines.push(`    value, ${single ? 'd' : 'gradient'} = ${fn.name}(${params.join(', ')})`);
  const close = fn.target === 'torch' ? 'torch.allclose' : `${arrays}.allclose`;
  fn.derivatives.forEach((d, k) => {
    const p = fn.parameters.get(d.variable)!;
    const at = (sign: string): string => `${fn.name}(${params.map((q) => (q === p ? `${q} ${sign} h` : q)).join(', ')})[0]`;
    const scale = fn.target === 'torch' ? `torch.clamp(torch.abs(${p}), min=1.0)` : `${arrays}.maximum(1.0, ${arrays}.abs(${p}))`;
    lines.push(
      `    h = ${step} * ${scale}`,
      `    slope = (${at('+')} - ${at('-')}) / (2 * h)`,
      `    assert ${close}(${single ? 'd' : `gradient[${k}]`}, slope, rtol=${tolerance}, atol=${tolerance}), (`,
      `        "${fn.name}: the derivative by ${d.variable} is not the slope")`,
    );
  });
  return lines;
}

/** A Python check's array module (none for plain Python), and its step and tolerance: JAX computes in 32 bits unless told otherwise, so a wider step and a looser tolerance. */
function pythonCheckSetting(fn: CodeFunction): { arrays: string | undefined; step: string; tolerance: string } {
  const arrays = fn.target === 'python' ? undefined : fn.target === 'numpy' ? 'np' : fn.target === 'torch' ? 'torch' : 'jnp';
  const [step, tolerance] = fn.target === 'jax' ? ['1e-3', '1e-2'] : ['1e-6', '1e-4'];
  return { arrays, step: step!, tolerance: tolerance! };
}

/** The check's points as a list of tuples, for plain Python. */
const pointsList = (fn: CodeFunction): string[] =>
  ['    points = [', ...fn.checkPoints!.map((p) => `        (${p.join(', ')}${p.length === 1 ? ',' : ''}),`), '    ]'];

/** The check's points as one array a parameter, for the targets that work on arrays. */
function pointArrays(fn: CodeFunction, params: readonly string[], arrays: string): string[] {
  return params.flatMap((p, i) => {
    const column = fn.checkPoints!.map((point) => String(point[i])).join(', ');
    return fn.target === 'torch' ? [`    ${p} = torch.tensor(`, `        [${column}], dtype=torch.float64)`] : [`    ${p} = ${arrays}.array([${column}])`];
  });
}

/** The check of the derivatives at each order: each against the central difference of the one before (the value, for the first). */
function pythonOrdersCheck(fn: CodeFunction): string[] {
  const params = [...fn.parameters.values()];
  const { arrays, step, tolerance } = pythonCheckSetting(fn);
  const p = fn.parameters.get(fn.derivatives[0]!.variable)!;
  const i = params.indexOf(p);
  const n = fn.derivatives.length;
  const lines = [`def check_${fn.name}():`, `    # Compares each derivative of ${fn.name} with central differences of the one before.`];
  if (arrays === undefined) {
    lines.push(
      ...pointsList(fn),
      '    for point in points:',
      `        outputs = ${fn.name}(*point)`,
      `        h = ${step} * max(1.0, abs(point[${i}]))`,
      `        up = [p + h if j == ${i} else p for j, p in enumerate(point)]`,
      `        down = [p - h if j == ${i} else p for j, p in enumerate(point)]`,
      `        for k in range(1, ${n + 1}):`,
      `            slope = (${fn.name}(*up)[k - 1] - ${fn.name}(*down)[k - 1]) / (2 * h)`,
      '            d = outputs[k]',
      `            assert abs(d - slope) <= ${tolerance} * (1 + abs(d)), (point, k, d, slope)`,
    );
    return lines;
  }
  for (const line of pointArrays(fn, params, arrays)) lines.push(line);
  const at = (sign: string): string => `${fn.name}(${params.map((q) => (q === p ? `${q} ${sign} h` : q)).join(', ')})`;
  const scale = fn.target === 'torch' ? `torch.clamp(torch.abs(${p}), min=1.0)` : `${arrays}.maximum(1.0, ${arrays}.abs(${p}))`;
  const close = fn.target === 'torch' ? 'torch.allclose' : `${arrays}.allclose`;
  lines.push(
    `    outputs = ${fn.name}(${params.join(', ')})`,
    `    h = ${step} * ${scale}`,
    `    up, down = ${at('+')}, ${at('-')}`,
    `    for k in range(1, ${n + 1}):`,
    '        slope = (up[k - 1] - down[k - 1]) / (2 * h)',
    `        assert ${close}(outputs[k], slope, rtol=${tolerance}, atol=${tolerance}), (`,
    `            "${fn.name}: derivative %d is not the slope of the one before" % k)`,
  );
  return lines;
}

function javascript(fn: CodeFunction): string {
  const { schedule, parameters } = fn;
  const params = [...parameters.values()];
  const gradient = fn.derivatives.map((d) => `${d.variable === parameters.get(d.variable) ? d.variable : JSON.stringify(d.variable)}: ${outputCode(fn, d.id)}`);
  const returned = byOrder(fn)
    ? `{ value: ${outputCode(fn, fn.value)}, derivatives: [${fn.derivatives.map((d) => outputCode(fn, d.id)).join(', ')}] }`
    : fn.derivatives.length === 1
      ? `{ value: ${outputCode(fn, fn.value)}, derivative: ${outputCode(fn, fn.derivatives[0]!.id)} }`
      : `{ value: ${outputCode(fn, fn.value)}, gradient: { ${gradient.join(', ')} } }`;
  const lines = [
    ...schedule.constants.map((id) => constantLine(fn, id, (name, value) => `const ${name} = ${value};`, (c) => ` // ${c}`)),
    ...(schedule.constants.length > 0 ? [''] : []),
    ...wrap(fn.comment, 76).map((l) => `// ${l}`),
    `export function ${fn.name}(${params.join(', ')}) {`,
    ...schedule.statements.map((id) => `  const ${schedule.names.get(id)} = ${code(fn, id)};`),
    `  return ${returned};`,
    '}',
  ];
  if (fn.checkPoints && byOrder(fn)) {
    const checkName = `check${fn.name[0]!.toUpperCase()}${fn.name.slice(1)}`;
    const i = params.indexOf(parameters.get(fn.derivatives[0]!.variable)!);
    const call = (shift: string): string => `${fn.name}(${params.map((_, j) => `point[${j}]${j === i ? shift : ''}`).join(', ')})`;
    const outputs = (r: string): string => `[${r}.value, ...${r}.derivatives]`;
    lines.push(
      '',
      `// Compares each derivative of ${fn.name} with central differences of the one before; throws where one is not the slope.`,
      `export function ${checkName}() {`,
      `  const points = [${fn.checkPoints.map((p) => `[${p.join(', ')}]`).join(', ')}];`,
      '  for (const point of points) {',
      `    const h = 1e-6 * Math.max(1, Math.abs(point[${i}]));`,
      `    const [here, up, down] = [${outputs(call(''))}, ${outputs(call(' + h'))}, ${outputs(call(' - h'))}];`,
      `    for (let k = 1; k <= ${fn.derivatives.length}; k++) {`,
      '      const slope = (up[k - 1] - down[k - 1]) / (2 * h);',
      `      if (!(Math.abs(here[k] - slope) <= 1e-4 * (1 + Math.abs(here[k])))) throw new Error(\`${fn.name}: derivative \${k} at \${point} is \${here[k]}, the slope of the one before \${slope}\`);`,
      '    }',
      '  }',
      '}',
    );
  } else if (fn.checkPoints) {
    const checkName = `check${fn.name[0]!.toUpperCase()}${fn.name.slice(1)}`;
    lines.push(
      '',
      `// Compares the derivatives of ${fn.name} with central differences; throws where one is not the slope.`,
      `export function ${checkName}() {`,
      `  const points = [${fn.checkPoints.map((p) => `[${p.join(', ')}]`).join(', ')}];`,
      '  for (const point of points) {',
    );
    fn.derivatives.forEach((d, k) => {
      const i = params.indexOf(parameters.get(d.variable)!);
      const at = (shift: string, j: number): string => `point[${j}]${j === i ? shift : ''}`;
      const call = (shift: string): string => `${fn.name}(${params.map((_, j) => at(shift, j)).join(', ')})`;
      const key = /^[A-Za-z_$][\w$]*$/.test(d.variable) ? `.${d.variable}` : `[${JSON.stringify(d.variable)}]`;
      const got = fn.derivatives.length === 1 ? `${call('')}.derivative` : `${call('')}.gradient${key}`;
      // Declared once, reassigned for each further variable.
      const declare = k > 0 ? '' : fn.derivatives.length === 1 ? 'const ' : 'let ';
      const shifted = (sign: string): string => `${call(` ${sign} h`)}.value`;
      lines.push(
        `    ${declare}h = 1e-6 * Math.max(1, Math.abs(point[${i}]));`,
        `    ${declare}slope = (${shifted('+')} - ${shifted('-')}) / (2 * h);`,
        `    ${declare}d = ${got};`,
        `    if (!(Math.abs(d - slope) <= 1e-4 * (1 + Math.abs(d)))) throw new Error(\`${fn.name}: the derivative by ${d.variable} at \${point} is \${d}, the slope \${slope}\`);`,
      );
    });
    lines.push('  }', '}');
  }
  return lines.join('\n');
}

function c(fn: CodeFunction): string {
  const { schedule, parameters } = fn;
  const params = [...parameters.values()];
  const outputs = fn.derivatives.map((d) => `d${d.order > 1 ? d.order : ''}_${parameters.get(d.variable)}`);
  const lines = [
    '#include <math.h>',
    ...(fn.checkPoints ? ['#include <stdio.h>'] : []),
    '',
    '/*',
    ...wrap(fn.comment, 76).map((l) => ` * ${l}`),
    byOrder(fn)
      ? ` * Returns the value; writes the derivatives of order 1 to ${fn.derivatives.length} by ${fn.derivatives[0]!.variable} to ${outputs.map((o) => `*${o}`).join(', ')}.`
      : ` * Returns the value; writes the derivative by ${fn.derivatives.map((d) => d.variable).join(', by ')} to ${outputs.map((o) => `*${o}`).join(', ')}.`,
    ' */',
    `double ${fn.name}(${[...params.map((p) => `double ${p}`), ...outputs.map((o) => `double *${o}`)].join(', ')}) {`,
    ...schedule.constants.map((id) => constantLine(fn, id, (name, value) => `  const double ${name} = ${value};`, (c) => ` /* ${c} */`)),
    ...schedule.statements.map((id) => `  const double ${schedule.names.get(id)} = ${code(fn, id)};`),
    ...fn.derivatives.map((d, k) => `  *${outputs[k]} = ${outputCode(fn, d.id)};`),
    `  return ${outputCode(fn, fn.value)};`,
    '}',
  ];
  if (fn.checkPoints && byOrder(fn)) {
    const n = outputs.length;
    const i = params.indexOf(parameters.get(fn.derivatives[0]!.variable)!);
    const args = (sign: string): string => params.map((_, j) => (j === i && sign !== '' ? `points[k][${j}] ${sign} h` : `points[k][${j}]`)).join(', ');
    const into = (array: string): string => outputs.map((_, j) => `&${array}[${j}]`).join(', ');
    lines.push(
      '',
      `/* Compares each derivative of ${fn.name} with central differences of the one before; returns how many are not the slope. */`,
      `int check_${fn.name}(void) {`,
      `  static const double points[][${params.length}] = {${fn.checkPoints.map((p) => `{${p.map(numberLiteral).join(', ')}}`).join(', ')}};`,
      '  int failures = 0;',
      `  for (unsigned k = 0; k < sizeof points / sizeof points[0]; k++) {`,
      `    double here[${n}], up[${n}], down[${n}];`,
      `    const double h = 1e-6 * fmax(1.0, fabs(points[k][${i}]));`,
      `    ${fn.name}(${args('')}, ${into('here')});`,
      `    const double value_up = ${fn.name}(${args('+')}, ${into('up')});`,
      `    const double value_down = ${fn.name}(${args('-')}, ${into('down')});`,
      `    for (int m = 0; m < ${n}; m++) {`,
      '      const double slope = ((m == 0 ? value_up : up[m - 1]) - (m == 0 ? value_down : down[m - 1])) / (2.0 * h);',
      '      if (!(fabs(here[m] - slope) <= 1e-4 * (1.0 + fabs(here[m])))) {',
      `        printf("${fn.name}: derivative %d at point %u is %.17g, the slope of the one before %.17g\\n", m + 1, k, here[m], slope);`,
      '        failures++;',
      '      }',
      '    }',
      '  }',
      '  return failures;',
      '}',
    );
  } else if (fn.checkPoints) {
    const scratch = outputs.map((o) => `${o}_`);
    lines.push(
      '',
      `/* Compares the derivatives of ${fn.name} with central differences; returns how many are not the slope. */`,
      `int check_${fn.name}(void) {`,
      `  static const double points[][${params.length}] = {${fn.checkPoints.map((p) => `{${p.map(numberLiteral).join(', ')}}`).join(', ')}};`,
      '  int failures = 0;',
      `  for (unsigned k = 0; k < sizeof points / sizeof points[0]; k++) {`,
      `    double ${scratch.join(', ')}, ignored[${Math.max(1, outputs.length)}];`,
    );
    const args = (i: number, sign: string): string => params.map((_, j) => (j === i ? `points[k][${j}] ${sign} h` : `points[k][${j}]`)).join(', ');
    const ignored = outputs.map((_, j) => `&ignored[${j}]`).join(', ');
    lines.push(`    ${fn.name}(${[...params.map((_, j) => `points[k][${j}]`), ...scratch.map((s) => `&${s}`)].join(', ')});`);
    fn.derivatives.forEach((d, k) => {
      const i = params.indexOf(parameters.get(d.variable)!);
      lines.push(
        `    ${k === 0 ? 'double ' : ''}h = 1e-6 * fmax(1.0, fabs(points[k][${i}]));`,
        `    ${k === 0 ? 'double ' : ''}slope = (${fn.name}(${args(i, '+')}, ${ignored}) - ${fn.name}(${args(i, '-')}, ${ignored})) / (2.0 * h);`,
        `    if (!(fabs(${scratch[k]} - slope) <= 1e-4 * (1.0 + fabs(${scratch[k]})))) {`,
        `      printf("${fn.name}: the derivative by ${d.variable} at point %u is %.17g, the slope %.17g\\n", k, ${scratch[k]}, slope);`,
        '      failures++;',
        '    }',
      );
    });
    lines.push('  }', '  return failures;', '}');
  }
  return lines.join('\n');
}

/** A float written so that C reads it as a double. */
const numberLiteral = (x: number): string => (/^-?\d+$/.test(String(x)) ? `${x}.0` : String(x));
