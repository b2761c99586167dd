import { reportMatrix } from './matrix';
import { GroupedReport, nodeTitle } from './report-model';
import { Finding } from '../lint/finding';
import { objectRef, sortFindings } from '../lint/finding-order';
import { markdownCode, markdownText, plural } from '../text';

const ICON: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/**
 * The findings as a Markdown table (suppressed ones listed separately). Every text from the
 * input (object names, field paths, messages, fixes, reasons) is escaped: `markdownText` in
 * cells and list items, `markdownCode` for the field path.
 */
export function renderFindingsMarkdown(findings: readonly Finding[]): string {
  const active = sortFindings(findings.filter((f) => !f.suppressed));
  const suppressed = sortFindings(findings.filter((f) => f.suppressed));
  const out: string[] = [];
  if (active.length === 0) {
    out.push('No findings.');
  } else {
    out.push('| severity | rule | object | finding | fix |', '| --- | --- | --- | --- | --- |');
    for (const f of active) {
      const where = f.location ? ` ${markdownCode(f.location, { inTable: true })}` : '';
      out.push(`| ${ICON[f.severity] ?? markdownText(f.severity)} | ${markdownText(f.ruleId)} | ${markdownText(objectRef(f))}${where} | ${markdownText(f.message)} | ${markdownText(f.fix)} |`);
    }
  }
  if (suppressed.length > 0) {
    out.push('', `<details><summary>${suppressed.length} suppressed</summary>`, '');
    for (const f of suppressed) {
      out.push(`- ${markdownText(f.ruleId)} on ${markdownText(objectRef(f))}: ${markdownText(f.suppressionReason ?? '')}`);
    }
    out.push('', '</details>');
  }
  return out.join('\n');
}

/**
 * A report for a pull-request comment: a summary line, the reachability matrix (rows = from,
 * columns = to, identical rows collapsed), the connection list in a collapsed block, and the
 * findings. The title, names, ranges and ports are escaped (`markdownText`): whatever they hold,
 * the comment has the same headings, rows and items, and no HTML from the input.
 */
export function renderMarkdown(report: GroupedReport): string {
  const matrix = reportMatrix(report);
  const out: string[] = [];
  const nsCount = report.namespaces.length;
  out.push(`## ${markdownText(report.title)}`, '');
  out.push(`${plural(report.workloadCount, 'workload')} in ${plural(nsCount, 'namespace')}, ` +
    `${plural(report.edges.length, 'connection')} shown. ` +
    'Rows are sources, columns destinations; `·` means no connection.');
  out.push('');
  if (matrix.columns.length === 0) {
    out.push('_No workloads._');
  } else {
    out.push(`| from \\ to | ${matrix.columns.map((c) => `**${markdownText(nodeTitle(c))}**`).join(' | ')} |`);
    out.push(`| --- | ${matrix.columns.map(() => ':---:').join(' | ')} |`);
    for (const row of matrix.rows) {
      out.push(`| **${markdownText(row.label)}** | ${row.cells.map((c) => (c === undefined ? '·' : markdownText(c))).join(' | ')} |`);
    }
  }
  if (report.edges.length > 0) {
    out.push('', '<details><summary>Connections</summary>', '');
    for (const e of report.edges) {
      const from = report.nodes.get(e.from)!;
      const to = report.nodes.get(e.to)!;
      out.push(`- ${markdownText(nodeTitle(from))} => ${markdownText(nodeTitle(to))} : ${markdownText(e.ports)}`);
    }
    out.push('', '</details>');
  }
  out.push('', '### Findings', '', renderFindingsMarkdown(report.findings), '');
  return out.join('\n');
}
