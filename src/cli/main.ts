import { StringDecoder } from 'node:string_decoder';
import { runCli, exitCode } from './run.js';

/** The `dydx` command: wires the CLI to the real process. */
export async function main(): Promise<void> {
  // A reader that stops early (dydx … | head -1) ends dydx quietly, as it does other tools;
  // output that cannot be written (a full disk) is said once, and is a failure.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(exitCode.ok);
      if (stream === process.stdout) process.stderr.write(`dydx: cannot write the output: ${error.message}\n`);
      process.exit(exitCode.internal);
    });
  }
  let status: number;
  try {
    status = await runCli(process.argv.slice(2), {
      write: (text) => process.stdout.write(text),
      writeError: (text) => process.stderr.write(text),
      lines: () => linesOf(process.stdin),
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

/**
 * The lines of a stream: each ends at \n, and a \r before it is dropped (CRLF files); a lone \r
 * inside a line is part of that line, not a line break. The last line needs no \n.
 */
export async function* linesOf(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let end = pending.indexOf('\n');
    while (end >= 0) {
      yield withoutCarriageReturn(pending.slice(0, end));
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending !== '') yield withoutCarriageReturn(pending);
}

const withoutCarriageReturn = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
