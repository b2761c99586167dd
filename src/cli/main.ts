#!/usr/bin/env node
/**
 * `cdk8s-netpol`: what do these NetworkPolicies allow?
 *
 * `main(argv, io)` runs one command and resolves to its exit code; it never throws and never
 * prints a stack trace (set CDK8S_NETPOL_DEBUG=1 to see one). Run as a program, it uses the
 * real process: a reader that goes away (`| head -1`) ends the output quietly, a full disk
 * (`> /dev/full`) is one line and exit 2, and an exception nobody expected is one line
 * (`internal error: ...; please report it`) and exit 70. Only the framework and the command
 * list (each command's spec) load at start; what a command needs to run (the engine, the YAML
 * parser) loads when that command runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from './commands';
import {
  checkArgs,
  CliError,
  CliIo,
  colorEnabled,
  CommandContext,
  commandHelp,
  CommandSpec,
  EXIT_INPUT,
  EXIT_INTERNAL,
  EXIT_OK,
  makeStyle,
  ParsedArgs,
  parseArgs,
  UsageError,
} from './framework';
import { GuardedOutput, stdoutError } from './output';
import { cutText, editDistance, terminalText } from '../text';

export const TOOL = 'cdk8s-netpol';

/** The tool's help: `cdk8s-netpol --help`. */
export function toolHelp(commands: readonly CommandSpec[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${TOOL} COMMAND [OPTIONS] PATHS...`,
    '',
    'What do these Kubernetes NetworkPolicies allow? Reads manifests (files, directories, - for',
    'stdin; YAML or JSON) and answers from the same engine as the cdk8s-netpol library.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: COMMAND --help, help COMMAND)',
    '      --version  show the version',
    '',
    'Exit codes: 0 ok / allowed, 1 denied or findings, 2 unreadable or invalid input or bad usage,',
    '70 an internal error (a bug: please report it; CDK8S_NETPOL_DEBUG=1 shows where it happened).',
    `Colour only on a terminal; never with --no-color or NO_COLOR. Run "${TOOL} COMMAND --help" for a command's options.`,
    '',
    'Pull-request content: pass a directory (or -), not a shell glob. In a directory, symbolic links',
    'that lead outside it are skipped, and only regular files are read; a path named on the command',
    'line (as a glob expands to) is the caller\'s choice and is followed wherever it leads.',
    '',
  ].join('\n');
}

