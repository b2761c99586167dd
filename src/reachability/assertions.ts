import { App, Chart } from 'cdk8s';
import { ConnectionSet, NetworkModel, NetworkModelProps, PodEndpointProps } from './network-model';
import { Direction } from '../vocabulary/direction';
import { Protocol } from '../vocabulary/protocol';

/**
 * A namespace to declare in a test's inventory.
 */
export interface NamespaceSpec {
  /** The namespace's name. */
  readonly name: string;
  /**
   * Its labels (`kubernetes.io/metadata.name` is added automatically).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * Options of `NetworkAssertions`.
 */
export interface NetworkAssertionsOptions extends NetworkModelProps {
  /**
   * Pods to add to what the chart contains (a chart of policies often has no workloads).
   * @default - none
   */
  readonly pods?: PodEndpointProps[];
  /**
   * Namespaces (with labels) to add.
   * @default - none
   */
  readonly namespaces?: NamespaceSpec[];
}

/**
 * Reachability assertions for tests, for any test runner: each method throws an Error carrying
 * the engine's explanation when the expectation does not hold.
 *
 * ```ts
 * const net = NetworkAssertions.fromChart(chart, { pods: [{ namespace: 'shop', name: 'web', labels: { app: 'web' } }] });
 * net.allows('shop/web', 'shop/db', 5432);
 * net.denies('shop/other', 'shop/db', 5432);
 * net.allowsOnly('shop/web', 'shop/db', 'TCP 5432');
 * ```
 */
export class NetworkAssertions {
  /** Assertions over the manifests a chart synthesizes. */
  public static fromChart(chart: Chart, options?: NetworkAssertionsOptions): NetworkAssertions {
    return NetworkAssertions.withInventory(NetworkModel.fromChart(chart, options), options);
  }

  /** Assertions over the manifests of every chart of an app. */
  public static fromApp(app: App, options?: NetworkAssertionsOptions): NetworkAssertions {
    return NetworkAssertions.withInventory(NetworkModel.fromApp(app, options), options);
  }

  /** Assertions over manifests in YAML or JSON text. */
  public static fromYaml(text: string, options?: NetworkAssertionsOptions): NetworkAssertions {
    return NetworkAssertions.withInventory(NetworkModel.fromYaml(text, options), options);
  }

  /** Assertions over a model you built. */
  public static fromModel(model: NetworkModel): NetworkAssertions {
    return new NetworkAssertions(model);
  }

  private static withInventory(model: NetworkModel, options?: NetworkAssertionsOptions): NetworkAssertions {
    for (const ns of options?.namespaces ?? []) model.addNamespace(ns.name, ns.labels);
    for (const pod of options?.pods ?? []) model.addPod(pod);
    return new NetworkAssertions(model);
  }

  private constructor(
    /** The model the assertions ask (add pods or manifests to it at any time). */
    public readonly model: NetworkModel,
  ) {}

  /** Adds a pod to the model (returns this, to chain). */
  public addPod(props: PodEndpointProps): NetworkAssertions {
    this.model.addPod(props);
    return this;
  }

  /** Declares a namespace with labels (returns this, to chain). */
  public addNamespace(name: string, labels?: { [key: string]: string }): NetworkAssertions {
    this.model.addNamespace(name, labels);
    return this;
  }

  /**
   * Asserts that NetworkPolicy allows the connection.
   * @param protocol default TCP
   */
  public allows(from: string, to: string, port: number, protocol?: Protocol): NetworkAssertions {
    const e = this.model.explain({ from, to, port, protocol });
    if (!e.covered || !e.allowed) throw new Error(`Expected ${from} => ${to} on ${e.protocol} ${port} to be allowed\n${e.text}`);
    return this;
  }

  /**
   * Asserts that NetworkPolicy denies the connection.
   * @param protocol default TCP
   */
  public denies(from: string, to: string, port: number, protocol?: Protocol): NetworkAssertions {
    const e = this.model.explain({ from, to, port, protocol });
    if (!e.covered || e.allowed) throw new Error(`Expected ${from} => ${to} on ${e.protocol} ${port} to be denied\n${e.text}`);
    return this;
  }

