/**
 * The program's edges, in a real child process (the TypeScript sources, through ts-node, so
 * that no compile is needed): stdout closed early or on a full disk, an exception nobody
 * expected, standard input larger than the limit, and links to what must never be read.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHOP } from './run-cli';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
const PRELOAD = path.join(__dirname, 'process-edges-preload.js');
const SECRET = 'S3CRET-T0KEN-do-not-print';

jest.setTimeout(120_000);

/** The program, as a shell command line (node, ts-node, the sources). */
function program(preload?: string): string {
  return `"${process.execPath}" -r ts-node/register${preload ? ` -r "${preload}"` : ''} "${MAIN}"`;
}

/** Runs a bash script; the environment makes ts-node quick (no type check). */
function bash(script: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      // the secret first: /proc/self/environ starts with it
      CDK8S_TEST_SECRET: SECRET,
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: '1',
      TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json'),
      NO_COLOR: '1',
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-process-'));
  // 120 pods that all reach each other: about 14,000 lines of connlist, far more than a pipe holds
  const docs = Array.from({ length: 120 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: big, labels: {app: p${i}}}\nspec: {containers: [{name: c, image: x}]}\n`);
  fs.writeFileSync(path.join(work, 'big.yaml'), docs.join('---\n'));
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('standard output', () => {
  test('a reader that goes away early (| true, | head -1) ends the output quietly, with the command\'s exit code', () => {
    const big = path.join(work, 'big.yaml');
    for (const reader of ['true', 'head -n 1']) {
      const r = bash(`${program()} connlist "${big}" | ${reader}; exit \${PIPESTATUS[0]}`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  test('a full disk (> /dev/full): one line, exit 2, no stack', () => {
    const r = bash(`${program()} connlist "${SHOP}" > /dev/full`);
    expect(r.stderr).toBe('cdk8s-netpol: cannot write to standard output: no space left on device (ENOSPC)\n');
    expect(r.code).toBe(2);
  });

  test('a full disk with --output FILE: the same words', () => {
    const r = bash(`${program()} report "${SHOP}" -o /dev/full`);
    expect(r.stderr).toBe('cdk8s-netpol: cannot write /dev/full: no space left on device (ENOSPC)\n');
    expect(r.code).toBe(2);
  });
});

describe('an exception nobody expected', () => {
  test('one line, exit 70, no stack, nothing of the message\'s other lines', () => {
    const r = bash(`${program(PRELOAD)} connlist "${SHOP}"`);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cdk8s-netpol: internal error: the engine broke; please report it\n');
    expect(r.code).toBe(70);
  });

  test('the stack with CDK8S_NETPOL_DEBUG=1', () => {
    const r = bash(`${program(PRELOAD)} connlist "${SHOP}"`, { CDK8S_NETPOL_DEBUG: '1' });
    expect(r.stderr).toMatch(/^cdk8s-netpol: internal error: the engine broke; please report it\nError: the engine broke\n.*\n {4}at /);
    expect(r.code).toBe(70);
  });

  test('one thrown in a callback, after main: the same line and exit code', () => {
    const r = bash(`${program(PRELOAD)} --version`, { NETPOL_TEST_THROW_LATER: '1' });
    expect(r.stderr).toBe('cdk8s-netpol: internal error: a late callback broke; please report it\n');
    expect(r.code).toBe(70);
  });
});

describe('input the reader must not follow or must not read in full', () => {
  test('standard input from a pipe larger than 256 MiB: read in bounded chunks, one line, exit 2', () => {
    const r = bash(`head -c ${256 * 1024 * 1024 + 10} /dev/zero | ${program()} connlist -`);
    expect(r.stderr).toBe('cdk8s-netpol: <stdin>: larger than 256 MiB, the limit of one input\n');
    expect(r.code).toBe(2);
  });

  test('standard input from a file: its size is checked before reading', () => {
    const big = path.join(work, 'sparse.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 256 * 1024 * 1024 + 1);
    const r = bash(`${program()} connlist - < "${big}"`);
    expect(r.stderr).toBe('cdk8s-netpol: <stdin>: larger than 256 MiB, the limit of one input\n');
    expect(r.code).toBe(2);
  });

  test('a link to /proc/self/environ in a directory: skipped, the environment never printed', () => {
    const dir = path.join(work, 'pr');
    fs.mkdirSync(dir);
    for (const f of fs.readdirSync(SHOP)) fs.copyFileSync(path.join(SHOP, f), path.join(dir, f));
    fs.symlinkSync('/proc/self/environ', path.join(dir, 'x.yaml'));
    const r = bash(`${program()} connlist "${dir}"`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`cdk8s-netpol: warning: ${dir}/x.yaml: skipped, a symbolic link that leads outside ${dir}\n`);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stdout).toMatch(/shop\/frontend => shop\/backend/);
  });
});
