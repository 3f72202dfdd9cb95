// dydx against the fastest systems on the same inputs, in one run: `npm run bench [group …]`.
// dydx, mathjs and compute-engine run in child processes of their own (the memory reported is the tool's own, and a
// tool that never finishes is stopped); SymEngine, Maxima and SymPy as programs (see others.mjs).
// The systems of a group take turns input by input or group by group, so drift in the machine's
// speed falls on all of them alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { groups, robustness } from './inputs.mjs';
import { asDydx, findSystems, runOthers } from './others.mjs';

const self = fileURLToPath(import.meta.url);
const [, , mode, groupName, tool, index] = process.argv;
/** An input that takes longer is stopped and reported as such. */
const timeoutSeconds = 120;
const inProcess = new Set(['dydx', 'mathjs', 'mathjs-raw', 'compute-engine']);

if (mode === '--child') {
  const { runOne } = await import('./run-one.mjs');
  const row = await runOne(groupName, tool, index === 'all' ? undefined : Number(index));
  process.stdout.write(JSON.stringify({ row, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const { parse, toText } = await import('../dist/index.js');
  const { toMathjs } = await import('../dist/mathjs.js');
  const only = process.argv.slice(2);
  const { present, missing } = findSystems();
  const os = await import('node:os');
  console.log(`dydx against the fastest systems — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`);
  console.log('medians of warm repeated runs in one process per system (Maxima: the mean; a single run past 1 s); size = characters of the answer read by dydx and printed by its text printer');
  for (const [system, why] of Object.entries(missing)) console.log(`not measured: ${system}: ${why}`);
  console.log('');
  for (const group of groups.filter((g) => only.length === 0 || only.includes(g.name))) {
    const tools = group.tools.filter((t) => inProcess.has(t) || present.includes(t));
    const results = Object.fromEntries(tools.map((t) => [t, { rows: {}, peakRssMb: 0 }]));
    // Inputs run one by one each have a process of their own, and so a peak of their own.
    const record = (t, rows, peakRssMb) => {
      for (const r of rows) results[t].rows[r.input] = group.together || peakRssMb === undefined ? r : { ...r, peakRssMb };
      results[t].peakRssMb = Math.max(results[t].peakRssMb, peakRssMb ?? 0);
    };
    // As dydx writes it for mathjs, σ and softplus written out; a tree too deep for mathjs's printer has neither.
    const plain = (input) => {
      const tree = parse(input.text);
      try {
        return toMathjs(tree).toString();
      } catch {
        return toText(tree);
      }
    };
    const cases = (t, inputs) => inputs.filter((input) => !input.skip?.[t])
      .map((input) => ({ id: input.input, plain: plain(input), order: input.order ?? 1, vars: input.vars ?? ['x'] }));
    // Together: each system once over all inputs; otherwise input by input, the systems in turn.
    const batches = group.together ? [group.inputs] : group.inputs.map((input) => [input]);
    for (const batch of batches) {
      for (const t of tools) {
        if (inProcess.has(t)) {
          const which = group.together ? 'all' : String(group.inputs.indexOf(batch[0]));
          const { rows, peakRssMb } = child(group, t, which, batch);
          record(t, rows, peakRssMb);
        } else {
          const these = cases(t, batch);
          if (these.length === 0) continue;
          const out = runOthers(t, these);
          record(t, these.map((c) => (out.rows[c.id] ? { input: c.id, ...out.rows[c.id] } : { input: c.id, error: out.error ?? 'no answer' })), out.peakRssMb);
        }
      }
    }
    if (group.scaling) printScaling(group, tools, results);
    else printGroup(group, tools, results, { parse, toText });
  }
  if (only.length === 0 || only.includes('command-line')) printCommandLine(present);
  if (only.length === 0 || only.includes('robustness')) printRobustness();
}

/** dydx or mathjs on some inputs of a group in a child process: its rows and peak memory. */
function child(group, t, which, batch) {
  const run = spawnSync(process.execPath, [self, '--child', group.name, t, which], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutSeconds * 1000 });
  if (run.error?.code === 'ETIMEDOUT' || run.signal) return { rows: batch.map((i) => ({ input: i.input, error: `> ${timeoutSeconds} s (stopped)` })) };
  if (run.status !== 0) {
    const why = `crashed: ${(run.stderr || '').trim().split('\n').filter(Boolean).at(-1)?.slice(0, 50) ?? run.status}`;
    return { rows: batch.map((i) => ({ input: i.input, error: why })) };
  }
  const { row, peakRssMb } = JSON.parse(run.stdout);
  return { rows: [row].flat().filter(Boolean), peakRssMb };
}

/** Each hostile input through the command line in a process of its own: status, time, peak memory, outcome. */
function printRobustness() {
  console.log('## Robustness: hostile inputs through the command line with its default limits (10 s; numbers of 1000 digits)');
  const lines = [['input', 'status', 'ms', 'peak RSS MB', 'outcome']];
  robustness.forEach((r, i) => {
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('./run-cli.mjs', import.meta.url)), String(i)], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutSeconds * 1000 });
    if (run.error?.code === 'ETIMEDOUT' || run.signal || run.status !== 0) {
      lines.push([r.input, '—', '—', '—', run.signal || run.error ? `> ${timeoutSeconds} s (stopped)` : `crashed: ${(run.stderr || '').trim().split('\n').at(-1)?.slice(0, 60)}`]);
      return;
    }
    const row = JSON.parse(run.stdout);
    const outcome = row.status === 0 ? `answer, ${row.outChars.toLocaleString('en')} characters` : row.message.replace(/^dydx: /, '').slice(0, 90);
    lines.push([r.input, String(row.status), row.ms.toFixed(0), row.peakRssMb.toFixed(0), outcome]);
  });
  printTable(lines);
  console.log('');
}

