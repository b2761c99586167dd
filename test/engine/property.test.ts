/**
 * Property tests: random inventories and policies, the engine checked against the naive
 * evaluator (test/support/naive-evaluator.ts) on every ordered pair of endpoints, every port.
 */
import * as fc from 'fast-check';
import { Analysis, Inventory, compareEndpoints } from '../../src/engine';
import { formatIp } from '../../src/k8s';
import { NaiveCluster, NaiveNamespace, NaivePod, naiveClusterFromInventory, naiveConnections } from '../support/naive-evaluator';

const NAMESPACES = ['n1', 'n2', 'n3'];
const EXTERNAL_IPS = ['10.0.0.1', '10.0.0.9', '192.168.1.1', '169.254.169.254', 'fd00::1', 'fd00::2:1'];
const POD_IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.1.2.3', 'fd00::5', 'fd00::1', undefined];
const IP_BLOCKS: { cidr: string; except?: string[] }[] = [
  { cidr: '10.0.0.0/8' },
  { cidr: '10.0.0.0/30', except: ['10.0.0.1/32'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] },
  { cidr: '10.0.0.0/16', except: ['10.0.0.0/24', '10.0.1.0/24'] },
  { cidr: '192.168.0.0/16' },
  { cidr: 'fd00::/64', except: ['fd00::1/128'] },
  { cidr: '::/0' },
];

const labelsArb = fc.record({
  app: fc.constantFrom('web', 'db', 'api'),
  tier: fc.constantFrom('front', 'back'),
  env: fc.constantFrom('prod', 'dev'),
}, { requiredKeys: [] });

const selectorArb = fc.record({
  matchLabels: labelsArb,
  matchExpressions: fc.array(fc.oneof(
    fc.record({ key: fc.constantFrom('app', 'tier', 'env'), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom('web', 'db', 'api', 'front', 'back', 'prod', 'dev'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ key: fc.constantFrom('app', 'tier', 'env'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  ), { maxLength: 2 }),
}, { requiredKeys: [] });

const nsSelectorArb = fc.oneof(
  selectorArb,
  fc.record({ matchLabels: fc.record({ 'kubernetes.io/metadata.name': fc.constantFrom(...NAMESPACES, 'n4') }) }),
);

const peerArb = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: nsSelectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: nsSelectorArb }),
  fc.record({ ipBlock: fc.constantFrom(...IP_BLOCKS) }),
);

const protocolArb = fc.constantFrom('TCP', 'UDP', 'SCTP');
const portEntryArb = fc.oneof(
  fc.record({ protocol: protocolArb }, { requiredKeys: [] }),
  fc.record({ protocol: protocolArb, port: fc.constantFrom(53, 80, 81, 443, 8080) }, { requiredKeys: ['port'] }),
  fc.record({ protocol: protocolArb, port: fc.constantFrom(53, 80, 8000), endPort: fc.constantFrom(81, 8080, 9000) }, { requiredKeys: ['port', 'endPort'] }),
  fc.record({ protocol: protocolArb, port: fc.constantFrom('http', 'dns', 'metrics', 'nope') }, { requiredKeys: ['port'] }),
);

function ruleArb(peersField: 'from' | 'to') {
  return fc.record({
    [peersField]: fc.array(peerArb, { maxLength: 2 }),
    ports: fc.array(portEntryArb, { maxLength: 3 }),
  }, { requiredKeys: [] });
}

const policyArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES, 'n4'),
  podSelector: selectorArb,
  policyTypes: fc.option(fc.subarray(['Ingress', 'Egress'], { minLength: 0 }), { nil: undefined }),
  ingress: fc.option(fc.array(ruleArb('from'), { maxLength: 3 }), { nil: undefined }),
  egress: fc.option(fc.array(ruleArb('to'), { maxLength: 3 }), { nil: undefined }),
});

const podArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES, 'n4', 'default'),
  labels: labelsArb,
  ports: fc.array(fc.record({
    name: fc.constantFrom('http', 'dns', 'metrics', undefined),
    port: fc.constantFrom(53, 80, 81, 8080, 9090),
    protocol: protocolArb,
  }), { maxLength: 3 }),
  ip: fc.constantFrom(...POD_IPS),
});

