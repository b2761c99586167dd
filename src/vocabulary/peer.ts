import { IConstruct } from 'constructs';
import { KUBE_DNS, anyCidr, Cidr, CidrError, dnsLabelError, exceptError, IpFamily, NetworkPolicyPeerJson, parseCidr } from '../k8s';
import { domainNameProblem } from './_cluster-json';
import { checkOptions, PropKinds } from './_options';
import { clusterOnlyProblem, NamespaceScope, PeerModel, peerToString, renderPeer } from './_peer-model';
import { checkAppName, EMPTY_SELECTOR, isEmptySelector, makeSelector, SelectorModel } from './_selector-model';
import { quote } from '../text';
import { resolveWorkload, selectWorkload, WorkloadRef, workloadScope } from './_workload';
import { LabelExpression } from './label-expression';

/**
 * Options for `Peer.pods()`: a pod selector, and where to look for the pods.
 *
 * At most one of `namespace`, `namespaceLabels` / `namespaceExpressions` and `allNamespaces`
 * may be given; with none, the pods are looked up in the policy's own namespace.
 */
export interface PodsPeerOptions {
  /**
   * Labels the pods must carry (all of them: AND).
   *
   * @default - no label constraint
   */
  readonly labels?: { [key: string]: string };

  /**
   * Label expressions the pods must satisfy (all of them, and `labels` too: AND).
   *
   * @default - no expression
   */
  readonly expressions?: LabelExpression[];

  /**
   * Look for the pods in this one namespace (by its `kubernetes.io/metadata.name` label).
   *
   * @default - the policy's own namespace
   */
  readonly namespace?: string;

  /**
   * Look for the pods in every namespace carrying these labels. Rendered in the SAME peer as the
   * pod selector: pods matching the pod selector AND inside a matching namespace.
   *
   * @default - the policy's own namespace
   */
  readonly namespaceLabels?: { [key: string]: string };

  /**
   * Look for the pods in every namespace satisfying these expressions (AND with `namespaceLabels`).
   *
   * @default - the policy's own namespace
   */
  readonly namespaceExpressions?: LabelExpression[];

  /**
   * Look for the pods in every namespace of the cluster.
   *
   * @default false
   */
  readonly allNamespaces?: boolean;
}

const PODS_OPTIONS: PropKinds = {
  labels: 'other', expressions: 'other', namespace: 'string', namespaceLabels: 'other', namespaceExpressions: 'other', allNamespaces: 'boolean',
};

function checkNamespace(name: string, where: string): string {
  const err = dnsLabelError(name);
  if (err) {
    const lower = typeof name === 'string' ? name.toLowerCase() : undefined;
    const hint = lower && lower !== name && !dnsLabelError(lower) ? `. Did you mean "${lower}"?` : '';
    throw new Error(`Invalid namespace ${quote(name)} in ${where}: ${err}${hint}`);
  }
  return name;
}

function ipBlock(family: IpFamily, cidrText: string, except: string[] | undefined): PeerModel {
  const factory = family === 4 ? 'Peer.ipv4' : 'Peer.ipv6';
  const label = family === 4 ? 'IPv4' : 'IPv6';
  const parse = (text: string, what: string): Cidr => {
    let cidr: Cidr;
    try {
      cidr = parseCidr(text);
    } catch (e) {
      if (e instanceof CidrError) throw new Error(`Invalid ${label} ${what} ${quote(text)} in ${factory}(): ${e.message}`);
      throw e;
    }
    if (cidr.family !== family) {
      const other = family === 4 ? 'Peer.ipv6' : 'Peer.ipv4';
      throw new Error(`Invalid ${label} ${what} ${quote(text)} in ${factory}(): it is an IPv${cidr.family} CIDR. Did you mean ${other}(${quote(text)})?`);
    }
    return cidr;
  };
  const cidr = parse(cidrText, 'CIDR');
  if (except !== undefined && !Array.isArray(except)) {
    throw new Error(`Invalid except ${quote(except)} in ${factory}(${quote(cidrText)}): must be a list of CIDRs`);
  }
  const excepts: Cidr[] = [];
  for (const text of except ?? []) {
    const e = parse(text, 'except entry');
    const err = exceptError(cidr, e);
    if (err) throw new Error(`Invalid except entry ${quote(text)} in ${factory}(${quote(cidrText)}): ${err}`);
    if (!excepts.some((x) => x.text === e.text)) excepts.push(e);
  }
  return { kind: 'ipBlock', cidr, except: excepts };
}

