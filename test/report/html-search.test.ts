/**
 * The HTML report's interactions in headless chromium: the search box filters namespaces,
 * connection rows and findings by namespace, workload or port; a merged row's "+N more" shows its
 * members; a namespace opens to its workloads, graph and connections; a namespace of the
 * overview graph opens its drill-down. Typed and clicked by a harness page (chromium.ts).
 */
import { describeWithChromium, inPage } from './chromium';
import { teamsModel } from './fixtures';
import { groupReport } from '../../src/report/group';
import { renderHtml } from '../../src/report/html';

/** types `text` into the search box, returns what is visible */
const type = (text: string) => `
  const q = doc.getElementById('search');
  q.value = ${JSON.stringify(text)};
  q.dispatchEvent(new win.Event('input'));
  const visible = (sel) => [...doc.querySelectorAll(sel)].filter((e) => !e.closest('[hidden]'));
  return {
    namespaces: visible('details.ns').map((d) => d.getAttribute('data-ns')),
    nsCount: doc.querySelector('#app > p.count').textContent,
    rows: visible('#app > .edges tbody tr').map((r) => [...r.cells].map((c) => c.textContent)),
    rowCount: doc.querySelector('#app > .edges p.count').textContent,
    findings: visible('table.findings tr:not(:first-child)').map((r) => r.cells[2].textContent),
  };`;

describeWithChromium('html-search')('the HTML report, used', () => {
  const html = renderHtml(groupReport(teamsModel(40, 8)));

  test('GIVEN a namespace name typed THEN only that namespace, its rows and its findings are shown', () => {
    const r = inPage(html, type('team-12'));
    expect(r.namespaces).toEqual(['team-12']);
    expect(r.nsCount).toBe('1 of 43 namespaces match');
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) expect(`${row[0]} ${row[1]}`).toContain('team-12');
    expect(r.findings).toEqual(['Deployment team-12/web']);
  });

  test('GIVEN a workload and a port typed THEN the rows are the connections of that workload on that port, every one of them', () => {
    const r = inPage(html, type('team-7/db tcp 5432'));
    // team-7's api-1 (which team-6's web reaches too) and api-2..api-6 (one merged row) -> db on TCP 5432
    expect(r.rows).toEqual([['team-7/api-1', 'team-7/db', 'TCP 5432'], ['team-7/api-2, api-3 +3 more', 'team-7/db', 'TCP 5432']]);
    expect(r.rowCount).toMatch(/^2 of [\d,]+ connection lines match$/);
    expect(r.namespaces).toEqual(['team-7']);
  });

  test('GIVEN a port typed THEN every row shown has that port, and a term nothing has hides everything', () => {
    const r = inPage(html, type('8443'));
    expect(r.rows).toHaveLength(40);
    for (const row of r.rows) expect(row[2]).toBe('TCP 8443');
    const none = inPage(html, type('no-such-thing'));
    expect(none.rows).toEqual([]);
    expect(none.namespaces).toEqual([]);
    expect(none.findings).toEqual([]);
  });

  test('GIVEN a merged row THEN "+3 more" is a button, and a click shows every member', () => {
    const r = inPage(html, `
      const q = doc.getElementById('search');
      q.value = 'team-0/api-2 5432';
      q.dispatchEvent(new win.Event('input'));
      const row = [...doc.querySelectorAll('#app > .edges tbody tr')].find((tr) => tr.cells[0].textContent.startsWith('team-0/api-2'));
      const button = row.cells[0].querySelector('button.more');
      const before = row.cells[0].textContent;
      button.click();
      return { tag: button.localName, label: button.textContent, before, after: row.cells[0].textContent };`);
    expect(r.tag).toBe('button');
    expect(r.label).toBe('+3 more');
    expect(r.before).toBe('team-0/api-2, api-3 +3 more');
    expect(r.after).toBe('team-0/{api-2, api-3, api-4, api-5, api-6} (5 workloads with identical connections)');
  });

  test('GIVEN a namespace opened THEN its workloads, a graph of them and their neighbours, and its connections', () => {
    const r = inPage(html, `
      const d = doc.querySelector('details.ns[data-ns="team-3"]');
      d.open = true;
      d.dispatchEvent(new win.Event('toggle'));
      return {
        workloads: [...d.querySelectorAll('ul.workloads li .members')].map((m) => m.textContent),
        nodes: [...d.querySelectorAll('svg g.node')].map((g) => g.getAttribute('class')),
        rows: d.querySelectorAll('.edges tbody tr').length,
      };`);
    expect(r.workloads).toEqual(['team-3/api-1', 'team-3/api-2, api-3 +3 more', 'team-3/db', 'team-3/web']);
    expect(r.nodes.filter((c: string) => !c.includes('neighbour'))).toHaveLength(4);
    expect(r.nodes.filter((c: string) => c.includes('neighbour')).length).toBeGreaterThan(0);
    expect(r.rows).toBeGreaterThan(5);
  });

  test('GIVEN the 5,000-workload page THEN a click on a namespace of the overview graph opens its drill-down', () => {
    const big = renderHtml(groupReport(teamsModel(500, 10)));
    const r = inPage(big, `
      const node = [...doc.querySelectorAll('#overview g.node.link')].find((g) => g.querySelector('text').textContent.startsWith('team-'));
      const name = node.querySelector('text').textContent.split(' ')[0];
      node.dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
      const d = doc.querySelector('details.ns[data-ns="' + name + '"]');
      return { name, open: d.open, hidden: d.hidden };`);
    expect(r.name).toMatch(/^team-\d+$/);
    expect(r.open).toBe(true);
    expect(r.hidden).toBe(false);
  }, 120_000);
});
