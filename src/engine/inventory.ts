/**
 * What the engine knows about a cluster: namespaces, endpoints (one per workload or pod) and
 * NetworkPolicies. Built from plain manifest objects (this library's output, Helm output, a
 * cluster dump) or by hand. Mutable; `Analysis` takes a snapshot of it.
 */
import { ProtocolName, PROTOCOLS } from './conn-set';
import { Labels } from './label-selector';
import { Policy, normalizePolicy } from './policy';
import { IpAddress, isListKind, listItem, NAMESPACE_NAME_LABEL, parseIp, portNumberError } from '../k8s';

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

/** A pod or a workload's pod template: one endpoint named `namespace/name`. */
export interface PodEndpoint {
  readonly kind: 'pod';
  /** `namespace/name` */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** the manifest kind it came from (`Deployment`, `Pod`, ...) */
  readonly workloadKind: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  readonly ip?: IpAddress;
  /** the manifest object, when it came from one */
  readonly raw?: any;
}

export interface PodInput {
  readonly namespace?: string;
  readonly name: string;
  readonly labels?: Record<string, string>;
  readonly ports?: readonly { readonly name?: string; readonly port: number; readonly protocol?: string }[];
  readonly hostNetwork?: boolean;
  /** IPv4 or IPv6 literal */
  readonly ip?: string;
  readonly workloadKind?: string;
  readonly raw?: any;
}

/** Validates a NetworkPolicy manifest; returns error lines (`field: Invalid value: ...`), empty when valid. */
export type PolicyValidator = (obj: any) => readonly string[];

export class Inventory {
  private readonly _namespaces = new Map<string, NamespaceInfo>();
  private readonly _pods = new Map<string, PodEndpoint>();
  private readonly _policies = new Map<string, Policy>();
  /** manifest kinds that were read but carry no endpoint or policy (Service, ConfigMap, ...) */
  public readonly ignoredKinds = new Map<string, number>();
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
    const pod: PodEndpoint = {
      kind: 'pod',
      id: `${namespace}/${input.name}`,
      namespace,
      name: input.name,
      workloadKind: input.workloadKind ?? 'Pod',
      labels: { ...(input.labels ?? {}) },
      ports,
      hostNetwork: input.hostNetwork === true,
      ip,
      raw: input.raw,
    };
    this._pods.set(pod.id, pod);
    this.ensureNamespace(namespace);
    this._version++;
    return pod;
  }

  /** Adds a NetworkPolicy manifest object (validated when the inventory has a validator). */
  public addPolicy(obj: any): Policy {
    const errors = this.validator ? this.validator(obj) : [];
    if (errors.length > 0) {
      const id = `${obj?.metadata?.namespace || DEFAULT_NAMESPACE}/${obj?.metadata?.name ?? '(unnamed)'}`;
      throw new Error(`NetworkPolicy ${id} is invalid: ${errors.join('; ')}`);
    }
    const policy = normalizePolicy(obj, DEFAULT_NAMESPACE);
    this._policies.set(policy.id, policy);
    this.ensureNamespace(policy.namespace);
    this._version++;
    return policy;
  }

  /**
   * Adds one manifest object: a NetworkPolicy, a Namespace, a workload (one endpoint from its pod
   * template) or a `List` of them. Other kinds are counted in `ignoredKinds`.
   */
  public addManifest(obj: any): void {
    if (!obj || typeof obj !== 'object') return;
    const kind: string = obj.kind;
    if (isListKind(obj)) {
      for (const item of obj.items ?? []) this.addManifest(listItem(obj, item));
      return;
    }
    if (kind === 'NetworkPolicy') {
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
    this.addPod({
      namespace: obj.metadata?.namespace,
      name: obj.metadata?.name,
      labels: template.metadata?.labels ?? {},
      ports,
      hostNetwork: spec.hostNetwork === true,
      ip: kind === 'Pod' ? obj.status?.podIP : undefined,
      workloadKind: kind,
      raw: obj,
    });
  }

  public get namespaces(): readonly NamespaceInfo[] {
    return [...this._namespaces.values()];
  }

  public get pods(): readonly PodEndpoint[] {
    return [...this._pods.values()];
  }

  public get policies(): readonly Policy[] {
    return [...this._policies.values()];
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
