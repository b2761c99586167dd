import { ReportModel, sortEndpoints } from './report-model';
import { sortFindings } from '../lint/finding-order';
import { jsonText } from '../text';

/**
 * The model as stable JSON, every endpoint, connection and finding (the machine format: never
 * summarized): endpoints and edges in canonical order, findings sorted, and with cluster
 * policies the `clusterPolicies` and `tierDecisions`. Written piece by piece to `write` (an
 * element at a time, never one string of the whole), as `jsonText(value, 2)` would write it: the
 * values are the raw text, the invisible characters escaped, so printing it is safe.
 */
export function writeJson(model: ReportModel, write: (chunk: string) => void): void {
  const endpoints = sortEndpoints(model.endpoints);
  const order = new Map(endpoints.map((e, i) => [e.id, i]));
  const edges = [...model.edges].sort((a, b) =>
    (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0));
  const fields: [string, unknown][] = [
    ['title', model.title],
    ['endpoints', endpoints],
    ['connections', edges],
    ['findings', sortFindings(model.findings)],
  ];
  if (model.clusterPolicies && model.clusterPolicies.length > 0) {
    fields.push(['clusterPolicies', model.clusterPolicies]);
    if (model.tierDecisions) fields.push(['tierDecisions', model.tierDecisions]);
  }
  write('{');
  fields.forEach(([key, value], i) => {
    write(`${i === 0 ? '' : ','}\n  ${jsonText(key)}: `);
    if (!Array.isArray(value) || value.length === 0) {
      write(jsonText(value, 2).replace(/\n/g, '\n  '));
      return;
    }
    write('[');
    value.forEach((element, j) => write(`${j === 0 ? '' : ','}\n    ${jsonText(element, 2).replace(/\n/g, '\n    ')}`));
    write('\n  ]');
  });
  write('\n}\n');
}

/** `writeJson` into one string (for tests and small models). */
export function renderJson(model: ReportModel): string {
  const chunks: string[] = [];
  writeJson(model, (c) => chunks.push(c));
  return chunks.join('');
}
