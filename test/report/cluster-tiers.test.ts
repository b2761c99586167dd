/**
 * The cluster tiers in the report (issue 14): the policies in effect, which cluster rule let each
 * connection through, and what each cluster rule decides over every pair. The report traces one
 * pair per class of endpoints; these tests trace every pair through the engine and compare.
 */
import { generateCluster } from '../../bench/cluster';
import { generateClusterPolicies } from '../../bench/cluster-tiers';
import { Analysis, describeClusterRule, Endpoint, Inventory } from '../../src/engine';
import { buildReport } from '../../src/report/build';
import { compare } from '../../src/text';

const cluster = generateCluster(60);
const manifests = [...cluster.manifests, ...generateClusterPolicies(12)];

describe('GIVEN a generated cluster with 12 cluster policies', () => {
  const model = buildReport(manifests.map((object) => ({ object })));
  const inv = new Inventory();
  for (const m of manifests) inv.addManifest(m);
  const analysis = new Analysis(inv);

  test('THEN the report lists every cluster policy in evaluation order, with tier, priority, subject and rule counts', () => {
    expect(model.clusterPolicies!.map((p) => p.id)).toEqual(analysis.clusterPolicies.map((p) => p.id));
    expect(model.clusterPolicies).toHaveLength(12);
    const first = analysis.clusterPolicies[0];
    expect(model.clusterPolicies![0]).toEqual({
      id: first.id,
      tier: first.tier,
      priority: first.priority,
      subject: first.subject.key,
      selected: analysis.clusterSubjectPods(first).length,
      ingressRules: first.ingress.length,
      egressRules: first.egress.length,
    });
    expect(model.clusterPolicies!.some((p) => p.tier === 'Baseline')).toBe(true);
    expect(model.clusterPolicies!.some((p) => p.tier === 'Admin')).toBe(true);
  });

  test('THEN each connection names the cluster rules that let it through, as the engine traces that very pair', () => {
    const listing = analysis.connectivity();
    expect(model.edges).toHaveLength(listing.length);
    let named = 0;
    listing.forEach((c, i) => {
      const expected = new Set<string>();
      for (const direction of ['Egress', 'Ingress'] as const) {
        for (const d of analysis.sideTrace(c.from, c.to, direction).decisions) {
          if (d.outcome === 'allowed' && d.policy && d.rule && !d.conns.intersect(c.conns).isEmpty) expected.add(describeClusterRule(d.policy, d.rule));
        }
      }
      expect(model.edges[i].decidedBy ?? []).toEqual([...expected].sort(compare));
      if (expected.size > 0) named++;
    });
    expect(named).toBeGreaterThan(0);
  });

  test('THEN the decisions summary counts, per cluster rule and outcome, the pairs a trace of every pair finds', () => {
    const ends: Endpoint[] = [...analysis.pods.filter((p) => !p.hostNetwork), ...analysis.externalRangeEndpoints()];
    const counts = new Map<string, number>();
    for (const a of ends) {
      for (const b of ends) {
        if (a === b || (a.kind === 'external' && b.kind === 'external')) continue;
        for (const direction of ['Egress', 'Ingress'] as const) {
          const self = direction === 'Egress' ? a : b;
          if (self.kind !== 'pod') continue;
          const seen = new Set<string>();
          for (const d of analysis.sideTrace(a, b, direction).decisions) {
            if (!d.policy || !d.rule) continue;
            const key = `${describeClusterRule(d.policy, d.rule)} ${d.outcome}`;
            if (seen.has(key)) continue;
            seen.add(key);
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
      }
    }
    const summary = new Map(model.tierDecisions!.map((d) => [`${d.rule} ${d.outcome}`, d.pairs]));
    expect(summary).toEqual(counts);
    expect([...summary.keys()].some((k) => k.endsWith('denied'))).toBe(true);
    // each example is a pair where the rule decides as said
    for (const d of model.tierDecisions!) {
      const direction = d.rule.includes('spec.egress') ? 'Egress' : 'Ingress';
      const trace = analysis.sideTrace(d.example.from, d.example.to, direction);
      const same = (x: (typeof trace.decisions)[number]) =>
        !!x.rule && describeClusterRule(x.policy!, x.rule) === d.rule && x.outcome === d.outcome && x.conns.toString() === d.example.ports;
      expect(trace.decisions.some(same)).toBe(true);
    }
  });

  test('without cluster policies the model has no tier fields', () => {
    const plain = buildReport(cluster.manifests.map((object) => ({ object })));
    expect(plain.clusterPolicies).toBeUndefined();
    expect(plain.tierDecisions).toBeUndefined();
    expect(plain.edges.every((e) => e.decidedBy === undefined)).toBe(true);
  });
});
