// Seed 001 ("Kubernetes Network Policies", three-tier scenario) written with the Firewall:
// - pods `role: frontend` in namespace `frontend` may reach the backend pods on port 80;
// - pods `role: backend` in namespace `backend` may reach the database pods on port 3306;
// - no other pod in the cluster can talk to these pods, and they can't reach anywhere outside.
//
// One sentence per connection: the Firewall writes the egress half on the source AND the ingress
// half on the destination, and denies everything else in its namespaces (DNS kept). Compare with
// `three-tier.ts`, which says the same with DefaultDeny / AllowFrom / AllowTo.
import { App, Chart } from 'cdk8s';
import { Firewall, Peer, Port } from '../src';

/** The pods of one tier: `role=<tier>` in namespace `<tier>`. */
const tier = (name: string) => Peer.pods({ labels: { role: name }, namespace: name });

/** Builds the scenario into one chart of `app`. */
export function threeTierFirewall(app: App): Chart {
  const chart = new Chart(app, 'three-tier');
  const fw = new Firewall(chart, 'fw', { namespaces: ['frontend', 'backend', 'database'] });
  fw.allow(tier('frontend'), tier('backend'), [Port.tcp(80)]);
  fw.allow(tier('backend'), tier('database'), [Port.tcp(3306)]);
  return chart;
}
