/**
 * What rules see: the inventory the engine built from the input (namespaces, workloads,
 * policies), the objects as given (with their files, for duplicates and suppressions), and the
 * engine's answers (selection, isolation, peer matching, connections; for the cluster tiers,
 * subjects, tier verdicts per side, what reaches the NetworkPolicy tier or the default allow,
 * whether a pod reaches cluster DNS). Rules never match selectors or CIDRs themselves: they ask
 * through this context, which asks the engine. Where many endpoints get one answer from the
 * cluster tiers, the context asks once per group (`distinct`, memoized verdicts).
 */
import {
  ASSUMED_DNS, Analysis, AnalysisOptions, ClusterPeer, ClusterPolicy, ClusterRule, ConnSet, ContainerPort, DirectionName, Endpoint, ExternalEndpoint,
  Inventory, NamespaceInfo, PolicyPeer, PodEndpoint, Policy, PriorityConflict, Rule, RuleMatch, SelectorPeer, TierName,
  assumeDnsPods, describeClusterPeer, describeClusterRule, describePeer, isDnsPod, peerMatchesNamespace, pinnedValue, rulePorts,
  selectorMatches,
} from '../engine';
import { GKE_CLOUD_DNS_ADDRESS, isClusterScopedKind, NAMESPACE_NAME_LABEL, NODE_LOCAL_DNS_ADDRESS } from '../k8s';

/** Lint does not know the cluster: a pod must reach the DNS of either provider. */
const DNS_CHOICES = ['kube-dns', 'openshift'] as const;

/** One input object, with where it came from. */
export interface LintObject {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly raw: any;
  readonly file?: string;
  readonly line?: number;
  readonly constructPath?: string;
}

export interface LintInput {
  readonly object: any;
  readonly file?: string;
  readonly line?: number;
  readonly constructPath?: string;
}

export function toLintObject(input: LintInput): LintObject {
  const o = input.object ?? {};
  const kind = String(o.kind ?? 'object');
  const meta = o.metadata ?? {};
  return {
    kind,
    namespace: isClusterScopedKind(kind) ? '' : (meta.namespace || 'default'),
    name: String(meta.name ?? '(unnamed)'),
    raw: o,
    file: input.file,
    line: input.line,
    constructPath: input.constructPath,
  };
}

/**
 * What decided some ports of one side of a connection: a tier's decision as the engine walks it
 * (`Analysis.sideTrace`), or, for a pod whose IP the input does not give, a cluster rule with a
 * whole-family `networks` CIDR (`0.0.0.0/0`, `::/0`), which matches every pod IP of its family
 * (`assumed`: the engine reads it as not matching, with a caveat; the linter reads it as matching).
 */
export interface TierVerdict {
  readonly tier: TierName;
  readonly outcome: 'allowed' | 'denied' | 'passed';
  readonly conns: ConnSet;
  readonly policy?: ClusterPolicy;
  readonly rule?: ClusterRule;
  readonly assumed: boolean;
}

/** How a pod's egress fares toward cluster DNS (UDP 53, or 5353 for OpenShift's pods). */
export interface DnsReach {
  /** some DNS server (a DNS pod, NodeLocal DNSCache, GKE Cloud DNS) gets UDP DNS from the pod */
  readonly reaches: boolean;
  /** when it does not: what decided UDP DNS toward kube-system's kube-dns (the first that applies) */
  readonly cut?: TierVerdict;
}

export class LintContext {
  public readonly inventory: Inventory;
  public readonly analysis: Analysis;
  /** every input object, duplicates included, in input order */
  public readonly objects: readonly LintObject[];
  /** the objects with each kind and `namespace/name`, in input order (more than one: duplicates) */
  private readonly byKey = new Map<string, LintObject[]>();
  private _byRaw: Map<any, LintObject> | undefined;
  private readonly options: AnalysisOptions;
  /** the objects the engine could read, in input order (for the DNS analysis) */
  private readonly read: any[] = [];
  private _dns: { analysis: Analysis; targets: { id: string; port: number }[] } | undefined;
  private readonly sigs = new Map<string, string>();
  private readonly verdictMemo = new Map<string, TierVerdict[]>();
  private readonly dnsMemo = new Map<string, DnsReach>();
  private readonly defaultMemo = new Map<string, { members: Endpoint[]; conns: ConnSet }[]>();
  private readonly groupsMemo = new Map<DirectionName, Endpoint[][]>();

