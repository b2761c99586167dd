/**
 * The HTML report in a real headless browser (Debian's `chromium`) at 50 and 5,000 workloads:
 * the page renders (its script ran), stays under 10 MB, shows a graph laid out by dagre (not
 * everything in one column), and is not blank. The screenshots are kept in `test-reports/` for a
 * human to look at. The load time is measured by the bench (`npm run bench`), not here.
 *
 * Skips, saying why, when chromium is not installed:  apt-get install -y chromium
 * Run it alone:  npx jest test/report/html-screenshot   (or bash test/report/html-screenshot.sh)
 */
import * as path from 'path';
import { describeWithChromium, HEIGHT, inPage, screenshot, WIDTH } from './chromium';
import { teamsModel } from './fixtures';
import { decodePng, pngStats } from './png';
import { readInputs } from '../../src/manifests';
import { buildReport } from '../../src/report/build';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';

/** what the page shows: rendered, the overview graph's nodes (x positions per cluster), the namespaces */
const OVERVIEW = `
  const svg = doc.querySelector('#overview svg');
  const titles = [...svg.querySelectorAll('g.ctitle text')].map((t) => t.textContent);
  const clusters = [...svg.querySelectorAll('g.cluster')].map((c, i) => {
    const r = c.querySelector('rect');
    const box = { x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') };
    const xs = new Set();
    for (const n of svg.querySelectorAll('g.node rect')) {
      const x = +n.getAttribute('x'), y = +n.getAttribute('y');
      if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h) xs.add(Math.round(x));
    }
    return { title: titles[i], columns: xs.size };
  });
  return {
    rendered: doc.documentElement.getAttribute('data-rendered'),
    nodes: svg.querySelectorAll('g.node').length,
    edges: svg.querySelectorAll('path.edge').length,
    labels: [...svg.querySelectorAll('g.node text')].map((t) => t.textContent),
    clusters,
    namespaces: doc.querySelectorAll('details.ns').length,
    rows: doc.querySelectorAll('#app > .edges tbody tr').length,
    note: doc.querySelector('#app > p.summary').textContent,
  };`;

describeWithChromium('html-screenshot')('the HTML report in headless chromium', () => {
  test('GIVEN the shop manifests THEN the page renders the graph: workloads in namespace boxes, coloured nodes', () => {
    const docs = readInputs([path.join(__dirname, '..', 'lint', 'fixtures', 'pr')]);
    const model = buildReport(docs.map((d) => ({ object: d.object, file: d.source, line: d.line })), { title: 'Reachability: shop' });
    const html = renderHtml(groupReport(model));
    const page = inPage(html, OVERVIEW);
    expect(page.rendered).toBe('true');
    expect(page.clusters.map((c: any) => c.title)).toContain('namespace shop');
    expect(page.nodes).toBeGreaterThanOrEqual(3);
    const png = decodePng(screenshot(html, 'report-shop'));
    expect(png.width).toBe(WIDTH);
    expect(png.height).toBe(HEIGHT);
    const all = pngStats(png);
    expect(all.variance).toBeGreaterThan(200);
    expect(all.colours).toBeGreaterThan(50);
    expect(all.nonWhiteFraction).toBeGreaterThan(0.02);
    // the graph (below the search bar) has the light-blue workload nodes
    expect(pngStats(png, { x: 0, y: 250, w: WIDTH, h: 400 }).bluish).toBeGreaterThan(500);
  });

  test('GIVEN 50 workloads in 5 teams (+ infrastructure) THEN one workload graph, each namespace spread over several columns', () => {
    const report = groupReport(teamsModel(5, 9));
    expect(report.workloadCount).toBe(48);
    const html = renderHtml(report);
    const page = inPage(html, OVERVIEW);
    expect(page.rendered).toBe('true');
    expect(page.nodes).toBe(report.nodes.size);
    expect(page.edges).toBe(report.edges.length);
    const teams = page.clusters.filter((c: any) => c.title.startsWith('namespace team-'));
    expect(teams).toHaveLength(5);
    // web -> api -> db inside one namespace: dagre ranks them, not one column
    for (const c of teams) expect(c.columns).toBeGreaterThanOrEqual(3);
    const png = decodePng(screenshot(html, 'report-50'));
    const all = pngStats(png);
    expect(all.variance).toBeGreaterThan(100);
    expect(all.nonWhiteFraction).toBeLessThan(0.6);
    expect(pngStats(png, { x: 0, y: 250, w: WIDTH, h: 600 }).bluish).toBeGreaterThan(500);
  });

  test('GIVEN 5,000 workloads in 500 teams THEN under 10 MB, the graph of the 30 busiest namespaces, 200 rows at first, every namespace listed', () => {
    const report = groupReport(teamsModel(500, 10));
    expect(report.workloadCount).toBe(5003);
    const html = renderHtml(report);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThanOrEqual(10_000_000);
    const page = inPage(html, OVERVIEW);
    expect(page.rendered).toBe('true');
    expect(page.namespaces).toBe(503);
    expect(page.rows).toBe(200);
    expect(page.labels).toContain('473 other namespaces');
    expect(page.labels).toContain('outside the cluster');
    expect(page.labels.filter((l: string) => /^(team-\d+|kube-system|monitoring|ingress-nginx) \(\d+\)$/.test(l))).toHaveLength(30);
    const png = decodePng(screenshot(html, 'report-5000'));
    const all = pngStats(png);
    expect(all.variance).toBeGreaterThan(100);
    expect(all.colours).toBeGreaterThan(50);
    expect(all.nonWhiteFraction).toBeLessThan(0.6);
  }, 180_000);
});
