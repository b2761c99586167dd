/**
 * The cluster-wide policies of network-policy-api, normalized into one model
 * (SEMANTICS.md section 8): ClusterNetworkPolicy `v1alpha2` (tier `Admin` or `Baseline`),
 * AdminNetworkPolicy `v1alpha1` (the Admin tier) and BaselineAdminNetworkPolicy `v1alpha1`
 * (the Baseline tier). `Allow` (v1alpha1) is read as `Accept` (v1alpha2); the written action is
 * kept for messages. Input is assumed to be valid (`validateClusterNetworkPolicy`, which the
 * inventory runs first).
 */
import { ConnSet, ProtocolName, PROTOCOLS } from './conn-set';
import { EVERYTHING, normalizeSelector, Selector } from './label-selector';
import { DirectionName } from './policy';
import { Cidr, NAMESPACE_NAME_LABEL, parseCidrLenient } from '../k8s';
import { compare } from '../text';

export type ClusterPolicyKind = 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/** The two tiers cluster policies live in; NetworkPolicy is between them. */
export type ClusterTier = 'Admin' | 'Baseline';

/** What a rule does with the traffic it matches. */
export type ClusterAction = 'Accept' | 'Deny' | 'Pass';

/** Whom a policy applies to: pods of the matching namespaces (and matching `podSelector`). */
export interface ClusterSubject {
  readonly namespaceSelector: Selector;
  /** undefined for a `namespaces` subject: every pod of those namespaces */
  readonly podSelector?: Selector;
  /** canonical text */
  readonly key: string;
}

/** `namespaces` (podSelector undefined) or `pods` peer: pods that are not hostNetwork. */
export interface ClusterPodPeer {
  readonly kind: 'pods';
  readonly namespaceSelector: Selector;
  readonly podSelector?: Selector;
  readonly key: string;
}

/** `networks`: addresses in any of the CIDRs, pod IPs included. */
export interface ClusterNetworksPeer {
  readonly kind: 'networks';
  readonly cidrs: readonly Cidr[];
  readonly key: string;
}

/** `nodes`: the addresses of the matching nodes (so also the hostNetwork pods on them). */
export interface ClusterNodesPeer {
  readonly kind: 'nodes';
  readonly nodeSelector: Selector;
  readonly key: string;
}

/** `domainNames`: names (`kubernetes.io`) or wildcards (`*.kubernetes.io`), lower-case, no final dot. */
export interface ClusterDomainsPeer {
  readonly kind: 'domainNames';
  readonly names: readonly string[];
  readonly key: string;
}

export type ClusterPeer = ClusterPodPeer | ClusterNetworksPeer | ClusterNodesPeer | ClusterDomainsPeer;

export interface ClusterRule {
  readonly direction: DirectionName;
  /** position in `spec.ingress` / `spec.egress` (0-based) */
  readonly index: number;
  /** the rule's `name`, when written */
  readonly name?: string;
  readonly action: ClusterAction;
  /** as written: `Allow` in v1alpha1, `Accept` in v1alpha2 */
  readonly writtenAction: string;
  readonly peers: readonly ClusterPeer[];
  /** false when the rule has no `protocols`/`ports`: every port of every protocol */
  readonly hasPorts: boolean;
  /** the numeric part of the ports (ALL without ports) */
  readonly staticPorts: ConnSet;
  /** named ports, matched on the destination's container ports of any protocol */
  readonly namedPorts: readonly string[];
}

export interface ClusterPolicy {
  readonly kind: ClusterPolicyKind;
  readonly apiVersion: string;
  readonly name: string;
  /** `ClusterNetworkPolicy shop-guard`: kind and name (cluster-scoped, unique per kind) */
  readonly id: string;
  readonly tier: ClusterTier;
  /** 0-1000, lower first; undefined for a BaselineAdminNetworkPolicy (it has none) */
  readonly priority?: number;
  readonly subject: ClusterSubject;
  readonly ingress: readonly ClusterRule[];
  readonly egress: readonly ClusterRule[];
  /** the object as given */
  readonly raw: any;
}

