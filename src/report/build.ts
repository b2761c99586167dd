/**
 * Builds the report model from the engine: every workload (hostNetwork ones left out, as the
 * engine does), the external ranges that appear in the connectivity listing, and one edge per
 * allowed connection with the canonical port text. Findings come from the linter run on the same
 * input (one inventory, one analysis).
 */
import { Analysis, Endpoint } from '../engine';
import { ListedConnection } from './connection-diff';
import { ReportEndpoint, ReportModel } from './report-model';
import { LintInput } from '../lint/context';
import { LintOptions, lintObjects } from '../lint/runner';

export interface BuildReportOptions extends LintOptions {
  readonly title?: string;
  /** whether ipBlocks also match pod IPs (engine option) */
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
  return {
    title: options.title ?? 'NetworkPolicy reachability',
    endpoints: [...endpoints.values()],
    edges: listing.map((c) => ({ from: c.from.id, to: c.to.id, ports: c.conns.toString() })),
    findings,
  };
}
