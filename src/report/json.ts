import { ReportModel, sortEndpoints } from './report-model';
import { sortFindings } from '../lint/finding-order';

/** The model as stable JSON: endpoints and edges in canonical order, findings sorted. */
export function renderJson(model: ReportModel): string {
  const endpoints = sortEndpoints(model.endpoints);
  const order = new Map(endpoints.map((e, i) => [e.id, i]));
  const edges = [...model.edges].sort((a, b) =>
    (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0));
  return JSON.stringify({
    title: model.title,
    endpoints,
    connections: edges,
    findings: sortFindings(model.findings),
  }, undefined, 2) + '\n';
}
