// Recipe 07: ALLOW traffic from some pods in another namespace.
// https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/07-allow-traffic-from-some-pods-in-another-namespace.md
//
// Intent: `app=web` accepts connections only from pods labelled `type=monitoring` that ALSO run
// in a namespace labelled `team=operations`.
//
// In YAML the AND is one `from` entry holding both `namespaceSelector` and `podSelector`; one
// dash more (two entries) turns it into an OR that lets in every pod of the operations
// namespaces and every monitoring pod of the policy's namespace. `Peer.pods({ labels,
// namespaceLabels })` is always the single entry; the test feeds the two-entry YAML to the engine
// to show what it would have let in.
import { App, Chart } from 'cdk8s';
import { AllowFrom, Peer } from '../../src';

export function recipe(app: App): Chart {
  const chart = new Chart(app, 'web-from-monitoring', { namespace: 'default' });
  new AllowFrom(chart, 'web-allow-all-ns-monitoring', {
    app: 'web',
    from: [Peer.pods({ labels: { type: 'monitoring' }, namespaceLabels: { team: 'operations' } })],
  });
  return chart;
}
