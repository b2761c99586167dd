import { reportMatrix } from './matrix';
import { GroupedReport, nodeTitle } from './report-model';
import { Finding } from '../lint/finding';
import { objectRef, sortFindings } from '../lint/finding-order';

/** Escapes text for a Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
}

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
      const where = f.location ? ` \`${mdCell(f.location)}\`` : '';
      out.push(`| ${ICON[f.severity] ?? f.severity} | ${f.ruleId} | ${mdCell(objectRef(f))}${where} | ${mdCell(f.message)} | ${mdCell(f.fix)} |`);
    }
  }
  if (suppressed.length > 0) {
    out.push('', `<details><summary>${suppressed.length} suppressed</summary>`, '');
    for (const f of suppressed) {
      out.push(`- ${f.ruleId} on ${mdCell(objectRef(f))}: ${mdCell(f.suppressionReason ?? '')}`);
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
  out.push(`${report.workloadCount} workload${report.workloadCount === 1 ? '' : 's'} in ${nsCount} namespace${nsCount === 1 ? '' : 's'}, ` +
    `${report.edges.length} connection${report.edges.length === 1 ? '' : 's'} shown. ` +
    'Rows are sources, columns destinations; `·` means no connection.');
  out.push('');
  if (matrix.columns.length === 0) {
    out.push('_No workloads._');
  } else {
    out.push(`| from \\ to | ${matrix.columns.map((c) => `**${mdCell(nodeTitle(c))}**`).join(' | ')} |`);
    out.push(`| --- | ${matrix.columns.map(() => ':---:').join(' | ')} |`);
    for (const row of matrix.rows) {
      out.push(`| **${mdCell(row.label)}** | ${row.cells.map((c) => (c === undefined ? '·' : mdCell(c))).join(' | ')} |`);
    }
  }
  if (report.edges.length > 0) {
    out.push('', '<details><summary>Connections</summary>', '');
    for (const e of report.edges) {
      const from = report.nodes.get(e.from)!;
      const to = report.nodes.get(e.to)!;
      out.push(`- ${mdCell(nodeTitle(from))} => ${mdCell(nodeTitle(to))} : ${mdCell(e.ports)}`);
    }
    out.push('', '</details>');
  }
  out.push('', '### Findings', '', renderFindingsMarkdown(report.findings), '');
  return out.join('\n');
}
