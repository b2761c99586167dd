import { reportMatrix } from './matrix';
import { GroupedReport, NamespaceSummary, nodeTitle } from './report-model';
import { Finding } from '../lint/finding';
import { objectRef, sortFindings } from '../lint/finding-order';
import { compare, htmlText, markdownCode, markdownText, plural } from '../text';

const ICON: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/**
 * What a GitHub pull-request comment holds: 65,536 characters. The budget is counted in UTF-8
 * bytes, which is never less than the count in characters or in UTF-16 code units, so the
 * comment fits whichever of them GitHub counts.
 */
export const PR_COMMENT_LIMIT = 65_536;

/** The matrix is shown when it has at most this many columns (it is quadratic). */
const MATRIX_MAX_COLUMNS = 12;

const findingRow = (f: Finding) => {
  const where = f.location ? ` ${markdownCode(f.location, { inTable: true })}` : '';
  return `| ${ICON[f.severity] ?? markdownText(f.severity)} | ${markdownText(f.ruleId)} | ${markdownText(objectRef(f))}${where} | ${markdownText(f.message)} | ${markdownText(f.fix)} |`;
};
const FINDINGS_HEAD = ['| severity | rule | object | finding | fix |', '| --- | --- | --- | --- | --- |'];
const suppressedItem = (f: Finding) => `- ${markdownText(f.ruleId)} on ${markdownText(objectRef(f))}: ${markdownText(f.suppressionReason ?? '')}`;

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
    out.push(...FINDINGS_HEAD, ...active.map(findingRow));
  }
  if (suppressed.length > 0) {
    out.push('', `<details><summary>${suppressed.length} suppressed</summary>`, '', ...suppressed.map(suppressedItem), '', '</details>');
  }
  return out.join('\n');
}

/** Lines added while they fit in a byte budget. */
class Budget {
  private readonly lines: string[] = [];
  private used = 0;

  /** `limit` bytes, less `reserve` kept for what is added last (the line saying what was left out) */
  public constructor(private readonly limit: number, private readonly reserve: number) {}

  /** true when every line fits (each followed by a newline), with `keep` bytes more still free; then they are added */
  public add(lines: readonly string[], keep = 0): boolean {
    const size = lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);
    if (this.used + size + keep > this.limit - this.reserve) return false;
    this.lines.push(...lines);
    this.used += size;
    return true;
  }

  /** the lines that fit of a list, in order (stops at the first that does not); how many */
  public addWhile(lines: readonly string[], keep = 0): number {
    let n = 0;
    for (const l of lines) {
      if (!this.add([l], keep)) break;
      n++;
    }
    return n;
  }

  /** the end: added against the whole limit (the reserve was for it) */
  public finish(lines: readonly string[]): string {
    const text = [...this.lines, ...lines].join('\n') + '\n';
    if (Buffer.byteLength(text, 'utf8') > this.limit) {
      throw new Error(`internal: the Markdown report is ${Buffer.byteLength(text, 'utf8')} bytes, over its limit of ${this.limit}`);
    }
    return text;
  }
}

