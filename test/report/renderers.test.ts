import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { bigModel, shopModel } from './fixtures';
import { buildReport } from '../../src/report/build';
import { renderDot } from '../../src/report/dot';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';
import { renderJson } from '../../src/report/json';
import { renderMarkdown } from '../../src/report/markdown';
import { reportMatrix } from '../../src/report/matrix';
import { renderMermaid } from '../../src/report/mermaid';
import { nodeTitle } from '../../src/report/report-model';

describe('grouping', () => {
  test('a workload every endpoint reaches is drawn with one edge from "anywhere"', () => {
    // GIVEN frontend is not isolated for ingress: everything reaches it
    const report = groupReport(shopModel());
    // THEN there is an anywhere node and one edge from it to frontend
    const frontend = [...report.nodes.values()].find((n) => n.label === 'frontend')!;
    expect(report.any).toBeDefined();
    expect(report.edges.filter((e) => e.to === frontend.key)).toEqual([{ from: 'any', to: frontend.key, ports: 'all traffic' }]);
  });

  test('identical workloads of a namespace collapse into one node; 50 workloads stay small', () => {
    const report = groupReport(bigModel(5, 10));
    expect(report.workloadCount).toBe(50);
    // api + one group of 9 workers per namespace
    expect(report.namespaces.map((n) => n.nodes.length)).toEqual([2, 2, 2, 2, 2]);
    expect(report.edges).toHaveLength(5);
    const worker = report.namespaces[0].nodes.find((n) => n.members.length === 9)!;
    expect(worker.label).toBe('worker-0, worker-1 +7 more');
  });

  test('collapse: false keeps one node per workload', () => {
    const report = groupReport(bigModel(2, 3), { collapse: false });
    expect(report.namespaces.map((n) => n.nodes.length)).toEqual([3, 3]);
    expect(report.edges).toHaveLength(4);
  });

  test('the matrix expands "anywhere" back into cells and merges identical rows', () => {
    const matrix = reportMatrix(groupReport(shopModel()));
    const cols = matrix.columns.map((c) => c.label);
    expect(cols).toEqual(['prometheus', 'backend', 'db', 'frontend', '0.0.0.0/0']);
    const row = (label: string) => matrix.rows.find((r) => r.label === label)!.cells;
    expect(row('monitoring/prometheus')).toEqual([undefined, 'TCP 9090', 'TCP 9090', 'all traffic', undefined]);
    expect(row('shop/frontend')).toEqual([undefined, 'TCP 8080', undefined, undefined, 'all traffic']);
    expect(row('0.0.0.0/0')).toEqual([undefined, undefined, undefined, 'all traffic', undefined]);
  });
});