/**
 * What one command costs from start to answer, the program loaded and run in a process of its own
 * (the median of 5, the systems taking turns): what a user of the command line meets.
 */
function printCommandLine(present) {
  console.log('## The command line: one derivative per process, start to answer (median of 5 runs, ms)');
  const bin = fileURLToPath(new URL('../bin/dydx.js', import.meta.url));
  const commands = {
    dydx: (f) => [process.execPath, [bin, f]],
    maxima: (f) => ['maxima', ['--very-quiet', `--batch-string=display2d:false$ diff(${f}, x);`]],
    sympy: (f) => ['python3', ['-c', `import sympy; x = sympy.Symbol('x'); print(sympy.diff(sympy.sympify('${f.replace(/\^/g, '**')}'), x))`]],
  };
  const systems = Object.keys(commands).filter((t) => t === 'dydx' || present.includes(t));
  const inputs = ['x^2', '1/(1 + exp(-x))', 'x^2*sin(x)'];
  const lines = [['input', ...systems.map((t) => `${t} ms`)]];
  for (const f of inputs) {
    const times = Object.fromEntries(systems.map((t) => [t, []]));
    for (let run = 0; run < 5; run++) {
      for (const t of systems) {
        const [program, args] = commands[t](f);
        const start = performance.now();
        const done = spawnSync(program, args, { encoding: 'utf8', timeout: timeoutSeconds * 1000 });
        times[t].push(done.status === 0 ? performance.now() - start : NaN);
      }
    }
    const median = (xs) => (xs.some(Number.isNaN) ? 'failed' : xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0));
    lines.push([f, ...systems.map((t) => median(times[t]))]);
  }
  printTable(lines);
  console.log('');
}

