import * as path from 'path';
import { main } from '../../src/cli/main';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const SHOP = path.join(FIXTURES, 'shop');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string;
  readonly tty?: boolean;
  readonly env?: Record<string, string | undefined>;
}

/** Runs the CLI in-process, capturing what it writes. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { isTTY: options.tty ?? false, write: (s: string) => { stdout += s; return true; } },
    stderr: { isTTY: false, write: (s: string) => { stderr += s; return true; } },
    stdin: () => {
      if (options.stdin === undefined) throw new Error('test: no stdin given');
      return options.stdin;
    },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** No stack trace: no `    at fn (file:line)` frames, no `Error:` dumps. */
export function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/^\s+at .+:\d+/m);
  expect(text).not.toMatch(/^\w*Error: /m);
}
