/**
 * What the engine knows about a cluster: namespaces, endpoints (one per workload or pod),
 * NetworkPolicies, the cluster-wide policies of network-policy-api and nodes. Built from plain
 * manifest objects (this library's output, Helm output, a cluster dump) or by hand. Mutable;
 * `Analysis` takes a snapshot of it.
 */
import { ClusterPolicy, normalizeClusterPolicy } from './cluster-policy';
import { ProtocolName, PROTOCOLS } from './conn-set';
import { Labels } from './label-selector';
import { Policy, normalizePolicy } from './policy';
import {
  formatPolicyError, IpAddress, isClusterPolicyObject, isListKind, listItem, NAMESPACE_NAME_LABEL, parseIp, portNumberError,
  UnmodelledPolicyKind, unmodelledPolicyKind, validateClusterNetworkPolicy,
} from '../k8s';

export const DEFAULT_NAMESPACE = 'default';

/** Workload kinds read as endpoints, and where their pod template is. */
export const WORKLOAD_KINDS: Readonly<Record<string, (obj: any) => any>> = {
  Pod: (obj) => obj,
  Deployment: (obj) => obj.spec?.template,
  ReplicaSet: (obj) => obj.spec?.template,
  StatefulSet: (obj) => obj.spec?.template,
  DaemonSet: (obj) => obj.spec?.template,
  Job: (obj) => obj.spec?.template,
  ReplicationController: (obj) => obj.spec?.template,
  CronJob: (obj) => obj.spec?.jobTemplate?.spec?.template,
};

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: ProtocolName;
}

export interface NamespaceInfo {
  readonly name: string;
  /** includes `kubernetes.io/metadata.name` */
  readonly labels: Labels;
  /** false when only referenced (by a pod or a policy), never declared */
  readonly declared: boolean;
}

/**
 * A pod or a workload's pod template: one endpoint. Its identity is kind + namespace + name (a
 * Deployment and a StatefulSet may share a name); it is named `namespace/name`, or
 * `namespace/name (Kind)` when another endpoint of another kind has the same namespace and name.
 */
/** What the name of an assumed endpoint ends with: `kube-system/coredns (assumed)`. */
export const ASSUMED_SUFFIX = ' (assumed)';

export interface PodEndpoint {
  readonly kind: 'pod';
  /** `namespace/name`, or `namespace/name (Kind)` when two endpoints would read the same */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** the manifest kind it came from (`Deployment`, `Pod`, ...) */
  readonly workloadKind: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** the pod's IP (a hostNetwork pod's is its node's) */
  readonly ip?: IpAddress;
  /** the node the pod runs on (`spec.nodeName`), when known: what `nodes` peers match a hostNetwork pod by */
  readonly node?: string;
  /** the manifest object, when it came from one */
  readonly raw?: any;
  /**
   * Set on a stand-in the input does not define (the cluster's DNS pods, see `assumeDnsPods`):
   * why it is assumed. Its `id` ends in ` (assumed)`, so every output that names it says so.
   */
  readonly assumed?: string;
}

export interface PodInput {
  readonly namespace?: string;
  readonly name: string;
  readonly labels?: Record<string, string>;
  readonly ports?: readonly { readonly name?: string; readonly port: number; readonly protocol?: string }[];
  readonly hostNetwork?: boolean;
  /** IPv4 or IPv6 literal */
  readonly ip?: string;
  /** the node's name (`spec.nodeName`) */
  readonly node?: string;
  readonly workloadKind?: string;
  readonly raw?: any;
  /** a stand-in the input does not define: why it is assumed (see `PodEndpoint.assumed`) */
  readonly assumed?: string;
}

/** A node: what `nodes` peers of cluster policies select (by labels) and match (by address). */
export interface NodeInfo {
  readonly name: string;
  readonly labels: Labels;
  /** the IPs of `status.addresses` (InternalIP, ExternalIP; host names are not addresses) */
  readonly addresses: readonly IpAddress[];
  readonly raw?: any;
}

export interface NodeInput {
  readonly name: string;
  readonly labels?: Record<string, string>;
  /** IPv4 or IPv6 literals */
  readonly addresses?: readonly string[];
  readonly raw?: any;
}

/** An object that replaced an earlier one of the same kind and name (the later one is kept, as `kubectl apply` does). */
export interface DuplicateObject {
  readonly kind: string;
  /** `namespace/name`, or `name` for a cluster-scoped kind */
  readonly id: string;
}

/** Validates a NetworkPolicy manifest; returns error lines (`field: Invalid value: ...`), empty when valid. */
export type PolicyValidator = (obj: any) => readonly string[];

