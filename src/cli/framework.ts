/**
 * The small command-line framework of `cdk8s-netpol`: command and option specs, an argument
 * parser, help text, errors with exit codes, and the I/O a command writes to.
 *
 * No dependencies and nothing heavy here: this module is loaded on every start.
 */
import { parseArgs as nodeParseArgs, ParseArgsConfig } from 'util';
import { editDistance } from '../text';

/** Exit codes, the same for every command. */
export const EXIT_OK = 0;
/** `check`: the connection is denied; `lint`: findings at the failing level; `diff --fail-on`. */
export const EXIT_FAIL = 1;
/** Unreadable or invalid input, or a usage error; also output that cannot be written. */
export const EXIT_INPUT = 2;
/**
 * A bug of this tool: an exception no command expected. Not 2 (the input is not to blame) and
 * not 3 (`check` says "not covered" with it): 70, `EX_SOFTWARE` of sysexits.h.
 */
export const EXIT_INTERNAL = 70;

/** Where a command writes. `isTTY` decides colour. */
export interface OutputStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** What the CLI touches outside itself; injected by tests, the real process otherwise. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /**
   * standard input, read when a path is `-`: its text or its bytes (decoded as UTF-8, strictly);
   * default: the process's stdin, read in bounded chunks
   */
  readonly stdin?: () => string | Uint8Array;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** An option of a command. */
export interface OptionSpec {
  /** long name, without `--` */
  readonly name: string;
  /** one-letter alias, without `-` */
  readonly short?: string;
  /** `flag` takes no value; `string` takes one; `list` may be given several times */
  readonly type: 'flag' | 'string' | 'list';
  /** placeholder in the help, e.g. `N` in `--port N` */
  readonly placeholder?: string;
  readonly description: string;
  /** allowed values (checked by the parser, listed in the help) */
  readonly choices?: readonly string[];
  /**
   * other names of choices, accepted and read as the choice they name: `{ txt: 'text' }`. Not
   * choices of their own: the help and errors list the choices, then say `txt is an alias of text`.
   */
  readonly choiceAliases?: Readonly<Record<string, string>>;
  /**
   * when a value given with the one-letter alias is not one of the choices, what the user most
   * likely meant, said after `-f is --format; `: e.g. `use --from for the source` (a letter that
   * means something else in another tool, or did in an older version, is never silently misread)
   */
  readonly shortMisuse?: string;
  /** default value, shown in the help */
  readonly default?: string;
  /** the command cannot run without it */
  readonly required?: boolean;
}

/** What the parser returns: positionals and option values by long name. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

/** Everything a command gets when it runs. */
export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: CliIo;
  readonly style: Style;
  /** writes a line (or several) to stdout */
  out(text?: string): void;
  /** writes a line to stderr (warnings) */
  err(text: string): void;
  /** an option's string value (or undefined) */
  str(name: string): string | undefined;
  /** a flag's value */
  flag(name: string): boolean;
  /** a list option's values */
  list(name: string): string[];
}

/** A command's implementation: its module requires what it needs only when the command runs. */
export interface CommandModule {
  run(ctx: CommandContext): number | Promise<number>;
}

/** A command: its name, help and options, and how to load its implementation. */
export interface CommandSpec {
  readonly name: string;
  /** one line for the tool's command list */
  readonly summary: string;
  /** the arguments after the command name, e.g. `PATHS... --from A --to B --port N` */
  readonly usage: string;
  /** paragraphs after the usage line in `cdk8s-netpol CMD --help` */
  readonly description?: string;
  readonly options: readonly OptionSpec[];
  /** the fewest positional arguments (default 0) */
  readonly minPositionals?: number;
  /** the most positional arguments (default unlimited) */
  readonly maxPositionals?: number;
  /** what the positionals are called in errors, e.g. `PATHS` */
  readonly positionalName?: string;
  /** what the exit codes mean, for the help (default: `0 success, 2 unreadable or invalid input or bad usage`) */
  readonly exitCodes?: string;
  /** example command lines, in full (`cdk8s-netpol check ...`); without the tool name, it is put in front */
  readonly examples?: readonly string[];
  /** the implementation; what it needs beyond the framework is required when it runs, so that start-up stays small */
  readonly load: () => CommandModule;
}

