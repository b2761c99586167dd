/**
 * What every command agrees on (issue 12, item 7): the name of plain output, what `-f` means,
 * and `-o/--output FILE`.
 */
import { runCli } from './run-cli';
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
