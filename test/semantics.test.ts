// Reachability semantics of the constructs, asked of the engine (NetworkModel) rather than read
// off the manifest: "frontend reaches backend on 80, nothing else does".
import { Testing } from 'cdk8s';
import { threeTier } from '../examples/three-tier';
import { AllowDns, AllowFrom, BlockMetadata, DefaultDeny, DnsProvider, IsolateNamespace, NetworkModel, Peer, Port, Protocol } from '../src';
import { newChart } from './policy-helpers';

const KUBE_DNS = { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, protocol: Protocol.UDP }] };

describe('three-tier (seed 001)', () => {
  const app = Testing.app();
  threeTier(app);
  const model = NetworkModel.fromApp(app)
    .addPod({ namespace: 'frontend', name: 'frontend', labels: { role: 'frontend' } })
    .addPod({ namespace: 'backend', name: 'backend', labels: { role: 'backend' } })
    .addPod({ namespace: 'database', name: 'database', labels: { role: 'database' } })
    .addPod({ namespace: 'default', name: 'intruder', labels: { role: 'frontend' } })
    .addPod(KUBE_DNS);
  const allowed = (from: string, to: string, port: number, protocol?: Protocol) => model.isAllowed({ from, to, port, protocol });

  test('frontend reaches backend on 80 only', () => {
    expect(allowed('frontend/frontend', 'backend/backend', 80)).toBe(true);
    expect(model.allowedConnections('frontend/frontend', 'backend/backend').toString()).toBe('TCP 80');
  });

  test('backend reaches database on 3306 only', () => {
    expect(model.allowedConnections('backend/backend', 'database/database').toString()).toBe('TCP 3306');
  });

  test('nothing else: no skipping a tier, no way back, no intruder, no external egress', () => {
    expect(model.allowedConnections('frontend/frontend', 'database/database').isEmpty).toBe(true);
    expect(model.allowedConnections('backend/backend', 'frontend/frontend').isEmpty).toBe(true);
    expect(model.allowedConnections('database/database', 'backend/backend').isEmpty).toBe(true);
    expect(model.allowedConnections('default/intruder', 'backend/backend').isEmpty).toBe(true);
    expect(model.allowedConnections('default/intruder', 'database/database').isEmpty).toBe(true);
    for (const tier of ['frontend/frontend', 'backend/backend', 'database/database']) {
      expect(allowed(tier, '8.8.8.8', 443)).toBe(false);
      expect(allowed('8.8.8.8', tier, 80)).toBe(false);
    }
  });

  test('DNS is kept: every tier resolves names through kube-dns', () => {
    for (const tier of ['frontend/frontend', 'backend/backend', 'database/database']) {
      expect(allowed(tier, 'kube-system/coredns', 53, Protocol.UDP)).toBe(true);
      expect(allowed(tier, 'kube-system/coredns', 53, Protocol.TCP)).toBe(true);
      expect(allowed(tier, 'kube-system/coredns', 80)).toBe(false);
    }
  });
});

describe('AND vs OR', () => {
  test('Peer.app(name, namespace) admits those pods in that namespace only', () => {
    const chart = newChart('shop');
    new AllowFrom(chart, 'db', { app: 'db', from: [Peer.app('api', 'backend')], ports: [Port.POSTGRES] });
    const model = NetworkModel.fromChart(chart)
      .addPod({ namespace: 'shop', name: 'db', labels: { app: 'db' } })
      .addPod({ namespace: 'backend', name: 'api', labels: { app: 'api' } })
      .addPod({ namespace: 'backend', name: 'other', labels: { app: 'other' } })
      .addPod({ namespace: 'shop', name: 'api', labels: { app: 'api' } });
    expect(model.isAllowed({ from: 'backend/api', to: 'shop/db', port: 5432 })).toBe(true);
    expect(model.isAllowed({ from: 'backend/other', to: 'shop/db', port: 5432 })).toBe(false);
    expect(model.isAllowed({ from: 'shop/api', to: 'shop/db', port: 5432 })).toBe(false);
  });
});

