/**
 * The cluster tiers (SEMANTICS.md section 8), scenario by scenario: the tier order, Pass, the
 * NetworkPolicy tier, both sides of a connection, per port, subjects and peers (pod IPs, nodes,
 * domain names), what the engine says where it does not know, the same-priority reports, and
 * the explanations.
 */
import { Analysis, ConnSet, explainConnection, Inventory } from '../../src/engine';

const V2 = 'policy.networking.k8s.io/v1alpha2';
const V1 = 'policy.networking.k8s.io/v1alpha1';

function cnp(name: string, tier: 'Admin' | 'Baseline', priority: number, spec: any): any {
  return { apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier, priority, subject: { namespaces: {} }, ...spec } };
}
function anp(name: string, priority: number, spec: any): any {
  return { apiVersion: V1, kind: 'AdminNetworkPolicy', metadata: { name }, spec: { priority, subject: { namespaces: {} }, ...spec } };
}
function banp(spec: any): any {
  return { apiVersion: V1, kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: {} }, ...spec } };
}
function np(namespace: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}
const ns = (name: string) => ({ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
const tcp = (port: number) => ({ tcp: { destinationPort: { number: port } } });

/** shop/web (10.0.0.1), shop/db (10.0.0.2, port `pg` 5432), ops/agent (no IP), 1.2.3.4 outside. */
function analysis(objects: any[], extra: (inv: Inventory) => void = () => undefined): Analysis {
  const inv = new Inventory();
  inv.addNamespace('shop', { team: 'shop' });
  inv.addNamespace('ops', { team: 'ops' });
  inv.addPod({ namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.0.0.1' });
  inv.addPod({ namespace: 'shop', name: 'db', labels: { app: 'db' }, ip: '10.0.0.2', ports: [{ name: 'pg', port: 5432 }, { name: 'pg', port: 5432, protocol: 'UDP' }] });
  inv.addPod({ namespace: 'ops', name: 'agent', labels: { app: 'agent' } });
  extra(inv);
  for (const o of objects) inv.addManifest(o);
  return new Analysis(inv);
}
const str = (c: ConnSet) => c.toString();

describe('the tiers of one side', () => {
  test('Admin: rules in order, first match per port: Deny TCP 80 then Accept all = everything but TCP 80', () => {
    const a = analysis([cnp('guard', 'Admin', 10, {
      egress: [
        { action: 'Deny', to: [ns('shop')], protocols: [tcp(80)] },
        { action: 'Accept', to: [ns('shop')] },
      ],
    })]);
    expect(str(a.egressConnections('shop/web', 'shop/db'))).toBe('SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
    // Accept decides: a NetworkPolicy isolating shop/web for egress is not consulted for it
    const b = analysis([
      cnp('guard', 'Admin', 10, { egress: [{ action: 'Deny', to: [ns('shop')], protocols: [tcp(80)] }, { action: 'Accept', to: [ns('shop')] }] }),
      np('shop', 'deny-all', { podSelector: {}, policyTypes: ['Egress'] }),
    ]);
    expect(str(b.egressConnections('shop/web', 'shop/db'))).toBe('SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
    expect(str(b.egressConnections('shop/web', 'ops/agent'))).toBe('No Connections');
  });

  test('policies by priority, lower first, across kinds of one tier', () => {
    const a = analysis([
      anp('late', 20, { egress: [{ action: 'Allow', to: [ns('shop')] }] }),
      cnp('early', 'Admin', 10, { egress: [{ action: 'Deny', to: [ns('shop')], protocols: [tcp(5432)] }] }),
    ]);
    expect(a.clusterPolicies.map((p) => p.id)).toEqual(['ClusterNetworkPolicy early', 'AdminNetworkPolicy late']);
    expect(a.connections('shop/web', 'shop/db').contains('TCP', 5432)).toBe(false);
    expect(a.connections('shop/web', 'shop/db').contains('TCP', 5433)).toBe(true);
  });

  test('Pass in the Admin tier: NetworkPolicy decides when it isolates the pod; else the Baseline tier, else the default', () => {
    const pass = cnp('pass', 'Admin', 10, { egress: [{ action: 'Pass', to: [ns('shop')] }] });
    const baselineDeny = banp({ egress: [{ action: 'Deny', to: [ns('shop')], ports: [{ portNumber: { port: 5432 } }] }] });
    const npAllow = np('shop', 'web-to-db', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 5432 }] }] });
    expect(str(analysis([pass, npAllow, baselineDeny]).egressConnections('shop/web', 'shop/db'))).toBe('TCP 5432');
    expect(str(analysis([pass, baselineDeny]).egressConnections('shop/web', 'shop/db'))).toBe('SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535');
    expect(str(analysis([pass]).egressConnections('shop/web', 'shop/db'))).toBe('All Connections');
  });

  test('Pass in the Baseline tier (v1alpha2) skips the rest of the tier: the default allows', () => {
    const a = analysis([cnp('base', 'Baseline', 10, {
      egress: [
        { action: 'Pass', to: [ns('shop')], protocols: [tcp(80)] },
        { action: 'Deny', to: [ns('shop')] },
      ],
    })]);
    expect(str(a.egressConnections('shop/web', 'shop/db'))).toBe('TCP 80');
  });

  test('the NetworkPolicy tier decides all it is given when it isolates the pod: no fall-through to Baseline', () => {
    const a = analysis([
      np('shop', 'isolate', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80 }] }] }),
      banp({ ingress: [{ action: 'Allow', from: [{ namespaces: {} }] }] }),
    ]);
    expect(str(a.ingressConnections('shop/web', 'shop/db'))).toBe('TCP 80');
    expect(str(a.ingressConnections('shop/db', 'ops/agent'))).toBe('All Connections'); // ops is not isolated: the BANP allows
  });

  test('a connection needs both sides: the source\'s egress tiers and the destination\'s ingress tiers', () => {
    const a = analysis([
      cnp('out', 'Admin', 1, { egress: [{ action: 'Accept', to: [ns('shop')] }] }),
      cnp('in', 'Admin', 2, {
        subject: ns('shop'),
        ingress: [
          { action: 'Deny', from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } }], protocols: [tcp(443)] },
        ],
      }),
    ]);
    expect(str(a.egressConnections('shop/web', 'shop/db'))).toBe('All Connections');
    expect(str(a.ingressConnections('shop/web', 'shop/db'))).toBe('SCTP 1-65535,TCP 1-442,444-65535,UDP 1-65535');
    expect(str(a.connections('shop/web', 'shop/db'))).toBe('SCTP 1-65535,TCP 1-442,444-65535,UDP 1-65535');
  });

  test('named ports: the destination\'s container ports of that name, whatever their protocol', () => {
    const a = analysis([cnp('pg', 'Admin', 1, {
      egress: [
        { action: 'Accept', to: [ns('shop')], protocols: [{ destinationNamedPort: 'pg' }] },
        { action: 'Deny', to: [ns('shop')] },
      ],
    })]);
    expect(str(a.connections('shop/web', 'shop/db'))).toBe('TCP 5432,UDP 5432');
    expect(str(a.connections('shop/db', 'shop/web'))).toBe('No Connections'); // web has no port named pg
  });
});