const clusterArb = fc.record({
  namespaces: fc.subarray(NAMESPACES).chain((names) => fc.tuple(...names.map((name) => labelsArb.map((labels) => ({ name, labels }))))),
  pods: fc.array(podArb, { minLength: 1, maxLength: 6 }),
  policies: fc.array(policyArb, { maxLength: 5 }),
  ipBlockMatchesPods: fc.boolean(),
}).map(({ namespaces, pods, policies, ipBlockMatchesPods }) => {
  const naivePods: NaivePod[] = pods.map((p, i) => ({ ...p, name: `p${i}`, ip: p.ip }));
  const manifests = policies.map((p, i) => {
    const spec: any = { podSelector: p.podSelector };
    if (p.policyTypes !== undefined) spec.policyTypes = p.policyTypes;
    if (p.ingress !== undefined) spec.ingress = p.ingress;
    if (p.egress !== undefined) spec.egress = p.egress;
    return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: p.namespace, name: `np${i}` }, spec };
  });
  const cluster: NaiveCluster = { namespaces: namespaces as NaiveNamespace[], pods: naivePods, policies: manifests, ipBlockMatchesPods };
  return cluster;
});

function engineFor(cluster: NaiveCluster): Analysis {
  const inventory = new Inventory();
  for (const ns of cluster.namespaces) inventory.addNamespace(ns.name, ns.labels);
  for (const pod of cluster.pods) inventory.addPod(pod);
  for (const p of cluster.policies) inventory.addPolicy(p);
  return new Analysis(inventory, { ipBlockMatchesPods: cluster.ipBlockMatchesPods });
}

describe('engine = naive evaluator on random clusters', () => {
  test('every ordered pair (pods and outside addresses), every port', () => {
    fc.assert(fc.property(clusterArb, (cluster) => {
      const engine = engineFor(cluster);
      const pods = cluster.pods.map((p) => `${p.namespace}/${p.name}`);
      for (const from of [...pods, ...EXTERNAL_IPS]) {
        for (const to of pods) {
          expect(`${from} => ${to}: ${engine.connections(from, to)}`).toEqual(`${from} => ${to}: ${naiveConnections(cluster, from, to)}`);
          if (pods.includes(from)) {
            expect(`${to} => ${from}: ${engine.connections(to, from)}`).toEqual(`${to} => ${from}: ${naiveConnections(cluster, to, from)}`);
          }
        }
        if (pods.includes(from)) {
          for (const ip of EXTERNAL_IPS) {
            expect(`${from} => ${ip}: ${engine.connections(from, ip)}`).toEqual(`${from} => ${ip}: ${naiveConnections(cluster, from, ip)}`);
          }
        }
      }
    }), { numRuns: 1200 });
  });

  test('naiveClusterFromInventory (for the benchmark) describes the same cluster', () => {
    fc.assert(fc.property(clusterArb, (cluster) => {
      const converted = naiveClusterFromInventory(engineFor(cluster).inventory, cluster.ipBlockMatchesPods);
      const pods = cluster.pods.map((p) => `${p.namespace}/${p.name}`);
      for (const from of pods) {
        for (const to of pods) expect(naiveConnections(converted, from, to)).toEqual(naiveConnections(cluster, from, to));
      }
    }), { numRuns: 200 });
  });

  test('the connectivity listing by classes (bounded by the output) = the pair-by-pair listing, line for line', () => {
    // more pods than the naive comparison affords: classes with several members, replicas that only the self pair tells apart
    const bigger = fc.record({ cluster: clusterArb, extra: fc.array(podArb, { maxLength: 10 }) }).map(({ cluster, extra }) => ({
      ...cluster,
      pods: [...cluster.pods, ...extra.map((p, i) => ({ ...p, name: `q${i}` }))],
    }));
    fc.assert(fc.property(bigger, (cluster) => {
      const engine = engineFor(cluster);
      const lines = (pass: 'forEachConnection' | 'forEachConnectionPairwise') => {
        const out: string[] = [];
        engine[pass]((from, to, conns) => out.push(`${from.id} => ${to.id} : ${conns}`));
        return out;
      };
      expect(lines('forEachConnection')).toEqual(lines('forEachConnectionPairwise'));
    }), { numRuns: 600 });
  });

  test('the connectivity listing: every external range behaves like its first and last address', () => {
    fc.assert(fc.property(clusterArb, (cluster) => {
      const engine = engineFor(cluster);
      const listing = engine.connectivity();
      const sorted = [...listing].sort((x, y) => compareEndpoints(x.from, y.from) || compareEndpoints(x.to, y.to));
      expect(listing).toEqual(sorted);
      for (const c of listing) {
        const ends = (e: typeof c.from) => (e.kind === 'external' ? [formatIp(e.family, e.first), formatIp(e.family, e.last)] : [e.id]);
        for (const from of ends(c.from)) {
          for (const to of ends(c.to)) {
            expect(`${from} => ${to}: ${c.conns}`).toEqual(`${from} => ${to}: ${naiveConnections(cluster, from, to)}`);
          }
        }
      }
    }), { numRuns: 400 });
  });
});
