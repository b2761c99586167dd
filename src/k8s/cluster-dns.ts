/**
 * Where cluster DNS lives (SEMANTICS.md section 6): the DNS servers a pod isolated for egress
 * must still reach. The vocabulary (`Peer.kubeDns()`, `DnsProvider`) writes rules toward them and
 * the linter (NP003) asks the engine about them; both read these facts.
 */

/** DNS servers that run as pods, found by namespace and labels. */
export interface DnsPods {
  /** the namespace of the DNS pods */
  readonly namespace: string;
  /** labels the DNS pods carry */
  readonly labels: Readonly<Record<string, string>>;
  /** the name of the workload, for a stand-in endpoint (`kube-system/coredns`) */
  readonly workload: string;
  /** the port the pods listen on (the Service may map 53 to it) */
  readonly port: number;
}

/** The DNS port clients use: UDP and TCP 53. */
export const DNS_PORT = 53;

/** kube-dns and CoreDNS (EKS, AKS, kubeadm, kind, k3s, GKE with kube-dns): `k8s-app=kube-dns` in `kube-system`. */
export const KUBE_DNS: DnsPods = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, workload: 'coredns', port: DNS_PORT };

/** OpenShift's `dns-default` pods in `openshift-dns`, listening on 5353. */
export const OPENSHIFT_DNS: DnsPods = {
  namespace: 'openshift-dns',
  labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
  workload: 'dns-default',
  port: 5353,
};

/** The link-local address NodeLocal DNSCache listens on by default. */
export const NODE_LOCAL_DNS_ADDRESS = '169.254.20.10';

/** GKE Cloud DNS answers at the metadata server's address, on port 53 only. */
export const GKE_CLOUD_DNS_ADDRESS = '169.254.169.254';
