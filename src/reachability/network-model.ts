import { App, Chart } from 'cdk8s';
import { Analysis, assumeDnsPods, ConnSet, Explanation, Inventory, ProtocolName, SideExplanation, explainConnection } from '../engine';
import { formatPolicyError, validateNetworkPolicy } from '../k8s';
import { parseManifests } from '../manifests';
import { Direction } from '../vocabulary/direction';
import { Protocol } from '../vocabulary/protocol';

/**
 * The cluster DNS a `NetworkModel` assumes when its manifests have no DNS pods (cdk8s output
 * never has them): a stand-in endpoint, named with `(assumed)`.
 */
export enum AssumedDns {
  /** kube-dns / CoreDNS: `kube-system/coredns (assumed)`, pods `k8s-app=kube-dns` in `kube-system`, UDP and TCP 53; also named `kube-dns` */
  KUBE_DNS = 'kube-dns',
  /** OpenShift DNS: `openshift-dns/dns-default (assumed)`, port 5353 */
  OPENSHIFT = 'openshift',
  /** no stand-in: only the endpoints the manifests define */
  NONE = 'none',
}

/**
 * Options of a `NetworkModel`.
 */
export interface NetworkModelProps {
  /**
   * Whether `ipBlock` peers also match pods by their IP address (the `ip` you give pods).
   * Network plugins differ (Calico: yes; Cilium: no).
   * @default false - ipBlocks only match addresses outside the cluster
   */
  readonly ipBlockMatchesPods?: boolean;

  /**
   * The cluster DNS pods to assume when the model has none: a stand-in endpoint
   * (`kube-system/coredns (assumed)`, also named `kube-dns`) that policies' DNS rules can be
   * asked about. A DNS pod you add (a pod of that namespace with those labels) always wins.
   * @default AssumedDns.KUBE_DNS
   */
  readonly assumedDns?: AssumedDns;
}

/**
 * A port a pod's container serves.
 */
export interface ContainerPortSpec {
  /**
   * The port's name, which named ports in policies refer to.
   * @default - unnamed
   */
  readonly name?: string;
  /** The port number. */
  readonly port: number;
  /**
   * The protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/**
 * A pod (or a workload's pod template) to add to a model by hand.
 */
export interface PodEndpointProps {
  /**
   * The pod's namespace.
   * @default 'default'
   */
  readonly namespace?: string;
  /** The pod's name: the endpoint is `namespace/name`. */
  readonly name: string;
  /**
   * The pod's labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * The container ports it serves (named ports resolve on these).
   * @default - none
   */
  readonly ports?: ContainerPortSpec[];
  /**
   * Whether the pod uses the node's network (NetworkPolicy does not apply to it).
   * @default false
   */
  readonly hostNetwork?: boolean;
  /**
   * The pod's IP address (only used with `ipBlockMatchesPods`).
   * @default - none
   */
  readonly ip?: string;
}

/**
 * A connection to ask about.
 */
export interface ConnectionQuery {
  /** The source: `namespace/name` of a workload or pod, or an IP address outside the cluster. */
  readonly from: string;
  /** The destination: `namespace/name` of a workload or pod, or an IP address outside the cluster. */
  readonly to: string;
  /** The destination port. */
  readonly port: number;
  /**
   * The protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/**
 * An inclusive range of ports.
 */
export interface PortRange {
  /** First port. */
  readonly start: number;
  /** Last port (equal to `start` for one port). */
  readonly end: number;
}

/**
 * A set of (protocol, port) pairs, e.g. what NetworkPolicy allows between two endpoints.
 *
 * `toString()` is canonical: `All Connections`, `No Connections`, or per protocol in
 * alphabetical order the merged, sorted ports: `TCP 80,8080-8090,UDP 53`.
 */
export class ConnectionSet {
  /** Every port of TCP, UDP and SCTP. */
  public static readonly ALL = new ConnectionSet(ConnSet.ALL);
  /** Nothing. */
  public static readonly NONE = new ConnectionSet(ConnSet.NONE);

