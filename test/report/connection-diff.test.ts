/** What a change opens and closes (connection-diff.ts), through the engine: both sides are analysed, then compared. */
import { Analysis, ConnSet, Inventory } from '../../src/engine';
import { diffConnections, diffSide, domainNamesOf } from '../../src/report/connection-diff';
import { changeLines } from '../../src/report/diff-text';

type Obj = Record<string, unknown>;
const deploy = (ns: string, name: string, ports: number[] = [80]): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', ports: ports.map((p) => ({ containerPort: p })) }] } } },
});
const np = (ns: string, name: string, spec: Obj): Obj => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec });
/** db takes ingress from web only, on these ports (none: every port) */
const dbFromWeb = (ports?: Obj[]) => np('shop', 'db', {
  podSelector: { matchLabels: { app: 'db' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ...(ports ? { ports } : {}) }],
});
/** web may send only to these address blocks, on TCP 443 (and to db on every port) */
const webEgress = (blocks: Obj[]) => np('shop', 'web-egress', {
  podSelector: { matchLabels: { app: 'web' } },
  policyTypes: ['Egress'],
  egress: [{ to: blocks.map((ipBlock) => ({ ipBlock })), ports: [{ protocol: 'TCP', port: 443 }] }, { to: [{ podSelector: { matchLabels: { app: 'db' } } }] }],
});
const cnp = (name: string, tier: 'Admin' | 'Baseline', action: string, ns: string): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name },
  spec: {
    tier,
    priority: 10,
    subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': ns } } },
    ingress: [{ name: 'r', action, from: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { number: 5432 } } }] }],
  },
});

function analysis(objects: Obj[]) {
  const inventory = new Inventory();
  for (const o of objects) inventory.addManifest(o);
  return new Analysis(inventory);
}
const analyse = (objects: Obj[]) => diffSide(analysis(objects));
/** GIVEN the two sides WHEN diffed THEN these lines (through the engine, both sides, the domain names of either asked of both) */
function diff(before: Obj[], after: Obj[]) {
  const a = analysis(before);
  const b = analysis(after);
  const domains = domainNamesOf(a, b);
  const old = diffSide(a, domains);
  const next = diffSide(b, domains);
  return diffConnections(old.connections, next.connections, { before: old.endpoints, after: next.endpoints });
}
const shop = [deploy('shop', 'web'), deploy('shop', 'db', [5432])];

