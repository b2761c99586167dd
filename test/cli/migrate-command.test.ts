/** `cdk8s-netpol migrate` (migrate-command.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { expectNoStackTrace, runCli, SHOP } from './run-cli';
import { validateClusterNetworkPolicy } from '../../src/k8s';
import { readYaml } from '../../src/manifests/yaml-reader';

const GUARD = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: shop-guard
  labels:
    team: platform
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: "{}"
spec:
  priority: 10
  subject:
    namespaces:
      matchLabels:
        kubernetes.io/metadata.name: shop
  egress:
    - name: no-metadata
      action: Deny
      to:
        - networks: ["169.254.169.254/32", "fd00:ec2::254/128"]
    - name: dns
      action: Allow
      to:
        - pods:
            namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
      ports:
        - portNumber: {protocol: UDP, port: 53}
        - portRange: {protocol: TCP, start: 53, end: 53}
    - name: to-db
      action: Pass
      to:
        - pods:
            namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: shop
            podSelector:
              matchLabels:
                app: db
      ports:
        - namedPort: postgres
        - portRange: {start: 8000, end: 9000}
    - name: vendors
      action: Allow
      to:
        - domainNames: ["*.example.com", "yes.example.com"]
    - action: Deny
      to:
        - networks: ["0.0.0.0/0"]
`;

const BASELINE = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces:
      matchExpressions:
        - {key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}
  ingress:
    - name: deny-all
      action: Deny
      from:
        - namespaces: {}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-migrate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A directory holding these files; returns its path. */
function inputDir(name: string, files: Record<string, string>): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(d, f), text);
  return d;
}

const POLICIES = inputDir('policies', { 'cluster.yaml': `${GUARD}---\n${BASELINE}` });

describe('migrate: the converted objects', () => {
  test('GIVEN an AdminNetworkPolicy and the BaselineAdminNetworkPolicy THEN two ClusterNetworkPolicies, as YAML (snapshot)', async () => {
    const r = await runCli(['migrate', POLICIES]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split(POLICIES).join('<dir>')).toMatchSnapshot();
  });

  test('the YAML is valid v1alpha2, reads back the same with kubectl\'s rules and with the yaml package, and is the same on every run', async () => {
    const { stdout } = await runCli(['migrate', POLICIES]);
    const own = readYaml(stdout).documents.map((d) => d.value);
    expect(own.map((o: any) => [o.kind, o.metadata.name, o.spec.tier, o.spec.priority])).toEqual([
      ['ClusterNetworkPolicy', 'shop-guard', 'Admin', 10],
      ['ClusterNetworkPolicy', 'baseline-default', 'Baseline', 1000],
    ]);
    for (const o of own) expect(validateClusterNetworkPolicy(o)).toEqual([]);
    expect(parseAllDocuments(stdout).map((d) => d.toJS())).toEqual(own);
    expect((await runCli(['migrate', POLICIES])).stdout).toBe(stdout);
  });

  test('--format json: a List of the same objects', async () => {
    const yamlOut = await runCli(['migrate', POLICIES]);
    const r = await runCli(['migrate', POLICIES, '-f', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.kind).toBe('List');
    expect(list.items).toEqual(readYaml(yamlOut.stdout).documents.map((d) => d.value));
  });

  test('--baseline-name names the converted baseline', async () => {
    const r = await runCli(['migrate', POLICIES, '--baseline-name', 'cluster-defaults']);
    expect(r.code).toBe(0);
    expect(readYaml(r.stdout).documents.map((d: any) => d.value.metadata.name)).toEqual(['shop-guard', 'cluster-defaults']);
  });

  test('from stdin, with the comment naming <stdin>', async () => {
    const r = await runCli(['migrate', '-'], { stdin: GUARD });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['---', '# converted from AdminNetworkPolicy shop-guard (<stdin>:1) by cdk8s-netpol migrate']);
  });
});

