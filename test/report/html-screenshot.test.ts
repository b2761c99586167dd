/**
 * The HTML report, opened in a real headless browser (Debian's `chromium`): the page renders,
 * is not blank, and shows the graph (coloured nodes) and the matrix. The screenshot is kept in
 * `test-reports/` for a human to look at.
 *
 * Skips, saying why, when chromium is not installed:  apt-get install -y chromium
 * Run it alone:  npx jest test/report/html-screenshot   (or bash test/report/html-screenshot.sh)
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodePng, pngStats } from './png';
import { readInputs } from '../../src/manifests';
import { buildReport } from '../../src/report/build';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('which', [c]).status === 0);
const WIDTH = 1280;
const HEIGHT = 1000;

function screenshot(html: string, name: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-html-'));
  const page = path.join(dir, `${name}.html`);
  const png = path.join(dir, `${name}.png`);
  fs.writeFileSync(page, html);
  execFileSync(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
    `--user-data-dir=${path.join(dir, 'profile')}`, `--screenshot=${png}`, `--window-size=${WIDTH},${HEIGHT}`,
    `file://${page}`,
  ], { stdio: 'pipe', timeout: 60_000 });
  const data = fs.readFileSync(png);
  // keep it where CI keeps test output, to look at
  fs.mkdirSync('test-reports', { recursive: true });
  fs.writeFileSync(path.join('test-reports', `${name}.png`), data);
  return data;
}

// CI installs chromium (.ci/run), so there a missing browser is a failure, not a skip.
if (!CHROMIUM && process.env.CI) {
  throw new Error('html-screenshot: no chromium on PATH in CI; .ci/run installs it with: apt-get install -y chromium');
}
const describeIfChromium = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) {
  // eslint-disable-next-line no-console
  console.warn('html-screenshot: skipped, no chromium on PATH (install it with: apt-get install -y chromium)');
}

describeIfChromium('the HTML report in headless chromium', () => {
  test('GIVEN the shop manifests THEN the page renders the graph and the matrix', () => {
    const docs = readInputs([path.join(__dirname, '..', 'lint', 'fixtures', 'pr')]);
    const model = buildReport(docs.map((d) => ({ object: d.object, file: d.source, line: d.line })), { title: 'Reachability: shop' });
    const png = decodePng(screenshot(renderHtml(groupReport(model)), 'report-shop'));

    expect(png.width).toBe(WIDTH);
    expect(png.height).toBe(HEIGHT);
    const all = pngStats(png);
    // not blank: plenty of ink, many colours, real contrast
    expect(all.variance).toBeGreaterThan(200);
    expect(all.colours).toBeGreaterThan(50);
    expect(all.nonWhiteFraction).toBeGreaterThan(0.02);
    // the graph (top of the page) has the light-blue workload nodes
    const graph = pngStats(png, { x: 0, y: 150, w: WIDTH, h: 300 });
    expect(graph.bluish).toBeGreaterThan(500);
  });

  test('50 workloads in 5 namespaces stay readable: the page is not a wall of ink', () => {
    const endpoints = [];
    const edges = [];
    for (let n = 0; n < 5; n++) {
      for (let i = 0; i < 10; i++) {
        const id = `team-${n}/svc-${i}`;
        endpoints.push({ id, kind: 'workload' as const, namespace: `team-${n}`, name: `svc-${i}`, ingressIsolated: i !== 0, egressIsolated: true });
        if (i > 1) edges.push({ from: id, to: `team-${n}/svc-1`, ports: 'TCP 8080' });
      }
    }
    const png = decodePng(screenshot(renderHtml(groupReport({ title: 'Reachability: 50 workloads', endpoints, edges, findings: [] })), 'report-50'));
    const all = pngStats(png);
    expect(all.variance).toBeGreaterThan(100);
    expect(all.nonWhiteFraction).toBeLessThan(0.6);
  });
});