describe('subjects and peers', () => {
  test('subject `pods`: namespaceSelector AND podSelector; hostNetwork pods are never subjects', () => {
    const a = analysis([cnp('db-only', 'Admin', 1, {
      subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'db' } } } },
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
    })], (inv) => inv.addPod({ namespace: 'shop', name: 'node-agent', labels: { app: 'db' }, hostNetwork: true, node: 'n1', ip: '192.168.0.10' }));
    expect(a.selectingClusterPolicies('shop/db', 'Ingress').map((p) => p.name)).toEqual(['db-only']);
    expect(a.selectingClusterPolicies('shop/web', 'Ingress')).toEqual([]);
    expect(a.selectingClusterPolicies('shop/node-agent', 'Ingress')).toEqual([]);
    expect(a.clusterSubjectPods(a.clusterPolicies[0]).map((p) => p.id)).toEqual(['shop/db']);
  });

  test('`networks` match pod IPs (0.0.0.0/0 covers every pod with an IP, unlike a v1 ipBlock); a pod without an IP: read as not matching, and said', () => {
    const a = analysis([cnp('no-internet', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] })]);
    expect(str(a.connections('shop/web', 'shop/db'))).toBe('No Connections');
    expect(str(a.connections('shop/web', '1.2.3.4'))).toBe('No Connections');
    expect(str(a.connections('shop/web', 'ops/agent'))).toBe('All Connections');
    expect(a.caveats('shop/web', 'ops/agent').map((c) => [c.kind, str(c.conns), c.text])).toEqual([[
      'pod-ip-unknown', 'All Connections',
      'ClusterNetworkPolicy no-internet spec.egress[0] (Deny) is read as not matching on All Connections, but its `networks` peer may match the pod\'s IP, which the input does not give',
    ]]);
    expect(a.caveats('shop/web', 'shop/db')).toEqual([]);
    expect(a.unknownAddressEndpoints().map((u) => u.reason)).toEqual(['ops/agent has no known IP: `networks` peers are read as not matching it']);
  });

  test('`nodes`: a hostNetwork pod on a matching node, and the node\'s address outside the cluster', () => {
    const policy = cnp('no-infra', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ nodes: { matchLabels: { role: 'infra' } } }] }] });
    const a = analysis([policy], (inv) => {
      inv.addNode({ name: 'n1', labels: { role: 'infra' }, addresses: ['192.168.0.10'] });
      inv.addNode({ name: 'n2', labels: { role: 'worker' }, addresses: ['192.168.0.11'] });
      inv.addPod({ namespace: 'ops', name: 'exporter', labels: {}, hostNetwork: true, node: 'n1', ip: '192.168.0.10' });
      inv.addPod({ namespace: 'ops', name: 'kubelet-proxy', labels: {}, hostNetwork: true, node: 'n2', ip: '192.168.0.11' });
    });
    expect(a.notCoveredReason('shop/web', 'ops/exporter')).toBeUndefined(); // the source's tiers decide
    expect(str(a.connections('shop/web', 'ops/exporter'))).toBe('No Connections');
    expect(str(a.connections('shop/web', 'ops/kubelet-proxy'))).toBe('All Connections');
    expect(str(a.connections('shop/web', '192.168.0.10'))).toBe('No Connections');
    expect(str(a.connections('shop/web', '192.168.0.12'))).toBe('All Connections');
    expect(a.notCoveredReason('ops/exporter', 'shop/web')).toMatch(/ops\/exporter uses hostNetwork/);
    expect(a.externalRangeEndpoints().map((r) => r.id)).toEqual([
      '0.0.0.0-192.168.0.9', '192.168.0.10-192.168.0.10', '192.168.0.11-192.168.0.11', '192.168.0.12-255.255.255.255',
    ]);
  });

  test('`nodes` without Node objects: addresses are read as no node\'s, and said', () => {
    const a = analysis([cnp('no-nodes', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ nodes: {} }] }] })]);
    expect(str(a.connections('shop/web', '1.2.3.4'))).toBe('All Connections');
    expect(a.caveats('shop/web', '1.2.3.4').map((c) => c.kind)).toEqual(['node-unknown']);
    expect(a.caveats('shop/web', 'shop/db')).toEqual([]); // a pod is no node
  });

  test('`domainNames`: recorded; never an IP or a pod; a destination named by the query', () => {
    const a = analysis([cnp('allowlist', 'Admin', 1, {
      egress: [
        { action: 'Accept', to: [{ domainNames: ['*.example.com', 'Kubernetes.IO.'] }], protocols: [tcp(443)] },
        { action: 'Deny', to: [{ networks: ['0.0.0.0/0', '::/0'] }] },
      ],
    })]);
    expect(a.domainNames().map((d) => d.name)).toEqual(['*.example.com', 'kubernetes.io']);
    expect(str(a.domainConnections('shop/web', 'api.example.com'))).toBe('TCP 443');
    expect(str(a.domainConnections('shop/web', 'kubernetes.io'))).toBe('TCP 443');
    expect(str(a.domainConnections('shop/web', 'example.com'))).toBe('No Connections'); // `*.` needs one more label
    expect(str(a.domainConnections('shop/web', 'example.org'))).toBe('No Connections');
    // an address: the domain rule is read as not matching it, with a caveat on the port it concerns
    expect(str(a.connections('shop/web', '1.2.3.4'))).toBe('No Connections');
    expect(a.caveats('shop/web', '1.2.3.4').map((c) => [c.kind, str(c.conns)])).toEqual([['domain-name', 'TCP 443']]);
    // a domain behind a CIDR that is not a whole family: its addresses are not known
    const b = analysis([cnp('cidr', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }] })]);
    expect(str(b.domainConnections('shop/web', 'api.example.com'))).toBe('All Connections');
    expect(b.domainTrace('shop/web', 'api.example.com').caveats.map((c) => c.kind)).toEqual(['domain-name']);
  });
});

