/**
 * The context asks the cluster tiers once per group of endpoints they cannot tell apart
 * (`distinct`, memoized verdicts): on random inputs, its answers agree with asking the engine
 * about every pair.
 */
import { cnp, deployment, inNamespace, namespace, pod, policy } from './helpers';
import { ConnSet, DirectionName } from '../../src/engine';
import { LintContext } from '../../src/lint/context';

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function cluster(seed: number): any[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const namespaces = ['a', 'b', 'c'];
  const objects: any[] = namespaces.map((n) => namespace(n, { team: pick(['x', 'y']) }));
  for (let i = 0; i < 9; i++) {
    const ns = pick(namespaces);
    const labels = { app: pick(['web', 'db', 'job']) };
    objects.push(r() < 0.2 ? deployment(ns, `w${i}`, labels) : pod(ns, `p${i}`, labels, `10.0.${i}.${1 + Math.floor(r() * 200)}`));
  }
  const peer = () => pick([{ namespaces: {} }, inNamespace(pick(namespaces)), { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: pick(['web', 'db']) } } } },
    { networks: [pick(['0.0.0.0/0', '10.0.0.0/16', '10.0.3.0/24'])] }]);
  const ingressPeer = () => pick([{ namespaces: {} }, inNamespace(pick(namespaces)), { namespaces: { matchLabels: { team: pick(['x', 'y']) } } }]);
  const ports = () => (r() < 0.5 ? {} : { protocols: [{ tcp: { destinationPort: { number: pick([80, 443]) } } }] });
  for (let k = 0; k < 3; k++) {
    const subject = r() < 0.5 ? { namespaces: {} } : inNamespace(pick(namespaces));
    const action = () => pick(['Accept', 'Deny', 'Pass']);
    objects.push(cnp(`c${k}`, pick(['Admin', 'Baseline']), k, {
      subject,
      egress: [{ action: action(), to: [peer()], ...ports() }, { action: action(), to: [peer()] }],
      ingress: [{ action: action(), from: [ingressPeer()], ...ports() }],
    }));
  }
  if (r() < 0.7) objects.push(policy(pick(namespaces), 'iso', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: {} }] }] }));
  return objects;
}

/** `allowed TCP 80; denied ...` per tier and outcome, in a canonical order */
function summary(list: readonly { tier: string; outcome: string; conns: ConnSet }[]): string {
  const by = new Map<string, ConnSet>();
  for (const d of list) by.set(`${d.tier} ${d.outcome}`, (by.get(`${d.tier} ${d.outcome}`) ?? ConnSet.NONE).union(d.conns));
  return [...by].map(([k, c]) => `${k} ${c}`).sort().join('; ');
}

describe('the context groups endpoints only where the cluster tiers answer alike', () => {
  test('40 random inputs: the memoized cluster verdicts of every pair are the engine\'s', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const ctx = new LintContext(cluster(seed).map((object) => ({ object })));
      const endpoints = [...ctx.pods.filter((p) => !p.hostNetwork), ...ctx.externalRanges()];
      for (const direction of ['Ingress', 'Egress'] as DirectionName[]) {
        for (const a of endpoints) {
          for (const b of endpoints) {
            if (a === b || (a.kind === 'external' && b.kind === 'external')) continue;
            const trace = ctx.analysis.sideTrace(a, b, direction);
            if (trace.caveats.some((c) => c.kind === 'pod-ip-unknown')) continue; // the context reads those differently, on purpose
            const engine = summary(trace.decisions.filter((d) => d.tier !== 'NetworkPolicy'));
            expect(`${seed} ${direction} ${a.id} ${b.id}: ${summary(ctx.clusterVerdicts(a, b, direction))}`).toBe(`${seed} ${direction} ${a.id} ${b.id}: ${engine}`);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test('40 random inputs: defaultAllowed agrees with asking every pair', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const ctx = new LintContext(cluster(seed).map((object) => ({ object })));
      for (const direction of ['Ingress', 'Egress'] as DirectionName[]) {
        for (const p of ctx.pods) {
          if (ctx.isIsolated(p, direction)) continue;
          let naive = ConnSet.NONE;
          const others = [...ctx.pods.filter((o) => o.id !== p.id), ...(direction === 'Egress' ? ctx.externalRanges() : [])];
          for (const o of others) {
            const [from, to] = direction === 'Egress' ? [p, o] : [o, p];
            for (const d of ctx.analysis.sideTrace(from, to, direction).decisions) if (d.tier === 'default') naive = naive.union(d.conns);
          }
          // the context also reads whole-family networks as matching pods without IPs: compare on pods with IPs only
          const withoutIp = ctx.pods.some((o) => !o.ip) && ctx.clusterPolicies.some((c) => c.egress.some((x) => x.peers.some((y) => y.kind === 'networks')));
          if (withoutIp) continue;
          const grouped = ctx.defaultAllowed(p, direction).reduce((acc, x) => acc.union(x.conns), ConnSet.NONE);
          expect(`${seed} ${direction} ${p.id} ${grouped}`).toBe(`${seed} ${direction} ${p.id} ${naive}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
