// The command line's view of the outside world, so `run(argv, io)` can be tested without a process.

/** Streams and environment a CLI command runs against. */
export interface CliIo {
  /** Writes to standard output (no newline added). */
  out(text: string): void;
  /** Writes to standard error (no newline added). */
  err(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal: colour and progress lines are allowed. */
  readonly isTTY: boolean;
}

/** The real process's io. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Exit codes shared by every subcommand. */
export const ExitCode = { clean: 0, findings: 1, usage: 2 } as const;

/** A usage or configuration problem: becomes exit code 2 with a one-line reason. */
export class UsageError extends Error {}
