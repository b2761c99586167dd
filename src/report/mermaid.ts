import { GroupedReport, ReportNode } from './report-model';
import { mermaidLabel } from '../text';

function shape(node: ReportNode): string {
  const label = mermaidLabel(node.label);
  if (node.kind === 'any') return `${node.key}{{${label}}}`;
  if (node.kind === 'external') return `${node.key}([${label}])`;
  return `${node.key}[${label}]`;
}

/**
 * A Mermaid `flowchart` GitHub renders inline: one subgraph per namespace, external ranges as
 * rounded nodes, edges labelled with ports. Node ids are the report's own keys (`n0`, `ns1`);
 * every text is a quoted `mermaidLabel`, so the input adds no statement, comment or link.
 */
export function renderMermaid(report: GroupedReport): string {
  const out = ['flowchart LR'];
  if (report.any) out.push(`  ${shape(report.any)}`);
  report.namespaces.forEach((ns, i) => {
    out.push(`  subgraph ns${i}[${mermaidLabel(ns.name)}]`);
    for (const node of ns.nodes) out.push(`    ${shape(node)}`);
    out.push('  end');
  });
  for (const node of report.externals) out.push(`  ${shape(node)}`);
  for (const e of report.edges) out.push(`  ${e.from} -->|${mermaidLabel(e.ports)}| ${e.to}`);
  const open = [...report.nodes.values()].filter((n) => n.kind === 'workload' && n.ingressIsolated === false).map((n) => n.key);
  out.push('  classDef external fill:#f4f4f4,stroke:#999,stroke-dasharray:4 3');
  out.push('  classDef any fill:#fff4d6,stroke:#c90');
  out.push('  classDef open stroke:#d33,stroke-width:2px');
  const ext = report.externals.map((n) => n.key);
  if (ext.length > 0) out.push(`  class ${ext.join(',')} external`);
  if (report.any) out.push('  class any any');
  if (open.length > 0) out.push(`  class ${open.join(',')} open`);
  return out.join('\n') + '\n';
}
