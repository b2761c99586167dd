/**
 * The compiled program, run as users run it: `node lib/cli/main.js ...` in a child process.
 * Needs `lib/` from the jsii compile (`npx projen build` compiles before it tests, so CI always
 * has it); skipped, with the reason printed, when `lib/` is missing or older than the sources.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, SHOP } from './run-cli';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'lib', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function skipReason(): string | undefined {
  if (!fs.existsSync(BIN)) return 'lib/cli/main.js does not exist (run the jsii compile: npx projen compile)';
  if (fs.statSync(BIN).mtimeMs < newestSource(path.join(ROOT, 'src'))) {
    return 'lib/ is older than src/ (run the jsii compile: npx projen compile)';
  }
  return undefined;
}

const reason = skipReason();
if (reason) {
  // eslint-disable-next-line no-console
  console.log(`skipping the end-to-end CLI tests: ${reason}`);
}
const describeCompiled = reason ? describe.skip : describe;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describeCompiled('the compiled cdk8s-netpol program', () => {
  test('starts with a shebang, so that npm can link it as a command', () => {
    expect(fs.readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('check: exit 0 when allowed, 1 when denied', () => {
    const allowed = run(['check', SHOP, '--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/^ALLOWED: shop\/frontend => shop\/backend on TCP 8080\n/);
    const denied = run(['check', SHOP, '--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432']);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(/^DENIED: /);
  });

  test('connlist reads standard input', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'formats', 'list.yaml'), 'utf8');
    const r = run(['connlist', '-'], text);
    expect(r.code).toBe(0);
    // the input has no DNS pods: the cluster DNS stands in, named (assumed)
    expect(r.stdout).toBe([
      'kube-system/coredns (assumed) => web/nginx : TCP 80',
      'kube-system/coredns (assumed) => 0.0.0.0-255.255.255.255 : All Connections',
      'web/nginx => kube-system/coredns (assumed) : All Connections',
      'web/nginx => 0.0.0.0-255.255.255.255 : All Connections',
      '0.0.0.0-255.255.255.255 => kube-system/coredns (assumed) : All Connections',
      '0.0.0.0-255.255.255.255 => web/nginx : TCP 80',
      '',
    ].join('\n'));
    const none = run(['connlist', '-', '--assume-dns', 'none'], text);
    expect(none.stdout).toBe('web/nginx => 0.0.0.0-255.255.255.255 : All Connections\n0.0.0.0-255.255.255.255 => web/nginx : TCP 80\n');
  });

  test('invalid input: exit 2, one line, no stack trace', () => {
    const r = run(['connlist', path.join(FIXTURES, 'invalid', 'host-bits.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/host-bits\.yaml:11: NetworkPolicy shop\/host-bits: spec\.egress\[0\]\.to\[0\]\.ipBlock\.cidr: Invalid value: "10\.0\.0\.5\/8"/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test('a reader that goes away early (| head) is not an error', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" connlist "${SHOP}" | head -n 1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});
