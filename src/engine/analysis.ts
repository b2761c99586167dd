/**
 * The reachability engine: an immutable snapshot of an `Inventory`, indexed so that a full
 * ordered-pair pass costs O(pairs) table look-ups, independent of the number of policies.
 *
 * How:
 * - policies are indexed by namespace; each endpoint is matched once against the policies of
 *   its own namespace (which select it, per direction);
 * - every distinct peer (selector peer or ipBlock) gets an id; each endpoint is matched once
 *   against the peers that can apply to its namespace (namespace selectors are matched once per
 *   namespace), giving its set of matching peers;
 * - endpoints are grouped into equivalence classes per role: the egress side of a connection
 *   only depends on (policies selecting the source for egress) x (peers matching the destination
 *   + its named ports); the ingress side on (policies selecting the destination for ingress + its
 *   named ports) x (peers matching the source). Each class pair is computed once, lazily, and
 *   the result interned; a pair of endpoints is two look-ups and one memoized intersection.
 *
 * An `Analysis` reads its inventory when built (and namespace labels lazily): build a new one
 * after changing the inventory (`NetworkModel` does so on its own).
 */
import { ConnSet } from './conn-set';
import { compareEndpoints, Endpoint, externalAddress, ExternalEndpoint, externalRange, unknownEndpointMessage } from './endpoint';
import { mergeRuns, splitAddressSpace } from './external-ranges';
import { ContainerPort, Inventory, PodEndpoint } from './inventory';
import { selectorMatches } from './label-selector';
import { DirectionName, IpBlockPeer, PolicyPeer, Policy, Rule, SelectorPeer, ipBlockMatches, peerMatchesNamespace } from './policy';
import { IpAddress, parseIp } from '../k8s';
import { compare } from '../text';

export interface AnalysisOptions {
  /**
   * Whether ipBlock peers also match pods by their IP (when pods have one).
   * @default false (ipBlocks only match addresses outside the cluster)
   */
  readonly ipBlockMatchesPods?: boolean;
}

/** One line of the connectivity listing. */
export interface Connection {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly conns: ConnSet;
}

/** A rule of a policy that admits (part of) a connection. */
export interface RuleMatch {
  readonly policy: Policy;
  readonly rule: Rule;
  /** what the rule admits toward/from this peer */
  readonly conns: ConnSet;
}

interface CompiledRule {
  readonly policy: Policy;
  readonly rule: Rule;
  /** ids of the rule's peers; undefined = every peer */
  readonly peerIds?: readonly number[];
}

interface SideClass {
  /** policy indexes selecting the endpoint for the direction */
  readonly policies: readonly number[];
  /** the endpoint's container ports that some policy names (only for destinations) */
  readonly namedPorts: readonly ContainerPort[];
}

interface PeerClass {
  readonly peers: ReadonlySet<number>;
  readonly namedPorts: readonly ContainerPort[];
}

const NONE_ID = 0;
const ALL_ID = 1;

export class Analysis {
  public readonly options: Required<AnalysisOptions>;
  public readonly policies: readonly Policy[];
  /** every distinct peer of every rule */
  public readonly peers: readonly PolicyPeer[];

  private readonly policiesByNamespace = new Map<string, number[]>();
  private readonly compiled: { Ingress: CompiledRule[]; Egress: CompiledRule[] }[] = [];
  private readonly peerIdByKey = new Map<string, number>();
  private readonly selectorPeerIds: number[] = [];
  private readonly ipPeerIds: number[] = [];
  private readonly selectorPeersByNamespace = new Map<string, number[]>();
  private readonly referencedPortNames = new Set<string>();

  private readonly _endpoints: Endpoint[] = [];
  private readonly endpointIndex = new Map<string, number>();
  private readonly podCount: number;

  // per endpoint: class ids
  private readonly egressSide: number[] = [];
  private readonly ingressSide: number[] = [];
  private readonly asDestination: number[] = [];
  private readonly asSource: number[] = [];

  // classes (index 0 of the side classes = not isolated)
  private readonly egressClasses: SideClass[] = [{ policies: [], namedPorts: [] }];
  private readonly ingressClasses: SideClass[] = [{ policies: [], namedPorts: [] }];
  private readonly destinationClasses: PeerClass[] = [];
  private readonly sourceClasses: PeerClass[] = [];
  private readonly classIds = new Map<string, number>();

