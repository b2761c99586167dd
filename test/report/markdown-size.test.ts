/**
 * The Markdown report fits a pull-request comment (65,536 characters) whatever the cluster size
 * (issue 13, item 2): findings first, a row per namespace, the largest namespaces' connections
 * folded in <details>, and a last line saying what was left out and how to get all of it. The
 * bound is in UTF-8 bytes (never less than characters or UTF-16 code units).
 */
import { bigModel, shopModel } from './fixtures';
import { outline } from './markdown-structure';
import { generateCluster } from '../../bench/cluster';
import { Severity } from '../../src/lint/finding';
import { buildReport } from '../../src/report/build';
import { groupReport } from '../../src/report/group';
import { PR_COMMENT_LIMIT, renderMarkdown } from '../../src/report/markdown';
import { ReportModel } from '../../src/report/report-model';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** every <details> closed, every table row as wide as its header */
function wellFormed(md: string): void {
  const o = outline(md);
  expect(o.html.filter((h) => h.startsWith('<details>'))).toHaveLength(o.html.filter((h) => h === '</details>').length);
  for (const table of o.tables) for (const row of table) expect(row).toHaveLength(table[0].length);
}

describe('GIVEN a generated multi-team cluster of 500 workloads', () => {
  const cluster = generateCluster(500);
  const model = buildReport(cluster.manifests.map((object) => ({ object })));
  const md = renderMarkdown(groupReport(model));

  test('THEN the comment is at most 65,536 bytes, and well formed', () => {
    expect(model.edges.length).toBeGreaterThan(2000);
    expect(bytes(md)).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    // it uses the room it has: most of the comment is content
    expect(bytes(md)).toBeGreaterThan(PR_COMMENT_LIMIT * 0.8);
    wellFormed(md);
  });

  test('THEN findings come first, then the namespaces (every one of them), then the connections', () => {
    const o = outline(md);
    expect(o.headings).toEqual(['NetworkPolicy reachability', 'Findings', 'Namespaces', 'Connections']);
    const namespaceTable = o.tables.find((t) => t[0][0] === 'namespace')!;
    expect(namespaceTable.length - 2).toBe(cluster.namespaces);
    const team0 = namespaceTable.find((r) => r[0] === 'team-0')!;
    expect(team0[1]).toBe('10');
  });

  test('THEN the last line says what was left out and where to get all of it', () => {
    const last = md.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/^\*\*Left out\*\* to fit in 65,536 characters: .*findings.*the matrix \(\d+ columns\).*connections of \d+ of 53 namespaces/);
    expect(last).toContain('--format html');
    expect(last).toContain('--format json');
  });

  test('THEN the folded namespaces are the largest first', () => {
    const sizes = [...md.matchAll(/^<details><summary>([^:<]+): (\d+) connections?<\/summary>$/gm)].filter((m) => m[1] !== '(outside the namespaces)').map((m) => Number(m[2]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});

describe('a smaller limit, multibyte text', () => {
  test('GIVEN 200 namespaces and maxBytes 8,000 THEN at most 8,000 bytes, well formed, left-out line', () => {
    const md = renderMarkdown(groupReport(bigModel(200, 5)), { maxBytes: 8000 });
    expect(bytes(md)).toBeLessThanOrEqual(8000);
    wellFormed(md);
    expect(md).toMatch(/\*\*Left out\*\* to fit in 8,000 characters: the rows of \d+ of 200 namespaces/);
  });

  test('GIVEN names and messages of 3- and 4-byte characters THEN the bound holds in bytes, not only in characters', () => {
    const model = bigModel(60, 4);
    const wide = (s: string) => s.replace(/team/g, '团队\u{1F600}');
    const findings = Array.from({ length: 400 }, (_, i) => ({
      ruleId: 'NP001',
      severity: Severity.WARNING,
      kind: 'Deployment',
      namespace: wide(`team-${i % 60}`),
      name: 'api',
      message: '选择器不匹配任何工作负载'.repeat(5),
      fix: '修复'.repeat(10),
    }));
    const hostile: ReportModel = JSON.parse(wide(JSON.stringify({ ...model, findings })));
    const md = renderMarkdown(groupReport(hostile));
    expect(bytes(md)).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(bytes(md)).toBeGreaterThan(md.length); // it is multibyte, and the byte count is what was bounded
    wellFormed(md);
    expect(md).toContain('**Left out**');
  });

  test('GIVEN one finding whose text alone exceeds the limit THEN it is left out and said so', () => {
    const model = shopModel();
    const huge = { ...model.findings[0], message: 'x'.repeat(100_000) };
    const md = renderMarkdown(groupReport({ ...model, findings: [huge] }));
    expect(bytes(md)).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md).toContain('1 of 1 findings');
    expect(md).toContain('Not shown: NP001 (warning) x1.');
  });

  test('GIVEN the shop THEN nothing is left out: the matrix, every connection, no left-out line', () => {
    const md = renderMarkdown(groupReport(shopModel()));
    expect(md).not.toContain('Left out');
    expect(outline(md).headings).toEqual(['Reachability: shop', 'Findings', 'Namespaces', 'Matrix', 'Connections']);
  });
});
