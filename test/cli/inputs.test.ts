/** What every command reads: warnings and bad input, exit 2 without a stack trace (inputs.ts). */
import * as path from 'path';
import { expectNoStackTrace, FIXTURES, runCli } from './run-cli';

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
    // the content of what is not a Kubernetes object is never echoed (it may be a secret a link led to)
    ['not-an-object.yaml', /not-an-object\.yaml:6: document 2 is not a Kubernetes object but a text of 14 characters\n$/],
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
    expect(r.stderr).toBe('cdk8s-netpol: <stdin>:7: Pod default/p: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"\n');
    expectNoStackTrace(r.stderr);
  });
});
