/**
 * `NetworkAssertions` on apps with cluster policies (ClusterNetworkPolicy written as raw
 * manifests: a cdk8s `ApiObject`, or YAML through `Include`-like text), `deniedByAdmin`, and
 * `hasConnectivity` (the whole table in one call).
 */
import { ApiObject, Testing } from 'cdk8s';
import { NetworkAssertions } from '../../src/reachability/assertions';
import { AssumedDns } from '../../src/reachability/network-model';
import { Protocol } from '../../src/vocabulary/protocol';

const V2 = 'policy.networking.k8s.io/v1alpha2';
const nsSelector = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

function cnp(name: string, spec: any): any {
  return { apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name }, spec };
}

function np(namespace: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

/** with their IPs: `networks` peers match pod IPs too, and the engine says so when it does not know them */
const pods = [
  { namespace: 'shop', name: 'web', labels: { app: 'web' }, ports: [{ port: 80 }], ip: '10.0.1.1' },
  { namespace: 'shop', name: 'api', labels: { app: 'api' }, ports: [{ port: 8080 }], ip: '10.0.1.2' },
  { namespace: 'team-b', name: 'job', labels: { app: 'job' }, ip: '10.0.2.1' },
];

/**
 * GIVEN an Admin Deny of the metadata address for every namespace but one exempted pod, a
 * Baseline default deny of ingress, and shop's own NetworkPolicies: web -> api on 8080, and an
 * egress allow-all for web that tries to re-open everything (metadata included)
 */
function chart() {
  const c = Testing.chart();
  new ApiObject(c, 'guard', cnp('block-metadata', {
    tier: 'Admin',
    priority: 10,
    subject: { namespaces: {} },
    egress: [
      { name: 'exempt-job', action: 'Pass', to: [{ networks: ['169.254.169.254/32'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] },
      { name: 'metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] },
    ],
  }));
  new ApiObject(c, 'baseline', cnp('baseline-deny', {
    tier: 'Baseline',
    priority: 100,
    subject: { namespaces: {} },
    ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
  }));
  new ApiObject(c, 'api-from-web', np('shop', 'api-from-web', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }],
  }));
  new ApiObject(c, 'web-anywhere', np('shop', 'web-egress-anywhere', {
    podSelector: { matchLabels: { app: 'web' } },
    policyTypes: ['Egress'],
    egress: [{}],
  }));
  return c;
}

// the tables below are of the input's own endpoints: no cluster DNS stand-in (one test shows it)
const net = () => NetworkAssertions.fromChart(chart(), { pods, namespaces: [{ name: 'shop' }, { name: 'team-b' }], assumedDns: AssumedDns.NONE });

describe('the existing assertions on an app with cluster policies', () => {
  test('allows, denies, allowsOnly, deniesAll and reachableOnlyFrom follow the tiers', () => {
    net()
      .allows('shop/web', 'shop/api', 8080) // NetworkPolicy allows, before the Baseline deny
      .denies('shop/web', 'shop/api', 80) // NetworkPolicy isolates api: nothing else
      .denies('team-b/job', 'shop/web', 80) // web has no ingress NetworkPolicy: the Baseline denies
      .denies('shop/web', '169.254.169.254', 80) // the Admin Deny, whatever web's egress NetworkPolicy says
      .allows('shop/web', '169.254.169.254', 443) // passed to NetworkPolicy, which allows it
      .allowsOnly('shop/web', '169.254.169.254', 'TCP 443')
      .allowsOnly('shop/web', '8.8.8.8', 'All Connections')
      .deniesAll('shop/api', 'shop/web')
      .reachableOnlyFrom('shop/api', 8080, ['shop/web']);
  });

  test('a failure names the tier that decided', () => {
    expect(() => net().allows('shop/web', '169.254.169.254', 80)).toThrow(/Expected shop\/web => 169\.254\.169\.254 on TCP 80 to be allowed\nDENIED: [^\n]*\n {2}egress: .*ClusterNetworkPolicy block-metadata spec\.egress\[1\] "metadata" \(Deny\)/);
    expect(() => net().allows('team-b/job', 'shop/web', 80)).toThrow(/ClusterNetworkPolicy baseline-deny spec\.ingress\[0\] \(Deny\)/);
  });

  test('the cluster policy may come as YAML text too (what cdk8s Include reads)', () => {
    const yaml = [
      'apiVersion: policy.networking.k8s.io/v1alpha2',
      'kind: ClusterNetworkPolicy',
      'metadata: { name: block-metadata }',
      'spec:',
      '  tier: Admin',
      '  priority: 10',
      '  subject: { namespaces: {} }',
      '  egress:',
      '    - action: Deny',
      '      to: [{ networks: [169.254.169.254/32] }]',
    ].join('\n');
    NetworkAssertions.fromYaml(yaml, { pods }).deniedByAdmin('shop/web', '169.254.169.254').allows('shop/web', '8.8.8.8', 53, Protocol.UDP);
  });
});

describe('deniedByAdmin: denied at the Admin tier, so that no NetworkPolicy can re-open it', () => {
  test('passes where an Admin Deny decides every port asked, on either side', () => {
    net()
      .deniedByAdmin('shop/web', '169.254.169.254', 'TCP 80')
      .deniedByAdmin('shop/web', '169.254.169.254', 'TCP 1-442,444-65535,UDP 1-65535,SCTP 1-65535')
      .deniedByAdmin('team-b/job', '169.254.169.254', 'UDP 53');
    // on the ingress side: an Admin Deny of ingress into api from team-b
    const c = chart();
    new ApiObject(c, 'isolate', cnp('isolate-shop', {
      tier: 'Admin',
      priority: 20,
      subject: { namespaces: nsSelector('shop') },
      ingress: [{ action: 'Deny', from: [{ namespaces: nsSelector('team-b') }] }],
    }));
    NetworkAssertions.fromChart(c, { pods }).deniedByAdmin('team-b/job', 'shop/api').deniedByAdmin('team-b/job', 'shop/web', 'TCP 80');
  });

  test('fails on a port the Admin tier passes to NetworkPolicy, with the explanation', () => {
    expect(() => net().deniedByAdmin('shop/web', '169.254.169.254')).toThrow(new RegExp(
      '^Expected shop/web => 169\\.254\\.169\\.254 on All Connections to be denied at the Admin tier \\(so that no NetworkPolicy can re-open it\\), ' +
      'but on TCP 443 it is not\nALLOWED: shop/web => 169\\.254\\.169\\.254 on TCP 443\n'));
    expect(() => net().deniedByAdmin('shop/web', '169.254.169.254', 'TCP 443')).toThrow(/"exempt-job" \(Pass\)/);
  });

  test('fails on a connection denied by a NetworkPolicy or the Baseline tier only (a namespace could re-open it)', () => {
    expect(() => net().deniedByAdmin('shop/web', 'shop/api', 'TCP 80')).toThrow(
      /^Expected shop\/web => shop\/api on TCP 80 to be denied at the Admin tier \(so that no NetworkPolicy can re-open it\), but on TCP 80 it is not\nDENIED: /);
    expect(() => net().deniedByAdmin('team-b/job', 'shop/web', 'TCP 80')).toThrow(/but on TCP 80 it is not\nDENIED: .*\n[^]*baseline-deny/);
  });

  test('fails on an allowed connection, and on one no policy decides (hostNetwork)', () => {
    expect(() => net().deniedByAdmin('shop/web', 'shop/api', 'TCP 8080')).toThrow(/but on TCP 8080 it is not\nALLOWED: /);
    const n = net().addPod({ namespace: 'shop', name: 'agent', hostNetwork: true });
    expect(() => n.deniedByAdmin('shop/agent', '169.254.169.254')).toThrow(/^Expected shop\/agent => 169\.254\.169\.254 on All Connections to be denied at the Admin tier .*, but no policy decides it: .*hostNetwork/);
  });

  test('fails when the Admin Deny rests on what the input does not say (a pod IP a networks rule needs)', () => {
    const c = Testing.chart();
    new ApiObject(c, 'guard', cnp('guard', {
      tier: 'Admin',
      priority: 1,
      subject: { namespaces: nsSelector('shop') },
      egress: [
        { action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }] },
        { action: 'Deny', to: [{ namespaces: nsSelector('team-b') }] },
      ],
    }));
    // team-b/job has no IP here: the Accept of 10.0.0.0/8 may match it
    const { ip: _ip, ...job } = pods[2];
    expect(() => NetworkAssertions.fromChart(c, { pods: [...pods.slice(0, 2), job] }).deniedByAdmin('shop/web', 'team-b/job', 'TCP 80')).toThrow(
      /^Expected shop\/web => team-b\/job on TCP 80 to be denied at the Admin tier \(so that no NetworkPolicy can re-open it\), but the verdict rests on what the input does not say:\n {2}ClusterNetworkPolicy guard spec\.egress\[0\]/);
    // with its IP outside 10/8, it holds
    NetworkAssertions.fromChart(c, { pods: [...pods.slice(0, 2), { ...pods[2], ip: '192.168.0.9' }] }).deniedByAdmin('shop/web', 'team-b/job', 'TCP 80');
  });

  test('a connection set that cannot be read: the parser\'s error', () => {
    expect(() => net().deniedByAdmin('shop/web', '169.254.169.254', 'HTTP 80')).toThrow(/HTTP/);
  });
});

