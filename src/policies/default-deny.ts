import { Construct } from 'constructs';
import { denyIntent } from './_deny-intent';
import { declareProps, POLICY_PROPS } from './_props';
import { RuleModel } from './_rule-rendering';
import { NetworkPolicyBase, PolicyProps } from './policy-base';
import { Direction } from '../vocabulary/direction';
import { DnsProvider } from '../vocabulary/dns-provider';

/**
 * Props for `DefaultDeny`.
 */
export interface DefaultDenyProps extends PolicyProps {
  /**
   * Which direction(s) to deny.
   *
   * @default Direction.BOTH
   */
  readonly direction?: Direction;

  /**
   * Keep DNS working: allow egress to the cluster DNS (UDP and TCP 53, nothing else). Only
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

/**
 * Denies all traffic in the chosen direction(s) for the selected pods (by default every pod of
 * the namespace), keeping DNS to the cluster DNS pods unless `allowDns: false`.
 *
 * NetworkPolicies never deny: this works by isolating the pods while admitting nothing. Other
 * policies selecting the same pods (e.g. `AllowFrom`) then open exactly what they allow.
 *
 * One per namespace. Where the cluster runs network-policy-api's ClusterNetworkPolicy,
 * `ClusterDefaultDeny` writes it once for every namespace (the Baseline tier, which the
 * namespaces' own NetworkPolicies override).
 *
 * @example
 * new DefaultDeny(chart, 'default-deny'); // both directions, DNS kept
 * new DefaultDeny(chart, 'default-deny-ingress', { direction: Direction.INGRESS });
 */
export class DefaultDeny extends NetworkPolicyBase {
  /** The direction(s) denied. */
  public readonly direction: Direction;

  /** Whether DNS stays allowed. */
  public readonly allowDns: boolean;

  private readonly dnsProvider: DnsProvider;

  public constructor(scope: Construct, id: string, props: DefaultDenyProps = {}) {
    props = props ?? {}; // null from a loosely typed caller means no props
    super(scope, id, props);
    const intent = denyIntent(props, (m) => this._error(m));
    this.direction = intent.direction;
    this.allowDns = intent.allowDns;
    this.dnsProvider = intent.dnsProvider;
  }

  /** @internal */
  public _ingressRules(): RuleModel[] | undefined {
    return this.direction === Direction.EGRESS ? undefined : [];
  }

  /** @internal */
  public _egressRules(): RuleModel[] | undefined {
    if (this.direction === Direction.INGRESS) return undefined;
    return this.allowDns ? [{ peers: this.dnsProvider._peers, ports: this.dnsProvider._ports }] : [];
  }
}

declareProps(DefaultDeny, { ...POLICY_PROPS, allowDns: 'boolean', direction: 'other', dnsProvider: 'other' });