  public constructor(inputs: readonly LintInput[], options: AnalysisOptions = {}) {
    this.objects = inputs.map(toLintObject);
    this.options = options;
    this.inventory = new Inventory();
    for (const o of this.objects) {
      const key = objectKey(o.kind, o.namespace, o.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), o]);
      try {
        this.inventory.addManifest(o.raw);
        this.read.push(o.raw);
      } catch {
        // an object the engine cannot read is the validator's business, not the linter's
      }
    }
    this.analysis = new Analysis(this.inventory, options);
  }

  public get pods(): readonly PodEndpoint[] {
    return this.inventory.pods;
  }

  public get policies(): readonly Policy[] {
    return this.inventory.policies;
  }

  public get namespaces(): readonly NamespaceInfo[] {
    return this.inventory.namespaces;
  }

  public objectOfPod(pod: PodEndpoint): LintObject {
    return this.lastObject(pod.workloadKind, pod.namespace, pod.name)
      ?? { kind: pod.workloadKind, namespace: pod.namespace, name: pod.name, raw: pod.raw };
  }

  public objectOfPolicy(policy: Policy): LintObject {
    return this.lastObject('NetworkPolicy', policy.namespace, policy.name)
      ?? { kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name, raw: policy.raw };
  }

  /**
   * Objects of a kind defined more than once with the same `namespace/name`: each group in input
   * order (the last one is what `kubectl apply` keeps), groups in the order of their first object.
   */
  public duplicates(kind: string): LintObject[][] {
    return [...this.byKey.values()].filter((list) => list.length > 1 && list[0].kind === kind);
  }

  /** Objects of policy kinds the analysis does not model (NP014), with what enforces them, in input order. */
  public unmodelledPolicies(): { object: LintObject; enforcedBy: string }[] {
    return this.inventory.unmodelledPolicies.map((p) => ({
      object: this.objectOfRaw(p.raw),
      enforcedBy: p.enforcedBy,
    }));
  }

  private objectOfRaw(raw: any): LintObject {
    this._byRaw ??= new Map(this.objects.map((o) => [o.raw, o]));
    return this._byRaw.get(raw) ?? toLintObject({ object: raw });
  }

  /** the last object with a given kind and name wins, as in `kubectl apply` */
  private lastObject(kind: string, namespace: string, name: string): LintObject | undefined {
    const list = this.byKey.get(objectKey(kind, namespace, name));
    return list?.[list.length - 1];
  }

  /** true when the policy selects the pod. */
  public selects(policy: Policy, pod: PodEndpoint): boolean {
    return this.analysis.selectedPods(policy).some((p) => p.id === pod.id);
  }

  /** The pods a policy selects. */
  public selectedPods(policy: Policy): PodEndpoint[] {
    return [...this.analysis.selectedPods(policy)];
  }

  /** The policies that select a pod and affect the direction (isolate it). */
  public isolatingPolicies(pod: PodEndpoint, direction: DirectionName): Policy[] {
    return [...this.analysis.selectingPolicies(pod, direction)];
  }

  public isIsolated(pod: PodEndpoint, direction: DirectionName): boolean {
    return this.analysis.isIsolated(pod, direction);
  }

  /** true when a peer matches the pod (which may be a stand-in, e.g. cluster DNS). */
  public peerMatchesPod(peer: PolicyPeer, pod: PodEndpoint): boolean {
    return this.analysis.peerMatches(peer, pod);
  }

  /** true when a selector peer admits the namespace (whatever its pods). */
  public peerMatchesNamespace(peer: SelectorPeer, namespace: NamespaceInfo): boolean {
    return peerMatchesNamespace(peer, namespace.name, namespace.labels);
  }

  /**
   * true when the policy's podSelector matches the pod's labels, whatever the pod's namespace
   * (a policy would select it if it were in the pod's namespace).
   */
  public podSelectorMatches(policy: Policy, pod: PodEndpoint): boolean {
    return selectorMatches(policy.podSelector, pod.labels);
  }

  /**
   * The one namespace a selector peer points into, when it names one: the policy's own namespace
   * (no namespaceSelector), or the value its namespaceSelector pins for kubernetes.io/metadata.name.
   */
  public pinnedNamespace(peer: SelectorPeer): string | undefined {
    return peer.namespaceSelector ? pinnedValue(peer.namespaceSelector, NAMESPACE_NAME_LABEL) : peer.namespace;
  }

  /** A readable form of a peer (`pods {app=web} in namespace shop`), as the engine writes it. */
  public describePeer(peer: PolicyPeer): string {
    return describePeer(peer);
  }

  /** The pods a rule's peers match (undefined peers: every pod). */
  public podsOfRule(rule: Rule): PodEndpoint[] {
    if (!rule.peers) return [...this.pods];
    return this.pods.filter((pod) => rule.peers!.some((peer) => this.analysis.peerMatches(peer, pod)));
  }

  /** What a rule admits toward a destination with these container ports (named ports resolved). */
  public rulePorts(rule: Rule, destinationPorts: readonly ContainerPort[]): ConnSet {
    return rulePorts(rule, destinationPorts);
  }

  /** What the client's egress side lets it send to the server (whatever the server's ingress). */
  public egressConnections(from: PodEndpoint, to: PodEndpoint): ConnSet {
    return this.analysis.egressConnections(from, to);
  }

  /** What the server's ingress side accepts from the client (whatever the client's egress). */
  public ingressConnections(from: PodEndpoint, to: PodEndpoint): ConnSet {
    return this.analysis.ingressConnections(from, to);
  }

  /** What the pod may send to an address outside the cluster (its egress side). */
  public connectionsToAddress(pod: PodEndpoint, address: string): ConnSet {
    return this.analysis.connections(pod, address);
  }

  /** The egress rules that admit traffic from the pod to an address, with what each admits. */
  public egressRulesToAddress(pod: PodEndpoint, address: string): RuleMatch[] {
    return this.analysis.egressRuleMatches(pod, address);
  }

  /** The rules of the NetworkPolicies selecting the source for egress that admit traffic toward the destination. */
  public egressRuleMatches(from: Endpoint, to: Endpoint): RuleMatch[] {
    return this.analysis.egressRuleMatches(from, to);
  }

  /** The rules of the NetworkPolicies selecting the destination for ingress that admit traffic from the source. */
  public ingressRuleMatches(from: Endpoint, to: Endpoint): RuleMatch[] {
    return this.analysis.ingressRuleMatches(from, to);
  }

  /** The addresses outside the cluster, split where some policy tells them apart. */
  public externalRanges(): readonly ExternalEndpoint[] {
    return this.analysis.externalRangeEndpoints();
  }

  /** true when a NetworkPolicy peer (an ipBlock) matches an address range outside the cluster. */
  public peerMatchesRange(peer: PolicyPeer, range: ExternalEndpoint): boolean {
    return this.analysis.peerMatches(peer, range);
  }

  // ------------------------------------------------------------ cluster tiers (SEMANTICS.md 8)

  /** The cluster policies, in evaluation order. */
  public get clusterPolicies(): readonly ClusterPolicy[] {
    return this.analysis.clusterPolicies;
  }

  public objectOfClusterPolicy(policy: ClusterPolicy): LintObject {
    return this.lastObject(policy.kind, '', policy.name)
      ?? { kind: policy.kind, namespace: '', name: policy.name, raw: policy.raw };
  }

  /** The pods a cluster policy's subject selects (never hostNetwork pods). */
  public clusterSubjectPods(policy: ClusterPolicy): PodEndpoint[] {
    return this.analysis.clusterSubjectPods(policy);
  }

  /** The namespaces of the input a cluster policy's subject selects (whatever their pods). */
  public clusterSubjectNamespaces(policy: ClusterPolicy): NamespaceInfo[] {
    return this.namespaces.filter((n) => selectorMatches(policy.subject.namespaceSelector, n.labels));
  }

  /** The one namespace a cluster policy's subject names (by kubernetes.io/metadata.name), when it names one. */
  public clusterSubjectPinnedNamespace(policy: ClusterPolicy): string | undefined {
    return pinnedValue(policy.subject.namespaceSelector, NAMESPACE_NAME_LABEL);
  }

  /** Cluster policies whose subject selects the pod and that have rules of the direction, in evaluation order. */
  public selectingClusterPolicies(pod: PodEndpoint, direction: DirectionName): readonly ClusterPolicy[] {
    return pod.hostNetwork ? [] : this.analysis.selectingClusterPolicies(pod, direction);
  }

  /** true when a cluster peer matches the endpoint. */
  public clusterPeerMatches(peer: ClusterPeer, endpoint: Endpoint): boolean {
    return this.analysis.clusterPeerMatches(peer, endpoint);
  }

  /** true when a cluster subject or peer selector selects every pod of every namespace (written `{}`). */
  public selectsEverything(selector: { readonly requirements: readonly unknown[] } | undefined): boolean {
    return !selector || selector.requirements.length === 0;
  }

  /** `ClusterNetworkPolicy guard spec.egress[0] (Deny)`, as the engine writes it. */
  public describeClusterRule(policy: ClusterPolicy, rule: ClusterRule): string {
    return describeClusterRule(policy, rule);
  }

  public describeClusterPeer(peer: ClusterPeer): string {
    return describeClusterPeer(peer);
  }

  /** Policies of one tier and priority that decide a connection of the input differently. */
  public samePriorityConflicts(): PriorityConflict[] {
    return this.analysis.samePriorityConflicts();
  }

  /** Every `domainNames` entry, with its rule. */
  public domainNames(): { name: string; policy: ClusterPolicy; rule: ClusterRule }[] {
    return this.analysis.domainNames();
  }

  /**
   * One side of a connection, tier by tier, as the engine walks it (`sideTrace`), with the rules
   * whose whole-family `networks` match a pod whose IP is not known read as matching (see
   * `TierVerdict`). Memoized where the answer depends only on what the cluster tiers see.
   */
  public tierVerdicts(from: Endpoint, to: Endpoint, direction: DirectionName, scope: ConnSet = ConnSet.ALL): TierVerdict[] {
    return this.verdicts(this.analysis, from, to, direction, scope);
  }

  /**
   * The ports of `scope` that reach the NetworkPolicy tier on this side: not decided by an
   * Admin rule (passed, or matched by none). A NetworkPolicy rule decides nothing else.
   */
  public portsReachingNetworkPolicy(from: Endpoint, to: Endpoint, direction: DirectionName, scope: ConnSet): ConnSet {
    let decided = ConnSet.NONE;
    for (const v of this.clusterVerdicts(from, to, direction, scope)) {
      if (v.tier === 'Admin' && v.outcome !== 'passed') decided = decided.union(v.conns);
    }
    return scope.subtract(decided);
  }

  /**
   * The endpoints, at most `perKey` of each group the cluster tiers cannot tell apart (as the
   * `side` of a connection of the direction, or as its other end): the cluster tiers' answer
   * for one is their answer for all of its group. Two per group by default, so that a pair of
   * distinct endpoints can be taken from one group. Input order kept.
   */
  public distinct<T extends Endpoint>(endpoints: readonly T[], direction: DirectionName, role: 'side' | 'peer', perKey = 2): T[] {
    const seen = new Map<string, number>();
    return endpoints.filter((e) => {
      const key = this.signature(e, direction, role);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n < perKey;
    });
  }

  /**
   * For a pod no NetworkPolicy isolates for the direction but cluster policies select: other
   * ends (pods, one per group the cluster tiers cannot tell apart, and ranges outside the
   * cluster) for which some ports fall through every tier to the default allow, with those ports. Empty: the cluster tiers decide every port toward (or
   * from) every endpoint, and the pod is in effect isolated. For ingress, only pods are asked
   * about: cluster policy ingress rules cannot match addresses outside the cluster (their peers
   * are namespaces and pods), so no cluster policy could ever decide those.
   */
  public defaultAllowed(pod: PodEndpoint, direction: DirectionName): { other: Endpoint; conns: ConnSet }[] {
    // per group of other ends, what falls to the default; one answer per group of sides
    const groups = this.peerGroups(direction);
    const key = `${direction}#${this.signature(pod, direction, 'side')}`;
    let open = this.defaultMemo.get(key);
    if (!open) {
      open = [];
      for (const members of groups) {
        const other = members.find((m) => m.id !== pod.id) ?? members[0];
        const [from, to] = direction === 'Egress' ? [pod, other] : [other, pod];
        const conns = this.clusterVerdicts(from, to, direction)
          .filter((v) => v.tier === 'default').reduce((acc, v) => acc.union(v.conns), ConnSet.NONE);
        if (!conns.isEmpty) open.push({ members, conns });
      }
      this.defaultMemo.set(key, open);
    }
    const out: { other: Endpoint; conns: ConnSet }[] = [];
    for (const { members, conns } of open) {
      const other = members.find((m) => m.id !== pod.id);
      if (other) out.push({ other, conns });
    }
    return out;
  }

  /** The other ends asked about by `defaultAllowed`: pods (two of each group) and, for egress, the ranges outside the cluster. */
  private peerGroups(direction: DirectionName): Endpoint[][] {
    let groups = this.groupsMemo.get(direction);
    if (!groups) {
      const byKey = new Map<string, Endpoint[]>();
      for (const p of this.distinct(this.pods.filter((x) => !x.hostNetwork), direction, 'peer')) {
        const k = this.signature(p, direction, 'peer');
        byKey.set(k, [...(byKey.get(k) ?? []), p]);
      }
      groups = [...byKey.values(), ...(direction === 'Egress' ? this.externalRanges().map((r) => [r]) : [])];
      this.groupsMemo.set(direction, groups);
    }
    return groups;
  }

  /** true when the pod is a cluster DNS server (kube-dns/CoreDNS in kube-system, OpenShift's DNS pods). */
  public isDnsServer(pod: PodEndpoint): boolean {
    return DNS_CHOICES.some((choice) => isDnsPod(pod, ASSUMED_DNS[choice].pods));
  }

  /**
   * Whether the pod's egress lets it reach cluster DNS on UDP: a DNS pod of the input, kube-dns
   * in kube-system or OpenShift's DNS pods standing in where the input has none (SEMANTICS.md 6),
   * or NodeLocal DNSCache / GKE Cloud DNS by address. Only the pod's own egress side is judged.
   */
  public dnsReach(pod: PodEndpoint): DnsReach {
    // the egress side of a pod is the policies of every tier selecting it
    const key = `${this.selectingClusterPolicies(pod, 'Egress').map((p) => p.id).join(',')}#${this.isolatingPolicies(pod, 'Egress').map((p) => p.id).join(',')}`;
    const known = this.dnsMemo.get(key);
    if (known) return known;
    const dns = this.dnsAnalysis();
    const self = dns.analysis.endpoint(pod.id);
    let cut: TierVerdict | undefined;
    let reaches = false;
    for (const t of dns.targets) {
      const scope = ConnSet.range('UDP', t.port);
      const verdicts = this.verdicts(dns.analysis, self, dns.analysis.endpoint(t.id), 'Egress', scope);
      if (allowedOf(verdicts).contains('UDP', t.port)) {
        reaches = true;
        break;
      }
      cut ??= verdicts.find((v) => v.outcome === 'denied');
    }
    if (!reaches) {
      for (const address of [NODE_LOCAL_DNS_ADDRESS, GKE_CLOUD_DNS_ADDRESS]) {
        const verdicts = this.tierVerdicts(pod, this.analysis.endpoint(address), 'Egress', ConnSet.range('UDP', 53));
        if (allowedOf(verdicts).contains('UDP', 53)) {
          reaches = true;
          break;
        }
      }
    }
    const result: DnsReach = reaches ? { reaches } : { reaches, cut };
    this.dnsMemo.set(key, result);
    return result;
  }

  /**
   * `tierVerdicts` without the NetworkPolicy tier's decisions: what the Admin and Baseline tiers
   * and the default decide (the default and the Baseline tier only where no NetworkPolicy
   * isolates the side). Depends only on what the cluster tiers see: memoized.
   */
  public clusterVerdicts(from: Endpoint, to: Endpoint, direction: DirectionName, scope: ConnSet = ConnSet.ALL): TierVerdict[] {
    return this.verdicts(this.analysis, from, to, direction, scope, true);
  }

  private verdicts(analysis: Analysis, from: Endpoint, to: Endpoint, direction: DirectionName, scope: ConnSet, clusterOnly = false): TierVerdict[] {
    const [side, peer] = direction === 'Egress' ? [from, to] : [to, from];
    // without NetworkPolicies isolating the side, only the cluster tiers and the default decide
    const memo = side.kind === 'pod' && analysis === this.analysis && (clusterOnly || !analysis.isIsolated(side, direction));
    const key = memo ? `${direction}#${clusterOnly}#${this.signature(side, direction, 'side')}#${this.signature(peer, direction, 'peer')}#${scope}` : '';
    if (memo) {
      const known = this.verdictMemo.get(key);
      if (known) return known;
    }
    const trace = analysis.sideTrace(from, to, direction, scope);
    const assumed: TierVerdict[] = [];
    let taken = ConnSet.NONE;
    for (const c of trace.caveats) {
      if (c.kind !== 'pod-ip-unknown' || !c.rule || c.rule.action === 'Pass') continue;
      if (!c.rule.peers.some((p) => p.kind === 'networks' && p.cidrs.some((cidr) => cidr.prefix === 0))) continue;
      const conns = c.conns.subtract(taken);
      if (conns.isEmpty) continue;
      taken = taken.union(conns);
      assumed.push({ tier: c.policy.tier, outcome: c.rule.action === 'Accept' ? 'allowed' : 'denied', conns, policy: c.policy, rule: c.rule, assumed: true });
    }
    const out: TierVerdict[] = [];
    for (const d of trace.decisions) {
      if (clusterOnly && d.tier === 'NetworkPolicy') continue;
      const conns = d.conns.subtract(taken);
      if (!conns.isEmpty) out.push({ tier: d.tier, outcome: d.outcome, conns, policy: d.policy, rule: d.rule, assumed: false });
    }
    out.push(...assumed);
    if (memo) this.verdictMemo.set(key, out);
    return out;
  }

  /**
   * What the cluster tiers see of an endpoint, as a key: for the side of a connection, the
   * cluster policies selecting it, whether NetworkPolicies isolate it (and, as a destination,
   * its container ports); for the other end, the cluster peers matching it, whether its IP is
   * known (and, as a destination, its container ports). Endpoints with one key get one answer.
   */
  private signature(e: Endpoint, direction: DirectionName, role: 'side' | 'peer'): string {
    if (e.kind === 'external') return `x:${e.id}`;
    const cacheKey = `${direction}|${role}|${e.id}`;
    const known = this.sigs.get(cacheKey);
    if (known !== undefined) return known;
    const destination = (role === 'side') === (direction === 'Ingress');
    const ports = destination ? e.ports.map((p) => `${p.name ?? ''}/${p.protocol}/${p.port}`).join(',') : '';
    let sig: string;
    if (role === 'side') {
      sig = `${this.selectingClusterPolicies(e, direction).map((p) => p.id).join(',')}|${this.analysis.isIsolated(e, direction) ? 'np' : ''}|${ports}`;
    } else {
      const peers = this.analysis.clusterPeers.map((p, i) => (this.analysis.clusterPeerMatches(p, e) ? i : -1)).filter((i) => i >= 0);
      sig = `${peers.join(',')}|${e.ip ? 'ip' : ''}|${e.hostNetwork ? `h:${e.node ?? ''}` : ''}|${ports}`;
    }
    this.sigs.set(cacheKey, sig);
    return sig;
  }

  /** The input with the cluster DNS servers standing in where it has none (built when first asked). */
  private dnsAnalysis(): { analysis: Analysis; targets: { id: string; port: number }[] } {
    if (this._dns) return this._dns;
    const inventory = new Inventory();
    for (const raw of this.read) {
      try {
        inventory.addManifest(raw);
      } catch {
        // read once already
      }
    }
    // the DNS pods of the input, or the engine's stand-in for each provider where it has none
    const targets: { id: string; port: number }[] = [];
    for (const choice of DNS_CHOICES) {
      const dns = ASSUMED_DNS[choice].pods;
      for (const p of this.pods) if (!p.hostNetwork && isDnsPod(p, dns)) targets.push({ id: p.id, port: dns.port });
      const standIn = assumeDnsPods(inventory, choice);
      if (standIn) targets.push({ id: standIn.id, port: dns.port });
    }
    this._dns = { analysis: new Analysis(inventory, this.options), targets };
    return this._dns;
  }
}

/** What the verdicts let through. */
export function allowedOf(verdicts: readonly TierVerdict[]): ConnSet {
  return verdicts.filter((v) => v.outcome === 'allowed').reduce((acc, v) => acc.union(v.conns), ConnSet.NONE);
}

function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}
