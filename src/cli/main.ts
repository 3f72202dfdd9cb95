import { createInterface } from 'node:readline';
import { runCli, exitCode } from './run.js';

/** The `dydx` command: wires the CLI to the real process. */
export async function main(): Promise<void> {
  let status: number;
  try {
    status = await runCli(process.argv.slice(2), {
      write: (text) => process.stdout.write(text),
      writeError: (text) => process.stderr.write(text),
      lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
      stdinIsTerminal: Boolean(process.stdin.isTTY),
      stdoutIsTerminal: Boolean(process.stdout.isTTY),
      colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    });
  } catch (error) {
    process.stderr.write(`dydx: internal error: ${(error as Error).message}\n`);
    status = exitCode.internal;
  }
  process.exitCode = status;
}
