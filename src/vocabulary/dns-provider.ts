import { GKE_CLOUD_DNS_ADDRESS, hostCidr, NODE_LOCAL_DNS_ADDRESS, OPENSHIFT_DNS, parseIp } from '../k8s';
import { quote } from '../text';
import { checkOptions } from './_options';
import { Peer } from './peer';
import { Port } from './port';

/**
 * Options for `DnsProvider.nodeLocal()`.
 */
export interface NodeLocalDnsOptions {
  /**
   * The link-local address NodeLocal DNSCache listens on (an IP, or a /32 or /128 CIDR).
   *
   * @default '169.254.20.10'
   */
  readonly address?: string;

  /**
   * The ClusterIP of the `kube-dns` Service. In NodeLocal DNSCache's iptables mode the cache
   * also answers on that address (without NAT), so pods that resolve through the Service IP
   * need it allowed as an ipBlock too.
   *
   * @default - not allowed
   */
  readonly kubeDnsServiceIp?: string;

  /**
   * Also allow the `kube-dns` / CoreDNS pods, the fallback that answers while the node cache is
   * restarting or when it is removed.
   *
   * @default true
   */
  readonly includeKubeDns?: boolean;
}

function hostBlock(text: string, where: string): Peer {
  const ip = parseIp(text);
  const cidr = ip ? hostCidr(ip).text : text;
  const family = ip ? ip.family : text.includes(':') ? 6 : 4;
  try {
    return family === 4 ? Peer.ipv4(cidr) : Peer.ipv6(cidr);
  } catch (e) {
    throw new Error(`Invalid ${where} ${quote(text)}: ${(e as Error).message}`);
  }
}

/**
 * Where the pods' DNS queries go, for `AllowDns` and `DefaultDeny`: the peers and ports of the
 * egress rule that keeps name resolution working under an egress default-deny.
 */
export class DnsProvider {
  /**
   * The cluster DNS pods (kube-dns or CoreDNS): `k8s-app=kube-dns` in `kube-system`, UDP and
   * TCP 53. The default, and right for most clusters (EKS, AKS, kubeadm, kind, k3s, GKE with
   * kube-dns).
   */
  public static kubeDns(): DnsProvider {
    return new DnsProvider('kube-dns', [Peer.kubeDns()], [Port.DNS_UDP, Port.DNS_TCP]);
  }

  /**
   * NodeLocal DNSCache: a DNS cache on every node, listening on a link-local address
   * (169.254.20.10 by default). It runs with hostNetwork, so only an ipBlock reaches it.
   * By default the kube-dns pods stay allowed as the fallback. UDP and TCP 53.
   */
  public static nodeLocal(options: NodeLocalDnsOptions = {}): DnsProvider {
    options = checkOptions(options, { address: 'string', kubeDnsServiceIp: 'string', includeKubeDns: 'boolean' }, true, 'option',
      (m) => new Error(`DnsProvider.nodeLocal(): ${m}`));
    const peers = [hostBlock(options.address ?? NODE_LOCAL_DNS_ADDRESS, 'NodeLocal DNSCache address')];
    if (options.kubeDnsServiceIp !== undefined) peers.push(hostBlock(options.kubeDnsServiceIp, 'kube-dns Service IP'));
    if (options.includeKubeDns ?? true) peers.push(Peer.kubeDns());
    return new DnsProvider('NodeLocal DNSCache', peers, [Port.DNS_UDP, Port.DNS_TCP]);
  }

  /**
   * OpenShift DNS: the `dns-default` pods (`dns.operator.openshift.io/daemonset-dns=default`) in
   * namespace `openshift-dns`. They listen on 5353 (the Service maps 53 to it, and policies see
   * the pod's port); 53 is allowed too. UDP and TCP.
   */
  public static openShift(): DnsProvider {
    return new DnsProvider(
      'OpenShift DNS',
      [Peer.pods({ labels: { ...OPENSHIFT_DNS.labels }, namespace: OPENSHIFT_DNS.namespace })],
      [Port.DNS_UDP, Port.DNS_TCP, Port.udp(OPENSHIFT_DNS.port), Port.tcp(OPENSHIFT_DNS.port)],
    );
  }

  /**
   * GKE with Cloud DNS: pods resolve through the metadata server, 169.254.169.254, on UDP and
   * TCP 53 (only port 53: the metadata API on port 80 stays blocked by `BlockMetadata`).
   */
  public static gkeCloudDns(): DnsProvider {
    return new DnsProvider('GKE Cloud DNS', [Peer.ipv4(`${GKE_CLOUD_DNS_ADDRESS}/32`)], [Port.DNS_UDP, Port.DNS_TCP]);
  }

  /**
   * Any other resolver.
   *
   * @param peers where the resolver is
   * @param ports the ports it answers on
   * @default ports - UDP and TCP 53
   */
  public static custom(peers: Peer[], ports?: Port[]): DnsProvider {
    if (!Array.isArray(peers) || peers.length === 0) {
      throw new Error(`Invalid DnsProvider.custom() peers ${quote(peers)}: give at least one Peer`);
    }
    peers.forEach((p, i) => {
      if (!(p instanceof Peer)) throw new Error(`Invalid DnsProvider.custom() peers[${i}] ${quote(p)}: must be a Peer, e.g. Peer.ipv4('10.0.0.10/32')`);
      // the provider also serves NetworkPolicies (AllowDns, DefaultDeny), which cannot write these
      if (p._clusterOnly()) {
        throw new Error(`Invalid DnsProvider.custom() peers[${i}] "${p}": name the resolver by its pods or addresses ` +
          "(Peer.pods(), Peer.ipv4('10.0.0.10/32'), ...): a DNS provider is also written into NetworkPolicies, which cannot name domains or nodes");
      }
    });
    if (ports !== undefined && (!Array.isArray(ports) || ports.length === 0)) {
      throw new Error('Invalid DnsProvider.custom() ports []: give at least one Port, or omit it for UDP and TCP 53');
    }
    return new DnsProvider(`custom DNS (${peers.map(String).join('; ')})`, peers, ports ?? [Port.DNS_UDP, Port.DNS_TCP]);
  }

  private constructor(private readonly description: string, private readonly peers: Peer[], private readonly ports: Port[]) {}

  /**
   * The peers of the DNS egress rule.
   *
   * @internal
   */
  public get _peers(): Peer[] {
    return [...this.peers];
  }

  /**
   * The ports of the DNS egress rule.
   *
   * @internal
   */
  public get _ports(): Port[] {
    return [...this.ports];
  }

  /** The provider's name, e.g. `kube-dns`, `NodeLocal DNSCache`. */
  public toString(): string {
    return this.description;
  }
}
