/**
 * The reachability engine: an immutable snapshot of an `Inventory`, indexed so that a full
 * ordered-pair pass costs O(pairs) table look-ups, independent of the number of policies.
 *
 * How:
 * - policies are indexed by namespace; each endpoint is matched once against the policies of
 *   its own namespace (which select it, per direction), and against the subjects of the cluster
 *   policies (namespace selectors matched once per namespace);
 * - every distinct peer (selector peer or ipBlock; cluster `pods`/`namespaces`, `networks`,
 *   `nodes` and `domainNames` peers) gets an id; each endpoint is matched once against the peers
 *   that can apply to it, giving its set of matching peers;
 * - endpoints are grouped into equivalence classes per role: the egress side of a connection
 *   only depends on (NetworkPolicies and cluster policies selecting the source for egress) x
 *   (peers matching the destination + its named ports); the ingress side on (policies selecting
 *   the destination for ingress + its named ports) x (peers matching the source). Each class pair
 *   is computed once, lazily, and the result interned; a pair of endpoints is two look-ups and
 *   one memoized intersection, whatever the number of policies.
 * - the connectivity listing (`forEachConnection`) does not visit every pair: endpoints with the
 *   same four classes get the same verdicts, and a source only meets the destination classes
 *   that its egress rules' peers match (or, open for egress, those whose ingress rules' peers
 *   match it, and those open for ingress): its cost follows the listing, not the pairs;
 * - with cluster policies, a side is evaluated tier by tier (SEMANTICS.md section 8): the Admin
 *   tier, then NetworkPolicy, then the Baseline tier, then the default (allow), on port sets:
 *   each rule decides the ports it matches that no earlier rule decided.
 *
 * An `Analysis` reads its inventory when built (and namespace labels lazily): build a new one
 * after changing the inventory (`NetworkModel` does so on its own).
 */
import { dnsAlias } from './assumed-endpoints';
import {
  ClusterAction, ClusterPeer, ClusterPolicy, ClusterRule, ClusterTier, clusterRulePorts, compareClusterPolicies,
  describeClusterRule, domainNameMatches, normalizeDomainName,
} from './cluster-policy';
import { ConnSet } from './conn-set';
import { compareEndpoints, Endpoint, externalAddress, ExternalEndpoint, externalRange, unknownEndpointMessage } from './endpoint';
import { mergeRuns, splitAddressSpace } from './external-ranges';
import { ContainerPort, Inventory, NodeInfo, PodEndpoint } from './inventory';
import { selectorMatches } from './label-selector';
import { DirectionName, IpBlockPeer, PolicyPeer, Policy, Rule, SelectorPeer, ipBlockMatches, peerMatchesNamespace } from './policy';
import { Cidr, cidrContainsIp, hostCidr, IpAddress, parseIp } from '../k8s';
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

/** The tiers a side of a connection goes through, in order (SEMANTICS.md 8.1). */
export type TierName = 'Admin' | 'NetworkPolicy' | 'Baseline' | 'default';

/** What one tier (one rule of it, for the cluster tiers) did with some ports of one side. */
export interface TierDecision {
  readonly tier: TierName;
  /** `passed`: handed on to the next tier (a Pass rule) */
  readonly outcome: 'allowed' | 'denied' | 'passed';
  /** the ports of this decision (a rule decides only what no earlier rule decided) */
  readonly conns: ConnSet;
  /** the cluster policy and rule that decided (Admin and Baseline tiers) */
  readonly policy?: ClusterPolicy;
  readonly rule?: ClusterRule;
}

/** Why a verdict may not be what a cluster enforces, for some ports (SEMANTICS.md 8.5). */
export type CaveatKind =
  /** a `networks` peer was consulted for a pod whose IP is not known (read as not matching) */
  | 'pod-ip-unknown'
  /** a `nodes` peer was consulted for an address whose node is not known (read as not matching) */
  | 'node-unknown'
  /** a `domainNames` rule was consulted for an IP address (a listed name may resolve to it), or an IP-based peer for a domain (its addresses are not known) */
  | 'domain-name'
  /** two policies of one tier and one priority decide these ports differently: upstream leaves the order to the implementation */
  | 'same-priority';

export interface Caveat {
  readonly kind: CaveatKind;
  readonly direction: DirectionName;
  /** the ports whose verdict depends on what is not known */
  readonly conns: ConnSet;
  readonly policy: ClusterPolicy;
  readonly rule?: ClusterRule;
  /** the other policy, for `same-priority` */
  readonly other?: ClusterPolicy;
  /** one sentence */
  readonly text: string;
}

/** What one side of a connection does, tier by tier. */
export interface SideTrace {
  readonly direction: DirectionName;
  /** what this side lets through */
  readonly allowed: ConnSet;
  /** in evaluation order; together they cover the ports asked about (`ConnSet.ALL` by default) */
  readonly decisions: readonly TierDecision[];
  /** NetworkPolicies select the endpoint for this direction (the NetworkPolicy tier decides what reaches it) */
  readonly networkPolicyIsolated: boolean;
  readonly caveats: readonly Caveat[];
}

/** Two policies of one tier and priority whose order changes a verdict of the inventory. */
export interface PriorityConflict {
  readonly tier: ClusterTier;
  readonly priority?: number;
  readonly direction: DirectionName;
  readonly policies: readonly [ClusterPolicy, ClusterPolicy];
  /** one connection whose verdict depends on the order, and the ports concerned */
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly conns: ConnSet;
  /** the field that makes it so: `spec.priority` */
  readonly field: string;
  readonly text: string;
}

/** A cluster rule whose peers match a connection, with what it decides (see `clusterRuleMatches`). */
export interface ClusterRuleMatch {
  readonly policy: ClusterPolicy;
  readonly rule: ClusterRule;
  /** what the rule matches toward/from this peer */
  readonly conns: ConnSet;
  /** the part it decides: not decided by an earlier rule of its tier (or an earlier tier) */
  readonly decides: ConnSet;
}

interface CompiledRule {
  readonly policy: Policy;
  readonly rule: Rule;
  /** ids of the rule's peers; undefined = every peer */
  readonly peerIds?: readonly number[];
}

interface CompiledClusterRule {
  readonly policy: number;
  readonly rule: ClusterRule;
  /** ids of the rule's peers (in the cluster peer id space) */
  readonly peerIds: readonly number[];
  readonly hasNetworks: boolean;
  readonly hasNodes: boolean;
  readonly hasDomains: boolean;
}

interface SideClass {
  /** NetworkPolicy indexes selecting the endpoint for the direction */
  readonly policies: readonly number[];
  /** cluster policy indexes (evaluation order) selecting it and having rules of the direction */
  readonly cluster: readonly number[];
  /** the endpoint's container ports that some policy names (only for destinations) */
  readonly namedPorts: readonly ContainerPort[];
  /** an endpoint of the class, for examples */
  readonly sample: number;
  /** the class of `cluster` (and, for ingress, `namedPorts`) alone: what the cluster tiers depend on */
  readonly clusterSide: number;
}

interface PeerClass {
  readonly peers: ReadonlySet<number>;
  readonly cpeers: ReadonlySet<number>;
  readonly namedPorts: readonly ContainerPort[];
  /** what the engine does not know about the endpoint: letters of UNKNOWN_IP, UNKNOWN_NODE, OUTSIDE, DOMAIN */
  readonly flags: string;
  readonly sample: number;
  /** the class of `cpeers`, `flags` (and, for destinations, `namedPorts`) alone: what the cluster tiers depend on */
  readonly clusterPeer: number;
}

