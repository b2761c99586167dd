import { ReportModel, sortEndpoints } from './report-model';
import { sortFindings } from '../lint/finding-order';
import { jsonText } from '../text';

/**
 * The model as stable JSON: endpoints and edges in canonical order, findings sorted. The values
 * are the raw text; `jsonText` escapes the invisible characters, so printing it is safe.
 */
export function renderJson(model: ReportModel): string {
  const endpoints = sortEndpoints(model.endpoints);
  const order = new Map(endpoints.map((e, i) => [e.id, i]));
  const edges = [...model.edges].sort((a, b) =>
    (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0));
  return jsonText({
    title: model.title,
    endpoints,
    connections: edges,
    findings: sortFindings(model.findings),
  }, 2) + '\n';
}
