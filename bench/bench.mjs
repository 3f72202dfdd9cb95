// dydx against mathjs on the same inputs, in the same run: `npm run bench` (after a build).
// Each input runs in a child process per tool, so the memory reported is that tool's own and a
// tool that never finishes is stopped.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { corpus, groups, robustness } from './inputs.mjs';

const self = fileURLToPath(import.meta.url);
const [, , mode, groupName, tool, index] = process.argv;
/** An input that takes longer is stopped and reported as such. */
const timeoutSeconds = 120;

if (mode === '--child') {
  const { runOne } = await import('./run-one.mjs');
  const row = await runOne(groupName, tool, Number(index));
  process.stdout.write(JSON.stringify({ row, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const only = process.argv.slice(2);
  console.log(`dydx vs mathjs — Node ${process.version}; medians of repeated runs after a warm-up (a single run past 1 s); ratio = dydx time / mathjs time`);
  console.log(`each input runs in a process of its own; peak RSS is the largest of a tool's processes in the group\n`);
  for (const group of groups.filter((g) => only.length === 0 || only.includes(g.name))) {
    const results = {};
    for (const t of group.tools) {
      results[t] = { rows: [], peakRssMb: 0 };
      group.inputs.forEach((input, i) => {
        const run = spawnSync(process.execPath, [self, '--child', group.name, t, String(i)], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutSeconds * 1000 });
        if (run.error?.code === 'ETIMEDOUT' || run.signal) {
          results[t].rows.push({ input: input.input, error: `> ${timeoutSeconds} s (stopped)` });
          return;
        }
        if (run.status !== 0) {
          results[t].rows.push({ input: input.input, error: `crashed: ${(run.stderr || '').trim().split('\n').filter(Boolean).at(-1)?.slice(0, 50) ?? run.status}` });
          return;
        }
        const { row, peakRssMb } = JSON.parse(run.stdout);
        if (row) results[t].rows.push(row);
        results[t].peakRssMb = Math.max(results[t].peakRssMb, peakRssMb);
      });
    }
    printGroup(group, results);
  }
  if (only.length === 0 || only.includes('robustness')) printRobustness();
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
  const widths = lines[0].map((_, i) => lines.reduce((w, l) => Math.max(w, l[i].length), 0));
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  console.log('');
}

function printGroup(group, results) {
  console.log(`## ${group.title}`);
  const [first, ...others] = group.tools;
  const header = ['input', `${first} ms`, `${first} size`, ...others.flatMap((t) => [`${t} ms`, `${t} size`, `ratio vs ${t}`])];
  const lines = [header];
  const byInput = (t) => new Map((results[t]?.rows ?? []).map((r) => [r.input, r]));
  const ours = byInput(first);
  for (const [input, row] of ours) {
    const cells = [input.length > 48 ? `${input.slice(0, 45)}...` : input, time(row), size(row)];
    for (const t of others) {
      const theirs = byInput(t).get(input);
      cells.push(theirs ? time(theirs) : '—', theirs ? size(theirs) : '—',
        theirs && row.ms !== undefined && theirs.ms !== undefined ? (row.ms / theirs.ms).toPrecision(2) : '—');
    }
    lines.push(cells);
  }
  if (group.summary) lines.push(...group.summary(results, first, others));
  const widths = header.map((_, i) => Math.max(...lines.map((l) => String(l[i] ?? '').length)));
  for (const l of lines) console.log(l.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd());
  for (const t of group.tools) {
    const r = results[t];
    console.log(`peak RSS ${t}: ${r.peakRssMb.toFixed(0)} MB`);
  }
  console.log('');
}

function time(row) {
  if (row.error) return row.error;
  return row.ms < 10 ? row.ms.toFixed(3) : row.ms.toFixed(0);
}

function size(row) {
  return row.nodes === undefined ? '' : `${row.nodes}n/${row.chars}c`;
}