  // memo tables
  private readonly egressRows: (number[] | undefined)[] = [];
  private readonly ingressRows: (number[] | undefined)[] = [];
  private readonly conns: ConnSet[] = [ConnSet.NONE, ConnSet.ALL];
  private readonly connIdByText = new Map<string, number>([[ConnSet.NONE.toString(), NONE_ID], [ConnSet.ALL.toString(), ALL_ID]]);
  private readonly meetMemo = new Map<number, number>();
  private externalRanges: ExternalEndpoint[] | undefined;
  private _pods: PodEndpoint[] | undefined;
  private _kindsByName: Map<string, number[]> | undefined;
  private readonly selectedPodsMemo = new Map<Policy, PodEndpoint[]>();

  public constructor(public readonly inventory: Inventory, options: AnalysisOptions = {}) {
    this.options = { ipBlockMatchesPods: options.ipBlockMatchesPods ?? false };
    this.policies = inventory.policies;
    const peers: PolicyPeer[] = [];
    this.peers = peers;
    this.policies.forEach((policy, i) => {
      const list = this.policiesByNamespace.get(policy.namespace) ?? [];
      list.push(i);
      this.policiesByNamespace.set(policy.namespace, list);
      const compile = (rule: Rule): CompiledRule => {
        for (const n of rule.namedPorts) this.referencedPortNames.add(n.name);
        if (!rule.peers) return { policy, rule };
        const ids = rule.peers.map((peer) => {
          let id = this.peerIdByKey.get(peer.key);
          if (id === undefined) {
            id = peers.length;
            peers.push(peer);
            this.peerIdByKey.set(peer.key, id);
            (peer.kind === 'ipBlock' ? this.ipPeerIds : this.selectorPeerIds).push(id);
          }
          return id;
        });
        return { policy, rule, peerIds: [...new Set(ids)] };
      };
      this.compiled.push({ Ingress: policy.ingress.map(compile), Egress: policy.egress.map(compile) });
    });
    for (const pod of inventory.pods) this.addEndpoint(pod);
    this.podCount = this._endpoints.length;
  }

  // ---------------------------------------------------------------- endpoints

  /** Pods/workloads, in insertion order (external endpoints come after, once created). */
  public get pods(): readonly PodEndpoint[] {
    return (this._pods ??= this._endpoints.slice(0, this.podCount) as PodEndpoint[]);
  }

  /** Every endpoint known so far: pods, then external ranges/addresses that were asked about. */
  public get endpoints(): readonly Endpoint[] {
    return this._endpoints;
  }

  /** The endpoint a query names: `namespace/name`, or an IP literal (outside the cluster). */
  public endpoint(text: string): Endpoint {
    return this._endpoints[this.resolve(text)];
  }

  /**
   * An endpoint's index (for the `*ByIndex` fast paths). `text` is an endpoint's name
   * (`namespace/name`, `name` for the default namespace, `namespace/name (Kind)` where two
   * kinds share a name; the kind in any case) or an IP literal. Throws on unknown names, listing
   * the closest, and on a name that two kinds share, listing both.
   */
  public resolve(text: string): number {
    const known = this.endpointIndex.get(text);
    if (known !== undefined) return known;
    const ip = parseIp(text.trim());
    if (ip) return this.externalAddress(ip);
    const qualified = /^(.+?)\s*\(([A-Za-z]+)\)$/.exec(text.trim());
    const base = qualified ? qualified[1] : text.trim();
    for (const id of base.includes('/') ? [base] : [base, `default/${base}`]) {
      const candidates = this.kindsByName.get(id);
      if (!candidates) continue;
      if (qualified) {
        const found = candidates.find((i) => (this._endpoints[i] as PodEndpoint).workloadKind.toLowerCase() === qualified[2].toLowerCase());
        if (found !== undefined) return found;
      } else if (candidates.length === 1) {
        return candidates[0];
      } else {
        const names = candidates.map((i) => JSON.stringify(this._endpoints[i].id)).join(' or ');
        throw new Error(`Endpoint "${text}" is ambiguous: ${candidates.length} objects of different kinds have that name; write ${names}.`);
      }
    }
    throw new Error(unknownEndpointMessage(text, this.pods.map((p) => p.id)));
  }

