/**
 * Where a command's result goes: the file of `-o/--output FILE` (see `outputOption`), or stdout;
 * and what happens when it cannot be written there.
 *
 * Standard output may be a pipe whose reader went away (`| head -1`: EPIPE), which ends the
 * output quietly, or a full disk (`> /dev/full`: ENOSPC) or another failing file, which ends the
 * command with one line and exit code 2. Never a stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getSystemErrorMap } from 'util';
import { CliError, CommandContext, EXIT_INPUT, makeStyle, OutputStream, Style } from './framework';

/**
 * Writes `text` to the `--output` file, or to stdout when there is none (or it is empty).
 * Returns the file written, if any. A file that cannot be written ends the command (exit 2).
 */
export function writeOutput(ctx: CommandContext, text: string): string | undefined {
  const file = ctx.str('output');
  if (!file) {
    ctx.io.stdout.write(text);
    return undefined;
  }
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${describeSystemError(e)}`, EXIT_INPUT);
  }
  return file;
}

/**
 * What `produce` writes, in pieces of about 64 KB as it comes, to the `--output` file or stdout:
 * a listing or a JSON report is never one string of the whole. Returns the file written, if any;
 * a file that cannot be written ends the command (exit 2), and the file is closed whatever happens.
 */
export function writeStreamed(ctx: CommandContext, produce: (write: (chunk: string) => void) => void): string | undefined {
  const file = ctx.str('output');
  let fd: number | undefined;
  if (file) {
    try {
      fd = fs.openSync(file, 'w');
    } catch (e) {
      throw new CliError(`cannot write ${file}: ${describeSystemError(e)}`, EXIT_INPUT);
    }
  }
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    if (fd === undefined) {
      ctx.io.stdout.write(text);
      return;
    }
    try {
      fs.writeSync(fd, text);
    } catch (e) {
      throw new CliError(`cannot write ${file}: ${describeSystemError(e)}`, EXIT_INPUT);
    }
  };
  try {
    produce((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 65536) flush();
    });
    flush();
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return file || undefined;
}

/**
 * The version of this package, as its package.json says, for what the tool writes about itself
 * (SARIF's `tool.driver.version`). The package root is the first folder above this module that
 * holds a package.json: `lib/cli/` and `src/cli/` are both below it, and so is the installed
 * copy in `node_modules/cdk8s-netpol/`. Undefined when that package.json cannot be read, is not
 * this package's, or has no version: never an error.
 */
export function packageVersion(from: string = __dirname): string | undefined {
  for (let dir = path.resolve(from), i = 0; i < 10; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
        return pkg?.name === 'cdk8s-netpol' && typeof pkg.version === 'string' && pkg.version !== '' ? pkg.version : undefined;
      } catch {
        return undefined;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/**
 * The style of a command's result: the command's own (colour on a terminal) when it goes to
 * stdout, none when it goes to the `--output` file (a file holds no colour codes, whatever the
 * terminal).
 */
export function resultStyle(ctx: CommandContext): Style {
  return ctx.str('output') ? makeStyle(false) : ctx.style;
}

/**
 * A system error in words, as the C library says them, with its code:
 * `no space left on device (ENOSPC)`, `permission denied (EACCES)`.
 */
export function describeSystemError(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const words = typeof err?.errno === 'number' ? getSystemErrorMap().get(err.errno)?.[1] : undefined;
  if (code && words) return `${words} (${code})`;
  if (code) return code;
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** The error that ends a command whose standard output cannot be written (exit 2). */
export function stdoutError(e: unknown): CliError {
  return new CliError(`cannot write to standard output: ${describeSystemError(e)}`, EXIT_INPUT);
}

/**
 * Standard output as commands write to it. When the reader has gone away (EPIPE), what follows
 * is dropped and the command ends as it would have (its exit code unchanged); any other write
 * error is a `stdoutError`. Errors come either from a write that throws, or, for the process's
 * stream, from its `error` event, given to `failed`.
 */
export class GuardedOutput implements OutputStream {
  private gone = false;

  public constructor(private readonly target: OutputStream) {}

  public get isTTY(): boolean | undefined {
    return this.target.isTTY;
  }

  /** true once the reader went away: nothing more is written */
  public get closed(): boolean {
    return this.gone;
  }

  public write(text: string): boolean {
    if (this.gone) return true;
    try {
      this.target.write(text);
    } catch (e) {
      this.failed(e);
    }
    return true;
  }

  /**
   * An error writing failed with: returns for EPIPE (and for anything after it: a stream that
   * lost its reader also refuses later writes), throws `stdoutError` otherwise.
   */
  public failed(e: unknown): void {
    if (this.gone) return;
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') {
      this.gone = true;
      return;
    }
    throw stdoutError(e);
  }
}
