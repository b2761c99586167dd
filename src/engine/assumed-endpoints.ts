/**
 * Stand-ins for the cluster's well-known endpoints that manifests never hold (SEMANTICS.md
 * section 6): a cdk8s app or a Helm chart has no DNS pods, yet every egress default-deny keeps
 * DNS toward them. With a stand-in, `check --to kube-system/coredns`, connlist and the test
 * assertions can show what the policies keep.
 *
 * A stand-in is an ordinary endpoint of the inventory (the DNS provider's namespace, labels and
 * ports), marked `assumed`: its name ends in ` (assumed)` (`kube-system/coredns (assumed)`), so
 * every output that names it says so. It is added only when the input defines no DNS pod of
 * that provider (a pod of the namespace with its labels, or a workload of its name): a real DNS
 * pod always wins.
 *
 * The metadata endpoints (`METADATA_ENDPOINTS`) need no stand-in: they are addresses outside the
 * cluster, which the engine answers for by their IP (`check --to 169.254.169.254`).
 */
import { Inventory, PodEndpoint } from './inventory';
import { DnsPods, KUBE_DNS, OPENSHIFT_DNS } from '../k8s';

/** The DNS servers a stand-in can be assumed for (`none`: no stand-in). */
export const ASSUMED_DNS_CHOICES = ['kube-dns', 'openshift', 'none'] as const;
export type AssumedDns = typeof ASSUMED_DNS_CHOICES[number];

/** The DNS pods of each choice, and the other names a query may give them (the Service's). */
export const ASSUMED_DNS: Readonly<Record<Exclude<AssumedDns, 'none'>, { pods: DnsPods; description: string; aliases: readonly string[] }>> = {
  'kube-dns': { pods: KUBE_DNS, description: 'the cluster DNS (kube-dns / CoreDNS)', aliases: ['kube-dns', 'kube-system/kube-dns'] },
  'openshift': { pods: OPENSHIFT_DNS, description: 'the cluster DNS (OpenShift DNS)', aliases: ['openshift-dns/dns-default'] },
};

/** true when the pod is one of these DNS pods: their namespace, and every one of their labels. */
export function isDnsPod(pod: PodEndpoint, dns: DnsPods): boolean {
  return pod.namespace === dns.namespace && Object.entries(dns.labels).every(([k, v]) => pod.labels[k] === v);
}

/**
 * Adds the stand-in for the chosen DNS pods unless the input defines them (or a workload of the
 * stand-in's name). Returns the stand-in added, or undefined.
 */
export function assumeDnsPods(inventory: Inventory, choice: AssumedDns): PodEndpoint | undefined {
  if (choice === 'none') return undefined;
  const { pods: dns, description } = ASSUMED_DNS[choice];
  if (inventory.pods.some((p) => isDnsPod(p, dns) || (p.namespace === dns.namespace && p.name === dns.workload))) return undefined;
  return inventory.addPod({
    namespace: dns.namespace,
    name: dns.workload,
    labels: { ...dns.labels },
    ports: [{ name: 'dns', port: dns.port, protocol: 'UDP' }, { name: 'dns-tcp', port: dns.port, protocol: 'TCP' }],
    workloadKind: 'Deployment',
    assumed: `${description}, which the input does not define: ${dns.namespace} pods labelled ` +
      `${Object.entries(dns.labels).map(([k, v]) => `${k}=${v}`).join(',')}, on UDP and TCP ${dns.port}`,
  });
}

/**
 * The DNS pod a name of the DNS Service stands for (`kube-dns`, `kube-system/kube-dns`): the one
 * pod of the input (or the stand-in) that is a DNS pod of that provider. Undefined when the
 * name is not such an alias or no pod is; several pods: all of them, for an error.
 */
export function dnsAlias(text: string, pods: readonly PodEndpoint[]): PodEndpoint[] | undefined {
  for (const entry of Object.values(ASSUMED_DNS)) {
    if (!entry.aliases.includes(text)) continue;
    const found = pods.filter((p) => !p.hostNetwork && isDnsPod(p, entry.pods));
    return found.length > 0 ? found : undefined;
  }
  return undefined;
}
