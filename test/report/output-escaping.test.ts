/**
 * Every renderer given a report whose names, namespaces, ports, title, messages, field paths
 * and suppression reasons were written by an attacker (issue 11, item 1): the output has the
 * structure it has for benign text, and shows the hostile text as literal text where it belongs.
 */
import { shopModel } from './fixtures';
import { inlineText, markdownNodes, outline } from './markdown-structure';
import { ConnSet } from '../../src/engine/conn-set';
import { ruleDocs } from '../../src/lint/runner';
import { diffConnections } from '../../src/report/connection-diff';
import { renderDiffJson } from '../../src/report/diff-json';
import { renderDiffMarkdown } from '../../src/report/diff-markdown';
import { renderDiffText } from '../../src/report/diff-text';
import { renderDot } from '../../src/report/dot';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';
import { renderJson } from '../../src/report/json';
import { renderFindingsMarkdown, renderMarkdown } from '../../src/report/markdown';
import { renderMermaid } from '../../src/report/mermaid';
import { ReportModel } from '../../src/report/report-model';
import { artifactUri, renderSarif } from '../../src/report/sarif';
import { htmlText, visibleText } from '../../src/text';

/** The name of issue 11: rendered raw, the comment says "No changes" and hides the rest. */
export const INJECTION = 'helper\n```\n\n**No changes in connectivity.**\n\n<!--';
/** How a reader sees it once escaped: one line, the line breaks as `\n`. */
const INJECTION_SHOWN = 'helper\\n```\\n\\n**No changes in connectivity.**\\n\\n<!--';

/** Strings an attacker writes, each aimed at one or more formats. */
const HOSTILE: [string, string][] = [
  ['the issue 11 name', INJECTION],
  ['ANSI and OSC 8 sequences', 'db\u001b[2J\u001b[31m\u001b]8;;http://evil\u0007click\u001b]8;;\u0007\u009b0m\u007f'],
  ['bidi overrides and isolates', 'ok\u202e\u2066exe.txt\u2069\u200f\u2028\u2029'],
  ['Markdown and HTML', '<img src=x onerror=alert(1)> | [link](http://evil) ![i](x) *a* _b_ `c` ~~d~~ $e$ &amp; \\ # h'],
  ['a table and a fence', '|x|\n|---|\n~~~\n    code\n- item\n> quote'],
  ['Mermaid and DOT breakouts', '"] --> n0\n  click n0 "http://evil"\n%%{init: {"securityLevel":"loose"}}%%\n"; n9 [label=<b>x</b>] \\N'],
  ['closing tags', '</title></text></svg></script><!-- x -->'],
];

const BENIGN = 'helper';

/**
 * The lines of a graph with the renderer's keys (`n3`, `ns1`, `cluster_0`) numbered away and
 * sorted: names sort differently, so the keys of a hostile and a benign report differ.
 */
function statements(lines: string[]): string[] {
  return lines.map((l) => l.replace(/\b(n|ns|cluster_)\d+\b/g, '$1#')).sort();
}

/** The shop model with the hostile text in a workload name, a namespace, a port, the title, a message, a field path, a fix and a reason. */
function shopWith(text: string): ReportModel {
  const j = (s: string) => JSON.stringify(s).slice(1, -1);
  const json = JSON.stringify(shopModel())
    .replace(/frontend/g, j(text))
    .replace(/monitoring/g, j(`${text}-ns`))
    .replace(/TCP 9090/g, j(`TCP ${text}`))
    .replace(/Reachability: shop/g, j(`Reachability: ${text}`))
    .replace(/public web \| tier/g, j(`reason ${text}`))
    .replace(/spec\.ingress\[0\]\.ports\[0\]/g, j(`spec.${text}`))
    .replace(/named port \\"pgsql\\"/g, j(`named port ${text}`))
    .replace(/restrict ports\./g, j(`restrict ${text}`));
  return JSON.parse(json);
}