  /** endpoint indexes by `namespace/name` (several when kinds share a name) */
  private get kindsByName(): Map<string, number[]> {
    if (!this._kindsByName) {
      this._kindsByName = new Map();
      this.pods.forEach((p, i) => {
        const id = `${p.namespace}/${p.name}`;
        this._kindsByName!.set(id, [...(this._kindsByName!.get(id) ?? []), i]);
      });
    }
    return this._kindsByName;
  }

  /**
   * The address space outside the cluster, split at every ipBlock boundary (`cidr` and
   * `except`), with adjacent pieces that no policy tells apart merged. IPv4 always; IPv6 when a
   * policy or a pod mentions IPv6.
   */
  public externalRangeEndpoints(): readonly ExternalEndpoint[] {
    if (!this.externalRanges) this.externalRanges = this.buildExternalRanges();
    return this.externalRanges;
  }

  // ---------------------------------------------------------------- selection

  /** Policies that select the endpoint for the direction (it is isolated iff non-empty). */
  public selectingPolicies(endpoint: Endpoint | number, direction: DirectionName): readonly Policy[] {
    const i = typeof endpoint === 'number' ? endpoint : this.indexOf(endpoint);
    const side = direction === 'Ingress' ? this.ingressClasses[this.ingressSide[i]] : this.egressClasses[this.egressSide[i]];
    return side.policies.map((p) => this.policies[p]);
  }

  public isIsolated(endpoint: Endpoint | number, direction: DirectionName): boolean {
    return this.selectingPolicies(endpoint, direction).length > 0;
  }

  /** true when the policy's `spec.podSelector` selects the endpoint (a pod of the policy's namespace). */
  public selects(policy: Policy, endpoint: Endpoint): boolean {
    return endpoint.kind === 'pod' && endpoint.namespace === policy.namespace && selectorMatches(policy.podSelector, endpoint.labels);
  }

  /** Pods a policy's `spec.podSelector` selects (pods of its own namespace). */
  public selectedPods(policy: Policy): readonly PodEndpoint[] {
    let list = this.selectedPodsMemo.get(policy);
    if (!list) {
      list = this.pods.filter((p) => this.selects(policy, p));
      this.selectedPodsMemo.set(policy, list);
    }
    return list;
  }

  /** true when a peer matches the endpoint (selector peers: pods; ipBlocks: external addresses, and pod IPs with `ipBlockMatchesPods`). */
  public peerMatches(peer: PolicyPeer, endpoint: Endpoint): boolean {
    if (peer.kind === 'ipBlock') {
      if (endpoint.kind === 'external') return ipBlockMatches(peer, { family: endpoint.family, value: endpoint.first });
      return this.options.ipBlockMatchesPods && endpoint.ip !== undefined && ipBlockMatches(peer, endpoint.ip);
    }
    if (endpoint.kind === 'external') return false;
    return peerMatchesNamespace(peer, endpoint.namespace, this.inventory.namespace(endpoint.namespace).labels) &&
      (!peer.podSelector || selectorMatches(peer.podSelector, endpoint.labels));
  }

  /** Pods a peer matches. */
  public podsMatchingPeer(peer: PolicyPeer): PodEndpoint[] {
    return this.pods.filter((p) => this.peerMatches(peer, p));
  }

  // ---------------------------------------------------------------- connections

  /**
   * What NetworkPolicy allows from one endpoint to another (rule semantics only: callers that
   * report to users check `notCoveredReason` first).
   */
  public connections(from: Endpoint | string, to: Endpoint | string): ConnSet {
    return this.conns[this.connectionIdByIndex(this.indexOf(from), this.indexOf(to))];
  }

  /** Fast path for full passes: endpoints by index, the result as an interned id (see `connSetById`). */
  public connectionIdByIndex(from: number, to: number): number {
    const e = this.egressId(from, to);
    if (e === NONE_ID) return NONE_ID;
    const i = this.ingressId(from, to);
    if (e === ALL_ID || i === NONE_ID) return i;
    if (i === ALL_ID) return e;
    const key = e * 1048576 + i;
    let id = this.meetMemo.get(key);
    if (id === undefined) {
      id = this.intern(this.conns[e].intersect(this.conns[i]));
      this.meetMemo.set(key, id);
    }
    return id;
  }

  public connSetById(id: number): ConnSet {
    return this.conns[id];
  }

  /** What the egress side alone allows (ALL when the source is not egress-isolated). */
  public egressConnections(from: Endpoint | string, to: Endpoint | string): ConnSet {
    return this.conns[this.egressId(this.indexOf(from), this.indexOf(to))];
  }

