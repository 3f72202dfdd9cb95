// The systems outside npm, run on the same cases: SymEngine (a timing program linked with it, see
// ../shared/anchors/README.md), Maxima and SymPy. Each takes the expression as dydx writes it for
// mathjs (σ and softplus written out), in its own syntax, and times parse → differentiate → print.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const symengineBench = fileURLToPath(new URL('../../shared/anchors/symengine/symengine-bench', import.meta.url));
const sympyBench = fileURLToPath(new URL('./sympy-bench.py', import.meta.url));
const timeout = 120_000;

/** Whether a command can be run here. */
const found = (command, args) => {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0;
};

/** The systems found on this machine, and why each missing one is missing. */
export function findSystems() {
  const missing = {};
  const present = [];
  if (existsSync(symengineBench)) present.push('symengine'); else missing.symengine = `no ${symengineBench}`;
  if (found('maxima', ['--version'])) present.push('maxima'); else missing.maxima = 'no maxima on the PATH (apt-get install -y maxima)';
  if (found('python3', ['-c', 'import sympy'])) present.push('sympy', 'sympy-simplify'); else missing.sympy = 'python3 cannot import sympy';
  return { present, missing };
}

/** u^v → u**v; cbrt(u) as u**(1/3), which both Python systems read. */
const python = (plain) => cbrtAsPower(plain, '**').replace(/\^/g, '**');
/** log(u, b) → log(u)/log(b); cbrt(u) as u^(1/3). */
const maxima = (plain) => logBase(cbrtAsPower(plain, '^'));

function cbrtAsPower(text, power) {
  return rewriteCalls(text, 'cbrt', ([u]) => `(${u})${power}(1/3)`);
}
function logBase(text) {
  return rewriteCalls(text, 'log', (args) => (args.length === 2 ? `(log(${args[0]})/log(${args[1]}))` : `log(${args[0]})`));
}

/** Each call name(args) rewritten, innermost first. */
function rewriteCalls(text, name, rewrite) {
  const at = text.search(new RegExp(`\\b${name}\\(`));
  if (at < 0) return text;
  let depth = 0;
  let end = at + name.length;
  const args = [];
  let start = end + 1;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) break;
    else if (c === ',' && depth === 1) {
      args.push(text.slice(start, end));
      start = end + 1;
    }
  }
  args.push(text.slice(start, end));
  return text.slice(0, at) + rewrite(args.map((a) => rewriteCalls(a, name, rewrite))) + rewriteCalls(text.slice(end + 1), name, rewrite);
}

/** A program run under /usr/bin/time for its peak memory, when that is here. */
function timed(command, args, input) {
  const withTime = existsSync('/usr/bin/time');
  const run = spawnSync(withTime ? '/usr/bin/time' : command, withTime ? ['-f', '@@rss %M', command, ...args] : args,
    { encoding: 'utf8', input, timeout, maxBuffer: 1 << 28 });
  const rss = /@@rss (\d+)/.exec(run.stderr ?? '');
  return { run, peakRssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

/**
 * Runs cases on one system: each {id, plain, order, vars (several for a gradient)}. Returns
 * {rows: {id → {ms, answer}}, peakRssMb, error}: ms the median of warm repeated runs.
 */
export function runOthers(system, cases) {
  if (system === 'symengine') return symengine(cases);
  if (system === 'maxima') return maximaRun(cases);
  return sympy(cases, system === 'sympy-simplify');
}

function symengine(cases) {
  const dir = mkdtempSync(join(tmpdir(), 'dydx-bench-'));
  const file = join(dir, 'cases.tsv');
  writeFileSync(file, cases.map((c, i) => [`c${i}`, c.order, c.vars.join(','), c.vars.length > 1 ? 'grad' : 'expr', 1, python(c.plain)].join('\t')).join('\n') + '\n');
  const { run, peakRssMb } = timed(symengineBench, [file, 'bench']);
  if (run.status !== 0 && !run.stdout) return { rows: {}, peakRssMb, error: failure(run) };
  const once = spawnSync(symengineBench, [file, 'bench', '--once'], { encoding: 'utf8', timeout, maxBuffer: 1 << 28 });
  const answers = (once.stdout ?? '').split('\n');
  const rows = {};
  for (const line of run.stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const r = JSON.parse(line);
    const i = Number(r.id.slice(1));
    rows[cases[i].id] = { ms: r.ms, first: r.first_ms, answer: cases[i].vars.length > 1 ? undefined : answers[i] };
  }
  return { rows, peakRssMb };
}

function maximaRun(cases) {
  const dir = mkdtempSync(join(tmpdir(), 'dydx-bench-'));
  const file = join(dir, 'cases.mac');
  // Each case parsed from its text, differentiated and printed as a string, repeated for about 0.3 s
  // after a warm-up: the mean (Maxima's clock ticks in 10 ms).
  const lines = ['display2d:false$', 'ratprint:false$', 'linel: 100000$'];
  cases.forEach((c, i) => {
    const once = c.vars.length > 1
      ? `map(lambda([v], string(diff(parse_string(s), v))), [${c.vars.join(', ')}])`
      : `string(diff(parse_string(s), ${c.vars[0]}, ${c.order}))`;
    lines.push(
      `s: ${JSON.stringify(maxima(c.plain))}$`,
      `r: ${once}$`,
      `n: 0$ t2: elapsed_real_time()$ while n < 3 or elapsed_real_time() - t2 < 0.3 do (r: ${once}, n: n + 1)$ t3: elapsed_real_time()$`,
      `print("@@", ${i}, float((t3 - t2)/n*1000), "@@", ${c.vars.length > 1 ? '""' : 'r'})$`,
    );
  });
  writeFileSync(file, lines.join('\n') + '\n');
  const { run, peakRssMb } = timed('maxima', ['--very-quiet', '-b', file]);
  const rows = {};
  for (const m of (run.stdout ?? '').matchAll(/^@@ (\d+) ([\d.e+-]+) @@ ?(.*)$/gm)) {
    rows[cases[Number(m[1])].id] = { ms: Number(m[2]), answer: m[3].trim() || undefined };
  }
  return { rows, peakRssMb, ...(Object.keys(rows).length < cases.length ? { error: failure(run) } : {}) };
}

function sympy(cases, simplify) {
  const input = JSON.stringify({ simplify, cases: cases.map((c) => ({ id: c.id, text: python(c.plain), order: c.order, vars: c.vars })) });
  const { run, peakRssMb } = timed('python3', [sympyBench], input);
  const rows = {};
  for (const line of (run.stdout ?? '').split('\n').filter((l) => l.startsWith('{'))) {
    const r = JSON.parse(line);
    rows[r.id] = { ms: r.ms, answer: r.answer ?? undefined };
  }
  return { rows, peakRssMb, ...(Object.keys(rows).length < cases.length ? { error: failure(run) } : {}) };
}

const failure = (run) => (run.error?.code === 'ETIMEDOUT' || run.signal ? `> ${timeout / 1000} s (stopped)`
  : `failed: ${(run.stderr || '').trim().split('\n').filter((l) => !l.startsWith('@@rss')).at(-1)?.slice(0, 60) ?? run.status}`);

/** An answer of another system in dydx's syntax, to be read and printed by dydx for its size. */
export function asDydx(answer) {
  return answer
    .replace(/%e\b/g, 'e').replace(/%pi\b/g, 'pi').replace(/\bsignum\(/g, 'sign(')
    .replace(/\bE\b/g, 'e').replace(/\bAbs\(/g, 'abs(').replace(/\*\*/g, '^');
}
