/**
 * Builds the report model from the engine: every workload (hostNetwork ones left out, as the
 * engine does), the external ranges that appear in the connectivity listing, and one edge per
 * allowed connection with the canonical port text. Findings come from the linter run on the same
 * input (one inventory, one analysis). With cluster policies (SEMANTICS.md 8), the policies in
 * effect, which cluster rule let each connection through, and what each cluster rule decides
 * over every pair, from the engine's `sideTrace`.
 */
import { ListedConnection } from './connection-diff';
import { ReportClusterPolicy, ReportEndpoint, ReportModel, ReportTierDecision } from './report-model';
import { Analysis, ConnSet, Connection, describeClusterRule, Endpoint, SideTrace } from '../engine';
import { LintInput } from '../lint/context';
import { LintOptions, lintObjects } from '../lint/runner';
import { compare } from '../text';

export interface BuildReportOptions extends LintOptions {
  readonly title?: string;
  /** whether ipBlocks also match pods by their IP (engine option) */
  readonly ipBlockMatchesPods?: boolean;
}

function toEndpoint(analysis: Analysis, e: Endpoint): ReportEndpoint {
  if (e.kind === 'external') return { id: e.id, kind: 'external', name: e.id };
  return {
    id: e.id,
    kind: 'workload',
    namespace: e.namespace,
    name: e.name,
    workloadKind: e.workloadKind,
    ingressIsolated: analysis.isIsolated(e, 'Ingress'),
    egressIsolated: analysis.isIsolated(e, 'Egress'),
  };
}

/** The connectivity listing of an analysis as plain connections (for diff). */
export function connectionsOf(analysis: Analysis): ListedConnection[] {
  return analysis.connectivity().map((c) => ({ from: c.from.id, to: c.to.id, conns: c.conns }));
}

export function buildReport(inputs: readonly LintInput[], options: BuildReportOptions = {}): ReportModel {
  const { findings, context } = lintObjects(inputs, options);
  const analysis = context.analysis;
  const listing = analysis.connectivity();
  const endpoints = new Map<string, ReportEndpoint>();
  for (const pod of analysis.pods) if (!pod.hostNetwork) endpoints.set(pod.id, toEndpoint(analysis, pod));
  for (const c of listing) {
    for (const e of [c.from, c.to]) if (!endpoints.has(e.id)) endpoints.set(e.id, toEndpoint(analysis, e));
  }
  const base = {
    title: options.title ?? 'NetworkPolicy reachability',
    endpoints: [...endpoints.values()],
    findings,
  };
  if (analysis.clusterPolicies.length === 0) {
    return { ...base, edges: listing.map((c) => ({ from: c.from.id, to: c.to.id, ports: c.conns.toString() })) };
  }
  const tiers = new ClusterTiers(analysis);
  return {
    ...base,
    edges: listing.map((c) => {
      const decidedBy = tiers.decidedBy(c);
      return { from: c.from.id, to: c.to.id, ports: c.conns.toString(), ...(decidedBy.length > 0 ? { decidedBy } : {}) };
    }),
    clusterPolicies: analysis.clusterPolicies.map((p): ReportClusterPolicy => ({
      id: p.id,
      tier: p.tier,
      priority: p.priority,
      subject: p.subject.key,
      selected: analysis.clusterSubjectPods(p).length,
      ingressRules: p.ingress.length,
      egressRules: p.egress.length,
    })),
    tierDecisions: tiers.decisions(),
  };
}

/** At most this many (side class, peer class) pairs are traced for the summary of decisions. */
const MAX_CLASS_PAIRS = 250_000;

/**
 * The cluster tiers' part of the report, traced once per pair of classes rather than per pair of
 * endpoints. What the Admin and Baseline tiers decide for one side depends only on the cluster
 * policies selecting the endpoint for the direction, on whether NetworkPolicies isolate it (the
 * Baseline tier is reached only where they do not), on the cluster peers the other end matches,
 * and on the destination's container ports (named ports); endpoints alike in these get the same
 * cluster decisions (SEMANTICS.md 8.1, 8.8), so one `sideTrace` per class pair answers for all.
 */
class ClusterTiers {
  private readonly traces = new Map<string, SideTrace>();
  private readonly sideKeys = new Map<string, string>();
  private readonly peerKeys = new Map<string, string>();

  public constructor(private readonly analysis: Analysis) {}

  /** the cluster rules that allowed (some ports of) a listed connection, on either side */
  public decidedBy(c: Connection): string[] {
    const out = new Set<string>();
    for (const direction of ['Egress', 'Ingress'] as const) {
      const trace = this.trace(c.from, c.to, direction);
      if (!trace) continue;
      for (const d of trace.decisions) {
        if (d.outcome === 'allowed' && d.policy && d.rule && !d.conns.intersect(c.conns).isEmpty) out.add(describeClusterRule(d.policy, d.rule));
      }
    }
    return [...out].sort(compare);
  }