/** Options of `renderMarkdown`. */
export interface MarkdownOptions {
  /** at most this many bytes of UTF-8 (so at most this many characters); default `PR_COMMENT_LIMIT` */
  readonly maxBytes?: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A report for a pull-request comment, at most `maxBytes` (65,536) whatever the cluster size:
 * the findings first, the cluster policies in effect (when there are any), a summary table per
 * namespace, the reachability matrix when it is small, then each namespace's connections folded
 * in `<details>`, the largest first. What does not fit is left out, and the last line says what
 * and how to get all of it (the HTML or JSON report). The title, names, ranges, ports and
 * messages are escaped (`markdownText`): whatever they hold, the comment has the same headings,
 * rows and items, and no HTML from the input.
 */
export function renderMarkdown(report: GroupedReport, options: MarkdownOptions = {}): string {
  const limit = options.maxBytes ?? PR_COMMENT_LIMIT;
  const budget = new Budget(limit, Math.min(1200, Math.floor(limit / 4)));
  const left: string[] = [];
  const active = sortFindings(report.findings.filter((f) => !f.suppressed));
  const suppressed = sortFindings(report.findings.filter((f) => f.suppressed));
  const severities = ['error', 'warning', 'info'].map((s) => [s, active.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);

  if (!budget.add([`## ${markdownText(report.title)}`, ''])) budget.add(['## Reachability report', '']);
  budget.add([`${plural(report.workloadCount, 'workload')} in ${plural(report.namespaces.length, 'namespace')}, ` +
    `${count(report.connectionCount)} ${report.connectionCount === 1 ? 'connection' : 'connections'}` +
    `${report.edges.length !== report.connectionCount ? ` in ${count(report.edges.length)} lines (workloads with identical connections merged${report.any ? ', `anywhere` for every endpoint' : ''})` : ''}; ` +
    `${plural(active.length, 'finding')}${severities.length > 0 ? ` (${severities.map(([s, n]) => `${count(n)} ${s}`).join(', ')})` : ''}.`, '']);

  // 1. findings: the table, as many rows as fit in half of what is free
  budget.add(['### Findings', '']);
  if (active.length === 0) {
    budget.add(['No findings.']);
  } else {
    const rows = active.map(findingRow);
    const shown = budget.add([...FINDINGS_HEAD, rows[0]], Math.floor(limit / 2)) ? 1 + budget.addWhile(rows.slice(1), Math.floor(limit / 2)) : 0;
    if (shown < active.length) {
      left.push(`${count(active.length - shown)} of ${count(active.length)} findings`);
      // what was not shown, by rule: always short
      const byRule = new Map<string, { severity: string; n: number }>();
      for (const f of active.slice(shown)) byRule.set(f.ruleId, { severity: f.severity, n: (byRule.get(f.ruleId)?.n ?? 0) + 1 });
      const rest = [...byRule.entries()].map(([rule, v]) => `${markdownText(rule)} (${v.severity}) x${count(v.n)}`);
      budget.add(['', `Not shown: ${rest.slice(0, 30).join(', ')}${rest.length > 30 ? `, and ${rest.length - 30} more rules` : ''}.`]);
    }
  }
  if (suppressed.length > 0) {
    if (budget.add(['', `<details><summary>${suppressed.length} suppressed</summary>`, ''], 200)) {
      const shown = budget.addWhile(suppressed.map(suppressedItem), 200);
      if (shown < suppressed.length) {
        budget.add([`- ... and ${count(suppressed.length - shown)} more`]);
        left.push(`${count(suppressed.length - shown)} suppressed findings`);
      }
      budget.add(['', '</details>']);
    } else {
      left.push(`${count(suppressed.length)} suppressed findings`);
    }
  }
  budget.add(['']);

  // 2. the cluster tiers
  if (report.clusterPolicies && report.clusterPolicies.length > 0) {
    const policies = report.clusterPolicies;
    budget.add(['### Cluster policies', '', `${plural(policies.length, 'cluster policy', 'cluster policies')} in effect, in evaluation order (Admin tier before NetworkPolicy, Baseline after).`, '']);
    const rows = policies.map((p) => `| ${p.tier} | ${p.priority ?? '-'} | ${markdownText(p.id)} | ${markdownText(p.subject)} | ${count(p.selected)} | ${p.ingressRules} | ${p.egressRules} |`);
    const shown = budget.add(['| tier | priority | policy | subject | workloads selected | ingress rules | egress rules |', '| --- | ---: | --- | --- | ---: | ---: | ---: |', rows[0]], Math.floor(limit / 3))
      ? 1 + budget.addWhile(rows.slice(1), Math.floor(limit / 3)) : 0;
    if (shown < policies.length) left.push(`${count(policies.length - shown)} of ${count(policies.length)} cluster policies`);
    const decisions = report.tierDecisions;
    if (decisions === undefined) {
      budget.add(['', 'What each cluster rule decides is not summarized: the endpoints fall into too many classes.']);
    } else if (decisions.length > 0) {
      budget.add(['', 'What the cluster rules decide, over every ordered pair of workloads and outside ranges (most pairs first):', '']);
      const drows = decisions.map((d) => `| ${markdownText(d.rule)} | ${d.tier} | ${d.outcome} | ${count(d.pairs)} | ${markdownText(d.example.from)} => ${markdownText(d.example.to)} : ${markdownText(d.example.ports)} |`);
      const dshown = budget.add(['| rule | tier | decision | pairs | for example |', '| --- | --- | --- | ---: | --- |', drows[0]], Math.floor(limit / 3))
        ? 1 + budget.addWhile(drows.slice(1), Math.floor(limit / 3)) : 0;
      if (dshown < decisions.length) left.push(`${count(decisions.length - dshown)} of ${count(decisions.length)} cluster rule decisions`);
    }
    budget.add(['']);
  }

  // 3. one row per namespace
  if (report.summaries.length > 0) {
    budget.add(['### Namespaces', '', 'Connections per namespace: inside it, to and from other namespaces, to and from addresses outside the cluster.', '']);
    const nsRow = (s: NamespaceSummary) => `| ${markdownText(s.name)} | ${count(s.workloads)} | ${count(s.within)} | ${count(s.toOthers)} | ${count(s.fromOthers)} | ${count(s.toOutside)} | ${count(s.fromOutside)} | ${count(s.openIngress)} | ${count(s.openEgress)} | ${count(s.findings)} |`;
    const rows = report.summaries.map(nsRow);
    const shown = budget.add(['| namespace | workloads | within | to other ns | from other ns | to outside | from outside | open for ingress | open for egress | findings |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |', rows[0]], 4000)
      ? 1 + budget.addWhile(rows.slice(1), 4000) : 0;
    if (shown < rows.length) left.push(`the rows of ${count(rows.length - shown)} of ${count(rows.length)} namespaces`);
    budget.add(['']);
  }

  // 4. the matrix, when it is small
  const matrix = report.workloadCount > 0 ? reportMatrix(report) : undefined;
  if (matrix && matrix.columns.length <= MATRIX_MAX_COLUMNS) {
    const lines = ['### Matrix', '', 'Rows are sources, columns destinations; `·` means no connection.', '',
      `| from \\ to | ${matrix.columns.map((c) => `**${markdownText(nodeTitle(c))}**`).join(' | ')} |`,
      `| --- | ${matrix.columns.map(() => ':---:').join(' | ')} |`,
      ...matrix.rows.map((row) => `| **${markdownText(row.label)}** | ${row.cells.map((c) => (c === undefined ? '·' : markdownText(c))).join(' | ')} |`), ''];
    if (!budget.add(lines)) left.push('the matrix');
  } else if (matrix) {
    left.push(`the matrix (${count(matrix.columns.length)} columns)`);
  } else {
    budget.add(['_No workloads._', '']);
  }

  // 5. each namespace's connections (from its nodes, and from outside into it), folded, the largest first
  const edgesOf = new Map<string, GroupedReport['edges']>();
  const nsOfKey = new Map<string, string>();
  for (const ns of report.namespaces) for (const n of ns.nodes) nsOfKey.set(n.key, ns.name);
  const outside: GroupedReport['edges'] = [];
  for (const e of report.edges) {
    const ns = nsOfKey.get(e.from) ?? nsOfKey.get(e.to);
    if (ns === undefined) { outside.push(e); continue; }
    edgesOf.set(ns, [...(edgesOf.get(ns) ?? []), e]);
  }
  const groups = [...edgesOf.entries()].sort((a, b) => b[1].length - a[1].length || compare(a[0], b[0]));
  if (outside.length > 0) groups.push(['(outside the namespaces)', outside]);
  if (groups.length > 0) {
    budget.add(['### Connections', '', 'By source namespace (connections from outside by destination), the largest first; workloads with identical connections are one line.', '']);
    const line = (e: GroupedReport['edges'][number]) =>
      `- ${markdownText(nodeTitle(report.nodes.get(e.from)!))} => ${markdownText(nodeTitle(report.nodes.get(e.to)!))} : ${markdownText(e.ports)}` +
      (e.decidedBy && e.decidedBy.length > 0 ? ` (cluster: ${e.decidedBy.map(markdownText).join('; ')})` : '');
    let namespacesLeft = 0;
    let connectionsLeft = 0;
    for (const [name, list] of groups) {
      const close = ['', '</details>', ''];
      const closeBytes = close.join('\n').length + 64;
      if (!budget.add([`<details><summary>${htmlText(name)}: ${plural(list.length, 'connection')}</summary>`, ''], closeBytes + 200)) {
        namespacesLeft++;
        connectionsLeft += list.length;
        continue;
      }
      const shown = budget.addWhile(list.map(line), closeBytes + 60);
      if (shown < list.length) {
        budget.add([`- ... and ${count(list.length - shown)} more`]);
        connectionsLeft += list.length - shown;
      }
      budget.add(close);
    }
    if (namespacesLeft > 0) left.push(`the connections of ${count(namespacesLeft)} of ${count(groups.length)} namespaces`);
    if (connectionsLeft > 0) left.push(`${count(connectionsLeft)} of ${count(report.edges.length)} connection lines in all`);
  }

  const end = left.length === 0 ? [] : [
    `**Left out** to fit in ${count(limit)} characters: ${left.join('; ')}. ` +
    'All of it: `cdk8s-netpol report PATHS --format html -o report.html` (one page, with search) or `--format json` (every connection).',
  ];
  return budget.finish(end);
}