/** An error that ends the command with a message (no stack trace) and an exit code. */
export class CliError extends Error {
  public constructor(message: string, public readonly exitCode: number = EXIT_INPUT) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong command line: the message is followed by a pointer to `--help`. */
export class UsageError extends CliError {
  public constructor(message: string, public readonly command?: string) {
    super(message, EXIT_INPUT);
    this.name = 'UsageError';
  }
}

/** Options every command has. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'help', short: 'h', type: 'flag', description: 'show this help' },
  { name: 'no-color', type: 'flag', description: 'never colour the output (also: NO_COLOR=1); colour is used only on a terminal' },
];

// ---------------------------------------------------------------------------------------------
// parsing

/**
 * Parses a command's arguments: `--name value`, `--name=value`, `-x value`, `-xvalue`, `-x=value`,
 * flags, `--` to end the options, and `-` as a positional (stdin). Options may come before or
 * after positionals. Node's `util.parseArgs` splits the arguments; the checks here (unknown
 * options with a hint, missing values, choices, repeats) keep their own messages.
 */
export function parseArgs(spec: Pick<CommandSpec, 'name' | 'options'>, argv: readonly string[]): ParsedArgs {
  const all = [...spec.options, ...COMMON_OPTIONS];
  const byName = new Map(all.map((o) => [o.name, o] as const));
  const byShort = new Map(all.filter((o) => o.short).map((o) => [o.short as string, o] as const));
  const positionals: string[] = [];
  const options: Record<string, string | boolean | string[] | undefined> = {};

  const { tokens } = nodeParseArgs({ args: [...argv], options: nodeOptions(all), strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    // `-sx` (a flag, then more letters) comes as one token per letter: the first one ends the parse
    const arg = argv[token.index];
    let opt: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      opt = byName.get(name);
      if (!opt) throw unknownOption(spec.name, `--${name}`, all.map((o) => o.name));
    } else {
      opt = byShort.get(arg.slice(1, 2));
      if (!opt) throw unknownOption(spec.name, arg, all.map((o) => o.name));
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/, '');
    }
    if (opt.type === 'flag') {
      if (inline !== undefined) throw new UsageError(`option --${opt.name} takes no value`, spec.name);
      options[opt.name] = true;
      continue;
    }
    // without an inline value, util.parseArgs takes the next argument, whatever it is
    let value = inline ?? token.value;
    if (value === undefined || (inline === undefined && looksLikeOption(value))) {
      throw new UsageError(`option --${opt.name} needs a value${opt.placeholder ? ` (${opt.placeholder})` : ''}`, spec.name);
    }
    if (opt.choices && !opt.choices.includes(value)) {
      const canonical = aliasOf(opt, value);
      if (canonical === undefined) {
        const notOne = `"${value}" is not one of ${choiceList(opt)}`;
        if (opt.shortMisuse && opt.short && !arg.startsWith('--')) {
          throw new UsageError(`-${opt.short} is --${opt.name}; ${opt.shortMisuse} (${notOne})`, spec.name);
        }
        throw new UsageError(`option --${opt.name}: ${notOne}`, spec.name);
      }
      value = canonical;
    }
    if (opt.type === 'list') {
      const prev = options[opt.name];
      options[opt.name] = [...(Array.isArray(prev) ? prev : []), value];
    } else {
      if (options[opt.name] !== undefined) throw new UsageError(`option --${opt.name} was given twice`, spec.name);
      options[opt.name] = value;
    }
  }
  return { positionals, options };
}

/** The choice an alias names, if `value` is an alias of one of the option's choices. */
function aliasOf(opt: OptionSpec, value: string): string | undefined {
  const aliases = opt.choiceAliases;
  if (!aliases || !Object.prototype.hasOwnProperty.call(aliases, value)) return undefined;
  const canonical = aliases[value];
  return opt.choices?.includes(canonical) ? canonical : undefined;
}

/** `text, json, md, csv (txt is an alias of text)`: the choices, then what each alias names. */
function choiceList(opt: OptionSpec): string {
  return `${(opt.choices ?? []).join(', ')}${aliasNote(opt, ' (', ')')}`;
}

