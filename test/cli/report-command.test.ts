/** `cdk8s-netpol report` (report-command.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'lint', 'fixtures');
const run = (...argv: string[]) => runCli(argv);

describe('cdk8s-netpol report', () => {
  test.each(['md', 'mermaid', 'dot', 'html', 'json'])('--format %s', async (format) => {
    const r = await run('report', path.join(FIXTURES, 'pr'), '--format', format);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(format === 'json' ? '"shop/frontend"' : 'frontend');
  });

  test('-o FILE writes the file', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-report-')), 'r.html');
    const r = await run('report', path.join(FIXTURES, 'pr'), '--format', 'html', '-o', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('cdk8s-netpol report at scale', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-report-scale-'));
  const file = path.join(dir, 'cluster.json');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCluster } = require('../../bench/cluster') as typeof import('../../bench/cluster');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateClusterPolicies } = require('../../bench/cluster-tiers') as typeof import('../../bench/cluster-tiers');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...generateCluster(300).manifests, ...generateClusterPolicies(5)] }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--format md fits a comment; --md-limit makes it smaller', async () => {
    const full = await run('report', file);
    expect(full.code).toBe(0);
    expect(Buffer.byteLength(full.stdout)).toBeLessThanOrEqual(65536);
    expect(full.stdout).toContain('### Cluster policies');
    const small = await run('report', file, '--md-limit', '20000');
    expect(small.code).toBe(0);
    expect(Buffer.byteLength(small.stdout)).toBeLessThanOrEqual(20000);
    expect(small.stdout).toContain('**Left out** to fit in 20,000 characters');
  });

  test.each(['100', 'abc', '-5', '1e6'])('--md-limit %s: exit 2, saying what is valid', async (value) => {
    const r = await run('report', file, '--md-limit', value);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--md-limit "${value}": expected a whole number of characters, at least 2000`);
  });

  test('--format json -o FILE: the whole model, every connection, the cluster policies', async () => {
    const out = path.join(dir, 'r.json');
    const r = await run('report', file, '--format', 'json', '-o', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json.endpoints.length).toBeGreaterThan(300);
    expect(json.connections.length).toBeGreaterThan(1000);
    expect(json.clusterPolicies).toHaveLength(5);
    const stdout = await run('report', file, '--format', 'json');
    expect(stdout.stdout).toBe(fs.readFileSync(out, 'utf8'));
  });

  test('--format json -o into a missing directory: exit 2, one line', async () => {
    const r = await run('report', file, '--format', 'json', '-o', path.join(dir, 'no', 'such', 'r.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*r\.json: no such file or directory \(ENOENT\)/);
  });
});
