// Seed 001's requirements as reachability tests, shared by every example that implements the
// scenario (three-tier.ts with DefaultDeny/AllowFrom/AllowTo, three-tier-firewall.ts with the
// Firewall): "Any pod with a label role:frontend in the namespace frontend can access to backend
// pods on port 80. Any pods with label role:backend in the namespace backend can access to
// database pod on port 3306. No other pods in the cluster can communicate with these pods, and
// these pod can't access anywhere externally." DNS is kept.
import { Direction, NetworkAssertions, PodEndpointProps, Protocol } from '../src';

/**
 * The seed's pods, strangers in each tier's namespace, pods elsewhere that carry a tier's label,
 * and the cluster DNS.
 */
export const SEED_001_PODS: PodEndpointProps[] = [
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
const EVERYONE = SEED_001_PODS.map((p) => `${p.namespace}/${p.name}`);
const INTERNET = ['8.8.8.8', '93.184.216.34', '169.254.169.254', '2001:4860:4860::8888'];

/** Declares the seed's requirements as jest tests on `net()` (built from the example's manifests and SEED_001_PODS). */
export function seed001Requirements(net: () => NetworkAssertions): void {
  test('frontend reaches backend on TCP 80 and nothing else', () => {
    net().allowsOnly('frontend/frontend', 'backend/backend', 'TCP 80');
  });

  test('backend reaches database on TCP 3306 and nothing else', () => {
    net().allowsOnly('backend/backend', 'database/database', 'TCP 3306');
  });

  test('no other pod in the cluster reaches these pods, on any port', () => {
    const others = (...but: string[]) => EVERYONE.filter((e) => !but.includes(e));
    for (const from of others('frontend/frontend', 'backend/backend')) net().deniesAll(from, 'backend/backend');
    for (const from of others('backend/backend', 'database/database')) net().deniesAll(from, 'database/database');
    for (const from of others('frontend/frontend')) net().deniesAll(from, 'frontend/frontend');
    net().reachableOnlyFrom('backend/backend', 80, ['frontend/frontend'])
      .reachableOnlyFrom('database/database', 3306, ['backend/backend'])
      .reachableOnlyFrom('frontend/frontend', 80, []);
  });

  test('no skipping a tier, no way back, no call out to the rest of the cluster', () => {
    net().deniesAll('frontend/frontend', 'database/database')
      .deniesAll('backend/backend', 'frontend/frontend')
      .deniesAll('database/database', 'backend/backend');
    for (const from of TIERS) net().deniesAll(from, 'default/intruder').deniesAll(from, 'default/backend');
  });

  test('every namespace denies everything by default: its other pods reach nothing and nothing reaches them', () => {
    for (const pod of [...TIERS, ...STRANGERS]) net().isolated(pod, Direction.BOTH);
    for (const stranger of STRANGERS) {
      for (const other of EVERYONE.filter((e) => e !== stranger && e !== 'kube-system/coredns')) {
        net().deniesAll(stranger, other).deniesAll(other, stranger);
      }
    }
  });

  test('nothing outside the cluster: no tier reaches the internet, and the internet reaches no tier', () => {
    for (const pod of [...TIERS, ...STRANGERS]) {
      for (const ip of INTERNET) net().deniesAll(pod, ip).deniesAll(ip, pod);
    }
    // and for every address, not only these: no allowed connection joins a tier's namespace to an address
    const inTiers = (endpoint: string) => ['frontend/', 'backend/', 'database/'].some((ns) => endpoint.startsWith(ns));
    const isAddress = (endpoint: string) => !EVERYONE.includes(endpoint);
    const external = net().model.connectivity().filter((c) => (inTiers(c.from) && isAddress(c.to)) || (inTiers(c.to) && isAddress(c.from)));
    expect(external).toEqual([]);
  });

  test('DNS is kept: every pod of the tiers resolves names through kube-dns, UDP and TCP 53 only', () => {
    for (const from of [...TIERS, ...STRANGERS]) {
      net().allows(from, 'kube-system/coredns', 53, Protocol.UDP).allows(from, 'kube-system/coredns', 53, Protocol.TCP);
      net().allowsOnly(from, 'kube-system/coredns', 'TCP 53,UDP 53');
    }
  });
}
