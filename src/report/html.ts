/**
 * The HTML report: one self-contained page (no network: everything inline, a Content-Security-
 * Policy that allows only its own script by hash). The data is one JSON blob in a
 * `<script type="application/json">`, which the page's script (`_html-script.ts`) turns into a
 * search box, per-namespace drill-downs, tables whose merged rows expand, and graphs laid out by
 * dagre (inlined from the package's bundled `@dagrejs/dagre`, its license notice in the page).
 * Nothing is pre-rendered per workload, so the page stays small at any size (under 1 MB for the
 * bench's 5,000 workloads; the target is 10 MB).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { PAGE_SCRIPT } from './_html-script';
import { GroupedReport } from './report-model';
import { objectRef, sortFindings } from '../lint/finding-order';
import { htmlText as esc, plural, scriptJson, visibleText } from '../text';

// Every text from the input reaches the page either through `esc` (htmlText: the title) or as
// `visibleText` in the JSON of the data block (`scriptJson`), which the script sets with textContent.

/** The dagre bundle (an IIFE defining the global `dagre`) and its license notice, read once. */
interface Dagre { readonly version: string; readonly script: string; readonly license: string }
let dagreCache: Dagre | undefined;

function dagre(): Dagre {
  if (dagreCache) return dagreCache;
  const pkgFile = require.resolve('@dagrejs/dagre/package.json');
  const dir = path.dirname(pkgFile);
  const version = String(JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version);
  // the source map comment would only make a browser's developer tools look for a file
  // The bundle holds two raw U+0001 (graphlib's edge-key separator, inside string literals):
  // written as the escape \u0001 they mean the same, and the page holds no raw control character.
  const script = fs.readFileSync(path.join(dir, 'dist', 'dagre.min.js'), 'utf8')
    .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const license = fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8');
  dagreCache = { version, script, license };
  return dagreCache;
}

/** true when text can sit inside a `<script>` element without ending it or opening a comment */
function safeInScript(text: string): boolean {
  return !/<\/script|<!--/i.test(text);
}

const STYLE = `
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d8dee4;padding-bottom:4px}h3{font-size:14px;margin:14px 0 6px}
.summary,.count{color:#57606a;margin:0 0 10px}
.legend span{display:inline-block;margin-right:16px;font-size:13px}.legend i{display:inline-block;width:14px;height:10px;margin-right:4px;border:1.5px solid #4a5f80;background:#e8f0fe;vertical-align:middle}
.legend i.open{border-color:#d33}.legend i.ext{background:#f4f4f4;border:1.5px dashed #888}.legend i.any{background:#fff4d6;border-color:#c90}
.searchbar{position:sticky;top:0;background:#fff;padding:8px 0;z-index:2;border-bottom:1px solid #d8dee4}
#search{width:min(640px,90%);font-size:14px;padding:6px 10px;border:1px solid #8c959f;border-radius:6px}
.graph{overflow:auto;border:1px solid #d8dee4;border-radius:6px;padding:8px;background:#fcfcfd;max-height:70vh}
svg text{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:12px;fill:#1f2328}
svg .cluster rect{fill:#f6f8fa;stroke:#8c959f}svg .ctitle text{font-weight:600;fill:#57606a}svg .ctitle rect{fill:#f6f8fa;opacity:.9}
svg .node rect{fill:#e8f0fe;stroke:#4a5f80;stroke-width:1.5}svg .node.open rect{stroke:#d33;stroke-width:2.5}
svg .node.ext rect{fill:#f4f4f4;stroke:#888;stroke-dasharray:4 3}svg .node.anyn rect{fill:#fff4d6;stroke:#c90}
svg .node.nsnode rect{fill:#eef6ee;stroke:#3a7a3a}svg .node.others rect{fill:#f6f8fa;stroke:#57606a;stroke-dasharray:5 3}svg .node.neighbour rect{fill:#fff;stroke:#aaa;stroke-dasharray:3 2}
svg .node.link{cursor:pointer}svg g.node:hover rect{stroke-width:3}
svg .edge{fill:none;stroke:#4a5f80;stroke-width:1.3;opacity:.75}svg .edge.anyedge{stroke:#c90;stroke-dasharray:6 3}
svg .elabel rect{fill:#fff;stroke:#d0d7de}svg .elabel text{font-size:10px;fill:#24292f}
table{border-collapse:collapse;font-size:12px;margin:4px 0}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.ports{white-space:nowrap}td.rules{color:#57606a}
button.more,button.page{font-size:11px;border:1px solid #8c959f;background:#f6f8fa;border-radius:10px;padding:0 7px;cursor:pointer;color:#0969da}
button.page{margin:6px 0;font-size:12px;padding:2px 10px}
details.ns{border:1px solid #d8dee4;border-radius:6px;margin:4px 0;padding:4px 8px}details.ns>summary{cursor:pointer;font-size:13px}
.nsbody{padding:4px 0 8px 12px}ul.workloads{font-size:12px;margin:4px 0;padding-left:18px}ul.workloads li.open{color:#b31d28}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#0969da}tr.suppressed{color:#8c959f}
footer{margin-top:32px;color:#57606a;font-size:12px}footer pre{white-space:pre-wrap;font-size:11px}
`;

