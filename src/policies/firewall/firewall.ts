import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { selectorNames, workloadNames } from './_firewall-names';
import { FirewallDirection, FirewallPolicy } from './_firewall-policy';
import { dnsLabelError } from '../../k8s';
import { compare, quote } from '../../text';
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
import { NetworkPolicyBase } from '../policy-base';

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

/**
 * What a policy written by a `Firewall` does.
 */
export enum FirewallPolicyRole {
  /** The namespace's default deny of ingress and egress (DNS kept): `default-deny`. */
  DEFAULT_DENY = 'default-deny',
  /** The ingress half of the connections `allow()` opened toward some pods: `<pods>-ingress`. */
  INGRESS = 'ingress',
  /** The egress half of the connections `allow()` opened from some pods: `<pods>-egress`. */
  EGRESS = 'egress',
}

/**
 * A NetworkPolicy a `Firewall` wrote, with what it is for (see `Firewall.policies`).
 */
export interface FirewallPolicyEntry {
  /**
   * The policy's namespace.
   *
   * @default - none: the chart has no namespace (the policy goes where the manifests are applied)
   */
  readonly namespace?: string;
  /** What the policy does. */
  readonly role: FirewallPolicyRole;
  /** The policy's name (`metadata.name`): `default-deny`, `web-ingress`, `web-egress`. */
  readonly name: string;
  /** The pods it selects, as text: `all pods` for the default deny, `app=web`, or a workload's pods. */
  readonly pods: string;
  /**
   * The policy construct: its `metadata` takes annotations and labels (e.g. a lint suppression,
   * `cdk8s-netpol.io/suppress`), its `node` takes dependencies, as on any ApiObject.
   */
  readonly policy: NetworkPolicyBase;
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
  /** the pods, as text (`app=web`, or a workload's pods) */
  readonly pods: string;
  readonly policies: Partial<Record<FirewallDirection, FirewallPolicy>>;
}

/**
 * The NetworkPolicy ApiObjects of an app by `namespace\u0000name`, found once per synchronous
 * job (cdk8s validates the whole app once per chart it synthesizes: one scan serves every
 * Firewall of every validation of one synthesis). A policy added and synthesized again within
 * the same synchronous job is not seen here; the duplicate-name check of the policies
 * (`policy-base.ts`) still reports the clash, only without the Firewall's hint.
 */
let policiesThisJob: WeakMap<IConstruct, Map<string, ApiObject[]>> | undefined;

