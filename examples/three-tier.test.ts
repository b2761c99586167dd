import { Testing } from 'cdk8s';
import { Direction, NetworkAssertions, PodEndpointProps, Protocol } from '../src';
import { threeTier } from './three-tier';

function synth() {
  const app = Testing.app();
  threeTier(app);
  return app;
}

test('three-tier synthesizes to the expected YAML', () => {
  expect(synth().synthYaml()).toMatchSnapshot();
});

// Seed 001: "Any pod with a label role:frontend in the namespace frontend can access to backend
// pods on port 80. Any pods with label role:backend in the namespace backend can access to
// database pod on port 3306. No other pods in the cluster can communicate with these pods, and
// these pod can't access anywhere externally."
describe('three-tier semantics (seed 001)', () => {
  // GIVEN the seed's pods, strangers in each tier's namespace, a pod elsewhere that carries a
  // tier's label, and the cluster DNS
  const pods: PodEndpointProps[] = [
    { namespace: 'frontend', name: 'frontend', labels: { role: 'frontend' } },
    { namespace: 'backend', name: 'backend', labels: { role: 'backend' } },
    { namespace: 'database', name: 'database', labels: { role: 'database' } },
    { namespace: 'frontend', name: 'stranger', labels: { role: 'debug' } },
    { namespace: 'backend', name: 'stranger' },
    { namespace: 'database', name: 'stranger' },
    { namespace: 'default', name: 'intruder', labels: { role: 'frontend' } },
    { namespace: 'default', name: 'backend', labels: { role: 'backend' } },
    { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
  ];
  const TIERS = ['frontend/frontend', 'backend/backend', 'database/database'];
  const STRANGERS = ['frontend/stranger', 'backend/stranger', 'database/stranger'];
  const EVERYONE = pods.map((p) => `${p.namespace}/${p.name}`);
  const INTERNET = ['8.8.8.8', '93.184.216.34', '169.254.169.254', '2001:4860:4860::8888'];
  const net = NetworkAssertions.fromApp(synth(), { pods });

  /** Which policies admit the connection on each half; [] when that half denies it. */
  function halves(from: string, to: string, port: number, protocol?: Protocol) {
    const e = net.model.explain({ from, to, port, protocol });
    return { egress: e.egress.allowedBy.map((r) => r.policy), ingress: e.ingress.allowedBy.map((r) => r.policy) };
  }

  test('frontend reaches backend on 80 only: egress on the frontend AND ingress on the backend, each on 80 only', () => {
    net.allowsOnly('frontend/frontend', 'backend/backend', 'TCP 80');
    expect(halves('frontend/frontend', 'backend/backend', 80)).toEqual({ egress: ['frontend/frontend-to-backend'], ingress: ['backend/backend-from-frontend'] });
    for (const [port, protocol] of [[79], [81], [8080], [80, Protocol.UDP]] as [number, Protocol?][]) {
      expect(halves('frontend/frontend', 'backend/backend', port, protocol)).toEqual({ egress: [], ingress: [] });
    }
  });

  test('backend reaches database on 3306 only: both halves, each on 3306 only', () => {
    net.allowsOnly('backend/backend', 'database/database', 'TCP 3306');
    expect(halves('backend/backend', 'database/database', 3306)).toEqual({ egress: ['backend/backend-to-database'], ingress: ['database/database-from-backend'] });
    for (const [port, protocol] of [[3305], [3307], [80], [3306, Protocol.UDP]] as [number, Protocol?][]) {
      expect(halves('backend/backend', 'database/database', port, protocol)).toEqual({ egress: [], ingress: [] });
    }
  });

  test('no other pod in the cluster reaches these pods, on any port', () => {
    const others = (...but: string[]) => EVERYONE.filter((e) => !but.includes(e));
    for (const from of others('frontend/frontend', 'backend/backend')) net.deniesAll(from, 'backend/backend');
    for (const from of others('backend/backend', 'database/database')) net.deniesAll(from, 'database/database');
    for (const from of others('frontend/frontend')) net.deniesAll(from, 'frontend/frontend');
    net.reachableOnlyFrom('backend/backend', 80, ['frontend/frontend']);
    net.reachableOnlyFrom('database/database', 3306, ['backend/backend']);
    net.reachableOnlyFrom('frontend/frontend', 80, []);
  });

  test('no skipping a tier, no way back, no call out to the rest of the cluster', () => {
    net.deniesAll('frontend/frontend', 'database/database');
    net.deniesAll('backend/backend', 'frontend/frontend');
    net.deniesAll('database/database', 'backend/backend');
    for (const from of TIERS) net.deniesAll(from, 'default/intruder').deniesAll(from, 'default/backend');
  });

  test('every namespace denies everything by default: its other pods reach nothing and nothing reaches them', () => {
    for (const pod of [...TIERS, ...STRANGERS]) net.isolated(pod, Direction.BOTH);
    for (const stranger of STRANGERS) {
      for (const other of EVERYONE.filter((e) => e !== stranger && e !== 'kube-system/coredns')) {
        net.deniesAll(stranger, other).deniesAll(other, stranger);
      }
    }
  });

  test('nothing outside the cluster: no tier reaches the internet, and the internet reaches no tier', () => {
    for (const pod of [...TIERS, ...STRANGERS]) {
      for (const ip of INTERNET) net.deniesAll(pod, ip).deniesAll(ip, pod);
    }
    // and for every address, not only these: no allowed connection joins a tier's namespace to an address
    const inTiers = (endpoint: string) => ['frontend/', 'backend/', 'database/'].some((ns) => endpoint.startsWith(ns));
    const isAddress = (endpoint: string) => !EVERYONE.includes(endpoint);
    const external = net.model.connectivity().filter((c) => (inTiers(c.from) && isAddress(c.to)) || (inTiers(c.to) && isAddress(c.from)));
    expect(external).toEqual([]);
  });

  test('DNS is kept: every pod of the tiers resolves names through kube-dns, UDP and TCP 53 only', () => {
    for (const from of [...TIERS, ...STRANGERS]) {
      net.allows(from, 'kube-system/coredns', 53, Protocol.UDP).allows(from, 'kube-system/coredns', 53, Protocol.TCP);
      net.allowsOnly(from, 'kube-system/coredns', 'TCP 53,UDP 53');
    }
  });
});
