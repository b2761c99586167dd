/**
 * Grouping a report model for drawing: interchangeable endpoints become one node, and uniform
 * connections to or from everything become edges of the `anywhere` node.
 */
import { ANYWHERE, GroupedReport, NamespaceSummary, ReportEndpoint, ReportModel, ReportNode, ReportNodeEdge, memberLabel, sortEndpoints } from './report-model';
import { compare } from '../text';

/**
 * Groups a model for drawing, keeping it readable at 50+ workloads:
 * - endpoints of one namespace (or external ranges) with identical incoming and outgoing
 *   connections become one node;
 * - a node that every endpoint reaches with the same ports gets one edge from `anywhere`
 *   instead of one edge per source (and likewise for a node that reaches everything).
 *
 * Pass `collapse: false` to keep one node per endpoint.
 */
export function groupReport(model: ReportModel, options: { collapse?: boolean } = {}): GroupedReport {
  const collapse = options.collapse ?? true;
  const endpoints = sortEndpoints(model.endpoints);
  const edges = model.edges;

  const outOf = new Map<string, Map<string, string>>();
  const intoOf = new Map<string, Map<string, string>>();
  for (const e of endpoints) { outOf.set(e.id, new Map()); intoOf.set(e.id, new Map()); }
  for (const e of edges) {
    outOf.get(e.from)?.set(e.to, e.ports);
    intoOf.get(e.to)?.set(e.from, e.ports);
  }

  // 1. group endpoints that are interchangeable: same namespace (or all external), same
  //    isolation, and the same connections to and from every group (refined to a fixpoint), and
  //    keep a grouping only where every member of one group reaches every member of the other
  const base = (ep: ReportEndpoint) => [ep.kind, ep.namespace ?? '', ep.workloadKind ?? '', String(ep.ingressIsolated), String(ep.egressIsolated)].join('|');
  let classOf = new Map<string, number>();
  const number = (keys: Map<string, string>) => {
    const ids = new Map<string, number>();
    const out = new Map<string, number>();
    for (const [id, key] of keys) {
      if (!ids.has(key)) ids.set(key, ids.size);
      out.set(id, ids.get(key)!);
    }
    return out;
  };
  classOf = number(new Map(endpoints.map((ep) => [ep.id, collapse ? base(ep) : ep.id])));
  for (let round = 0; collapse && round < 20; round++) {
    const sig = (dir: string, m: Map<string, string>) =>
      [...new Set([...m.entries()].map(([k, v]) => `${dir}${classOf.get(k)}=${v}`))].sort().join(';');
    const next = number(new Map(endpoints.map((ep) =>
      [ep.id, `${classOf.get(ep.id)}|${sig('>', outOf.get(ep.id)!)}|${sig('<', intoOf.get(ep.id)!)}`])));
    const before = new Set(classOf.values()).size;
    classOf = next;
    if (new Set(next.values()).size === before) break;
  }
  if (collapse) {
    // every (a, b) of two groups, a != b: all connected with the same ports, or none
    const members = new Map<number, string[]>();
    for (const ep of endpoints) members.set(classOf.get(ep.id)!, [...(members.get(classOf.get(ep.id)!) ?? []), ep.id]);
    const split = new Set<number>();
    for (const [ca, as] of members) {
      for (const [cb, bs] of members) {
        if (as.length === 1 && bs.length === 1) continue;
        const seen = new Set<string | undefined>();
        for (const x of as) for (const y of bs) if (x !== y) seen.add(outOf.get(x)!.get(y));
        if (seen.size > 1) { split.add(ca); split.add(cb); }
      }
    }
    if (split.size > 0) {
      let next = Math.max(...classOf.values()) + 1;
      for (const ep of endpoints) if (split.has(classOf.get(ep.id)!)) classOf.set(ep.id, next++);
    }
  }
  const groups: ReportEndpoint[][] = [];
  const byClass = new Map<number, ReportEndpoint[]>();
  for (const ep of endpoints) {
    const c = classOf.get(ep.id)!;
    let g = byClass.get(c);
    if (!g) { g = []; byClass.set(c, g); groups.push(g); }
    g.push(ep);
  }

  const nodes = new Map<string, ReportNode>();
  const nodeOfEndpoint = new Map<string, string>();
  const namespaces: { name: string; nodes: ReportNode[] }[] = [];
  const externals: ReportNode[] = [];
  groups.forEach((g, i) => {
    const first = g[0];
    const members = g.map((e) => e.name);
    const node: ReportNode = {
      key: `n${i}`,
      kind: first.kind,
      namespace: first.namespace,
      members,
      memberIds: g.map((e) => e.id),
      label: memberLabel(members),
      ingressIsolated: first.ingressIsolated,
      egressIsolated: first.egressIsolated,
    };
    nodes.set(node.key, node);
    for (const e of g) nodeOfEndpoint.set(e.id, node.key);
    if (first.kind === 'external') {
      externals.push(node);
    } else {
      let ns = namespaces.find((n) => n.name === first.namespace);
      if (!ns) { ns = { name: first.namespace ?? '', nodes: [] }; namespaces.push(ns); }
      ns.nodes.push(node);
    }
  });

  // 2. edges between nodes (uniform inside a group by construction)
  const nodeEdges = new Map<string, ReportNodeEdge>();
  const decided = new Map<string, Set<string>>();
  for (const e of edges) {
    const from = nodeOfEndpoint.get(e.from);
    const to = nodeOfEndpoint.get(e.to);
    if (!from || !to) continue;
    const key = `${from}>${to}`;
    nodeEdges.set(key, { from, to, ports: e.ports });
    if (e.decidedBy) {
      const set = decided.get(key) ?? new Set<string>();
      for (const r of e.decidedBy) set.add(r);
      decided.set(key, set);
    }
  }
  for (const [key, rules] of decided) nodeEdges.set(key, { ...nodeEdges.get(key)!, decidedBy: [...rules].sort(compare) });

  // 3. "anywhere": a node reached by every endpoint with the same ports, or reaching every one
  let any: ReportNode | undefined;
  let result = [...nodeEdges.values()];
  if (collapse && endpoints.length > 2) {
    const allIds = endpoints.map((e) => e.id);
    const uniform = (m: Map<string, string>, self: string): string | undefined => {
      let ports: string | undefined;
      for (const id of allIds) {
        if (id === self) continue; // a workload to itself does not count either way
        const p = m.get(id);
        if (p === undefined || (ports !== undefined && p !== ports)) return undefined;
        ports = p;
      }
      return ports;
    };
    const openIn = new Map<string, string>();
    const openOut = new Map<string, string>();
    for (const ep of endpoints) {
      const i = uniform(intoOf.get(ep.id)!, ep.id);
      if (i !== undefined) openIn.set(nodeOfEndpoint.get(ep.id)!, i);
      const o = uniform(outOf.get(ep.id)!, ep.id);
      if (o !== undefined) openOut.set(nodeOfEndpoint.get(ep.id)!, o);
    }
    if (openIn.size > 0 || openOut.size > 0) {
      any = { key: 'any', kind: 'any', members: [ANYWHERE], memberIds: [], label: ANYWHERE };
      nodes.set(any.key, any);
      result = result.filter((e) => !(openIn.get(e.to) === e.ports || openOut.get(e.from) === e.ports));
      for (const [to, ports] of openIn) result.push({ from: 'any', to, ports });
      for (const [from, ports] of openOut) result.push({ from, to: 'any', ports });
    }
  }
  const order = (k: string) => (k === 'any' ? -1 : Number(k.slice(1)));
  result.sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));

  return {
    title: model.title,
    namespaces,
    externals,
    any,
    edges: result,
    nodes,
    findings: model.findings,
    workloadCount: endpoints.filter((e) => e.kind === 'workload').length,
    connectionCount: edges.length,
    summaries: summarize(model, namespaces),
    ...(model.clusterPolicies && model.clusterPolicies.length > 0
      ? { clusterPolicies: model.clusterPolicies, tierDecisions: model.tierDecisions }
      : {}),
  };
}

