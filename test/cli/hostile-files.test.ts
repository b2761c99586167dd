/**
 * The CLI on input written as an attacker would write it into a pull request: links out of the
 * tree, FIFOs and devices, text that is not UTF-8, a policy with 100,000 invalid peers, a 4 MB
 * field name. Each ends with exit 2 and one line naming the file (or a warning for what a
 * directory holds), bounded output, and nothing of what is outside the tree printed.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectNoStackTrace, runCli, SHOP } from './run-cli';

const SECRET = 's3cret-t0ken-do-not-print';

let work: string;
let dir: string;

beforeEach(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-hostile-')));
  dir = path.join(work, 'pr');
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(SHOP)) fs.copyFileSync(path.join(SHOP, f), path.join(dir, f));
  // outside the tree: a policy whose invalid name an error would quote, if it were ever read
  fs.writeFileSync(path.join(work, 'token.yaml'),
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "${SECRET.toUpperCase()}", namespace: shop}\nspec: {podSelector: {}}\n`);
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

function expectOneLine(stderr: string, line: string) {
  expect(stderr).toBe(`${line}\n`);
  expectNoStackTrace(stderr);
}

describe('links and special files', () => {
  test('a link to a token file outside the tree: skipped with one warning; the rest is analysed', async () => {
    fs.symlinkSync(path.join(work, 'token.yaml'), path.join(dir, 'x.yaml'));
    const r = await runCli(['connlist', dir]);
    expect(r.code).toBe(0);
    expectOneLine(r.stderr, `cdk8s-netpol: warning: ${dir}/x.yaml: skipped, a symbolic link that leads outside ${dir}`);
    expect((r.stdout + r.stderr).toLowerCase()).not.toContain(SECRET);
  });

  test('a FIFO named on the command line: exit 2, one line naming it (and no wait for a writer)', async () => {
    const fifo = path.join(dir, 'x.yaml');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['connlist', fifo]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, `cdk8s-netpol: ${fifo}: a FIFO (named pipe), not a regular file: only files, directories and - (standard input) are read`);
  });

  test('a FIFO found in a directory: skipped with a warning', async () => {
    execFileSync('mkfifo', [path.join(dir, 'x.yaml')]);
    const r = await runCli(['connlist', dir]);
    expect(r.code).toBe(0);
    expectOneLine(r.stderr, `cdk8s-netpol: warning: ${dir}/x.yaml: skipped, a FIFO (named pipe), not a regular file`);
  });

  test('/dev/zero named on the command line: exit 2, one line', async () => {
    const r = await runCli(['lint', '/dev/zero']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'cdk8s-netpol: /dev/zero: a character device, not a regular file: only files, directories and - (standard input) are read');
  });

  test('text that is not UTF-8: exit 2, one line with the file, line and column', async () => {
    const file = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata: {name: caf'), Buffer.from([0xe9]), Buffer.from('}\n')]));
    const r = await runCli(['connlist', dir]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, `cdk8s-netpol: ${file}:3:21: not valid UTF-8 text (byte 0xE9): manifests are read as UTF-8, as kubectl reads them`);
  });

  test('standard input given as bytes is decoded strictly too', async () => {
    const r = await runCli(['connlist', '-'], { stdin: Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28]) as unknown as string });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'cdk8s-netpol: <stdin>:1:4: not valid UTF-8 text (byte 0xC3): manifests are read as UTF-8, as kubectl reads them');
  });
});

describe('errors are bounded in number, length and cost', () => {
  const policy = (spec: unknown) => JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' }, spec });

  test('a NetworkPolicy whose ingress has 100,000 invalid `from` entries: at most 51 lines, each bounded, and how many more', async () => {
    const from = Array.from({ length: 100_000 }, () => ({ ipBlock: { cidr: 'nope' } }));
    const r = await runCli(['connlist', '-'], { stdin: policy({ podSelector: {}, ingress: [{ from }] }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(51);
    expect(lines[0]).toBe('cdk8s-netpol: <stdin>:1: NetworkPolicy shop/p: spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "nope": ' +
      'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)');
    for (const line of lines) expect(line.length).toBeLessThan(400);
    // every error is counted: 100,000 found, 50 shown
    expect(lines[lines.length - 1]).toBe('cdk8s-netpol: ... and 99950 more errors');
    expect(r.stderr.length).toBeLessThan(51 * 400);
  });

  test('a 4 MB unknown field name: one line of bounded length, at once', async () => {
    const start = Date.now();
    const r = await runCli(['connlist', '-'], { stdin: policy({ podSelector: {}, ['x'.repeat(4 * 1024 * 1024)]: 1 }) });
    expect(Date.now() - start).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cdk8s-netpol: <stdin>:1: NetworkPolicy shop\/p: spec\.x+… \(4194309 characters\): Unknown field: not a field of spec; /);
    expect(lines[0].length).toBeLessThan(1000);
  });

  test('a 4 MB value: quoted cut, saying how long it was', async () => {
    const r = await runCli(['connlist', '-'], { stdin: policy({ podSelector: {}, policyTypes: ['I'.repeat(4 * 1024 * 1024)] }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cdk8s-netpol: <stdin>:1: NetworkPolicy shop/p: spec.policyTypes[0]: Unsupported value: "${'I'.repeat(120)}…" (4194304 characters): ` +
      'supported values: "Ingress", "Egress"\n');
  });
});