describe('one priority twice in a tier: implementation-defined, reported, never picked silently', () => {
  const twins = [
    anp('b-deny', 50, { egress: [{ action: 'Deny', to: [ns('shop')], ports: [{ portNumber: { port: 5432 } }] }] }),
    anp('a-allow', 50, { egress: [{ action: 'Allow', to: [ns('shop')] }] }),
  ];

  test('samePriorityPairs lists the pair; samePriorityConflicts the connections whose verdict depends on the order', () => {
    const a = analysis(twins);
    expect(a.samePriorityPairs().map((p) => [p.tier, p.priority, p.policies.map((x) => x.name)])).toEqual([['Admin', 50, ['a-allow', 'b-deny']]]);
    const conflicts = a.samePriorityConflicts();
    expect(conflicts.map((c) => [c.direction, c.from.id, c.to.id, str(c.conns), c.field])).toEqual([['Egress', 'shop/web', 'shop/db', 'TCP 5432', 'spec.priority']]);
    expect(conflicts[0].text).toBe('AdminNetworkPolicy a-allow and AdminNetworkPolicy b-deny (Admin tier, priority 50) decide shop/web => shop/db on TCP 5432 ' +
      'differently: which one applies is up to the implementation (spec.priority)');
    expect(a.caveats('shop/web', 'shop/db').map((c) => [c.kind, str(c.conns)])).toEqual([['same-priority', 'TCP 5432']]);
    // the engine takes them by kind and name: a-allow first
    expect(a.connections('shop/web', 'shop/db').contains('TCP', 5432)).toBe(true);
  });

  test('two of one priority that agree are a pair, not a conflict', () => {
    const a = analysis([anp('x', 50, { egress: [{ action: 'Deny', to: [ns('shop')] }] }), anp('y', 50, { egress: [{ action: 'Deny', to: [{ namespaces: {} }] }] })]);
    expect(a.samePriorityPairs()).toHaveLength(1);
    expect(a.samePriorityConflicts()).toEqual([]);
  });
});

