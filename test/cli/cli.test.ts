import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, runCli, SHOP } from './run-cli';

const SHOP_CONNLIST = [
  'kube-system/coredns => 0.0.0.0-255.255.255.255 : All Connections',
  'shop/backend => kube-system/coredns : TCP 53,UDP 53',
  'shop/backend => shop/db : TCP 5432',
  'shop/db => kube-system/coredns : TCP 53,UDP 53',
  'shop/frontend => kube-system/coredns : TCP 53,UDP 53',
  'shop/frontend => shop/backend : TCP 8080',
  '0.0.0.0-9.255.255.255 => shop/frontend : TCP 80',
  '0.0.0.0-255.255.255.255 => kube-system/coredns : All Connections',
  '11.0.0.0-255.255.255.255 => shop/frontend : TCP 80',
];

/** No stack trace: no `    at fn (file:line)` frames, no `Error:` dumps. */
function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/^\s+at .+:\d+/m);
  expect(text).not.toMatch(/^\w*Error: /m);
}

describe('cdk8s-netpol (the tool)', () => {
  test('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cdk8s-netpol COMMAND/);
    expect(r.stdout).toMatch(/^ {2}check +Is one connection allowed\?/m);
    expect(r.stdout).toMatch(/^ {2}connlist +Every allowed connection/m);
    expect(r.stderr).toBe('');
    expect((await runCli(['-h'])).stdout).toBe(r.stdout);
    expect((await runCli(['help'])).stdout).toBe(r.stdout);
  });

  test('no arguments: the help on stderr, exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: cdk8s-netpol/);
  });

  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown command is a usage error with a suggestion', async () => {
    const r = await runCli(['chek', SHOP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdk8s-netpol: unknown command "chek" (did you mean check?); commands: ' +
      `${r.stderr.match(/commands: (.*)\n/)![1]}\nRun "cdk8s-netpol --help" for usage.\n`);
    expect(r.stderr).toMatch(/commands: check, connlist/);
  });

  test('each command has --help, and help COMMAND shows the same', async () => {
    for (const command of ['check', 'connlist']) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: cdk8s-netpol ${command} PATHS\\.\\.\\.`));
      expect(r.stdout).toMatch(/Options:\n/);
      expect(r.stdout).toMatch(/Exit codes: /);
      expect((await runCli(['help', command])).stdout).toBe(r.stdout);
      // --help wins over missing arguments
      expect((await runCli([command, '-h'])).code).toBe(0);
    }
  });
});

describe('check', () => {
  const check = (...args: string[]) => runCli(['check', SHOP, ...args]);

  test('GIVEN an allowed connection THEN ALLOWED with the rules that admit it, exit 0', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ALLOWED: shop/frontend => shop/backend on TCP 8080');
    expect(lines[1]).toMatch(/^ {2}egress: +shop\/frontend is isolated for egress by .*shop\/frontend egress rule 1 admits to shop\/backend on TCP 8080$/);
    expect(lines[2]).toMatch(/^ {2}ingress: +shop\/backend is isolated for ingress by .*shop\/backend ingress rule 1 admits from shop\/frontend on TCP 8080$/);
  });

  test('GIVEN a denied connection THEN DENIED naming the isolating policies, exit 1', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DENIED: shop\/frontend => shop\/db on TCP 5432\n/);
    expect(r.stdout).toMatch(/shop\/db is isolated for ingress by shop\/default-deny and shop\/db; no rule admits shop\/frontend on TCP 5432/);
  });

  test('the protocol matters, and is case-insensitive on the command line', async () => {
    expect((await check('--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '53', '--protocol', 'UDP')).code).toBe(0);
    expect((await check('--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '53', '--protocol', 'udp')).code).toBe(0);
    expect((await check('--from', 'shop/frontend', '--to', 'kube-system/coredns', '--port', '54', '--protocol', 'udp')).code).toBe(1);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080', '--protocol', 'SCTP')).code).toBe(1);
  });

  test('an address outside the cluster, and a named port of the destination', async () => {
    const r = await check('--from', '8.8.8.8', '--to', 'shop/frontend', '--port', 'http');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('ALLOWED: 8.8.8.8 => shop/frontend on TCP 80 (http is TCP 80 on shop/frontend)');
    // 10.0.0.0/8 is in the except list
    expect((await check('--from', '10.1.2.3', '--to', 'shop/frontend', '--port', '80')).code).toBe(1);
    // egress to the internet is not allowed from the backend
    expect((await check('--from', 'shop/backend', '--to', '169.254.169.254', '--port', '80')).code).toBe(1);
  });

  test('short options and --opt=value forms', async () => {
    expect((await runCli(['check', '-f', 'shop/frontend', '-t', 'shop/backend', '-p', '8080', SHOP])).code).toBe(0);
    expect((await runCli(['check', SHOP, '--from=shop/frontend', '--to=shop/backend', '--port=8080'])).code).toBe(0);
  });

  test('--format json gives the verdict and both sides', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ verdict: 'denied', from: 'shop/frontend', to: 'shop/db', protocol: 'TCP', port: 5432 });
    expect(json.ingress).toMatchObject({ endpoint: 'shop/db', isolated: true, allowed: false, policies: ['shop/default-deny', 'shop/db'] });
  });

  test('a pod to itself is not covered by NetworkPolicy: exit 3', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/frontend', '--port', '80');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^NOT COVERED: /);
  });

  test('an unknown endpoint is exit 2, naming the closest known ones', async () => {
    const r = await check('--from', 'shop/fronted', '--to', 'shop/backend', '--port', '8080');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cdk8s-netpol: .*shop\/fronted.*shop\/frontend/);
    expectNoStackTrace(r.stderr);
  });

  test('bad --port and --protocol values are exit 2 with what is expected', async () => {
    const port0 = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '0');
    expect(port0.code).toBe(2);
    expect(port0.stderr).toMatch(/--port 0: expected a port number 1-65535/);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '70000')).code).toBe(2);
    expect((await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', 'Bad Port')).stderr).toMatch(/expected a port number/);
    const proto = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', '80', '--protocol', 'ICMP');
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/--protocol "ICMP": expected TCP, UDP or SCTP/);
  });

  test('a port name the destination does not declare is exit 2, listing its named ports', async () => {
    const r = await check('--from', 'shop/frontend', '--to', 'shop/backend', '--port', 'http');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port http: shop\/backend declares no container port named "http"; its named ports: api \(TCP 8080\)/);
    expect(r.stderr).toMatch(/api \(TCP 8080\)/);
    const ext = await check('--from', 'shop/frontend', '--to', '1.1.1.1', '--port', 'http');
    expect(ext.stderr).toMatch(/outside the cluster: give a number/);
  });

  test('usage errors: missing options, missing PATHS, unknown option, missing value', async () => {
    const missing = await runCli(['check', SHOP, '--from', 'shop/frontend']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('cdk8s-netpol: missing required options: --to B, --port N\nRun "cdk8s-netpol check --help" for usage.\n');
    const noPaths = await runCli(['check', '--from', 'a/b', '--to', 'c/d', '--port', '80']);
    expect(noPaths.code).toBe(2);
    expect(noPaths.stderr).toMatch(/missing PATHS/);
    const unknown = await runCli(['check', SHOP, '--form', 'shop/frontend']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --form \(did you mean --from\?\)/);
    const noValue = await runCli(['check', SHOP, '--to', 'a/b', '--port', '80', '--from']);
    expect(noValue.stderr).toMatch(/option --from needs a value \(A\)/);
  });
});

describe('connlist', () => {
  test('GIVEN the shop THEN every allowed pair, sorted, external addresses as ranges split by the ipBlock', async () => {
    const r = await runCli(['connlist', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(SHOP_CONNLIST.join('\n') + '\n');
  });

  test('the same manifests from stdin give the same listing', async () => {
    const text = ['namespaces.yaml', 'workloads.yaml', 'policies.yaml'].map((f) => fs.readFileSync(path.join(SHOP, f), 'utf8')).join('\n---\n');
    const r = await runCli(['connlist', '-'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(SHOP_CONNLIST.join('\n') + '\n');
  });

  test('--format json', async () => {
    const r = await runCli(['connlist', SHOP, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(SHOP_CONNLIST.length);
    expect(json).toContainEqual({ from: 'shop/frontend', to: 'shop/backend', connections: 'TCP 8080' });
    expect(json[0]).toEqual({ from: 'kube-system/coredns', to: '0.0.0.0-255.255.255.255', connections: 'All Connections' });
  });

  test('--format md is a table', async () => {
    const r = await runCli(['connlist', SHOP, '--format', 'md']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['| from | to | connections |', '| --- | --- | --- |']);
    expect(lines).toContain('| shop/backend | kube-system/coredns | TCP 53,UDP 53 |');
    expect(lines).toHaveLength(SHOP_CONNLIST.length + 2);
  });

  test('--format csv quotes fields with commas', async () => {
    const r = await runCli(['connlist', SHOP, '-f', 'csv']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('from,to,connections');
    expect(lines).toContain('shop/backend,kube-system/coredns,"TCP 53,UDP 53"');
    expect(lines).toContain('shop/frontend,shop/backend,TCP 8080');
  });

  test('--focus keeps the connections from or to an endpoint or a namespace', async () => {
    const r = await runCli(['connlist', SHOP, '--focus', 'shop/backend']);
    expect(r.stdout).toBe([
      'shop/backend => kube-system/coredns : TCP 53,UDP 53',
      'shop/backend => shop/db : TCP 5432',
      'shop/frontend => shop/backend : TCP 8080',
    ].join('\n') + '\n');
    const ns = await runCli(['connlist', SHOP, '--focus', 'kube-system', '--focus', 'shop/db']);
    expect(ns.stdout.trimEnd().split('\n')).toEqual(SHOP_CONNLIST.filter((l) => /kube-system|shop\/db/.test(l)));
    const typo = await runCli(['connlist', SHOP, '--focus', 'shop/fronted']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/shop\/frontend/);
    const badNs = await runCli(['connlist', SHOP, '--focus', 'shp']);
    expect(badNs.code).toBe(2);
    expect(badNs.stderr).toBe('cdk8s-netpol: --focus shp: no workload in namespace "shp"; namespaces: kube-system, shop\n');
  });

  test('an unknown format is a usage error listing the choices', async () => {
    const r = await runCli(['connlist', SHOP, '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/option --format: "yaml" is not one of txt, json, md, csv/);
  });

  test('a List, a typed JSON list and a JSON object, with a warning for a non-Kubernetes file', async () => {
    const r = await runCli(['connlist', path.join(FIXTURES, 'formats')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*not-kubernetes\.json: skipped, it holds no Kubernetes object/);
    expect(r.stdout).toBe([
      'web/client => web/nginx : TCP 80',
      'web/client => 0.0.0.0-255.255.255.255 : All Connections',
      'web/nginx => 0.0.0.0-255.255.255.255 : All Connections',
      '0.0.0.0-255.255.255.255 => web/nginx : TCP 80',
    ].join('\n') + '\n');
  });

  test('hostNetwork workloads are left out, with a note on stderr', async () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: ops}
spec:
  hostNetwork: true
  containers: [{name: a, image: a}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: ops}
spec:
  containers: [{name: a, image: a}]
`;
    const r = await runCli(['connlist', '-'], { stdin: yaml });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/ops\/agent/);
    expect(r.stderr).toMatch(/note: ops\/agent uses hostNetwork: NetworkPolicy does not apply to it/);
  });
});

