/**
 * The HTML report with hostile text, rendered by a real browser (Debian's `chromium`, headless,
 * its script running): the page has the elements it has for benign text, no comment and no
 * element or attribute from the text, and the text is one text node (or one attribute value)
 * where it belongs. Every namespace is opened (its drill-down drawn) and every "+N more" clicked
 * before the page is walked. Skips, saying why, when chromium is not installed:
 * apt-get install -y chromium. Without a browser, output-escaping.test.ts checks the page and
 * its data block strictly.
 */
import { describeWithChromium, inPage } from './chromium';
import { shopModel } from './fixtures';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';
import { ReportModel } from '../../src/report/report-model';
import { visibleText } from '../../src/text';

/** A node of the rendered page: an element (tag and attributes), a text node, or a comment. */
type DomNode = { element: string; attrs: Record<string, string> } | { text: string } | { comment: string };

/** opens every namespace, clicks every "+N more", then lists every node of the document */
const WALK = `
  for (const d of doc.querySelectorAll('details')) { d.open = true; d.dispatchEvent(new win.Event('toggle')); }
  for (const b of doc.querySelectorAll('button.more')) b.click();
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
  return out;`;

function renderedInChromium(html: string): DomNode[] {
  return inPage<DomNode[]>(html, WALK);
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

describeWithChromium('html-dom')('the HTML report with hostile text, rendered by chromium', () => {
  const shown = visibleText(HOSTILE);
  let hostile: DomNode[];
  let benign: DomNode[];
  beforeAll(() => {
    hostile = renderedInChromium(renderHtml(groupReport(shopWith(HOSTILE))));
    benign = renderedInChromium(renderHtml(groupReport(shopWith('helper'))));
  }, 120_000);

  const elements = (nodes: DomNode[]) => nodes.flatMap((n) => ('element' in n ? [n.element] : []));
  const texts = (nodes: DomNode[]) => nodes.flatMap((n) => ('text' in n ? [n.text] : []));
  /** the text of the node following the element matched by `where` */
  const textAfter = (nodes: DomNode[], where: (n: { element: string; attrs: Record<string, string> }) => boolean) => {
    const i = nodes.findIndex((n) => 'element' in n && where(n));
    const next = nodes[i + 1];
    return i >= 0 && next && 'text' in next ? next.text : undefined;
  };

  test('the same elements as for a benign name; only the page\'s own two scripts; no image, comment or attribute from the text', () => {
    // namespaces sort differently with the hostile name: the same elements, in another order
    expect([...elements(hostile)].sort()).toEqual([...elements(benign)].sort());
    expect(elements(hostile).filter((e) => e === 'script')).toHaveLength(2);
    expect(elements(hostile)).not.toContain('img');
    expect(hostile.filter((n) => 'comment' in n)).toEqual([]);
    const attrNames = (nodes: DomNode[]) => nodes.flatMap((n) => ('element' in n ? Object.keys(n.attrs) : [])).sort();
    expect(attrNames(hostile)).toEqual(attrNames(benign));
    expect(attrNames(hostile)).not.toContain('onmouseover');
    expect(attrNames(hostile)).not.toContain('onerror');
  });

  test('the title, the heading, the graph, the tables: each text one text node, shown as written (invisible characters as escapes)', () => {
    expect(textAfter(hostile, (n) => n.element === 'title')).toBe(`Reachability: ${shown}`);
    expect(textAfter(hostile, (n) => n.element === 'h1')).toBe(`Reachability: ${shown}`);
    expect(texts(hostile)).toContain(shown); // the workload's node label in the graph
    expect(texts(hostile)).toContain(`namespace ${shown}-ns`); // its namespace's box
    expect(texts(hostile)).toContain(`shop/${shown}`); // its cell in the connection table
    expect(texts(hostile)).toContain(`${shown}-ns/prometheus`);
    expect(texts(hostile)).toContain(`spec.${shown}`); // the field path in <code>
    expect(texts(hostile)).toContain(`reason ${shown}`);
    // the escapes are visible text: no raw ESC, newline or bidi override in any text node from the data
    for (const t of texts(hostile)) expect(t).not.toMatch(/[\u001b\u202e]/);
  });

  test('attribute values hold the text whole: the graph\'s aria-label, the namespace\'s data-ns', () => {
    const svg = hostile.find((n) => 'element' in n && n.element === 'svg') as { attrs: Record<string, string> };
    expect(svg.attrs['aria-label']).toBe(`Reachability: ${shown}`);
    const ns = hostile.flatMap((n) => ('element' in n && n.element === 'details' && n.attrs['data-ns'] !== undefined ? [n.attrs['data-ns']] : []));
    expect(ns).toContain(`${shown}-ns`);
  });
});
