/** The diff's renderers (diff-text.ts, diff-markdown.ts, diff-json.ts): a small case pinned, the comment's bound at any size. */
import { outline } from './markdown-structure';
import { ConnSet } from '../../src/engine';
import { ConnectionChange, diffConnections } from '../../src/report/connection-diff';
import { renderDiffJson } from '../../src/report/diff-json';
import { PR_COMMENT_LIMIT, renderDiffMarkdown } from '../../src/report/diff-markdown';
import { renderDiffText } from '../../src/report/diff-text';
import { visibleText } from '../../src/text';

const c = (from: string, to: string, conns: string) => ({ from, to, conns: ConnSet.parse(conns) });

/** widened, narrowed, both, added, removed, a new workload, a removed one, an outside range */
function small(): ConnectionChange[] {
  const before = [
    c('shop/web', 'shop/api', 'TCP 8080'), c('shop/web', 'shop/db', 'TCP 5432-5433'), c('shop/web', 'shop/cache', 'TCP 8080'),
    c('shop/web', 'shop/old', 'TCP 80'), c('shop/api', 'shop/queue', 'TCP 5672'), c('shop/web', '0.0.0.0-255.255.255.255', 'TCP 443'),
  ];
  const after = [
    c('shop/web', 'shop/api', 'All Connections'), c('shop/web', 'shop/db', 'TCP 5432'), c('shop/web', 'shop/cache', 'UDP 53'),
    c('shop/web', 'shop/new', 'TCP 80'), c('shop/web', '0.0.0.0-9.255.255.255', 'TCP 443'), c('shop/web', '11.0.0.0-255.255.255.255', 'TCP 443'),
  ];
  const names = ['shop/web', 'shop/api', 'shop/db', 'shop/cache', 'shop/queue'];
  return diffConnections(before, after, { before: [...names, 'shop/old'], after: [...names, 'shop/new'] });
}

