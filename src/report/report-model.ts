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
  /**
   * The cluster rules (Admin or Baseline tier) that let (some ports of) it through, on either
   * side, as the engine's trace says (`ClusterNetworkPolicy x spec.egress[0] (Accept)`); absent
   * when only NetworkPolicies and the default decide it.
   */
  readonly decidedBy?: string[];
}

/** One cluster policy in effect (SEMANTICS.md 8): what the report lists of it. */
export interface ReportClusterPolicy {
  /** `ClusterNetworkPolicy guard`: kind and name */
  readonly id: string;
  readonly tier: 'Admin' | 'Baseline';
  /** undefined for a BaselineAdminNetworkPolicy (it has none) */
  readonly priority?: number;
  /** the subject as the engine keys it: `namespaces {team=a}`, `pods {app=web} in {...}` */
  readonly subject: string;
  /** workloads the subject selects */
  readonly selected: number;
  readonly ingressRules: number;
  readonly egressRules: number;
}

/** What one cluster rule decides over every ordered pair of endpoints (a summary, whatever the size). */
export interface ReportTierDecision {
  /** `ClusterNetworkPolicy guard spec.egress[0] (Deny)` */
  readonly rule: string;
  readonly tier: 'Admin' | 'Baseline';
  readonly outcome: 'allowed' | 'denied' | 'passed';
  /** ordered pairs of distinct endpoints (workloads and outside ranges) where it decides some ports */
  readonly pairs: number;
  /** one of them, and the ports it decides there */
  readonly example: { readonly from: string; readonly to: string; readonly ports: string };
}

export interface ReportModel {
  readonly title: string;
  readonly endpoints: ReportEndpoint[];
  readonly edges: ReportEdge[];
  readonly findings: Finding[];
  /** the cluster policies in effect, in evaluation order (absent or empty without any) */
  readonly clusterPolicies?: ReportClusterPolicy[];
  /** what their rules decide, most pairs first; absent when the classes were too many to summarize */
  readonly tierDecisions?: ReportTierDecision[];
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
  /** the cluster rules that let some of its connections through (see `ReportEdge.decidedBy`) */
  readonly decidedBy?: string[];
}

/** One namespace in numbers: what a summary table shows at any size. */
export interface NamespaceSummary {
  readonly name: string;
  readonly workloads: number;
  /** nodes of the grouped report: workloads with identical connections count once */
  readonly groups: number;
  /** connections between two workloads of the namespace */
  readonly within: number;
  /** connections to workloads of other namespaces, and from them */
  readonly toOthers: number;
  readonly fromOthers: number;
  /** connections to address ranges outside the cluster, and from them */
  readonly toOutside: number;
  readonly fromOutside: number;
  /** workloads no NetworkPolicy isolates for ingress (everything may connect to them), and for egress */
  readonly openIngress: number;
  readonly openEgress: number;
  /** findings (not suppressed) on objects of the namespace */
  readonly findings: number;
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
  /** connections of the model (one per ordered pair of endpoints), before grouping */
  readonly connectionCount: number;
  /** per namespace, in the order of `namespaces` */
  readonly summaries: NamespaceSummary[];
  readonly clusterPolicies?: ReportClusterPolicy[];
  readonly tierDecisions?: ReportTierDecision[];
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
