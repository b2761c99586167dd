import { Construct } from 'constructs';
import { checkSentenceProps, errorBefore } from './_cluster-props';
import { ClusterNetworkPolicy } from './cluster-network-policy';
import { CidrError, GKE_CLOUD_DNS_ADDRESS, hostCidr, METADATA_ENDPOINTS, parseCidr, parseIp } from '../../k8s';
import { quote } from '../../text';
import { ClusterRule } from '../../vocabulary/cluster-rule';
import { Peer } from '../../vocabulary/peer';
import { Port } from '../../vocabulary/port';
import { Subject } from '../../vocabulary/subject';
import { Tier } from '../../vocabulary/tier';

/**
 * Props for `ClusterBlockMetadata`.
 */
export interface ClusterBlockMetadataProps {
  /**
   * The policy's name.
   *
   * @default - the construct id in kebab-case
   */
  readonly name?: string;

  /**
   * The priority in the Admin tier (0-1000, lower first). With `exempt`, the exemption is a
   * second policy at `priority - 1`, so the priority must be at least 1.
   *
   * @default 10
   */
  readonly priority?: number;

  /**
   * The pods the block applies to.
   *
   * @default Subject.allNamespaces()
   */
  readonly subject?: Subject;

  /**
   * The addresses to deny: IPs (`169.254.169.254`, `fd00:ec2::254`) or CIDRs. Replaces the
   * default list; start from `BlockMetadata.defaultAddresses()` to add or remove some.
   *
   * @default - every address of `BlockMetadata.defaultAddresses()`, IPv4 and IPv6
   */
  readonly addresses?: string[];

  /**
   * Pods that need the metadata endpoints (a node agent, a credentials helper): for them the
   * endpoints are passed to their namespace's NetworkPolicies instead of denied, by a second
   * policy (`<name>-exempt`, one priority number earlier).
   *
   * @default - no pod is exempt
   */
  readonly exempt?: Subject;

  /**
   * GKE with Cloud DNS: pods resolve names at the metadata server, 169.254.169.254, on port 53.
   * When true, UDP and TCP 53 to that address are passed to the namespaces' NetworkPolicies
   * (a Pass rule before the Deny); the metadata API (port 80 and every other port) stays denied.
   *
   * @default false
   */
  readonly allowGkeCloudDns?: boolean;
}

/**
 * Denies the cloud metadata and credential endpoints (every address `BlockMetadata` knows, IPv4
 * and IPv6) in the Admin tier: a real Deny, evaluated before every NetworkPolicy, so no
 * namespace can re-open them (an `AllowTo(Peer.anywhere())` does not). One `ClusterNetworkPolicy`
 * with one egress rule; `exempt` and `allowGkeCloudDns` hand their traffic to the namespaces'
 * own NetworkPolicies (Pass) instead, never accept it past them.
 *
 * This is the cluster form of `BlockMetadata`, which can only allow everything else and is
 * re-opened by any broader allow.
 *
 * @example
 * new ClusterBlockMetadata(chart, 'block-metadata', {
 *   exempt: Subject.pods({ labels: { app: 'node-agent' }, namespace: 'monitoring' }),
 * });
 */
export class ClusterBlockMetadata extends ClusterNetworkPolicy {
  /** The denied addresses, as canonical host CIDRs (`169.254.169.254/32`), IPv4 first. */
  public readonly blockedCidrs: string[];

  /**
   * The policy passing the exempt pods' metadata traffic to their NetworkPolicies.
   *
   * @default - none: no `exempt` was given
   */
  public readonly exemptPolicy?: ClusterNetworkPolicy;

  public constructor(scope: Construct, id: string, props: ClusterBlockMetadataProps = {}) {
    const fail = errorBefore(scope, id, new.target.name);
    const p = checkSentenceProps(props, {
      name: 'string', priority: 'other', subject: 'other', addresses: 'other', exempt: 'other', allowGkeCloudDns: 'boolean',
    }, fail);
    const cidrs = blockedCidrs(p.addresses, fail);
    if (p.exempt !== undefined && !(p.exempt instanceof Subject)) {
      throw fail(`invalid exempt ${quote(p.exempt)}: must be a Subject, e.g. Subject.pods({ labels: { app: 'node-agent' }, namespace: 'monitoring' })`);
    }
    const priority = p.priority ?? 10;
    if (p.exempt !== undefined && priority === 0) {
      throw fail('priority 0 leaves no room for the exemption, which must come one priority number earlier: give a priority from 1 to 1000');
    }
    super(scope, id, {
      ...(p.name !== undefined ? { name: p.name } : {}),
      tier: Tier.ADMIN,
      priority,
      subject: p.subject ?? Subject.allNamespaces(),
    });
    this.blockedCidrs = cidrs;
    const peers = cidrs.map((c) => (c.includes(':') ? Peer.ipv6(c) : Peer.ipv4(c)));
    if (p.allowGkeCloudDns === true) {
      const gke = `${GKE_CLOUD_DNS_ADDRESS}/32`;
      if (!cidrs.includes(gke)) throw this._error(`allowGkeCloudDns is true but ${GKE_CLOUD_DNS_ADDRESS} is not among the addresses: nothing to pass; remove one of them`);
      this.addEgress(ClusterRule.pass({ name: 'gke-cloud-dns', peers: [Peer.ipv4(gke)], ports: [Port.DNS_UDP, Port.DNS_TCP] }));
    }
    this.addEgress(ClusterRule.deny({ name: 'metadata', peers }));
    if (p.exempt !== undefined) {
      this.exemptPolicy = new ClusterNetworkPolicy(this, 'exempt', {
        name: `${this.name}-exempt`,
        tier: Tier.ADMIN,
        priority: priority - 1,
        subject: p.exempt,
        egress: [ClusterRule.pass({ name: 'metadata-exempt', peers })],
      });
    }
  }
}

function blockedCidrs(given: string[] | undefined, fail: (m: string) => Error): string[] {
  const addresses = given ?? METADATA_ENDPOINTS.map((m) => m.address);
  if (!Array.isArray(addresses)) throw fail(`invalid addresses ${quote(addresses)}: must be a list of IP addresses or CIDRs`);
  if (addresses.length === 0) throw fail('invalid addresses []: nothing to block; omit `addresses` for the default list');
  const v4: string[] = [];
  const v6: string[] = [];
  addresses.forEach((text, i) => {
    if (typeof text !== 'string') throw fail(`invalid addresses[${i}] ${quote(text)}: must be an IP address or a CIDR`);
    let cidr;
    if (!text.includes('/')) {
      const ip = parseIp(text);
      if (!ip) throw fail(`invalid addresses[${i}] ${quote(text)}: must be an IP address (e.g. "169.254.169.254") or a CIDR`);
      cidr = hostCidr(ip);
    } else {
      try {
        cidr = parseCidr(text);
      } catch (e) {
        if (e instanceof CidrError) throw fail(`invalid addresses[${i}] ${quote(text)}: ${e.message}`);
        throw e;
      }
    }
    if (cidr.prefix === 0) {
      throw fail(`invalid addresses[${i}] ${quote(text)}: it is every ${cidr.family === 4 ? 'IPv4' : 'IPv6'} address, pods included; ` +
        'to deny all egress use ClusterDefaultDeny or a ClusterNetworkPolicy with ClusterRule.deny({ peers: [Peer.anywhere()] })');
    }
    const list = cidr.family === 4 ? v4 : v6;
    if (!list.includes(cidr.text)) list.push(cidr.text);
  });
  return [...v4, ...v6];
}
