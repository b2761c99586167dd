import { ConnSet } from '../../src/engine';
import { diffConnections } from '../../src/report/connection-diff';
import { formatChange } from '../../src/report/diff-text';

const c = (from: string, to: string, conns: string) => ({ from, to, conns: ConnSet.parse(conns) });

describe('diffConnections', () => {
  test('GIVEN two listings THEN added, removed and changed, sorted by source and destination', () => {
    const before = [c('shop/a', 'shop/b', 'TCP 80'), c('shop/a', 'shop/c', 'TCP 443'), c('shop/x', 'shop/y', 'UDP 53')];
    const after = [c('shop/a', 'shop/b', 'TCP 80,443'), c('shop/x', 'shop/y', 'UDP 53'), c('shop/frontend', 'shop/db', 'TCP 5432')];
    const changes = diffConnections(before, after);
    expect(changes.map(formatChange)).toEqual([
      '~ shop/a => shop/b : TCP 80 -> TCP 80,443 (changed)',
      '- shop/a => shop/c : TCP 443 (removed)',
      '+ shop/frontend => shop/db : TCP 5432 (added)',
    ]);
  });

  test('the same connection written differently is no change; No Connections is no connection', () => {
    expect(diffConnections([c('a/a', 'a/b', 'TCP 80,81')], [c('a/a', 'a/b', 'TCP 80-81'), c('a/a', 'a/c', 'No Connections')])).toEqual([]);
  });
});
