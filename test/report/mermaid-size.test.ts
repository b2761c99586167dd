/**
 * Mermaid within GitHub's defaults (50,000 characters, 500 edges) whatever the size (issue 13,
 * item 2): the workload graph when it fits, else the graph of namespaces with a note saying so.
 */
import { bigModel, shopModel } from './fixtures';
import { generateCluster } from '../../bench/cluster';
import { buildReport } from '../../src/report/build';
import { groupReport } from '../../src/report/group';
import { MERMAID_MAX_CHARS, MERMAID_MAX_EDGES, renderMermaid } from '../../src/report/mermaid';
import { ReportModel } from '../../src/report/report-model';

const edgesOf = (mm: string) => mm.split('\n').filter((l) => / -->\|/.test(l));
/** the connection counts of the namespace edges' labels */
const counts = (mm: string) => edgesOf(mm).map((l) => Number(/-->\|"([\d,]+) connections?/.exec(l)![1].replace(/,/g, '')));

describe('GIVEN a generated multi-team cluster of 500 workloads', () => {
  const model = buildReport(generateCluster(500).manifests.map((object) => ({ object })));
  const report = groupReport(model);
  const mm = renderMermaid(report);

  test('THEN the flowchart is within 50,000 characters and 500 edges, aggregated to namespaces, and says so', () => {
    expect(report.edges.length).toBeGreaterThan(MERMAID_MAX_EDGES); // the workload graph would not fit
    expect(mm.length).toBeLessThanOrEqual(MERMAID_MAX_CHARS);
    expect(edgesOf(mm).length).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
    expect(mm.startsWith('flowchart LR\n  %% Aggregated to namespaces')).toBe(true);
    expect(mm).toContain(`  note["Aggregated to namespaces: the workload graph #40;${report.nodes.size} nodes, 1,879 edges#41;`);
    expect(mm).toContain('ns3["team-0 #40;10 workloads#41;"]');
  });
});

describe('aggregation', () => {
  test('GIVEN 60 namespaces of 10 workloads (over 500 edges) THEN one node per namespace, and the counts add up to every connection', () => {
    const model = bigModel(60, 10);
    const wide: ReportModel = { ...model, edges: [...model.edges, ...Array.from({ length: 60 }, (_, i) => ({ from: `team-${i}/api`, to: `team-${(i + 1) % 60}/worker-0`, ports: 'TCP 80' }))] };
    const report = groupReport(wide, { collapse: false });
    expect(report.edges.length).toBeGreaterThan(MERMAID_MAX_EDGES);
    const mm = renderMermaid(report);
    expect(mm.split('\n').filter((l) => /^ {2}ns\d+\["/.test(l))).toHaveLength(60);
    expect(counts(mm).reduce((a, b) => a + b, 0)).toBe(wide.edges.length);
    expect(mm).toContain('ns0 -->|"9 connections: TCP 443"| ns0');
    expect(mm).not.toContain('left out');
  });

  test('GIVEN 700 namespaces talking in a ring THEN the 500 heaviest namespace pairs, and the note says how many are left out', () => {
    const model = bigModel(700, 3);
    const ring: ReportModel = { ...model, edges: [...model.edges, ...Array.from({ length: 700 }, (_, i) => ({ from: `team-${i}/api`, to: `team-${(i + 1) % 700}/api`, ports: 'TCP 80' }))] };
    const mm = renderMermaid(groupReport(ring));
    expect(edgesOf(mm).length).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
    expect(mm.length).toBeLessThanOrEqual(MERMAID_MAX_CHARS);
    // the heaviest first: every namespace's own 2 connections outweigh the ring's 1
    expect(counts(mm).slice(0, 3)).toEqual([2, 2, 2]);
    expect(mm).toMatch(/the [\d,]+ lightest of 1,400 namespace pairs are left out/);
  });

  test('GIVEN smaller limits THEN they hold too', () => {
    const mm = renderMermaid(groupReport(bigModel(50, 4)), { maxChars: 3000, maxEdges: 20 });
    expect(mm.length).toBeLessThanOrEqual(3000);
    expect(edgesOf(mm).length).toBeLessThanOrEqual(20);
  });

  test('GIVEN a hostile namespace name THEN the aggregated graph has only the renderer\'s statements, every text a quoted label', () => {
    const hostile = '"] --> ns0\n  click ns0 "http://evil"\n%%{init: {"securityLevel":"loose"}}%%\n</script>';
    const model: ReportModel = JSON.parse(JSON.stringify(bigModel(3, 4)).replace(/team-1/g, JSON.stringify(hostile).slice(1, -1)));
    const mm = renderMermaid(groupReport(model), { maxEdges: 1 });
    const skeleton = mm.split('\n').map((l) => l.replace(/"[^"]*"/g, '"S"'));
    for (const line of skeleton) {
      expect(line).toMatch(/^(flowchart LR|  %% [\x20-\x7e]*|  note\["S"\]|  ns\d+\["S"\]|  ext\(\["S"\]\)|  any\{\{"S"\}\}|  (ns\d+|ext|any) -->\|"S"\| (ns\d+|ext|any)|  classDef .*|  class (ext|any|note) \w+|)$/);
    }
    expect(mm.split('\n').find((l) => l.startsWith('  %%'))).not.toContain('evil');
  });

  test('GIVEN the shop THEN the workload graph, no note', () => {
    const mm = renderMermaid(groupReport(shopModel()));
    expect(mm).not.toContain('note');
    expect(mm).toContain('subgraph ns1["shop"]');
  });
});