/**
 * Who is on the other side of a rule: pods (in the policy's namespace, another namespace,
 * namespaces matching labels, or every namespace), IP blocks, or anywhere.
 *
 * Selector peers are rendered relative to the policy's namespace: `Peer.app('web')` is a
 * `podSelector` alone (the policy's namespace); `Peer.app('web', 'shop')` is ONE peer with a
 * `namespaceSelector` AND a `podSelector` (pods `app=web` inside namespace `shop`).
 *
 * Every value is checked when the peer is created.
 */
export class Peer {
  /**
   * The pods labelled `app=<name>`.
   *
   * @param name the value of the `app` label
   * @param namespace the namespace of the pods
   * @default namespace - the policy's own namespace
   */
  public static app(name: string, namespace?: string): Peer {
    const where = `Peer.app(${quote(name)}${namespace === undefined ? '' : `, ${quote(namespace)}`})`;
    checkAppName(name, where);
    const scope: NamespaceScope = namespace === undefined
      ? { kind: 'policy' }
      : { kind: 'name', name: checkNamespace(namespace, where) };
    return Peer.of({ kind: 'pods', pods: { labels: { app: name }, expressions: [] }, namespaces: scope });
  }

  /**
   * The pods matching a selector, optionally in another namespace, in namespaces matching
   * labels, or in every namespace. With no labels nor expressions: every pod of those namespaces.
   */
  public static pods(options: PodsPeerOptions = {}): Peer {
    const where = 'Peer.pods()';
    options = checkOptions(options, PODS_OPTIONS, true, 'option', (m) => new Error(`${where}: ${m}`));
    const pods = makeSelector(options.labels, options.expressions, where);
    const byName = options.namespace !== undefined;
    const byLabels = options.namespaceLabels !== undefined || options.namespaceExpressions !== undefined;
    const all = options.allNamespaces === true;
    if ([byName, byLabels, all].filter((x) => x).length > 1) {
      const given = [
        byName ? 'namespace' : undefined,
        options.namespaceLabels !== undefined ? 'namespaceLabels' : undefined,
        options.namespaceExpressions !== undefined ? 'namespaceExpressions' : undefined,
        all ? 'allNamespaces' : undefined,
      ].filter((x) => x).join(', ');
      throw new Error(`Invalid ${where}: ${given} are mutually exclusive; give one namespace, namespace labels/expressions, or allNamespaces`);
    }
    let scope: NamespaceScope = { kind: 'policy' };
    if (byName) scope = { kind: 'name', name: checkNamespace(options.namespace!, `${where} namespace`) };
    if (byLabels) {
      const ns = makeSelector(options.namespaceLabels, options.namespaceExpressions, `${where} namespace`);
      scope = isEmptySelector(ns) ? { kind: 'all' } : { kind: 'selector', selector: ns };
    }
    if (all) scope = { kind: 'all' };
    return Peer.of({ kind: 'pods', pods, namespaces: scope });
  }

  /**
   * Every pod in one namespace (selected by its `kubernetes.io/metadata.name` label).
   */
  public static namespace(name: string): Peer {
    checkNamespace(name, `Peer.namespace(${quote(name)})`);
    return Peer.of({ kind: 'pods', pods: EMPTY_SELECTOR, namespaces: { kind: 'name', name } });
  }

  /**
   * Every pod in every namespace carrying these labels (all of them: AND).
   */
  public static namespaces(labels: { [key: string]: string }): Peer {
    const selector: SelectorModel = makeSelector(labels, undefined, 'Peer.namespaces()');
    const scope: NamespaceScope = isEmptySelector(selector) ? { kind: 'all' } : { kind: 'selector', selector };
    return Peer.of({ kind: 'pods', pods: EMPTY_SELECTOR, namespaces: scope });
  }

