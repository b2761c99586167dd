/**
 * Well-known endpoints the rules ask the engine about: cluster DNS (SEMANTICS.md section 6) and
 * cloud metadata addresses (section 5). Kept in one place so the constructs (DnsProvider,
 * BlockMetadata) and the rules can share them.
 */
import { PodEndpoint } from '../engine';
import { IpAddress, METADATA_ENDPOINTS, NAMESPACE_NAME_LABEL, parseIp } from '../k8s';

export function metadataIps(): { ip: IpAddress; address: string; provider: string }[] {
  return METADATA_ENDPOINTS.map((m) => ({ ...m, ip: parseIp(m.address)! }));
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
