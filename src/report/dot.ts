import { GroupedReport, ReportNode } from './report-model';
import { dotString } from '../text';

const q = dotString;

function attrs(node: ReportNode): string {
  const a = [`label=${q(node.label)}`];
  if (node.kind === 'external') a.push('shape=box', 'style="rounded,dashed"');
  if (node.kind === 'any') a.push('shape=hexagon', 'style=filled', 'fillcolor="#fff4d6"');
  if (node.kind === 'workload' && node.ingressIsolated === false) a.push('color="#d33"', 'penwidth=2');
  if (node.members.length > 1) a.push(`tooltip=${q(node.members.join(', '))}`);
  return a.join(', ');
}

/**
 * A Graphviz digraph: one cluster per namespace, edges labelled with ports. Node ids are the
 * report's own keys (`n0`, `cluster_1`); every text is a quoted `dotString`, never an HTML-like
 * label, so the input adds no node, edge or attribute.
 */
export function renderDot(report: GroupedReport): string {
  const out = [
    'digraph netpol {',
    '  rankdir=LR;',
    `  label=${q(report.title)};`,
    '  labelloc=t;',
    '  node [shape=box, fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  if (report.any) out.push(`  any [${attrs(report.any)}];`);
  report.namespaces.forEach((ns, i) => {
    out.push(`  subgraph cluster_${i} {`, `    label=${q(ns.name)};`, '    style=rounded;');
    for (const node of ns.nodes) out.push(`    ${node.key} [${attrs(node)}];`);
    out.push('  }');
  });
  for (const node of report.externals) out.push(`  ${node.key} [${attrs(node)}];`);
  for (const e of report.edges) out.push(`  ${e.from} -> ${e.to} [label=${q(e.ports)}];`);
  out.push('}');
  return out.join('\n') + '\n';
}
