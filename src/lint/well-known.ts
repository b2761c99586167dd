/**
 * Well-known endpoints the rules ask the engine about: cluster DNS (SEMANTICS.md section 6) and
 * cloud metadata addresses (section 5). Kept in one place so the constructs (DnsProvider,
 * BlockMetadata) and the rules can share them.
 */
import { PodEndpoint } from '../engine';
import { IpAddress, parseIp } from '../internal/cidr';
import { NAMESPACE_NAME_LABEL } from '../internal/names';

/** Cloud metadata addresses (SEMANTICS.md section 5), with who answers there. */
export const METADATA_ADDRESSES: readonly { readonly address: string; readonly provider: string }[] = [
  { address: '169.254.169.254', provider: 'AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack, ... instance metadata' },
  { address: 'fd00:ec2::254', provider: 'AWS IMDS (IPv6)' },
  { address: 'fd20:ce::254', provider: 'GCP metadata (IPv6)' },
  { address: 'fd00:a9fe:a9fe::1', provider: 'Linode/Akamai metadata (IPv6)' },
  { address: '100.100.100.200', provider: 'Alibaba Cloud metadata' },
  { address: '169.254.42.42', provider: 'Scaleway metadata' },
  { address: 'fd00:42::42', provider: 'Scaleway metadata (IPv6)' },
  { address: '169.254.170.2', provider: 'ECS task credentials' },
  { address: '169.254.170.23', provider: 'EKS Pod Identity' },
  { address: 'fd00:ec2::23', provider: 'EKS Pod Identity (IPv6)' },
];

export function metadataIps(): { ip: IpAddress; address: string; provider: string }[] {
  return METADATA_ADDRESSES.map((m) => ({ ...m, ip: parseIp(m.address)! }));
}

/** Stand-ins for the cluster DNS servers, as pods the engine can match peers against. */
export interface DnsTarget {
  readonly pod: PodEndpoint;
  readonly namespaceLabels: Record<string, string>;
  readonly port: number;
}

function dnsPod(namespace: string, name: string, labels: Record<string, string>, port: number): DnsTarget {
  return {
    pod: {
      kind: 'pod',
      id: `${namespace}/${name}`,
      namespace,
      name,
      workloadKind: 'Deployment',
      labels,
      ports: [{ name: 'dns', port, protocol: 'UDP' }, { name: 'dns-tcp', port, protocol: 'TCP' }],
      hostNetwork: false,
    },
    namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace },
    port,
  };
}

/** kube-dns / CoreDNS in kube-system, and OpenShift's DNS (port 5353). */
export const DNS_TARGETS: readonly DnsTarget[] = [
  dnsPod('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, 53),
  dnsPod('openshift-dns', 'dns-default', { 'dns.operator.openshift.io/daemonset-dns': 'default' }, 5353),
];
