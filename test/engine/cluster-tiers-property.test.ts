/**
 * Property test of the cluster tiers (SEMANTICS.md section 8): random clusters of namespaces,
 * pods (some with IPs, some hostNetwork on a node), nodes, NetworkPolicies, ClusterNetworkPolicies
 * (v1alpha2) and AdminNetworkPolicies / BaselineAdminNetworkPolicies (v1alpha1), the engine
 * checked against a naive evaluator written here from the rules alone: one port at a time, every
 * policy looked at for every connection, no classes, no port sets, no code shared with the engine.
 */
import * as fc from 'fast-check';
import { Analysis, Inventory, ProtocolName } from '../../src/engine';
import { cidrContainsIp, formatIp, parseCidrLenient, parseIp } from '../../src/k8s';

type Labels = Record<string, string>;

interface NPod {
  namespace: string;
  name: string;
  labels: Labels;
  ports: { name?: string; port: number; protocol: ProtocolName }[];
  ip?: string;
  hostNetwork: boolean;
  node?: string;
}
interface NNode { name: string; labels: Labels; address: string }
interface NCluster { namespaces: { name: string; labels: Labels }[]; pods: NPod[]; nodes: NNode[]; policies: any[] }
type End = { pod: NPod } | { ip: string };

const NAMESPACES = ['n1', 'n2', 'n3'];
const PROTOCOLS: ProtocolName[] = ['TCP', 'UDP', 'SCTP'];
const PORTS = [1, 53, 80, 81, 443, 5000, 8080, 9090, 65535];
const EXTERNAL_IPS = ['10.0.0.1', '10.9.0.7', '192.168.1.1', '8.8.8.8', 'fd00::1'];
const POD_IPS = ['10.0.0.2', '10.0.0.3', '10.1.2.3', '192.168.1.2', undefined];
const NODES: NNode[] = [
  { name: 'node-a', labels: { role: 'infra', os: 'linux' }, address: '10.9.0.7' },
  { name: 'node-b', labels: { role: 'worker', os: 'linux' }, address: '10.9.0.8' },
];
const CIDRS = ['0.0.0.0/0', '::/0', '10.0.0.0/8', '10.0.0.0/30', '10.9.0.7/32', '192.168.0.0/16', 'fd00::/64'];

// ------------------------------------------------------------------ the naive evaluator

