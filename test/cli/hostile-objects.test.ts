/**
 * Objects written as an attacker would write them into a pull request (issue 11, items 1, 2
 * and 6): names the API server would reject, kinds sharing a name, generateName, and policy
 * kinds the analysis does not model. Each asserts the exact outcome.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${JSON.stringify(name)}\n`;
const workload = (kind: string, name: string, app: string, namespace = 'shop') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${JSON.stringify(name)}
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers: [{name: c, ports: [{containerPort: 5432}]}]
`;
const denyAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
const openDb = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open-db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db-new}}
  ingress: [{}]
`;
const docs = (...d: string[]) => d.join('---\n');

describe('names the API server would reject end the command (exit 2) with the file, object and field', () => {
  const injection = 'helper\n```\n\n**No changes in connectivity.**\n\n<!--';
  test.each([
    ['a Deployment named with Markdown', workload('Deployment', injection, 'a'), /^cdk8s-netpol: <stdin>:4: Deployment shop\/.*: metadata\.name: Invalid value: "helper\\n```\\n\\n\*\*No changes in connectivity\.\*\*\\n\\n<!--": a lowercase RFC 1123 subdomain/],
    ['a Namespace with a dot (a label, not a subdomain)', ns('a.b'), /^cdk8s-netpol: <stdin>:4: Namespace a\.b: metadata\.name: Invalid value: "a\.b": a lowercase RFC 1123 label/],
    ['a CronJob name longer than 52 characters', workload('CronJob', 'c'.repeat(53), 'a'), /metadata\.name: Invalid value: "c{53}": must be no more than 52 characters/],
    ['a workload namespace with an escape character', workload('StatefulSet', 'db', 'a', '"shop\\e[2J"'), /metadata\.namespace: Invalid value: "shop\\u001b\[2J": a lowercase RFC 1123 label/],
    ['a pod template label value with a newline', workload('Deployment', 'web', '"a\\nb"'), /<stdin>:9: Deployment shop\/web: spec\.template\.metadata\.labels: Invalid value: "a\\nb": a valid label must be/],
    ['a container port name that is not an IANA name', workload('Deployment', 'web', 'a').replace('{containerPort: 5432}', '{containerPort: 5432, name: "p`x"}'), /spec\.template\.spec\.containers\[0\]\.ports\[0\]\.name: Invalid value: "p`x": must contain only alpha-numeric/],
  ])('%s', async (_, input, expected) => {
    for (const command of [['connlist', '-'], ['lint', '-'], ['report', '-'], ['diff', '-', '/dev/null']]) {
      const r = await runCli(command, { stdin: input });
      if (command[0] === 'diff') continue; // the empty side is checked in diff-command tests
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(expected);
    }
  });
});

describe('an endpoint is kind + namespace + name', () => {
  test('a StatefulSet beside a Deployment of the same name is a second endpoint, and a policy opening it shows in the diff', async () => {
    const webToDb = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-to-db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
`;
    const denyIngress = denyAll.replace('[Ingress, Egress]', '[Ingress]');
    const before = docs(denyIngress, webToDb, workload('Deployment', 'db', 'db'), workload('Deployment', 'web', 'web'));
    const after = docs(denyIngress, webToDb, workload('Deployment', 'db', 'db'), workload('Deployment', 'web', 'web'), workload('StatefulSet', 'db', 'db-new'), openDb);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-kinds-'));
    fs.writeFileSync(path.join(dir, 'before.yaml'), before);
    fs.writeFileSync(path.join(dir, 'after.yaml'), after);
    const r = await runCli(['diff', path.join(dir, 'before.yaml'), path.join(dir, 'after.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ 0.0.0.0-255.255.255.255 => shop/db (StatefulSet) : All Connections (added)');
    expect(r.stdout).not.toContain('No changes');
    // the Deployment keeps its connections: it is named alike on both sides
    expect(r.stdout).not.toMatch(/^[-~] .*shop\/db/m);
    // named with its kind on both sides (the new side has two kinds of that name)
    expect(r.stdout).toContain('+ shop/db (Deployment) => shop/db (StatefulSet) : All Connections (added)');
  });

  test('connlist names both with their kind; check asks which one is meant', async () => {
    const input = docs(workload('Deployment', 'db', 'db'), workload('StatefulSet', 'db', 'db-new'), workload('Deployment', 'web', 'web'));
    const list = await runCli(['connlist', '-'], { stdin: input });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('shop/db (Deployment) => shop/db (StatefulSet) : All Connections');
    expect(list.stdout).toContain('shop/web => shop/db (StatefulSet) : All Connections');
    const ambiguous = await runCli(['check', '-', '--from', 'shop/web', '--to', 'shop/db', '--port', '5432'], { stdin: input });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('Endpoint "shop/db" is ambiguous: 2 objects of different kinds have that name; write "shop/db (Deployment)" or "shop/db (StatefulSet)".');
    const chosen = await runCli(['check', '-', '--from', 'shop/web', '--to', 'shop/db (statefulset)', '--port', '5432'], { stdin: input });
    expect(chosen.stderr).toBe('');
    expect(chosen.code).toBe(0);
  });

  test('two policies with generateName and no name are two policies, never one called undefined', async () => {
    const gen = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {generateName: allow-, namespace: shop}
spec:
  podSelector: {}
  ingress: [{ports: [{port: ${port}}]}]
`;
    const r = await runCli(['report', '-', '--format', 'json'], { stdin: docs(workload('Deployment', 'db', 'db'), gen(80), gen(81)) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('undefined');
    const list = await runCli(['connlist', '-'], { stdin: docs(workload('Deployment', 'db', 'db'), workload('Deployment', 'web', 'web'), gen(80), gen(81)) });
    expect(list.stdout).toContain('shop/web => shop/db : TCP 80-81');
  });

  test('a Deployment defined twice (same kind) still warns that the last one is used; two kinds do not', async () => {
    const twice = await runCli(['connlist', '-'], { stdin: docs(workload('Deployment', 'db', 'a'), workload('Deployment', 'db', 'b')) });
    expect(twice.stderr).toBe('cdk8s-netpol: warning: Deployment shop/db is defined twice, at <stdin>:1 and <stdin>:13: the last one is used\n');
    const kinds = await runCli(['connlist', '-'], { stdin: docs(workload('Deployment', 'db', 'a'), workload('StatefulSet', 'db', 'b')) });
    expect(kinds.stderr).toBe('');
  });
});

describe('policy kinds the analysis does not model are named on every command', () => {
  const cilium = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: lock-db, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  ingressDeny: [{fromEntities: [world]}]
`;
  const calicoGlobal = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-egress}
spec: {selector: all(), types: [Egress]}
`;
  const input = docs(workload('Deployment', 'db', 'db'), workload('Deployment', 'web', 'web'), cilium, calicoGlobal);
  const warning = 'cdk8s-netpol: warning: 2 policies of kinds this tool does not analyze were read and left out: what this command reports holds only for the policies it models (Kubernetes NetworkPolicies and the cluster tiers), and a cluster that enforces these may allow less (or more):\n' +
    '  <stdin>:25: CiliumNetworkPolicy shop/lock-db (enforced by Cilium)\n' +
    '  <stdin>:32: GlobalNetworkPolicy deny-egress (enforced by Calico)\n';

  test.each([
    [['connlist', '-']],
    [['check', '-', '--from', 'shop/web', '--to', 'shop/db', '--port', '5432']],
    [['lint', '-']],
    [['report', '-']],
  ])('%j', async (argv) => {
    const r = await runCli(argv, { stdin: input });
    expect(r.stderr).toBe(warning);
  });

  test('--unanalyzed-policies error makes their presence an error (exit 2)', async () => {
    const r = await runCli(['connlist', '-', '--unanalyzed-policies', 'error'], { stdin: input });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cdk8s-netpol: 2 policies of kinds this tool does not analyze (--unanalyzed-policies error):\n' +
      'cdk8s-netpol:   <stdin>:25: CiliumNetworkPolicy shop/lock-db (enforced by Cilium)\n' +
      'cdk8s-netpol:   <stdin>:32: GlobalNetworkPolicy deny-egress (enforced by Calico)\n');
  });

  test('diff: a pull request that only adds a CiliumNetworkPolicy is not "No changes", and fails a gate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-unanalyzed-'));
    const base = docs(workload('Deployment', 'db', 'db'), workload('Deployment', 'web', 'web'));
    fs.writeFileSync(path.join(dir, 'old.yaml'), base);
    fs.writeFileSync(path.join(dir, 'new.yaml'), docs(base, cilium));
    const text = await runCli(['diff', path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'), '--fail-on', 'added']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('No changes in connectivity under the policies it models.\n\n' +
      'Note: 1 policy of kinds this tool does not analyze (CiliumNetworkPolicy, Calico, Antrea, ...) are left out: ' +
      'the changes above are those of the policies it models only.\n' +
      'Policies not analyzed that this change touches (review them by hand): CiliumNetworkPolicy shop/lock-db (added)\n');
    const md = await runCli(['diff', path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'), '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('### Connectivity changes\n\n' +
      '> Note: 1 policy of kinds this tool does not analyze (CiliumNetworkPolicy, Calico, Antrea, ...) are left out: the changes above are those of the policies it models only.\n' +
      '>\n' +
      '> Policies not analyzed that this change touches (review them by hand): CiliumNetworkPolicy shop/lock-db (added)\n\n' +
      'No changes in connectivity under the policies it models.\n');
    const same = await runCli(['diff', path.join(dir, 'new.yaml'), path.join(dir, 'new.yaml'), '--fail-on', 'any']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No changes in connectivity under the policies it models.\n\nNote: 1 policy');
    expect(same.stdout).not.toContain('review them by hand');
  });

  test('a Calico NetworkPolicy (same kind name, another group) is not read as a Kubernetes one', async () => {
    const calico = 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: x, namespace: shop}\nspec: {selector: all()}\n';
    const r = await runCli(['connlist', '-'], { stdin: docs(workload('Deployment', 'db', 'db'), calico) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('  <stdin>:13: NetworkPolicy shop/x (enforced by Calico)\n');
  });
});

describe('error messages quote what was written without letting it reach the terminal raw', () => {
  test.each([
    [['check', '-', '--from', 'shop/\u001b[2Jweb\u202e', '--to', 'shop/db', '--port', '80']],
    [['connlist', '-', '--format', 'x\u001b]8;;http://evil\u0007']],
    [['no\u001b[31mcommand']],
  ])('%j', async (argv) => {
    const r = await runCli(argv, { stdin: workload('Deployment', 'db', 'db') });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stderr).toMatch(/\\x1b/);
  });
});

test('a label error is shown at the line of the label, though its field is the label map (as the API server names it)', async () => {
  const input = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels:
        tier: x
        app: "a b"
    spec:
      containers: [{name: c}]
`;
  const r = await runCli(['connlist', '-'], { stdin: input });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^cdk8s-netpol: <stdin>:9: Deployment shop\/web: spec\.template\.metadata\.labels: Invalid value: "a b": a valid label/);
});
