/**
 * What rules see: the inventory the engine built from the input (namespaces, workloads,
 * policies), the objects as given (with their files, for duplicates and suppressions), and the
 * engine's answers (selection, isolation, peer matching, connections). Rules never match
 * selectors or CIDRs themselves: they ask through this context, which asks the engine.
 */
import {
  Analysis, AnalysisOptions, ConnSet, ContainerPort, DirectionName, Inventory, NamespaceInfo, PolicyPeer, PodEndpoint, Policy,
  Rule, RuleMatch, SelectorPeer, describePeer, peerMatchesNamespace, pinnedValue, rulePorts, selectorMatches,
} from '../engine';
import { isClusterScopedKind, NAMESPACE_NAME_LABEL } from '../k8s';

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

export class LintContext {
  public readonly inventory: Inventory;
  public readonly analysis: Analysis;
  /** every input object, duplicates included, in input order */
  public readonly objects: readonly LintObject[];
  /** the objects with each kind and `namespace/name`, in input order (more than one: duplicates) */
  private readonly byKey = new Map<string, LintObject[]>();
  private _byRaw: Map<any, LintObject> | undefined;

  public constructor(inputs: readonly LintInput[], options: AnalysisOptions = {}) {
    this.objects = inputs.map(toLintObject);
    this.inventory = new Inventory();
    for (const o of this.objects) {
      const key = objectKey(o.kind, o.namespace, o.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), o]);
      try {
        this.inventory.addManifest(o.raw);
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
}

function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}
