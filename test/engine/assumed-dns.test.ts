/**
 * The cluster DNS assumed when the input has none (engine: assumed-endpoints.ts; NetworkModel's
 * `assumedDns`; the assertions through it): cdk8s output has no DNS pods, yet every egress
 * default-deny keeps DNS toward them.
 */
import { Testing } from 'cdk8s';
import { REAL_DNS, shopChart } from './cdk8s-shop';
import { DnsProvider, Protocol } from '../../src';
import { Analysis, assumeDnsPods, Inventory } from '../../src/engine';
import { NetworkAssertions } from '../../src/reachability/assertions';
import { AssumedDns, NetworkModel } from '../../src/reachability/network-model';

describe('the engine: assumeDnsPods', () => {
  const inventoryOf = (manifests: any[]) => {
    const inv = new Inventory();
    for (const m of manifests) inv.addManifest(m);
    return inv;
  };

  test('adds kube-system/coredns (assumed), with the DNS labels and ports, when the input has no DNS pod', () => {
    const inv = inventoryOf(Testing.synth(shopChart()));
    const standIn = assumeDnsPods(inv, 'kube-dns')!;
    expect(standIn.id).toBe('kube-system/coredns (assumed)');
    expect(standIn.labels).toEqual({ 'k8s-app': 'kube-dns' });
    expect(standIn.ports).toEqual([{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }]);
    expect(standIn.assumed).toMatch(/^the cluster DNS \(kube-dns \/ CoreDNS\), which the input does not define/);
    const a = new Analysis(inv);
    expect(a.connections('shop/web', 'kube-system/coredns').toString()).toBe('TCP 53,UDP 53');
    // the DNS Service's names, and the stand-in's own
    for (const name of ['kube-dns', 'kube-system/kube-dns', 'kube-system/coredns (assumed)']) expect(a.endpoint(name)).toBe(a.endpoint('kube-system/coredns'));
  });

  test('a real DNS pod wins: nothing is added, and kube-dns names the real pod', () => {
    const inv = inventoryOf([...Testing.synth(shopChart()), REAL_DNS]);
    expect(assumeDnsPods(inv, 'kube-dns')).toBeUndefined();
    expect(inv.pods.map((p) => p.id).sort()).toEqual(['kube-system/coredns', 'shop/api', 'shop/web']);
    expect(new Analysis(inv).endpoint('kube-dns').id).toBe('kube-system/coredns');
  });

  test('a workload with the stand-in\'s name but not the labels is not replaced', () => {
    const other = { ...REAL_DNS, spec: { ...REAL_DNS.spec, template: { ...REAL_DNS.spec.template, metadata: { labels: { app: 'mine' } } } } };
    const inv = inventoryOf([other]);
    expect(assumeDnsPods(inv, 'kube-dns')).toBeUndefined();
    expect(inv.pods.map((p) => p.id)).toEqual(['kube-system/coredns']);
    expect(inv.pods[0].labels).toEqual({ app: 'mine' });
  });

  test('openshift: openshift-dns/dns-default (assumed) on 5353, which DnsProvider.openShift() keeps', () => {
    const inv = inventoryOf(Testing.synth(shopChart(DnsProvider.openShift())));
    expect(assumeDnsPods(inv, 'openshift')!.id).toBe('openshift-dns/dns-default (assumed)');
    const a = new Analysis(inv);
    expect(a.connections('shop/web', 'openshift-dns/dns-default').toString()).toBe('TCP 53,5353,UDP 53,5353');
    expect(() => a.endpoint('kube-dns')).toThrow(/Unknown endpoint "kube-dns"/);
  });

  test('none adds nothing; an unknown name does not suggest the stand-in', () => {
    const inv = inventoryOf(Testing.synth(shopChart()));
    expect(assumeDnsPods(inv, 'none')).toBeUndefined();
    expect(() => new Analysis(inv).endpoint('kube-dns')).toThrow('Unknown endpoint "kube-dns"');
    assumeDnsPods(inv, 'kube-dns');
    expect(() => new Analysis(inv).endpoint('shop/wbe')).toThrow(/Closest known endpoints: shop\/web, shop\/api\.$/);
  });

  test('two DNS pods: kube-dns is ambiguous, naming both', () => {
    const second = { ...REAL_DNS, metadata: { name: 'coredns-b', namespace: 'kube-system' } };
    const a = new Analysis(inventoryOf([REAL_DNS, second]));
    expect(() => a.endpoint('kube-dns')).toThrow('Endpoint "kube-dns" names the cluster DNS, and 2 workloads are DNS pods: write one of "kube-system/coredns", "kube-system/coredns-b".');
  });
});