  /**
   * Asserts exactly what is allowed from one endpoint to another, in the canonical form:
   * `TCP 80`, `TCP 80,8080-8090,UDP 53`, `All Connections`, `No Connections`.
   */
  public allowsOnly(from: string, to: string, expected: string): NetworkAssertions {
    const want = ConnectionSet.parse(expected);
    const got = this.model.allowedConnections(from, to);
    if (!got.sameAs(want)) {
      throw new Error(`Expected ${from} => ${to} to allow exactly "${want}", but it allows "${got}"\n${this.detail(from, to, want, got)}`);
    }
    return this;
  }

  /** Asserts that nothing at all is allowed from one endpoint to another. */
  public deniesAll(from: string, to: string): NetworkAssertions {
    return this.allowsOnly(from, to, 'No Connections');
  }

  /** Asserts that policies isolate the endpoint for the direction (`BOTH`: both directions). */
  public isolated(endpoint: string, direction: Direction): NetworkAssertions {
    if (!this.model.isIsolated(endpoint, direction)) {
      throw new Error(`Expected ${endpoint} to be isolated for ${direction}, but ${this.selectionText(endpoint)}`);
    }
    return this;
  }

  /** Asserts that no policy isolates the endpoint for the direction (`BOTH`: for either). */
  public notIsolated(endpoint: string, direction: Direction): NetworkAssertions {
    const isolated = direction === Direction.BOTH
      ? this.model.isIsolated(endpoint, Direction.INGRESS) || this.model.isIsolated(endpoint, Direction.EGRESS)
      : this.model.isIsolated(endpoint, direction);
    if (isolated) throw new Error(`Expected ${endpoint} not to be isolated for ${direction}, but ${this.selectionText(endpoint)}`);
    return this;
  }

  /**
   * Asserts which sources may reach a destination on a port: exactly `sources` (among the
   * known endpoints; `to` itself is not checked).
   * @param protocol default TCP
   */
  public reachableOnlyFrom(to: string, port: number, sources: string[], protocol?: Protocol): NetworkAssertions {
    const got = this.model.endpoints.filter((from) => from !== to && this.coveredAndAllowed(from, to, port, protocol));
    const want = [...new Set(sources)].sort();
    if (got.join('\n') !== want.join('\n')) {
      const extra = got.filter((g) => !want.includes(g));
      const missing = want.filter((w) => !got.includes(w));
      const lines = [`Expected only [${want.join(', ')}] to reach ${to} on ${protocol ?? Protocol.TCP} ${port}, but reachable from [${got.join(', ')}]`];
      for (const f of [...extra, ...missing]) lines.push(this.model.explain({ from: f, to, port, protocol }).text);
      throw new Error(lines.join('\n'));
    }
    return this;
  }

  private coveredAndAllowed(from: string, to: string, port: number, protocol?: Protocol): boolean {
    const e = this.model.explain({ from, to, port, protocol });
    return e.covered && e.allowed;
  }

  private selectionText(endpoint: string): string {
    const ing = this.model.selectingPolicies(endpoint, Direction.INGRESS);
    const eg = this.model.selectingPolicies(endpoint, Direction.EGRESS);
    const part = (dir: string, list: string[]) => (list.length ? `${dir} by ${list.join(', ')}` : `no policy selects it for ${dir}`);
    return `${part('ingress', ing)}; ${part('egress', eg)}`;
  }

  private detail(from: string, to: string, want: ConnectionSet, got: ConnectionSet): string {
    // explain one port that differs, so the failure says which policy is responsible
    for (const protocol of [Protocol.TCP, Protocol.UDP, Protocol.SCTP]) {
      const ranges = [...want.ports(protocol), ...got.ports(protocol)];
      const probes = new Set<number>([1, 65535]);
      for (const r of ranges) for (const p of [r.start - 1, r.start, r.end, r.end + 1]) if (p >= 1 && p <= 65535) probes.add(p);
      for (const port of [...probes].sort((a, b) => a - b)) {
        if (want.allows(port, protocol) !== got.allows(port, protocol)) {
          return this.model.explain({ from, to, port, protocol }).text;
        }
      }
    }
    return '';
  }
}