  /**
   * Parses the canonical text (`TCP 80,8080-8090,UDP 53`, `All Connections`, `No Connections`);
   * order and overlaps do not matter.
   */
  public static parse(text: string): ConnectionSet {
    return ConnectionSet._of(ConnSet.parse(text));
  }

  /** @internal */
  public static _of(set: ConnSet): ConnectionSet {
    if (set === ConnSet.ALL) return ConnectionSet.ALL;
    if (set === ConnSet.NONE) return ConnectionSet.NONE;
    return new ConnectionSet(set);
  }

  private constructor(private readonly set: ConnSet) {}

  /** true when nothing is allowed. */
  public get isEmpty(): boolean {
    return this.set.isEmpty;
  }

  /** true when every port of every protocol is allowed. */
  public get isAll(): boolean {
    return this.set.isAll;
  }

  /**
   * Whether the set contains a port.
   * @param protocol default TCP
   */
  public allows(port: number, protocol?: Protocol): boolean {
    return this.set.contains((protocol ?? Protocol.TCP) as ProtocolName, port);
  }

  /** The merged, sorted port ranges of one protocol. */
  public ports(protocol: Protocol): PortRange[] {
    return this.set.intervals(protocol as ProtocolName).map(([start, end]) => ({ start, end }));
  }

  /** true when both sets contain the same connections. */
  public sameAs(other: ConnectionSet): boolean {
    return this.set.equals(other.set);
  }

  /** The canonical text. */
  public toString(): string {
    return this.set.toString();
  }
}

/**
 * A policy rule that admitted a connection.
 */
export interface PolicyRuleReference {
  /** The policy, `namespace/name`. */
  readonly policy: string;
  /** Ingress or egress. */
  readonly direction: Direction;
  /** The rule's field path, `spec.ingress[0]` (how every output of this library names a rule). */
  readonly field: string;
}

/**
 * One side of an explanation: the source's egress or the destination's ingress.
 */
export interface EndpointExplanation {
  /** The endpoint (`namespace/name` or an address). */
  readonly endpoint: string;
  /** The direction this side is about (egress for the source, ingress for the destination). */
  readonly direction: Direction;
  /** Whether the endpoint is a pod in the cluster. */
  readonly inCluster: boolean;
  /** Whether some policy selects the endpoint for this direction. */
  readonly isolated: boolean;
  /** The policies that select it for this direction, `namespace/name`. */
  readonly policies: string[];
  /** The rules that admit the connection. */
  readonly allowedBy: PolicyRuleReference[];
  /** Whether this side lets the connection through. */
  readonly allowed: boolean;
  /** One readable sentence. */
  readonly text: string;
}

/**
 * Why a connection is allowed or denied.
 */
export interface ConnectionExplanation {
  /** The source. */
  readonly from: string;
  /** The destination. */
  readonly to: string;
  /** The port asked about. */
  readonly port: number;
  /** The protocol asked about. */
  readonly protocol: Protocol;
  /** false when NetworkPolicy does not apply (hostNetwork pod, a pod to itself); see `reason`. */
  readonly covered: boolean;
  /**
   * Why NetworkPolicy does not apply.
   * @default - it applies
   */
  readonly reason?: string;
  /** Whether NetworkPolicy allows the connection (false when not covered). */
  readonly allowed: boolean;
  /** The source's egress side. */
  readonly egress: EndpointExplanation;
  /** The destination's ingress side. */
  readonly ingress: EndpointExplanation;
  /** The whole explanation as text (a verdict line, then one line per side). */
  readonly text: string;
}

/**
 * An allowed connection between two endpoints, in a listing.
 */
export interface AllowedConnection {
  /** The source (`namespace/name` or an external address range). */
  readonly from: string;
  /** The destination. */
  readonly to: string;
  /** What is allowed. */
  readonly connections: ConnectionSet;
}

/**
 * What NetworkPolicy allows in a set of manifests: which workloads (and which addresses outside
 * the cluster) can connect to which, on which ports, and why.
 *
 * Endpoints are named `namespace/name` (one per workload or pod: its pod template's labels and
 * container ports); addresses outside the cluster are IP literals.
 */
export class NetworkModel {
  /** Reads manifests from YAML or JSON text (several documents, `List`s). */
  public static fromYaml(text: string, props?: NetworkModelProps): NetworkModel {
    const model = new NetworkModel(props);
    model.addYaml(text);
    return model;
  }

