/** The reachability matrix of a grouped report, shared by the Markdown and HTML renderers. */
import { GroupedReport, ReportMatrix, ReportNode, memberLabel } from './report-model';

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
    const names = memberLabel(members);
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
