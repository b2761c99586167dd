/**
 * What every command agrees on (issue 12, item 7): the name of plain output, what `-f` means,
 * and `-o/--output FILE`.
 */
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