/** Normalizes one (valid) ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy. */
export function normalizeClusterPolicy(raw: any, name: string = raw?.metadata?.name ?? ''): ClusterPolicy {
  const kind = raw.kind as ClusterPolicyKind;
  const spec = raw.spec ?? {};
  const tier: ClusterTier = kind === 'ClusterNetworkPolicy' ? (spec.tier === 'Baseline' ? 'Baseline' : 'Admin')
    : kind === 'AdminNetworkPolicy' ? 'Admin' : 'Baseline';
  const v2 = kind === 'ClusterNetworkPolicy';
  const rules = (direction: DirectionName, list: any): ClusterRule[] =>
    (Array.isArray(list) ? list : []).map((r: any, index: number) => normalizeRule(direction, index, r ?? {}, v2));
  return {
    kind,
    apiVersion: String(raw.apiVersion),
    name,
    id: `${kind} ${name}`,
    tier,
    priority: kind === 'BaselineAdminNetworkPolicy' ? undefined : Number(spec.priority),
    subject: normalizeSubject(spec.subject ?? {}),
    ingress: rules('Ingress', spec.ingress),
    egress: rules('Egress', spec.egress),
    raw,
  };
}

function normalizeSubject(raw: any): ClusterSubject {
  if (raw.pods) {
    const namespaceSelector = normalizeSelector(raw.pods.namespaceSelector) ?? EVERYTHING;
    const podSelector = normalizeSelector(raw.pods.podSelector) ?? EVERYTHING;
    return { namespaceSelector, podSelector, key: `pods {${podSelector.key}} in {${namespaceSelector.key}}` };
  }
  const namespaceSelector = normalizeSelector(raw.namespaces) ?? EVERYTHING;
  return { namespaceSelector, key: `namespaces {${namespaceSelector.key}}` };
}

function normalizeRule(direction: DirectionName, index: number, raw: any, v2: boolean): ClusterRule {
  const writtenAction = String(raw.action);
  const action: ClusterAction = writtenAction === 'Allow' ? 'Accept' : (writtenAction as ClusterAction);
  const rawPeers: any[] = (direction === 'Ingress' ? raw.from : raw.to) ?? [];
  const peers = rawPeers.flatMap((p) => (p ? [normalizePeer(p)] : []));
  const rawPorts: any[] | undefined = v2 ? raw.protocols : raw.ports;
  const hasPorts = Array.isArray(rawPorts) && rawPorts.length > 0;
  let staticPorts = hasPorts ? ConnSet.NONE : ConnSet.ALL;
  const namedPorts: string[] = [];
  for (const p of hasPorts ? rawPorts! : []) {
    if (!p) continue;
    if (v2) {
      if (typeof p.destinationNamedPort === 'string' && p.destinationNamedPort !== '') namedPorts.push(p.destinationNamedPort);
      for (const proto of PROTOCOLS) {
        const dp = p[proto.toLowerCase()]?.destinationPort;
        if (!dp) continue;
        if (typeof dp.number === 'number') staticPorts = staticPorts.union(ConnSet.range(proto, dp.number));
        if (dp.range) staticPorts = staticPorts.union(ConnSet.range(proto, Number(dp.range.start), Number(dp.range.end)));
      }
    } else {
      if (typeof p.namedPort === 'string' && p.namedPort !== '') namedPorts.push(p.namedPort);
      if (p.portNumber) staticPorts = staticPorts.union(ConnSet.range(protocolOf(p.portNumber.protocol), Number(p.portNumber.port)));
      if (p.portRange) {
        staticPorts = staticPorts.union(ConnSet.range(protocolOf(p.portRange.protocol), Number(p.portRange.start), Number(p.portRange.end)));
      }
    }
  }
  return {
    direction,
    index,
    name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined,
    action,
    writtenAction,
    peers,
    hasPorts,
    staticPorts,
    namedPorts: [...new Set(namedPorts)],
  };
}

/** v1alpha1 `protocol`, TCP when absent (CRD default). */
function protocolOf(p: unknown): ProtocolName {
  return (typeof p === 'string' && (PROTOCOLS as readonly string[]).includes(p) ? p : 'TCP') as ProtocolName;
}