describe('hasConnectivity: the whole table in one call', () => {
  // outside addresses may reach web and job (the Baseline denies ingress from pods only); every
  // pod reaches the metadata address on TCP 443 only (passed by the Admin tier, no egress NetworkPolicy but web's)
  const table = [
    'shop/web => shop/api : TCP 8080',
    'shop/web => 0.0.0.0-169.254.169.253 : All Connections',
    'shop/web => 169.254.169.254-169.254.169.254 : TCP 443',
    'shop/web => 169.254.169.255-255.255.255.255 : All Connections',
    'shop/api => 0.0.0.0-169.254.169.253 : All Connections',
    'shop/api => 169.254.169.254-169.254.169.254 : TCP 443',
    'shop/api => 169.254.169.255-255.255.255.255 : All Connections',
    'team-b/job => 0.0.0.0-169.254.169.253 : All Connections',
    'team-b/job => 169.254.169.254-169.254.169.254 : TCP 443',
    'team-b/job => 169.254.169.255-255.255.255.255 : All Connections',
    '0.0.0.0-255.255.255.255 => shop/web : All Connections',
    '0.0.0.0-255.255.255.255 => team-b/job : All Connections',
  ];

  test('by default the cluster DNS stands in, and its rows say (assumed)', () => {
    const rows = NetworkAssertions.fromChart(chart(), { pods, namespaces: [{ name: 'shop' }, { name: 'team-b' }] }).connectivityRows();
    expect(rows.filter((r) => r.includes('coredns'))).toEqual(expect.arrayContaining(['kube-system/coredns (assumed) => 169.254.169.254-169.254.169.254 : TCP 443']));
    expect(rows.filter((r) => r.includes('coredns')).every((r) => r.includes('kube-system/coredns (assumed)'))).toBe(true);
    expect(rows.filter((r) => !r.includes('coredns'))).toEqual(expect.arrayContaining(table));
  });

  test('passes on the table, in any order, with connections in any order and -> for =>', () => {
    expect([...net().connectivityRows()].sort()).toEqual([...table].sort());
    net().hasConnectivity([...table].reverse());
    net().hasConnectivity([...table.slice(1), 'shop/web -> shop/api : TCP 8080-8080', 'team-b/job => shop/web : No Connections']);
  });

  test('includeExternal: false compares the pairs of workloads only', () => {
    net().hasConnectivity(['shop/web => shop/api : TCP 8080'], { includeExternal: false });
    expect(net().connectivityRows({ includeExternal: false })).toEqual(['shop/web => shop/api : TCP 8080']);
  });

  test('a missing row', () => {
    expect(() => net().hasConnectivity([...table, 'shop/api => shop/web : TCP 80'])).toThrow(
      'Expected the connectivity table of 13 rows, but 12 rows are allowed:\n' +
      'missing: expected, not allowed (1):\n' +
      '  shop/api => shop/web : TCP 80');
  });

  test('an unexpected row', () => {
    expect(() => net().hasConnectivity(table.slice(1))).toThrow(
      'Expected the connectivity table of 11 rows, but 12 rows are allowed:\n' +
      'unexpected: allowed, not expected (1):\n' +
      '  shop/web => shop/api : TCP 8080');
    expect(() => net().hasConnectivity(['shop/web => shop/api : No Connections'], { includeExternal: false })).toThrow(
      'Expected the connectivity table of 1 row, but 1 row is allowed between workloads:\n' +
      'unexpected: allowed, not expected (1):\n' +
      '  shop/web => shop/api : TCP 8080');
  });

  test('different ports, each way, all kinds of difference at once', () => {
    expect(() => net().hasConnectivity(['shop/web => shop/api : TCP 80,8080', 'team-b/job => shop/api : TCP 8080'], { includeExternal: false })).toThrow(
      'Expected the connectivity table of 2 rows, but 1 row is allowed between workloads:\n' +
      'missing: expected, not allowed (1):\n' +
      '  team-b/job => shop/api : TCP 8080\n' +
      'different connections (1):\n' +
      '  shop/web => shop/api : expected TCP 80,8080, allowed TCP 8080 (not allowed: TCP 80)');
    expect(() => net().hasConnectivity(['shop/web => shop/api : UDP 53'], { includeExternal: false })).toThrow(
      '  shop/web => shop/api : expected UDP 53, allowed TCP 8080 (not allowed: UDP 53; also allowed: TCP 8080)');
  });

  test('rows that cannot be read, unknown endpoints (with a hint), a pair written twice', () => {
    expect(() => net().hasConnectivity(['shop/web to shop/api', 'shop/wbe => shop/api : TCP 80', 'shop/web => shop/api : HTTP', 'shop/web => shop/api : TCP 8080', 'shop/web=>shop/api:TCP 8080']))
      .toThrow(new RegExp([
        '^hasConnectivity: the expected table cannot be read:',
        '  row "shop/web to shop/api": not of the form "SOURCE => DESTINATION : CONNECTIONS" \\(e\\.g\\. "shop/web => shop/api : TCP 8080"\\)',
        '  row "shop/wbe => shop/api : TCP 80": unknown endpoint "shop/wbe"; did you mean "shop/web"\\?',
        '  row "shop/web => shop/api : HTTP": .*',
        '  row "shop/web=>shop/api:TCP 8080": shop/web => shop/api is written twice$',
      ].join('\n')));
  });
});