describe('DefaultDeny', () => {
  test('denies both directions but DNS; AllowFrom re-opens exactly what it says (policies add up)', () => {
    const chart = newChart('shop');
    new DefaultDeny(chart, 'default-deny');
    new AllowFrom(chart, 'web', { app: 'web', from: [Peer.app('client')], ports: [Port.HTTP] });
    const model = NetworkModel.fromChart(chart)
      .addPod({ namespace: 'shop', name: 'web', labels: { app: 'web' } })
      .addPod({ namespace: 'shop', name: 'client', labels: { app: 'client' } })
      .addPod(KUBE_DNS);
    // ingress to web allowed on 80, but the client is egress-isolated by the same DefaultDeny
    expect(model.isAllowed({ from: 'shop/client', to: 'shop/web', port: 80 })).toBe(false);
    expect(model.explain({ from: 'shop/client', to: 'shop/web', port: 80 }).ingress.allowed).toBe(true);
    expect(model.isAllowed({ from: 'shop/web', to: 'kube-system/coredns', port: 53, protocol: Protocol.UDP })).toBe(true);
    expect(model.isAllowed({ from: 'shop/web', to: '1.1.1.1', port: 53, protocol: Protocol.UDP })).toBe(false);
  });
});

describe('IsolateNamespace', () => {
  test('same namespace in, other namespaces out', () => {
    const chart = newChart('team-a');
    new IsolateNamespace(chart, 'iso', { allowFrom: [Peer.namespace('ingress')] });
    const model = NetworkModel.fromChart(chart)
      .addPod({ namespace: 'team-a', name: 'a1' })
      .addPod({ namespace: 'team-a', name: 'a2' })
      .addPod({ namespace: 'team-b', name: 'b1' })
      .addPod({ namespace: 'ingress', name: 'nginx' });
    expect(model.isAllowed({ from: 'team-a/a2', to: 'team-a/a1', port: 8080 })).toBe(true);
    expect(model.isAllowed({ from: 'ingress/nginx', to: 'team-a/a1', port: 8080 })).toBe(true);
    expect(model.isAllowed({ from: 'team-b/b1', to: 'team-a/a1', port: 8080 })).toBe(false);
    expect(model.isAllowed({ from: 'team-a/a1', to: 'team-b/b1', port: 8080 })).toBe(true);
  });
});

describe('BlockMetadata', () => {
  function model(ipBlockMatchesPods: boolean, extra?: (chart: ReturnType<typeof newChart>) => void) {
    const chart = newChart('apps');
    new BlockMetadata(chart, 'block-metadata');
    extra?.(chart);
    return NetworkModel.fromChart(chart, { ipBlockMatchesPods })
      .addPod({ namespace: 'apps', name: 'web' })
      .addPod({ namespace: 'data', name: 'db' })
      .addPod(KUBE_DNS);
  }

  for (const ipBlockMatchesPods of [true, false]) {
    test(`metadata blocked, everything else reachable (ipBlock matches pods: ${ipBlockMatchesPods})`, () => {
      const m = model(ipBlockMatchesPods);
      for (const address of ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']) {
        expect(m.isAllowed({ from: 'apps/web', to: address, port: 80 })).toBe(false);
      }
      expect(m.isAllowed({ from: 'apps/web', to: '8.8.8.8', port: 443 })).toBe(true);
      expect(m.isAllowed({ from: 'apps/web', to: '169.254.20.10', port: 53, protocol: Protocol.UDP })).toBe(true); // NodeLocal DNSCache
      expect(m.isAllowed({ from: 'apps/web', to: 'data/db', port: 5432 })).toBe(true); // in-cluster, on every plugin
      expect(m.isAllowed({ from: 'apps/web', to: 'kube-system/coredns', port: 53, protocol: Protocol.UDP })).toBe(true);
    });
  }

  test('GKE Cloud DNS re-opens 169.254.169.254 on 53 only', () => {
    const m = model(false, (chart) => new AllowDns(chart, 'allow-dns', { provider: DnsProvider.gkeCloudDns() }));
    expect(m.isAllowed({ from: 'apps/web', to: '169.254.169.254', port: 53, protocol: Protocol.UDP })).toBe(true);
    expect(m.isAllowed({ from: 'apps/web', to: '169.254.169.254', port: 80 })).toBe(false);
  });
});