  /** What the ingress side alone allows (ALL when the destination is not ingress-isolated). */
  public ingressConnections(from: Endpoint | string, to: Endpoint | string): ConnSet {
    return this.conns[this.ingressId(this.indexOf(from), this.indexOf(to))];
  }

  /**
   * Why NetworkPolicy has nothing to say about this pair, or undefined when it applies:
   * a pod to itself, a hostNetwork pod, or two addresses outside the cluster.
   */
  public notCoveredReason(from: Endpoint | string, to: Endpoint | string): string | undefined {
    const a = this._endpoints[this.indexOf(from)];
    const b = this._endpoints[this.indexOf(to)];
    if (a.kind === 'external' && b.kind === 'external') {
      return `${a.id} and ${b.id} are both outside the cluster: NetworkPolicy does not apply`;
    }
    for (const e of [a, b]) {
      if (e.kind === 'pod' && e.hostNetwork) {
        return `${e.id} uses hostNetwork: it shares its node's network and address, so NetworkPolicy does not apply to it ` +
          'and selectors do not match it; what it can reach depends on the network plugin';
      }
    }
    if (a === b) {
      return `${a.id} to itself: traffic from a pod to itself (loopback) is not subject to NetworkPolicy ` +
        '(traffic between two replicas of one workload is: query it as two pods)';
    }
    return undefined;
  }

  /** The rules of the policies selecting the source for egress that admit some traffic to the destination. */
  public egressRuleMatches(from: Endpoint | string, to: Endpoint | string): RuleMatch[] {
    const f = this.indexOf(from);
    const t = this.indexOf(to);
    const dest = this.destinationClasses[this.asDestination[t]];
    return this.ruleMatches(this.egressClasses[this.egressSide[f]].policies, 'Egress', dest.peers, dest.namedPorts);
  }

  /** The rules of the policies selecting the destination for ingress that admit some traffic from the source. */
  public ingressRuleMatches(from: Endpoint | string, to: Endpoint | string): RuleMatch[] {
    const f = this.indexOf(from);
    const t = this.indexOf(to);
    const side = this.ingressClasses[this.ingressSide[t]];
    return this.ruleMatches(side.policies, 'Ingress', this.sourceClasses[this.asSource[f]].peers, side.namedPorts);
  }

  /**
   * Calls back for every ordered pair of distinct endpoints NetworkPolicy applies to (pods that
   * are not hostNetwork, and the external ranges; not range to range) with the interned result id.
   */
  public forEachPair(callback: (from: number, to: number, connId: number) => void, includeExternal = true): void {
    const inside: number[] = [];
    for (let i = 0; i < this.podCount; i++) {
      if (!(this._endpoints[i] as PodEndpoint).hostNetwork) inside.push(i);
    }
    const outside = includeExternal ? this.externalRangeEndpoints().map((e) => this.indexOf(e)) : [];
    for (const a of inside) {
      for (const b of inside) if (a !== b) callback(a, b, this.connectionIdByIndex(a, b));
      for (const b of outside) callback(a, b, this.connectionIdByIndex(a, b));
    }
    for (const a of outside) {
      for (const b of inside) callback(a, b, this.connectionIdByIndex(a, b));
    }
  }

  /**
   * Every allowed connection between distinct endpoints (pods and external ranges), sorted by
   * source then destination (pods by name, then IPv4 ranges, then IPv6 ranges, by address).
   * hostNetwork pods are left out: see `notCoveredEndpoints`. For very large clusters prefer
   * `forEachConnection`, which streams the same lines without holding them.
   */
  public connectivity(): Connection[] {
    const out: Connection[] = [];
    this.forEachConnection((from, to, conns) => out.push({ from, to, conns }));
    return out;
  }

