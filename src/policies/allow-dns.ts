import { Construct } from 'constructs';
import { declareProps, POLICY_PROPS } from './_props';
import { RuleModel } from './_rule-rendering';
import { NetworkPolicyBase, PolicyProps } from './policy-base';
import { DnsProvider } from '../vocabulary/dns-provider';

/**
 * Props for `AllowDns`.
 */
export interface AllowDnsProps extends PolicyProps {
  /**
   * Where DNS queries go: the cluster DNS pods, NodeLocal DNSCache, OpenShift DNS, GKE Cloud DNS,
   * or a custom resolver.
   *
   * @default DnsProvider.kubeDns()
   */
  readonly provider?: DnsProvider;
}

/**
 * Allows the selected pods to resolve names: egress to the cluster DNS on UDP and TCP 53 (TCP
 * carries large answers), nothing else. Needed wherever egress is restricted.
 *
 * @example
 * new AllowDns(chart, 'allow-dns');
 * new AllowDns(chart, 'allow-dns', { provider: DnsProvider.nodeLocal() });
 */
export class AllowDns extends NetworkPolicyBase {
  /** The DNS provider the policy allows. */
  public readonly provider: DnsProvider;

  public constructor(scope: Construct, id: string, props: AllowDnsProps = {}) {
    props = props ?? {}; // null from a loosely typed caller means no props
    super(scope, id, props);
    if (props.provider !== undefined && !(props.provider instanceof DnsProvider)) {
      throw this._error(`invalid provider ${JSON.stringify(props.provider)}: must be a DnsProvider, e.g. DnsProvider.nodeLocal()`);
    }
    this.provider = props.provider ?? DnsProvider.kubeDns();
  }

  /** @internal */
  public _egressRules(): RuleModel[] {
    return [{ peers: this.provider._peers, ports: this.provider._ports }];
  }
}

declareProps(AllowDns, { ...POLICY_PROPS, provider: 'other' });
