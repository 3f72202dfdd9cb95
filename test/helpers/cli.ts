import { runCli, type CliIO } from '../../src/cli/run.js';

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with the given arguments and standard input lines (none: a terminal), piped or on a terminal. */
export async function dydx(args: string[], input?: string[], terminal = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    write: (t) => { stdout += t; },
    writeError: (t) => { stderr += t; },
    lines: async function* () { yield* input ?? []; },
    stdinIsTerminal: input === undefined,
    stdoutIsTerminal: terminal,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}