  /**
   * Streams `connectivity()` in the same order. Adjacent external ranges with the same result
   * for a pod are merged into one range.
   */
  public forEachConnection(callback: (from: Endpoint, to: Endpoint, conns: ConnSet) => void): void {
    const inside: number[] = [];
    for (let i = 0; i < this.podCount; i++) {
      if (!(this._endpoints[i] as PodEndpoint).hostNetwork) inside.push(i);
    }
    inside.sort((x, y) => compare(this._endpoints[x].id, this._endpoints[y].id));
    const outside = this.externalRangeEndpoints();
    const outsideIdx = outside.map((e) => this.indexOf(e));
    const fromOutside: Connection[] = [];
    for (const a of inside) {
      const pod = this._endpoints[a];
      for (const b of inside) {
        if (a === b) continue;
        const id = this.connectionIdByIndex(a, b);
        if (id !== NONE_ID) callback(pod, this._endpoints[b], this.conns[id]);
      }
      for (const run of mergeRuns(outside, outsideIdx.map((b) => this.connectionIdByIndex(a, b)), NONE_ID)) {
        callback(pod, run.range, this.conns[run.id]);
      }
      for (const run of mergeRuns(outside, outsideIdx.map((b) => this.connectionIdByIndex(b, a)), NONE_ID)) {
        fromOutside.push({ from: run.range, to: pod, conns: this.conns[run.id] });
      }
    }
    // external sources sort after every pod; their merged ranges differ per destination
    fromOutside.sort((x, y) => compareEndpoints(x.from, y.from) || compareEndpoints(x.to, y.to));
    for (const c of fromOutside) callback(c.from, c.to, c.conns);
  }

  /** Endpoints NetworkPolicy does not apply to (hostNetwork pods), with the reason. */
  public notCoveredEndpoints(): { endpoint: PodEndpoint; reason: string }[] {
    return this.pods.filter((p) => p.hostNetwork).map((p) => ({ endpoint: p, reason: this.notCoveredReason(p, p)! }));
  }

  // ---------------------------------------------------------------- internals

  private indexOf(e: Endpoint | string | number): number {
    if (typeof e === 'number') return e;
    if (typeof e === 'string') return this.resolve(e);
    const i = this.endpointIndex.get(e.id);
    if (i !== undefined) return i;
    if (e.kind === 'external') return this.addEndpoint(e);
    throw new Error(unknownEndpointMessage(e.id, this.pods.map((p) => p.id)));
  }

  private egressId(from: number, to: number): number {
    const side = this.egressSide[from];
    if (side === 0) return ALL_ID;
    const row = (this.egressRows[side] ??= []);
    const dest = this.asDestination[to];
    let id = row[dest];
    if (id === undefined) {
      const d = this.destinationClasses[dest];
      id = this.intern(this.union(this.egressClasses[side].policies, 'Egress', d.peers, d.namedPorts));
      row[dest] = id;
    }
    return id;
  }

  private ingressId(from: number, to: number): number {
    const side = this.ingressSide[to];
    if (side === 0) return ALL_ID;
    const row = (this.ingressRows[side] ??= []);
    const src = this.asSource[from];
    let id = row[src];
    if (id === undefined) {
      const s = this.ingressClasses[side];
      id = this.intern(this.union(s.policies, 'Ingress', this.sourceClasses[src].peers, s.namedPorts));
      row[src] = id;
    }
    return id;
  }

  private union(policies: readonly number[], direction: DirectionName, peers: ReadonlySet<number>, namedPorts: readonly ContainerPort[]): ConnSet {
    let result = ConnSet.NONE;
    for (const p of policies) {
      for (const cr of this.compiled[p][direction]) {
        if (!ruleMatchesPeers(cr, peers)) continue;
        result = result.union(rulePorts(cr.rule, namedPorts));
        if (result.isAll) return ConnSet.ALL;
      }
    }
    return result;
  }

