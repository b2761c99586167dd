/** What NP001 and NP002 share: a workload that nothing isolates for a direction, the cluster tiers included. */
import type { DirectionName } from '../../engine';
import { LintContext } from '../context';
import { Violation } from '../rule';

export function notIsolated(ctx: LintContext, direction: DirectionName): Violation[] {
  const ingress = direction === 'Ingress';
  const out: Violation[] = [];
  for (const pod of ctx.pods) {
    if (pod.hostNetwork || ctx.isIsolated(pod, direction)) continue;
    const fix = ingress
      ? `Add a default-deny ingress policy in namespace ${pod.namespace} and allow only the clients ${pod.name} needs.`
      : `Add a default-deny egress policy in namespace ${pod.namespace}, then allow DNS and the destinations ${pod.name} needs.`;
    const cluster = ctx.selectingClusterPolicies(pod, direction);
    if (cluster.length === 0) {
      out.push({
        object: ctx.objectOfPod(pod),
        message: ingress
          ? `${pod.workloadKind} ${pod.id} is not selected by any policy for ingress: every pod and address can connect to it on every port.`
          : `${pod.workloadKind} ${pod.id} is not selected by any policy for egress: it can connect to every pod and address.`,
        fix,
      });
      continue;
    }
    const open = ctx.defaultAllowed(pod, direction);
    if (open.length === 0) continue; // the cluster tiers decide everything: in effect isolated
    const [first] = open;
    const example = ingress ? `${first.other.id} => ${pod.id}` : `${pod.id} => ${first.other.id}`;
    out.push({
      object: ctx.objectOfPod(pod),
      message: `${pod.workloadKind} ${pod.id} is not selected by any NetworkPolicy for ${direction.toLowerCase()}, and the cluster policies ` +
        `selecting it (${cluster.map((p) => p.id).join(', ')}) leave ${ingress ? 'connections to it' : 'its connections'} to the default allow: ` +
        `e.g. ${example} on ${first.conns}.`,
      fix,
    });
  }
  return out;
}
