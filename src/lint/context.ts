/**
 * What rules see: the inventory the engine built from the input (namespaces, workloads,
 * policies), the objects as given (with their files, for duplicates and suppressions), and the
 * engine's answers (selection, isolation, peer matching, connections). Rules never match
 * selectors or CIDRs themselves: they ask through this context, which asks the engine.
 */
import { ConnSet } from '../engine/conn-set';
import { Inventory, PodEndpoint, NamespaceInfo } from '../engine/inventory';
import { DirectionName, Peer, Policy, Rule, SelectorPeer, selectorPeerMatchesPod, peerMatchesNamespace, ipBlockMatches } from '../engine/policy';
import { selectorMatches } from '../engine/selector';
import { IpAddress } from '../internal/cidr';

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

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass']);

export function toLintObject(input: LintInput): LintObject {
  const o = input.object ?? {};
  const kind = String(o.kind ?? 'object');
  const meta = o.metadata ?? {};
  return {
    kind,
    namespace: CLUSTER_SCOPED.has(kind) ? '' : (meta.namespace || 'default'),
    name: String(meta.name ?? '(unnamed)'),
    raw: o,
    file: input.file,
    line: input.line,
    constructPath: input.constructPath,
  };
}

export class LintContext {
  public readonly inventory: Inventory;
  /** every input object, duplicates included, in input order */
  public readonly objects: readonly LintObject[];
  private readonly byKey = new Map<string, LintObject>();

  public constructor(inputs: readonly LintInput[]) {
    this.objects = inputs.map(toLintObject);
    this.inventory = new Inventory();
    for (const o of this.objects) {
      // the last object with a given kind and name wins, as in `kubectl apply`
      this.byKey.set(`${o.kind}/${o.namespace}/${o.name}`, o);
      try {
        this.inventory.addManifest(o.raw);
      } catch {
        // an object the engine cannot read is the validator's business, not the linter's
      }
    }
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
    return this.byKey.get(`${pod.workloadKind}/${pod.namespace}/${pod.name}`)
      ?? { kind: pod.workloadKind, namespace: pod.namespace, name: pod.name, raw: pod.raw };
  }

  public objectOfPolicy(policy: Policy): LintObject {
    return this.byKey.get(`NetworkPolicy/${policy.namespace}/${policy.name}`)
      ?? { kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name, raw: policy.raw };
  }

  /** true when the policy selects the pod (same namespace, `podSelector` matches). */
  public selects(policy: Policy, pod: PodEndpoint): boolean {
    return policy.namespace === pod.namespace && selectorMatches(policy.podSelector, pod.labels);
  }

  /** The pods a policy selects. */
  public selectedPods(policy: Policy): PodEndpoint[] {
    return this.pods.filter((p) => this.selects(policy, p));
  }

  /** The policies that select a pod and affect the direction (isolate it). */
  public isolatingPolicies(pod: PodEndpoint, direction: DirectionName): Policy[] {
    return this.policies.filter((p) => (direction === 'Ingress' ? p.affectsIngress : p.affectsEgress) && this.selects(p, pod));
  }

  public isIsolated(pod: PodEndpoint, direction: DirectionName): boolean {
    return this.isolatingPolicies(pod, direction).length > 0;
  }

  /** true when a selector peer of a policy matches the pod. */
  public peerMatchesPod(peer: SelectorPeer, pod: PodEndpoint): boolean {
    return selectorPeerMatchesPod(peer, pod.namespace, this.inventory.namespace(pod.namespace).labels, pod.labels);
  }

  /** true when a selector peer admits the namespace (whatever its pods). */
  public peerMatchesNamespace(peer: SelectorPeer, namespace: NamespaceInfo): boolean {
    return peerMatchesNamespace(peer, namespace.name, namespace.labels);
  }

  /** The pods a rule's peers match (undefined peers: every pod). */
  public podsOfRule(rule: Rule): PodEndpoint[] {
    if (!rule.peers) return [...this.pods];
    return this.pods.filter((pod) => rule.peers!.some((peer) => peer.kind === 'selector' && this.peerMatchesPod(peer, pod)));
  }

  /** true when a rule's peers admit an address outside the cluster. */
  public ruleAdmitsIp(rule: Rule, ip: IpAddress): boolean {
    if (!rule.peers) return true;
    return rule.peers.some((peer: Peer) => peer.kind === 'ipBlock' && ipBlockMatches(peer, ip));
  }

  /** Ports a rule admits toward an address (named ports match nothing toward an IP). */
  public rulePortsTowardIp(rule: Rule): ConnSet {
    return rule.staticPorts;
  }
}