function matches(selector: any, labels: Labels): boolean {
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector?.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function nsLabels(c: NCluster, name: string): Labels {
  return { ...(c.namespaces.find((n) => n.name === name)?.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

function ipOf(e: End): string | undefined {
  return 'ip' in e ? e.ip : e.pod.ip;
}

function inCidr(ip: string | undefined, cidr: string): boolean {
  return ip !== undefined && cidrContainsIp(parseCidrLenient(cidr).cidr, parseIp(ip)!);
}

function nodeOf(c: NCluster, e: End): NNode | undefined {
  if ('pod' in e) return e.pod.hostNetwork ? c.nodes.find((n) => n.name === e.pod.node) : undefined;
  return c.nodes.find((n) => n.address === e.ip);
}

/** A cluster peer (v1alpha1 or v1alpha2 shape, the same here) matching an endpoint. */
function clusterPeerMatches(c: NCluster, peer: any, e: End): boolean {
  if (peer.namespaces) return 'pod' in e && !e.pod.hostNetwork && matches(peer.namespaces, nsLabels(c, e.pod.namespace));
  if (peer.pods) {
    return 'pod' in e && !e.pod.hostNetwork && matches(peer.pods.namespaceSelector ?? {}, nsLabels(c, e.pod.namespace)) && matches(peer.pods.podSelector, e.pod.labels);
  }
  if (peer.networks) return peer.networks.some((cidr: string) => inCidr(ipOf(e), cidr));
  if (peer.nodes) {
    const node = nodeOf(c, e);
    return node !== undefined && matches(peer.nodes, node.labels);
  }
  return false;
}

function clusterPortMatches(policy: any, rule: any, dest: End, port: number, protocol: ProtocolName): boolean {
  const named = (name: string) => 'pod' in dest && dest.pod.ports.some((cp) => cp.name === name && cp.port === port && cp.protocol === protocol);
  if (policy.apiVersion.endsWith('v1alpha2')) {
    const list: any[] = rule.protocols ?? [];
    if (list.length === 0) return true;
    return list.some((p) => {
      if (p.destinationNamedPort) return named(p.destinationNamedPort);
      const dp = p[protocol.toLowerCase()]?.destinationPort;
      if (!dp) return false;
      return dp.number !== undefined ? dp.number === port : port >= dp.range.start && port <= dp.range.end;
    });
  }
  const list: any[] = rule.ports ?? [];
  if (list.length === 0) return true;
  return list.some((p) => {
    if (p.namedPort) return named(p.namedPort);
    if (p.portNumber) return (p.portNumber.protocol ?? 'TCP') === protocol && p.portNumber.port === port;
    return (p.portRange.protocol ?? 'TCP') === protocol && port >= p.portRange.start && port <= p.portRange.end;
  });
}

const tierOf = (p: any) => (p.kind === 'ClusterNetworkPolicy' ? p.spec.tier : p.kind === 'AdminNetworkPolicy' ? 'Admin' : 'Baseline');

/** The first matching rule's action in a tier, or undefined; `self` is the subject, `other` the peer. */
function tierAction(c: NCluster, tier: string, direction: 'ingress' | 'egress', self: NPod, other: End, dest: End, port: number, protocol: ProtocolName): string | undefined {
  const policies = c.policies
    .filter((p) => p.kind !== 'NetworkPolicy' && tierOf(p) === tier)
    .filter((p) => {
      if (self.hostNetwork) return false;
      const s = p.spec.subject;
      if (s.namespaces) return matches(s.namespaces, nsLabels(c, self.namespace));
      return matches(s.pods.namespaceSelector ?? {}, nsLabels(c, self.namespace)) && matches(s.pods.podSelector, self.labels);
    })
    .sort((a, b) => (a.spec.priority ?? 9999) - (b.spec.priority ?? 9999));
  for (const p of policies) {
    for (const rule of p.spec[direction] ?? []) {
      const peers: any[] = direction === 'ingress' ? rule.from : rule.to;
      if (peers.some((peer) => clusterPeerMatches(c, peer, other)) && clusterPortMatches(p, rule, dest, port, protocol)) {
        return rule.action === 'Allow' ? 'Accept' : rule.action;
      }
    }
  }
  return undefined;
}

/** NetworkPolicy for one side: undefined when no policy isolates `self`, else whether a rule admits. */
function networkPolicy(c: NCluster, direction: 'ingress' | 'egress', self: NPod, other: End, _dest: End, port: number, protocol: ProtocolName): boolean | undefined {
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const selecting = c.policies.filter((p) => p.kind === 'NetworkPolicy' && p.metadata.namespace === self.namespace &&
    matches(p.spec.podSelector, self.labels) && p.spec.policyTypes.includes(type));
  if (selecting.length === 0) return undefined;
  return selecting.some((p) => (p.spec[direction] ?? []).some((rule: any) => {
    const peers: any[] = (direction === 'ingress' ? rule.from : rule.to) ?? [];
    const peerOk = peers.length === 0 || peers.some((peer) => {
      if (peer.ipBlock) return 'ip' in other && inCidr(other.ip, peer.ipBlock.cidr);
      if ('ip' in other || other.pod.hostNetwork) return false;
      const nsOk = peer.namespaceSelector
        ? matches(peer.namespaceSelector, nsLabels(c, other.pod.namespace))
        : other.pod.namespace === p.metadata.namespace;
      return nsOk && (!peer.podSelector || matches(peer.podSelector, other.pod.labels));
    });
    const ports: any[] = rule.ports ?? [];
    const portOk = ports.length === 0 || ports.some((e) => e.protocol === protocol && (e.port === undefined || e.port === port));
    return peerOk && portOk;
  }));
}

/** One side, tier by tier: Admin, NetworkPolicy, Baseline, the default. */
function side(c: NCluster, direction: 'ingress' | 'egress', self: End, other: End, dest: End, port: number, protocol: ProtocolName): boolean {
  if ('ip' in self || self.pod.hostNetwork) return true;
  const admin = tierAction(c, 'Admin', direction, self.pod, other, dest, port, protocol);
  if (admin === 'Accept') return true;
  if (admin === 'Deny') return false;
  const np = networkPolicy(c, direction, self.pod, other, dest, port, protocol);
  if (np !== undefined) return np;
  const baseline = tierAction(c, 'Baseline', direction, self.pod, other, dest, port, protocol);
  return baseline !== 'Deny';
}

function naiveAllowed(c: NCluster, from: End, to: End, port: number, protocol: ProtocolName): boolean {
  return side(c, 'egress', from, to, to, port, protocol) && side(c, 'ingress', to, from, to, port, protocol);
}

// ------------------------------------------------------------------ random clusters

const labelsArb = fc.record({ app: fc.constantFrom('web', 'db', 'api'), tier: fc.constantFrom('front', 'back') }, { requiredKeys: [] });
const selectorArb = fc.oneof(
  fc.record({ matchLabels: labelsArb }),
  fc.record({ matchExpressions: fc.constant([{ key: 'app', operator: 'NotIn', values: ['db'] }]) }),
  fc.constant({}),
);
const nsSelectorArb = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ 'kubernetes.io/metadata.name': fc.constantFrom(...NAMESPACES) }) }),
  fc.record({ matchLabels: fc.record({ team: fc.constantFrom('a', 'b') }) }),
);
const subjectArb = fc.oneof(
  fc.record({ namespaces: nsSelectorArb }),
  fc.record({ pods: fc.record({ namespaceSelector: nsSelectorArb, podSelector: selectorArb }) }),
);
const podPeerArb = fc.oneof(
  fc.record({ namespaces: nsSelectorArb }),
  fc.record({ pods: fc.record({ namespaceSelector: nsSelectorArb, podSelector: selectorArb }) }),
);
const egressPeerArb = fc.oneof(
  podPeerArb,
  fc.record({ networks: fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }) }),
  fc.record({ nodes: fc.oneof(fc.constant({}), fc.record({ matchLabels: fc.record({ role: fc.constantFrom('infra', 'worker') }) })) }),
);
const protocolArb = fc.constantFrom<ProtocolName>(...PROTOCOLS);
const v2PortArb = fc.oneof(
  protocolArb.chain((p) => fc.constantFrom(53, 80, 443, 8080).map((n) => ({ [p.toLowerCase()]: { destinationPort: { number: n } } }))),
  protocolArb.map((p) => ({ [p.toLowerCase()]: { destinationPort: { range: { start: 80, end: 5000 } } } })),
  fc.constantFrom('http', 'dns').map((n) => ({ destinationNamedPort: n })),
);
const v1PortArb = fc.oneof(
  fc.record({ portNumber: fc.record({ protocol: protocolArb, port: fc.constantFrom(53, 80, 443, 8080) }) }),
  fc.record({ portRange: fc.record({ protocol: protocolArb, start: fc.constant(80), end: fc.constantFrom(80, 5000) }) }),
  fc.constantFrom('http', 'dns').map((n) => ({ namedPort: n })),
);