describe('diff renderers', () => {
  test('nothing changed', () => {
    expect(renderDiffText([])).toBe('No changes in connectivity.\n');
    expect(renderDiffMarkdown([])).toBe('### Connectivity changes\n\nNo changes in connectivity.\n');
    expect(renderDiffJson([])).toBe('[]\n');
  });

  test('text: openings first, then closings, the summary and the workloads only one side has', () => {
    expect(renderDiffText(small())).toMatchSnapshot();
  });

  test('markdown: the headline, the opened block, the closed block', () => {
    const md = renderDiffMarkdown(small());
    expect(md).toMatchSnapshot();
    expect(md.indexOf('**Opened**')).toBeLessThan(md.indexOf('**Closed**'));
  });

  test('json: every change, opened and closed per pair, the ends that are new or removed workloads', () => {
    const json = renderDiffJson(small());
    expect(json).toMatchSnapshot();
    expect(JSON.parse(json).find((x: any) => x.to === 'shop/new')).toEqual({
      change: 'added', from: 'shop/web', to: 'shop/new', before: 'No Connections', after: 'TCP 80', opened: 'TCP 80', closed: 'No Connections', toEndpoint: 'new',
    });
  });

  test('markdown past 200 lines: summary tables per namespace pair, large groups folded, and still every line when it fits', () => {
    const after = [...Array(300).keys()].map((i) => c(`team-${i % 3}/w${i}`, `team-${(i + 1) % 3}/db`, 'TCP 5432'));
    const md = renderDiffMarkdown(diffConnections([], after));
    expect(md).toContain('| from namespace | to namespace | pairs opened |\n| --- | --- | ---: |\n| team-0 | team-1 | 100 |\n');
    expect(md).toContain('<details><summary>team-0 → team-1: 100 pairs opened</summary>');
    expect(md.match(/^\+ /gm)).toHaveLength(300);
    expect(md).not.toContain('Left out');
    expect(md).toContain('**Closed** (what the old side allowed that the new does not): nothing.');
  });

  test.each([1000, 20_000])('markdown of %i opened and as many closed pairs: at most 65,536 characters, saying what was left out', (n) => {
    const before: ReturnType<typeof c>[] = [];
    const after: ReturnType<typeof c>[] = [];
    for (let i = 0; i < n; i++) {
      after.push(c(`team-${i % 40}/workload-${i}`, `team-${(i * 7) % 40}/db`, 'TCP 5432'));
      before.push(c(`team-${i % 40}/workload-${i}`, `team-${(i * 3) % 40}/cache`, 'TCP 6379'));
    }
    const changes = diffConnections(before, after);
    const md = renderDiffMarkdown(changes, 'Connectivity changes', { present: 3, changed: [...Array(500).keys()].map((i) => `CiliumNetworkPolicy team/p${i} (added)`) });
    expect(md.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md.length).toBeGreaterThan(PR_COMMENT_LIMIT * 0.9); // filled, not cut early
    // what opens leads: the headline, then the opened table, before anything closed
    expect(md).toMatch(new RegExp(`^### Connectivity changes\\n\\n> Note: 3 policies[^\\n]*\\n>\\n> Policies not analyzed[^\\n]* and 480 more\\n\\n\\*\\*Opens ${n.toLocaleString('en-US').replace(/,/g, '')} pairs`));
    expect(md.indexOf('pairs opened |')).toBeLessThan(md.indexOf('pairs closed |'));
    expect(md.indexOf('pairs closed |')).toBeGreaterThan(0);
    const shown = (md.match(/^\+ /gm) ?? []).length;
    const closedShown = (md.match(/^- /gm) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(md).toContain(`_Left out to fit a pull-request comment: ${n - shown} opened line${n - shown === 1 ? '' : 's'} and ${n - closedShown} closed lines. ` +
      'Every change: `cdk8s-netpol diff OLD NEW --format json`._\n');
    // every <details> closed, every fence closed
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
    expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  test('markdown: a smaller bound is kept too, down to the title and the headline', () => {
    const after = [...Array(500).keys()].map((i) => c(`a/w${i}`, 'b/db', 'TCP 5432'));
    for (const max of [2000, 5000, 10_000]) {
      expect(renderDiffMarkdown(diffConnections([], after), undefined, undefined, { maxLength: max }).length).toBeLessThanOrEqual(max);
    }
  });

  test('markdown past 200 lines with hostile namespace and workload names: the same structure as benign ones, no HTML but the folds', () => {
    const hostile = 'x<summary></details><img src=x onerror=alert(1)>\n```\n# h *a* |b|'.replace(/\//g, ''); // a namespace has no slash
    const changes = (ns: string) => diffConnections([], [...Array(300).keys()].map((i) => c(`${ns}/w${i}\u202e`, `${i % 2 ? ns : 'shop'}/db`, 'TCP 5432')));
    const md = renderDiffMarkdown(changes(hostile));
    const benign = renderDiffMarkdown(changes('helper'));
    const o = outline(md);
    const b = outline(benign);
    expect(o.counts).toEqual(b.counts);
    expect(o.headings).toEqual(['Connectivity changes']);
    // the folds only: <details><summary>..</summary> and </details>, the name as entities inside
    expect(o.html.map((h) => h.replace(/<summary>.*<\/summary>/, '<summary>S</summary>'))).toEqual(b.html.map((h) => h.replace(/<summary>.*<\/summary>/, '<summary>S</summary>')));
    expect(o.html.join('')).toContain('<summary>x&lt;summary&gt;&lt;details&gt;&lt;img src=x onerror=alert(1)&gt;\\n```\\n# h *a* |b| → shop: 150 pairs opened</summary>');
    expect(o.tables[0].slice(2)).toEqual([[visibleText(hostile), 'shop', '150'], [visibleText(hostile), visibleText(hostile), '150']]);
    for (const block of o.codeBlocks) for (const line of block.literal.trimEnd().split('\n')) expect(line).toMatch(/^\+ /);
  });
});
