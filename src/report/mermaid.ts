import { GroupedReport, ReportNode, ReportNodeEdge } from './report-model';
import { compare, mermaidLabel } from '../text';

/** What GitHub renders by default: Mermaid's `maxTextSize` (characters) and `maxEdges`. */
export const MERMAID_MAX_CHARS = 50_000;
export const MERMAID_MAX_EDGES = 500;

/** Options of `renderMermaid`. */
export interface MermaidOptions {
  /** at most this many characters; default `MERMAID_MAX_CHARS` */
  readonly maxChars?: number;
  /** at most this many edges; default `MERMAID_MAX_EDGES` */
  readonly maxEdges?: number;
}

const count = (n: number) => n.toLocaleString('en-US');

function shape(node: ReportNode): string {
  const label = mermaidLabel(node.label);
  if (node.kind === 'any') return `${node.key}{{${label}}}`;
  if (node.kind === 'external') return `${node.key}([${label}])`;
  return `${node.key}[${label}]`;
}

const STYLES = [
  '  classDef external fill:#f4f4f4,stroke:#999,stroke-dasharray:4 3',
  '  classDef any fill:#fff4d6,stroke:#c90',
  '  classDef open stroke:#d33,stroke-width:2px',
  '  classDef note fill:#fffbe6,stroke:#c90,color:#333',
];

/**
 * A Mermaid `flowchart` GitHub renders inline, within its defaults (50,000 characters, 500
 * edges) whatever the size. The workload graph when it fits: one subgraph per namespace,
 * external ranges as rounded nodes, edges labelled with ports. When it does not, the graph of
 * namespaces: one node per namespace, one for the addresses outside, edges counting the
 * connections between two namespaces (the heaviest kept when even those are too many), and a
 * note node saying so. Node ids are the renderer's own (`n0`, `ns1`); every text is a quoted
 * `mermaidLabel`, so the input adds no statement, comment or link.
 */
export function renderMermaid(report: GroupedReport, options: MermaidOptions = {}): string {
  const maxChars = options.maxChars ?? MERMAID_MAX_CHARS;
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES;
  if (report.edges.length <= maxEdges) {
    const full = workloadGraph(report);
    if (full.length <= maxChars) return full;
  }
  return namespaceGraph(report, maxChars, maxEdges);
}

function workloadGraph(report: GroupedReport): string {
  const out = ['flowchart LR'];
  if (report.any) out.push(`  ${shape(report.any)}`);
  report.namespaces.forEach((ns, i) => {
    out.push(`  subgraph ns${i}[${mermaidLabel(ns.name)}]`);
    for (const node of ns.nodes) out.push(`    ${shape(node)}`);
    out.push('  end');
  });
  for (const node of report.externals) out.push(`  ${shape(node)}`);
  for (const e of report.edges) out.push(`  ${e.from} -->|${mermaidLabel(e.ports)}| ${e.to}`);
  const open = [...report.nodes.values()].filter((n) => n.kind === 'workload' && n.ingressIsolated === false).map((n) => n.key);
  out.push(...STYLES.slice(0, 3));
  const ext = report.externals.map((n) => n.key);
  if (ext.length > 0) out.push(`  class ${ext.join(',')} external`);
  if (report.any) out.push('  class any any');
  if (open.length > 0) out.push(`  class ${open.join(',')} open`);
  return out.join('\n') + '\n';
}

interface NamespaceEdge { from: string; to: string; connections: number; ports: Map<string, number> }

/** connections a grouped edge stands for: every member of one node to every member of the other */
function connectionsOf(report: GroupedReport, e: ReportNodeEdge): number {
  const a = report.nodes.get(e.from)!;
  const b = report.nodes.get(e.to)!;
  if (a.kind === 'any') return b.members.length;
  if (b.kind === 'any') return a.members.length;
  return a === b ? a.members.length * (a.members.length - 1) : a.members.length * b.members.length;
}

