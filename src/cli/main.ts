#!/usr/bin/env node
/**
 * `cdk8s-netpol`: what do these NetworkPolicies allow?
 *
 * `main(argv, io)` runs one command and resolves to its exit code; it never throws and never
 * prints a stack trace (set CDK8S_NETPOL_DEBUG=1 to see one). Run as a program, it uses the
 * real process. Only the framework and the command list (each command's spec) load at start;
 * what a command needs to run (the engine, the YAML parser) loads when that command runs.
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
  EXIT_OK,
  makeStyle,
  ParsedArgs,
  parseArgs,
  UsageError,
} from './framework';
import { editDistance } from '../text';

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
    'Exit codes: 0 ok / allowed, 1 denied or findings, 2 unreadable or invalid input or bad usage.',
    `Colour only on a terminal; never with --no-color or NO_COLOR. Run "${TOOL} COMMAND --help" for a command's options.`,
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

function defaultIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: () => fs.readFileSync(0, 'utf8'),
    env: process.env,
  };
}

/** Runs the tool with `argv` (without `node` and the script). Resolves to the exit code. */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo: CliIo = { ...defaultIo(), ...io };
  const errText = (s: string) => fullIo.stderr.write(s.endsWith('\n') ? s : s + '\n');
  const debug = !!fullIo.env.CDK8S_NETPOL_DEBUG;
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
    const message = e instanceof Error ? e.message : String(e);
    errText(`${TOOL}: ${message}`);
    if (debug && e instanceof Error && e.stack) errText(e.stack);
    else errText('(an unexpected error: set CDK8S_NETPOL_DEBUG=1 to see where it happened, and please report it)');
    return EXIT_INPUT;
  }
}

/** `cdk8s-netpol: ` before every line of a message. */
function prefixLines(message: string): string {
  return message.split('\n').map((l) => `${TOOL}: ${l}`).join('\n');
}

function findCommand(name: string): CommandSpec {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  if (name.startsWith('-')) throw new UsageError(`unknown option ${name}: options come after the command`);
  const near = COMMANDS.map((c) => c.name).filter((c) => editDistance(c, name) <= 2 || c.startsWith(name));
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
    err: (text: string) => io.stderr.write(`${TOOL}: ${text}\n`),
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

/* istanbul ignore next: run as a program */
if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `cdk8s-netpol connlist . | head`: the reader went away; that is not an error
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