/** What the cluster tiers decide for a pair of cluster classes, whatever the NetworkPolicies (interned ids). */
interface ClusterOutcome {
  /** allowed by the Admin tier */
  readonly admin: number;
  /** left undecided or passed by the Admin tier: for the NetworkPolicy tier, when it isolates the endpoint */
  readonly next: number;
  /** `admin` with what the Baseline tier and the default allow of `next`: the answer when NetworkPolicy does not isolate */
  readonly unisolated: number;
}

const NONE_ID = 0;
const ALL_ID = 1;

// peer class flags (letters of `PeerClass.flags`): what the engine does not know about the endpoint
/** a pod without a known IP, where `networks` peers exist */
const UNKNOWN_IP = 'i';
/** a hostNetwork pod on a node the input does not describe, or an address when the input has no Node, where `nodes` peers exist */
const UNKNOWN_NODE = 'n';
/** an address outside the cluster, where `domainNames` peers exist */
const OUTSIDE = 'o';
/** a domain name (`domainConnections`) */
const DOMAIN = 'd';

const EMPTY_SIDE: SideClass = { policies: [], cluster: [], namedPorts: [], sample: -1, clusterSide: 0 };

/** What a tier walk records, when asked (explanations, caveats). */
interface Recorder {
  readonly decisions: TierDecision[];
  readonly caveats: Caveat[];
  /** look for same-priority conflicts */
  readonly conflicts: boolean;
}

export class Analysis {
  public readonly options: Required<AnalysisOptions>;
  public readonly policies: readonly Policy[];
  /** every distinct peer of every rule */
  public readonly peers: readonly PolicyPeer[];
  /** the cluster policies, in evaluation order: Admin tier then Baseline tier, each by priority (then kind and name) */
  public readonly clusterPolicies: readonly ClusterPolicy[];
  /** every distinct peer of every cluster rule */
  public readonly clusterPeers: readonly ClusterPeer[];

  private readonly policiesByNamespace = new Map<string, number[]>();
  private readonly compiled: { Ingress: CompiledRule[]; Egress: CompiledRule[] }[] = [];
  private readonly peerIdByKey = new Map<string, number>();
  /** selector peers with a namespaceSelector (matched against every namespace) */
  private readonly selectorPeerIds: number[] = [];
  /** selector peers without one, by the namespace they are confined to (no scan of other namespaces' peers) */
  private readonly localPeerIds = new Map<string, number[]>();
  private readonly ipPeerIds: number[] = [];
  private readonly selectorPeersByNamespace = new Map<string, number[]>();
  private readonly referencedPortNames = new Set<string>();

  private readonly clusterCompiled: { Ingress: CompiledClusterRule[]; Egress: CompiledClusterRule[] }[] = [];
  private readonly clusterPeerIdByKey = new Map<string, number>();
  private readonly clusterPodPeerIds: number[] = [];
  private readonly clusterNetworkPeerIds: number[] = [];
  private readonly clusterNodePeerIds: number[] = [];
  private readonly clusterDomainPeerIds: number[] = [];
  private readonly clusterPodPeersByNamespace = new Map<string, number[]>();
  private readonly subjectsByNamespace = new Map<string, number[]>();
  private readonly nodesByName = new Map<string, NodeInfo>();
  private readonly nodeByAddress = new Map<string, NodeInfo>();

  private readonly _endpoints: Endpoint[] = [];
  private readonly endpointIndex = new Map<string, number>();
  private readonly podCount: number;

  // per endpoint: class ids
  private readonly egressSide: number[] = [];
  private readonly ingressSide: number[] = [];
  /** the side classes verdicts use: none for a hostNetwork pod (no policy of any tier applies to it) */
  private readonly egressVerdictSide: number[] = [];
  private readonly ingressVerdictSide: number[] = [];
  private readonly asDestination: number[] = [];
  private readonly asSource: number[] = [];