  private ruleMatches(
    policies: readonly number[], direction: DirectionName, peers: ReadonlySet<number>, namedPorts: readonly ContainerPort[],
  ): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const p of policies) {
      for (const cr of this.compiled[p][direction]) {
        if (!ruleMatchesPeers(cr, peers)) continue;
        const conns = rulePorts(cr.rule, namedPorts);
        if (!conns.isEmpty) out.push({ policy: cr.policy, rule: cr.rule, conns });
      }
    }
    return out;
  }

  private intern(c: ConnSet): number {
    const text = c.toString();
    let id = this.connIdByText.get(text);
    if (id === undefined) {
      id = this.conns.length;
      this.conns.push(c);
      this.connIdByText.set(text, id);
    }
    return id;
  }

  private classId(role: string, key: string, create: () => number): number {
    const k = `${role}|${key}`;
    let id = this.classIds.get(k);
    if (id === undefined) {
      id = create();
      this.classIds.set(k, id);
    }
    return id;
  }

  private addEndpoint(e: Endpoint): number {
    const index = this._endpoints.length;
    this._endpoints.push(e);
    this.endpointIndex.set(e.id, index);
    const ingress: number[] = [];
    const egress: number[] = [];
    const peers: number[] = [];
    let named: ContainerPort[] = [];
    if (e.kind === 'pod') {
      for (const p of this.policiesByNamespace.get(e.namespace) ?? []) {
        const policy = this.policies[p];
        if ((policy.affectsIngress || policy.affectsEgress) && selectorMatches(policy.podSelector, e.labels)) {
          if (policy.affectsIngress) ingress.push(p);
          if (policy.affectsEgress) egress.push(p);
        }
      }
      for (const id of this.selectorPeersFor(e.namespace)) {
        const peer = this.peers[id] as SelectorPeer;
        if (!peer.podSelector || selectorMatches(peer.podSelector, e.labels)) peers.push(id);
      }
      if (this.options.ipBlockMatchesPods && e.ip) {
        for (const id of this.ipPeerIds) if (ipBlockMatches(this.peers[id] as IpBlockPeer, e.ip)) peers.push(id);
      }
      named = e.ports.filter((p) => p.name !== undefined && this.referencedPortNames.has(p.name))
        .sort((x, y) => compare(x.name!, y.name!) || compare(x.protocol, y.protocol) || x.port - y.port);
    } else {
      const ip: IpAddress = { family: e.family, value: e.first };
      for (const id of this.ipPeerIds) if (ipBlockMatches(this.peers[id] as IpBlockPeer, ip)) peers.push(id);
    }
    peers.sort((x, y) => x - y);
    const peerKey = peers.join(',');
    const namedKey = named.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',');
    this.egressSide[index] = egress.length === 0 ? 0 : this.classId('eg', egress.join(','), () =>
      this.egressClasses.push({ policies: egress, namedPorts: [] }) - 1);
    this.ingressSide[index] = ingress.length === 0 ? 0 : this.classId('in', `${ingress.join(',')}#${namedKey}`, () =>
      this.ingressClasses.push({ policies: ingress, namedPorts: named }) - 1);
    this.asDestination[index] = this.classId('dst', `${peerKey}#${namedKey}`, () =>
      this.destinationClasses.push({ peers: new Set(peers), namedPorts: named }) - 1);
    this.asSource[index] = this.classId('src', peerKey, () =>
      this.sourceClasses.push({ peers: new Set(peers), namedPorts: [] }) - 1);
    return index;
  }

  private selectorPeersFor(namespace: string): number[] {
    let list = this.selectorPeersByNamespace.get(namespace);
    if (!list) {
      const labels = this.inventory.namespace(namespace).labels;
      list = this.selectorPeerIds.filter((id) => peerMatchesNamespace(this.peers[id] as SelectorPeer, namespace, labels));
      this.selectorPeersByNamespace.set(namespace, list);
    }
    return list;
  }

  private externalAddress(ip: IpAddress): number {
    const endpoint = externalAddress(ip.family, ip.value);
    const known = this.endpointIndex.get(endpoint.id);
    if (known !== undefined) return known;
    return this.addEndpoint(endpoint);
  }

  private buildExternalRanges(): ExternalEndpoint[] {
    const ipPeers = this.ipPeerIds.map((id) => this.peers[id] as IpBlockPeer);
    const v6 = ipPeers.some((p) => p.cidr.family === 6) || this.pods.some((p) => p.ip?.family === 6);
    return splitAddressSpace(ipPeers, v6 ? [4, 6] : [4])
      .map((r) => this._endpoints[this.indexOf(externalRange(r.family, r.first, r.last))] as ExternalEndpoint);
  }
}

function ruleMatchesPeers(cr: CompiledRule, peers: ReadonlySet<number>): boolean {
  if (!cr.peerIds) return true;
  for (const id of cr.peerIds) if (peers.has(id)) return true;
  return false;
}

/** What a rule's `ports` admit toward a destination with these (named) container ports. */
export function rulePorts(rule: Rule, destinationPorts: readonly ContainerPort[]): ConnSet {
  if (rule.namedPorts.length === 0) return rule.staticPorts;
  let result = rule.staticPorts;
  for (const n of rule.namedPorts) {
    for (const cp of destinationPorts) {
      if (cp.name === n.name && cp.protocol === n.protocol) result = result.union(ConnSet.range(n.protocol, cp.port));
    }
  }
  return result;
}
