import { Construct } from 'constructs';
import { checkSentenceProps, errorBefore } from './_cluster-props';
import { ClusterNetworkPolicy } from './cluster-network-policy';
import { quote } from '../../text';
import { ClusterRule } from '../../vocabulary/cluster-rule';
import { DnsProvider } from '../../vocabulary/dns-provider';
import { Peer } from '../../vocabulary/peer';
import { Port } from '../../vocabulary/port';
import { Subject } from '../../vocabulary/subject';
import { Tier } from '../../vocabulary/tier';

/**
 * Props for `AllowEgressToDomains`.
 */
export interface AllowEgressToDomainsProps {
  /**
   * The policy's name.
   *
   * @default - the construct id in kebab-case
   */
  readonly name?: string;

  /**
   * The priority in the Admin tier (0-1000, lower first).
   *
   * @default 30
   */
  readonly priority?: number;

  /**
   * The pods that may reach the domains.
   */
  readonly subject: Subject;

  /**
   * The domain names: `api.stripe.com`, or `*.stripe.com` for every subdomain (not
   * `stripe.com` itself).
   */
  readonly domains: string[];

  /**
   * The destination ports.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];

  /**
   * Accept DNS too (UDP and TCP 53 to `dnsProvider`, before the domains): a pod reaches a domain
   * only if it can resolve it, and the namespace's own policies may not allow DNS.
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
 * The subject's pods may connect to these domain names, whatever their namespaces'
 * NetworkPolicies say: an Admin tier `ClusterNetworkPolicy` with an egress Accept of the
 * `domainNames` (an experimental feature of network-policy-api: the network plugin learns the
 * names' addresses from the pods' DNS answers), preceded by an Accept of DNS.
 *
 * It allows only: what else the pods may reach is decided by the later tiers (their
 * NetworkPolicies, the Baseline tier). To allow the domains and nothing else outside, put an
 * egress deny after it (e.g. `ClusterDefaultDeny`, or a NetworkPolicy `DefaultDeny`).
 * NetworkPolicy cannot name a domain at all.
 *
 * @example
 * new AllowEgressToDomains(chart, 'shop-to-stripe', {
 *   subject: Subject.pods({ labels: { app: 'checkout' }, namespace: 'shop' }),
 *   domains: ['api.stripe.com', '*.stripe.network'],
 *   ports: [Port.HTTPS],
 * });
 */
export class AllowEgressToDomains extends ClusterNetworkPolicy {
  /** The domain names, as given (duplicates removed). */
  public readonly domains: string[];

  /** Whether DNS is accepted too. */
  public readonly allowDns: boolean;

  public constructor(scope: Construct, id: string, props: AllowEgressToDomainsProps) {
    const fail = errorBefore(scope, id, new.target.name);
    const p = checkSentenceProps(props, {
      name: 'string', priority: 'other', subject: 'other', domains: 'other', ports: 'other', allowDns: 'boolean', dnsProvider: 'other',
    }, fail);
    if (!Array.isArray(p.domains) || p.domains.length === 0) {
      throw fail(`invalid domains ${quote(p.domains)}: must be a non-empty list of domain names, e.g. ['api.stripe.com', '*.stripe.com']`);
    }
    const peers = p.domains.map((d, i) => {
      try {
        return Peer.domain(d);
      } catch (e) {
        throw fail(`invalid domains[${i}]: ${(e as Error).message}`);
      }
    });
    if (p.dnsProvider !== undefined && !(p.dnsProvider instanceof DnsProvider)) {
      throw fail(`invalid dnsProvider ${quote(p.dnsProvider)}: must be a DnsProvider, e.g. DnsProvider.nodeLocal()`);
    }
    if (p.dnsProvider !== undefined && p.allowDns === false) throw fail('dnsProvider is given but allowDns is false: remove one of them');
    super(scope, id, {
      ...(p.name !== undefined ? { name: p.name } : {}),
      tier: Tier.ADMIN,
      priority: p.priority ?? 30,
      subject: p.subject,
    });
    this.domains = [...new Set(p.domains)];
    this.allowDns = p.allowDns ?? true;
    const dns = p.dnsProvider ?? DnsProvider.kubeDns();
    if (this.allowDns) this.addEgress(ClusterRule.accept({ name: 'dns', peers: dns._peers, ports: dns._ports }));
    try {
      this.addEgress(ClusterRule.accept({ name: 'domains', peers, ...(p.ports !== undefined ? { ports: p.ports } : {}) }));
    } catch (e) {
      throw this._error((e as Error).message);
    }
  }
}
