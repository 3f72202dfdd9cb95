// One hostile input through the command line with its default limits, in its own process (see
// bench.mjs): the exit status, the time, the peak memory, and what it answered or why it refused.
import { runCli } from '../dist/cli/run.js';
import { robustness } from './inputs.mjs';

const { args, stdin } = robustness[Number(process.argv[2])];
let outChars = 0;
let firstOut = '';
let stderr = '';
const io = {
  write: (t) => {
    if (outChars === 0) firstOut = t.slice(0, 200);
    outChars += t.length;
  },
  writeError: (t) => { stderr += t; },
  lines: async function* () { if (stdin !== undefined) yield stdin(); },
  stdinIsTerminal: stdin === undefined,
  stdoutIsTerminal: false,
};
const start = performance.now();
const status = await runCli(args(), io);
const ms = performance.now() - start;
const message = stderr.split('\n').find((l) => !l.startsWith('read as')) ?? '';
process.stdout.write(JSON.stringify({ status, ms, outChars, firstOut, message, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