function namespaceGraph(report: GroupedReport, maxChars: number, maxEdges: number): string {
  // node ids: ns<i> per namespace, ext for every address outside, any for `anywhere`
  const idOf = new Map<string, string>();
  report.namespaces.forEach((ns, i) => { for (const n of ns.nodes) idOf.set(n.key, `ns${i}`); });
  for (const n of report.externals) idOf.set(n.key, 'ext');
  if (report.any) idOf.set(report.any.key, 'any');
  const merged = new Map<string, NamespaceEdge>();
  for (const e of report.edges) {
    const from = idOf.get(e.from)!;
    const to = idOf.get(e.to)!;
    const key = `${from}>${to}`;
    const edge = merged.get(key) ?? { from, to, connections: 0, ports: new Map() };
    const n = connectionsOf(report, e);
    edge.connections += n;
    edge.ports.set(e.ports, (edge.ports.get(e.ports) ?? 0) + n);
    merged.set(key, edge);
  }
  const edges = [...merged.values()].sort((a, b) => b.connections - a.connections || compare(a.from, b.from) || compare(a.to, b.to));
  const edgeLine = (e: NamespaceEdge) => {
    const ports = [...e.ports.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([p]) => p);
    const label = `${count(e.connections)} ${e.connections === 1 ? 'connection' : 'connections'}: ${ports.slice(0, 2).join('; ')}${ports.length > 2 ? ` +${ports.length - 2} more` : ''}`;
    return `  ${e.from} -->|${mermaidLabel(label)}| ${e.to}`;
  };
  const workloads = new Map<string, number>();
  report.namespaces.forEach((ns, i) => workloads.set(`ns${i}`, ns.nodes.reduce((n, x) => n + x.members.length, 0)));
  const nodeLine = (id: string): string => {
    if (id === 'any') return '  any{{"anywhere"}}';
    if (id === 'ext') return `  ext([${mermaidLabel(`outside the cluster (${count(report.externals.length)} address ${report.externals.length === 1 ? 'range' : 'ranges'})`)}])`;
    const ns = report.namespaces[Number(id.slice(2))];
    const n = workloads.get(id)!;
    return `  ${id}[${mermaidLabel(`${ns.name} (${count(n)} ${n === 1 ? 'workload' : 'workloads'})`)}]`;
  };
  const allIds = [...(report.any ? ['any'] : []), ...report.namespaces.map((_, i) => `ns${i}`), ...(report.externals.length > 0 ? ['ext'] : [])];

  const render = (kept: number, allNodes: boolean): string => {
    const shown = edges.slice(0, kept);
    const ids = allNodes ? allIds : allIds.filter((id) => shown.some((e) => e.from === id || e.to === id));
    const leftOut = edges.length - kept;
    const hidden = allIds.length - ids.length;
    const note = `Aggregated to namespaces: the workload graph (${count(report.nodes.size)} nodes, ${count(report.edges.length)} edges) is over ` +
      `GitHub's Mermaid limits (${count(MERMAID_MAX_EDGES)} edges, ${count(MERMAID_MAX_CHARS)} characters). Each edge counts the connections between two namespaces` +
      `${leftOut > 0 ? `; the ${count(leftOut)} lightest of ${count(edges.length)} namespace pairs are left out` : ''}` +
      `${hidden > 0 ? `, and ${count(hidden)} namespaces without a drawn edge` : ''}. Every connection: cdk8s-netpol report --format html or --format json.`;
    const out = ['flowchart LR', `  %% ${note.replace(/[^\x20-\x7e]/g, '')}`, `  note[${mermaidLabel(note)}]`, ...ids.map(nodeLine), ...shown.map(edgeLine), ...STYLES];
    if (ids.includes('ext')) out.push('  class ext external');
    if (ids.includes('any')) out.push('  class any any');
    out.push('  class note note');
    return out.join('\n') + '\n';
  };
  // the most edges that fit: at most maxEdges, then fewer until the text fits (binary search)
  const allNodes = render(0, true).length <= maxChars;
  let lo = 0;
  let hi = Math.min(edges.length, maxEdges);
  if (render(hi, allNodes).length <= maxChars) return render(hi, allNodes);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(mid, allNodes).length <= maxChars) lo = mid; else hi = mid - 1;
  }
  return render(lo, allNodes);
}