/** An object of a policy kind the analysis does not model (a CiliumNetworkPolicy, ...), as read. */
export interface UnmodelledPolicy extends UnmodelledPolicyKind {
  /** `namespace/name`, or `name` for a cluster-scoped kind (no namespace written) */
  readonly id: string;
  /** the manifest object */
  readonly raw: any;
}

export class Inventory {
  private readonly _namespaces = new Map<string, NamespaceInfo>();
  /** by kind, namespace and name (see `podKey`) */
  private readonly _pods = new Map<string, PodEndpoint>();
  /** how many endpoints (of any kind) have each `namespace/name` */
  private readonly _podNames = new Map<string, Set<string>>();
  /** `namespace/name`s always shown with their kind (see `qualifyNames`) */
  private readonly _qualified = new Set<string>();
  private readonly _policies = new Map<string, Policy>();
  /** by kind and name */
  private readonly _clusterPolicies = new Map<string, ClusterPolicy>();
  private readonly _nodes = new Map<string, NodeInfo>();
  /** `namespace/generateName` -> how many objects used it, per kind of object */
  private readonly _generated = new Map<string, number>();
  /** manifest kinds that were read but carry no endpoint or policy (Service, ConfigMap, ...) */
  public readonly ignoredKinds = new Map<string, number>();
  /** objects of policy kinds the analysis does not model, in input order */
  public readonly unmodelledPolicies: UnmodelledPolicy[] = [];
  /** objects that replaced an earlier one of the same kind and name, in input order */
  public readonly duplicates: DuplicateObject[] = [];
  private _version = 0;

  public constructor(private readonly validator?: PolicyValidator) {}

  /** Bumped on every change; lets caches know when to rebuild. */
  public get version(): number {
    return this._version;
  }

  public addNamespace(name: string, labels: Record<string, string> = {}): NamespaceInfo {
    const info: NamespaceInfo = { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, declared: true };
    this._namespaces.set(name, info);
    this._version++;
    return info;
  }

  public addPod(input: PodInput): PodEndpoint {
    const namespace = input.namespace || DEFAULT_NAMESPACE;
    if (!input.name) throw new Error('A pod needs a name');
    let ip: IpAddress | undefined;
    if (input.ip !== undefined && input.ip !== '') {
      ip = parseIp(input.ip);
      if (!ip) throw new Error(`Pod ${namespace}/${input.name}: invalid IP address "${input.ip}" (expected an IPv4 or IPv6 literal such as 10.0.0.5)`);
    }
    const ports: ContainerPort[] = (input.ports ?? []).map((p) => {
      const protocol = (p.protocol ?? 'TCP') as ProtocolName;
      if (!PROTOCOLS.includes(protocol)) throw new Error(`Pod ${namespace}/${input.name}: unknown protocol "${p.protocol}" (use TCP, UDP or SCTP)`);
      const portError = portNumberError(Number(p.port));
      if (portError) throw new Error(`Pod ${namespace}/${input.name}: container port ${JSON.stringify(p.port)} ${portError}`);
      return { name: p.name || undefined, port: Number(p.port), protocol };
    });
    const workloadKind = input.workloadKind ?? 'Pod';
    const baseId = `${namespace}/${input.name}`;
    const kinds = this._podNames.get(baseId) ?? new Set<string>();
    this._podNames.set(baseId, kinds);
    kinds.add(workloadKind);
    const pod: PodEndpoint = {
      kind: 'pod',
      id: baseId,
      namespace,
      name: input.name,
      workloadKind,
      labels: { ...(input.labels ?? {}) },
      ports,
      hostNetwork: input.hostNetwork === true,
      ip,
      node: input.node || undefined,
      raw: input.raw,
      ...(input.assumed ? { assumed: input.assumed } : {}),
    };
    // the same kind, namespace and name again: it replaces the first (as a second apply does)
    const key = podKey(workloadKind, namespace, input.name);
    if (this._pods.has(key)) this.duplicates.push({ kind: workloadKind, id: baseId });
    this._pods.set(key, pod);
    this.ensureNamespace(namespace);
    this._version++;
    return this.named(pod);
  }

  /** Removes the stand-ins (`PodEndpoint.assumed`), e.g. before assuming them again on a changed input. */
  public removeAssumed(): void {
    for (const [key, pod] of this._pods) {
      if (!pod.assumed) continue;
      this._pods.delete(key);
      const kinds = this._podNames.get(`${pod.namespace}/${pod.name}`);
      kinds?.delete(pod.workloadKind);
      if (kinds?.size === 0) this._podNames.delete(`${pod.namespace}/${pod.name}`);
      this._version++;
    }
  }

