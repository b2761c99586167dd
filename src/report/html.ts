import { reportMatrix } from './matrix';
import { GroupedReport, ReportNode, nodeTitle } from './report-model';
import { Finding } from '../lint/finding';
import { objectRef, sortFindings } from '../lint/finding-order';
import { htmlAttribute as attr, htmlText as esc, plural, visibleText } from '../text';

// Every text from the input goes through `esc` (htmlText, element content) or `attr`
// (htmlAttribute, a quoted attribute value); numbers and class names are the renderer's own.

// rough width of text at 12px sans-serif (as shown: invisible characters as escapes); good enough to size boxes
const charWidth = (text: string, px = 12) => Math.ceil(visibleText(text).length * px * 0.6);

const NODE_H = 28;
const NODE_GAP = 14;
const COL_GAP = 190;
const PAD = 12;
const TITLE_H = 22;
const MAX_ROW_WIDTH = 1180;

interface Placed { node: ReportNode; x: number; y: number; w: number; col: number }

/**
 * Lays the grouped report out as an SVG: one column for `anywhere` and the external ranges,
 * then one box per namespace, nodes stacked inside; edges are curves labelled with ports.
 */
export function renderSvg(report: GroupedReport): string {
  const columns: { title?: string; nodes: ReportNode[] }[] = [];
  const outside = [...(report.any ? [report.any] : []), ...report.externals];
  if (outside.length > 0) columns.push({ title: 'outside the namespaces', nodes: outside });
  for (const ns of report.namespaces) columns.push({ title: `namespace ${ns.name}`, nodes: ns.nodes });

  // namespace boxes flow left to right and wrap after MAX_ROW_WIDTH
  const placed = new Map<string, Placed>();
  const boxes: string[] = [];
  let x = 20;
  let rowTop = 20;
  let rowHeight = 0;
  let width = 300;
  columns.forEach((col, ci) => {
    const w = Math.max(130, charWidth(col.title ?? '', 12) + 2 * PAD, ...col.nodes.map((n) => charWidth(n.label) + 24));
    const boxH = TITLE_H + PAD + col.nodes.length * (NODE_H + NODE_GAP) - NODE_GAP + PAD;
    if (x > 20 && x + w + 2 * PAD > MAX_ROW_WIDTH) {
      x = 20;
      rowTop += rowHeight + 70;
      rowHeight = 0;
    }
    let y = rowTop + TITLE_H + PAD;
    for (const node of col.nodes) {
      placed.set(node.key, { node, x: x + PAD, y, w, col: ci });
      y += NODE_H + NODE_GAP;
    }
    const dashed = ci === 0 && outside.length > 0 ? ' stroke-dasharray="5 4"' : '';
    boxes.push(`<rect x="${x}" y="${rowTop}" width="${w + 2 * PAD}" height="${boxH}" rx="8" class="ns"${dashed}/>` +
      `<text x="${x + PAD}" y="${rowTop + 16}" class="nstitle">${esc(col.title ?? '')}</text>`);
    rowHeight = Math.max(rowHeight, boxH);
    // room on the right for the loops of edges inside a column
    width = Math.max(width, x + w + 2 * PAD + 150);
    x += w + 2 * PAD + COL_GAP;
  });
  const height = rowTop + rowHeight;

  const edgeSvg: string[] = [];
  const labelSvg: string[] = [];
  for (const e of report.edges) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    const ay = a.y + NODE_H / 2;
    const by = b.y + NODE_H / 2;
    let d: string;
    let lx: number;
    let ly: number;
    if (a === b) {
      const sx = a.x + a.w;
      d = `M${sx},${ay - 6} C${sx + 40},${ay - 30} ${sx + 40},${ay + 30} ${sx + 2},${ay + 6}`;
      lx = sx + 34; ly = ay;
    } else if (b.x > a.x + a.w) {
      // destination to the right
      const sx = a.x + a.w;
      const tx = b.x - 2;
      const dx = (tx - sx) / 2;
      d = `M${sx},${ay} C${sx + dx},${ay} ${tx - dx},${by} ${tx},${by}`;
      lx = (sx + tx) / 2; ly = (ay + by) / 2;
    } else if (b.x + b.w < a.x) {
      // destination to the left
      const sx = a.x;
      const tx = b.x + b.w + 2;
      const dx = (tx - sx) / 2;
      d = `M${sx},${ay} C${sx + dx},${ay} ${tx - dx},${by} ${tx},${by}`;
      lx = (sx + tx) / 2; ly = (ay + by) / 2;
    } else {
      // same column: an arc on the right, wider for longer spans so arcs nest
      const sx = a.x + a.w;
      const tx = b.x + b.w + 2;
      const bulge = 24 + Math.min(Math.abs(by - ay) * 0.45, 90);
      d = `M${sx},${ay} C${sx + bulge * 1.33},${ay} ${tx + bulge * 1.33},${by} ${tx},${by}`;
      lx = (sx + tx) / 2 + bulge; ly = (ay + by) / 2;
    }
    const from = report.nodes.get(e.from)!;
    const to = report.nodes.get(e.to)!;
    const title = `${nodeTitle(from)} => ${nodeTitle(to)} : ${e.ports}`;
    edgeSvg.push(`<path d="${d}" class="edge${e.from === 'any' || e.to === 'any' ? ' anyedge' : ''}" marker-end="url(#arrow)"><title>${esc(title)}</title></path>`);
    const lw = charWidth(e.ports, 10) + 8;
    labelSvg.push(`<g class="elabel"><title>${esc(title)}</title><rect x="${(lx - lw / 2).toFixed(1)}" y="${(ly - 8).toFixed(1)}" width="${lw}" height="16" rx="3"/>` +
      `<text x="${lx.toFixed(1)}" y="${(ly + 4).toFixed(1)}" text-anchor="middle">${esc(e.ports)}</text></g>`);
  }

  const nodeSvg: string[] = [];
  for (const p of placed.values()) {
    const n = p.node;
    const cls = n.kind === 'any' ? 'node any' : n.kind === 'external' ? 'node ext' : n.ingressIsolated === false ? 'node open' : 'node';
    const tip = n.kind === 'workload'
      ? `${n.members.map((m) => `${n.namespace}/${m}`).join(', ')}${n.ingressIsolated === false ? ' (not isolated for ingress)' : ''}${n.egressIsolated === false ? ' (not isolated for egress)' : ''}`
      : n.members.join(', ');
    nodeSvg.push(`<g class="${cls}"><title>${esc(tip)}</title><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${NODE_H}" rx="${n.kind === 'workload' ? 4 : 14}"/>` +
      `<text x="${p.x + p.w / 2}" y="${p.y + 18}" text-anchor="middle">${esc(n.label)}</text></g>`);
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 30}" viewBox="0 0 ${width} ${height + 30}" role="img" aria-label="${attr(report.title)}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4a5f80"/></marker></defs>
${boxes.join('\n')}
${edgeSvg.join('\n')}
${nodeSvg.join('\n')}
${labelSvg.join('\n')}
</svg>`;
}

const STYLE = `
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d8dee4;padding-bottom:4px}
.summary{color:#57606a;margin:0 0 12px}
.legend span{display:inline-block;margin-right:16px;font-size:13px}.legend i{display:inline-block;width:14px;height:10px;margin-right:4px;border:1.5px solid #4a5f80;background:#e8f0fe;vertical-align:middle}
.legend i.open{border-color:#d33}.legend i.ext{background:#f4f4f4;border:1.5px dashed #888}.legend i.any{background:#fff4d6;border-color:#c90}
.graph{overflow:auto;border:1px solid #d8dee4;border-radius:6px;padding:8px;background:#fcfcfd}
svg text{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:12px;fill:#1f2328}
svg .ns{fill:#f6f8fa;stroke:#8c959f}svg .nstitle{font-weight:600;fill:#57606a}
svg .node rect{fill:#e8f0fe;stroke:#4a5f80;stroke-width:1.5}svg .node.open rect{stroke:#d33;stroke-width:2.5}
svg .node.ext rect{fill:#f4f4f4;stroke:#888;stroke-dasharray:4 3}svg .node.any rect{fill:#fff4d6;stroke:#c90}
svg .edge{fill:none;stroke:#4a5f80;stroke-width:1.4;opacity:.8}svg .edge.anyedge{stroke:#c90;stroke-dasharray:6 3}
svg .elabel rect{fill:#fff;stroke:#d0d7de}svg .elabel text{font-size:10px;fill:#24292f}
svg g.node:hover rect{stroke-width:3}
table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:center}
th{background:#f6f8fa}th.col{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;white-space:nowrap}
td.src{text-align:left;font-weight:600;white-space:nowrap;background:#f6f8fa}td.yes{background:#dafbe1}td.no{color:#bbb}
.matrix{overflow:auto;max-height:80vh}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#0969da}
table.findings td{text-align:left}
`;

function findingsTable(findings: readonly Finding[]): string {
  const active = sortFindings(findings.filter((f) => !f.suppressed));
  const suppressed = sortFindings(findings.filter((f) => f.suppressed));
  const rows = (list: Finding[], extra: (f: Finding) => string) => list.map((f) =>
    `<tr><td class="sev-${attr(f.severity)}">${esc(f.severity)}</td><td>${esc(f.ruleId)}</td><td>${esc(objectRef(f))}${f.location ? `<br><code>${esc(f.location)}</code>` : ''}</td><td>${esc(f.message)}</td><td>${extra(f)}</td></tr>`).join('\n');
  let html = active.length === 0 ? '<p>No findings.</p>'
    : `<table class="findings"><tr><th>severity</th><th>rule</th><th>object</th><th>finding</th><th>fix</th></tr>\n${rows(active, (f) => esc(f.fix))}</table>`;
  if (suppressed.length > 0) {
    html += `\n<h3>Suppressed (${suppressed.length})</h3>\n<table class="findings"><tr><th>severity</th><th>rule</th><th>object</th><th>finding</th><th>reason</th></tr>\n${rows(suppressed, (f) => esc(f.suppressionReason ?? ''))}</table>`;
  }
  return html;
}

/**
 * One self-contained HTML page (no scripts, no fonts, no network fetches): the graph as inline
 * SVG, the matrix and the findings.
 */
export function renderHtml(report: GroupedReport): string {
  const matrix = reportMatrix(report);
  const head = matrix.columns.map((c) => `<th class="col" title="${attr(c.members.join(', '))}">${esc(nodeTitle(c))}</th>`).join('');
  const body = matrix.rows.map((r) => `<tr><td class="src">${esc(r.label)}</td>${r.cells.map((c) => (c === undefined ? '<td class="no">·</td>' : `<td class="yes">${esc(c)}</td>`)).join('')}</tr>`).join('\n');
  const errors = report.findings.filter((f) => !f.suppressed && f.severity === 'error').length;
  const warnings = report.findings.filter((f) => !f.suppressed && f.severity === 'warning').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(report.title)}</h1>
<p class="summary">${plural(report.workloadCount, 'workload')} in ${plural(report.namespaces.length, 'namespace')} &middot; ${plural(report.edges.length, 'connection')} shown &middot; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}</p>
<p class="legend"><span><i></i>workload (isolated for ingress)</span><span><i class="open"></i>not isolated for ingress: open to all</span><span><i class="ext"></i>address range</span><span><i class="any"></i>anywhere: every workload and address</span></p>
<h2>Graph</h2>
<div class="graph">
${renderSvg(report)}
</div>
<h2>Matrix</h2>
<p class="summary">Rows are sources, columns destinations. Rows with identical connections are merged.</p>
<div class="matrix"><table><tr><th>from \\ to</th>${head}</tr>
${body}
</table></div>
<h2>Findings</h2>
${findingsTable(report.findings)}
</body>
</html>
`;
}
