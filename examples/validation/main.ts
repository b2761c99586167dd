// The linter inside a cdk8s app, two ways:
// 1. `NetworkPolicyChecks.of(app)`: `app.synth()` fails on lint errors, naming the construct path.
// 2. `cdk8s.yaml` `validations` (next to this file): `cdk8s synth` runs the NetworkPolicyValidation
//    plugin on the synthesized manifests and prints every finding with its construct path.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, DefaultDeny, NetworkPolicyChecks, Peer, PodSelector, Port } from '../../src';

/** A web server and the policies that let only the ingress controller reach it on 8080. */
export function validatedApp(app: App): Chart {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web' },
    podMetadata: { labels: { app: 'web' } },
    select: false,
    containers: [{ image: 'nginx', portNumber: 8080, securityContext: { ensureNonRoot: false } }],
  }).select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
  new DefaultDeny(chart, 'default-deny');
  new AllowFrom(chart, 'web-from-ingress', {
    selector: PodSelector.labels({ app: 'web' }),
    from: [Peer.pods({ labels: { 'app.kubernetes.io/name': 'ingress-nginx' }, namespace: 'ingress-nginx' })],
    ports: [Port.tcp(8080)],
  });
  return chart;
}

/* istanbul ignore next: run as a program (cdk8s synth) */
if (require.main === module) {
  const app = new App();
  NetworkPolicyChecks.of(app); // fail the synth on NP errors
  validatedApp(app);
  app.synth();
}