function networkPoliciesByName(root: IConstruct): Map<string, ApiObject[]> {
  if (policiesThisJob === undefined) {
    policiesThisJob = new WeakMap();
    queueMicrotask(() => { policiesThisJob = undefined; });
  }
  let found = policiesThisJob.get(root);
  if (found === undefined) {
    found = new Map();
    for (const c of root.node.findAll()) {
      if (!(c instanceof ApiObject) || c.kind !== 'NetworkPolicy' || !c.apiVersion.startsWith('networking.k8s.io/')) continue;
      const key = `${c.metadata.namespace ?? ''}\u0000${c.name}`;
      found.set(key, [...found.get(key) ?? [], c]);
    }
    policiesThisJob.set(root, found);
  }
  return found;
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
  /** the default deny of each managed namespace, in the order given */
  private readonly defaultDenies: { readonly namespace: string; readonly policy: DefaultDeny }[] = [];
  /** the chart has no namespace and no `namespaces` were given */
  private readonly unnamedOnly: boolean;

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

    this.unnamedOnly = props.namespaces === undefined && chartNamespace === undefined;

    for (const ns of this.managed) {
      const deny = new DefaultDeny(this, ns === UNNAMED ? 'default-deny' : `${ns}.default-deny`, {
        name: 'default-deny',
        ...(ns !== UNNAMED ? { namespace: ns } : {}),
        direction: Direction.BOTH,
        allowDns: this.allowDns,
        ...(this.allowDns && props.dnsProvider !== undefined ? { dnsProvider: props.dnsProvider } : {}),
      });
      this.defaultDenies.push({ namespace: ns, policy: deny });
    }
    this.node.addValidation({ validate: () => this.duplicateNames() });
  }

  /**
   * The NetworkPolicies this firewall has written so far (the policies of later `allow()` calls
   * are added as they are written): per namespace, in the order of `namespaces`, the default
   * deny first, then the policies of each pod group by name. Annotate or label them through
   * `policy.metadata`, e.g. to suppress a lint finding with a reason:
   *
   * ```ts
   * const fw = new Firewall(shop, 'fw');
   * for (const p of fw.policies) {
   *   if (p.role === FirewallPolicyRole.INGRESS && p.name === 'web-ingress') {
   *     p.policy.metadata.addAnnotation('cdk8s-netpol.io/suppress', 'NP001=public web server');
   *   }
   * }
   * ```
   */
  public get policies(): FirewallPolicyEntry[] {
    const out: FirewallPolicyEntry[] = [];
    for (const ns of this.managed) out.push(...this.policiesIn(ns === UNNAMED ? undefined : ns));
    return out;
  }

  /**
   * The policies this firewall has written in one of its namespaces (see `policies`).
   *
   * @param namespace a namespace this firewall manages
   * @default namespace - the chart's namespace
   */
  public policiesIn(namespace?: string): FirewallPolicyEntry[] {
    const ns = namespace ?? this.home;
    if (!this.managed.includes(ns)) {
      throw this.error(`policiesIn(${quote(namespace)}): ${quote(ns)} is not one of this firewall's namespaces (${this.managedText()})`);
    }
    const where = ns === UNNAMED ? {} : { namespace: ns };
    const out: FirewallPolicyEntry[] = this.defaultDenies.filter((d) => d.namespace === ns)
      .map((d) => ({ ...where, role: FirewallPolicyRole.DEFAULT_DENY, name: d.policy.name, pods: 'all pods', policy: d.policy }));
    const written: FirewallPolicyEntry[] = [];
    for (const group of this.groups.values()) {
      if (group.namespace !== ns) continue;
      for (const direction of ['ingress', 'egress'] as FirewallDirection[]) {
        const policy = group.policies[direction];
        if (policy === undefined) continue;
        const role = direction === 'ingress' ? FirewallPolicyRole.INGRESS : FirewallPolicyRole.EGRESS;
        written.push({ ...where, role, name: policy.name, pods: group.pods, policy });
      }
    }
    written.sort((a, b) => compare(a.name, b.name));
    return [...out, ...written];
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
      const named = [source, destination].find((x) => x.namespace !== undefined && x.namespace !== UNNAMED);
      if (this.unnamedOnly && named !== undefined) {
        throw this.error(`allow(${from}, ${to}): "${named.peer}" in namespace ${quote(named.namespace)} is not one of this firewall's pods: ${this.unnamedHint(named.namespace!)}`);
      }
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
      throw this.error(`allowWithin(${quote(ns)}): ${quote(ns)} is not one of this firewall's namespaces (${this.managedText()})` +
        (this.unnamedOnly ? `: ${this.unnamedHint(ns)}` : ''));
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

  /**
   * A policy of another construct with the name of one of this firewall's, in its namespace:
   * what can be done about it (the API server keeps one of them; the duplicate-name check of
   * the policies reports the clash too, without knowing that a Firewall cannot rename its own).
   */
  private duplicateNames(): string[] {
    const byName = networkPoliciesByName(this.node.root);
    const errors: string[] = [];
    for (const mine of this.policies) {
      for (const c of byName.get(`${mine.namespace ?? ''}\u0000${mine.name}`) ?? []) {
        if (mine.policy === c) continue;
        const where = mine.namespace === undefined ? "the chart's namespace" : `namespace ${quote(mine.namespace)}`;
        const otherFirewall = c.node.scopes.find((s) => s instanceof Firewall && s !== this);
        const fix = otherFirewall !== undefined
          ? `two Firewalls manage ${where} ("${this.node.path}" and "${otherFirewall.node.path}"): let one Firewall manage it (one Firewall may manage several namespaces: \`namespaces: [...]\`) and write its allow() calls there`
          : mine.role === FirewallPolicyRole.DEFAULT_DENY
            ? `the firewall already writes the default deny of ${where} (ingress and egress, DNS kept): remove the other policy, or give it another \`name\``
            : `the firewall names the policies of ${mine.pods} after the pods; give the other policy another \`name\`, or the pods a distinguishing label (e.g. app)`;
        errors.push(`Firewall "${this.node.path}": its NetworkPolicy ${quote(mine.name)} in ${where} has the name of "${c.node.path}": ${fix}`);
      }
    }
    return errors;
  }

  /** Why a named namespace is not managed by a firewall of a chart without a namespace, and what to write. */
  private unnamedHint(namespace: string): string {
    return 'this firewall manages only the namespace its manifests are applied to (its chart has no namespace and no `namespaces` were given). ' +
      `Give the chart that namespace (new Chart(app, 'id', { namespace: ${quote(namespace)} })) or the firewall its namespaces ` +
      `(new Firewall(chart, 'fw', { namespaces: [${quote(namespace)}] })); or, for pods of the namespace the manifests are applied to, a peer without a namespace (Peer.app('web'))`;
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
    // a workload's pods are named by the workload (its labels are read only at synth: they may still change)
    const group: Group = { namespace, base, pods: workload !== undefined ? `the pods of ${workload.description}` : selectorToString(pods!) || 'all pods', policies: {} };
    this.groups.set(key, group);
    return group;
  }

  private reserve(namespace: string, base: string, key: string): void {
    const taken = this.names.get(namespace) ?? new Map<string, string>();
    taken.set(base, key);
    this.names.set(namespace, taken);
  }
}