function geometricMean(xs) {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

/**
 * One group: a row per input with each system's time, and dydx's answer size beside the shortest
 * of the others'; then per system the geometric mean of dydx's time over its, the total sizes and
 * the peak memory.
 */
function printGroup(group, tools, results, { parse, toText }) {
  console.log(`## ${group.title}`);
  const others = tools.filter((t) => t !== 'dydx');
  // Another system's answer read and printed by dydx, so that sizes compare form, not spelling.
  const sizeOf = (row) => {
    if (row?.chars !== undefined && row.answer === undefined) return row.chars;
    if (row?.answer === undefined) return undefined;
    try {
      return toText(parse(asDydx(row.answer))).length;
    } catch {
      return row.answer.length;
    }
  };
  // Each answer's size beside the shortest plain derivative of the fastest systems (SymPy's simplify is compared in total).
  const sized = group.sizes ? others.filter((t) => ['symengine', 'maxima', 'sympy'].includes(t)) : [];
  // dydx's first call of each input beside its steady time: what one command meets, JIT and all.
  const header = ['input', ...tools.flatMap((t) => (t === 'dydx' ? ['dydx first ms', 'dydx ms'] : [`${t} ms`])), ...(group.together ? [] : ['dydx peak RSS MB']), ...(group.sizes ? ['dydx size', 'shortest other', 'by'] : [])];
  const lines = [header];
  const longer = [];
  for (const input of group.inputs) {
    const row = (t) => results[t].rows[input.input];
    const firstCall = (r) => (r?.first === undefined ? '—' : time({ ms: r.first }));
    const cells = [input.input.length > 40 ? `${input.input.slice(0, 37)}...` : input.input, ...tools.flatMap((t) => (t === 'dydx' ? [firstCall(row(t)), time(row(t))] : [time(row(t))]))];
    if (!group.together) cells.push(row('dydx')?.peakRssMb?.toFixed(0) ?? '—');
    if (group.sizes) {
      const ours = sizeOf(row('dydx'));
      const theirs = sized.map((t) => [t, sizeOf(row(t))]).filter(([, n]) => n !== undefined).sort((a, b) => a[1] - b[1]);
      cells.push(ours ?? '—', theirs[0]?.[1] ?? '—', theirs[0]?.[0] ?? '');
      if (ours !== undefined && theirs[0] && ours > theirs[0][1]) longer.push(`${input.input} (${ours} vs ${theirs[0][1]}, ${theirs[0][0]})`);
    }
    lines.push(cells);
  }
  printTable(lines);
  const summary = [['system', 'geometric mean ms', 'dydx time / its', 'total size', 'peak RSS MB']];
  const ours = results.dydx.rows;
  for (const t of tools) {
    const rows = Object.values(results[t].rows).filter((r) => r.ms !== undefined && ours[r.input]?.ms !== undefined);
    if (rows.length === 0) {
      summary.push([t, '—', '—', '—', results[t].peakRssMb ? results[t].peakRssMb.toFixed(0) : '—']);
      continue;
    }
    const sizes = rows.map((r) => sizeOf(r));
    summary.push([t, geometricMean(rows.map((r) => r.ms)).toPrecision(3), geometricMean(rows.map((r) => ours[r.input].ms / r.ms)).toPrecision(3),
      group.sizes && sizes.every((n) => n !== undefined) ? String(sizes.reduce((a, b) => a + b, 0)) : '—',
      results[t].peakRssMb ? results[t].peakRssMb.toFixed(0) : '—']);
  }
  const firsts = Object.values(ours).map((r) => r.first).filter((ms) => ms !== undefined);
  if (firsts.length > 0) summary.push(['dydx first calls', geometricMean(firsts).toPrecision(3), '—', '—', '—']);
  console.log('');
  printTable(summary);
  if (group.sizes) console.log(`dydx's answer is longer than the shortest other on ${longer.length} of ${group.inputs.length}${longer.length > 0 ? `: ${longer.join('; ')}` : ''}`);
  console.log('');
}

/**
 * A group of families that grow: a row per size with each system's first call and steady time,
 * and per family how each grows (the least-squares slope of log time over log size: 1 is linear,
 * 2 quadratic) and the most dydx takes over SymEngine at any size.
 */
function printScaling(group, tools, results) {
  console.log(`## ${group.title}`);
  console.log('first = the first call in the process (what one command meets); ms = the median of warm repeated runs');
  const lines = [['input', ...tools.flatMap((t) => [`${t} first ms`, `${t} ms`]), 'dydx / symengine']];
  const families = [...new Set(group.inputs.map((i) => i.family))];
  const summary = [['family', ...tools.map((t) => `${t} growth`), 'most dydx / symengine (steady)', 'most (first calls)']];
  for (const family of families) {
    const inputs = group.inputs.filter((i) => i.family === family);
    const ratios = [];
    const firstRatios = [];
    for (const input of inputs) {
      const row = (t) => results[t].rows[input.input];
      const ours = row('dydx');
      const theirs = row('symengine');
      const ratio = ours?.ms !== undefined && theirs?.ms !== undefined ? ours.ms / theirs.ms : undefined;
      if (ratio !== undefined) ratios.push(ratio);
      if (ours?.first !== undefined && theirs?.first !== undefined) firstRatios.push(ours.first / theirs.first);
      lines.push([input.input, ...tools.flatMap((t) => [row(t)?.first === undefined ? '—' : time({ ms: row(t).first }), time(row(t))]), ratio === undefined ? '—' : ratio.toPrecision(3)]);
    }
    const growth = (t) => {
      const points = inputs.map((i) => [i.size, results[t].rows[i.input]?.ms]).filter(([, ms]) => ms !== undefined && ms > 0);
      if (points.length < 2) return '—';
      const xs = points.map(([n]) => Math.log(n));
      const ys = points.map(([, ms]) => Math.log(ms));
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      const slope = xs.reduce((a, x, k) => a + (x - mx) * (ys[k] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      return slope.toFixed(2);
    };
    summary.push([family, ...tools.map(growth), ratios.length ? Math.max(...ratios).toPrecision(3) : '—', firstRatios.length ? Math.max(...firstRatios).toPrecision(3) : '—']);
  }
  printTable(lines);
  console.log('');
  printTable(summary);
  console.log('');
}

function printTable(lines) {
  const widths = lines[0].map((_, i) => lines.reduce((w, l) => Math.max(w, String(l[i] ?? '').length), 0));
  for (const l of lines) console.log(l.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd());
}

function time(row) {
  if (!row) return '—';
  if (row.error) return row.error;
  return row.ms < 10 ? row.ms.toFixed(3) : row.ms.toFixed(0);
}