/** Each namespace in numbers, from the model's own connections (not the grouped edges). */
function summarize(model: ReportModel, namespaces: readonly { name: string; nodes: ReportNode[] }[]): NamespaceSummary[] {
  type Counts = { -readonly [K in keyof NamespaceSummary]: NamespaceSummary[K] };
  const byName = new Map<string, Counts>();
  for (const ns of namespaces) {
    byName.set(ns.name, {
      name: ns.name,
      workloads: 0,
      groups: ns.nodes.length,
      within: 0,
      toOthers: 0,
      fromOthers: 0,
      toOutside: 0,
      fromOutside: 0,
      openIngress: 0,
      openEgress: 0,
      findings: 0,
    });
  }
  const nsOf = new Map<string, string | undefined>();
  for (const ep of model.endpoints) {
    nsOf.set(ep.id, ep.kind === 'workload' ? ep.namespace : undefined);
    const s = ep.kind === 'workload' ? byName.get(ep.namespace ?? '') : undefined;
    if (!s) continue;
    s.workloads++;
    if (ep.ingressIsolated === false) s.openIngress++;
    if (ep.egressIsolated === false) s.openEgress++;
  }
  for (const e of model.edges) {
    const a = nsOf.get(e.from);
    const b = nsOf.get(e.to);
    const from = a === undefined ? undefined : byName.get(a);
    const to = b === undefined ? undefined : byName.get(b);
    if (from && from === to) { from.within++; continue; }
    if (from) { if (to) from.toOthers++; else from.toOutside++; }
    if (to) { if (from) to.fromOthers++; else to.fromOutside++; }
  }
  for (const f of model.findings) {
    const s = !f.suppressed && f.namespace !== undefined ? byName.get(f.namespace) : undefined;
    if (s) s.findings++;
  }
  return namespaces.map((ns) => byName.get(ns.name)!);
}
