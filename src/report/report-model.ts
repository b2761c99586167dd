/**
 * The report model: a plain data structure for "who reaches whom on which ports", built from the
 * engine's connectivity listing (see `build.ts`) and read by every renderer. Renderers never ask
 * the engine themselves: they only format this.
 */
import { Finding } from '../lint/finding';
import { compare } from '../text';

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

/** Canonical order: namespaces by name, workloads by name, then external ranges. */
export function sortEndpoints(endpoints: readonly ReportEndpoint[]): ReportEndpoint[] {
  return [...endpoints].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'workload' ? -1 : 1;
    return compare(a.namespace ?? '', b.namespace ?? '') || compare(a.name, b.name);
  });
}

/** The label of a group of endpoints: up to three names, or the first two and `+N more`. */
export function memberLabel(members: readonly string[]): string {
  return members.length <= 3 ? members.join(', ') : `${members.slice(0, 2).join(', ')} +${members.length - 2} more`;
}

/** `shop/frontend`, `shop/{a, b}`, or a range */
export function nodeTitle(node: ReportNode): string {
  if (node.kind !== 'workload') return node.label;
  return `${node.namespace}/${node.label}`;
}

/** A matrix: rows are sources, columns destinations; identical rows are collapsed. */
export interface ReportMatrix {
  readonly columns: ReportNode[];
  readonly rows: { readonly label: string; readonly namespace?: string; readonly cells: (string | undefined)[] }[];
}