  /**
   * Every pod of the cluster, in every namespace (`namespaceSelector: {}`). Nothing outside
   * the cluster.
   */
  public static allPods(): Peer {
    return Peer.of({ kind: 'pods', pods: EMPTY_SELECTOR, namespaces: { kind: 'all' } });
  }

  /**
   * An IPv4 block, e.g. `Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16'])`. The CIDR must be canonical
   * (`10.0.0.0/8`, not `10.0.0.5/8`); write `/32` for one address.
   *
   * Whether an ipBlock also matches pod IPs depends on the network plugin: to mean pods, use a
   * selector peer.
   *
   * @param cidr the block
   * @param except blocks inside `cidr` to leave out
   * @default except - none
   */
  public static ipv4(cidr: string, except?: string[]): Peer {
    return Peer.of(ipBlock(4, cidr, except));
  }

  /**
   * An IPv6 block, e.g. `Peer.ipv6('2001:db8::/32')`; write `/128` for one address.
   *
   * @param cidr the block
   * @param except blocks inside `cidr` to leave out
   * @default except - none
   */
  public static ipv6(cidr: string, except?: string[]): Peer {
    return Peer.of(ipBlock(6, cidr, except));
  }

  /** Every IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): Peer {
    return Peer.of({ kind: 'ipBlock', cidr: anyCidr(4), except: [] });
  }

  /** Every IPv6 address (`::/0`). */
  public static anyIpv6(): Peer {
    return Peer.of({ kind: 'ipBlock', cidr: anyCidr(6), except: [] });
  }

  /**
   * No restriction at all: every pod and every address, inside and outside the cluster.
   * A rule with this peer is rendered without `from` / `to`.
   */
  public static anywhere(): Peer {
    return Peer.of({ kind: 'anywhere' });
  }

  /**
   * The cluster DNS pods: `k8s-app=kube-dns` in namespace `kube-system` (kube-dns and CoreDNS
   * both carry that label).
   */
  public static kubeDns(): Peer {
    return Peer.of({
      kind: 'pods',
      pods: { labels: { ...KUBE_DNS.labels }, expressions: [] },
      namespaces: { kind: 'name', name: KUBE_DNS.namespace },
    });
  }

  /**
   * The nodes carrying these labels (all of them: AND), by their addresses (the IPs of the
   * `Node` objects' `status.addresses`), so also the hostNetwork pods running on them. Every node
   * with no labels. ClusterNetworkPolicy egress rules only (the `nodes` peer, an experimental
   * feature of network-policy-api); a NetworkPolicy cannot select nodes.
   *
   * @example
   * new ClusterNetworkPolicy(chart, 'no-kubelet', {
   *   tier: Tier.ADMIN, priority: 10, subject: Subject.allNamespaces(),
   *   egress: [ClusterRule.deny({ peers: [Peer.nodes({ 'node-role.kubernetes.io/control-plane': '' })], ports: [Port.tcp(10250)] })],
   * });
   *
   * @param labels the node labels
   */
  public static nodes(labels: { [key: string]: string }): Peer {
    const selector = makeSelector(labels, undefined, 'Peer.nodes()');
    return Peer.of({ kind: 'nodes', nodes: selector });
  }

  /**
   * A domain name, `api.stripe.com`, or a wildcard for its subdomains, `*.stripe.com` (one or
   * more labels before `stripe.com`, not `stripe.com` itself). ClusterNetworkPolicy egress
   * `Accept` rules only (the `domainNames` peer, an experimental feature of network-policy-api):
   * a NetworkPolicy cannot name a domain, and no plugin can deny by name. The pods still need
   * DNS to resolve the name (`AllowEgressToDomains` allows it).
   *
   * @example
   * new AllowEgressToDomains(chart, 'payments', { subject: Subject.namespace('shop'), domains: ['api.stripe.com'] });
   *
   * @param name a domain name (letters, digits, `-` and `_` in labels separated by `.`), optionally starting with `*.`
   */
  public static domain(name: string): Peer {
    const problem = domainNameProblem(name);
    if (problem) throw new Error(`Invalid domain name ${quote(name)} in Peer.domain(): ${problem}`);
    return Peer.of({ kind: 'domain', name });
  }

