/**
 * A thin adapter from manifests to the naive evaluator's input (test/support/naive-evaluator.ts,
 * used unchanged): Namespaces -> `namespaces`, workloads -> `pods` (pod template labels and
 * container ports), NetworkPolicies as written.
 */
import { WORKLOAD_KINDS } from '../src/engine';
import { NaiveCluster, NaiveNamespace, NaivePod } from '../test/support/naive-evaluator';

export function naiveClusterOf(manifests: readonly any[]): NaiveCluster {
  const namespaces: NaiveNamespace[] = [];
  const pods: NaivePod[] = [];
  const policies: any[] = [];
  for (const m of manifests) {
    if (m.kind === 'Namespace') {
      namespaces.push({ name: m.metadata.name, labels: m.metadata.labels ?? {} });
    } else if (m.kind === 'NetworkPolicy') {
      policies.push(m);
    } else if (WORKLOAD_KINDS[m.kind]) {
      const template = WORKLOAD_KINDS[m.kind](m) ?? {};
      const containers: any[] = template.spec?.containers ?? [];
      pods.push({
        namespace: m.metadata.namespace ?? 'default',
        name: m.metadata.name,
        labels: template.metadata?.labels ?? {},
        ports: containers.flatMap((c) => (c.ports ?? []).map((p: any) => ({ name: p.name, port: p.containerPort, protocol: p.protocol ?? 'TCP' }))),
      });
    }
  }
  return { namespaces, pods, policies };
}
