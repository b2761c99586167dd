/**
 * What every command agrees on (issue 12, item 7): the name of plain output, what `-f` means,
 * and `-o/--output FILE`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, SHOP } from './run-cli';
import { COMMANDS } from '../../src/cli/commands';
import { commandHelp, OptionSpec } from '../../src/cli/framework';

const option = (command: string, name: string): OptionSpec | undefined =>
  COMMANDS.find((c) => c.name === command)!.options.find((o) => o.name === name);

describe('plain output is called text', () => {
  const withText = COMMANDS.filter((c) => c.options.some((o) => o.name === 'format' && o.choices?.includes('text')));

  test('on every command that has plain output (connlist and check too), with txt an alias of it', () => {
    expect(withText.map((c) => c.name).sort()).toEqual(['check', 'connlist', 'diff', 'lint']);
    for (const c of COMMANDS) {
      const format = option(c.name, 'format')!;
      expect(format.choices).not.toContain('txt');
      if (format.choices!.includes('text')) {
        expect(format.choiceAliases).toEqual({ txt: 'text' });
        expect(format.default).toBe('text');
      }
    }
  });

  test.each(['check', 'connlist', 'diff', 'lint'])('%s --help lists text and says txt is an alias of it', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--format F +output format \(one of: text, [^)]*; txt is an alias of text; default: text\)\n/);
    expect(r.stdout).toBe(commandHelp('cdk8s-netpol', COMMANDS.find((c) => c.name === command)!));
  });

  test('report has no plain output: no text and no alias', async () => {
    expect(option('report', 'format')!.choiceAliases).toBeUndefined();
    expect((await runCli(['report', '--help'])).stdout).not.toContain('alias');
  });
});

describe('-f means --format', () => {
  test('on every command, and each letter means one option on every command that has it', () => {
    for (const c of COMMANDS) expect(option(c.name, 'format')!.short).toBe('f');
    const meanings = new Map<string, Set<string>>();
    for (const c of COMMANDS) {
      const letters = c.options.filter((o) => o.short).map((o) => o.short!);
      expect(new Set(letters).size).toBe(letters.length);
      for (const o of c.options.filter((x) => x.short)) meanings.set(o.short!, new Set([...meanings.get(o.short!) ?? [], o.name]));
    }
    for (const [letter, names] of meanings) expect([letter, [...names]]).toEqual([letter, [[...names][0]]]);
    expect(option('check', 'from')!.short).toBeUndefined();
  });

  test.each(COMMANDS.map((c) => c.name))('%s --help shows -f, --format', async (command) => {
    expect((await runCli([command, '--help'])).stdout).toMatch(/\n {2}-f, --format F {2,}output format/);
  });

  test.each([
    ['connlist', ['-f', 'json'], (out: string) => expect(JSON.parse(out)).toContainEqual({ from: 'shop/frontend', to: 'shop/backend', connections: 'TCP 8080' })],
    ['report', ['-f', 'json'], (out: string) => expect(JSON.parse(out).title).toBe('NetworkPolicy reachability')],
    ['lint', ['-f', 'sarif'], (out: string) => expect(JSON.parse(out).version).toBe('2.1.0')],
    ['check', ['-f', 'json', '--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080'], (out: string) => expect(JSON.parse(out).verdict).toBe('allowed')],
    ['diff', ['-f', 'json', SHOP], (out: string) => expect(JSON.parse(out)).toEqual([])],
  ] as const)('%s -f F is --format F', async (command, args, expectOutput) => {
    const r = await runCli([command, SHOP, ...args]);
    expect(r.code).toBe(0);
    expectOutput(r.stdout);
  });
});

describe('-o/--output FILE on every command that prints a result', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-output-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const runs: ReadonlyArray<readonly [string, readonly string[], number]> = [
    ['connlist', [SHOP], 0],
    ['check', [SHOP, '--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432'], 1],
    ['lint', [path.join(__dirname, '..', 'lint', 'fixtures', 'broken')], 1],
    ['report', [SHOP], 0],
    ['diff', [path.join(SHOP, 'workloads.yaml'), SHOP], 0],
    ['migrate', [SHOP, '--all'], 0],
  ];

  test('every such command has it, as -o, --output FILE', () => {
    expect(COMMANDS.filter((c) => option(c.name, 'output')).map((c) => c.name).sort()).toEqual(runs.map(([c]) => c).sort());
    for (const [c] of runs) expect(option(c, 'output')).toMatchObject({ short: 'o', type: 'string', placeholder: 'FILE' });
  });

  test.each(runs)('%s -o FILE: the file holds what stdout would, nothing on stdout, the exit code unchanged', async (command, args, code) => {
    const plain = await runCli([command, ...args]);
    expect(plain.code).toBe(code);
    for (const spelling of [['-o'], ['--output']]) {
      const file = path.join(dir, `${command} result ${spelling[0]}.out`);
      const r = await runCli([command, ...args, ...spelling, file]);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(fs.readFileSync(file, 'utf8')).toBe(plain.stdout);
      if (command !== 'lint') expect(r.stderr).toContain(`cdk8s-netpol: wrote ${file}\n`);
    }
  });

  test.each(runs)('%s -o FILE on a terminal: no colour codes in the file', async (command, args) => {
    const file = path.join(dir, `${command}-tty.out`);
    const r = await runCli([command, ...args, '-o', file], { tty: true, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe((await runCli([command, ...args])).stdout);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('\u001b[');
  });

  test('the colours stay on the terminal without -o', async () => {
    const [command, args] = runs[1];
    expect((await runCli([command, ...args], { tty: true })).stdout).toContain('\u001b[31m');
  });

  test.each(runs)('%s -o into a missing directory: one line, exit 2', async (command, args) => {
    const file = path.join(dir, 'no such dir', 'x.out');
    const r = await runCli([command, ...args, '-o', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cdk8s-netpol: cannot write ${file}: no such file or directory (ENOENT)\n`);
  });

  test.each(runs)('%s --help shows -o, --output FILE', async (command) => {
    expect((await runCli([command, '--help'])).stdout).toMatch(/\n {2}-o, --output FILE {2,}write (.* )?to FILE instead of stdout/);
  });
});
