import { Testing } from 'cdk8s';
import { NetworkAssertions, PodEndpointProps, Protocol } from '../src';
import { threeTier } from './three-tier';
import { threeTierFirewall } from './three-tier-firewall';

/** The cluster of seed 001, plus pods that must stay out, plus the cluster DNS. */
const pods: PodEndpointProps[] = [
  { namespace: 'frontend', name: 'frontend', labels: { role: 'frontend' } },
  { namespace: 'backend', name: 'backend', labels: { role: 'backend' } },
  { namespace: 'database', name: 'database', labels: { role: 'database' } },
  // strangers: unlabelled pods in each tier's namespace, and a pod elsewhere
  { namespace: 'frontend', name: 'stranger', labels: { role: 'debug' } },
  { namespace: 'backend', name: 'stranger', labels: {} },
  { namespace: 'database', name: 'stranger', labels: {} },
  { namespace: 'default', name: 'outsider', labels: { role: 'frontend' } },
  { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
];
const TIERS = ['frontend/frontend', 'backend/backend', 'database/database'];
const EVERYONE = pods.map((p) => `${p.namespace}/${p.name}`);

function synth() {
  const app = Testing.app();
  const chart = threeTierFirewall(app);
  return { app, chart };
}

test('three-tier (Firewall) synthesizes to the expected YAML', () => {
  expect(synth().app.synthYaml()).toMatchSnapshot();
});

test('it is short: three default-denies and one policy per half', () => {
  const names = Testing.synth(synth().chart).map((m) => `${m.metadata.namespace}/${m.metadata.name}`);
  expect(names).toEqual([
    'frontend/default-deny', 'backend/default-deny', 'database/default-deny',
    'frontend/frontend-egress', 'backend/backend-ingress', 'backend/backend-egress', 'database/database-ingress',
  ]);
});

describe('three-tier (Firewall) semantics, seed 001', () => {
  const net = NetworkAssertions.fromChart(synth().chart, { pods });

  test('frontend reaches backend on 80 and nothing else', () => {
    net.allowsOnly('frontend/frontend', 'backend/backend', 'TCP 80');
  });

  test('backend reaches database on 3306 and nothing else', () => {
    net.allowsOnly('backend/backend', 'database/database', 'TCP 3306');
  });

  test('nothing else reaches backend or database, on any port', () => {
    const others = (...but: string[]) => EVERYONE.filter((e) => !but.includes(e));
    for (const from of others('frontend/frontend', 'backend/backend')) net.deniesAll(from, 'backend/backend');
    for (const from of others('backend/backend', 'database/database')) net.deniesAll(from, 'database/database');
    for (const from of others('frontend/frontend')) net.deniesAll(from, 'frontend/frontend');
    net.reachableOnlyFrom('backend/backend', 80, ['frontend/frontend']);
    net.reachableOnlyFrom('database/database', 3306, ['backend/backend']);
    net.reachableOnlyFrom('frontend/frontend', 80, []);
  });

  test('the tiers reach nothing else (the frontend does not skip to the database)', () => {
    net.deniesAll('frontend/frontend', 'database/database');
    net.deniesAll('database/database', 'backend/backend');
    net.deniesAll('backend/backend', 'frontend/frontend');
    net.deniesAll('frontend/frontend', 'default/outsider');
  });

  test('no pod of the tiers reaches the internet', () => {
    for (const from of TIERS) {
      for (const ip of ['8.8.8.8', '93.184.216.34', '169.254.169.254']) net.deniesAll(from, ip);
    }
  });

  test('every pod of the tiers resolves DNS (UDP and TCP 53 to the cluster DNS, nothing more)', () => {
    for (const from of [...TIERS, 'frontend/stranger', 'backend/stranger', 'database/stranger']) {
      net.allows(from, 'kube-system/coredns', 53, Protocol.UDP).allows(from, 'kube-system/coredns', 53, Protocol.TCP);
      net.allowsOnly(from, 'kube-system/coredns', 'TCP 53,UDP 53');
    }
  });
});

test('the Firewall version allows exactly what the hand-written one (three-tier.ts) allows', () => {
  const fw = NetworkAssertions.fromChart(synth().chart, { pods }).model;
  const app = Testing.app();
  threeTier(app);
  const hand = NetworkAssertions.fromApp(app, { pods }).model;
  for (const from of [...EVERYONE, '8.8.8.8']) {
    for (const to of [...EVERYONE, '8.8.8.8']) {
      if (from === to || (from === '8.8.8.8' && to === '8.8.8.8')) continue;
      expect(`${from} -> ${to}: ${fw.allowedConnections(from, to)}`).toEqual(`${from} -> ${to}: ${hand.allowedConnections(from, to)}`);
    }
  }
});
