/**
 * Where a command's result goes: the file of `-o/--output FILE` (see `outputOption`), or stdout.
 */
import * as fs from 'fs';
import { CliError, CommandContext, EXIT_INPUT } from './framework';

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
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, EXIT_INPUT);
  }
  return file;
}
