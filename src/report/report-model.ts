/**
 * The report model: a plain data structure for "who reaches whom on which ports", built from the
 * engine's connectivity listing (see `build.ts`) and read by every renderer. Renderers never ask
 * the engine themselves: they only format this.
 */
import { Finding } from '../lint/finding';

export type EndpointKind = 'workload' | 'external';

export interface ReportEndpoint {
  /** stable key: `ns/name` for workloads, the range text for external ranges */
  readonly id: string;
  readonly kind: EndpointKind;
  /** namespace of a workload; undefined for external ranges */
  readonly namespace?: string;
  /** workload name, or the address range (`0.0.0.0/0 except 169.254.169.254/32`) */
  readonly name: string;
  /** workload kind (Deployment, Pod, ...) */
  readonly workloadKind?: string;
  readonly ingressIsolated?: boolean;
  readonly egressIsolated?: boolean;
}

export interface ReportEdge {
  readonly from: string;
  readonly to: string;
  /** canonical port text, e.g. `TCP 80, UDP 53` or `all traffic` */
  readonly ports: string;
}

export interface ReportModel {
  readonly title: string;
  readonly endpoints: ReportEndpoint[];
  readonly edges: ReportEdge[];
  readonly findings: Finding[];
}

/** A node of a rendered picture: one endpoint, or several with identical connections. */
export interface ReportNode {
  /** a short id safe for Mermaid/DOT: n0, n1, ... */
  readonly key: string;
  readonly kind: EndpointKind | 'any';
  readonly namespace?: string;
  /** member endpoint names (workload names without namespace, or ranges) */
  readonly members: string[];
  readonly memberIds: string[];
  readonly label: string;
  readonly ingressIsolated?: boolean;
  readonly egressIsolated?: boolean;
}

export interface ReportNodeEdge {
  readonly from: string;
  readonly to: string;
  readonly ports: string;
}

export interface GroupedReport {
  readonly title: string;
  /** namespaces in order, each with its nodes */
  readonly namespaces: { readonly name: string; readonly nodes: ReportNode[] }[];
  readonly externals: ReportNode[];
  /** the `anywhere` node, present when some node is open to / open toward everything */
  readonly any?: ReportNode;
  readonly edges: ReportNodeEdge[];
  readonly nodes: ReadonlyMap<string, ReportNode>;
  readonly findings: Finding[];
  readonly workloadCount: number;
}

/** Label for the node that stands for every workload and every address. */
export const ANYWHERE = 'anywhere';

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical order: namespaces by name, workloads by name, then external ranges. */
export function sortEndpoints(endpoints: readonly ReportEndpoint[]): ReportEndpoint[] {
  return [...endpoints].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'workload' ? -1 : 1;
    return byText(a.namespace ?? '', b.namespace ?? '') || byText(a.name, b.name);
  });
}

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
      label: members.length <= 3 ? members.join(', ') : `${members.slice(0, 2).join(', ')} +${members.length - 2} more`,
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
  for (const e of edges) {
    const from = nodeOfEndpoint.get(e.from);
    const to = nodeOfEndpoint.get(e.to);
    if (!from || !to) continue;
    nodeEdges.set(`${from}>${to}`, { from, to, ports: e.ports });
  }

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
  };
}

/** A matrix: rows are sources, columns destinations; identical rows are collapsed. */
export interface ReportMatrix {
  readonly columns: ReportNode[];
  readonly rows: { readonly label: string; readonly namespace?: string; readonly cells: (string | undefined)[] }[];
}

/**
 * The reachability matrix of a grouped report. Columns are the destination nodes (workload
 * groups, then external ranges); rows the sources, with rows of identical content merged.
 * Connections through `anywhere` are expanded back into the cells.
 */
export function reportMatrix(report: GroupedReport): ReportMatrix {
  const all = [...report.namespaces.flatMap((n) => n.nodes), ...report.externals];
  const direct = new Map<string, string>();
  const openIn = new Map<string, string>();
  const openOut = new Map<string, string>();
  for (const e of report.edges) {
    if (e.from === 'any') openIn.set(e.to, e.ports);
    else if (e.to === 'any') openOut.set(e.from, e.ports);
    else direct.set(`${e.from}>${e.to}`, e.ports);
  }
  const cell = (from: ReportNode, to: ReportNode): string | undefined => {
    const d = direct.get(`${from.key}>${to.key}`);
    if (d !== undefined) return d;
    if (from === to && from.members.length === 1) return undefined;
    return openIn.get(to.key) ?? openOut.get(from.key);
  };
  // external ranges only appear as columns when something reaches them
  const columns = all.filter((n) => n.kind === 'workload' || all.some((s) => cell(s, n) !== undefined));
  const rows: { label: string; namespace?: string; cells: (string | undefined)[]; members: string[] }[] = [];
  const seen = new Map<string, (typeof rows)[number]>();
  const labelOf = (namespace: string | undefined, members: string[]) => {
    const names = members.length <= 3 ? members.join(', ') : `${members.slice(0, 2).join(', ')} +${members.length - 2} more`;
    return namespace ? `${namespace}/${names}` : names;
  };
  for (const src of all) {
    const cells = columns.map((c) => cell(src, c));
    if (src.kind === 'external' && cells.every((c) => c === undefined)) continue;
    const key = `${src.kind}|${src.namespace ?? ''}|${cells.map((c) => c ?? '').join('\u0000')}`;
    const existing = seen.get(key);
    if (existing) {
      existing.members.push(...src.members);
      existing.label = labelOf(src.namespace, existing.members);
    } else {
      const row = { label: labelOf(src.namespace, [...src.members]), namespace: src.namespace, cells, members: [...src.members] };
      seen.set(key, row);
      rows.push(row);
    }
  }
  return { columns, rows: rows.map((r) => ({ label: r.label, namespace: r.namespace, cells: r.cells })) };
}

/** `shop/frontend`, `shop/{a, b}`, or a range */
export function nodeTitle(node: ReportNode): string {
  if (node.kind !== 'workload') return node.label;
  return `${node.namespace}/${node.label}`;
}