describe('explanations tell the tier path', () => {
  test('Admin Deny', () => {
    const a = analysis([cnp('shop-guard', 'Admin', 10, { egress: [{ name: 'no-http', action: 'Deny', to: [ns('shop')], protocols: [tcp(80)] }] })]);
    expect(explainConnection(a, 'shop/web', 'shop/db', 80).text).toBe([
      'DENIED: shop/web => shop/db on TCP 80',
      '  egress:  Admin tier: ClusterNetworkPolicy shop-guard spec.egress[0] "no-http" (Deny) denies TCP 80',
      '  ingress: Admin tier: no admin policy selects shop/db for ingress; NetworkPolicy tier: shop/db is not isolated for ingress ' +
        '(no NetworkPolicy selects it for ingress); Baseline tier: no baseline policy selects shop/db for ingress; default: allowed',
    ].join('\n'));
    const e = explainConnection(a, 'shop/web', 'shop/db', 80);
    expect(e.egress.decidedBy).toBe('Admin');
    expect(e.egress.tiers!.map((t) => [t.tier, t.outcome, t.policy, t.index])).toEqual([['Admin', 'denied', 'ClusterNetworkPolicy shop-guard', 0]]);
    expect(e.ingress.decidedBy).toBe('default');
  });

  test('passed to NetworkPolicy, which decides', () => {
    const a = analysis([
      anp('delegate', 10, { egress: [{ action: 'Pass', to: [ns('shop')] }] }),
      np('shop', 'web-out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 5432 }] }] }),
    ]);
    expect(explainConnection(a, 'shop/web', 'shop/db', 5432).egress.text).toBe('Admin tier: passed to NetworkPolicy by AdminNetworkPolicy delegate spec.egress[0] (Pass); ' +
      'NetworkPolicy tier: shop/web is isolated for egress by shop/web-out; shop/web-out spec.egress[0] admits to shop/db on TCP 5432');
    const denied = explainConnection(a, 'shop/web', 'shop/db', 80);
    expect(denied.allowed).toBe(false);
    expect(denied.egress.decidedBy).toBe('NetworkPolicy');
  });

  test('Baseline and the default', () => {
    const a = analysis([banp({ egress: [{ action: 'Deny', to: [ns('ops')] }] })]);
    expect(explainConnection(a, 'shop/web', 'ops/agent', 80).egress.text).toBe('Admin tier: no admin policy selects shop/web for egress; ' +
      'NetworkPolicy tier: shop/web is not isolated for egress (no NetworkPolicy selects it for egress); ' +
      'Baseline tier: BaselineAdminNetworkPolicy default spec.egress[0] (Deny) denies TCP 80');
    expect(explainConnection(a, 'shop/web', 'shop/db', 80).egress.text).toMatch(/; Baseline tier: no rule of BaselineAdminNetworkPolicy default matches TCP 80 to shop\/db; default: allowed$/);
  });

  test('caveats are part of the explanation of the port they concern', () => {
    const a = analysis([cnp('no-internet', 'Admin', 1, { egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }], protocols: [tcp(443)] }] })]);
    const e = explainConnection(a, 'shop/web', 'ops/agent', 443);
    expect(e.text.split('\n').slice(-1)[0]).toBe('  caveat:  ClusterNetworkPolicy no-internet spec.egress[0] (Deny) is read as not matching on TCP 443, ' +
      'but its `networks` peer may match the pod\'s IP, which the input does not give');
    expect(explainConnection(a, 'shop/web', 'ops/agent', 80).egress.caveats).toEqual([]);
  });

  test('without cluster policies, explanations are what they were', () => {
    const a = analysis([np('shop', 'web-out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 5432 }] }] })]);
    const e = explainConnection(a, 'shop/web', 'shop/db', 80);
    expect(e.text).toBe([
      'DENIED: shop/web => shop/db on TCP 80',
      '  egress:  shop/web is isolated for egress by shop/web-out; no rule admits shop/db on TCP 80 (shop/web-out spec.egress[0] admits it on TCP 5432 only)',
      '  ingress: shop/db is not isolated for ingress (no policy selects it for ingress): all ingress is allowed',
    ].join('\n'));
    expect(e.egress.tiers).toBeUndefined();
  });
});
