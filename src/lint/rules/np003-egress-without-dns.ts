import { KUBE_DNS } from '../../k8s';
import { Severity } from '../finding';
import { LintRule } from '../rule';
import { DNS_TARGETS } from '../well-known';

/** NP003: egress default-deny that forgot DNS breaks every name lookup. */
export const NP003: LintRule = {
  id: 'NP003',
  name: 'egress-without-dns',
  severity: Severity.WARNING,
  cause: 'Workload isolated for egress that cannot reach cluster DNS on UDP 53.',
  explanation: 'Once a pod is isolated for egress, DNS is denied like everything else unless a rule allows it: every name ' +
    'lookup then times out. Cluster DNS is kube-dns/CoreDNS, pods labelled k8s-app=kube-dns in namespace kube-system ' +
    '(OpenShift: namespace openshift-dns, port 5353). An ipBlock rule on UDP 53 counts too (NodeLocal DNSCache, GKE Cloud DNS).',
  fix: 'Allow egress on UDP and TCP 53 to pods k8s-app=kube-dns in namespace kube-system (DnsProvider does this).',
  check: (ctx) => {
    const isKubeDns = (labels: Readonly<Record<string, string>>) => Object.entries(KUBE_DNS.labels).every(([k, v]) => labels[k] === v);
    const dnsPods = ctx.pods.filter((p) => isKubeDns(p.labels));
    return ctx.pods
      .filter((pod) => !pod.hostNetwork && !isKubeDns(pod.labels))
      .filter((pod) => {
        const policies = ctx.isolatingPolicies(pod, 'Egress');
        if (policies.length === 0) return false;
        const reachesDns = policies.some((policy) => policy.egress.some((rule) => {
          // a rule toward a real DNS pod of the inventory, or toward where cluster DNS lives
          const targets = [
            ...DNS_TARGETS,
            ...dnsPods.map((p) => ({ pod: p, port: 53 })),
          ];
          for (const t of targets) {
            const peerOk = !rule.peers || rule.peers.some((peer) => peer.kind === 'selector' && ctx.peerMatchesPod(peer, t.pod));
            if (peerOk && ctx.rulePorts(rule, t.pod.ports).contains('UDP', t.port)) return true;
          }
          // NodeLocal DNSCache and GKE Cloud DNS are reached by address
          return !!rule.peers && rule.peers.some((peer) => peer.kind === 'ipBlock') && rule.staticPorts.contains('UDP', 53);
        }));
        return !reachesDns;
      })
      .map((pod) => ({
        object: ctx.objectOfPod(pod),
        message: `${pod.workloadKind} ${pod.id} is isolated for egress (by ${ctx.isolatingPolicies(pod, 'Egress').map((p) => p.id).join(', ')}) ` +
          'but no rule lets it reach cluster DNS on UDP 53: name lookups will time out.',
      }));
  },
};
