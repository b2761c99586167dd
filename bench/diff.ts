/**
 * The diff at scale (issue 13): a generated cluster (bench/cluster.ts) against a change of it
 * that widens, narrows and opens connections in many namespaces, both sides analysed by the
 * engine, compared (report/connection-diff.ts) and rendered as the pull-request comment
 * (report/diff-markdown.ts): its size against the 65,536 characters a comment holds.
 * Run by bench/run.ts in a child of its own:  diff.ts WORKLOADS...  (one JSON line on stdout)
 */
import { generateCluster } from './cluster';
import { Analysis, Inventory } from '../src/engine';
import { diffConnections, diffSide } from '../src/report/connection-diff';
import { renderDiffJson } from '../src/report/diff-json';
import { PR_COMMENT_LIMIT, renderDiffMarkdown } from '../src/report/diff-markdown';
import { diffCounts } from '../src/report/diff-text';

export interface DiffRow {
  readonly workloads: number;
  readonly opened: number;
  readonly closed: number;
  readonly markdownChars: number;
  readonly jsonBytes: number;
  readonly ms: number;
  readonly peakRssMB: number;
  readonly met: boolean;
}

/**
 * The change: in every third team namespace the backend's ingress loses its port list (a
 * widening), in every fifth the data tier's ingress policy is dropped, in every eleventh the
 * default-deny (both open), in every seventh the frontend's egress trades port 8080 for 8443
 * (opens one port, closes another).
 */
export function changed(manifests: readonly any[]): any[] {
  const team = (m: any) => Number(/^team-(\d+)$/.exec(m.metadata?.namespace ?? '')?.[1] ?? -1);
  const out: any[] = [];
  for (const m of manifests) {
    const k = team(m);
    if (m.kind !== 'NetworkPolicy' || k < 0) {
      out.push(m);
      continue;
    }
    const copy = JSON.parse(JSON.stringify(m));
    if (m.metadata.name === 'backend-ingress' && k % 3 === 0) for (const r of copy.spec.ingress) delete r.ports;
    if (m.metadata.name === 'data-ingress' && k % 5 === 0) continue;
    if (m.metadata.name === 'default-deny' && k % 11 === 0) continue;
    if (m.metadata.name === 'frontend' && k % 7 === 0) copy.spec.egress[0].ports = [{ protocol: 'TCP', port: 8443 }];
    out.push(copy);
  }
  return out;
}

function analyse(manifests: readonly any[]) {
  const inventory = new Inventory();
  for (const m of manifests) inventory.addManifest(m);
  return diffSide(new Analysis(inventory));
}

export function benchDiff(workloads: number): DiffRow {
  const cluster = generateCluster(workloads);
  const started = process.hrtime.bigint();
  const old = analyse(cluster.manifests);
  const next = analyse(changed(cluster.manifests));
  const changes = diffConnections(old.connections, next.connections, { before: old.endpoints, after: next.endpoints });
  const md = renderDiffMarkdown(changes);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const counts = diffCounts(changes);
  return {
    workloads: cluster.workloads,
    opened: counts.opened,
    closed: counts.closed,
    markdownChars: md.length,
    jsonBytes: Buffer.byteLength(renderDiffJson(changes)),
    ms: Math.round(ms),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    met: md.length <= PR_COMMENT_LIMIT,
  };
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  process.stdout.write(JSON.stringify((sizes.length ? sizes : [500]).map(benchDiff)) + '\n');
}
