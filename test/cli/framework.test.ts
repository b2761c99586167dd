import {
  checkArgs,
  colorEnabled,
  commandHelp,
  CommandSpec,
  makeStyle,
  parseArgs,
  UsageError,
} from '../../src/cli/framework';
import { editDistance } from '../../src/text';

const SPEC: CommandSpec = {
  name: 'demo',
  summary: 'A demo command.',
  usage: 'PATHS... --name N',
  options: [
    { name: 'name', short: 'n', type: 'string', placeholder: 'N', description: 'a name', required: true },
    { name: 'format', type: 'string', description: 'format', choices: ['a', 'b'], default: 'a' },
    { name: 'strict', type: 'flag', description: 'be strict' },
    { name: 'rule', type: 'list', placeholder: 'ID', description: 'a rule' },
    { name: 'port', type: 'string', description: 'a number' },
  ],
  minPositionals: 1,
  maxPositionals: 2,
  positionalName: 'PATHS',
  examples: ['demo x --name y', 'cat x | cdk8s-netpol demo - --name y'],
  load: () => ({ run: () => 0 }),
};

function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseArgs', () => {
  test('long, short, inline and separate values; flags; lists; positionals anywhere', () => {
    const args = parseArgs(SPEC, ['a.yaml', '--name', 'x', '--strict', '-', '--rule=NP001', '--rule', 'NP002', '--format=b']);
    expect(args).toEqual({
      positionals: ['a.yaml', '-'],
      options: { name: 'x', strict: true, rule: ['NP001', 'NP002'], format: 'b' },
    });
    expect(parseArgs(SPEC, ['-n', 'x']).options.name).toBe('x');
    expect(parseArgs(SPEC, ['-nx']).options.name).toBe('x');
  });

  test('-- ends the options', () => {
    expect(parseArgs(SPEC, ['--name', 'x', '--', '--strict', '-n']).positionals).toEqual(['--strict', '-n']);
  });

  test('a negative number is a value, not an option', () => {
    expect(parseArgs(SPEC, ['--port', '-1']).options.port).toBe('-1');
  });

  test('errors: unknown option (with a suggestion), missing value, bad choice, repeated option, value on a flag', () => {
    expect(usageError(() => parseArgs(SPEC, ['--nmae', 'x']))).toBe('unknown option --nmae (did you mean --name?)');
    expect(usageError(() => parseArgs(SPEC, ['--bogus']))).toBe('unknown option --bogus');
    expect(usageError(() => parseArgs(SPEC, ['-z']))).toBe('unknown option -z');
    expect(usageError(() => parseArgs(SPEC, ['--name']))).toBe('option --name needs a value (N)');
    expect(usageError(() => parseArgs(SPEC, ['--name', '--strict']))).toBe('option --name needs a value (N)');
    expect(usageError(() => parseArgs(SPEC, ['--format', 'c']))).toBe('option --format: "c" is not one of a, b');
    expect(usageError(() => parseArgs(SPEC, ['--name', 'a', '--name', 'b']))).toBe('option --name was given twice');
    expect(usageError(() => parseArgs(SPEC, ['--strict=yes']))).toBe('option --strict takes no value');
  });

  test('common options: --help and --no-color', () => {
    expect(parseArgs(SPEC, ['-h']).options.help).toBe(true);
    expect(parseArgs(SPEC, ['--no-color']).options['no-color']).toBe(true);
  });
});