describe('warnings', () => {
  test('a NetworkPolicy defined twice: both places named, the last one used', async () => {
    const policy = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {}
  ingress: [{ports: [{port: ${port}}]}]
`;
    const r = await runCli(['connlist', '-'], { stdin: `${policy(80)}---\n${policy(81)}` });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('cdk8s-netpol: warning: NetworkPolicy shop/web is defined twice, at <stdin>:1 and <stdin>:8: the last one is used\n');
  });
});

describe('bad input: exit 2, one line per error naming the file, the object and the field, never a stack trace', () => {
  const cases: [string, RegExp][] = [
    ['bad-yaml.yaml', /bad-yaml\.yaml:8:\d+: invalid YAML: /],
    ['bad-json.json', /bad-json\.json:4:\d+: invalid JSON: /],
    ['not-an-object.yaml', /not-an-object\.yaml:6: document 2 is not a Kubernetes object but the text "just some text"/],
    ['bad-name.yaml', /bad-name\.yaml:4: NetworkPolicy shop\/Bad_Name: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/],
    ['bad-selector.yaml', /bad-selector\.yaml:9: NetworkPolicy shop\/bad-selector: spec\.podSelector\.matchExpressions\[0\]\.values: Required value/],
    ['lowercase-protocol.yaml', /lowercase-protocol\.yaml:10: NetworkPolicy shop\/lowercase-protocol: spec\.ingress\[0\]\.ports\[0\]\.protocol: Unsupported value: "tcp"/],
    ['quoted-port.yaml', /quoted-port\.yaml:10: NetworkPolicy shop\/quoted-port: spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: "8080": .*Did you mean the number 8080\?/],
    ['endport-below-port.yaml', /endport-below-port\.yaml:12: .*spec\.ingress\[0\]\.ports\[1\]\.endPort: Invalid value: 8000: must be greater than or equal to `port`/],
    ['endport-named.yaml', /endport-named\.yaml:11: .*spec\.egress\[0\]\.ports\[0\]\.endPort: Invalid value: 90: may not be specified when `port` is non-numeric/],
    ['empty-peer.yaml', /empty-peer\.yaml:10: .*spec\.ingress\[0\]\.from\[0\]: Required value: must specify a peer/],
    ['ipblock-and-selector.yaml', /ipblock-and-selector\.yaml:10: .*spec\.ingress\[0\]\.from\[0\]: Forbidden: may not specify both ipBlock and another peer/],
    ['bare-ip.yaml', /bare-ip\.yaml:11: .*ipBlock\.cidr: Invalid value: "10\.0\.0\.1": must be a valid CIDR value.*Did you mean "10\.0\.0\.1\/32"\?/],
    ['host-bits.yaml', /host-bits\.yaml:11: .*ipBlock\.cidr: Invalid value: "10\.0\.0\.5\/8": must not have bits set beyond the prefix length\. Did you mean "10\.0\.0\.0\/8"\?/],
    ['except-outside.yaml', /except-outside\.yaml:12: .*ipBlock\.except\[0\]: Invalid value: "192\.168\.0\.0\/16": must be a strict subset of `cidr`/],
    ['policy-types.yaml', /policy-types\.yaml:8: .*spec\.policyTypes\[0\]: Unsupported value: "ingress": supported values: "Ingress", "Egress"/],
    ['unknown-field.yaml', /unknown-field\.yaml:10: .*spec\.ingress\[0\]\.form: Unknown field: did you mean "from"\?/],
  ];

  test.each(cases)('%s', async (file, expected) => {
    for (const command of [['connlist'], ['check', '--from', 'shop/a', '--to', 'shop/b', '--port', '80']]) {
      const r = await runCli([...command, path.join(FIXTURES, 'invalid', file)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cdk8s-netpol: /);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expectNoStackTrace(r.stderr);
    }
  });

  test('a directory of invalid policies: every error is listed, the first unreadable file stops the run', async () => {
    const dir = path.join(FIXTURES, 'invalid');
    const r = await runCli(['connlist', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-json\.json:4:\d+: invalid JSON/);
  });

  test('several invalid policies in one input: one line each', async () => {
    const files = ['lowercase-protocol.yaml', 'bare-ip.yaml', 'empty-peer.yaml'].map((f) => path.join(FIXTURES, 'invalid', f));
    const r = await runCli(['connlist', ...files]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith('cdk8s-netpol: ') && /\.yaml:\d+: NetworkPolicy shop\//.test(l))).toBe(true);
  });

  test('a missing file', async () => {
    const r = await runCli(['connlist', 'no/such/file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdk8s-netpol: no/such/file.yaml: no such file or directory\n');
  });

  test('input with no Kubernetes object', async () => {
    const r = await runCli(['connlist', '-'], { stdin: '# nothing here\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdk8s-netpol: no Kubernetes object found in -\n');
  });

  test('a workload the engine cannot read names the object', async () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    ports: [{containerPort: 80, protocol: tcp}]\n';
    const r = await runCli(['connlist', '-'], { stdin: yaml });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-netpol: <stdin>:1: Pod default\/p: .*tcp/);
    expectNoStackTrace(r.stderr);
  });
});

describe('colour', () => {
  const args = ['check', SHOP, '--from', 'shop/frontend', '--to', 'shop/backend', '--port', '8080'];
  // eslint-disable-next-line no-control-regex
  const ANSI = /\u001b\[/;

  test('only on a terminal', async () => {
    expect((await runCli(args, { tty: true })).stdout).toMatch(ANSI);
    expect((await runCli(args, { tty: false })).stdout).not.toMatch(ANSI);
  });

  test('never with NO_COLOR, --no-color or TERM=dumb', async () => {
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli([...args, '--no-color'], { tty: true })).stdout).not.toMatch(ANSI);
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
  });

  test('FORCE_COLOR turns it on without a terminal', async () => {
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });
});