describe('diffConnections: opened and closed per pair', () => {
  test('widening (TCP 5432 -> every port) is opened, with the added ports', () => {
    const changes = diff([...shop, dbFromWeb([{ port: 5432 }])], [...shop, dbFromWeb()]);
    const web = changes.find((c) => c.from === 'shop/web' && c.to === 'shop/db')!;
    expect(web.kind).toBe('changed');
    expect(web.opened.toString()).toBe('SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535');
    expect(web.closed.isEmpty).toBe(true);
    expect(changeLines(web)).toEqual(['+ shop/web => shop/db : SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535 (opened: TCP 5432 -> All Connections)']);
  });

  test('narrowing (every port -> TCP 5432) is closed, with the removed ports', () => {
    const web = diff([...shop, dbFromWeb()], [...shop, dbFromWeb([{ port: 5432 }])]).find((c) => c.from === 'shop/web')!;
    expect(web.opened.isEmpty).toBe(true);
    expect(changeLines(web)).toEqual(['- shop/web => shop/db : SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535 (closed: All Connections -> TCP 5432)']);
  });

  test('both on one pair (TCP 5432 -> UDP 53): one line opens UDP 53, one closes TCP 5432', () => {
    const web = diff([...shop, dbFromWeb([{ port: 5432 }])], [...shop, dbFromWeb([{ protocol: 'UDP', port: 53 }])]).find((c) => c.from === 'shop/web')!;
    expect(changeLines(web)).toEqual([
      '+ shop/web => shop/db : UDP 53 (opened: TCP 5432 -> UDP 53)',
      '- shop/web => shop/db : TCP 5432 (closed: TCP 5432 -> UDP 53)',
    ]);
  });

  test('a new workload: its connections are opened, marked new; a removed one: closed, marked removed', () => {
    const api = deploy('shop', 'api');
    const added = diff(shop, [...shop, api]).filter((c) => c.from === 'shop/api' || c.to === 'shop/api');
    expect(added.length).toBeGreaterThan(0);
    for (const c of added) {
      expect(c.kind).toBe('added');
      expect(c.closed.isEmpty).toBe(true);
      expect(c.from === 'shop/api' ? c.fromEndpoint : c.toEndpoint).toBe('new');
    }
    expect(added.find((c) => c.from === 'shop/web' && c.to === 'shop/api')).toMatchObject({ toEndpoint: 'new' });
    expect(added.find((c) => c.from === 'shop/web' && c.to === 'shop/api')!.fromEndpoint).toBeUndefined();
    const removed = diff([...shop, api], shop).filter((c) => c.from === 'shop/api' || c.to === 'shop/api');
    expect(removed.map((c) => c.kind)).toEqual(added.map(() => 'removed'));
    for (const c of removed) expect(c.from === 'shop/api' ? c.fromEndpoint : c.toEndpoint).toBe('removed');
  });

  test('a new pair between workloads both sides have is added, not a new workload', () => {
    const c = diff([...shop, dbFromWeb([{ port: 5432 }]), np('shop', 'lock-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] })],
      [...shop, dbFromWeb([{ port: 5432 }])]).find((x) => x.from === 'shop/db' && x.to === 'shop/web')!;
    expect(c.kind).toBe('added');
    expect(c.opened.isAll).toBe(true);
    expect(c.fromEndpoint).toBeUndefined();
    expect(c.toEndpoint).toBeUndefined();
  });

  test('outside addresses split differently on each side: no change where nothing changes, the exact range where it does', () => {
    // old: 0.0.0.0/0 on TCP 443; new: the same, written as two halves and with 10.0.0.0/8 cut out and put back
    const old = [...shop, webEgress([{ cidr: '0.0.0.0/0' }])];
    const same = [...shop, webEgress([{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1', except: ['192.168.0.0/16'] }, { cidr: '192.168.0.0/16' }])];
    expect(diff(old, same).filter((c) => c.from === 'shop/web')).toEqual([]);
    // new: 10.0.0.0/8 no longer allowed, 192.168.0.0/16 still
    const narrowed = [...shop, webEgress([{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }])];
    expect(diff(old, narrowed).filter((c) => c.from === 'shop/web').flatMap(changeLines)).toEqual([
      '- shop/web => 10.0.0.0-10.255.255.255 : TCP 443 (removed)',
    ]);
    // and back: the opening names the same range, on both sides of a split the old side does not have
    expect(diff(narrowed, same).filter((c) => c.from === 'shop/web').flatMap(changeLines)).toEqual([
      '+ shop/web => 10.0.0.0-10.255.255.255 : TCP 443 (added)',
    ]);
  });

  test('outside addresses: a widening on part of a range names that part only, sorted by address', () => {
    const old = [...shop, webEgress([{ cidr: '0.0.0.0/0' }])];
    const wider = [...shop, webEgress([{ cidr: '0.0.0.0/0' }]), np('shop', 'web-dns', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '9.9.9.9/32' } }, { ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'UDP', port: 53 }] }],
    })];
    // the sides name different ranges: one range on the old side, five on the new
    const ranges = (objects: Obj[]) => analyse(objects).connections.filter((c) => c.from === 'shop/web' && !c.to.includes('/')).map((c) => c.to);
    expect(ranges(old)).toEqual(['0.0.0.0-255.255.255.255']);
    expect(ranges(wider)).toHaveLength(5);
    expect(diff(old, wider).filter((c) => c.from === 'shop/web').flatMap(changeLines)).toEqual([
      '+ shop/web => 9.9.9.9-9.9.9.9 : UDP 53 (opened: TCP 443 -> TCP 443,UDP 53)',
      '+ shop/web => 10.0.0.0-10.255.255.255 : UDP 53 (opened: TCP 443 -> TCP 443,UDP 53)',
    ]);
  });

  test('cluster tiers: a new Admin Deny closes; a removed Baseline Deny opens; NetworkPolicy allows under an Admin Deny do not keep it open', () => {
    const base = [...shop, deploy('ops', 'cli')];
    const rest = 'SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535';
    const denied = diff(base, [...base, cnp('guard', 'Admin', 'Deny', 'shop')]).filter((c) => c.to === 'shop/db').flatMap(changeLines);
    expect(denied).toContain(`- ops/cli => shop/db : TCP 5432 (closed: All Connections -> ${rest})`);
    expect(denied).toContain(`- shop/web => shop/db : TCP 5432 (closed: All Connections -> ${rest})`);
    expect(denied).toHaveLength(2); // the Admin rule's peers are pods: the outside keeps every port
    // web keeps its NetworkPolicy allow on every port, but not TCP 5432: the Admin tier decides first
    const underNp = diff([...base, dbFromWeb()], [...base, dbFromWeb(), cnp('guard', 'Admin', 'Deny', 'shop')]).filter((c) => c.to === 'shop/db').flatMap(changeLines);
    expect(underNp).toEqual([`- shop/web => shop/db : TCP 5432 (closed: All Connections -> ${rest})`]);
    const opened = diff([...base, cnp('floor', 'Baseline', 'Deny', 'shop')], base).filter((c) => c.to === 'shop/db').flatMap(changeLines);
    expect(opened).toContain('+ ops/cli => shop/db : TCP 5432 (opened: SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535 -> All Connections)');
    // a Baseline Deny under a NetworkPolicy that isolates db: the NetworkPolicy decides, removing the Baseline changes nothing
    const underIsolation = diff([...base, dbFromWeb(), cnp('floor', 'Baseline', 'Deny', 'shop')], [...base, dbFromWeb()]);
    expect(underIsolation.filter((c) => c.to === 'shop/db')).toEqual([]);
    expect(underIsolation.map((c) => `${c.from} => ${c.to}`)).toEqual(['ops/cli => shop/web', 'shop/db => shop/web']);
  });

  test('cluster tiers: an Admin Accept to a domain name opens egress to it that a NetworkPolicy denied; removing it closes', () => {
    const denyEgress = np('shop', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const toStripe: Obj = {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'stripe' },
      spec: {
        tier: 'Admin',
        priority: 5,
        subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } },
        egress: [{ name: 'stripe', action: 'Accept', to: [{ domainNames: ['api.stripe.com'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] }],
      },
    };
    const before = [...shop, denyEgress];
    const after = [...shop, denyEgress, toStripe];
    expect(diff(before, after).flatMap(changeLines)).toEqual(['+ shop/web => api.stripe.com : TCP 443 (added)']);
    expect(diff(after, before).flatMap(changeLines)).toEqual(['- shop/web => api.stripe.com : TCP 443 (removed)']);
  });

  test('the same connection written differently is no change; No Connections is no connection; listings without endpoints', () => {
    const c = (from: string, to: string, conns: string) => ({ from, to, conns: ConnSet.parse(conns) });
    expect(diffConnections([c('a/a', 'a/b', 'TCP 80,81')], [c('a/a', 'a/b', 'TCP 80-81'), c('a/a', 'a/c', 'No Connections')])).toEqual([]);
    const changes = diffConnections([c('a/a', 'a/b', 'TCP 80')], [c('a/a', 'a/b', 'TCP 80,443')]);
    expect(changes.map((x) => ({ ...x, before: `${x.before}`, after: `${x.after}`, opened: `${x.opened}`, closed: `${x.closed}` }))).toEqual([
      { kind: 'changed', from: 'a/a', to: 'a/b', before: 'TCP 80', after: 'TCP 80,443', opened: 'TCP 443', closed: 'No Connections' },
    ]);
  });
});
