/** The tool: its help, version and command list, and colour (main.ts). */
import { runCli, SHOP } from './run-cli';
import { CliError, EXIT_INTERNAL } from '../../src/cli/framework';
import { internalErrorText, main } from '../../src/cli/main';
import { GuardedOutput } from '../../src/cli/output';

describe('cdk8s-netpol (the tool)', () => {
  test('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cdk8s-netpol COMMAND/);
    expect(r.stdout).toMatch(/^ {2}check +Is one connection allowed\?/m);
    expect(r.stdout).toMatch(/^ {2}connlist +Every allowed connection/m);
    expect(r.stderr).toBe('');
    expect((await runCli(['-h'])).stdout).toBe(r.stdout);
    expect((await runCli(['help'])).stdout).toBe(r.stdout);
  });

  test('no arguments: the help on stderr, exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: cdk8s-netpol/);
  });

  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown command is a usage error with a suggestion', async () => {
    const r = await runCli(['chek', SHOP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdk8s-netpol: unknown command "chek" (did you mean check?); commands: ' +
      `${r.stderr.match(/commands: (.*)\n/)![1]}\nRun "cdk8s-netpol --help" for usage.\n`);
    expect(r.stderr).toMatch(/commands: check, connlist/);
  });

  test('each command has --help, and help COMMAND shows the same', async () => {
    for (const command of ['check', 'connlist']) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: cdk8s-netpol ${command} PATHS\\.\\.\\.`));
      expect(r.stdout).toMatch(/Options:\n/);
      expect(r.stdout).toMatch(/Exit codes: /);
      expect((await runCli(['help', command])).stdout).toBe(r.stdout);
      // --help wins over missing arguments
      expect((await runCli([command, '-h'])).code).toBe(0);
    }
  });
});

describe('colour', () => {
  const args = ['check', SHOP, '--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080'];
  // eslint-disable-next-line no-control-regex
  const ANSI = /\u001b\[/;

  test('only on a terminal', async () => {
    expect((await runCli(args, { tty: true })).stdout).toMatch(ANSI);
    expect((await runCli(args, { tty: false })).stdout).not.toMatch(ANSI);
  });

  test('never with NO_COLOR, --no-color or TERM=dumb', async () => {
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli([...args, '--no-color'], { tty: true })).stdout).not.toMatch(ANSI);
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
  });

  test('FORCE_COLOR turns it on without a terminal', async () => {
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });
});

describe('the process edges, in-process', () => {
  const args = ['connlist', SHOP];
  const io = (stdout: { isTTY?: boolean; write(s: string): unknown }, env: Record<string, string> = {}) => {
    let stderr = '';
    return { io: { stdout, stderr: { write: (s: string) => { stderr += s; return true; } }, env, stdin: () => '' }, stderr: () => stderr };
  };
  const errno = (code: string, n: number) => Object.assign(new Error(`write ${code}`), { code, errno: n, syscall: 'write' });

  test('an unexpected exception: one line, exit 70, no stack', async () => {
    const run = io({ get isTTY(): boolean { throw new TypeError('boom\n    at secret (file.ts:1:1)'); }, write: () => true });
    expect(await main(args, run.io)).toBe(EXIT_INTERNAL);
    expect(EXIT_INTERNAL).toBe(70);
    expect(run.stderr()).toBe('cdk8s-netpol: internal error: boom; please report it\n');
  });

  test('the stack only with CDK8S_NETPOL_DEBUG', async () => {
    const run = io({ get isTTY(): boolean { throw new TypeError('boom'); }, write: () => true }, { CDK8S_NETPOL_DEBUG: '1' });
    expect(await main(args, run.io)).toBe(EXIT_INTERNAL);
    expect(run.stderr()).toMatch(/^cdk8s-netpol: internal error: boom; please report it\nTypeError: boom\n {4}at /);
    const off = io({ get isTTY(): boolean { throw new TypeError('boom'); }, write: () => true }, { CDK8S_NETPOL_DEBUG: '0' });
    await main(args, off.io);
    expect(off.stderr()).toBe('cdk8s-netpol: internal error: boom; please report it\n');
  });

  test('an internal error\'s message is cut and kept on one line', () => {
    expect(internalErrorText(new Error(`${'x'.repeat(5000)}\nsecond`), {})).toBe(`cdk8s-netpol: internal error: ${'x'.repeat(200)}… (5000 characters); please report it\n`);
    expect(internalErrorText(new Error('a\u001b[31mb\u202ec'), {})).toBe('cdk8s-netpol: internal error: a\\x1b[31mb\\u202ec; please report it\n');
    expect(internalErrorText('thrown text', {})).toBe('cdk8s-netpol: internal error: thrown text; please report it\n');
  });

  test('a reader that went away (EPIPE): the rest is dropped quietly, the exit code stands', async () => {
    let writes = 0;
    const run = io({ write: () => { writes++; throw errno('EPIPE', -32); } });
    expect(await main(args, run.io)).toBe(0);
    expect(run.stderr()).toBe('');
    expect(writes).toBe(1);
  });

  test('a full disk (ENOSPC) or any other write error: one line, exit 2', async () => {
    const full = io({ write: () => { throw errno('ENOSPC', -28); } });
    expect(await main(args, full.io)).toBe(2);
    expect(full.stderr()).toBe('cdk8s-netpol: cannot write to standard output: no space left on device (ENOSPC)\n');
    const io2 = io({ write: () => { throw errno('EIO', -5); } });
    expect(await main(args, io2.io)).toBe(2);
    expect(io2.stderr()).toBe('cdk8s-netpol: cannot write to standard output: i/o error (EIO)\n');
  });

  test('GuardedOutput: errors reported by the stream\'s error event', () => {
    const out = new GuardedOutput({ write: () => true });
    out.failed(errno('EPIPE', -32));
    expect(out.closed).toBe(true);
    out.failed(new Error('write after end')); // what a closed stream says next
    const full = new GuardedOutput({ write: () => true });
    expect(() => full.failed(errno('ENOSPC', -28))).toThrow(new CliError('cannot write to standard output: no space left on device (ENOSPC)'));
  });
});
