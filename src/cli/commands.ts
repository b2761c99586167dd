/**
 * The commands of `cdk8s-netpol`, in the order of the tool's help.
 *
 * Each command is one module, `src/cli/<name>-command.ts`: its spec (name, help, options) and its
 * `run(ctx: CommandContext): number | Promise<number>`. A command module imports only the
 * framework at its top and requires what it needs (the engine, the YAML parser) when it runs,
 * so that start-up stays small. To add a command: write its module and add its spec to
 * `COMMANDS` below. The framework parses and checks the arguments, prints `--help`, and turns
 * thrown `CliError`s into a message and an exit code.
 */
import { CHECK } from './check-command';
import { CONNLIST } from './connlist-command';
import { DIFF } from './diff-command';
import { CommandSpec } from './framework';
import { LINT } from './lint-command';
import { MIGRATE } from './migrate-command';
import { REPORT } from './report-command';

/** Every command, in the order of the tool's help. */
export const COMMANDS: CommandSpec[] = [CHECK, CONNLIST, LINT, REPORT, DIFF, MIGRATE];

/** Adds a command (for commands defined elsewhere); replaces one with the same name. */
export function registerCommand(spec: CommandSpec): void {
  const i = COMMANDS.findIndex((c) => c.name === spec.name);
  if (i === -1) COMMANDS.push(spec);
  else COMMANDS[i] = spec;
}
