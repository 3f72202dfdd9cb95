// dydx against mathjs on the same inputs, in the same run: `npm run bench` (after a build).
// Each group runs in a child process per tool, so the peak memory reported is that tool's own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { corpus, groups } from './inputs.mjs';

const self = fileURLToPath(import.meta.url);
const [, , mode, groupName, tool] = process.argv;

if (mode === '--child') {
  const { runGroup } = await import('./run-group.mjs');
  const rows = await runGroup(groupName, tool);
  process.stdout.write(JSON.stringify({ rows, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const only = process.argv.slice(2);
  console.log(`dydx vs mathjs — Node ${process.version}; medians of repeated runs; ratio = dydx time / mathjs time`);
  console.log(`group 1 has ${corpus.length} expressions; sizes are tree nodes and characters of the text answer\n`);
  for (const group of groups.filter((g) => only.length === 0 || only.includes(g.name))) {
    const results = {};
    for (const t of group.tools) {
      const run = spawnSync(process.execPath, [self, '--child', group.name, t], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (run.status !== 0) {
        results[t] = { rows: [], peakRssMb: Number.NaN, failed: (run.stderr || '').trim().split('\n').slice(-1)[0] };
        continue;
      }
      results[t] = JSON.parse(run.stdout);
    }
    printGroup(group, results);
  }
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
    console.log(`peak RSS ${t}: ${Number.isNaN(r.peakRssMb) ? `(failed: ${r.failed})` : `${r.peakRssMb.toFixed(0)} MB`}`);
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
