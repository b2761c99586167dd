import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { selectorNames, workloadNames } from './_firewall-names';
import { FirewallDirection, FirewallPolicy } from './_firewall-policy';
import { dnsLabelError } from '../../k8s';
import { quote } from '../../text';
import { checkOptions } from '../../vocabulary/_options';
import { NamespaceScope } from '../../vocabulary/_peer-model';
import { SelectorModel, selectorToString } from '../../vocabulary/_selector-model';
import { Direction } from '../../vocabulary/direction';
import { DnsProvider } from '../../vocabulary/dns-provider';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { constructError } from '../_construct-error';
import { DefaultDeny } from '../default-deny';

/**
 * Props for `Firewall`.
 */
export interface FirewallProps {
  /**
   * The namespaces the firewall manages: each gets a default deny (ingress and egress, DNS kept),
   * and only pods of these namespaces ever get a policy from `allow()`.
   *
   * @default - the chart's namespace; when the chart has none, the namespace the manifests are
   * applied to (`kubectl apply -n`)
   */
  readonly namespaces?: string[];

  /**
   * Keep DNS working in the managed namespaces: egress to the cluster DNS on UDP and TCP 53.
   *
   * @default true
   */
  readonly allowDns?: boolean;

  /**
   * Where DNS queries go, when `allowDns` is on.
   *
   * @default DnsProvider.kubeDns()
   */
  readonly dnsProvider?: DnsProvider;
}

/** The managed namespace of a chart without a namespace (policies written without `namespace`). */
const UNNAMED = '';