describe('renderers', () => {
  test('markdown: matrix, connections and findings for a PR comment', () => {
    const md = renderMarkdown(groupReport(shopModel()));
    expect(md).toContain('| from \\ to | **monitoring/prometheus** | **shop/backend** | **shop/db** | **shop/frontend** | **0.0.0.0/0** |');
    expect(md).toContain('| **shop/backend** | · | · | TCP 5432 | all traffic | · |');
    expect(md).toContain('- shop/backend => shop/db : TCP 5432');
    expect(md).toContain('| ❌ error | NP006 | NetworkPolicy shop/db-ingress `spec.ingress[0].ports[0]` |');
    // a pipe in a reason must not break the table
    expect(md).toContain('- NP012 on NetworkPolicy shop/allow-web: public web \\| tier');
    expect(md).toMatchSnapshot();
  });

  test('mermaid: a flowchart with a subgraph per namespace and port labels', () => {
    const mm = renderMermaid(groupReport(shopModel()));
    expect(mm.startsWith('flowchart LR\n')).toBe(true);
    expect(mm).toContain('subgraph ns1["shop"]');
    expect(mm).toMatch(/n\d -->\|"TCP 5432"\| n\d/);
    expect(mm).toContain('any{{"anywhere"}}');
    expect(mm).toMatchSnapshot();
  });

  test('dot: a digraph with a cluster per namespace', () => {
    const dot = renderDot(groupReport(shopModel()));
    expect(dot).toContain('subgraph cluster_1 {');
    expect(dot).toContain('label="shop";');
    expect(dot).toMatch(/n\d -> n\d \[label="TCP 5432"\];/);
    expect(dot).toMatchSnapshot();
  });

  test('json: stable order', () => {
    const json = JSON.parse(renderJson(shopModel()));
    expect(json.endpoints.map((e: any) => e.id)).toEqual(['monitoring/prometheus', 'shop/backend', 'shop/db', 'shop/frontend', '0.0.0.0/0']);
    expect(json.connections[0]).toEqual({ from: 'monitoring/prometheus', to: 'shop/backend', ports: 'TCP 9090' });
    expect(json.findings.map((f: any) => f.ruleId)).toEqual(['NP006', 'NP001', 'NP012']);
  });

  test('html: one self-contained page: its data as one JSON block, its script inline and allowed by hash, dagre and its license inside', () => {
    const html = renderHtml(groupReport(shopModel()));
    // nothing fetched from the network: no external script, link, image, frame or import
    expect(html).not.toMatch(/<link|\ssrc=|@import|url\((?!#)|<iframe|<img/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1])).toEqual([' type="application/json" id="report-data"', '']);
    // the Content-Security-Policy allows exactly that script
    const hash = createHash('sha256').update(scripts[1][2], 'utf8').digest('base64');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'">`);
    // dagre, read from the bundled package, and its license notice
    const dagreDir = path.dirname(require.resolve('@dagrejs/dagre/package.json'));
    expect(scripts[1][2].startsWith(fs.readFileSync(path.join(dagreDir, 'dist', 'dagre.min.js'), 'utf8').slice(0, 500))).toBe(true);
    // no raw control character: the bundle's two U+0001 are written as escapes
    expect(scripts[1][2]).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(html).toContain('Copyright (c) 2012-2014 Chris Pettitt');
    expect(html).toContain('The graphs are laid out by dagre 3.1.3');
    // the data: every node, edge, namespace and finding of the grouped report
    const data = JSON.parse(scripts[0][2]);
    const report = groupReport(shopModel());
    expect(data.title).toBe('Reachability: shop');
    expect(data.nodes).toHaveLength(report.nodes.size);
    expect(data.edges).toHaveLength(report.edges.length);
    expect(data.namespaces.map((n: any) => n.name)).toEqual(['monitoring', 'shop']);
    expect(data.findings.map((f: any) => f[1])).toEqual(['NP006', 'NP001', 'NP012']);
    expect(data.ports).toContain('TCP 5432');
    expect(data.cluster).toBeNull();
    expect(html).toMatch(/<h1>Reachability: shop<\/h1>/);
  });

  test('html: the title is escaped; the data block holds no < > & (written \\u003c ...), and parses back to the text', () => {
    const title = '</script><!-- <b>x</b> & y';
    const html = renderHtml(groupReport({ ...shopModel(), title }));
    expect(html).toContain('<h1>&lt;/script&gt;&lt;!-- &lt;b&gt;x&lt;/b&gt; &amp; y</h1>');
    const data = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)![1];
    expect(data).not.toMatch(/[<>&]/);
    expect(JSON.parse(data).title).toBe(title);
  });

  test('html: 5,000 workloads in 500 namespaces stay small (the page is data, not pre-rendered rows)', () => {
    const html = renderHtml(groupReport(bigModel(500, 10)));
    expect(html.length).toBeLessThan(2 * 1024 * 1024);
  });

  test('50 workloads: mermaid stays short', () => {
    const mm = renderMermaid(groupReport(bigModel(5, 10)));
    expect(mm.split('\n').length).toBeLessThan(40);
  });
});

describe('built from the engine', () => {
  test('GIVEN 20 open workloads in 2 namespaces THEN the graph has 4 workload nodes and edges from "anywhere"', () => {
    const objects: any[] = [];
    for (const ns of ['a', 'b']) {
      for (let i = 0; i < 10; i++) {
        objects.push({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: `w${i}`, namespace: ns },
          spec: { template: { metadata: { labels: { app: `w${i}` } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
        });
      }
    }
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'w0-in', namespace: 'a' },
      spec: { podSelector: { matchLabels: { app: 'w0' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'w1' } } }], ports: [{ port: 80 }] }] },
    });
    const report = groupReport(buildReport(objects.map((object) => ({ object }))));
    expect(report.workloadCount).toBe(20);
    expect(report.namespaces.map((n) => n.nodes.map((x) => x.label))).toEqual([['w0', 'w1', 'w2, w3 +6 more'], ['w0, w1 +8 more']]);
    const title = (key: string) => nodeTitle(report.nodes.get(key)!);
    expect(report.edges.map((e) => `${title(e.from)} => ${title(e.to)} : ${e.ports}`)).toEqual([
      'anywhere => a/w1 : All Connections',
      'anywhere => a/w2, w3 +6 more : All Connections',
      'anywhere => b/w0, w1 +8 more : All Connections',
      'anywhere => 0.0.0.0-255.255.255.255 : All Connections',
      'a/w0 => anywhere : All Connections',
      'a/w1 => a/w0 : TCP 80',
    ]);
    // the matrix still says every cell: a/w2 reaches a/w3, w1 reaches w0 on 80 only
    const matrix = reportMatrix(report);
    const col = matrix.columns.findIndex((c) => c.label === 'w0' && c.namespace === 'a');
    expect(matrix.rows.find((r) => r.label === 'a/w1')!.cells[col]).toBe('TCP 80');
    expect(matrix.rows.find((r) => r.label.startsWith('a/') && r.label.includes('w2'))!.cells[col]).toBeUndefined();
  });
});
