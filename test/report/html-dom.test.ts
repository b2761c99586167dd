/**
 * The HTML report with hostile text, parsed by a real browser (Debian's `chromium`, headless):
 * the page has the elements it has for benign text, no comment and no element from the text,
 * and the text is one text node (or one attribute value) where it belongs.
 *
 * The report is parsed by `DOMParser` in a harness page (the report itself runs no script: its
 * Content-Security-Policy forbids them); the harness writes what it found into its body, which
 * `chromium --dump-dom` prints. Skips, saying why, when chromium is not installed:
 * apt-get install -y chromium. Without a browser, output-escaping.test.ts checks the tags strictly.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { shopModel } from './fixtures';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';
import { ReportModel } from '../../src/report/report-model';
import { visibleText } from '../../src/text';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('which', [c]).status === 0);

/** A node of the parsed page: an element (tag and attributes), a text node, or a comment. */
type DomNode = { element: string; attrs: Record<string, string> } | { text: string } | { comment: string };

/** The harness: parses `html` with the browser's parser and lists every node, base64-encoded JSON in its body. */
function harness(html: string): string {
  const source = JSON.stringify(html).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html><body><script>
const doc = new DOMParser().parseFromString(${source}, 'text/html');
const out = [];
const walk = (n) => {
  if (n.nodeType === 1) {
    const attrs = {};
    for (const a of n.attributes) attrs[a.name] = a.value;
    out.push({ element: n.localName, attrs });
  } else if (n.nodeType === 3) {
    out.push({ text: n.data });
  } else if (n.nodeType === 8) {
    out.push({ comment: n.data });
  }
  for (const c of n.childNodes) walk(c);
};
walk(doc.documentElement);
document.body.textContent = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(out))));
</script></body></html>`;
}

function parseInChromium(html: string): DomNode[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-dom-'));
  const page = path.join(dir, 'harness.html');
  fs.writeFileSync(page, harness(html));
  const dumped = execFileSync(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${path.join(dir, 'profile')}`, '--dump-dom', `file://${page}`,
  ], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  const encoded = /<body>\s*([A-Za-z0-9+/=]+)\s*<\/body>/.exec(dumped);
  if (!encoded) throw new Error(`the harness did not run: ${dumped.slice(0, 500)}`);
  return JSON.parse(Buffer.from(encoded[1], 'base64').toString('utf8'));
}

function shopWith(text: string): ReportModel {
  const j = (s: string) => JSON.stringify(s).slice(1, -1);
  return JSON.parse(JSON.stringify(shopModel())
    .replace(/frontend/g, j(text))
    .replace(/monitoring/g, j(`${text}-ns`))
    .replace(/Reachability: shop/g, j(`Reachability: ${text}`))
    .replace(/public web \| tier/g, j(`reason ${text}`))
    .replace(/spec\.ingress\[0\]\.ports\[0\]/g, j(`spec.${text}`)));
}

const HOSTILE = 'x</title></text></svg></td></table><script>alert(1)</script><img src=x onerror=alert(2)>' +
  '<!-- hidden -->" onmouseover="alert(3)\' &lt;b&gt; &amp;\n\u001b[31m\u202eevil';

if (!CHROMIUM && process.env.CI) {
  throw new Error('html-dom: no chromium on PATH in CI; .ci/run installs it with: apt-get install -y chromium');
}
const describeIfChromium = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) {
  // eslint-disable-next-line no-console
  console.warn('html-dom: skipped, no chromium on PATH (install it with: apt-get install -y chromium)');
}

describeIfChromium('the HTML report with hostile text, parsed by chromium', () => {
  const shown = visibleText(HOSTILE);
  let hostile: DomNode[];
  let benign: DomNode[];
  beforeAll(() => {
    hostile = parseInChromium(renderHtml(groupReport(shopWith(HOSTILE))));
    benign = parseInChromium(renderHtml(groupReport(shopWith('helper'))));
  }, 120_000);

  const elements = (nodes: DomNode[]) => nodes.flatMap((n) => ('element' in n ? [n.element] : []));
  const texts = (nodes: DomNode[]) => nodes.flatMap((n) => ('text' in n ? [n.text] : []));
  /** the text of the node following the element matched by `where` */
  const textAfter = (nodes: DomNode[], where: (n: { element: string; attrs: Record<string, string> }) => boolean) => {
    const i = nodes.findIndex((n) => 'element' in n && where(n));
    const next = nodes[i + 1];
    return i >= 0 && next && 'text' in next ? next.text : undefined;
  };

  test('the same elements as for a benign name; no script, image, comment or attribute from the text', () => {
    expect(elements(hostile)).toEqual(elements(benign));
    expect(elements(hostile)).not.toContain('script');
    expect(elements(hostile)).not.toContain('img');
    expect(hostile.filter((n) => 'comment' in n)).toEqual([]);
    const attrNames = (nodes: DomNode[]) => nodes.flatMap((n) => ('element' in n ? Object.keys(n.attrs) : [])).sort();
    expect(attrNames(hostile)).toEqual(attrNames(benign));
    expect(attrNames(hostile)).not.toContain('onmouseover');
    expect(attrNames(hostile)).not.toContain('onerror');
  });

  test('the title, the heading and the SVG label are each one text node with the text as written', () => {
    expect(textAfter(hostile, (n) => n.element === 'title')).toBe(`Reachability: ${shown}`);
    expect(textAfter(hostile, (n) => n.element === 'h1')).toBe(`Reachability: ${shown}`);
    expect(texts(hostile)).toContain(shown); // the workload's node label in the SVG
    expect(texts(hostile)).toContain(`namespace ${shown}-ns`);
    expect(texts(hostile)).toContain(`shop/${shown}`); // its matrix column and row
    expect(texts(hostile)).toContain(`spec.${shown}`); // the field path in <code>
    expect(texts(hostile)).toContain(`reason ${shown}`);
    // the escapes are visible text: no raw ESC, newline or bidi override in any text node
    for (const t of texts(hostile)) expect(t).not.toMatch(/[\u001b\u202e]/);
  });

  test('attribute values hold the text whole: the aria-label and the column titles', () => {
    const svg = hostile.find((n) => 'element' in n && n.element === 'svg') as { attrs: Record<string, string> };
    expect(svg.attrs['aria-label']).toBe(`Reachability: ${shown}`);
    const titles = hostile.flatMap((n) => ('element' in n && n.element === 'th' && n.attrs.title !== undefined ? [n.attrs.title] : []));
    expect(titles).toContain(shown);
  });
});