  // classes (index 0 of the side classes = not selected by any policy)
  private readonly egressClasses: SideClass[] = [EMPTY_SIDE];
  private readonly ingressClasses: SideClass[] = [EMPTY_SIDE];
  private readonly destinationClasses: PeerClass[] = [];
  private readonly sourceClasses: PeerClass[] = [];
  private readonly classIds = new Map<string, number>();
  private readonly clusterClassIds = new Map<string, number>();
  /** by direction, cluster side class, cluster peer class */
  private readonly clusterOutcomes: Record<DirectionName, (ClusterOutcome | undefined)[][]> = { Ingress: [], Egress: [] };

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
            if (peer.kind === 'ipBlock') this.ipPeerIds.push(id);
            else if (peer.namespaceSelector || peer.namespace === undefined) this.selectorPeerIds.push(id);
            else push(this.localPeerIds, peer.namespace, id);
          }
          return id;
        });
        return { policy, rule, peerIds: [...new Set(ids)] };
      };
      this.compiled.push({ Ingress: policy.ingress.map(compile), Egress: policy.egress.map(compile) });
    });

    this.clusterPolicies = [...inventory.clusterPolicies].sort(compareClusterPolicies);
    const clusterPeers: ClusterPeer[] = [];
    this.clusterPeers = clusterPeers;
    this.clusterPolicies.forEach((policy, p) => {
      const compile = (rule: ClusterRule): CompiledClusterRule => {
        for (const n of rule.namedPorts) this.referencedPortNames.add(n);
        const ids = rule.peers.map((peer) => {
          let id = this.clusterPeerIdByKey.get(peer.key);
          if (id === undefined) {
            id = clusterPeers.length;
            clusterPeers.push(peer);
            this.clusterPeerIdByKey.set(peer.key, id);
            const byKind = {
              pods: this.clusterPodPeerIds,
              networks: this.clusterNetworkPeerIds,
              nodes: this.clusterNodePeerIds,
              domainNames: this.clusterDomainPeerIds,
            };
            byKind[peer.kind].push(id);
          }
          return id;
        });
        return {
          policy: p,
          rule,
          peerIds: [...new Set(ids)],
          hasNetworks: rule.peers.some((x) => x.kind === 'networks'),
          hasNodes: rule.peers.some((x) => x.kind === 'nodes'),
          hasDomains: rule.peers.some((x) => x.kind === 'domainNames'),
        };
      };
      this.clusterCompiled.push({ Ingress: policy.ingress.map(compile), Egress: policy.egress.map(compile) });
    });
    for (const node of inventory.nodes) {
      this.nodesByName.set(node.name, node);
      for (const a of node.addresses) this.nodeByAddress.set(`${a.family}/${a.value}`, node);
    }
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
    const dns = dnsAlias(base, this.pods);
    if (dns?.length === 1) return this.indexOf(dns[0]);
    if (dns) {
      throw new Error(`Endpoint "${text}" names the cluster DNS, and ${dns.length} workloads are DNS pods: write one of ${dns.map((p) => JSON.stringify(p.id)).join(', ')}.`);
    }
    // stand-ins are not suggested: the names the input defines are
    throw new Error(unknownEndpointMessage(text, this.pods.filter((p) => !p.assumed).map((p) => p.id)));
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
   * `except`), every cluster `networks` CIDR and every node address, with adjacent pieces that
   * no policy tells apart merged. IPv4 always; IPv6 when a policy, a pod or a node mentions IPv6.
   */
  public externalRangeEndpoints(): readonly ExternalEndpoint[] {
    if (!this.externalRanges) this.externalRanges = this.buildExternalRanges();
    return this.externalRanges;
  }

  // ---------------------------------------------------------------- selection

  /** NetworkPolicies that select the endpoint for the direction (it is isolated iff non-empty). */
  public selectingPolicies(endpoint: Endpoint | number, direction: DirectionName): readonly Policy[] {
    const i = typeof endpoint === 'number' ? endpoint : this.indexOf(endpoint);
    const side = direction === 'Ingress' ? this.ingressClasses[this.ingressSide[i]] : this.egressClasses[this.egressSide[i]];
    return side.policies.map((p) => this.policies[p]);
  }

  /** Whether NetworkPolicies isolate the endpoint for the direction (the cluster tiers aside). */
  public isIsolated(endpoint: Endpoint | number, direction: DirectionName): boolean {
    return this.selectingPolicies(endpoint, direction).length > 0;
  }

  /**
   * Cluster policies whose subject selects the endpoint and that have rules of the direction, in
   * evaluation order. hostNetwork pods and addresses are never subjects.
   */
  public selectingClusterPolicies(endpoint: Endpoint | string | number, direction: DirectionName): readonly ClusterPolicy[] {
    const i = this.indexOf(endpoint);
    const side = direction === 'Ingress' ? this.ingressClasses[this.ingressSide[i]] : this.egressClasses[this.egressSide[i]];
    return side.cluster.map((p) => this.clusterPolicies[p]);
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

  /** Pods a cluster policy's subject selects (never hostNetwork pods). */
  public clusterSubjectPods(policy: ClusterPolicy): PodEndpoint[] {
    return this.pods.filter((p) => !p.hostNetwork &&
      selectorMatches(policy.subject.namespaceSelector, this.inventory.namespace(p.namespace).labels) &&
      (!policy.subject.podSelector || selectorMatches(policy.subject.podSelector, p.labels)));
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

  /** true when a cluster peer matches the endpoint (SEMANTICS.md 8.3). */
  public clusterPeerMatches(peer: ClusterPeer, endpoint: Endpoint | string): boolean {
    const i = this.indexOf(endpoint);
    const id = this.clusterPeerIdByKey.get(peer.key);
    return id !== undefined && this.destinationClasses[this.asDestination[i]].cpeers.has(id);
  }

  // ---------------------------------------------------------------- connections

  /**
   * What the policies allow from one endpoint to another: both sides, every tier (rule
   * semantics only: callers that report to users check `notCoveredReason` first).
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

  /** What the egress side alone allows (ALL when no policy of any tier selects the source for egress). */
  public egressConnections(from: Endpoint | string, to: Endpoint | string): ConnSet {
    return this.conns[this.egressId(this.indexOf(from), this.indexOf(to))];
  }

  /** What the ingress side alone allows (ALL when no policy of any tier selects the destination for ingress). */
  public ingressConnections(from: Endpoint | string, to: Endpoint | string): ConnSet {
    return this.conns[this.ingressId(this.indexOf(from), this.indexOf(to))];
  }

  /**
   * Why the policies have nothing to say about this pair, or undefined when they apply:
   * a pod to itself, a hostNetwork pod, or two addresses outside the cluster. With cluster
   * policies in the inventory, a pod to a hostNetwork pod is covered: the source's egress
   * tiers decide (`nodes` and `networks` peers match it by its node), and nothing restricts
   * the hostNetwork pod's ingress (SEMANTICS.md 8.3).
   */
  public notCoveredReason(from: Endpoint | string, to: Endpoint | string): string | undefined {
    const a = this._endpoints[this.indexOf(from)];
    const b = this._endpoints[this.indexOf(to)];
    if (a.kind === 'external' && b.kind === 'external') {
      return `${a.id} and ${b.id} are both outside the cluster: NetworkPolicy does not apply`;
    }
    const hostNetworkTarget = this.clusterPolicies.length > 0 && a !== b && a.kind === 'pod' && !a.hostNetwork && b.kind === 'pod' && b.hostNetwork;
    for (const e of hostNetworkTarget ? [a] : [a, b]) {
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

  /** The rules of the NetworkPolicies selecting the source for egress that admit some traffic to the destination. */
  public egressRuleMatches(from: Endpoint | string, to: Endpoint | string): RuleMatch[] {
    const f = this.indexOf(from);
    const t = this.indexOf(to);
    const dest = this.destinationClasses[this.asDestination[t]];
    return this.ruleMatches(this.egressClasses[this.egressSide[f]].policies, 'Egress', dest.peers, dest.namedPorts);
  }

  /** The rules of the NetworkPolicies selecting the destination for ingress that admit some traffic from the source. */
  public ingressRuleMatches(from: Endpoint | string, to: Endpoint | string): RuleMatch[] {
    const f = this.indexOf(from);
    const t = this.indexOf(to);
    const side = this.ingressClasses[this.ingressSide[t]];
    return this.ruleMatches(side.policies, 'Ingress', this.sourceClasses[this.asSource[f]].peers, side.namedPorts);
  }

  /**
   * The cluster rules whose peers match the connection on one side (the source's egress rules,
   * or the destination's ingress rules), in evaluation order, with what each matches and the
   * part it decides (first match wins: the ports no earlier rule of the walk decided).
   */
  public clusterRuleMatches(from: Endpoint | string, to: Endpoint | string, direction: DirectionName): ClusterRuleMatch[] {
    const { side, peer } = this.classesOf(this.indexOf(from), this.indexOf(to), direction);
    const out: ClusterRuleMatch[] = [];
    const rec: Recorder = { decisions: [], caveats: [], conflicts: false };
    this.walk(direction, side, peer, ConnSet.ALL, rec);
    for (const p of side.cluster) {
      for (const cr of this.clusterCompiled[p][direction]) {
        if (!this.clusterRuleMatchesPeer(cr, peer)) continue;
        const conns = clusterRulePorts(cr.rule, this.destinationPortsOf(direction, side, peer));
        if (conns.isEmpty) continue;
        const decides = rec.decisions.filter((d) => d.rule === cr.rule).reduce((acc, d) => acc.union(d.conns), ConnSet.NONE);
        out.push({ policy: this.clusterPolicies[p], rule: cr.rule, conns, decides });
      }
    }
    return out;
  }

  /**
   * One side of a connection, tier by tier: the decisions (which rule or tier let through or
   * dropped which ports), what gets through, and the caveats. `scope` restricts the ports
   * followed (one port, for an explanation). hostNetwork pods and addresses outside the cluster
   * have no policy of any tier: one `default` decision.
   */
  public sideTrace(from: Endpoint | string, to: Endpoint | string, direction: DirectionName, scope: ConnSet = ConnSet.ALL): SideTrace {
    const f = this.indexOf(from);
    const t = this.indexOf(to);
    const verdictSide = direction === 'Egress' ? this.egressVerdictSide[f] : this.ingressVerdictSide[t];
    const { side, peer } = this.classesOf(f, t, direction);
    const rec: Recorder = { decisions: [], caveats: [], conflicts: true };
    const allowed = verdictSide === 0 ? this.defaultDecision(scope, rec) : this.walk(direction, side, peer, scope, rec);
    const networkPolicyIsolated = verdictSide !== 0 && side.policies.length > 0;
    return { direction, allowed, decisions: rec.decisions, networkPolicyIsolated, caveats: rec.caveats };
  }

  /**
   * What may make this pair's verdict differ from what a cluster enforces, per side: a pod
   * whose IP is not known where a `networks` peer is consulted, an unknown node, a domain name,
   * policies of one priority that decide differently (SEMANTICS.md 8.5). Empty for
   * NetworkPolicy-only inventories.
   */
  public caveats(from: Endpoint | string, to: Endpoint | string): Caveat[] {
    if (this.clusterPolicies.length === 0) return [];
    return [...this.sideTrace(from, to, 'Egress').caveats, ...this.sideTrace(from, to, 'Ingress').caveats];
  }

  /**
   * Pairs of cluster policies of one tier with one priority that both have rules of a common
   * direction: upstream leaves their order to the implementation. The engine takes them by
   * kind and name; `samePriorityConflicts` says where that changes a verdict.
   */
  public samePriorityPairs(): { tier: ClusterTier; priority?: number; policies: [ClusterPolicy, ClusterPolicy] }[] {
    const out: { tier: ClusterTier; priority?: number; policies: [ClusterPolicy, ClusterPolicy] }[] = [];
    const cps = this.clusterPolicies;
    for (let i = 0; i < cps.length; i++) {
      for (let j = i + 1; j < cps.length && cps[j].tier === cps[i].tier && cps[j].priority === cps[i].priority; j++) {
        const common = (cps[i].ingress.length > 0 && cps[j].ingress.length > 0) || (cps[i].egress.length > 0 && cps[j].egress.length > 0);
        if (common) out.push({ tier: cps[i].tier, priority: cps[i].priority, policies: [cps[i], cps[j]] });
      }
    }
    return out;
  }

  /**
   * Pairs of policies of one tier and one priority that decide some connection of the inventory
   * differently (one accepts what the other denies or passes, ...): the engine's verdict then
   * rests on an order upstream does not define. One example connection per pair and direction.
   */
  public samePriorityConflicts(): PriorityConflict[] {
    if (this.samePriorityPairs().length === 0) return [];
    this.externalRangeEndpoints();
    const found = new Map<string, PriorityConflict>();
    const scan = (direction: DirectionName, sides: readonly SideClass[], peers: readonly PeerClass[]) => {
      sides.forEach((side, s) => {
        if (s === 0 || !this.hasPriorityGroup(side.cluster)) return;
        for (const peer of peers) {
          if (peer.sample < 0) continue;
          const rec: Recorder = { decisions: [], caveats: [], conflicts: true };
          this.walk(direction, side, peer, ConnSet.ALL, rec);
          for (const c of rec.caveats) {
            if (c.kind !== 'same-priority') continue;
            const key = `${direction}|${c.policy.id}|${c.other!.id}`;
            if (found.has(key)) continue;
            const self = this._endpoints[side.sample];
            const other = this._endpoints[this.otherThan(side.sample, peer, direction === 'Egress' ? this.asDestination : this.asSource)];
            const [from, to] = direction === 'Egress' ? [self, other] : [other, self];
            found.set(key, {
              tier: c.policy.tier,
              priority: c.policy.priority,
              direction,
              policies: [c.policy, c.other!],
              from,
              to,
              conns: c.conns,
              field: 'spec.priority',
              text: `${c.policy.id} and ${c.other!.id} (${c.policy.tier} tier, priority ${c.policy.priority ?? 'none'}) decide ${from.id} => ${to.id} ` +
                `on ${c.conns} differently: which one applies is up to the implementation (spec.priority)`,
            });
          }
        }
      });
    };
    scan('Egress', this.egressClasses, this.destinationClasses);
    scan('Ingress', this.ingressClasses, this.sourceClasses);
    return [...found.values()];
  }

  /**
   * Endpoints whose address or node the engine does not know while some cluster peer needs it:
   * pods (and hostNetwork pods) without an IP when a `networks` peer exists, hostNetwork pods
   * without a known node when a `nodes` peer exists. `networks` and `nodes` peers are read as not
   * matching them, and every verdict that rests on it carries a caveat.
   */
  public unknownAddressEndpoints(): { endpoint: PodEndpoint; reason: string }[] {
    const out: { endpoint: PodEndpoint; reason: string }[] = [];
    this.pods.forEach((p, i) => {
      const flags = this.destinationClasses[this.asDestination[i]].flags;
      if (flags.includes(UNKNOWN_IP)) out.push({ endpoint: p, reason: `${p.id} has no known IP: \`networks\` peers are read as not matching it` });
      if (flags.includes(UNKNOWN_NODE)) out.push({ endpoint: p, reason: `${p.id} uses hostNetwork on a node the input does not describe: \`nodes\` peers are read as not matching it` });
    });
    return out;
  }

  /** Every `domainNames` entry of the cluster policies, with the rule that lists it. */
  public domainNames(): { name: string; policy: ClusterPolicy; rule: ClusterRule }[] {
    const out: { name: string; policy: ClusterPolicy; rule: ClusterRule }[] = [];
    this.clusterPolicies.forEach((policy) => {
      for (const rule of policy.egress) {
        for (const peer of rule.peers) if (peer.kind === 'domainNames') for (const name of peer.names) out.push({ name, policy, rule });
      }
    });
    return out;
  }

  /**
   * What the source may send to a domain name (`api.example.com`): its egress side, where
   * `domainNames` peers match the name, IP-based peers (`networks`, ipBlocks) only when they
   * cover a whole address family (the name's addresses are not known: other CIDRs are read as
   * not matching, with a caveat), and no pod, namespace or node peer matches. Nothing restricts
   * the ingress of a name outside the cluster.
   */
  public domainConnections(from: Endpoint | string, domain: string): ConnSet {
    return this.domainTrace(from, domain).allowed;
  }

  /** `domainConnections` with its decisions and caveats. */
  public domainTrace(from: Endpoint | string, domain: string, scope: ConnSet = ConnSet.ALL): SideTrace {
    const f = this.indexOf(from);
    const name = normalizeDomainName(domain);
    const cpeers = new Set<number>();
    for (const id of this.clusterDomainPeerIds) {
      const peer = this.clusterPeers[id] as { names: readonly string[] };
      if (peer.names.some((n) => domainNameMatches(n, name))) cpeers.add(id);
    }
    for (const id of this.clusterNetworkPeerIds) {
      const peer = this.clusterPeers[id] as { cidrs: readonly Cidr[] };
      if (peer.cidrs.some((c) => c.prefix === 0)) cpeers.add(id);
    }
    const peers = new Set<number>();
    for (const id of this.ipPeerIds) {
      const peer = this.peers[id] as IpBlockPeer;
      if (peer.cidr.prefix === 0 && peer.except.length === 0) peers.add(id);
    }
    const peerClass: PeerClass = { peers, cpeers, namedPorts: [], flags: DOMAIN, sample: -1, clusterPeer: -1 };
    const rec: Recorder = { decisions: [], caveats: [], conflicts: true };
    const verdictSide = this.egressVerdictSide[f];
    const side = this.egressClasses[this.egressSide[f]];
    const allowed = verdictSide === 0 ? this.defaultDecision(scope, rec) : this.walk('Egress', side, peerClass, scope, rec);
    const networkPolicyIsolated = verdictSide !== 0 && side.policies.length > 0;
    return { direction: 'Egress', allowed, decisions: rec.decisions, networkPolicyIsolated, caveats: rec.caveats };
  }

  /**
   * Calls back for every ordered pair of distinct endpoints the policies apply to (pods that
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
   *
   * Bounded by the output, not by the pairs: endpoints are grouped into classes that no policy
   * of any tier tells apart (same side classes and peer classes, so the same verdicts), verdicts
   * are computed per pair of classes, and only the class pairs that can have a connection are
   * visited: a source isolated for egress visits the destinations its egress rules' peers match
   * (an inverted index from peer to destination classes), a source open for egress the
   * destinations open for ingress and those whose ingress rules' peers match it. A side with a
   * rule open to every peer, or with cluster policies, visits every class. Memory: the classes,
   * and one source's row at a time.
   */
  public forEachConnection(callback: (from: Endpoint, to: Endpoint, conns: ConnSet) => void): void {
    const { inside, outside, outsideIdx } = this.listedEndpoints();
    const n = inside.length;

    // destination classes: (peer class as destination, ingress side); source classes: (egress side, peer class as source)
    const dstClassOf = new Int32Array(n);
    const dstSample: number[] = [];
    const dstMembers: number[][] = []; // positions in `inside`, ascending
    const dstIngress: number[] = [];
    const dstKeys = new Map<number, number>();
    const srcClassOf = new Int32Array(n);
    const srcSample: number[] = [];
    const srcKeys = new Map<number, number>();
    const dstClassesByPeerClass = new Map<number, number[]>();
    const dstClassesByIngress = new Map<number, number[]>();
    for (let pos = 0; pos < n; pos++) {
      const e = inside[pos];
      const dKey = this.asDestination[e] * this.ingressClasses.length + this.ingressVerdictSide[e];
      let d = dstKeys.get(dKey);
      if (d === undefined) {
        d = dstSample.length;
        dstKeys.set(dKey, d);
        dstSample.push(e);
        dstMembers.push([]);
        dstIngress.push(this.ingressVerdictSide[e]);
        push(dstClassesByPeerClass, this.asDestination[e], d);
        push(dstClassesByIngress, this.ingressVerdictSide[e], d);
      }
      dstClassOf[pos] = d;
      dstMembers[d].push(pos);
      const sKey = this.egressVerdictSide[e] * this.sourceClasses.length + this.asSource[e];
      let s = srcKeys.get(sKey);
      if (s === undefined) {
        s = srcSample.length;
        srcKeys.set(sKey, s);
        srcSample.push(e);
      }
      srcClassOf[pos] = s;
    }
    const allDst = dstSample.map((_, d) => d);

    // egress: peer -> destination classes whose endpoints it matches (NetworkPolicy peers, cluster peers)
    const dstByPeer = new Map<number, number[]>();
    const dstByClusterPeer = new Map<number, number[]>();
    for (const [peerClass, classes] of dstClassesByPeerClass) {
      const peer = this.destinationClasses[peerClass];
      for (const id of peer.peers) for (const d of classes) push(dstByPeer, id, d);
      for (const id of peer.cpeers) for (const d of classes) push(dstByClusterPeer, id, d);
    }
    const stamp = new Int32Array(dstSample.length).fill(-1);
    let lastSide = -1;
    let lastCandidates: number[] = [];
    const egressCandidates = (side: number, round: number): number[] => {
      if (side === lastSide) return lastCandidates;
      const out: number[] = [];
      const add = (list: readonly number[] | undefined) => {
        for (const d of list ?? []) if (stamp[d] !== round) { stamp[d] = round; out.push(d); }
      };
      const open = this.ruleCandidates(this.egressClasses[side], 'Egress', (id) => add(dstByPeer.get(id)), (id) => add(dstByClusterPeer.get(id)));
      lastSide = side;
      lastCandidates = open ? allDst : out;
      return lastCandidates;
    };

    // ingress: which ingress sides may admit a source class open for egress
    const openSources = new Map<number, number[]>(); // peer class as source -> source classes open for egress
    srcSample.forEach((e, s) => { if (this.egressVerdictSide[e] === 0) push(openSources, this.asSource[e], s); });
    const srcByPeer = new Map<number, number[]>();
    const srcByClusterPeer = new Map<number, number[]>();
    for (const [peerClass, classes] of openSources) {
      const peer = this.sourceClasses[peerClass];
      for (const id of peer.peers) for (const s of classes) push(srcByPeer, id, s);
      for (const id of peer.cpeers) for (const s of classes) push(srcByClusterPeer, id, s);
    }
    const admitting = new Map<number, number[]>(); // source class -> ingress sides whose rules' peers match it
    const admitsAll: number[] = [0]; // ingress sides that may admit any source
    const seen = new Int32Array(srcSample.length).fill(-1);
    for (const side of dstClassesByIngress.keys()) {
      if (side === 0) continue;
      const found: number[] = [];
      const add = (list: readonly number[] | undefined) => {
        for (const s of list ?? []) if (seen[s] !== side) { seen[s] = side; found.push(s); }
      };
      const open = this.ruleCandidates(this.ingressClasses[side], 'Ingress', (id) => add(srcByPeer.get(id)), (id) => add(srcByClusterPeer.get(id)));
      if (open) admitsAll.push(side);
      else for (const s of found) push(admitting, s, side);
    }

    // one row at a time: (position, connection id) of each destination, sorted by position
    const idAt = new Int32Array(n);
    let row = new Int32Array(Math.min(n, 1024));
    const outsideRows = new Map<number, { range: ExternalEndpoint; id: number }[]>();
    for (let pos = 0; pos < n; pos++) {
      const a = inside[pos];
      const s = srcClassOf[pos];
      const sample = srcSample[s];
      const egressSide = this.egressVerdictSide[a];
      let candidates: readonly number[];
      if (egressSide !== 0) {
        candidates = egressCandidates(egressSide, pos);
      } else {
        const list: number[] = [];
        for (const side of [...admitsAll, ...(admitting.get(s) ?? [])]) for (const d of dstClassesByIngress.get(side) ?? []) list.push(d);
        candidates = list;
      }
      let count = 0;
      for (const d of candidates) {
        const id = this.connectionIdByIndex(sample, dstSample[d]);
        if (id === NONE_ID) continue;
        const members = dstMembers[d];
        if (count + members.length > row.length) {
          const bigger = new Int32Array(Math.max(row.length * 2, count + members.length));
          bigger.set(row.subarray(0, count));
          row = bigger;
        }
        for (const m of members) {
          if (m === pos) continue;
          row[count++] = m;
          idAt[m] = id;
        }
      }
      const sorted = row.subarray(0, count).sort();
      const pod = this._endpoints[a];
      for (const m of sorted) callback(pod, this._endpoints[inside[m]], this.conns[idAt[m]]);
      let runs = outsideRows.get(egressSide);
      if (!runs) {
        runs = mergeRuns(outside, outsideIdx.map((b) => this.connectionIdByIndex(a, b)), NONE_ID);
        outsideRows.set(egressSide, runs);
      }
      for (const run of runs) callback(pod, run.range, this.conns[run.id]);
    }

    // external sources sort after every pod, by range then destination; their merged ranges
    // depend on the destination's ingress side only
    const byRange = new Map<string, { range: ExternalEndpoint; parts: { side: number; id: number }[] }>();
    for (const side of dstClassesByIngress.keys()) {
      const sample = dstSample[dstClassesByIngress.get(side)![0]];
      for (const run of mergeRuns(outside, outsideIdx.map((b) => this.connectionIdByIndex(b, sample)), NONE_ID)) {
        let entry = byRange.get(run.range.id);
        if (!entry) byRange.set(run.range.id, entry = { range: run.range, parts: [] });
        entry.parts.push({ side, id: run.id });
      }
    }
    for (const { range, parts } of [...byRange.values()].sort((x, y) => compareEndpoints(x.range, y.range))) {
      const rows: { pos: number; id: number }[] = [];
      for (const { side, id } of parts) {
        for (const d of dstClassesByIngress.get(side)!) for (const m of dstMembers[d]) rows.push({ pos: m, id });
      }
      rows.sort((x, y) => x.pos - y.pos);
      for (const r of rows) callback(range, this._endpoints[inside[r.pos]], this.conns[r.id]);
    }
  }

  /**
   * What a listing lists: the pods that are not hostNetwork, in listing order (as indices), and
   * the outside address ranges with their indices.
   */
  private listedEndpoints(): { inside: number[]; outside: readonly ExternalEndpoint[]; outsideIdx: number[] } {
    const inside: number[] = [];
    for (let i = 0; i < this.podCount; i++) {
      if (!(this._endpoints[i] as PodEndpoint).hostNetwork) inside.push(i);
    }
    inside.sort((x, y) => compare(this._endpoints[x].id, this._endpoints[y].id));
    const outside = this.externalRangeEndpoints();
    return { inside, outside, outsideIdx: outside.map((e) => this.indexOf(e)) };
  }

  /**
   * `forEachConnection` pair by pair: every ordered pair of endpoints visited (the oracle the
   * class-based pass is tested against; O(pairs)).
   */
  public forEachConnectionPairwise(callback: (from: Endpoint, to: Endpoint, conns: ConnSet) => void): void {
    const { inside, outside, outsideIdx } = this.listedEndpoints();
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

  /**
   * For the class-based pass: hands over the peers (NetworkPolicy and cluster) of every rule of a
   * side; true when the side may let through a peer that none of its rules match (then every
   * class is a candidate): a NetworkPolicy rule open to every peer, or cluster policies without
   * NetworkPolicy isolation (what no cluster rule decides, the default allows). With NetworkPolicy
   * isolation, a peer no rule of any tier matches gets nothing.
   */
  private ruleCandidates(side: SideClass, direction: DirectionName, peer: (id: number) => void, clusterPeer: (id: number) => void): boolean {
    if (side.cluster.length > 0 && side.policies.length === 0) return true;
    for (const p of side.policies) {
      for (const cr of this.compiled[p][direction]) {
        if (!cr.peerIds) return true;
        for (const id of cr.peerIds) peer(id);
      }
    }
    for (const p of side.cluster) for (const cr of this.clusterCompiled[p][direction]) for (const id of cr.peerIds) clusterPeer(id);
    return false;
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

  private classesOf(from: number, to: number, direction: DirectionName): { side: SideClass; peer: PeerClass } {
    return direction === 'Egress'
      ? { side: this.egressClasses[this.egressSide[from]], peer: this.destinationClasses[this.asDestination[to]] }
      : { side: this.ingressClasses[this.ingressSide[to]], peer: this.sourceClasses[this.asSource[from]] };
  }

  private egressId(from: number, to: number): number {
    const side = this.egressVerdictSide[from];
    if (side === 0) return ALL_ID;
    const row = (this.egressRows[side] ??= []);
    const dest = this.asDestination[to];
    let id = row[dest];
    if (id === undefined) {
      id = this.intern(this.sideConns('Egress', this.egressClasses[side], this.destinationClasses[dest]));
      row[dest] = id;
    }
    return id;
  }

  private ingressId(from: number, to: number): number {
    const side = this.ingressVerdictSide[to];
    if (side === 0) return ALL_ID;
    const row = (this.ingressRows[side] ??= []);
    const src = this.asSource[from];
    let id = row[src];
    if (id === undefined) {
      id = this.intern(this.sideConns('Ingress', this.ingressClasses[side], this.sourceClasses[src]));
      row[src] = id;
    }
    return id;
  }

  /**
   * What one side lets through, for a class pair. With cluster policies, the tiers' part is
   * computed once per pair of cluster classes (far fewer than the NetworkPolicy classes: policies
   * of every namespace make their own classes) and combined with the NetworkPolicy union.
   */
  private sideConns(direction: DirectionName, side: SideClass, peer: PeerClass): ConnSet {
    const destPorts = this.destinationPortsOf(direction, side, peer);
    if (side.cluster.length === 0) return this.union(side.policies, direction, peer.peers, destPorts);
    const row = (this.clusterOutcomes[direction][side.clusterSide] ??= []);
    let outcome = peer.clusterPeer < 0 ? undefined : row[peer.clusterPeer];
    if (!outcome) {
      outcome = this.clusterOutcome(direction, side, peer, destPorts);
      if (peer.clusterPeer >= 0) row[peer.clusterPeer] = outcome;
    }
    if (side.policies.length === 0) return this.conns[outcome.unisolated];
    if (outcome.next === NONE_ID) return this.conns[outcome.admin];
    const np = this.union(side.policies, direction, peer.peers, destPorts);
    if (np.isEmpty) return this.conns[outcome.admin];
    if (outcome.admin === NONE_ID && outcome.next === ALL_ID) return np;
    return this.conns[outcome.admin].union(this.conns[outcome.next].intersect(np));
  }

  /** The tiers' part of a side (see `ClusterOutcome`): `walk` with the NetworkPolicy tier left open. */
  private clusterOutcome(direction: DirectionName, side: SideClass, peer: PeerClass, destPorts: readonly ContainerPort[]): ClusterOutcome {
    const cluster = side.cluster;
    let k = 0;
    while (k < cluster.length && this.clusterPolicies[cluster[k]].tier === 'Admin') k++;
    const admin = this.walkTier(direction, 'Admin', cluster.slice(0, k), peer, destPorts, ConnSet.ALL);
    const next = admin.remaining.union(admin.passed);
    const baseline = this.walkTier(direction, 'Baseline', cluster.slice(k), peer, destPorts, next);
    const unisolated = admin.allowed.union(baseline.allowed).union(baseline.remaining).union(baseline.passed);
    return { admin: this.intern(admin.allowed), next: this.intern(next), unisolated: this.intern(unisolated) };
  }

  private clusterClassId(role: string, key: string): number {
    const k = `${role}|${key}`;
    let id = this.clusterClassIds.get(k);
    if (id === undefined) {
      id = this.clusterClassIds.size;
      this.clusterClassIds.set(k, id);
    }
    return id;
  }

  /** The destination's container ports that rules may name: the peer's for egress, the side's own for ingress. */
  private destinationPortsOf(direction: DirectionName, side: SideClass, peer: PeerClass): readonly ContainerPort[] {
    return direction === 'Egress' ? peer.namedPorts : side.namedPorts;
  }

  private defaultDecision(scope: ConnSet, rec?: Recorder): ConnSet {
    if (rec && !scope.isEmpty) rec.decisions.push({ tier: 'default', outcome: 'allowed', conns: scope });
    return scope;
  }

  /**
   * The tiers of one side (SEMANTICS.md 8.1) on the ports of `scope`: the Admin tier's rules in
   * order (first match wins, per port), what they pass or leave undecided goes to the
   * NetworkPolicy tier, which decides all of it when NetworkPolicies isolate the endpoint;
   * otherwise to the Baseline tier, and what is still undecided (or passed there) to the
   * default, which allows.
   */
  private walk(direction: DirectionName, side: SideClass, peer: PeerClass, scope: ConnSet, rec?: Recorder): ConnSet {
    const destPorts = this.destinationPortsOf(direction, side, peer);
    const cluster = side.cluster;
    let k = 0;
    while (k < cluster.length && this.clusterPolicies[cluster[k]].tier === 'Admin') k++;
    const admin = this.walkTier(direction, 'Admin', cluster.slice(0, k), peer, destPorts, scope, rec);
    let allowed = admin.allowed;
    const next = admin.remaining.union(admin.passed);
    if (next.isEmpty) return allowed;
    if (side.policies.length > 0) {
      const np = this.union(side.policies, direction, peer.peers, destPorts);
      const through = next.intersect(np);
      if (rec) {
        if (!through.isEmpty) rec.decisions.push({ tier: 'NetworkPolicy', outcome: 'allowed', conns: through });
        const dropped = next.subtract(np);
        if (!dropped.isEmpty) rec.decisions.push({ tier: 'NetworkPolicy', outcome: 'denied', conns: dropped });
      }
      return allowed.union(through);
    }
    const baseline = this.walkTier(direction, 'Baseline', cluster.slice(k), peer, destPorts, next, rec);
    allowed = allowed.union(baseline.allowed);
    const rest = baseline.remaining.union(baseline.passed);
    return allowed.union(this.defaultDecision(rest, rec));
  }

  /** One cluster tier: its policies' rules in order; each decides the ports of `scope` it matches that no earlier rule decided. */
  private walkTier(
    direction: DirectionName, tier: ClusterTier, policies: readonly number[], peer: PeerClass, destPorts: readonly ContainerPort[],
    scope: ConnSet, rec?: Recorder,
  ): { allowed: ConnSet; remaining: ConnSet; passed: ConnSet } {
    let remaining = scope;
    let allowed = ConnSet.NONE;
    let passed = ConnSet.NONE;
    for (let i = 0; i < policies.length && !remaining.isEmpty; i++) {
      if (rec?.conflicts) this.recordConflicts(direction, policies, i, peer, destPorts, remaining, rec);
      for (const cr of this.clusterCompiled[policies[i]][direction]) {
        if (remaining.isEmpty) break;
        if (!this.clusterRuleMatchesPeer(cr, peer)) {
          if (rec) this.recordUnknown(direction, cr, peer, destPorts, remaining, rec);
          continue;
        }
        const m = clusterRulePorts(cr.rule, destPorts).intersect(remaining);
        if (m.isEmpty) continue;
        remaining = remaining.subtract(m);
        if (cr.rule.action === 'Accept') allowed = allowed.union(m);
        else if (cr.rule.action === 'Pass') passed = passed.union(m);
        rec?.decisions.push({ tier, outcome: outcomeOf(cr.rule.action), conns: m, policy: this.clusterPolicies[cr.policy], rule: cr.rule });
      }
    }
    return { allowed, remaining, passed };
  }

  /** A rule that does not match only because the engine does not know an address, a node or a domain's addresses. */
  private recordUnknown(
    direction: DirectionName, cr: CompiledClusterRule, peer: PeerClass, destPorts: readonly ContainerPort[], remaining: ConnSet, rec: Recorder,
  ): void {
    let kind: CaveatKind | undefined;
    let why = '';
    const policy = this.clusterPolicies[cr.policy];
    if (cr.hasNetworks && peer.flags.includes(UNKNOWN_IP)) {
      kind = 'pod-ip-unknown';
      why = 'its `networks` peer may match the pod\'s IP, which the input does not give';
    } else if (cr.hasNodes && peer.flags.includes(UNKNOWN_NODE)) {
      kind = 'node-unknown';
      why = 'its `nodes` peer may match the address, whose node the input does not describe';
    } else if (cr.hasDomains && peer.flags.includes(OUTSIDE)) {
      kind = 'domain-name';
      why = 'a name of its `domainNames` peer may resolve to the address';
    } else if (cr.hasNetworks && peer.flags.includes(DOMAIN)) {
      kind = 'domain-name';
      why = 'its `networks` peer may contain the addresses of the name, which are not known';
    }
    if (!kind) return;
    const conns = clusterRulePorts(cr.rule, destPorts).intersect(remaining);
    if (conns.isEmpty) return;
    rec.caveats.push({
      kind,
      direction,
      conns,
      policy,
      rule: cr.rule,
      text: `${describeClusterRule(policy, cr.rule)} is read as not matching on ${conns}, but ${why}`,
    });
  }

  /**
   * Before the policy at `at` of a tier is walked: where it and a later policy of the same
   * priority decide some of the remaining ports differently, one caveat per pair.
   */
  private recordConflicts(
    direction: DirectionName, policies: readonly number[], at: number, peer: PeerClass, destPorts: readonly ContainerPort[],
    remaining: ConnSet, rec: Recorder,
  ): void {
    const first = this.clusterPolicies[policies[at]];
    if (at > 0 && this.clusterPolicies[policies[at - 1]].priority === first.priority) return; // the group was looked at already
    let end = at + 1;
    while (end < policies.length && this.clusterPolicies[policies[end]].priority === first.priority) end++;
    if (end - at < 2) return;
    const decided = policies.slice(at, end).map((p) => this.decisionsAlone(direction, p, peer, destPorts, remaining));
    for (let i = 0; i < decided.length; i++) {
      for (let j = i + 1; j < decided.length; j++) {
        const a = decided[i];
        const b = decided[j];
        const conns = a.Accept.intersect(b.Deny.union(b.Pass))
          .union(a.Deny.intersect(b.Accept.union(b.Pass)))
          .union(a.Pass.intersect(b.Accept.union(b.Deny)));
        if (conns.isEmpty) continue;
        const policy = this.clusterPolicies[policies[at + i]];
        const other = this.clusterPolicies[policies[at + j]];
        rec.caveats.push({
          kind: 'same-priority',
          direction,
          conns,
          policy,
          other,
          text: `${policy.id} and ${other.id} have one priority (${policy.priority ?? 'none'}) in the ${policy.tier} tier and decide ${conns} differently: ` +
            `which applies is up to the implementation (the engine takes ${policy.id} first)`,
        });
      }
    }
  }

  /** What one cluster policy alone would do with the ports of `scope`, by action. */
  private decisionsAlone(
    direction: DirectionName, p: number, peer: PeerClass, destPorts: readonly ContainerPort[], scope: ConnSet,
  ): Record<ClusterAction, ConnSet> {
    const out: Record<ClusterAction, ConnSet> = { Accept: ConnSet.NONE, Deny: ConnSet.NONE, Pass: ConnSet.NONE };
    let remaining = scope;
    for (const cr of this.clusterCompiled[p][direction]) {
      if (remaining.isEmpty) break;
      if (!this.clusterRuleMatchesPeer(cr, peer)) continue;
      const m = clusterRulePorts(cr.rule, destPorts).intersect(remaining);
      if (m.isEmpty) continue;
      remaining = remaining.subtract(m);
      out[cr.rule.action] = out[cr.rule.action].union(m);
    }
    return out;
  }

  /** An endpoint of the peer class, other than `self` when the class has another one (for an example connection). */
  private otherThan(self: number, peer: PeerClass, classOf: readonly number[]): number {
    if (peer.sample !== self) return peer.sample;
    const cls = classOf[self];
    for (let i = 0; i < this._endpoints.length; i++) if (i !== self && classOf[i] === cls) return i;
    return self;
  }

  private hasPriorityGroup(cluster: readonly number[]): boolean {
    for (let i = 1; i < cluster.length; i++) {
      const a = this.clusterPolicies[cluster[i - 1]];
      const b = this.clusterPolicies[cluster[i]];
      if (a.tier === b.tier && a.priority === b.priority) return true;
    }
    return false;
  }

  private clusterRuleMatchesPeer(cr: CompiledClusterRule, peer: PeerClass): boolean {
    for (const id of cr.peerIds) if (peer.cpeers.has(id)) return true;
    return false;
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
    const clusterIngress: number[] = [];
    const clusterEgress: number[] = [];
    const peers: number[] = [];
    const cpeers: number[] = [];
    let flags = '';
    let named: ContainerPort[] = [];
    if (e.kind === 'pod') {
      for (const p of this.policiesByNamespace.get(e.namespace) ?? []) {
        const policy = this.policies[p];
        if ((policy.affectsIngress || policy.affectsEgress) && selectorMatches(policy.podSelector, e.labels)) {
          if (policy.affectsIngress) ingress.push(p);
          if (policy.affectsEgress) egress.push(p);
        }
      }
      if (!e.hostNetwork) {
        // hostNetwork pods are never subjects of cluster policies, and no selector peer matches them
        for (const p of this.subjectsFor(e.namespace)) {
          const subject = this.clusterPolicies[p].subject;
          if (subject.podSelector && !selectorMatches(subject.podSelector, e.labels)) continue;
          if (this.clusterPolicies[p].ingress.length > 0) clusterIngress.push(p);
          if (this.clusterPolicies[p].egress.length > 0) clusterEgress.push(p);
        }
        for (const id of this.clusterPodPeersFor(e.namespace)) {
          const peer = this.clusterPeers[id] as { podSelector?: any };
          if (!peer.podSelector || selectorMatches(peer.podSelector, e.labels)) cpeers.push(id);
        }
        for (const id of this.selectorPeersFor(e.namespace)) {
          const peer = this.peers[id] as SelectorPeer;
          if (!peer.podSelector || selectorMatches(peer.podSelector, e.labels)) peers.push(id);
        }
      } else if (this.clusterNodePeerIds.length > 0) {
        const node = (e.node ? this.nodesByName.get(e.node) : undefined) ?? (e.ip ? this.nodeByAddress.get(`${e.ip.family}/${e.ip.value}`) : undefined);
        if (node) this.matchNodePeers(node, cpeers);
        else flags += UNKNOWN_NODE;
      }
      if (this.options.ipBlockMatchesPods && e.ip) {
        for (const id of this.ipPeerIds) if (ipBlockMatches(this.peers[id] as IpBlockPeer, e.ip)) peers.push(id);
      }
      if (this.clusterNetworkPeerIds.length > 0) {
        if (e.ip) this.matchNetworkPeers(e.ip, cpeers);
        else flags += UNKNOWN_IP;
      }
      named = e.ports.filter((p) => p.name !== undefined && this.referencedPortNames.has(p.name))
        .sort((x, y) => compare(x.name!, y.name!) || compare(x.protocol, y.protocol) || x.port - y.port);
    } else {
      const ip: IpAddress = { family: e.family, value: e.first };
      for (const id of this.ipPeerIds) if (ipBlockMatches(this.peers[id] as IpBlockPeer, ip)) peers.push(id);
      this.matchNetworkPeers(ip, cpeers);
      if (this.clusterNodePeerIds.length > 0) {
        const node = this.nodeByAddress.get(`${ip.family}/${ip.value}`);
        if (node && e.first === e.last) this.matchNodePeers(node, cpeers);
        else if (this.nodesByName.size === 0) flags += UNKNOWN_NODE;
      }
      if (this.clusterDomainPeerIds.length > 0) flags += OUTSIDE;
    }
    peers.sort((x, y) => x - y);
    cpeers.sort((x, y) => x - y);
    const peerKey = `${peers.join(',')}#${cpeers.join(',')}#${flags}`;
    const namedKey = named.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',');
    const egressKey = `${egress.join(',')}|${clusterEgress.join(',')}`;
    const ingressKey = `${ingress.join(',')}|${clusterIngress.join(',')}`;
    const clusterPeerKey = `${cpeers.join(',')}#${flags}`;
    this.egressSide[index] = egressKey === '|' ? 0 : this.classId('eg', egressKey, () => this.egressClasses.push({
      policies: egress, cluster: clusterEgress, namedPorts: [], sample: index, clusterSide: this.clusterClassId('eg', clusterEgress.join(',')),
    }) - 1);
    this.ingressSide[index] = ingressKey === '|' ? 0 : this.classId('in', `${ingressKey}#${namedKey}`, () => this.ingressClasses.push({
      policies: ingress, cluster: clusterIngress, namedPorts: named, sample: index, clusterSide: this.clusterClassId('in', `${clusterIngress.join(',')}#${namedKey}`),
    }) - 1);
    const hostNetwork = e.kind === 'pod' && e.hostNetwork;
    this.egressVerdictSide[index] = hostNetwork ? 0 : this.egressSide[index];
    this.ingressVerdictSide[index] = hostNetwork ? 0 : this.ingressSide[index];
    const peerSet = new Set(peers);
    const cpeerSet = new Set(cpeers);
    this.asDestination[index] = this.classId('dst', `${peerKey}#${namedKey}`, () => this.destinationClasses.push({
      peers: peerSet, cpeers: cpeerSet, namedPorts: named, flags, sample: index, clusterPeer: this.clusterClassId('dst', `${clusterPeerKey}#${namedKey}`),
    }) - 1);
    this.asSource[index] = this.classId('src', peerKey, () => this.sourceClasses.push({
      peers: peerSet, cpeers: cpeerSet, namedPorts: [], flags, sample: index, clusterPeer: this.clusterClassId('src', clusterPeerKey),
    }) - 1);
    return index;
  }

  private matchNetworkPeers(ip: IpAddress, out: number[]): void {
    for (const id of this.clusterNetworkPeerIds) {
      const peer = this.clusterPeers[id] as { cidrs: readonly Cidr[] };
      if (peer.cidrs.some((c) => cidrContainsIp(c, ip))) out.push(id);
    }
  }

  private matchNodePeers(node: NodeInfo, out: number[]): void {
    for (const id of this.clusterNodePeerIds) {
      const peer = this.clusterPeers[id] as { nodeSelector: any };
      if (selectorMatches(peer.nodeSelector, node.labels)) out.push(id);
    }
  }

  private selectorPeersFor(namespace: string): number[] {
    return perNamespace(this.selectorPeersByNamespace, namespace, this.inventory, (labels) => [
      ...this.localPeerIds.get(namespace) ?? [],
      ...this.selectorPeerIds.filter((id) => peerMatchesNamespace(this.peers[id] as SelectorPeer, namespace, labels)),
    ]);
  }

  /** Cluster policies whose subject's namespace selector matches the namespace. */
  private subjectsFor(namespace: string): number[] {
    return perNamespace(this.subjectsByNamespace, namespace, this.inventory, (labels) => {
      const list: number[] = [];
      this.clusterPolicies.forEach((p, i) => {
        if (selectorMatches(p.subject.namespaceSelector, labels)) list.push(i);
      });
      return list;
    });
  }

  /** Cluster `pods`/`namespaces` peers whose namespace selector matches the namespace. */
  private clusterPodPeersFor(namespace: string): number[] {
    return perNamespace(this.clusterPodPeersByNamespace, namespace, this.inventory, (labels) =>
      this.clusterPodPeerIds.filter((id) => selectorMatches((this.clusterPeers[id] as { namespaceSelector: any }).namespaceSelector, labels)));
  }

  private externalAddress(ip: IpAddress): number {
    const endpoint = externalAddress(ip.family, ip.value);
    const known = this.endpointIndex.get(endpoint.id);
    if (known !== undefined) return known;
    return this.addEndpoint(endpoint);
  }

  private buildExternalRanges(): ExternalEndpoint[] {
    const blocks: IpBlockPeer[] = this.ipPeerIds.map((id) => this.peers[id] as IpBlockPeer);
    const asBlock = (cidr: Cidr): IpBlockPeer => ({ kind: 'ipBlock', cidr, except: [], key: `ip:${cidr.text}` });
    for (const id of this.clusterNetworkPeerIds) for (const c of (this.clusterPeers[id] as { cidrs: readonly Cidr[] }).cidrs) blocks.push(asBlock(c));
    if (this.clusterNodePeerIds.length > 0) {
      for (const node of this.nodesByName.values()) for (const a of node.addresses) blocks.push(asBlock(hostCidr(a)));
    }
    const v6 = blocks.some((p) => p.cidr.family === 6) || this.pods.some((p) => p.ip?.family === 6);
    return splitAddressSpace(blocks, v6 ? [4, 6] : [4])
      .map((r) => this._endpoints[this.indexOf(externalRange(r.family, r.first, r.last))] as ExternalEndpoint);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function outcomeOf(action: ClusterAction): TierDecision['outcome'] {
  return action === 'Accept' ? 'allowed' : action === 'Deny' ? 'denied' : 'passed';
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

/** A list computed once per namespace from its labels, and kept in `cache`. */
function perNamespace(
  cache: Map<string, number[]>, namespace: string, inventory: Inventory, compute: (labels: Record<string, string>) => number[],
): number[] {
  let list = cache.get(namespace);
  if (!list) {
    list = compute(inventory.namespace(namespace).labels);
    cache.set(namespace, list);
  }
  return list;
}