  /**
   * What each cluster rule decides over every ordered pair of distinct endpoints (workloads,
   * outside ranges): pairs counted per class pair, one example each, most pairs first. Undefined
   * when the class pairs are too many to trace.
   */
  public decisions(): ReportTierDecision[] | undefined {
    const a = this.analysis;
    const subjects = a.pods.filter((p) => !p.hostNetwork) as Endpoint[];
    const all = [...subjects, ...a.externalRangeEndpoints()];
    const found = new Map<string, { tier: 'Admin' | 'Baseline'; outcome: ReportTierDecision['outcome']; pairs: number; example?: ReportTierDecision['example'] }>();
    for (const direction of ['Egress', 'Ingress'] as const) {
      // subjects by side class, other ends by peer class, and how many are both (self pairs)
      const sides = new Map<string, Endpoint[]>();
      const peers = new Map<string, Endpoint[]>();
      const both = new Map<string, number>();
      for (const e of subjects) {
        const k = this.sideKey(e, direction);
        if (k === undefined) continue;
        sides.set(k, [...(sides.get(k) ?? []), e]);
      }
      if (sides.size === 0) continue;
      for (const e of all) {
        const k = this.peerKey(e, direction);
        peers.set(k, [...(peers.get(k) ?? []), e]);
        const s = e.kind === 'pod' ? this.sideKey(e, direction) : undefined;
        if (s !== undefined) both.set(`${s}\u0000${k}`, (both.get(`${s}\u0000${k}`) ?? 0) + 1);
      }
      if (sides.size * peers.size > MAX_CLASS_PAIRS) return undefined;
      const sideList = [...sides.entries()].sort((x, y) => compare(x[0], y[0]));
      const peerList = [...peers.entries()].sort((x, y) => compare(x[0], y[0]));
      for (const [sk, ses] of sideList) {
        for (const [pk, pes] of peerList) {
          const pairs = ses.length * pes.length - (both.get(`${sk}\u0000${pk}`) ?? 0);
          if (pairs <= 0) continue;
          // a pair of distinct endpoints of the two classes, for the trace and the example
          let self: Endpoint | undefined;
          let other: Endpoint | undefined;
          for (const s of ses) {
            other = pes.find((p) => p !== s);
            if (other) { self = s; break; }
          }
          if (!self || !other) continue;
          const [from, to] = direction === 'Egress' ? [self, other] : [other, self];
          const trace = this.trace(from, to, direction)!;
          for (const d of trace.decisions) {
            if (!d.policy || !d.rule || (d.tier !== 'Admin' && d.tier !== 'Baseline')) continue;
            const rule = describeClusterRule(d.policy, d.rule);
            const key = `${rule}\u0000${d.outcome}`;
            const entry = found.get(key) ?? { tier: d.tier, outcome: d.outcome, pairs: 0 };
            entry.pairs += pairs;
            entry.example ??= { from: from.id, to: to.id, ports: d.conns.toString() };
            found.set(key, entry);
          }
        }
      }
    }
    return [...found.entries()]
      .map(([key, v]): ReportTierDecision => ({ rule: key.split('\u0000')[0], tier: v.tier, outcome: v.outcome, pairs: v.pairs, example: v.example! }))
      .sort((x, y) => y.pairs - x.pairs || compare(x.rule, y.rule) || compare(x.outcome, y.outcome));
  }

  /** the trace of one side, shared by every pair of the same classes; undefined for a side no policy can have (an outside address) */
  private trace(from: Endpoint, to: Endpoint, direction: 'Egress' | 'Ingress'): SideTrace | undefined {
    const [self, other] = direction === 'Egress' ? [from, to] : [to, from];
    const side = this.sideKey(self, direction);
    if (side === undefined) return undefined;
    const key = `${direction}\u0000${side}\u0000${this.peerKey(other, direction)}`;
    let trace = this.traces.get(key);
    if (!trace) {
      trace = this.analysis.sideTrace(from, to, direction, ConnSet.ALL);
      this.traces.set(key, trace);
    }
    return trace;
  }

  /** what the cluster tiers of one side depend on: the selecting cluster policies, NetworkPolicy isolation, (ingress) the container ports */
  private sideKey(e: Endpoint, direction: 'Egress' | 'Ingress'): string | undefined {
    if (e.kind !== 'pod' || e.hostNetwork) return undefined;
    const memo = `${direction}\u0000${e.id}`;
    let key = this.sideKeys.get(memo);
    if (key === undefined) {
      const policies = this.analysis.selectingClusterPolicies(e, direction).map((p) => p.id).join('\u0001');
      const ports = direction === 'Ingress' ? portsKey(e) : '';
      key = `${policies}|${this.analysis.isIsolated(e, direction)}|${ports}`;
      this.sideKeys.set(memo, key);
    }
    return key;
  }

  /** what the other end contributes: the cluster peers it matches, (egress) its container ports */
  private peerKey(e: Endpoint, direction: 'Egress' | 'Ingress'): string {
    const memo = `${direction}\u0000${e.id}`;
    let key = this.peerKeys.get(memo);
    if (key === undefined) {
      const matched: number[] = [];
      this.analysis.clusterPeers.forEach((p, i) => { if (this.analysis.clusterPeerMatches(p, e)) matched.push(i); });
      key = `${e.kind}|${matched.join(',')}|${direction === 'Egress' ? portsKey(e) : ''}`;
      this.peerKeys.set(memo, key);
    }
    return key;
  }
}

function portsKey(e: Endpoint): string {
  if (e.kind !== 'pod') return '';
  return e.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol ?? ''}`).sort(compare).join(',');
}