function version(): string {
  try {
    // lib/cli/main.js and src/cli/main.ts are both two levels below the package root
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

/** The process's streams; standard input is left to the reader, which reads it in bounded chunks. */
function defaultIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
}

/**
 * Runs the tool with `argv` (without `node` and the script). Resolves to the exit code: 0, 1
 * (and `check`'s 3) as each command says, 2 for bad input, bad usage or output that cannot be
 * written, `EXIT_INTERNAL` for an exception no command expected.
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const given: CliIo = { ...defaultIo(), ...io };
  const stdout = given.stdout instanceof GuardedOutput ? given.stdout : new GuardedOutput(given.stdout);
  const fullIo: CliIo = { ...given, stdout };
  const errText = (s: string) => fullIo.stderr.write(s.endsWith('\n') ? s : s + '\n');
  let command: CommandSpec | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      fullIo.stderr.write(toolHelp());
      return EXIT_INPUT;
    }
    if (first === '--help' || first === '-h') {
      fullIo.stdout.write(toolHelp());
      return EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      fullIo.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    if (first === 'help') {
      if (rest.length === 0) {
        fullIo.stdout.write(toolHelp());
        return EXIT_OK;
      }
      fullIo.stdout.write(commandHelp(TOOL, findCommand(rest[0])));
      return EXIT_OK;
    }
    command = findCommand(first);
    const args = parseArgs(command, rest);
    if (args.options.help) {
      fullIo.stdout.write(commandHelp(TOOL, command));
      return EXIT_OK;
    }
    checkArgs(command, args);
    const ctx = makeContext(args, fullIo);
    const module = command.load();
    return await module.run(ctx);
  } catch (e) {
    if (e instanceof CliError) {
      errText(prefixLines(e.message));
      if (e instanceof UsageError) {
        const name = e.command ?? command?.name;
        errText(name ? `Run "${TOOL} ${name} --help" for usage.` : `Run "${TOOL} --help" for usage.`);
      }
      return e.exitCode;
    }
    fullIo.stderr.write(internalErrorText(e, fullIo.env));
    return EXIT_INTERNAL;
  }
}

/**
 * An exception nobody expected, in one line: `cdk8s-netpol: internal error: <message>; please
 * report it`. The message is cut and kept on one line (it may hold a piece of the input); the
 * stack follows only with CDK8S_NETPOL_DEBUG set (not empty, not 0).
 */
export function internalErrorText(e: unknown, env: Readonly<Record<string, string | undefined>>): string {
  const message = e instanceof Error ? e.message : String(e);
  const oneLine = terminalText(cutText(message.split(/\r?\n/)[0], 200));
  let text = `${TOOL}: internal error: ${oneLine || (e instanceof Error ? e.name : 'unknown')}; please report it\n`;
  const debug = env.CDK8S_NETPOL_DEBUG;
  if (debug && debug !== '0' && e instanceof Error && e.stack) text += `${e.stack}\n`;
  return text;
}

/**
 * `cdk8s-netpol: ` before every line of a message, each line `terminalText`: an error message
 * may quote a file name, an option value or an endpoint the user (or a pull request) wrote, and
 * no escape sequence or bidirectional override from it may reach the terminal or a CI log.
 */
function prefixLines(message: string): string {
  return message.split('\n').map((l) => `${TOOL}: ${terminalText(l)}`).join('\n');
}

function findCommand(name: string): CommandSpec {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  if (name.startsWith('-')) throw new UsageError(`unknown option ${name}: options come after the command`);
  const near = COMMANDS.map((c) => c.name).filter((c) => editDistance(c, name, 2) <= 2 || c.startsWith(name));
  const hint = near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : '';
  throw new UsageError(`unknown command "${name}"${hint}; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
}

function makeContext(args: ParsedArgs, io: CliIo): CommandContext {
  const style = makeStyle(colorEnabled(io.stdout, io.env, args.options['no-color'] === true));
  const value = (name: string) => args.options[name];
  return {
    args,
    io,
    style,
    out: (text = '') => io.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    // warnings: the first line prefixed, each line `terminalText` (they name files and objects)
    err: (text: string) => io.stderr.write(`${TOOL}: ${text.split('\n').map(terminalText).join('\n')}\n`),
    str: (name) => {
      const v = value(name);
      return typeof v === 'string' ? v : undefined;
    },
    flag: (name) => value(name) === true,
    list: (name) => {
      const v = value(name);
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
  };
}

/**
 * Runs the tool as the `cdk8s-netpol` program, on the real process. Write errors on stdout come
 * as its `error` event, after the writes: EPIPE ends the output quietly (the command's exit code
 * stands), anything else is one line and exit 2. An exception that escapes everything (in a
 * callback) is an internal error, like one `main` catches.
 */
export function runAsProgram(argv: readonly string[] = process.argv.slice(2)): void {
  const stdout = new GuardedOutput(process.stdout);
  process.stdout.on('error', (e) => {
    try {
      stdout.failed(e);
    } catch (err) {
      process.stderr.write(`${TOOL}: ${err instanceof Error ? err.message : stdoutError(e).message}\n`);
      process.exit(EXIT_INPUT);
    }
  });
  process.stderr.on('error', () => {
    // nowhere left to say anything: the exit code tells
  });
  const crash = (e: unknown) => {
    process.stderr.write(internalErrorText(e, process.env));
    process.exit(EXIT_INTERNAL);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  void main(argv, { stdout }).then((code) => {
    process.exitCode = code;
  });
}

/* istanbul ignore next: run as a program */
if (require.main === module) runAsProgram();