describe('parseArgs: the rules of the command line', () => {
  const OUT: Pick<CommandSpec, 'name' | 'options'> = {
    name: 'out',
    options: [
      { name: 'output', short: 'o', type: 'string', placeholder: 'FILE', description: 'a file' },
      { name: 'format', short: 'f', type: 'list', description: 'formats', choices: ['a', 'b'] },
      { name: 'strict', short: 's', type: 'flag', description: 'be strict' },
      { name: 'port', type: 'string', description: 'a number' },
    ],
  };

  test('-o FILE, -oFILE, -o=FILE, --output FILE and --output=FILE are the same', () => {
    for (const argv of [['-o', 'r.html'], ['-or.html'], ['-o=r.html'], ['--output', 'r.html'], ['--output=r.html']]) {
      expect(parseArgs(OUT, argv)).toEqual({ positionals: [], options: { output: 'r.html' } });
    }
  });

  test('an inline value is everything after the first =, and may be empty; a separate value may be "" or -', () => {
    expect(parseArgs(OUT, ['--output=a=b']).options.output).toBe('a=b');
    expect(parseArgs(OUT, ['-o==b']).options.output).toBe('=b');
    expect(parseArgs(OUT, ['--output=']).options.output).toBe('');
    expect(parseArgs(OUT, ['--output', '']).options.output).toBe('');
    expect(parseArgs(OUT, ['-o', '-']).options.output).toBe('-');
    expect(parseArgs(OUT, ['--port', '-5', '-o', '-1x']).options).toEqual({ port: '-5', output: '-1x' });
  });

  test('-- ends the options: everything after it is a positional, -- itself is not', () => {
    expect(parseArgs(OUT, ['--', '-o', 'x', '--strict', '-', '--'])).toEqual({ positionals: ['-o', 'x', '--strict', '-', '--'], options: {} });
    expect(parseArgs(OUT, ['a', '-s', '--', 'b'])).toEqual({ positionals: ['a', 'b'], options: { strict: true } });
    expect(parseArgs(OUT, ['', 'a'])).toEqual({ positionals: ['', 'a'], options: {} });
  });

  test('-- and other options are not values', () => {
    expect(usageError(() => parseArgs(OUT, ['-o', '--', 'x']))).toBe('option --output needs a value (FILE)');
    expect(usageError(() => parseArgs(OUT, ['--output', '-s']))).toBe('option --output needs a value (FILE)');
    expect(usageError(() => parseArgs(OUT, ['-o']))).toBe('option --output needs a value (FILE)');
    expect(usageError(() => parseArgs(OUT, ['--port']))).toBe('option --port needs a value');
    expect(usageError(() => parseArgs(OUT, ['x', '--port', '--output', 'y']))).toBe('option --port needs a value');
  });

  test('flags: repeating one is fine, a value on one (also -sx, -s=) is an error', () => {
    expect(parseArgs(OUT, ['--strict', '-s', '--strict']).options).toEqual({ strict: true });
    expect(usageError(() => parseArgs(OUT, ['--strict=']))).toBe('option --strict takes no value');
    expect(usageError(() => parseArgs(OUT, ['-sx']))).toBe('option --strict takes no value');
    expect(usageError(() => parseArgs(OUT, ['-s=1']))).toBe('option --strict takes no value');
    expect(usageError(() => parseArgs(OUT, ['-so', 'x']))).toBe('option --strict takes no value');
    expect(usageError(() => parseArgs(OUT, ['-hx']))).toBe('option --help takes no value');
  });

  test('lists: every value is kept, in order, each checked against the choices', () => {
    expect(parseArgs(OUT, ['-f', 'a']).options.format).toEqual(['a']);
    expect(parseArgs(OUT, ['-fb', '--format=a', '--format', 'b']).options.format).toEqual(['b', 'a', 'b']);
    expect(usageError(() => parseArgs(OUT, ['-f', 'a', '--format=c']))).toBe('option --format: "c" is not one of a, b');
    expect(usageError(() => parseArgs(OUT, ['-f=']))).toBe('option --format: "" is not one of a, b');
  });

  test('a string option given twice is an error, also when the first one was inline', () => {
    expect(usageError(() => parseArgs(OUT, ['--output=a', '-o', 'b']))).toBe('option --output was given twice');
    expect(usageError(() => parseArgs(OUT, ['-o', '', '-ob']))).toBe('option --output was given twice');
  });

  test('unknown options: the whole argument for a short one, the name before = for a long one; with a hint', () => {
    expect(usageError(() => parseArgs(OUT, ['-zfoo']))).toBe('unknown option -zfoo');
    expect(usageError(() => parseArgs(OUT, ['-1']))).toBe('unknown option -1');
    expect(usageError(() => parseArgs(OUT, ['--bogus=1']))).toBe('unknown option --bogus');
    expect(usageError(() => parseArgs(OUT, ['--outptu=x']))).toBe('unknown option --outptu (did you mean --output?)');
    expect(usageError(() => parseArgs(OUT, ['--out']))).toBe('unknown option --out (did you mean --output?)');
    expect(usageError(() => parseArgs(OUT, ['--stricter']))).toBe('unknown option --stricter (did you mean --strict?)');
    expect(usageError(() => parseArgs(OUT, ['--no-colour']))).toBe('unknown option --no-colour (did you mean --no-color?)');
    expect(usageError(() => parseArgs(OUT, ['--color']))).toBe('unknown option --color');
    expect(parseArgs(OUT, ['-oo']).options.output).toBe('o');
  });

  test('a very long unknown option: the hint costs nothing (bounded edit distance)', () => {
    const long = `--x${'y'.repeat(1_000_000)}`;
    const start = process.hrtime.bigint();
    expect(usageError(() => parseArgs(OUT, [long]))).toBe(`unknown option ${long}`);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(500);
  });

  test('errors come in the order of the arguments', () => {
    expect(usageError(() => parseArgs(OUT, ['--bogus', '--output']))).toBe('unknown option --bogus');
    expect(usageError(() => parseArgs(OUT, ['--output', '--bogus']))).toBe('option --output needs a value (FILE)');
    expect(usageError(() => parseArgs(OUT, ['-f', 'c', '--bogus']))).toBe('option --format: "c" is not one of a, b');
    expect(usageError(() => parseArgs(OUT, ['--strict=1', '-z']))).toBe('option --strict takes no value');
  });
});