describe.each(HOSTILE)('GIVEN %s in the report data', (_, hostile) => {
  const shown = visibleText(hostile);
  const model = shopWith(hostile);
  const benign = shopWith(BENIGN);

  test('markdown: the same headings, table rows, cells and items; the text literal in its cell and item; no HTML from it', () => {
    const md = outline(renderMarkdown(groupReport(model)));
    const expected = outline(renderMarkdown(groupReport(benign)));
    expect(md.counts).toEqual(expected.counts);
    // the raw HTML is the renderer's own <details> blocks; a namespace name in a <summary> is HTML text (htmlText)
    const summary = (ns: string, n: number) => `<details><summary>${htmlText(ns)}: ${n} connections</summary>`;
    expect([...md.html].sort()).toEqual([...expected.html.map((h) => h.replace(`${BENIGN}-ns`, htmlText(`${hostile}-ns`)))].sort());
    expect([...md.html].sort()).toEqual(['<details><summary>1 suppressed</summary>', summary('shop', 4), summary(`${hostile}-ns`, 2), '</details>', '</details>', '</details>'].sort());
    expect(md.tables.map((t) => t.map((r) => r.length)).sort()).toEqual(expected.tables.map((t) => t.map((r) => r.length)).sort());
    expect(md.cellNodeTypes).toEqual(expected.cellNodeTypes);
    expect(md.headings).toEqual([`Reachability: ${shown}`, 'Findings', 'Namespaces', 'Matrix', 'Connections']);
    // the namespace table: one row per namespace, the name literal in its cell
    const [findings, namespaces, matrix] = md.tables;
    expect(namespaces.map((r) => r[0])).toContain(`${shown}-ns`);
    // the matrix: the namespace in a column header, the port in a cell, the workload in a row
    expect(matrix[0]).toContain(`${shown}-ns/prometheus`);
    expect(matrix.find((r) => r[0] === `${shown}-ns/prometheus`)).toContain(`TCP ${shown}`);
    expect(matrix.some((r) => r[0] === `shop/${shown}`)).toBe(true);
    // the findings: object, field path (a code span), message, fix
    const row = (id: string) => findings.find((r) => r[1] === id)!;
    expect(row('NP001')[2]).toBe(`Deployment shop/${shown}`);
    expect(row('NP006')[2]).toBe(`NetworkPolicy shop/db-ingress spec.${shown}`);
    expect(row('NP006')[3]).toBe(`named port ${shown} is declared by no destination pod.`);
    expect(md.items).toContain(`anywhere => shop/${shown} : all traffic`);
    expect(md.items).toContain(`NP012 on NetworkPolicy shop/allow-web: reason ${shown}`);
    expect(md.items).toHaveLength(expected.items.length);
  });

  test('findings markdown alone: one table row per finding, the reason in one list item', () => {
    const md = outline(renderFindingsMarkdown(model.findings));
    const expected = outline(renderFindingsMarkdown(benign.findings));
    expect(md.counts).toEqual(expected.counts);
    expect(md.html).toEqual(expected.html);
    expect(md.tables[0]).toHaveLength(4);
    expect(md.tables[0].every((r) => r.length === 5)).toBe(true);
    expect(md.items).toEqual([`NP012 on NetworkPolicy shop/allow-web: reason ${shown}`]);
  });

  test('diff markdown: one heading, the summary, one diff block whose every line is a change', () => {
    const conns = (text: string) => [
      { from: `shop/${text}`, to: 'shop/db', conns: ConnSet.ALL },
      { from: 'shop/web', to: `shop/${text}`, conns: ConnSet.ALL },
    ];
    const md = outline(renderDiffMarkdown(diffConnections([], conns(hostile)), `Changes ${hostile}`));
    const expected = outline(renderDiffMarkdown(diffConnections([], conns(BENIGN)), `Changes ${BENIGN}`));
    expect(md.counts).toEqual(expected.counts);
    expect(md.headings).toEqual([`Changes ${shown}`]);
    expect(md.html).toEqual([]);
    expect(md.codeBlocks).toHaveLength(1);
    expect(md.codeBlocks[0].info).toBe('diff');
    const lines = md.codeBlocks[0].literal.trimEnd().split('\n');
    expect(lines).toEqual([
      `+ shop/${shown} => shop/db : All Connections (added)`,
      `+ shop/web => shop/${shown} : All Connections (added)`,
    ].sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : 1)));
  });

  test('diff text: one line per change, no raw control or bidi character', () => {
    const text = renderDiffText(diffConnections([], [{ from: `shop/${hostile}`, to: 'shop/db', conns: ConnSet.ALL }]));
    expect(text).toBe(`+ shop/${shown} => shop/db : All Connections (added)\n\nOpens 1 pair (1 added, 0 widened); closes nothing.\n`);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  });

  test('mermaid: the same statements as for a benign name; every label one quoted string decoding to the text', () => {
    const mm = renderMermaid(groupReport(model));
    const labels: string[] = [];
    const skeleton = (text: string) => text.split('\n').map((l) => l.replace(/"[^"]*"/g, (q) => {
      labels.push(q);
      return '"S"';
    }));
    const expected = skeleton(renderMermaid(groupReport(benign)));
    labels.length = 0;
    expect(statements(skeleton(mm))).toEqual(statements(expected));
    // nothing outside the labels but the renderer's own ids and keywords
    for (const line of skeleton(mm)) expect(line).toMatch(/^(flowchart LR|  (subgraph ns\d+\["S"\]|end|n\d+\["S"\]|n\d+\(\["S"\]\)|any\{\{"S"\}\}|(n\d+|any) -->\|"S"\| (n\d+|any)|classDef .*|class [n\d,any]+ \w+)|    n\d+\["S"\]|)$/);
    for (const label of labels) expect(label).not.toMatch(/[%`<>|[\](){}\n\r\u001b\u202e]/);
    const decoded = labels.map((l) => l.slice(1, -1).replace(/#(\w+);/g, (_m, c: string) =>
      (/^\d+$/.test(c) ? String.fromCodePoint(Number(c)) : ({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[c])));
    expect(decoded).toContain(shown);
    expect(decoded).toContain(`${shown}-ns`);
    expect(decoded).toContain(`TCP ${shown}`);
  });

  test('dot: the same statements as for a benign name; every string one quoted DOT string decoding to the text', () => {
    const strings: string[] = [];
    const skeleton = (text: string) => text.split('\n').map((l) => l.replace(/"(?:[^"\\\n]|\\.)*"/g, (q) => {
      strings.push(q);
      return '"S"';
    }));
    const expected = skeleton(renderDot(groupReport(benign)));
    strings.length = 0;
    const dot = skeleton(renderDot(groupReport(model)));
    expect(statements(dot)).toEqual(statements(expected));
    expect(dot.join('\n').replace(/ -> /g, ' ')).not.toMatch(/[<>\\]/);
    const decoded = strings.map((s) => s.slice(1, -1).replace(/\\(["\\])/g, '$1').replace(/&amp;/g, '&'));
    expect(decoded).toContain(shown);
    expect(decoded).toContain(`${shown}-ns`);
    expect(decoded).toContain(`Reachability: ${shown}`);
    // Graphviz escapes (\n, \N, \G) only come doubled, as literal backslashes
    for (const s of strings) expect(s.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*\\[^"\\]/);
  });

  test('html (strict, without a browser): the same tags as for a benign name outside the scripts; the data block has no markup and parses back to the text', () => {
    const tags = (html: string) => [...html.matchAll(/<(\/?[a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*\/?>|<!--|<!\[CDATA\[/g)].map((m) => m[1] ?? m[0]);
    const split = (html: string) => {
      const m = /^([^]*)<script type="application\/json" id="report-data">([^]*?)<\/script>\n<script>([^]*?)<\/script>([^]*)$/.exec(html)!;
      return { page: m[1] + m[4], data: m[2], script: m[3] };
    };
    const html = split(renderHtml(groupReport(model)));
    const plain = split(renderHtml(groupReport(benign)));
    expect(tags(html.page)).toEqual(tags(plain.page));
    expect(html.page).not.toContain('<!--');
    // every `<` outside the scripts starts one of the renderer's tags: none comes from the text
    expect(html.page.match(/</g)!.length).toBe(tags(html.page).length + 1 /* <!DOCTYPE html> */);
    expect(html.page).toContain(`<h1>Reachability: ${shown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</h1>`);
    // the script is the renderer's own, whatever the data
    expect(html.script).toBe(plain.script);
    // the data: no character that could end the script element or open a comment; once parsed, the text as shown (visibleText)
    expect(html.data).not.toMatch(/[<>&\u2028\u2029\u001b\u202e]/);
    const data = JSON.parse(html.data);
    expect(data.title).toBe(`Reachability: ${shown}`);
    expect(data.namespaces.map((n: any) => n.name)).toContain(`${shown}-ns`);
    expect(data.findings.map((f: any) => f[6])).toContain(`reason ${shown}`);
  });

  test('sarif: messages one line, no control or bidi character, the file a valid URI reference', () => {
    const findings = model.findings.map((f) => ({ ...f, file: `dist/${hostile}.yaml`, line: 3, related: [`NetworkPolicy shop/${hostile}`] }));
    const text = renderSarif(findings, ruleDocs());
    expect(text).not.toMatch(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    const results = JSON.parse(text).runs[0].results;
    const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
    for (const r of results) {
      expect(r.message.text).not.toMatch(invisible);
      for (const rel of r.relatedLocations) expect(rel.message.text).toBe(`NetworkPolicy shop/${shown}`);
      const uri: string = r.locations[0].physicalLocation.artifactLocation.uri;
      expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/);
      expect(decodeURI(uri)).toBe(`dist/${hostile}.yaml`.replace(/\\/g, '/').replace(/[#?]/g, encodeURIComponent));
    }
    const np001 = results.find((r: any) => r.ruleId === 'NP001');
    expect(np001.message.text).toContain(`Deployment shop/${shown}: `);
    const np012 = results.find((r: any) => r.ruleId === 'NP012');
    expect(np012.suppressions[0].justification).toBe(`reason ${shown}`);
  });

  test('json: the same data, no raw invisible character', () => {
    const json = renderJson(model);
    expect(JSON.parse(json).title).toBe(`Reachability: ${hostile}`);
    expect(json).not.toMatch(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    const diff = renderDiffJson(diffConnections([], [{ from: `shop/${hostile}`, to: 'shop/db', conns: ConnSet.ALL }]));
    expect(JSON.parse(diff)[0].from).toBe(`shop/${hostile}`);
    expect(diff).not.toMatch(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  });
});

describe('exact outcomes for the issue 11 name', () => {
  test('markdown: the workload is one escaped row label; "No changes" is never a paragraph of its own; <!-- only inside a code span', () => {
    const md = renderMarkdown(groupReport(shopWith(INJECTION)));
    expect(md).toContain('| **shop/helper\\\\n\\`\\`\\`\\\\n\\\\n\\*\\*No changes in connectivity.\\*\\*\\\\n\\\\n&lt;!--** |');
    expect(md.replace(/(`+)[^`].*?\1/g, '')).not.toContain('<!--');
    const paragraphs = markdownNodes(md).filter((n) => n.type === 'paragraph').map(inlineText);
    expect(paragraphs.filter((p) => p.trim() === 'No changes in connectivity.')).toEqual([]);
  });

  test('diff markdown: the name stays inside its line of the diff block', () => {
    const md = renderDiffMarkdown(diffConnections([], [{ from: `shop/${INJECTION}`, to: 'shop/db', conns: ConnSet.ALL }]));
    expect(md).toBe('### Connectivity changes\n\n**Opens 1 pair (1 added, 0 widened); closes nothing.**\n\n**Opened** (what the new side allows that the old did not):\n\n' +
      `\`\`\`\`diff\n+ shop/${INJECTION_SHOWN} => shop/db : All Connections (added)\n\`\`\`\`\n\n**Closed** (what the old side allowed that the new does not): nothing.\n`);
    expect(outline(md).codeBlocks[0].literal).toBe(`+ shop/${INJECTION_SHOWN} => shop/db : All Connections (added)\n`);
  });

  test('sarif: a path with spaces, #, ?, % and a newline is percent-encoded; plain paths unchanged', () => {
    expect(artifactUri('dist/app.k8s.yaml')).toBe('dist/app.k8s.yaml');
    expect(artifactUri('C:\\work\\dist\\a.yaml')).toBe('C:/work/dist/a.yaml');
    expect(artifactUri('dist/a b#c?d%e\n\u202e.yaml')).toBe('dist/a%20b%23c%3Fd%25e%0A%E2%80%AE.yaml');
    expect(artifactUri('x\ud800')).toBe('x%EF%BF%BD');
  });
});
