// Reachability semantics of the constructs used together, asked of the engine (NetworkAssertions)
// rather than read off the manifest: "frontend reaches backend on 80, nothing else does".
// (The three-tier scenario of seed 001 is tested with its example, examples/three-tier.test.ts.)
import { AllowDns, AllowFrom, AllowTo, BlockMetadata, DefaultDeny, DnsProvider, IsolateNamespace, NetworkAssertions, Peer, Port, Protocol } from '../../src';
import { COREDNS, newChart } from '../support/policy-helpers';

describe('AND vs OR', () => {
  test('Peer.app(name, namespace) admits those pods in that namespace only', () => {
    // GIVEN
    const chart = newChart('shop');
    // WHEN
    new AllowFrom(chart, 'db', { app: 'db', from: [Peer.app('api', 'backend')], ports: [Port.POSTGRES] });
    // THEN
    NetworkAssertions.fromChart(chart, {
      pods: [
        { namespace: 'shop', name: 'db', labels: { app: 'db' } },
        { namespace: 'backend', name: 'api', labels: { app: 'api' } },
        { namespace: 'backend', name: 'other', labels: { app: 'other' } },
        { namespace: 'shop', name: 'api', labels: { app: 'api' } },
      ],
    })
      .allowsOnly('backend/api', 'shop/db', 'TCP 5432')
      .denies('backend/other', 'shop/db', 5432)
      .denies('shop/api', 'shop/db', 5432)
      .reachableOnlyFrom('shop/db', 5432, ['backend/api']);
  });
});

describe('DefaultDeny', () => {
  test('denies both directions but DNS; AllowFrom re-opens exactly what it says (policies add up)', () => {
    // GIVEN
    const chart = newChart('shop');
    new DefaultDeny(chart, 'default-deny');
    // WHEN
    new AllowFrom(chart, 'web', { app: 'web', from: [Peer.app('client')], ports: [Port.HTTP] });
    // THEN
    const net = NetworkAssertions.fromChart(chart, {
      pods: [{ namespace: 'shop', name: 'web', labels: { app: 'web' } }, { namespace: 'shop', name: 'client', labels: { app: 'client' } }, COREDNS],
    });
    // ingress to web allowed on 80, but the client is egress-isolated by the same DefaultDeny
    net.deniesAll('shop/client', 'shop/web');
    const e = net.model.explain({ from: 'shop/client', to: 'shop/web', port: 80 });
    expect(e.ingress.allowed).toBe(true);
    expect(e.egress.allowed).toBe(false);
    net.allowsOnly('shop/web', 'kube-system/coredns', 'TCP 53,UDP 53');
    net.denies('shop/web', '1.1.1.1', 53, Protocol.UDP);

    // WHEN the client's half is written too
    new AllowTo(chart, 'client', { app: 'client', to: [Peer.app('web')], ports: [Port.HTTP] });
    // THEN exactly that connection opens
    NetworkAssertions.fromChart(chart, {
      pods: [{ namespace: 'shop', name: 'web', labels: { app: 'web' } }, { namespace: 'shop', name: 'client', labels: { app: 'client' } }, COREDNS],
    })
      .allowsOnly('shop/client', 'shop/web', 'TCP 80')
      .deniesAll('shop/web', 'shop/client')
      .allowsOnly('shop/client', 'kube-system/coredns', 'TCP 53,UDP 53');
  });
});

describe('IsolateNamespace', () => {
  test('same namespace in, other namespaces out', () => {
    // GIVEN
    const chart = newChart('team-a');
    // WHEN
    new IsolateNamespace(chart, 'iso', { allowFrom: [Peer.namespace('ingress')] });
    // THEN
    NetworkAssertions.fromChart(chart, {
      pods: [{ namespace: 'team-a', name: 'a1' }, { namespace: 'team-a', name: 'a2' }, { namespace: 'team-b', name: 'b1' }, { namespace: 'ingress', name: 'nginx' }],
    })
      .allows('team-a/a2', 'team-a/a1', 8080)
      .allows('ingress/nginx', 'team-a/a1', 8080)
      .denies('team-b/b1', 'team-a/a1', 8080)
      .allows('team-a/a1', 'team-b/b1', 8080);
  });
});

describe('BlockMetadata', () => {
  function net(ipBlockMatchesPods: boolean, extra?: (chart: ReturnType<typeof newChart>) => void) {
    const chart = newChart('apps');
    new BlockMetadata(chart, 'block-metadata');
    extra?.(chart);
    return NetworkAssertions.fromChart(chart, { ipBlockMatchesPods, pods: [{ namespace: 'apps', name: 'web' }, { namespace: 'data', name: 'db' }, COREDNS] });
  }

  for (const ipBlockMatchesPods of [true, false]) {
    test(`metadata blocked, everything else reachable (ipBlock matches pods: ${ipBlockMatchesPods})`, () => {
      const n = net(ipBlockMatchesPods);
      for (const address of ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']) n.denies('apps/web', address, 80);
      n.allows('apps/web', '8.8.8.8', 443)
        .allows('apps/web', '169.254.20.10', 53, Protocol.UDP) // NodeLocal DNSCache
        .allows('apps/web', 'data/db', 5432) // in-cluster, on every plugin
        .allows('apps/web', 'kube-system/coredns', 53, Protocol.UDP);
    });
  }

  test('GKE Cloud DNS re-opens 169.254.169.254 on 53 only', () => {
    net(false, (chart) => new AllowDns(chart, 'allow-dns', { provider: DnsProvider.gkeCloudDns() }))
      .allowsOnly('apps/web', '169.254.169.254', 'TCP 53,UDP 53')
      .denies('apps/web', '169.254.169.254', 80);
  });
});