function normalizePeer(raw: any): ClusterPeer {
  if (raw.pods) {
    const namespaceSelector = normalizeSelector(raw.pods.namespaceSelector) ?? EVERYTHING;
    const podSelector = normalizeSelector(raw.pods.podSelector) ?? EVERYTHING;
    return { kind: 'pods', namespaceSelector, podSelector, key: `pods {${podSelector.key}} in {${namespaceSelector.key}}` };
  }
  if (raw.namespaces) {
    const namespaceSelector = normalizeSelector(raw.namespaces) ?? EVERYTHING;
    return { kind: 'pods', namespaceSelector, key: `namespaces {${namespaceSelector.key}}` };
  }
  if (raw.nodes) {
    const nodeSelector = normalizeSelector(raw.nodes) ?? EVERYTHING;
    return { kind: 'nodes', nodeSelector, key: `nodes {${nodeSelector.key}}` };
  }
  if (Array.isArray(raw.networks)) {
    const cidrs = raw.networks.map((text: unknown) => parseCidrLenient(String(text)).cidr);
    return { kind: 'networks', cidrs, key: `networks ${cidrs.map((c: Cidr) => c.text).sort(compare).join(',')}` };
  }
  const names: string[] = [...new Set<string>((raw.domainNames ?? []).map((n: unknown) => normalizeDomainName(String(n))))].sort(compare);
  return { kind: 'domainNames', names, key: `domainNames ${names.join(',')}` };
}

/** A domain name as compared: lower-case, without the final dot. */
export function normalizeDomainName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * true when a `domainNames` entry matches a name: exactly, or `*.example.com` for every name
 * with one or more labels before `example.com` (not `example.com` itself).
 */
export function domainNameMatches(pattern: string, name: string): boolean {
  const p = normalizeDomainName(pattern);
  const n = normalizeDomainName(name);
  if (!p.startsWith('*.')) return p === n;
  const suffix = p.slice(1); // `.example.com`
  return n.length > suffix.length && n.endsWith(suffix);
}

/**
 * Evaluation order of the policies of one tier: by priority (lower first), then, for policies
 * of one priority (which upstream leaves to the implementation, see `Analysis.samePriorityPairs`),
 * by kind and name, so that the engine's answer is at least reproducible. A
 * BaselineAdminNetworkPolicy (no priority) comes after every Baseline ClusterNetworkPolicy.
 */
export function compareClusterPolicies(a: ClusterPolicy, b: ClusterPolicy): number {
  if (a.tier !== b.tier) return a.tier === 'Admin' ? -1 : 1;
  const pa = a.priority ?? Infinity;
  const pb = b.priority ?? Infinity;
  if (pa !== pb) return pa - pb;
  return compare(a.kind, b.kind) || compare(a.name, b.name);
}

/** `ClusterNetworkPolicy shop-guard spec.egress[0] (Deny)`. */
export function describeClusterRule(policy: ClusterPolicy, rule: ClusterRule): string {
  return `${policy.id} spec.${rule.direction.toLowerCase()}[${rule.index}]${rule.name ? ` "${rule.name}"` : ''} (${rule.writtenAction})`;
}

/** A readable form of a cluster peer, for explanations. */
export function describeClusterPeer(peer: ClusterPeer): string {
  switch (peer.kind) {
    case 'pods': {
      const r = peer.namespaceSelector.requirements;
      const ns = r.length === 1 && r[0].key === NAMESPACE_NAME_LABEL && r[0].operator === 'In'
        ? `namespace ${r[0].values.join(' or ')}`
        : r.length === 0 ? 'every namespace' : `namespaces {${peer.namespaceSelector.key}}`;
      return peer.podSelector ? `pods {${peer.podSelector.key}} in ${ns}` : `every pod in ${ns}`;
    }
    case 'networks': return `networks ${peer.cidrs.map((c) => c.text).join(', ')}`;
    case 'nodes': return `nodes {${peer.nodeSelector.key}}`;
    case 'domainNames': return `domainNames ${peer.names.join(', ')}`;
  }
}

/**
 * What a cluster rule's ports match toward a destination with these container ports: the numeric
 * part, and each named port's number on the destination (a named port has no protocol here: the
 * container ports of that name, whatever their protocol).
 */
export function clusterRulePorts(
  rule: ClusterRule, destinationPorts: readonly { readonly name?: string; readonly port: number; readonly protocol: ProtocolName }[],
): ConnSet {
  if (rule.namedPorts.length === 0) return rule.staticPorts;
  let result = rule.staticPorts;
  for (const name of rule.namedPorts) {
    for (const cp of destinationPorts) if (cp.name === name) result = result.union(ConnSet.range(cp.protocol, cp.port));
  }
  return result;
}
