// `redline` command line: dispatches to a subcommand and turns errors into exit codes.
import { commands } from './commands';
import { ExitCode, UsageError, type CliIo } from './io';
import { version } from '../../package.json';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `redline ${version}: catch what AI coding assistants break.`,
    '',
    'Usage: redline <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `redline <command> --help` for a command\'s options.',
    'Exit codes: 0 clean, 1 findings, 2 usage or configuration error.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? ExitCode.usage : ExitCode.clean;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return ExitCode.clean;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`redline: unknown command '${name}'. Run 'redline --help' for the list.\n`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage.trimEnd()}\n`);
    return ExitCode.clean;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`redline ${name}: ${(err as Error).message}\n`);
      return ExitCode.usage;
    }
    throw err;
  }
}
