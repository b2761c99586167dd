// Reproduces every policy of seed 003 ("How to Set Up a Kubernetes Network Policy and Secure
// Your Cluster", freeCodeCamp). The article shows four alternative policies, all named
// `pod-network-policy`; two policies cannot share a name in one namespace, so each scenario
// gets its own namespace here.
import { App, Chart } from 'cdk8s';
import { AllowFrom, AllowTo, DefaultDeny, Direction } from '../src';

/**
 * Builds the four scenarios into `app`, one chart (and namespace) each.
 */
export function applicationDemo(app: App): Chart[] {
  // "Allow all traffic to a specific pod": ingress [{}] and egress [{}] for app=application-demo.
  // One construct per direction: two policies, same effect.
  const allowAll = new Chart(app, 'allow-all', { namespace: 'allow-all' });
  new AllowFrom(allowAll, 'pod-network-policy-ingress', { app: 'application-demo' });
  new AllowTo(allowAll, 'pod-network-policy-egress', { app: 'application-demo' });

  // "Deny all traffic to a pod": both directions isolated, nothing admitted (not even DNS,
  // as in the article; drop `allowDns: false` to keep name resolution).
  const denyPod = new Chart(app, 'deny-pod', { namespace: 'deny-pod' });
  new DefaultDeny(denyPod, 'pod-network-policy', { app: 'application-demo', allowDns: false });

  // "Deny all ingress traffic to the pods": every pod of the namespace, ingress only.
  const denyIngress = new Chart(app, 'deny-ingress', { namespace: 'deny-ingress' });
  new DefaultDeny(denyIngress, 'pod-network-policy', { direction: Direction.INGRESS });

  // "Deny all egress traffic": every pod of the namespace, egress only; DNS denied too, as in
  // the article.
  const denyEgress = new Chart(app, 'deny-egress', { namespace: 'deny-egress' });
  new DefaultDeny(denyEgress, 'pod-network-policy', { direction: Direction.EGRESS, allowDns: false });

  return [allowAll, denyPod, denyIngress, denyEgress];
}
