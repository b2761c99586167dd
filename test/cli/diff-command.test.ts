/** `cdk8s-netpol diff` (diff-command.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'lint', 'fixtures');
const BASE = path.join(FIXTURES, 'base');
const PR = path.join(FIXTURES, 'pr');
const run = (...argv: string[]) => runCli(argv);

describe('cdk8s-netpol diff', () => {
  test('OLD NEW: a widened pair and a new one are opened, with the added ports; exit 0', async () => {
    const r = await run('diff', BASE, PR);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '+ shop/backend => shop/db : TCP 5433 (opened: TCP 5432 -> TCP 5432-5433)',
      '+ shop/frontend => shop/db : TCP 5432 (added)',
      '',
      'Opens 2 pairs (1 added, 1 widened); closes nothing.',
      '',
    ].join('\n'));
  });

  test('reversed: closed, with the removed ports', async () => {
    const r = await run('diff', PR, BASE);
    expect(r.stdout).toBe([
      '- shop/backend => shop/db : TCP 5433 (closed: TCP 5432-5433 -> TCP 5432)',
      '- shop/frontend => shop/db : TCP 5432 (removed)',
      '',
      'Opens nothing; closes 2 pairs (1 removed, 1 narrowed).',
      '',
    ].join('\n'));
  });

  // base -> pr opens only; pr -> base closes only; the same side twice changes nothing
  test.each([
    ['opened', 1, 0, 0],
    ['closed', 0, 1, 0],
    ['any', 1, 1, 0],
    ['added', 1, 0, 0], // alias of opened: a widening is something added
    ['removed', 0, 1, 0], // alias of closed
    ['opened,closed', 1, 1, 0],
    ['added,removed', 1, 1, 0],
  ])('--fail-on %s: exit %i when the change opens, %i when it closes, %i when nothing changes', async (value, onOpen, onClose, onNone) => {
    expect((await run('diff', BASE, PR, '--fail-on', value)).code).toBe(onOpen);
    expect((await run('diff', PR, BASE, '--fail-on', value)).code).toBe(onClose);
    expect((await run('diff', PR, PR, '--fail-on', value)).code).toBe(onNone);
  });

  test('--fail-on repeated is the union', async () => {
    expect((await run('diff', PR, BASE, '--fail-on', 'opened', '--fail-on', 'closed')).code).toBe(1);
  });

  test('without --fail-on: exit 0 whatever changes', async () => {
    expect((await run('diff', PR, BASE)).code).toBe(0);
  });

  test('a widening alone (TCP 8080 -> every port) fails --fail-on opened and added: the hole of issue 13', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-diff-'));
    const side = (ports: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]${ports}}]
`;
    fs.writeFileSync(path.join(dir, 'old.yaml'), side(', ports: [{port: 8080}]'));
    fs.writeFileSync(path.join(dir, 'new.yaml'), side(''));
    try {
      const r = await run('diff', path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'), '--fail-on', 'added');
      expect(r.stdout).toBe('+ shop/web => shop/api : SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535 (opened: TCP 8080 -> All Connections)\n\n' +
        'Opens 1 pair (0 added, 1 widened); closes nothing.\n');
      expect(r.code).toBe(1);
      expect((await run('diff', path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'), '--fail-on', 'opened')).code).toBe(1);
      expect((await run('diff', path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'), '--fail-on', 'closed')).code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--fail-on changed is retired with the replacements named; an unknown value lists the values; both exit 2', async () => {
    const changed = await run('diff', BASE, PR, '--fail-on', 'changed');
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('option --fail-on: "changed" is retired: a changed pair may open or close connections. ' +
      'Use --fail-on opened (anything the change opens, widenings included), closed, or any');
    const bad = await run('diff', BASE, PR, '--fail-on', 'widened');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('option --fail-on: "widened" is not one of opened, closed, any (added is an alias of opened; removed is an alias of closed)');
  });

  test('--help says what opened and closed mean and how the old names map', async () => {
    const help = (await run('diff', '--help')).stdout;
    expect(help).toContain('--fail-on opened fails on anything opened');
    expect(help).toContain('added is an alias of opened and removed\nof closed');
    expect(help).toContain('changed is retired');
  });

  test('--old/--new with several paths per side, --format md: the headline first, then the opened lines', async () => {
    const r = await run('diff', '--old', path.join(BASE, 'workloads.yaml'), '--old', path.join(BASE, 'policies.yaml'),
      '--new', path.join(PR, 'workloads.yaml'), '--new', path.join(PR, 'policies.yaml'), '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('### Connectivity changes\n\n**Opens 2 pairs (1 added, 1 widened); closes nothing.**\n\n' +
      '**Opened** (what the new side allows that the old did not):\n\n' +
      '```diff\n+ shop/backend => shop/db : TCP 5433 (opened: TCP 5432 -> TCP 5432-5433)\n+ shop/frontend => shop/db : TCP 5432 (added)\n```\n\n' +
      '**Closed** (what the old side allowed that the new does not): nothing.\n');
  });

  test('--format json: every change with opened and closed, the earlier fields kept', async () => {
    const r = await run('diff', BASE, PR, '--format', 'json');
    expect(JSON.parse(r.stdout)).toEqual([
      { change: 'changed', from: 'shop/backend', to: 'shop/db', before: 'TCP 5432', after: 'TCP 5432-5433', opened: 'TCP 5433', closed: 'No Connections' },
      { change: 'added', from: 'shop/frontend', to: 'shop/db', before: 'No Connections', after: 'TCP 5432', opened: 'TCP 5432', closed: 'No Connections' },
    ]);
  });

  test('bad usage: exit 2', async () => {
    expect((await run('diff', BASE)).code).toBe(2);
    expect((await run('diff', 'a', 'b', '--old', 'c')).code).toBe(2);
  });
});

describe('diff with the cluster DNS assumed (the input has no DNS pods)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-diff-dns-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const web = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\n';
  const denyEgress = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Egress]}\n';
  const allowDns = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: dns, namespace: shop}\n' +
    'spec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n' +
    '    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]\n';
  const oldFile = path.join(dir, 'old.yaml');
  const newFile = path.join(dir, 'new.yaml');
  fs.writeFileSync(oldFile, [web, denyEgress, allowDns].join('---\n'));
  fs.writeFileSync(newFile, [web, denyEgress].join('---\n'));

  test('a change that cuts DNS closes the connection to the stand-in, named (assumed)', async () => {
    const r = await run('diff', oldFile, newFile, '--fail-on', 'closed');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      '- shop/web => kube-system/coredns (assumed) : TCP 53,UDP 53 (removed)',
      '',
      'Opens nothing; closes 1 pair (1 removed, 0 narrowed).',
      '',
    ].join('\n'));
  });

  test('--assume-dns none: only the input\'s endpoints, so nothing changes', async () => {
    const r = await run('diff', oldFile, newFile, '--assume-dns', 'none', '--fail-on', 'closed');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No changes in connectivity/m);
  });
});