  /**
   * Shows these `namespace/name`s with their kind (`shop/db (Deployment)`) even where only one
   * endpoint has them. `diff` uses it so that both sides name an endpoint alike when only one
   * side has two of that name.
   */
  public qualifyNames(ids: Iterable<string>): void {
    for (const id of ids) this._qualified.add(id);
    this._version++;
  }

  /** The `namespace/name`s that two or more endpoints (of different kinds) share. */
  public get ambiguousNames(): readonly string[] {
    return [...this._podNames].filter(([, kinds]) => kinds.size > 1).map(([id]) => id);
  }

  /** The endpoint with its display name: the kind added when two would read the same. */
  private named(pod: PodEndpoint): PodEndpoint {
    const baseId = `${pod.namespace}/${pod.name}`;
    const qualify = (this._podNames.get(baseId)?.size ?? 0) > 1 || this._qualified.has(baseId);
    const named = qualify ? `${baseId} (${pod.workloadKind})` : baseId;
    const id = pod.assumed ? `${named}${ASSUMED_SUFFIX}` : named;
    return id === pod.id ? pod : { ...pod, id };
  }

  /**
   * The name for an object that has only `generateName`: the API server would add five random
   * characters, so the object is named by its prefix and `*` (`allow-*`), and the second one
   * with that prefix `allow-*2`: never one object for two, never "undefined". `*` is not valid
   * in a name, so these can never collide with a written name.
   */
  private generatedName(kind: string, namespace: string, generateName: string): string {
    const key = `${kind}\0${namespace}\0${generateName}`;
    const n = (this._generated.get(key) ?? 0) + 1;
    this._generated.set(key, n);
    return n === 1 ? `${generateName}*` : `${generateName}*${n}`;
  }

  /** Adds a NetworkPolicy manifest object (validated when the inventory has a validator). */
  public addPolicy(obj: any): Policy {
    const errors = this.validator ? this.validator(obj) : [];
    if (errors.length > 0) {
      const id = `${obj?.metadata?.namespace || DEFAULT_NAMESPACE}/${obj?.metadata?.name ?? '(unnamed)'}`;
      throw new Error(`NetworkPolicy ${id} is invalid: ${errors.join('; ')}`);
    }
    const meta = obj?.metadata;
    if (meta && !meta.name && typeof meta.generateName === 'string' && meta.generateName) {
      const name = this.generatedName('NetworkPolicy', meta.namespace || DEFAULT_NAMESPACE, meta.generateName);
      obj = { ...obj, metadata: { ...meta, name } };
    }
    const policy = normalizePolicy(obj, DEFAULT_NAMESPACE);
    if (this._policies.has(policy.id)) this.duplicates.push({ kind: 'NetworkPolicy', id: policy.id });
    this._policies.set(policy.id, policy);
    this.ensureNamespace(policy.namespace);
    this._version++;
    return policy;
  }

  /**
   * Adds a ClusterNetworkPolicy (`v1alpha2`), AdminNetworkPolicy or BaselineAdminNetworkPolicy
   * (`v1alpha1`) manifest object. Always validated first (`validateClusterNetworkPolicy`: the
   * engine does not guess what an invalid one means); throws listing the errors. A second
   * object of one kind and name replaces the first (recorded in `duplicates`).
   */
  public addClusterPolicy(obj: any): ClusterPolicy {
    const errors = validateClusterNetworkPolicy(obj);
    const kind = String(obj?.kind);
    if (errors.length > 0) {
      throw new Error(`${kind} ${obj?.metadata?.name ?? obj?.metadata?.generateName ?? '(unnamed)'} is invalid: ${errors.map(formatPolicyError).join('; ')}`);
    }
    const meta = obj.metadata;
    const name = meta.name ? String(meta.name) : this.generatedName(kind, '', String(meta.generateName));
    const policy = normalizeClusterPolicy(obj, name);
    const key = `${kind}\0${name}`;
    if (this._clusterPolicies.has(key)) this.duplicates.push({ kind, id: name });
    this._clusterPolicies.set(key, policy);
    this._version++;
    return policy;
  }

  /** Adds a node (for `nodes` peers of cluster policies). A second node of one name replaces the first. */
  public addNode(input: NodeInput): NodeInfo {
    if (!input.name) throw new Error('A node needs a name');
    const addresses = (input.addresses ?? []).map((a) => {
      const ip = parseIp(a);
      if (!ip) throw new Error(`Node ${input.name}: invalid IP address "${a}" (expected an IPv4 or IPv6 literal)`);
      return ip;
    });
    const node: NodeInfo = { name: input.name, labels: { ...(input.labels ?? {}) }, addresses, raw: input.raw };
    if (this._nodes.has(node.name)) this.duplicates.push({ kind: 'Node', id: node.name });
    this._nodes.set(node.name, node);
    this._version++;
    return node;
  }

