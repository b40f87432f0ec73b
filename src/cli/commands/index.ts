// The table of `redline` subcommands. Each command lives in its own module.
import type { CliIo } from '../io';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { exposureCommand } from './exposure';
import { inventoryCommand } from './inventory';
import { scanCommand } from './scan';

/** One `redline <name>` subcommand. */
export interface CliCommand {
  readonly name: string;
  /** One line for `redline --help`. */
  readonly summary: string;
  /** Full usage text for `redline <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  scanCommand,
  exposureCommand,
  diffCommand,
  checkCommand,
  inventoryCommand,
];
