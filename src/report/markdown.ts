import { reportMatrix } from './matrix';
import { GroupedReport, nodeTitle } from './report-model';
import { Finding } from '../lint/finding';
import { objectRef, sortFindings } from '../lint/finding-order';
import { markdownCell, plural } from '../text';

const ICON: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** The findings as a Markdown table (suppressed ones listed separately). */
export function renderFindingsMarkdown(findings: readonly Finding[]): string {
  const active = sortFindings(findings.filter((f) => !f.suppressed));
  const suppressed = sortFindings(findings.filter((f) => f.suppressed));
  const out: string[] = [];
  if (active.length === 0) {
    out.push('No findings.');
  } else {
    out.push('| severity | rule | object | finding | fix |', '| --- | --- | --- | --- | --- |');
    for (const f of active) {
      const where = f.location ? ` \`${markdownCell(f.location)}\`` : '';
      out.push(`| ${ICON[f.severity] ?? f.severity} | ${f.ruleId} | ${markdownCell(objectRef(f))}${where} | ${markdownCell(f.message)} | ${markdownCell(f.fix)} |`);
    }
  }
  if (suppressed.length > 0) {
    out.push('', `<details><summary>${suppressed.length} suppressed</summary>`, '');
    for (const f of suppressed) {
      out.push(`- ${f.ruleId} on ${markdownCell(objectRef(f))}: ${markdownCell(f.suppressionReason ?? '')}`);
    }
    out.push('', '</details>');
  }
  return out.join('\n');
}

/**
 * A report for a pull-request comment: a summary line, the reachability matrix (rows = from,
 * columns = to, identical rows collapsed), the connection list in a collapsed block, and the
 * findings.
 */
export function renderMarkdown(report: GroupedReport): string {
  const matrix = reportMatrix(report);
  const out: string[] = [];
  const nsCount = report.namespaces.length;
  out.push(`## ${report.title}`, '');
  out.push(`${plural(report.workloadCount, 'workload')} in ${plural(nsCount, 'namespace')}, ` +
    `${plural(report.edges.length, 'connection')} shown. ` +
    'Rows are sources, columns destinations; `·` means no connection.');
  out.push('');
  if (matrix.columns.length === 0) {
    out.push('_No workloads._');
  } else {
    out.push(`| from \\ to | ${matrix.columns.map((c) => `**${markdownCell(nodeTitle(c))}**`).join(' | ')} |`);
    out.push(`| --- | ${matrix.columns.map(() => ':---:').join(' | ')} |`);
    for (const row of matrix.rows) {
      out.push(`| **${markdownCell(row.label)}** | ${row.cells.map((c) => (c === undefined ? '·' : markdownCell(c))).join(' | ')} |`);
    }
  }
  if (report.edges.length > 0) {
    out.push('', '<details><summary>Connections</summary>', '');
    for (const e of report.edges) {
      const from = report.nodes.get(e.from)!;
      const to = report.nodes.get(e.to)!;
      out.push(`- ${markdownCell(nodeTitle(from))} => ${markdownCell(nodeTitle(to))} : ${markdownCell(e.ports)}`);
    }
    out.push('', '</details>');
  }
  out.push('', '### Findings', '', renderFindingsMarkdown(report.findings), '');
  return out.join('\n');
}