  /**
   * The pods of a workload, in its namespace: of any cdk8s-plus major, a plain cdk8s
   * `ApiObject`, or a construct holding one.
   *
   * Accepted: a workload construct of cdk8s-plus (cdk8s-plus-28 to cdk8s-plus-33 are tested:
   * `Deployment`, `StatefulSet`, `DaemonSet`, `Job`, `CronJob`, `Pod`) or a `Pods.select(...)`;
   * a cdk8s `ApiObject` of a workload kind (`Deployment`, `StatefulSet`, `DaemonSet`,
   * `ReplicaSet`, `ReplicationController`, `Job`, `CronJob`, `Pod`: an imported
   * `KubeDeployment`, a `new ApiObject(...)`); or any construct holding one, as its
   * `node.defaultChild` or as its only workload `ApiObject`.
   *
   * The pods are selected by the labels the workload renders on them (the pod template's
   * `metadata.labels`), without cdk8s-plus's hashed `cdk8s.io/metadata.addr` label, which is used
   * only when the pods carry no other label; in the workload's namespace (its own, or its
   * chart's; with none, the policy's namespace). The labels are read at synth time, so labels
   * added later count. Nothing is written on the workload's side: using it as a peer never
   * isolates it.
   *
   * Typed `IConstruct` so that a workload of any cdk8s-plus major, or of none, type-checks and
   * passes jsii's type checks from every language; anything else fails here, naming what was
   * passed and what is accepted.
   *
   * @example
   * const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }], podMetadata: { labels: { app: 'web' } } });
   * new AllowFrom(chart, 'api-from-web', { selector: PodSelector.app('api'), from: [Peer.workload(web)], ports: [Port.tcp(9000)] });
   *
   * @param workload the workload, pod selection, or construct holding a workload
   */
  public static workload(workload: IConstruct): Peer {
    const where = 'Peer.workload()';
    const ref = resolveWorkload(workload, where); // fail now on bad input, not at synth
    return new Peer(() => {
      const s = selectWorkload(ref, where);
      return { kind: 'pods', pods: s.pods, namespaces: s.namespaces };
    }, ref);
  }

  /**
   * A peer whose meaning is computed when it is rendered.
   *
   * @internal
   */
  public static _lazy(produce: () => PeerModel): Peer {
    return new Peer(produce);
  }

  private static of(model: PeerModel): Peer {
    return new Peer(() => model);
  }

  /**
   * @param produce what the peer means; called when it is rendered (at synth time), so that a
   * peer may resolve its labels lazily (e.g. from a workload)
   * @param workload the workload the peer stands for, if any
   */
  private constructor(private readonly produce: () => PeerModel, private readonly workload?: WorkloadRef) {}

  /**
   * The workload this peer stands for (`Peer.workload()`), if any.
   *
   * @internal
   */
  public _workload(): WorkloadRef | undefined {
    return this.workload;
  }

  /**
   * Why this peer cannot be written in a NetworkPolicy (`Peer.domain`, `Peer.nodes`), saying
   * what to write; undefined when it can.
   *
   * @internal
   */
  public _clusterOnly(): string | undefined {
    return this.workload !== undefined ? undefined : clusterOnlyProblem(this.produce());
  }

  /**
   * Where the pods of this peer live, without reading a workload's labels (which may still
   * change until synth); undefined when the peer is not pods.
   *
   * @internal
   */
  public _scope(): NamespaceScope | undefined {
    if (this.workload !== undefined) return workloadScope(this.workload, 'Peer.workload()');
    const model = this.produce();
    return model.kind === 'pods' ? model.namespaces : undefined;
  }

  /**
   * What this peer means, as data (kind, pod selector, namespace scope, CIDRs).
   *
   * @internal
   */
  public _model(): PeerModel {
    return this.produce();
  }

  /**
   * The peer in Kubernetes shape; undefined for `Peer.anywhere()`.
   *
   * @internal
   */
  public _render(): NetworkPolicyPeerJson | undefined {
    return renderPeer(this.produce());
  }

  /**
   * A readable form, also the peer's identity for de-duplication: `app=frontend`,
   * `app=frontend in namespace shop`, `all pods in all namespaces`,
   * `0.0.0.0/0 except 169.254.169.254/32`, `anywhere`.
   */
  public toString(): string {
    return peerToString(this.produce());
  }
}
