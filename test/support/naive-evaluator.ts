/**
 * A deliberately simple NetworkPolicy evaluator, written straight from SEMANTICS.md section 3
 * with no indexes, no caches and no code shared with the engine (only the lead's IP parsing
 * primitives). For one connection it loops over every policy. Slow on purpose: it is the
 * reference the engine is checked against (property tests) and compared with (benchmark).
 */
import type { Inventory } from '../../src/engine';
import { cidrContainsIp, formatIp, parseCidrLenient, parseIp } from '../../src/k8s';

export interface NaivePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol?: string;
}

export interface NaivePod {
  readonly namespace: string;
  readonly name: string;
  readonly labels?: Record<string, string>;
  readonly ports?: readonly NaivePort[];
  readonly ip?: string;
}

export interface NaiveNamespace {
  readonly name: string;
  readonly labels?: Record<string, string>;
}

export interface NaiveCluster {
  readonly namespaces: readonly NaiveNamespace[];
  readonly pods: readonly NaivePod[];
  /** NetworkPolicy manifest objects, as written (not defaulted) */
  readonly policies: readonly any[];
  /** ipBlocks also match pods that have an `ip` */
  readonly ipBlockMatchesPods?: boolean;
}

/** A pod, or an IP address outside the cluster. */
type Endpoint = { pod: NaivePod } | { ip: string };

function findEndpoint(cluster: NaiveCluster, text: string): Endpoint {
  const pod = cluster.pods.find((p) => `${p.namespace}/${p.name}` === text);
  if (pod) return { pod };
  if (parseIp(text)) return { ip: text };
  throw new Error(`naive evaluator: unknown endpoint ${text}`);
}