describe('NetworkModel and the assertions on pure cdk8s output', () => {
  test('net.allows(shop/web, kube-dns, UDP 53) holds by default; the other ports do not', () => {
    const net = NetworkAssertions.fromChart(shopChart());
    net.allows('shop/web', 'kube-dns', 53, Protocol.UDP).allows('shop/web', 'kube-system/coredns', 53, Protocol.TCP);
    net.denies('shop/web', 'kube-dns', 80);
    net.allowsOnly('shop/api', 'kube-dns', 'TCP 53,UDP 53');
    expect(() => net.denies('shop/web', 'kube-dns', 53, Protocol.UDP)).toThrow(/Expected shop\/web => kube-dns on UDP 53 to be denied/);
  });

  test('the model shows the stand-in as assumed: in explanations and the listing, not among the endpoints it defines', () => {
    const model = NetworkModel.fromChart(shopChart());
    expect(model.endpoints).toEqual(['shop/api', 'shop/web']);
    const e = model.explain({ from: 'shop/web', to: 'kube-dns', port: 53, protocol: Protocol.UDP });
    expect(e.allowed).toBe(true);
    expect(e.to).toBe('kube-system/coredns (assumed)');
    expect(model.connectivity().map((c) => `${c.from} => ${c.to} : ${c.connections}`)).toContain('shop/web => kube-system/coredns (assumed) : TCP 53,UDP 53');
  });

  test('assumedDns NONE: no stand-in, kube-dns is unknown', () => {
    const model = NetworkModel.fromChart(shopChart(), { assumedDns: AssumedDns.NONE });
    expect(() => model.explain({ from: 'shop/web', to: 'kube-dns', port: 53 })).toThrow('Unknown endpoint "kube-dns"');
    expect(model.connectivity().some((c) => c.to.includes('assumed') || c.from.includes('assumed'))).toBe(false);
  });

  test('a DNS pod added later replaces the stand-in', () => {
    const model = NetworkModel.fromChart(shopChart());
    expect(model.explain({ from: 'shop/web', to: 'kube-dns', port: 53, protocol: Protocol.UDP }).to).toBe('kube-system/coredns (assumed)');
    model.addManifest(REAL_DNS);
    expect(model.explain({ from: 'shop/web', to: 'kube-dns', port: 53, protocol: Protocol.UDP }).to).toBe('kube-system/coredns');
    expect(model.connectivity().some((c) => c.to.includes('assumed') || c.from.includes('assumed'))).toBe(false);
  });

  test('with a real DNS pod the listing is the one without any stand-in', () => {
    const lines = (assumedDns: AssumedDns) => NetworkModel.fromChart(shopChart(), { assumedDns }).addManifest(REAL_DNS)
      .connectivity().map((c) => `${c.from} => ${c.to} : ${c.connections}`);
    expect(lines(AssumedDns.KUBE_DNS)).toEqual(lines(AssumedDns.NONE));
  });

  test('an invalid assumedDns is an error naming the choices', () => {
    expect(() => new NetworkModel({ assumedDns: 'coredns' as AssumedDns })).toThrow('Invalid NetworkModel assumedDns "coredns": use AssumedDns.KUBE_DNS, AssumedDns.OPENSHIFT or AssumedDns.NONE');
  });
});
