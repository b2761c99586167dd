/** The tool: its help, version and command list, and colour (main.ts). */
import { runCli, SHOP } from './run-cli';

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
