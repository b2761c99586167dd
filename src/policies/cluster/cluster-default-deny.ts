import { Construct } from 'constructs';
import { checkSentenceProps, errorBefore } from './_cluster-props';
import { denyIntent } from '../_deny-intent';
import { ClusterNetworkPolicy } from './cluster-network-policy';
import { dnsLabelError, NAMESPACE_NAME_LABEL } from '../../k8s';
import { compare, quote } from '../../text';
import { ClusterRule } from '../../vocabulary/cluster-rule';
import { Direction } from '../../vocabulary/direction';
import { DnsProvider } from '../../vocabulary/dns-provider';
import { LabelOperator } from '../../vocabulary/label-expression';
import { Peer } from '../../vocabulary/peer';
import { Subject } from '../../vocabulary/subject';
import { Tier } from '../../vocabulary/tier';

/**
 * Props for `ClusterDefaultDeny`.
 */
export interface ClusterDefaultDenyProps {
  /**
   * The policy's name.
   *
   * @default - the construct id in kebab-case
   */
  readonly name?: string;

  /**
   * The priority in the Baseline tier (0-1000, lower first).
   *
   * @default 1000 - after every other Baseline policy
   */
  readonly priority?: number;

  /**
   * Which direction(s) to deny.
   *
   * @default Direction.BOTH
   */
  readonly direction?: Direction;

  /**
   * The namespaces left alone (the system ones, whose pods must keep working).
   *
   * @default ['kube-node-lease', 'kube-public', 'kube-system']
   */
  readonly exemptNamespaces?: string[];

  /**
   * Keep DNS working: accept egress to the cluster DNS (UDP and TCP 53) before the deny. Only
   * meaningful when egress is denied.
   *
   * @default - true when egress is denied
   */
  readonly allowDns?: boolean;

  /**
   * Where DNS queries go, when `allowDns` is on.
   *
   * @default DnsProvider.kubeDns()
   */
  readonly dnsProvider?: DnsProvider;
}

/** The namespaces a cluster-wide default-deny leaves alone by default. */
const SYSTEM_NAMESPACES = ['kube-node-lease', 'kube-public', 'kube-system'];

/**
 * Default-deny for the whole cluster, written once: every namespace but the system ones (and
 * those in `exemptNamespaces`) denies ingress and egress, DNS kept, unless its own
 * NetworkPolicies allow. One `ClusterNetworkPolicy` in the Baseline tier, which is consulted
 * only for traffic no NetworkPolicy decides: a team's `AllowFrom` (NetworkPolicy is evaluated
 * first) keeps working, and a new namespace is closed from its first pod on. Both halves of a
 * connection need their NetworkPolicy then: the receiver's ingress (`AllowFrom`) and the sender's
 * egress (`AllowTo`, with `AllowDns`), or a `Firewall`, which writes both.
 *
 * - Egress: Accept DNS (the `dnsProvider`), then Deny every address (`networks` `0.0.0.0/0` and
 *   `::/0`, which cover every pod too).
 * - Ingress: Deny from every pod of the cluster. A ClusterNetworkPolicy ingress rule matches pods
 *   only: connections from outside the cluster (load balancers, node ports) are not denied here;
 *   close them with a NetworkPolicy (`DefaultDeny` with `Direction.INGRESS`) where it matters.
 * - A namespace whose NetworkPolicies isolate a pod decides that pod's traffic by itself (in that
 *   direction), DNS included: its egress policies must allow DNS (`AllowDns`).
 * - The DNS pods' namespace (`kube-system`) must stay exempt, or their ingress is denied too.
 *
 * The per-namespace `DefaultDeny` is the NetworkPolicy-only form, for clusters without the
 * network-policy-api CRDs.
 *
 * @example
 * new ClusterDefaultDeny(chart, 'cluster-default-deny');
 * new ClusterDefaultDeny(chart, 'default-deny-egress', { direction: Direction.EGRESS, exemptNamespaces: ['kube-system', 'monitoring'] });
 */
export class ClusterDefaultDeny extends ClusterNetworkPolicy {
  /** The direction(s) denied. */
  public readonly direction: Direction;

  /** Whether DNS stays allowed. */
  public readonly allowDns: boolean;

  /** The namespaces left alone, sorted. */
  public readonly exemptNamespaces: string[];

  public constructor(scope: Construct, id: string, props: ClusterDefaultDenyProps = {}) {
    const fail = errorBefore(scope, id, new.target.name);
    const p = checkSentenceProps(props, {
      name: 'string', priority: 'other', direction: 'other', exemptNamespaces: 'other', allowDns: 'boolean', dnsProvider: 'other',
    }, fail);
    const exempt = p.exemptNamespaces ?? SYSTEM_NAMESPACES;
    if (!Array.isArray(exempt)) throw fail(`invalid exemptNamespaces ${quote(exempt)}: must be a list of namespace names, e.g. ['kube-system']`);
    exempt.forEach((ns, i) => {
      const err = dnsLabelError(ns);
      if (err) throw fail(`invalid exemptNamespaces[${i}] ${quote(ns)}: ${err}`);
    });
    const sorted = [...new Set(exempt)].sort(compare);
    const subject = sorted.length === 0
      ? Subject.allNamespaces()
      : Subject.namespaces({}, [{ key: NAMESPACE_NAME_LABEL, operator: LabelOperator.NOT_IN, values: sorted }]);
    super(scope, id, { ...(p.name !== undefined ? { name: p.name } : {}), tier: Tier.BASELINE, priority: p.priority ?? 1000, subject });
    this.exemptNamespaces = sorted;

    const { direction, deniesEgress, allowDns, dnsProvider: dns } = denyIntent(p, (m) => this._error(m));
    this.direction = direction;
    this.allowDns = allowDns;

    if (direction !== Direction.EGRESS) {
      if (this.allowDns) {
        for (const peer of dns._peers) {
          const s = peer._scope();
          if (s?.kind === 'name' && !sorted.includes(s.name)) {
            throw this._error(`the DNS pods ("${peer}") are in namespace ${quote(s.name)}, which is not exempt: their ingress would be denied and DNS ` +
              `would break. Keep ${quote(s.name)} in exemptNamespaces, or deny egress only (direction: Direction.EGRESS)`);
          }
        }
      }
      this.addIngress(ClusterRule.deny({ name: 'default-deny', peers: [Peer.allPods()] }));
    }
    if (deniesEgress) {
      if (this.allowDns) this.addEgress(ClusterRule.accept({ name: 'dns', peers: dns._peers, ports: dns._ports }));
      this.addEgress(ClusterRule.deny({ name: 'default-deny', peers: [Peer.anywhere()] }));
    }
  }
}