  /**
   * Adds one manifest object: a NetworkPolicy, a ClusterNetworkPolicy, AdminNetworkPolicy or
   * BaselineAdminNetworkPolicy, a Namespace, a Node, a workload (one endpoint from its pod
   * template) or a `List` of them. Other kinds are counted in `ignoredKinds`.
   */
  public addManifest(obj: any): void {
    if (!obj || typeof obj !== 'object') return;
    const kind: string = obj.kind;
    if (isListKind(obj)) {
      for (const item of obj.items ?? []) this.addManifest(listItem(obj, item));
      return;
    }
    const unmodelled = unmodelledPolicyKind(obj);
    if (unmodelled) {
      const meta = obj.metadata ?? {};
      const name = meta.name || (meta.generateName ? `${meta.generateName}*` : '(unnamed)');
      this.unmodelledPolicies.push({ ...unmodelled, id: meta.namespace ? `${meta.namespace}/${name}` : name, raw: obj });
      this._version++;
      return;
    }
    if (isClusterPolicyObject(obj)) {
      this.addClusterPolicy(obj);
      return;
    }
    if (kind === 'Node') {
      const addresses: unknown[] = Array.isArray(obj.status?.addresses) ? obj.status.addresses.map((a: any) => a?.address) : [];
      this.addNode({
        name: obj.metadata?.name,
        labels: obj.metadata?.labels ?? {},
        // host names (Hostname, InternalDNS, ExternalDNS) are not addresses
        addresses: addresses.filter((a): a is string => typeof a === 'string' && parseIp(a) !== undefined),
        raw: obj,
      });
      return;
    }
    if (kind === 'NetworkPolicy') {
      // any other group's NetworkPolicy (`extensions/v1beta1`, long removed) is the validator's to reject
      this.addPolicy(obj);
      return;
    }
    if (kind === 'Namespace') {
      this.addNamespace(obj.metadata?.name, obj.metadata?.labels ?? {});
      return;
    }
    const templateOf = WORKLOAD_KINDS[kind];
    if (!templateOf) {
      this.ignoredKinds.set(String(kind), (this.ignoredKinds.get(String(kind)) ?? 0) + 1);
      return;
    }
    const template = templateOf(obj) ?? {};
    const spec = template.spec ?? {};
    const containers: any[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
    const ports = containers.flatMap((c) => (c?.ports ?? []).map((p: any) => ({
      name: p.name,
      port: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    })));
    const meta = obj.metadata ?? {};
    const namespace = meta.namespace || DEFAULT_NAMESPACE;
    const name = !meta.name && typeof meta.generateName === 'string' && meta.generateName
      ? this.generatedName(kind, namespace, meta.generateName)
      : meta.name;
    const hostNetwork = spec.hostNetwork === true;
    this.addPod({
      namespace,
      name,
      labels: template.metadata?.labels ?? {},
      ports,
      hostNetwork,
      // a hostNetwork pod has its node's address (`status.podIP` = `status.hostIP`)
      ip: kind === 'Pod' ? (obj.status?.podIP || (hostNetwork ? obj.status?.hostIP : undefined)) : undefined,
      node: typeof spec.nodeName === 'string' ? spec.nodeName : undefined,
      workloadKind: kind,
      raw: obj,
    });
  }

  public get namespaces(): readonly NamespaceInfo[] {
    return [...this._namespaces.values()];
  }

  /** Every endpoint, in the order first added, each with its display name (see `PodEndpoint.id`). */
  public get pods(): readonly PodEndpoint[] {
    return [...this._pods.values()].map((p) => this.named(p));
  }

  public get policies(): readonly Policy[] {
    return [...this._policies.values()];
  }

  /** ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies, in the order first added. */
  public get clusterPolicies(): readonly ClusterPolicy[] {
    return [...this._clusterPolicies.values()];
  }

  public get nodes(): readonly NodeInfo[] {
    return [...this._nodes.values()];
  }

  public namespace(name: string): NamespaceInfo {
    return this._namespaces.get(name) ?? { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false };
  }

  private ensureNamespace(name: string) {
    if (!this._namespaces.has(name)) {
      this._namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
    }
  }
}

/** The identity of an endpoint: kind, namespace and name. */
function podKey(kind: string, namespace: string, name: string): string {
  return `${kind}\0${namespace}\0${name}`;
}
