import { ApiObject, Testing } from 'cdk8s';
import { NetworkAssertions } from '../../src/reachability/assertions';
import { NetworkModel } from '../../src/reachability/network-model';
import { Direction } from '../../src/vocabulary/direction';
import { Protocol } from '../../src/vocabulary/protocol';

function np(namespace: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

/** GIVEN a chart with policies only (no workloads): backend accepts frontend on 8080 */
function chart() {
  const c = Testing.chart();
  new ApiObject(c, 'deny', np('shop', 'default-deny', { podSelector: {}, policyTypes: ['Ingress'] }));
  new ApiObject(c, 'allow', np('shop', 'backend-from-frontend', {
    podSelector: { matchLabels: { app: 'backend' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 8080 }] }],
  }));
  return c;
}

const pods = [
  { namespace: 'shop', name: 'frontend', labels: { app: 'frontend' } },
  { namespace: 'shop', name: 'backend', labels: { app: 'backend' } },
  { namespace: 'shop', name: 'other', labels: { app: 'other' } },
];

describe('NetworkAssertions', () => {
  test('allows / denies / allowsOnly / isolation pass on the right expectations', () => {
    const net = NetworkAssertions.fromChart(chart(), { pods });
    net.allows('shop/frontend', 'shop/backend', 8080)
      .denies('shop/other', 'shop/backend', 8080)
      .denies('shop/frontend', 'shop/backend', 8080, Protocol.UDP)
      .allowsOnly('shop/frontend', 'shop/backend', 'TCP 8080')
      .deniesAll('shop/other', 'shop/backend')
      .allowsOnly('shop/backend', '8.8.8.8', 'All Connections')
      .isolated('shop/backend', Direction.INGRESS)
      .notIsolated('shop/backend', Direction.EGRESS)
      .reachableOnlyFrom('shop/backend', 8080, ['shop/frontend']);
  });

  test('a failed assertion carries the explanation', () => {
    const net = NetworkAssertions.fromChart(chart(), { pods });
    expect(() => net.allows('shop/other', 'shop/backend', 8080)).toThrow(
      'Expected shop/other => shop/backend on TCP 8080 to be allowed\n' +
      'DENIED: shop/other => shop/backend on TCP 8080\n' +
      '  egress:  shop/other is not isolated for egress (no policy selects it for egress): all egress is allowed\n' +
      '  ingress: shop/backend is isolated for ingress by shop/default-deny and shop/backend-from-frontend; no rule admits shop/other on TCP 8080');
    expect(() => net.denies('shop/frontend', 'shop/backend', 8080)).toThrow(/shop\/backend-from-frontend spec\.ingress\[0\] admits from shop\/frontend/);
    expect(() => net.allowsOnly('shop/frontend', 'shop/backend', 'TCP 80,8080')).toThrow(
      /Expected shop\/frontend => shop\/backend to allow exactly "TCP 80,8080", but it allows "TCP 8080"\nDENIED: shop\/frontend => shop\/backend on TCP 80/);
    expect(() => net.isolated('shop/backend', Direction.EGRESS)).toThrow(
      'Expected shop/backend to be isolated for Egress, but ingress by shop/backend-from-frontend, shop/default-deny; no policy selects it for egress');
    expect(() => net.reachableOnlyFrom('shop/backend', 8080, [])).toThrow(/Expected only \[\] to reach shop\/backend on TCP 8080, but reachable from \[shop\/frontend\]/);
  });

  test('pods and namespaces can be added after creation; fromModel, fromApp and fromYaml', () => {
    const net = NetworkAssertions.fromChart(chart()).addPod(pods[0]).addPod(pods[1]).addNamespace('shop', { team: 'a' });
    net.allows('shop/frontend', 'shop/backend', 8080);
    NetworkAssertions.fromModel(new NetworkModel().addPod(pods[2])).notIsolated('shop/other', Direction.BOTH);
    const app = Testing.app();
    const c = Testing.chart();
    expect(() => NetworkAssertions.fromApp(app).allows('shop/a', 'shop/b', 1)).toThrow(/Unknown endpoint "shop\/a"/);
    NetworkAssertions.fromYaml('apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: ns1 }\nspec: { containers: [] }', { namespaces: [{ name: 'ns1' }] })
      .notIsolated('ns1/p', Direction.INGRESS);
    expect(c).toBeDefined();
  });

  test('hostNetwork pods make allows and denies fail with the reason', () => {
    const net = NetworkAssertions.fromChart(chart(), { pods: [...pods, { namespace: 'shop', name: 'agent', hostNetwork: true }] });
    expect(() => net.denies('shop/agent', 'shop/backend', 8080)).toThrow(/NOT COVERED: .*hostNetwork/);
    expect(() => net.allows('shop/agent', 'shop/backend', 8080)).toThrow(/NOT COVERED/);
  });
});
