/**
 * NetworkPolicy objects, normalized: API-server defaulting applied (protocol TCP, policyTypes),
 * selectors normalized, ports split into a static part and named ports (resolved later on the
 * destination). Input is assumed to be valid (see `src/k8s/validate-network-policy.ts`); anything
 * odd left over is read the way the API server would default it, never guessed at.
 */
import { ConnSet, ProtocolName, PROTOCOLS } from './conn-set';
import { Selector, normalizeSelector, selectorMatches, Labels, EVERYTHING } from './label-selector';
import { Cidr, cidrContainsIp, effectivePolicyTypes, IpAddress, NAMESPACE_NAME_LABEL, parseCidrLenient } from '../k8s';

export type DirectionName = 'Ingress' | 'Egress';

/** A peer made of selectors. */
export interface SelectorPeer {
  readonly kind: 'selector';
  /**
   * The namespace the peer is confined to when it has no `namespaceSelector`
   * (a `podSelector`-only peer means pods of the policy's own namespace).
   */
  readonly namespace?: string;
  /** present when the peer has a `namespaceSelector` */
  readonly namespaceSelector?: Selector;
  /** absent: every pod (of the namespaces above) */
  readonly podSelector?: Selector;
  /** identity of the peer (two peers with equal keys match exactly the same endpoints) */
  readonly key: string;
}

/** An `ipBlock` peer. */
export interface IpBlockPeer {
  readonly kind: 'ipBlock';
  readonly cidr: Cidr;
  readonly except: readonly Cidr[];
  readonly key: string;
}

export type PolicyPeer = SelectorPeer | IpBlockPeer;

