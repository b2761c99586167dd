/**
 * cdk8s validates the whole app once per chart it synthesizes; the policies' safety-net check
 * must not re-render every policy on every one of those passes (synthesis would be quadratic in
 * the number of charts): it runs on the render that produces the output, so it also runs again
 * on every later synthesis.
 */
import { App, Chart } from 'cdk8s';
import { AllowFrom, DefaultDeny, Peer, Port } from '../../src';

function appWithCharts(n: number): { app: App; policies: DefaultDeny[] } {
  const app = new App();
  const policies: DefaultDeny[] = [];
  for (let i = 0; i < n; i++) {
    const chart = new Chart(app, `c${i}`, { namespace: `ns${i}` });
    policies.push(new DefaultDeny(chart, 'deny'));
    new AllowFrom(chart, 'web', { app: 'web', from: [Peer.app('lb')], ports: [Port.tcp(8080)] });
  }
  return { app, policies };
}

test('one synthYaml renders each policy once, check included, whatever the number of charts', () => {
  const { app, policies } = appWithCharts(5);
  const spy = jest.spyOn(policies[0].apiObject, 'toJson');
  app.synthYaml();
  // the check runs on the output's own render (not 6 + 1 renders, one per chart pass)
  expect(spy).toHaveBeenCalledTimes(1);
});

test('the check runs again in the next job and catches what changed', async () => {
  const { app, policies } = appWithCharts(3);
  expect(() => app.synthYaml()).not.toThrow();
  await Promise.resolve();
  policies[1].apiObject.metadata.addLabel('bad key!', 'x');
  expect(() => app.synthYaml()).toThrow(/^c1\/deny \(DefaultDeny\): the NetworkPolicy "deny" would be rejected by the API server: metadata\.labels/);
});

test('a duplicate name added after a successful synth is still reported', () => {
  const { app } = appWithCharts(2);
  app.synthYaml();
  new AllowFrom(app.node.findChild('c0') as Chart, 'other', { name: 'deny' });
  expect(() => app.synthYaml()).toThrow(/Duplicate NetworkPolicy name "deny" in namespace "ns0"/);
});