function clusterRuleArb(v2: boolean, direction: 'ingress' | 'egress', actions: string[]) {
  return fc.record({
    action: fc.constantFrom(...actions),
    peers: fc.array<any>(direction === 'ingress' ? podPeerArb : egressPeerArb, { minLength: 1, maxLength: 2 }),
    ports: fc.array<any>(v2 ? v2PortArb : v1PortArb, { maxLength: 2 }),
  }).map(({ action, peers, ports }) => {
    // the CRD forbids named ports toward networks/nodes peers: drop them there
    const addressPeers = peers.some((p: any) => p.networks || p.nodes);
    const kept = addressPeers ? ports.filter((p: any) => !p.destinationNamedPort && !p.namedPort) : ports;
    const rule: any = { action, [direction === 'ingress' ? 'from' : 'to']: peers };
    if (kept.length > 0) rule[v2 ? 'protocols' : 'ports'] = kept;
    return rule;
  });
}

const clusterPolicyArb = fc.constantFrom('cnp', 'anp', 'banp').chain((kind) => {
  const v2 = kind === 'cnp';
  const actions = kind === 'banp' ? ['Allow', 'Deny'] : v2 ? ['Accept', 'Deny', 'Pass'] : ['Allow', 'Deny', 'Pass'];
  return fc.record({
    kind: fc.constant(kind),
    tier: fc.constantFrom('Admin', 'Baseline'),
    subject: subjectArb,
    ingress: fc.array(clusterRuleArb(v2, 'ingress', actions), { maxLength: 3 }),
    egress: fc.array(clusterRuleArb(v2, 'egress', actions), { maxLength: 3 }),
  });
});

const npArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  podSelector: selectorArb,
  policyTypes: fc.subarray(['Ingress', 'Egress'], { minLength: 1 }),
  ingress: fc.array(fc.record({
    from: fc.array(fc.oneof(fc.record({ podSelector: selectorArb }), fc.record({ namespaceSelector: nsSelectorArb })), { maxLength: 2 }),
  }), { maxLength: 2 }),
  egress: fc.array(fc.record({
    to: fc.array(fc.oneof(fc.record({ podSelector: selectorArb }), fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom('10.0.0.0/8', '0.0.0.0/0') }) })), { maxLength: 2 }),
    ports: fc.array(fc.record({ protocol: protocolArb, port: fc.constantFrom(53, 80, 443) }), { maxLength: 2 }),
  }), { maxLength: 2 }),
});

const podArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  labels: labelsArb,
  ports: fc.array(fc.record({ name: fc.constantFrom('http', 'dns', undefined), port: fc.constantFrom(53, 80, 8080), protocol: protocolArb }), { maxLength: 2 }),
  ip: fc.constantFrom(...POD_IPS),
  hostNetwork: fc.constantFrom(false, false, false, true),
  node: fc.constantFrom('node-a', 'node-b'),
});

