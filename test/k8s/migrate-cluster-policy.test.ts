import { Analysis, Inventory } from '../../src/engine';
import { formatPolicyError, validateClusterNetworkPolicy } from '../../src/k8s';
import {
  isV1alpha1ClusterPolicy, migrateClusterPolicy, migratedName, MIGRATED_BASELINE_NAME, MIGRATED_BASELINE_PRIORITY,
} from '../../src/k8s/migrate-cluster-policy';

const V1 = 'policy.networking.k8s.io/v1alpha1';
const ns = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

function anp(spec: any, metadata: any = { name: 'guard' }): any {
  return { apiVersion: V1, kind: 'AdminNetworkPolicy', metadata, spec: { priority: 10, subject: { namespaces: ns('shop') }, ...spec } };
}

function migrate(obj: any): any {
  const { object, errors } = migrateClusterPolicy(obj);
  expect(errors).toEqual([]);
  expect(validateClusterNetworkPolicy(object)).toEqual([]);
  return object;
}

/** The rule's v1alpha2 protocols for these v1alpha1 ports. */
const protocolsOf = (ports: any[]) => migrate(anp({ egress: [{ action: 'Allow', to: [{ namespaces: {} }], ports }] })).spec.egress[0].protocols;

describe('migrateClusterPolicy: each mapping', () => {
  test('AdminNetworkPolicy: Admin tier, the same name and priority, apiVersion v1alpha2', () => {
    const out = migrate(anp({}));
    expect(out).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'guard' },
      spec: { tier: 'Admin', priority: 10, subject: { namespaces: ns('shop') } },
    });
  });

  test('BaselineAdminNetworkPolicy default: Baseline tier, priority 1000 (the last), named baseline-default (or as asked)', () => {
    const banp = { apiVersion: V1, kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] } };
    expect(migrate(banp)).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: MIGRATED_BASELINE_NAME },
      spec: { tier: 'Baseline', priority: MIGRATED_BASELINE_PRIORITY, subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] },
    });
    expect(MIGRATED_BASELINE_NAME).toBe('baseline-default');
    expect(MIGRATED_BASELINE_PRIORITY).toBe(1000);
    expect(migrateClusterPolicy(banp, { baselineName: 'cluster-baseline' }).object.metadata.name).toBe('cluster-baseline');
    expect(migratedName(banp)).toBe('baseline-default');
    expect(migratedName(anp({}))).toBe('guard');
  });

  test('actions: Allow becomes Accept; Deny and Pass are kept; rule names kept', () => {
    const out = migrate(anp({
      ingress: [{ name: 'a', action: 'Allow', from: [{ namespaces: {} }] }, { action: 'Deny', from: [{ namespaces: {} }] }],
      egress: [{ name: 'p', action: 'Pass', to: [{ namespaces: {} }] }],
    }));
    expect(out.spec.ingress.map((r: any) => [r.name, r.action])).toEqual([['a', 'Accept'], [undefined, 'Deny']]);
    expect(out.spec.egress.map((r: any) => [r.name, r.action])).toEqual([['p', 'Pass']]);
  });

  test('portNumber: the protocol becomes the key (TCP when absent)', () => {
    expect(protocolsOf([
      { portNumber: { protocol: 'TCP', port: 80 } }, { portNumber: { protocol: 'UDP', port: 53 } }, { portNumber: { protocol: 'SCTP', port: 9000 } },
      { portNumber: { port: 8080 } },
    ])).toEqual([
      { tcp: { destinationPort: { number: 80 } } }, { udp: { destinationPort: { number: 53 } } }, { sctp: { destinationPort: { number: 9000 } } },
      { tcp: { destinationPort: { number: 8080 } } },
    ]);
  });

  test('portRange: a range; one of a single port (start = end, which v1alpha2 refuses) a number', () => {
    expect(protocolsOf([{ portRange: { protocol: 'UDP', start: 1000, end: 2000 } }, { portRange: { start: 80, end: 80 } }])).toEqual([
      { udp: { destinationPort: { range: { start: 1000, end: 2000 } } } }, { tcp: { destinationPort: { number: 80 } } },
    ]);
  });

  test('namedPort: destinationNamedPort', () => {
    expect(protocolsOf([{ namedPort: 'http' }])).toEqual([{ destinationNamedPort: 'http' }]);
  });

  test('subject and every peer kind as written (pods, namespaces, nodes, networks, domainNames)', () => {
    const subject = { pods: { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] }, podSelector: { matchLabels: { app: 'web' } } } };
    const to = [
      { namespaces: ns('db') }, { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'x' } } } },
      { nodes: { matchLabels: { role: 'infra' } } }, { networks: ['10.0.0.0/8', 'fd00::/8'] }, { domainNames: ['*.example.com'] },
    ];
    const out = migrate(anp({ subject, egress: [{ action: 'Allow', to }] }));
    expect(out.spec.subject).toEqual(subject);
    expect(out.spec.egress[0].to).toEqual(to);
  });

  test('metadata: name, labels, annotations kept; what the API server sets, the namespace, last-applied and status dropped', () => {
    const out = migrate({
      ...anp({}, {
        name: 'guard',
        namespace: 'ignored',
        uid: 'u',
        resourceVersion: '12',
        generation: 3,
        creationTimestamp: '2026-01-01T00:00:00Z',
        managedFields: [],
        labels: { team: 'platform' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'owner': 'sre' },
      }),
      status: { conditions: [] },
    });
    expect(out.metadata).toEqual({ name: 'guard', labels: { team: 'platform' }, annotations: { owner: 'sre' } });
    expect(out.status).toBeUndefined();
  });

  test('generateName is kept when there is no name', () => {
    expect(migrate(anp({}, { generateName: 'guard-' })).metadata).toEqual({ generateName: 'guard-' });
  });

  test('the engine reads the migrated policy as it read the original: same tier, priority, rules and ports', () => {
    const original = anp({
      egress: [
        { name: 'dns', action: 'Allow', to: [{ namespaces: ns('kube-system') }], ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portRange: { start: 8000, end: 8000 } }] },
        { action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
      ],
    });
    const read = (obj: any) => {
      const inventory = new Inventory();
      inventory.addNamespace('shop', { 'kubernetes.io/metadata.name': 'shop' });
      inventory.addManifest(obj);
      const [p] = new Analysis(inventory).clusterPolicies;
      return { tier: p.tier, priority: p.priority, rules: p.egress.map((r) => [r.name, r.action, String(r.staticPorts), r.peers.map((x) => x.key)]) };
    };
    expect(read(migrate(original))).toEqual(read(original));
  });
});