  /** The manifests a chart synthesizes. */
  public static fromChart(chart: Chart, props?: NetworkModelProps): NetworkModel {
    const model = new NetworkModel(props);
    model.addManifests(chart.toJson());
    return model;
  }

  /** The manifests of every chart of an app. */
  public static fromApp(app: App, props?: NetworkModelProps): NetworkModel {
    const model = new NetworkModel(props);
    for (const chart of app.charts) model.addManifests(chart.toJson());
    return model;
  }

  private readonly inventory = new Inventory((obj) => validateNetworkPolicy(obj).map(formatPolicyError));
  private readonly options: NetworkModelProps;
  private readonly assumedDns: AssumedDns;
  private cached?: { version: number; analysis: Analysis };

  public constructor(props: NetworkModelProps = {}) {
    this.options = { ipBlockMatchesPods: props.ipBlockMatchesPods ?? false };
    const assumed = props.assumedDns ?? AssumedDns.KUBE_DNS;
    if (!Object.values(AssumedDns).includes(assumed)) {
      throw new Error(`Invalid NetworkModel assumedDns ${JSON.stringify(assumed)}: use AssumedDns.KUBE_DNS, AssumedDns.OPENSHIFT or AssumedDns.NONE`);
    }
    this.assumedDns = assumed;
  }

  /**
   * Declares a namespace and its labels (it also gets `kubernetes.io/metadata.name`).
   * Namespaces that are only referenced get that label alone.
   */
  public addNamespace(name: string, labels?: { [key: string]: string }): NetworkModel {
    this.inventory.addNamespace(name, labels ?? {});
    return this;
  }

  /** Adds a pod (or a workload, by its pod template) as an endpoint `namespace/name`. */
  public addPod(props: PodEndpointProps): NetworkModel {
    this.inventory.addPod({ ...props, ports: props.ports?.map((p) => ({ ...p, protocol: p.protocol })) });
    return this;
  }

  /**
   * Adds one manifest object: NetworkPolicy (rejected with the API server's message when
   * invalid), Namespace, Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
   * ReplicationController, or a `List` of them. Other kinds are ignored.
   */
  public addManifest(manifest: any): NetworkModel {
    this.inventory.addManifest(manifest);
    return this;
  }

  /** Adds several manifest objects. */
  public addManifests(manifests: any[]): NetworkModel {
    for (const m of manifests) this.addManifest(m);
    return this;
  }

  /**
   * Adds the manifests in YAML or JSON text.
   * @param source a name for error messages, default `<yaml>`
   */
  public addYaml(text: string, source?: string): NetworkModel {
    const name = source ?? '<yaml>';
    for (const doc of parseManifests(text, name)) {
      try {
        this.addManifest(doc.object);
      } catch (e) {
        throw new Error(`${name}, document ${doc.index + 1}: ${(e as Error).message}`);
      }
    }
    return this;
  }

  /** The endpoints (workloads and pods) the manifests define, `namespace/name`, sorted (the assumed DNS stand-in is not one). */
  public get endpoints(): string[] {
    return this._analysis().pods.filter((p) => !p.assumed).map((p) => p.id).sort();
  }

  /**
   * Whether NetworkPolicy allows the connection. Throws when NetworkPolicy does not apply
   * (a hostNetwork pod, a pod to itself) or an endpoint is unknown.
   */
  public isAllowed(query: ConnectionQuery): boolean {
    return this.allowedConnections(query.from, query.to).allows(query.port, query.protocol);
  }