/** `txt is an alias of text` (and more, `; `-separated), between `open` and `close`; empty without aliases. */
function aliasNote(opt: OptionSpec, open: string, close: string): string {
  const notes = Object.entries(opt.choiceAliases ?? {}).map(([alias, choice]) => `${alias} is an alias of ${choice}`);
  return notes.length > 0 ? `${open}${notes.join('; ')}${close}` : '';
}

/** The specs in `util.parseArgs` terms: it then knows which options take the next argument. */
function nodeOptions(specs: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of specs) {
    config[o.name] = { type: o.type === 'flag' ? 'boolean' : 'string', ...(o.short ? { short: o.short } : {}) };
  }
  return config;
}

/** An argument that is an option, not a value: `-x`, `--x`, `--`; but not `-` (stdin) or `-1`. */
function looksLikeOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg);
}

/** Checks required options and the number of positionals (not done for `--help`). */
export function checkArgs(spec: CommandSpec, args: ParsedArgs): void {
  const missing = spec.options.filter((o) => o.required && args.options[o.name] === undefined);
  if (missing.length > 0) {
    const list = missing.map((o) => `--${o.name}${o.placeholder ? ` ${o.placeholder}` : ''}`).join(', ');
    throw new UsageError(`missing required option${missing.length > 1 ? 's' : ''}: ${list}`, spec.name);
  }
  const n = args.positionals.length;
  const what = spec.positionalName ?? 'argument';
  if (spec.minPositionals !== undefined && n < spec.minPositionals) {
    throw new UsageError(spec.minPositionals === 1 ? `missing ${what}` : `expected at least ${spec.minPositionals} ${what}, got ${n}`, spec.name);
  }
  if (spec.maxPositionals !== undefined && n > spec.maxPositionals) {
    throw new UsageError(`expected at most ${spec.maxPositionals} ${what}, got ${n}: ${args.positionals.join(' ')}`, spec.name);
  }
}

function unknownOption(command: string, given: string, known: string[]): UsageError {
  const name = given.replace(/^-+/, '');
  const near = known.find((k) => k.startsWith(name) || name.startsWith(k) || editDistance(k, name, 2) <= 2);
  return new UsageError(`unknown option ${given}${near ? ` (did you mean --${near}?)` : ''}`, command);
}

// ---------------------------------------------------------------------------------------------
// help

/** `cdk8s-netpol check --help`. */
export function commandHelp(tool: string, spec: CommandSpec): string {
  const lines = [`Usage: ${tool} ${spec.name} ${spec.usage}`, '', spec.summary];
  if (spec.description) lines.push('', spec.description.trim());
  const options = [...spec.options, ...COMMON_OPTIONS];
  lines.push('', 'Options:');
  const heads = options.map((o) => {
    const value = o.type === 'flag' ? '' : ` ${o.placeholder ?? 'VALUE'}`;
    return `${o.short ? `-${o.short}, ` : '    '}--${o.name}${value}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  options.forEach((o, i) => {
    const extra: string[] = [];
    if (o.choices) extra.push(`one of: ${o.choices.join(', ')}${aliasNote(o, '; ', '')}`);
    if (o.default !== undefined) extra.push(`default: ${o.default}`);
    if (o.required) extra.push('required');
    if (o.type === 'list') extra.push('repeatable');
    const suffix = extra.length > 0 ? ` (${extra.join('; ')})` : '';
    lines.push(`  ${heads[i].padEnd(width)}  ${o.description}${suffix}`);
  });
  if (spec.examples && spec.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const ex of spec.examples) lines.push(`  ${ex.includes(tool) ? ex : `${tool} ${ex}`}`);
  }
  lines.push('', `Exit codes: ${spec.exitCodes ?? '0 success, 2 unreadable or invalid input or bad usage'}.`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// colour

/** ANSI styling that is the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

/**
 * Colour only when writing to a terminal, and never with `--no-color`, `NO_COLOR` (any value)
 * or `TERM=dumb`; `FORCE_COLOR` (not `0`) turns it on anyway.
 */
export function colorEnabled(stream: OutputStream, env: Readonly<Record<string, string | undefined>>, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function makeStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}