/** One `ports[]` entry, defaulted. `port` undefined: every port of the protocol. */
export interface PortEntry {
  readonly protocol: ProtocolName;
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface Rule {
  readonly direction: DirectionName;
  /** position in `spec.ingress` / `spec.egress` (0-based) */
  readonly index: number;
  /** undefined: `from`/`to` absent or empty, every peer inside and outside the cluster */
  readonly peers?: readonly PolicyPeer[];
  /** undefined: `ports` absent or empty, every port of every protocol */
  readonly ports?: readonly PortEntry[];
  /** the numeric and protocol-only part of `ports` (ALL when `ports` is absent) */
  readonly staticPorts: ConnSet;
  /** the named part of `ports`, resolved on the destination's container ports */
  readonly namedPorts: readonly { readonly name: string; readonly protocol: ProtocolName }[];
}

export interface Policy {
  /** `namespace/name` */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: Selector;
  /** the defaulted `policyTypes` */
  readonly policyTypes: readonly DirectionName[];
  /** true when the manifest did not write `policyTypes` (the API server defaulted them) */
  readonly policyTypesDefaulted: boolean;
  /** rules of the directions the policy affects; rules of a direction it does not affect are dropped */
  readonly ingress: readonly Rule[];
  readonly egress: readonly Rule[];
  /** true when the policy affects that direction (isolates the pods it selects) */
  readonly affectsIngress: boolean;
  readonly affectsEgress: boolean;
  /** the object as given */
  readonly raw: any;
}

/** Normalizes one NetworkPolicy manifest object. */
export function normalizePolicy(raw: any, defaultNamespace = 'default'): Policy {
  const namespace: string = raw?.metadata?.namespace || defaultNamespace;
  const name: string = raw?.metadata?.name ?? '';
  const spec = raw?.spec ?? {};
  // the API server's defaulting (SEMANTICS.md section 1), shared with the validator
  const effective = effectivePolicyTypes(raw);
  const policyTypesDefaulted = !(Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0);
  const affectsIngress = effective.ingress;
  const affectsEgress = effective.egress;
  const policyTypes: DirectionName[] = [...(affectsIngress ? ['Ingress' as const] : []), ...(affectsEgress ? ['Egress' as const] : [])];
  const rules = (direction: DirectionName, list: any): Rule[] =>
    (Array.isArray(list) ? list : []).map((r: any, index: number) => normalizeRule(direction, index, r ?? {}, namespace));
  return {
    id: `${namespace}/${name}`,
    namespace,
    name,
    podSelector: normalizeSelector(spec.podSelector) ?? EVERYTHING,
    policyTypes,
    policyTypesDefaulted,
    ingress: affectsIngress ? rules('Ingress', spec.ingress) : [],
    egress: affectsEgress ? rules('Egress', spec.egress) : [],
    affectsIngress,
    affectsEgress,
    raw,
  };
}

function normalizeRule(direction: DirectionName, index: number, raw: any, policyNamespace: string): Rule {
  const rawPeers: any[] = (direction === 'Ingress' ? raw.from : raw.to) ?? [];
  const peers = rawPeers.length === 0 ? undefined : rawPeers.map((p) => normalizePeer(p ?? {}, policyNamespace));
  const rawPorts: any[] = raw.ports ?? [];
  if (rawPorts.length === 0) {
    return { direction, index, peers, ports: undefined, staticPorts: ConnSet.ALL, namedPorts: [] };
  }
  const ports: PortEntry[] = rawPorts.map((p) => ({
    protocol: (p?.protocol ?? 'TCP') as ProtocolName,
    port: p?.port ?? undefined,
    endPort: p?.endPort ?? undefined,
  }));
  let staticPorts = ConnSet.NONE;
  const namedPorts: { name: string; protocol: ProtocolName }[] = [];
  for (const p of ports) {
    if (!PROTOCOLS.includes(p.protocol)) continue; // not a protocol NetworkPolicy knows; matches nothing
    if (p.port === undefined) {
      staticPorts = staticPorts.union(ConnSet.allOf(p.protocol));
    } else if (typeof p.port === 'number') {
      staticPorts = staticPorts.union(ConnSet.range(p.protocol, p.port, p.endPort ?? p.port));
    } else if (/^[0-9]+$/.test(p.port)) {
      // an int-or-string written as a string of digits: the API server rejects it; read it as a number
      staticPorts = staticPorts.union(ConnSet.range(p.protocol, Number(p.port), p.endPort ?? Number(p.port)));
    } else {
      namedPorts.push({ name: p.port, protocol: p.protocol });
    }
  }
  return { direction, index, peers, ports, staticPorts, namedPorts };
}

function normalizePeer(raw: any, policyNamespace: string): PolicyPeer {
  if (raw.ipBlock) {
    const cidr = parseCidrLenient(String(raw.ipBlock.cidr)).cidr;
    const except = ((raw.ipBlock.except ?? []) as any[]).map((e) => parseCidrLenient(String(e)).cidr);
    const key = `ip:${cidr.text}${except.map((e) => ` -${e.text}`).sort().join('')}`;
    return { kind: 'ipBlock', cidr, except, key };
  }
  const namespaceSelector = normalizeSelector(raw.namespaceSelector);
  const podSelector = normalizeSelector(raw.podSelector);
  const namespace = namespaceSelector ? undefined : policyNamespace;
  const nsKey = namespaceSelector ? `nsSel:${namespaceSelector.key}` : `ns:${namespace}`;
  const key = `${nsKey} pods:${podSelector ? podSelector.key : '*'}`;
  return { kind: 'selector', namespace, namespaceSelector, podSelector, key };
}

/** true when a selector peer's namespace part admits a namespace. */
export function peerMatchesNamespace(peer: SelectorPeer, namespace: string, namespaceLabels: Labels): boolean {
  if (peer.namespaceSelector) return selectorMatches(peer.namespaceSelector, namespaceLabels);
  return peer.namespace === namespace;
}

/** true when a selector peer matches a pod with these labels in that namespace. */
export function selectorPeerMatchesPod(peer: SelectorPeer, namespace: string, namespaceLabels: Labels, podLabels: Labels): boolean {
  return peerMatchesNamespace(peer, namespace, namespaceLabels) && (!peer.podSelector || selectorMatches(peer.podSelector, podLabels));
}

/** true when an ipBlock peer matches an address: inside `cidr`, outside every `except`. */
export function ipBlockMatches(peer: IpBlockPeer, ip: IpAddress): boolean {
  return cidrContainsIp(peer.cidr, ip) && !peer.except.some((e) => cidrContainsIp(e, ip));
}

/** A readable form of a peer, for explanations. */
export function describePeer(peer: PolicyPeer): string {
  if (peer.kind === 'ipBlock') {
    return `ipBlock ${peer.cidr.text}${peer.except.length ? ` except ${peer.except.map((e) => e.text).join(', ')}` : ''}`;
  }
  const ns = peer.namespaceSelector
    ? (peer.namespaceSelector.requirements.length === 1 && peer.namespaceSelector.requirements[0].key === NAMESPACE_NAME_LABEL && peer.namespaceSelector.requirements[0].operator === 'In'
      ? `namespace ${peer.namespaceSelector.requirements[0].values.join(' or ')}`
      : `namespaces {${peer.namespaceSelector.key}}`)
    : `namespace ${peer.namespace}`;
  return peer.podSelector ? `pods {${peer.podSelector.key}} in ${ns}` : `every pod in ${ns}`;
}