  /**
   * Everything NetworkPolicy allows from one endpoint to another. Throws when NetworkPolicy
   * does not apply (a hostNetwork pod, a pod to itself) or an endpoint is unknown.
   */
  public allowedConnections(from: string, to: string): ConnectionSet {
    const a = this._analysis();
    const reason = a.notCoveredReason(from, to);
    if (reason) throw new Error(`NetworkPolicy does not decide ${from} => ${to}: ${reason}`);
    return ConnectionSet._of(a.connections(from, to));
  }

  /** Why the connection is allowed or denied, naming the policies and rules involved. */
  public explain(query: ConnectionQuery): ConnectionExplanation {
    const e = explainConnection(this._analysis(), query.from, query.to, query.port, (query.protocol ?? Protocol.TCP) as ProtocolName);
    return toExplanation(e);
  }

  /**
   * Whether policies isolate the endpoint for a direction (`BOTH`: for both directions).
   */
  public isIsolated(endpoint: string, direction: Direction): boolean {
    const a = this._analysis();
    const e = a.endpoint(endpoint);
    if (direction === Direction.BOTH) return a.isIsolated(e, 'Ingress') && a.isIsolated(e, 'Egress');
    return a.isIsolated(e, direction === Direction.INGRESS ? 'Ingress' : 'Egress');
  }

  /**
   * The policies (`namespace/name`) that select the endpoint for a direction
   * (`BOTH`: for either direction).
   */
  public selectingPolicies(endpoint: string, direction: Direction): string[] {
    const a = this._analysis();
    const e = a.endpoint(endpoint);
    const dirs: ('Ingress' | 'Egress')[] = direction === Direction.BOTH ? ['Ingress', 'Egress'] : [direction === Direction.INGRESS ? 'Ingress' : 'Egress'];
    return [...new Set(dirs.flatMap((d) => a.selectingPolicies(e, d).map((p) => p.id)))].sort();
  }

  /**
   * Every allowed connection between distinct endpoints, sorted; addresses outside the cluster
   * appear as ranges split at every ipBlock boundary (`0.0.0.0-9.255.255.255`). hostNetwork pods
   * are left out (NetworkPolicy does not apply to them).
   */
  public connectivity(): AllowedConnection[] {
    return this._analysis().connectivity().map((c) => ({ from: c.from.id, to: c.to.id, connections: ConnectionSet._of(c.conns) }));
  }

  /**
   * The engine snapshot of the current inventory (rebuilt after changes).
   * @internal
   */
  public _analysis(): Analysis {
    if (!this.cached || this.cached.version !== this.inventory.version) {
      // the stand-in is assumed again on every change: a DNS pod added since replaces it
      this.inventory.removeAssumed();
      assumeDnsPods(this.inventory, this.assumedDns);
      this.cached = { version: this.inventory.version, analysis: new Analysis(this.inventory, this.options) };
    }
    return this.cached.analysis;
  }
}

function toExplanation(e: Explanation): ConnectionExplanation {
  const side = (s: SideExplanation): EndpointExplanation => ({
    endpoint: s.endpoint,
    direction: s.direction === 'Ingress' ? Direction.INGRESS : Direction.EGRESS,
    inCluster: s.inCluster,
    isolated: s.isolated,
    policies: [...s.policies],
    allowedBy: s.allowedBy.map((r) => ({ policy: r.policy, direction: r.direction === 'Ingress' ? Direction.INGRESS : Direction.EGRESS, field: r.field })),
    allowed: s.allowed,
    text: s.text,
  });
  return {
    from: e.from,
    to: e.to,
    port: e.port,
    protocol: e.protocol as Protocol,
    covered: e.covered,
    reason: e.reason,
    allowed: e.allowed,
    egress: side(e.egress),
    ingress: side(e.ingress),
    text: e.text,
  };
}