/**
 * The page's data: compact arrays (see the script's comments), port texts and cluster rules
 * interned. Every text is as the page shows it: `visibleText` (one line, invisible characters as
 * escapes); the script sets it with textContent, so no HTML escaping is needed for it.
 */
function pageData(report: GroupedReport): unknown {
  const v = visibleText;
  const ports: string[] = [];
  const portIds = new Map<string, number>();
  const rules: string[] = [];
  const ruleIds = new Map<string, number>();
  const intern = (list: string[], ids: Map<string, number>, text: string) => {
    let id = ids.get(text);
    if (id === undefined) { id = list.length; ids.set(text, id); list.push(v(text)); }
    return id;
  };
  const order = [...report.namespaces.flatMap((n) => n.nodes), ...report.externals, ...(report.any ? [report.any] : [])];
  const index = new Map(order.map((n, i) => [n.key, i]));
  const nsIndex = new Map(report.namespaces.map((n, i) => [n.name, i]));
  const nodes = order.map((n) => [
    n.kind === 'workload' ? 0 : n.kind === 'external' ? 1 : 2,
    n.kind === 'workload' ? nsIndex.get(n.namespace ?? '') ?? -1 : -1,
    n.kind === 'any' ? [] : n.members.map(v),
    (n.kind === 'workload' && n.ingressIsolated === false ? 1 : 0) + (n.kind === 'workload' && n.egressIsolated === false ? 2 : 0),
  ]);
  const edges = report.edges.map((e) => {
    const row: unknown[] = [index.get(e.from), index.get(e.to), intern(ports, portIds, e.ports)];
    if (e.decidedBy && e.decidedBy.length > 0) row.push(e.decidedBy.map((r) => intern(rules, ruleIds, r)));
    return row;
  });
  const summaries = new Map(report.summaries.map((s) => [s.name, s]));
  const namespaces = report.namespaces.map((n) => {
    const s = summaries.get(n.name)!;
    const st = [s.workloads, s.groups, s.within, s.toOthers, s.fromOthers, s.toOutside, s.fromOutside, s.openIngress, s.openEgress, s.findings];
    return { name: v(n.name), s: st };
  });
  const active = sortFindings(report.findings.filter((f) => !f.suppressed));
  const suppressed = sortFindings(report.findings.filter((f) => f.suppressed));
  const findings = [...active, ...suppressed].map((f) => [v(f.severity), v(f.ruleId), v(objectRef(f)), f.location === undefined ? null : v(f.location), v(f.message), v(f.fix), f.suppressed ? v(f.suppressionReason ?? '') : null]);
  const cluster = report.clusterPolicies && report.clusterPolicies.length > 0 ? {
    policies: report.clusterPolicies.map((p) => [p.tier, p.priority ?? null, v(p.id), v(p.subject), p.selected, p.ingressRules, p.egressRules]),
    decisions: report.tierDecisions
      ?.map((d) => [v(d.rule), d.tier, d.outcome, d.pairs, v(d.example.from), v(d.example.to), v(d.example.ports)]) ?? null,
  } : null;
  return { title: v(report.title), ports, rules, namespaces, nodes, edges, findings, cluster };
}

/**
 * One self-contained HTML page: a search box (namespace, workload or port), a graph (the
 * workloads when they are few, else the namespaces, laid out by dagre), one drill-down per
 * namespace (its workloads, its graph, its connections), every connection (merged rows expand:
 * "+N more"), the cluster policies, the findings. No network: the script and styles are inline,
 * and the Content-Security-Policy allows only that script (by its hash).
 */
export function renderHtml(report: GroupedReport): string {
  const d = dagre();
  const script = `${d.script}\n${PAGE_SCRIPT}`;
  if (!safeInScript(script)) throw new Error('internal: the HTML report\'s script holds "</script" or "<!--"');
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const data = scriptJson(pageData(report));
  const active = report.findings.filter((f) => !f.suppressed);
  const errors = active.filter((f) => f.severity === 'error').length;
  const warnings = active.filter((f) => f.severity === 'warning').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'">
<title>${esc(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(report.title)}</h1>
<p class="summary">${plural(report.workloadCount, 'workload')} in ${plural(report.namespaces.length, 'namespace')} &middot; ${plural(report.connectionCount, 'connection')} in ${plural(report.edges.length, 'line')} &middot; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}</p>
<p class="legend"><span><i></i>workload (isolated for ingress)</span><span><i class="open"></i>not isolated for ingress: open to all</span><span><i class="ext"></i>address range</span><span><i class="any"></i>anywhere: every workload and address</span></p>
<noscript><p>This report is drawn by its own inline script: allow scripts for this file, or read the same data with <code>cdk8s-netpol report --format json</code>.</p></noscript>
<div id="app"></div>
<footer>
<details><summary>Third-party software in this page</summary>
<p>The graphs are laid out by dagre ${esc(d.version)} (with graphlib), https://github.com/dagrejs/dagre, under the MIT license:</p>
<pre>${d.license.split('\n').map(esc).join('\n')}</pre>
</details>
</footer>
<script type="application/json" id="report-data">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}