describe('migrate: hostile text in what is copied stays data', () => {
  test('an annotation with a line break and YAML in it, a key that reads as a boolean: quoted, read back as written', async () => {
    const obj: any = readYaml(GUARD).documents[0].value;
    obj.metadata.annotations = { 'note': 'a\nkind: Secret\n---\n', 'yes': 'on', 'x/y': '\u202eevil' };
    const r = await runCli(['migrate', '-'], { stdin: JSON.stringify(obj) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: "a\\nkind: Secret\\n---\\n"');
    expect(r.stdout).toContain('"yes": "on"');
    expect(r.stdout).toContain('x/y: "\\u202eevil"');
    const [out] = readYaml(r.stdout).documents.map((d) => d.value) as any[];
    expect(out.metadata.annotations).toEqual({ 'note': 'a\nkind: Secret\n---\n', 'yes': 'on', 'x/y': '\u202eevil' });
    expect(parseAllDocuments(r.stdout)).toHaveLength(1);
  });
});

describe('migrate --all: the whole input, the v1alpha1 policies replaced, the verdicts unchanged', () => {
  const shop = ['namespaces.yaml', 'workloads.yaml', 'policies.yaml'].map((f) => fs.readFileSync(path.join(SHOP, f), 'utf8'));
  const APP = inputDir('app', { 'a-shop.yaml': shop.join('\n---\n'), 'b-cluster.yaml': `${GUARD}---\n${BASELINE}` });

  test('every other object passes through unchanged, in its order', async () => {
    const r = await runCli(['migrate', APP, '--all']);
    expect(r.code).toBe(0);
    const out = readYaml(r.stdout).documents.map((d) => d.value);
    const input = parseAllDocuments(fs.readFileSync(path.join(APP, 'a-shop.yaml'), 'utf8')).map((d) => d.toJS());
    expect(out.slice(0, input.length)).toEqual(input);
    expect(out.slice(input.length).map((o: any) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy shop-guard',
      'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy baseline-default',
    ]);
  });

  test('connlist of the input and of the migrated output are the same, line for line', async () => {
    const file = path.join(dir, 'migrated.yaml');
    expect((await runCli(['migrate', APP, '--all', '-o', file])).stderr).toBe(`cdk8s-netpol: wrote ${file}\n`);
    const before = await runCli(['connlist', APP]);
    const after = await runCli(['connlist', file]);
    expect(before.code).toBe(0);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(before.stdout).toContain('shop/backend => shop/db : TCP 5432'); // something is allowed
    // and a denied one stays denied, at the Admin tier
    const check = await runCli(['check', file, '--from', 'shop/frontend', '--to', '169.254.169.254', '--port', '80']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('ClusterNetworkPolicy shop-guard');
  });

  test('without v1alpha1 policies: everything passes through, a note says so', async () => {
    const r = await runCli(['migrate', SHOP, '--all']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cdk8s-netpol: note: no v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy found: \d+ objects passed through unchanged\n$/);
    expect(readYaml(r.stdout).documents.length).toBeGreaterThan(3);
  });
});

describe('migrate: errors name the file, line, object, field and value (exit 2)', () => {
  const fails = async (args: string[], options = {}) => {
    const r = await runCli(['migrate', ...args], options);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectNoStackTrace(r.stderr);
    return r.stderr;
  };

  test('no v1alpha1 policy in the input', async () => {
    expect(await fails([SHOP])).toBe(`cdk8s-netpol: no policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy found in ${SHOP}\n`);
  });

  test('an invalid v1alpha1 policy: the validator\'s error at its line', async () => {
    const d = inputDir('invalid', { 'x.yaml': GUARD.replace('action: Pass', 'action: Accept') });
    expect(await fails([d])).toBe(`cdk8s-netpol: ${path.join(d, 'x.yaml')}:34: AdminNetworkPolicy shop-guard: ` +
      'spec.egress[2].action: Unsupported value: "Accept": supported values: "Allow", "Deny", "Pass"\n');
  });

  test('a policy v1alpha2 cannot hold: more than 25 rules', async () => {
    const rules = Array.from({ length: 26 }, () => '    - action: Deny\n      from:\n        - namespaces: {}\n').join('');
    const text = `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: big\nspec:\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n${rules}`;
    expect(await fails(['-'], { stdin: text })).toBe('cdk8s-netpol: <stdin>:10: AdminNetworkPolicy big: spec.ingress: Invalid value: 26: ' +
      'a ClusterNetworkPolicy has at most 25 ingress rules (v1alpha1 allowed 100): split this policy into two at adjacent priorities, the first 25 rules in the first\n');
  });

  test('two objects that would get one ClusterNetworkPolicy name', async () => {
    const d = inputDir('names', {
      'a.yaml': GUARD.replace('name: shop-guard', 'name: baseline-default'),
      'b.yaml': BASELINE,
    });
    expect(await fails([d])).toBe(`cdk8s-netpol: ${path.join(d, 'b.yaml')}:1: BaselineAdminNetworkPolicy default would be ClusterNetworkPolicy baseline-default, ` +
      `as AdminNetworkPolicy baseline-default at ${path.join(d, 'a.yaml')}:1 is: rename one of them (--baseline-name)\n`);
    const v2 = 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: shop-guard\nspec:\n  tier: Admin\n  priority: 3\n  subject:\n    namespaces: {}\n';
    const e = inputDir('names-v2', { 'a.yaml': v2, 'b.yaml': GUARD });
    expect(await fails([e])).toContain(`${path.join(e, 'b.yaml')}:1: AdminNetworkPolicy shop-guard would be ClusterNetworkPolicy shop-guard, as ClusterNetworkPolicy shop-guard at ${path.join(e, 'a.yaml')}:1 is: rename one of them\n`);
  });

  test('a Baseline ClusterNetworkPolicy of priority 1000 in the input: the converted baseline would tie with it', async () => {
    const v2 = 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: late\nspec:\n  tier: Baseline\n  priority: 1000\n  subject:\n    namespaces: {}\n';
    const d = inputDir('tie', { 'a.yaml': v2, 'b.yaml': BASELINE });
    expect(await fails([d])).toBe(`cdk8s-netpol: ${path.join(d, 'a.yaml')}:7: ClusterNetworkPolicy late has priority 1000 in the Baseline tier, ` +
      `where the converted BaselineAdminNetworkPolicy default (${path.join(d, 'b.yaml')}:1) goes: the baseline came after every Baseline ClusterNetworkPolicy, ` +
      'and two policies of one priority are applied in an order upstream leaves to the implementation; give ClusterNetworkPolicy late a lower priority\n');
  });

  test('text YAML cannot hold (a lone surrogate, from JSON input): refused, saying why', async () => {
    const obj = JSON.parse(JSON.stringify(readYaml(GUARD).documents[0].value));
    obj.metadata.annotations = { note: 'x' };
    const text = JSON.stringify(obj).replace('"note":"x"', '"note":"\\ud800"');
    expect(await fails(['-'], { stdin: text })).toBe('cdk8s-netpol: <stdin>, document 1: AdminNetworkPolicy shop-guard: ' +
      'YAML writer: a lone surrogate (U+d800) is no character: text with one cannot be written as YAML\n');
  });

  test('an unreadable path, and a bad option', async () => {
    expect(await fails([path.join(dir, 'nope')])).toContain('no such file or directory');
    expect(await fails([POLICIES, '-f', 'text'])).toContain('"text" is not one of yaml, json');
  });
});

describe('migrate --help', () => {
  test('usage, what it converts, the options and an example', async () => {
    const r = await runCli(['migrate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cdk8s-netpol migrate PATHS... [--all] [--format yaml|json] [-o FILE]');
    expect(r.stdout).toContain('Allow becomes Accept');
    expect(r.stdout).toMatch(/--baseline-name NAME +the name of the ClusterNetworkPolicy/);
    expect(r.stdout).toContain('cdk8s-netpol migrate cluster-policies/ -o cluster-network-policies.yaml');
  });

  test('listed in the tool\'s help', async () => {
    expect((await runCli(['--help'])).stdout).toContain('migrate');
  });
});