const clusterArb = fc.record({
  teams: fc.tuple(...NAMESPACES.map(() => fc.constantFrom('a', 'b'))),
  pods: fc.array(podArb, { minLength: 2, maxLength: 6 }),
  policies: fc.array(npArb, { maxLength: 3 }),
  cluster: fc.array(clusterPolicyArb, { minLength: 1, maxLength: 5 }),
  nodes: fc.boolean(),
}).map(({ teams, pods, policies, cluster, nodes }): NCluster => {
  let banp = false;
  const clusterManifests = cluster.flatMap((p, i) => {
    const spec: any = { subject: p.subject };
    if (p.ingress.length) spec.ingress = p.ingress;
    if (p.egress.length) spec.egress = p.egress;
    // distinct priorities: one priority twice is implementation-defined (tested apart)
    if (p.kind === 'cnp') return [{ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: `cnp${i}` }, spec: { tier: p.tier, priority: i * 10, ...spec } }];
    if (p.kind === 'anp') return [{ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: `anp${i}` }, spec: { priority: i * 10 + 5, ...spec } }];
    if (banp) return [];
    banp = true;
    return [{ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec }];
  });
  const nps = policies.map((p, i) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: p.namespace, name: `np${i}` }, spec: p }));
  return {
    namespaces: NAMESPACES.map((name, i) => ({ name, labels: { team: teams[i] } })),
    pods: pods.map((p, i) => ({
      ...p,
      name: `p${i}`,
      ip: p.hostNetwork ? (nodes ? NODES.find((n) => n.name === p.node)!.address : undefined) : p.ip,
      node: p.hostNetwork && nodes ? p.node : undefined,
    })),
    nodes: nodes ? NODES : [],
    policies: [...nps, ...clusterManifests],
  };
});

function engineFor(c: NCluster): Analysis {
  const inventory = new Inventory();
  for (const ns of c.namespaces) inventory.addNamespace(ns.name, ns.labels);
  for (const n of c.nodes) inventory.addNode({ name: n.name, labels: n.labels, addresses: [n.address] });
  for (const p of c.pods) inventory.addPod(p);
  for (const m of c.policies) inventory.addManifest(m);
  return new Analysis(inventory);
}

describe('the cluster tiers: engine = naive evaluator on random clusters', () => {
  test('every covered ordered pair (pods, hostNetwork pods as destinations, outside addresses), every protocol, the ports that matter', () => {
    fc.assert(fc.property(clusterArb, (c) => {
      const engine = engineFor(c);
      const ends: [string, End][] = [
        ...c.pods.map((p) => [`${p.namespace}/${p.name}`, { pod: p }] as [string, End]),
        ...EXTERNAL_IPS.map((ip) => [ip, { ip }] as [string, End]),
      ];
      for (const [fromName, from] of ends) {
        for (const [toName, to] of ends) {
          if (fromName === toName || engine.notCoveredReason(fromName, toName) !== undefined) continue;
          const conns = engine.connections(fromName, toName);
          for (const protocol of PROTOCOLS) {
            for (const port of PORTS) {
              const naive = naiveAllowed(c, from, to, port, protocol);
              expect(`${fromName} => ${toName} ${protocol} ${port}: ${conns.contains(protocol, port)}`).toBe(`${fromName} => ${toName} ${protocol} ${port}: ${naive}`);
            }
          }
        }
      }
    }), { numRuns: 300 });
  });

  test('the connectivity listing by classes = the pair-by-pair listing, line for line', () => {
    fc.assert(fc.property(clusterArb, (c) => {
      const engine = engineFor(c);
      const lines = (pass: 'forEachConnection' | 'forEachConnectionPairwise') => {
        const out: string[] = [];
        engine[pass]((from, to, conns) => out.push(`${from.id} => ${to.id} : ${conns}`));
        return out;
      };
      expect(lines('forEachConnection')).toEqual(lines('forEachConnectionPairwise'));
    }), { numRuns: 300 });
  });

  test('the connectivity listing holds at both ends of every external range', () => {
    fc.assert(fc.property(clusterArb, (c) => {
      const engine = engineFor(c);
      const byName = new Map(c.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
      for (const line of engine.connectivity()) {
        const ends = (e: typeof line.from): End[] => (e.kind === 'pod' ? [{ pod: byName.get(e.id)! }] : [e.first, e.last].map((v) => ({ ip: formatIp(e.family, v) })));
        for (const from of ends(line.from)) {
          for (const to of ends(line.to)) {
            for (const protocol of PROTOCOLS) {
              for (const port of PORTS) expect(line.conns.contains(protocol, port)).toBe(naiveAllowed(c, from, to, port, protocol));
            }
          }
        }
      }
    }), { numRuns: 200 });
  });
});