describe('choice aliases', () => {
  const ALIASED: CommandSpec = {
    ...SPEC,
    options: [{ name: 'format', short: 'f', type: 'string', description: 'format', choices: ['text', 'json'], choiceAliases: { txt: 'text' }, default: 'text' }],
  };

  test('an alias is read as the choice it names, in every spelling of the option', () => {
    for (const argv of [['--format', 'txt'], ['--format=txt'], ['-f', 'txt'], ['-ftxt']]) {
      expect(parseArgs(ALIASED, argv).options.format).toBe('text');
    }
    expect(parseArgs(ALIASED, ['-f', 'text']).options.format).toBe('text');
    expect(parseArgs(ALIASED, ['-f', 'json']).options.format).toBe('json');
  });

  test('errors list the choices, and the alias only as an alias', () => {
    expect(usageError(() => parseArgs(ALIASED, ['-f', 'yaml']))).toBe('option --format: "yaml" is not one of text, json (txt is an alias of text)');
    // what is not an own key of the aliases is no alias
    expect(usageError(() => parseArgs(ALIASED, ['-f', 'constructor']))).toBe('option --format: "constructor" is not one of text, json (txt is an alias of text)');
    expect(usageError(() => parseArgs(ALIASED, ['-f', 'TXT']))).toBe('option --format: "TXT" is not one of text, json (txt is an alias of text)');
  });

  test('the help says which name is an alias', () => {
    expect(commandHelp('cdk8s-netpol', ALIASED)).toMatch(/ {2}-f, --format VALUE +format \(one of: text, json; txt is an alias of text; default: text\)\n/);
  });

  test('shortMisuse: a value given with the letter that is no choice says what the letter is, and what was meant', () => {
    const misused: CommandSpec = { ...ALIASED, options: [{ ...ALIASED.options[0], shortMisuse: 'use --from for the source' }] };
    expect(usageError(() => parseArgs(misused, ['-f', 'shop/web']))).toBe('-f is --format; use --from for the source ("shop/web" is not one of text, json (txt is an alias of text))');
    expect(usageError(() => parseArgs(misused, ['-fshop/web']))).toMatch(/^-f is --format; use --from/);
    // the long name is not misread: the plain error
    expect(usageError(() => parseArgs(misused, ['--format', 'shop/web']))).toBe('option --format: "shop/web" is not one of text, json (txt is an alias of text)');
    expect(parseArgs(misused, ['-f', 'json']).options.format).toBe('json');
  });
});

describe('checkArgs', () => {
  test('required options and the number of positionals', () => {
    expect(usageError(() => checkArgs(SPEC, parseArgs(SPEC, ['a'])))).toBe('missing required option: --name N');
    expect(usageError(() => checkArgs(SPEC, parseArgs(SPEC, ['--name', 'x'])))).toBe('missing PATHS');
    expect(usageError(() => checkArgs(SPEC, parseArgs(SPEC, ['a', 'b', 'c', '--name', 'x'])))).toBe('expected at most 2 PATHS, got 3: a b c');
    expect(() => checkArgs(SPEC, parseArgs(SPEC, ['a', '--name', 'x']))).not.toThrow();
  });
});

describe('commandHelp', () => {
  test('usage, options with their choices and defaults, examples with the tool name, exit codes', () => {
    const help = commandHelp('cdk8s-netpol', SPEC);
    expect(help).toMatch(/^Usage: cdk8s-netpol demo PATHS\.\.\. --name N\n\nA demo command\.\n/);
    expect(help).toMatch(/ {2}-n, --name N +a name \(required\)\n/);
    expect(help).toMatch(/ {6}--format VALUE +format \(one of: a, b; default: a\)\n/);
    expect(help).toMatch(/ {6}--rule ID +a rule \(repeatable\)\n/);
    expect(help).toMatch(/ {2}-h, --help +show this help\n/);
    expect(help).toMatch(/Examples:\n {2}cdk8s-netpol demo x --name y\n {2}cat x \| cdk8s-netpol demo - --name y\n/);
    expect(help).toMatch(/Exit codes: 0 success, 2 unreadable or invalid input or bad usage\.\n$/);
  });
});

describe('colour', () => {
  test('colorEnabled: a terminal, and no NO_COLOR / --no-color / TERM=dumb; FORCE_COLOR wins', () => {
    expect(colorEnabled({ isTTY: true, write: () => true }, {}, false)).toBe(true);
    expect(colorEnabled({ isTTY: false, write: () => true }, {}, false)).toBe(false);
    expect(colorEnabled({ write: () => true }, {}, false)).toBe(false);
    expect(colorEnabled({ isTTY: true, write: () => true }, { NO_COLOR: '1' }, false)).toBe(false);
    expect(colorEnabled({ isTTY: true, write: () => true }, { NO_COLOR: '' }, false)).toBe(true);
    expect(colorEnabled({ isTTY: true, write: () => true }, {}, true)).toBe(false);
    expect(colorEnabled({ isTTY: true, write: () => true }, { TERM: 'dumb' }, false)).toBe(false);
    expect(colorEnabled({ isTTY: false, write: () => true }, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled({ isTTY: false, write: () => true }, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(false);
  });

  test('makeStyle is the identity when off', () => {
    expect(makeStyle(false).red('x')).toBe('x');
    expect(makeStyle(true).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

test('editDistance', () => {
  expect(editDistance('check', 'chek')).toBe(1);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('same', 'same')).toBe(0);
});
