import { Construct } from 'constructs';
import { declareProps, POLICY_PROPS } from './_props';
import { anyCidr, Cidr, CidrError, exceptError, hostCidr, IpFamily, METADATA_ENDPOINTS, parseCidr, parseIp } from '../k8s';
import { RuleModel } from './_rule-rendering';
import { quote } from '../text';
import { NetworkPolicyBase, PolicyProps } from './policy-base';
import { Peer } from '../vocabulary/peer';

/**
 * Props for `BlockMetadata`.
 */
export interface BlockMetadataProps extends PolicyProps {
  /**
   * The addresses to keep out of reach: IPs (`169.254.169.254`, `fd00:ec2::254`) or CIDRs
   * (`169.254.169.254/32`). Replaces the default list; start from
   * `BlockMetadata.defaultAddresses()` to add or remove some.
   *
   * @default - every address of `BlockMetadata.defaultAddresses()`: 169.254.169.254,
   * 169.254.170.2, 169.254.170.23, 169.254.42.42, 100.100.100.200, fd00:ec2::254, fd00:ec2::23,
   * fd20:ce::254, fd00:a9fe:a9fe::1, fd00:42::42
   */
  readonly addresses?: string[];
}

/**
 * The selected pods may reach everything (every pod, every address, every port) EXCEPT the cloud
 * metadata endpoints, which hand out the node's or the pod's cloud credentials.
 *
 * Rendered as one egress rule: every pod of the cluster through a selector peer
 * (`namespaceSelector: {}`, so in-cluster traffic and DNS keep working on every network
 * plugin), plus `0.0.0.0/0` and `::/0` with the metadata addresses in `except`. Only those
 * addresses are excepted, not all of link-local: NodeLocal DNSCache (169.254.20.10) stays reachable.
 *
 * NetworkPolicy cannot deny: this is an allow of everything else. Any other policy that selects
 * the same pods for egress and allows those addresses (an `AllowTo` to `Peer.anyIpv4()`, a rule
 * without `to`, ...) re-opens them. Under an egress `DefaultDeny` the metadata endpoints are
 * already closed and this construct would re-open everything else: use it where egress is open.
 *
 * Where the cluster runs network-policy-api's ClusterNetworkPolicy, `ClusterBlockMetadata` is the
 * real thing: a Deny in the Admin tier that no NetworkPolicy can re-open, for every namespace at once.
 *
 * @example
 * new BlockMetadata(chart, 'block-metadata');
 */
export class BlockMetadata extends NetworkPolicyBase {
  /**
   * The cloud metadata and credential endpoints blocked by default.
   */
  public static defaultAddresses(): string[] {
    return METADATA_ENDPOINTS.map((m) => m.address);
  }

  /** The blocked addresses, as canonical host CIDRs (`169.254.169.254/32`). */
  public readonly blockedCidrs: string[];

  private readonly excepts: Record<IpFamily, Cidr[]>;

  public constructor(scope: Construct, id: string, props: BlockMetadataProps = {}) {
    props = props ?? {}; // null from a loosely typed caller means no props
    super(scope, id, props);
    const addresses = props.addresses ?? BlockMetadata.defaultAddresses();
    if (!Array.isArray(addresses)) {
      throw this._error(`invalid addresses ${quote(addresses)}: must be a list of IP addresses or CIDRs`);
    }
    if (addresses.length === 0) {
      throw this._error('invalid addresses []: nothing to block; omit `addresses` for the default list, or use AllowTo to allow everything');
    }
    this.excepts = { 4: [], 6: [] };
    addresses.forEach((text, i) => {
      const cidr = this.parseAddress(text, i);
      const err = exceptError(anyCidr(cidr.family), cidr);
      if (err) throw this._error(`invalid addresses[${i}] ${quote(text)}: ${err}`);
      const list = this.excepts[cidr.family];
      if (!list.some((c) => c.text === cidr.text)) list.push(cidr);
    });
    this.blockedCidrs = [...this.excepts[4], ...this.excepts[6]].map((c) => c.text);
  }

  /** @internal */
  public _egressRules(): RuleModel[] {
    const v4 = this.excepts[4].map((c) => c.text);
    const v6 = this.excepts[6].map((c) => c.text);
    return [{
      peers: [Peer.allPods(), Peer.ipv4('0.0.0.0/0', v4), Peer.ipv6('::/0', v6)],
      ports: [],
    }];
  }

  private parseAddress(text: string, i: number): Cidr {
    if (typeof text !== 'string') throw this._error(`invalid addresses[${i}] ${quote(text)}: must be an IP address or a CIDR`);
    if (!text.includes('/')) {
      const ip = parseIp(text);
      if (!ip) throw this._error(`invalid addresses[${i}] ${quote(text)}: must be an IP address (e.g. "169.254.169.254") or a CIDR`);
      return hostCidr(ip);
    }
    try {
      return parseCidr(text);
    } catch (e) {
      if (e instanceof CidrError) throw this._error(`invalid addresses[${i}] ${quote(text)}: ${e.message}`);
      throw e;
    }
  }
}

declareProps(BlockMetadata, { ...POLICY_PROPS, addresses: 'other' });