/** Private and special-purpose IPv4 ranges: not "the internet". */
const PRIVATE_IPV4 = ['10.0.0.0/8', '100.64.0.0/10', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16'];
/** Unique-local (fc00::/7, which holds the IPv6 metadata endpoints) and link-local IPv6. */
const PRIVATE_IPV6 = ['fc00::/7', 'fe80::/10'];

/** One side of `allow()`, as far as the firewall needs it. */
interface Side {
  readonly peer: Peer;
  /**
   * where the peer's pods live, known when `allow()` is called; undefined when the peer is not
   * pods. A workload's labels are not read before synth: they may still change.
   */
  readonly scope?: NamespaceScope;
  /** the namespace of the pods, when one is known (`UNNAMED`: the chart's, which has none) */
  readonly namespace?: string;
  /** the managed namespaces where this side gets a policy */
  readonly targets: readonly string[];
}

/** The pod selector of a peer that is not a workload (its meaning is fixed when it is created). */
function podsOf(peer: Peer): SelectorModel {
  const model = peer._model();
  if (model.kind !== 'pods') throw new Error('unreachable: only pods get a policy');
  return model.pods;
}

/** A pod group: the pods of one side inside one managed namespace. */
interface Group {
  readonly namespace: string;
  readonly base: string;
  readonly policies: Partial<Record<FirewallDirection, FirewallPolicy>>;
}

/**
 * Zero trust in a few sentences: every listed namespace denies all traffic (DNS kept), and each
 * `allow(from, to, ports)` opens one connection by writing BOTH halves it needs: egress on the
 * source pods, ingress on the destination pods.
 *
 * - Rules for the same pods in the same namespace are merged into one policy per direction, named
 *   after the pods: `backend-ingress`, `frontend-egress` (from the `app` label, a single label's
 *   value, or a workload's construct id). No hashes; the rules do not depend on call order.
 * - Only pods in the firewall's own namespaces ever get a policy. The other side of a rule may be
 *   anything (pods elsewhere, addresses, `Peer.anywhere()`): it is named in the rule but never
 *   isolated, since writing a policy for it would cut its other traffic.
 * - A peer without a namespace (`Peer.app('web')`, a workload whose chart has no namespace)
 *   lives in the chart's namespace.
 * - Pods chosen by namespace LABELS cannot be placed: the firewall cannot tell which of its
 *   namespaces match, so `allow()` fails and says what to write instead.
 *
 * @example
 * const fw = new Firewall(chart, 'fw', { namespaces: ['frontend', 'backend', 'database'] });
 * fw.allow(Peer.pods({ labels: { role: 'frontend' }, namespace: 'frontend' }),
 *          Peer.pods({ labels: { role: 'backend' }, namespace: 'backend' }), [Port.tcp(80)]);
 */
export class Firewall extends Construct {
  /**
   * The namespaces the firewall manages (empty when it manages the namespace the manifests are
   * applied to, its chart having none).
   */
  public readonly namespaces: string[];

  /** Whether DNS stays allowed in the managed namespaces. */
  public readonly allowDns: boolean;

  /** The managed namespaces, `UNNAMED` standing for the chart's unnamed one. */
  private readonly managed: string[];
  /** The namespace of peers that name none: the chart's. */
  private readonly home: string;
  /** group key -> group */
  private readonly groups = new Map<string, Group>();
  /** namespace -> policy base name -> group key (names are unique per namespace) */
  private readonly names = new Map<string, Map<string, string>>();

  public constructor(scope: Construct, id: string, props: FirewallProps = {}) {
    super(scope, id);
    props = checkOptions(props, { allowDns: 'boolean', dnsProvider: 'other', namespaces: 'other' }, true, 'prop', (m) => this.error(m));
    const chartNamespace = Chart.of(this).namespace;
    this.home = chartNamespace ?? UNNAMED;

    if (props.namespaces !== undefined) {
      if (!Array.isArray(props.namespaces)) {
        throw this.error(`invalid namespaces ${quote(props.namespaces)}: must be a list of namespace names, e.g. ['shop']`);
      }
      if (props.namespaces.length === 0) {
        throw this.error("invalid namespaces []: a firewall manages at least one namespace; omit `namespaces` for the chart's namespace");
      }
      for (const ns of props.namespaces) {
        const err = dnsLabelError(ns);
        if (err) throw this.error(`invalid namespace ${quote(ns)} in namespaces: ${err}`);
      }
    }
    this.managed = props.namespaces !== undefined ? [...new Set(props.namespaces)] : [this.home];
    this.namespaces = this.managed.filter((ns) => ns !== UNNAMED);

    if (props.dnsProvider !== undefined && !(props.dnsProvider instanceof DnsProvider)) {
      throw this.error(`invalid dnsProvider ${quote(props.dnsProvider)}: must be a DnsProvider, e.g. DnsProvider.nodeLocal()`);
    }
    if (props.dnsProvider !== undefined && props.allowDns === false) {
      throw this.error('dnsProvider is given but allowDns is false: remove one of them');
    }
    this.allowDns = props.allowDns ?? true;

    for (const ns of this.managed) {
      new DefaultDeny(this, ns === UNNAMED ? 'default-deny' : `${ns}.default-deny`, {
        name: 'default-deny',
        ...(ns !== UNNAMED ? { namespace: ns } : {}),
        direction: Direction.BOTH,
        allowDns: this.allowDns,
        ...(this.allowDns && props.dnsProvider !== undefined ? { dnsProvider: props.dnsProvider } : {}),
      });
    }
  }

  /**
   * Allows `from` to connect to `to` on `ports`, writing both halves: an egress rule for the
   * source pods and an ingress rule for the destination pods, each only where those pods live
   * in a namespace this firewall manages. Repeating a call changes nothing.
   *
   * @param from the source: pods, an address block, or `Peer.anywhere()`
   * @param to the destination: pods, an address block, or `Peer.anywhere()`
   * @param ports the destination ports
   * @default ports - every port of every protocol
   */
  public allow(from: Peer, to: Peer, ports?: Port[]): void {
    const checkedPorts = this.checkPorts(ports, 'allow() ports');
    const source = this.side(from, 'allow() from', 'egress');
    const destination = this.side(to, 'allow() to', 'ingress');
    if (source.targets.length === 0 && destination.targets.length === 0) {
      throw this.error(`allow(${from}, ${to}): neither side is pods of this firewall's namespaces (${this.managedText()}), so nothing is isolated here and nothing needs allowing. ` +
        'Check the namespaces; for pods elsewhere use AllowFrom / AllowTo, or a Firewall managing their namespace');
    }
    for (const ns of source.targets) this.policy(source, ns, 'egress').addRule(this.relative(destination, ns), checkedPorts);
    for (const ns of destination.targets) this.policy(destination, ns, 'ingress').addRule(this.relative(source, ns), checkedPorts);
  }

  /**
   * Lets the pods of one managed namespace talk to each other (on `ports`).
   *
   * @param namespace a namespace this firewall manages
   * @param ports the ports
   * @default namespace - the chart's namespace
   * @default ports - every port of every protocol
   */
  public allowWithin(namespace?: string, ports?: Port[]): void {
    const ns = namespace ?? this.home;
    if (ns === UNNAMED) {
      this.allow(Peer.pods(), Peer.pods(), ports);
      return;
    }
    if (!this.managed.includes(ns)) {
      throw this.error(`allowWithin(${quote(ns)}): ${quote(ns)} is not one of this firewall's namespaces (${this.managedText()})`);
    }
    this.allow(Peer.namespace(ns), Peer.namespace(ns), ports);
  }

  /**
   * Lets anything (pods of any namespace, and clients outside the cluster, e.g. through a load
   * balancer or an ingress controller) connect to `to` on `ports`: `allow(Peer.anywhere(), to, ports)`.
   *
   * @param to pods of a managed namespace
   * @param ports the ports
   * @default ports - every port of every protocol
   */
  public allowFromAnywhere(to: Peer, ports?: Port[]): void {
    this.allow(Peer.anywhere(), to, ports);
  }

  /**
   * Lets `from` connect to the public internet on `ports`: every IPv4 and IPv6 address except
   * private, shared (CGNAT) and link-local ranges, which also keeps the cloud metadata endpoints
   * (169.254.169.254, fd00:ec2::254, ...) and the cluster's own pod and service ranges out.
   *
   * @param from pods of a managed namespace
   * @param ports the ports
   * @default ports - every port of every protocol
   */
  public allowToInternet(from: Peer, ports?: Port[]): void {
    this.allow(from, Peer.ipv4('0.0.0.0/0', PRIVATE_IPV4), ports);
    this.allow(from, Peer.ipv6('::/0', PRIVATE_IPV6), ports);
  }

  private error(message: string): Error {
    return constructError(this.node.path, 'Firewall', message);
  }

  private managedText(): string {
    return this.managed.map((ns) => (ns === UNNAMED ? "the chart's namespace" : quote(ns))).join(', ');
  }

  private checkPorts(ports: Port[] | undefined, field: string): Port[] {
    if (ports === undefined) return [];
    if (!Array.isArray(ports)) throw this.error(`invalid ${field} ${quote(ports)}: must be a list of Port, e.g. [Port.tcp(8080)]`);
    if (ports.length === 0) throw this.error(`invalid ${field} []: an empty list would mean every port; omit it to allow every port`);
    ports.forEach((p, i) => {
      if (p instanceof Port) return;
      const hint = typeof p === 'number' ? `; did you mean Port.tcp(${p})?` : typeof p === 'string' ? `; for a named port use Port.named(${quote(p)})` : '';
      throw this.error(`invalid ${field}[${i}] ${quote(p)}: must be a Port${hint}`);
    });
    return [...ports];
  }

  /** Where a peer's pods live and where this firewall writes their half. */
  private side(peer: Peer, field: string, direction: FirewallDirection): Side {
    if (!(peer instanceof Peer)) {
      let hint = '';
      if (typeof peer === 'string') {
        hint = (peer as string).includes('/') ? `; for an address block use Peer.ipv4(${quote(peer)})` : `; for pods use Peer.app(${quote(peer)})`;
      } else if (peer !== null && typeof peer === 'object' && typeof (peer as any).node?.path === 'string') {
        const what = `${(peer as any).constructor?.name ?? 'construct'} ${quote((peer as any).node.path)}`;
        throw this.error(`invalid ${field} ${what}: must be a Peer; for the pods of a workload (a cdk8s-plus Deployment, a KubeDeployment, ...) use Peer.workload(...)`);
      }
      throw this.error(`invalid ${field} ${quote(peer, { max: 60 })}: must be a Peer${hint}`);
    }
    const clusterOnly = peer._clusterOnly();
    if (clusterOnly) throw this.error(`invalid ${field} "${peer}": ${clusterOnly}`);
    const scope = peer._scope();
    if (scope === undefined) return { peer, targets: [] };
    switch (scope.kind) {
      case 'policy':
        return { peer, scope, namespace: this.home, targets: this.managed.includes(this.home) ? [this.home] : [] };
      case 'name':
        return { peer, scope, namespace: scope.name, targets: this.managed.includes(scope.name) ? [scope.name] : [] };
      case 'all':
        return { peer, scope, targets: this.managed };
      default: {
        const half = direction === 'egress' ? 'egress' : 'ingress';
        const pods = 'Peer.pods({ labels: ... , namespace: \'name\' })';
        const oneSided = direction === 'egress' ? 'AllowFrom (the ingress half alone)' : 'AllowTo (the egress half alone)';
        throw this.error(`cannot write the ${half} half for "${peer}": its namespaces are chosen by labels (${selectorToString(scope.selector)}), ` +
          `so the firewall cannot tell which of its namespaces (${this.managedText()}) they include. Name the namespace instead, ` +
          `e.g. ${pods} or Peer.namespace('name'), with one allow() per namespace; or, if those pods are outside this firewall's namespaces ` +
          `and need no ${half} rule, write the other half with ${oneSided}`);
      }
    }
  }

  /** The peer as seen from a policy in `namespace`: pods of that same namespace need no namespace selector. */
  private relative(side: Side, namespace: string): Peer {
    if (side.scope === undefined) return side.peer;
    const home = side.namespace;
    if (home === UNNAMED && namespace !== UNNAMED) {
      throw this.error(`"${side.peer}" has no namespace and the chart has none either, so a policy in namespace ${quote(namespace)} cannot name it. ` +
        "Give the peer a namespace (e.g. Peer.app('web', 'shop')) or the chart one (new Chart(app, 'id', { namespace: 'shop' }))");
    }
    const peer = side.peer;
    return Peer._lazy(() => {
      const m = peer._model();
      if (m.kind !== 'pods' || home === undefined) return m;
      if (home === namespace) return { kind: 'pods', pods: m.pods, namespaces: { kind: 'policy' } };
      return { kind: 'pods', pods: m.pods, namespaces: { kind: 'name', name: home } };
    });
  }

  /** The policy carrying `direction` for the pods of `side` in `namespace`, created on first use. */
  private policy(side: Side, namespace: string, direction: FirewallDirection): FirewallPolicy {
    const group = this.group(side, namespace);
    const existing = group.policies[direction];
    if (existing !== undefined) return existing;
    const peer = side.peer;
    const name = `${group.base}-${direction}`;
    const created = new FirewallPolicy(this, namespace === UNNAMED ? name : `${namespace}.${name}`, {
      name,
      ...(namespace !== UNNAMED ? { namespace } : {}),
      selector: PodSelector._lazy(() => {
        const m = peer._model();
        if (m.kind !== 'pods') throw constructError(this.node.path, 'Firewall', `"${peer}" no longer means pods`);
        return m.pods;
      }),
      direction,
    });
    group.policies[direction] = created;
    return created;
  }

  private group(side: Side, namespace: string): Group {
    const workload = side.peer._workload();
    const pods = workload === undefined ? podsOf(side.peer) : undefined;
    const identity = workload !== undefined ? `workload ${workload.identity}` : `pods ${selectorToString(pods!)}`;
    const key = `${namespace}\u0000${identity}`;
    const existing = this.groups.get(key);
    if (existing !== undefined) return existing;
    const candidates = workload !== undefined ? workloadNames(workload.nameSource) : selectorNames(pods!);
    const taken = this.names.get(namespace) ?? new Map<string, string>();
    const base = candidates.find((c) => !taken.has(c) || taken.get(c) === key);
    if (base === undefined) {
      const other = taken.get(candidates[0]) ?? '';
      throw this.error(`cannot name the policies of "${side.peer}" in ${namespace === UNNAMED ? "the chart's namespace" : `namespace ${quote(namespace)}`}: ` +
        `${candidates.map((c) => quote(`${c}-ingress`)).join(' and ')} already belong to other pods (${other.split('\u0000')[1]}). ` +
        'Give the pods a distinguishing label (e.g. app), or select them by the same labels everywhere');
    }
    this.reserve(namespace, base, key);
    const group: Group = { namespace, base, policies: {} };
    this.groups.set(key, group);
    return group;
  }

  private reserve(namespace: string, base: string, key: string): void {
    const taken = this.names.get(namespace) ?? new Map<string, string>();
    taken.set(base, key);
    this.names.set(namespace, taken);
  }
}
