/**
 * Report benchmark (issue 13, item 2): the reports of the engine benchmark's generated
 * multi-team clusters (bench/cluster.ts), as `cdk8s-netpol report` writes them.
 *
 * - Markdown of 500 workloads: its size in characters (JS string length) and UTF-8 bytes; the
 *   target is a GitHub pull-request comment, 65,536.
 * - Mermaid of 500 workloads: characters and edges; GitHub renders up to 50,000 and 500.
 * - HTML of 5,000 workloads: its size (target <= 10 MB) and its load in headless chromium (the
 *   same flags as the tests, `--dump-dom`, which returns once the page has loaded and its script
 *   has drawn it): the wall time of the whole browser run (start-up included; target < 10 s) and
 *   the time the page's own script took (`data-render-ms`). Without chromium: not measured.
 *
 * Run alone (prints one JSON line):
 *   node -r ts-node/register/transpile-only bench/report-size.ts [MD_WORKLOADS=500] [HTML_WORKLOADS=5000]
 * with TS_NODE_PROJECT=test/tsconfig.json, as `npm run bench` runs its children.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCluster } from './cluster';
import { buildReport } from '../src/report/build';
import { groupReport } from '../src/report/group';
import { renderHtml } from '../src/report/html';
import { PR_COMMENT_LIMIT, renderMarkdown } from '../src/report/markdown';
import { MERMAID_MAX_CHARS, MERMAID_MAX_EDGES, renderMermaid } from '../src/report/mermaid';

export const REPORT_TARGET = {
  mdChars: PR_COMMENT_LIMIT,
  mermaidChars: MERMAID_MAX_CHARS,
  mermaidEdges: MERMAID_MAX_EDGES,
  htmlBytes: 10_000_000,
  htmlLoadMs: 10_000,
};

export interface ReportSizeResult {
  readonly md: {
    readonly workloads: number;
    readonly connections: number;
    readonly chars: number;
    readonly bytes: number;
    readonly buildMs: number;
    readonly renderMs: number;
    readonly met: boolean;
  };
  readonly mermaid: {
    readonly workloads: number; readonly chars: number; readonly edges: number; readonly aggregated: boolean; readonly met: boolean;
  };
  readonly html: {
    readonly workloads: number;
    readonly connections: number;
    readonly bytes: number;
    readonly buildMs: number;
    readonly renderMs: number;
    readonly sizeMet: boolean;
    /** undefined without chromium */
    readonly load?: { readonly wallMs: number; readonly pageScriptMs: number; readonly runsMs: number[]; readonly met: boolean };
  };
}

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('which', [c]).status === 0);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** one chromium run on the page: wall time, and the time its script says it took */
function loadInChromium(page: string): { wallMs: number; pageScriptMs: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-bench-chromium-'));
  const t = performance.now();
  const dumped = execFileSync(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${path.join(dir, 'profile')}`, '--window-size=1280,1000', '--dump-dom', `file://${page}`,
  ], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000, maxBuffer: 512 * 1024 * 1024 }).toString();
  const wallMs = performance.now() - t;
  fs.rmSync(dir, { recursive: true, force: true });
  const m = /data-render-ms="(\d+)"/.exec(dumped);
  if (!m || !dumped.includes('data-rendered="true"')) throw new Error('the HTML report did not render in chromium');
  return { wallMs, pageScriptMs: Number(m[1]) };
}

export function benchReportSize(mdWorkloads: number, htmlWorkloads: number, loads = 3): ReportSizeResult {
  const small = generateCluster(mdWorkloads);
  const [smallModel, smallBuildMs] = timed(() => buildReport(small.manifests.map((object) => ({ object }))));
  const [md, mdMs] = timed(() => renderMarkdown(groupReport(smallModel)));
  const mm = renderMermaid(groupReport(smallModel));
  const mmEdges = mm.split('\n').filter((l) => / -->\|/.test(l)).length;

  const big = generateCluster(htmlWorkloads);
  const [bigModel, bigBuildMs] = timed(() => buildReport(big.manifests.map((object) => ({ object }))));
  const [html, htmlMs] = timed(() => renderHtml(groupReport(bigModel)));
  const bytes = Buffer.byteLength(html, 'utf8');
  let load: ReportSizeResult['html']['load'];
  if (CHROMIUM) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-bench-html-'));
    const page = path.join(dir, 'report.html');
    fs.writeFileSync(page, html);
    loadInChromium(page); // warm-up: the first start of a browser reads its files from disk
    const runs = Array.from({ length: loads }, () => loadInChromium(page));
    fs.rmSync(dir, { recursive: true, force: true });
    const wallMs = median(runs.map((r) => r.wallMs));
    const pageScriptMs = median(runs.map((r) => r.pageScriptMs));
    load = { wallMs, pageScriptMs, runsMs: runs.map((r) => Math.round(r.wallMs)), met: wallMs < REPORT_TARGET.htmlLoadMs };
  }
  return {
    md: {
      workloads: small.workloads,
      connections: smallModel.edges.length,
      chars: md.length,
      bytes: Buffer.byteLength(md, 'utf8'),
      buildMs: smallBuildMs,
      renderMs: mdMs,
      met: md.length <= REPORT_TARGET.mdChars && Buffer.byteLength(md, 'utf8') <= REPORT_TARGET.mdChars,
    },
    mermaid: {
      workloads: small.workloads,
      chars: mm.length,
      edges: mmEdges,
      aggregated: mm.includes('%% Aggregated to namespaces'),
      met: mm.length <= REPORT_TARGET.mermaidChars && mmEdges <= REPORT_TARGET.mermaidEdges,
    },
    html: {
      workloads: big.workloads,
      connections: bigModel.edges.length,
      bytes,
      buildMs: bigBuildMs,
      renderMs: htmlMs,
      sizeMet: bytes <= REPORT_TARGET.htmlBytes,
      load,
    },
  };
}

if (require.main === module) {
  const [md, html] = process.argv.slice(2).map(Number);
  process.stdout.write(JSON.stringify(benchReportSize(md || 500, html || 5000)) + '\n');
}
