/**
 * The benchmark's generators (bench/): valid manifests, the same policies from the three synth
 * variants, and the engine agreeing with the naive evaluator on a generated cluster. Correctness
 * only: nothing here is timed (timings come from `npm run bench`).
 */
import * as YAML from 'yaml';
import { generateCluster } from '../../bench/cluster';
import { naiveClusterOf } from '../../bench/naive-adapter';
import { SYNTH_LAYOUTS, SYNTH_VARIANTS, synthOnce } from '../../bench/synth';
import { Analysis, Inventory } from '../../src/engine';
import { formatIp, formatPolicyError, validateNetworkPolicy } from '../../src/k8s';
import { naiveConnections } from '../support/naive-evaluator';

/** Key order and policyTypes order do not matter. */
function normalize(x: any): any {
  if (Array.isArray(x)) return x.map(normalize);
  if (x && typeof x === 'object') {
    const out: any = {};
    for (const k of Object.keys(x).sort()) out[k] = k === 'policyTypes' ? [...x[k]].sort() : normalize(x[k]);
    return out;
  }
  return x;
}

describe('engine cluster generator', () => {
  test('sizes: the workloads asked for, about one policy per two workloads', () => {
    for (const n of [300, 1000]) {
      const c = generateCluster(n);
      expect(c.workloads).toBe(n);
      expect(c.policies / c.workloads).toBeGreaterThan(0.45);
      expect(c.policies / c.workloads).toBeLessThan(0.55);
    }
  });

  test('deterministic, and every NetworkPolicy is valid', () => {
    const a = generateCluster(120);
    expect(JSON.stringify(generateCluster(120).manifests)).toBe(JSON.stringify(a.manifests));
    const policies = a.manifests.filter((m) => m.kind === 'NetworkPolicy');
    expect(policies.length).toBe(a.policies);
    for (const p of policies) expect(validateNetworkPolicy(p).map(formatPolicyError)).toEqual([]);
    const inv = new Inventory((obj) => validateNetworkPolicy(obj).map(formatPolicyError));
    for (const m of a.manifests) inv.addManifest(m);
    expect(inv.pods.length).toBe(a.workloads);
    expect(inv.policies.length).toBe(a.policies);
    expect(inv.ignoredKinds.size).toBe(0);
  });

  test('engine and naive evaluator agree on every ordered pair of a generated cluster', () => {
    const cluster = generateCluster(33); // infrastructure + 3 team namespaces
    const inv = new Inventory();
    for (const m of cluster.manifests) inv.addManifest(m);
    const analysis = new Analysis(inv);
    const naive = naiveClusterOf(cluster.manifests);
    const name = (i: number) => {
      const e = analysis.endpoints[i];
      return e.kind === 'pod' ? e.id : formatIp(e.family, e.first);
    };
    let pairs = 0;
    let allowed = 0;
    const differences: string[] = [];
    analysis.forEachPair((from, to, id) => {
      pairs++;
      const engine = analysis.connSetById(id).toString();
      if (engine !== 'No Connections') allowed++;
      const expected = naiveConnections(naive, name(from), name(to));
      if (engine !== expected) differences.push(`${name(from)} -> ${name(to)}: engine ${engine}, naive ${expected}`);
    });
    expect(differences).toEqual([]);
    expect(pairs).toBeGreaterThan(33 * 32);
    // the shapes do something: some pairs allowed, most denied
    expect(allowed).toBeGreaterThan(20);
    expect(allowed).toBeLessThan(pairs / 2);
    expect(analysis.connections('team-0/web', 'team-0/api').toString()).toBe('TCP 8080');
    expect(analysis.connections('team-0/api', 'team-0/db').toString()).toBe('TCP 5432');
    expect(analysis.connections('monitoring/prometheus', 'team-1/api').toString()).toBe('TCP 9090');
    // the partner team's frontend is admitted by team-0's backend, but its own egress stops it
    expect(analysis.ingressConnections('team-1/web', 'team-0/api').toString()).toBe('TCP 8080');
    expect(analysis.connections('team-1/web', 'team-0/api').isEmpty).toBe(true);
    expect(analysis.connections('team-0/db', 'team-0/api').isEmpty).toBe(true);
  });
});

describe('synth workload', () => {
  test.each(SYNTH_LAYOUTS)('the three variants synthesize the same valid policies (%s)', (layout) => {
    const outputs = SYNTH_VARIANTS.map((v) => YAML.parseAllDocuments(synthOnce(v, 3, layout)).map((d) => d.toJSON()));
    for (const docs of outputs) {
      expect(docs).toHaveLength(30);
      for (const d of docs) {
        expect(d.kind).toBe('NetworkPolicy');
        expect(validateNetworkPolicy(d).map(formatPolicyError)).toEqual([]);
      }
    }
    const [netpol, l1, kplus] = outputs.map((docs) => JSON.stringify(normalize(docs)));
    expect(l1).toBe(netpol);
    expect(kplus).toBe(netpol);
  });
});
