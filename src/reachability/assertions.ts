import { App, Chart } from 'cdk8s';
import { ConnectionSet, NetworkModel, NetworkModelProps, PodEndpointProps } from './network-model';
import { Analysis, ConnSet, DirectionName, ProtocolName } from '../engine';
import { closestMatch, compare, plural } from '../text';
import { Direction } from '../vocabulary/direction';
import { Protocol } from '../vocabulary/protocol';

/**
 * Options of `NetworkAssertions.hasConnectivity`.
 */
export interface ConnectivityAssertionOptions {
  /**
   * Whether rows to and from addresses outside the cluster (ranges such as
   * `0.0.0.0-255.255.255.255`, as `connectivityRows()` names them) are part of the table.
   * @default true - the whole table, as `cdk8s-netpol connlist` prints it
   */
  readonly includeExternal?: boolean;
}

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

  /**
   * Asserts that the connection is denied at the Admin tier of the cluster policies
   * (ClusterNetworkPolicy `tier: Admin`, AdminNetworkPolicy) on every port of `connections`:
   * a Deny rule decides it on the source's egress or the destination's ingress, before any
   * NetworkPolicy is consulted, so no namespace's NetworkPolicy can re-open it.
   *
   * ```ts
   * const net = NetworkAssertions.fromChart(chart);
   * net.deniedByAdmin('shop/web', '169.254.169.254', 'TCP 80');
   * ```
   * @param connections the ports, in the canonical form (`TCP 80`, `TCP 80,443,UDP 53`); default every port of every protocol (`All Connections`)
   */
  public deniedByAdmin(from: string, to: string, connections?: string): NetworkAssertions {
    const want = ConnSet.parse(connections ?? 'All Connections');
    const a = this.model._analysis();
    const what = `Expected ${from} => ${to} on ${want} to be denied at the Admin tier (so that no NetworkPolicy can re-open it)`;
    const reason = a.notCoveredReason(from, to);
    if (reason) throw new Error(`${what}, but no policy decides it: ${reason}`);
    let denied = ConnSet.NONE;
    const caveats: string[] = [];
    for (const direction of ['Egress', 'Ingress'] as DirectionName[]) {
      const trace = a.sideTrace(from, to, direction, want);
      for (const d of trace.decisions) if (d.tier === 'Admin' && d.outcome === 'denied') denied = denied.union(d.conns);
      for (const c of trace.caveats) if (!c.conns.intersect(want).isEmpty) caveats.push(c.text);
    }
    const missing = want.subtract(denied);
    if (!missing.isEmpty) {
      throw new Error(`${what}, but on ${missing} it is not\n${this.explainOne(from, to, missing)}`);
    }
    if (caveats.length > 0) {
      throw new Error(`${what}, but the verdict rests on what the input does not say:\n${caveats.map((c) => `  ${c}`).join('\n')}`);
    }
    return this;
  }

  /**
   * Asserts the whole connectivity table in one call: exactly these rows are allowed, each
   * `SOURCE => DESTINATION : CONNECTIONS` (`->` is read as `=>`), as `connectivityRows()` (and
   * `cdk8s-netpol connlist`) writes them: `shop/web => shop/api : TCP 8080`. Connections are
   * compared as sets (`TCP 80,443` is `TCP 443,80`); a row of `No Connections` says that the pair is
   * not connected. On failure the message lists the missing rows, the unexpected rows and the
   * rows whose connections differ.
   */
  public hasConnectivity(rows: string[], options?: ConnectivityAssertionOptions): NetworkAssertions {
    const includeExternal = options?.includeExternal ?? true;
    const a = this.model._analysis();
    const actual = this.table(a, includeExternal);
    const expected = new Map<string, ConnSet>();
    const known = new Set<string>([...a.pods, ...a.externalRangeEndpoints()].map((e) => e.id));
    for (const c of a.connectivity()) known.add(c.from.id).add(c.to.id);
    const problems: string[] = [];
    for (const row of rows) {
      const parsed = parseRow(row);
      if (typeof parsed === 'string') {
        problems.push(parsed);
        continue;
      }
      for (const id of [parsed.from, parsed.to]) {
        if (known.has(id)) continue;
        const hint = closestMatch(id, [...known]);
        problems.push(`row "${row}": unknown endpoint "${id}"${hint ? `; did you mean "${hint}"?` : ''}`);
      }
      const key = `${parsed.from} => ${parsed.to}`;
      if (expected.has(key)) problems.push(`row "${row}": ${key} is written twice`);
      expected.set(key, parsed.conns);
    }
    if (problems.length > 0) throw new Error(`hasConnectivity: the expected table cannot be read:\n${problems.map((p) => `  ${p}`).join('\n')}`);

    const missing: string[] = [];
    const unexpected: string[] = [];
    const different: string[] = [];
    for (const [key, want] of expected) {
      const got = actual.get(key);
      if (want.isEmpty) {
        if (got) unexpected.push(`${key} : ${got}`);
      } else if (!got) {
        missing.push(`${key} : ${want}`);
      } else if (!got.equals(want)) {
        const notAllowed = want.subtract(got);
        const also = got.subtract(want);
        const parts = [...(notAllowed.isEmpty ? [] : [`not allowed: ${notAllowed}`]), ...(also.isEmpty ? [] : [`also allowed: ${also}`])];
        different.push(`${key} : expected ${want}, allowed ${got} (${parts.join('; ')})`);
      }
    }
    for (const [key, got] of actual) if (!expected.has(key)) unexpected.push(`${key} : ${got}`);
    if (missing.length + unexpected.length + different.length === 0) return this;
    const section = (title: string, list: string[]) => (list.length === 0 ? [] : [`${title} (${list.length}):`, ...list.sort(compare).map((l) => `  ${l}`)]);
    throw new Error([
      `Expected the connectivity table of ${plural(expected.size, 'row')}, but ${plural(actual.size, 'row')} ${actual.size === 1 ? 'is' : 'are'} allowed` +
      `${includeExternal ? '' : ' between workloads'}:`,
      ...section('missing: expected, not allowed', missing),
      ...section('unexpected: allowed, not expected', unexpected),
      ...section('different connections', different),
    ].join('\n'));
  }

  /**
   * The connectivity table, one row per allowed pair of distinct endpoints, sorted as
   * `connectivity()` sorts: `shop/web => shop/api : TCP 8080`. What `hasConnectivity` compares
   * with (paste it into a test to pin the table).
   */
  public connectivityRows(options?: ConnectivityAssertionOptions): string[] {
    return [...this.table(this.model._analysis(), options?.includeExternal ?? true)].map(([key, conns]) => `${key} : ${conns}`);
  }

  private table(a: Analysis, includeExternal: boolean): Map<string, ConnSet> {
    const out = new Map<string, ConnSet>();
    for (const c of a.connectivity()) {
      if (!includeExternal && (c.from.kind === 'external' || c.to.kind === 'external')) continue;
      out.set(`${c.from.id} => ${c.to.id}`, c.conns);
    }
    return out;
  }

  /** The explanation of the first port of a set (the lowest port of the first protocol in it). */
  private explainOne(from: string, to: string, set: ConnSet): string {
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as ProtocolName[]) {
      const [first] = set.intervals(protocol);
      if (first) return this.model.explain({ from, to, port: first[0], protocol: protocol as Protocol }).text;
    }
    return '';
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

/** One row of a connectivity table, or what is wrong with it. */
function parseRow(row: string): { from: string; to: string; conns: ConnSet } | string {
  const m = /^\s*(\S+)\s*(?:=>|->)\s*(\S+)\s*:\s*(.+?)\s*$/.exec(row);
  if (!m) return `row "${row}": not of the form "SOURCE => DESTINATION : CONNECTIONS" (e.g. "shop/web => shop/api : TCP 8080")`;
  try {
    return { from: m[1], to: m[2], conns: ConnSet.parse(m[3]) };
  } catch (e) {
    return `row "${row}": ${(e as Error).message}`;
  }
}