function namespaceLabels(cluster: NaiveCluster, name: string): Record<string, string> {
  const ns = cluster.namespaces.find((n) => n.name === name);
  return { ...(ns?.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

function selectorMatches(selector: any, labels: Record<string, string>): boolean {
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    if (labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function policyNamespace(policy: any): string {
  return policy.metadata.namespace || 'default';
}

function policyTypes(policy: any): string[] {
  const written: string[] = policy.spec.policyTypes ?? [];
  if (written.length > 0) return written;
  const egressRules: any[] = policy.spec.egress ?? [];
  return egressRules.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function policySelects(policy: any, pod: NaivePod): boolean {
  return policyNamespace(policy) === pod.namespace && selectorMatches(policy.spec.podSelector ?? {}, pod.labels ?? {});
}

function ipInBlock(ipText: string, block: any): boolean {
  const ip = parseIp(ipText)!;
  if (!cidrContainsIp(parseCidrLenient(block.cidr).cidr, ip)) return false;
  for (const e of block.except ?? []) {
    if (cidrContainsIp(parseCidrLenient(e).cidr, ip)) return false;
  }
  return true;
}

function peerMatches(cluster: NaiveCluster, peer: any, policyNs: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    if ('ip' in endpoint) return ipInBlock(endpoint.ip, peer.ipBlock);
    if (cluster.ipBlockMatchesPods && endpoint.pod.ip) return ipInBlock(endpoint.pod.ip, peer.ipBlock);
    return false;
  }
  if ('ip' in endpoint) return false; // selectors never match outside the cluster
  const pod = endpoint.pod;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(cluster, pod.namespace))
    : pod.namespace === policyNs;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, pod.labels ?? {}) : true;
  return namespaceOk && podOk;
}

function portMatches(entry: any, destination: Endpoint, port: number, protocol: string): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined || entry.port === null) return true;
  if (typeof entry.port === 'number') return port >= entry.port && port <= (entry.endPort ?? entry.port);
  // a named port: resolved on the destination pod; toward an IP it matches nothing
  if ('ip' in destination) return false;
  return (destination.pod.ports ?? []).some((cp) => cp.name === entry.port && (cp.protocol ?? 'TCP') === protocol && cp.port === port);
}

function ruleAdmits(cluster: NaiveCluster, rule: any, peersField: 'from' | 'to', policyNs: string, peer: Endpoint, destination: Endpoint, port: number, protocol: string): boolean {
  const peers: any[] = rule[peersField] ?? [];
  const ports: any[] = rule.ports ?? [];
  const peerOk = peers.length === 0 || peers.some((p) => peerMatches(cluster, p, policyNs, peer));
  const portOk = ports.length === 0 || ports.some((e) => portMatches(e, destination, port, protocol));
  return peerOk && portOk;
}

/** Whether NetworkPolicy allows `from` to connect to `to` on port/protocol (endpoints: `ns/name` or an IP). */
export function naiveIsAllowed(cluster: NaiveCluster, fromText: string, toText: string, port: number, protocol = 'TCP'): boolean {
  const from = findEndpoint(cluster, fromText);
  const to = findEndpoint(cluster, toText);

  // 1. egress of the source
  let egressOk = true;
  if ('pod' in from) {
    const selecting = cluster.policies.filter((p) => policySelects(p, from.pod) && policyTypes(p).includes('Egress'));
    if (selecting.length > 0) {
      egressOk = selecting.some((p) => (p.spec.egress ?? []).some((rule: any) =>
        ruleAdmits(cluster, rule, 'to', policyNamespace(p), to, to, port, protocol)));
    }
  }

  // 2. ingress of the destination
  let ingressOk = true;
  if ('pod' in to) {
    const selecting = cluster.policies.filter((p) => policySelects(p, to.pod) && policyTypes(p).includes('Ingress'));
    if (selecting.length > 0) {
      ingressOk = selecting.some((p) => (p.spec.ingress ?? []).some((rule: any) =>
        ruleAdmits(cluster, rule, 'from', policyNamespace(p), from, to, port, protocol)));
    }
  }
  return egressOk && ingressOk;
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/**
 * Everything allowed from one endpoint to another, in the canonical text form. Ports are only
 * evaluated where the answer can change (every port number or range end that a policy or the
 * destination mentions), and the answer at a segment's first port holds for the whole segment.
 */
export function naiveConnections(cluster: NaiveCluster, fromText: string, toText: string): string {
  const to = findEndpoint(cluster, toText);
  const parts: string[] = [];
  let full = 0;
  for (const protocol of PROTOCOLS) {
    const cuts = new Set<number>([1]);
    for (const p of cluster.policies) {
      for (const rule of [...(p.spec.ingress ?? []), ...(p.spec.egress ?? [])]) {
        for (const e of rule.ports ?? []) {
          if (typeof e.port === 'number') {
            cuts.add(e.port);
            cuts.add((e.endPort ?? e.port) + 1);
          }
        }
      }
    }
    if ('pod' in to) for (const cp of to.pod.ports ?? []) { cuts.add(cp.port); cuts.add(cp.port + 1); }
    const starts = [...cuts].filter((c) => c >= 1 && c <= 65535).sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : 65535;
      if (!naiveIsAllowed(cluster, fromText, toText, start, protocol)) return;
      const last = ranges[ranges.length - 1];
      if (last && last[1] + 1 === start) last[1] = end; else ranges.push([start, end]);
    });
    if (ranges.length === 1 && ranges[0][0] === 1 && ranges[0][1] === 65535) full++;
    if (ranges.length > 0) parts.push(`${protocol} ${ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`);
  }
  if (full === PROTOCOLS.length) return 'All Connections';
  if (parts.length === 0) return 'No Connections';
  return parts.join(',');
}

/**
 * The same cluster as an engine `Inventory` holds it, for comparisons (the benchmark): only the
 * inventory's data is used (namespaces, endpoints, the policies' manifest objects), none of its
 * semantics.
 */
export function naiveClusterFromInventory(inventory: Inventory, ipBlockMatchesPods = false): NaiveCluster {
  return {
    namespaces: inventory.namespaces.filter((n) => n.declared).map((n) => ({ name: n.name, labels: { ...n.labels } })),
    pods: inventory.pods.map((p) => ({
      namespace: p.namespace,
      name: p.name,
      labels: { ...p.labels },
      ports: p.ports.map((cp) => ({ name: cp.name, port: cp.port, protocol: cp.protocol })),
      ip: p.ip ? formatIp(p.ip.family, p.ip.value) : undefined,
    })),
    policies: inventory.policies.map((p) => p.raw),
    ipBlockMatchesPods,
  };
}