describe('migrateClusterPolicy: what cannot be converted, named by field and value', () => {
  const errorsOf = (obj: any, options = {}) => migrateClusterPolicy(obj, options).errors.map(formatPolicyError);
  const many = (n: number, f: (i: number) => any) => Array.from({ length: n }, (_, i) => f(i));

  test('not a v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy', () => {
    expect(errorsOf({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy' })).toEqual([
      'kind: Unsupported value: "policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy": only policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy are converted',
    ]);
    expect(errorsOf(null)).toHaveLength(1);
    expect(isV1alpha1ClusterPolicy({ apiVersion: 'v1', kind: 'AdminNetworkPolicy' })).toBe(false);
  });

  test('an invalid input: the validator\'s errors, nothing converted (sameLabels was never a release-0.1 field)', () => {
    const result = migrateClusterPolicy(anp({ egress: [{ action: 'Allow', to: [{ namespaces: { sameLabels: ['team'] } }] }] }));
    expect(result.object).toBeUndefined();
    expect(result.errors.map(formatPolicyError)).toEqual([
      'spec.egress[0].to[0].namespaces.sameLabels: Unknown field: not a field of a label selector; known fields: matchLabels, matchExpressions',
    ]);
    expect(errorsOf(anp({ priority: 1001 }))).toEqual(['spec.priority: Invalid value: 1001: should be less than or equal to 1000']);
  });

  test('more than 25 rules of a direction', () => {
    expect(errorsOf(anp({ ingress: many(26, () => ({ action: 'Deny', from: [{ namespaces: {} }] })) }))).toEqual([
      'spec.ingress: Invalid value: 26: a ClusterNetworkPolicy has at most 25 ingress rules (v1alpha1 allowed 100): ' +
      'split this policy into two at adjacent priorities, the first 25 rules in the first',
    ]);
  });

  test('more than 25 peers in a rule', () => {
    expect(errorsOf(anp({ egress: [{ action: 'Deny', to: many(26, (i) => ({ namespaces: ns(`n${i}`) })) }] }))).toEqual([
      'spec.egress[0].to: Invalid value: 26: a ClusterNetworkPolicy rule has at most 25 peers (v1alpha1 allowed 100): ' +
      'split the rule into rules of at most 25 peers each, with the same action and ports, one after the other',
    ]);
  });

  test('more than 25 ports in a rule', () => {
    expect(errorsOf(anp({ egress: [{ action: 'Deny', to: [{ namespaces: {} }], ports: many(26, (i) => ({ portNumber: { protocol: 'TCP', port: i + 1 } })) }] }))).toEqual([
      'spec.egress[0].ports: Invalid value: 26: a ClusterNetworkPolicy rule has at most 25 protocols entries (v1alpha1 allowed 100 ports): ' +
      'split the rule into rules of at most 25 ports each, with the same action and peers, one after the other',
    ]);
  });

  test('a baseline name that is no valid name: the converted object\'s error', () => {
    const banp = { apiVersion: V1, kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: {} } } };
    expect(errorsOf(banp, { baselineName: 'Not_A_Name' })).toEqual([
      expect.stringMatching(/^metadata\.name: Invalid value: "Not_A_Name": \(in the converted ClusterNetworkPolicy\) /),
    ]);
  });

  test('never throws, whatever the input', () => {
    for (const bad of [undefined, 1, 'x', [], { kind: 'AdminNetworkPolicy', apiVersion: V1 }, { kind: 'AdminNetworkPolicy', apiVersion: V1, spec: [] }, anp({ egress: [null] })]) {
      expect(() => migrateClusterPolicy(bad)).not.toThrow();
      expect(migrateClusterPolicy(bad).errors.length).toBeGreaterThan(0);
    }
  });
});
