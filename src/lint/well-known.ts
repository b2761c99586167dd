/**
 * The well-known endpoints of a cluster (SEMANTICS.md sections 5 and 6: cluster DNS, cloud
 * metadata addresses) in the form the rules ask the engine about: DNS servers as stand-in pods,
 * metadata addresses parsed. The facts themselves are in src/k8s, shared with the constructs.
 */
import { PodEndpoint } from '../engine';
import { DnsPods, IpAddress, KUBE_DNS, METADATA_ENDPOINTS, NAMESPACE_NAME_LABEL, OPENSHIFT_DNS, parseIp } from '../k8s';

export function metadataIps(): { ip: IpAddress; address: string; provider: string }[] {
  return METADATA_ENDPOINTS.map((m) => ({ ...m, ip: parseIp(m.address)! }));
}

/** Stand-ins for the cluster DNS servers, as pods the engine can match peers against. */
export interface DnsTarget {
  readonly pod: PodEndpoint;
  readonly namespaceLabels: Record<string, string>;
  readonly port: number;
}

function dnsPod({ namespace, workload: name, labels: known, port }: DnsPods): DnsTarget {
  const labels = { ...known };
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
  dnsPod(KUBE_DNS),
  dnsPod(OPENSHIFT_DNS),
];
