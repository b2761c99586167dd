import { AllowEgressToDomains, ClusterDefaultDeny, DefaultDeny, DnsProvider, NetworkAssertions, PodEndpointProps, Port, Subject } from '../../../src';
import { errorOf, newChart, yaml } from '../../support/policy-helpers';

const pods: PodEndpointProps[] = [
  { namespace: 'shop', name: 'checkout', labels: { app: 'checkout' }, ip: '10.0.0.1' },
  { namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.0.0.2' },
  { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, ip: '10.0.2.10' },
];
const checkout = Subject.pods({ labels: { app: 'checkout' }, namespace: 'shop' });

describe('AllowEgressToDomains', () => {
  test('snapshot', () => {
    const chart = newChart('shop');
    const p = new AllowEgressToDomains(chart, 'to-stripe', { subject: checkout, domains: ['api.stripe.com', '*.stripe.network', 'api.stripe.com'], ports: [Port.HTTPS] });
    expect(p.domains).toEqual(['api.stripe.com', '*.stripe.network']);
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('the domains and DNS, on the given ports, past a namespace that denies all egress; nothing else', () => {
    const chart = newChart('shop');
    new AllowEgressToDomains(chart, 'to-stripe', { subject: checkout, domains: ['api.stripe.com', '*.stripe.network'], ports: [Port.HTTPS] });
    new DefaultDeny(chart, 'deny', { allowDns: false });
    const net = NetworkAssertions.fromChart(chart, { pods });
    const a = net.model._analysis();
    expect(a.domainConnections('shop/checkout', 'api.stripe.com').toString()).toBe('TCP 443');
    expect(a.domainConnections('shop/checkout', 'm.stripe.network').toString()).toBe('TCP 443');
    expect(a.domainConnections('shop/checkout', 'stripe.network').toString()).toBe('No Connections');
    expect(a.domainConnections('shop/checkout', 'evil.example.com').toString()).toBe('No Connections');
    expect(a.domainConnections('shop/web', 'api.stripe.com').toString()).toBe('No Connections');
    net.allowsOnly('shop/checkout', 'kube-system/coredns', 'TCP 53,UDP 53').deniesAll('shop/web', 'kube-system/coredns');
    net.deniesAll('shop/checkout', '8.8.8.8');
  });

  test('with the cluster default-deny: the domains only', () => {
    const chart = newChart();
    new AllowEgressToDomains(chart, 'to-stripe', { subject: checkout, domains: ['api.stripe.com'], allowDns: false });
    new ClusterDefaultDeny(chart, 'cdd');
    const net = NetworkAssertions.fromChart(chart, { pods });
    expect(net.model._analysis().domainConnections('shop/checkout', 'api.stripe.com').toString()).toBe('All Connections');
    expect(net.model._analysis().domainConnections('shop/checkout', 'example.com').toString()).toBe('No Connections');
    net.allowsOnly('shop/checkout', 'kube-system/coredns', 'TCP 53,UDP 53'); // the Baseline tier's DNS
  });

  test('snapshot: another DNS provider', () => {
    const chart = newChart();
    new AllowEgressToDomains(chart, 'to-github', { subject: Subject.allNamespaces(), domains: ['github.com'], dnsProvider: DnsProvider.nodeLocal(), priority: 40 });
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('errors', () => {
    const chart = newChart();
    expect(errorOf(() => new AllowEgressToDomains(chart, 'a', { subject: checkout, domains: [] }))).toBe(
      "test/a (AllowEgressToDomains): invalid domains []: must be a non-empty list of domain names, e.g. ['api.stripe.com', '*.stripe.com']");
    expect(errorOf(() => new AllowEgressToDomains(chart, 'b', { subject: checkout, domains: ['https://api.stripe.com'] }))).toMatch(
      /^test\/b \(AllowEgressToDomains\): invalid domains\[0\]: Invalid domain name "https:\/\/api\.stripe\.com" in Peer\.domain\(\): must be a domain name/);
    expect(errorOf(() => new AllowEgressToDomains(chart, 'c', { subject: checkout, domains: ['a.com'], allowDns: false, dnsProvider: DnsProvider.kubeDns() }))).toBe(
      'test/c (AllowEgressToDomains): dnsProvider is given but allowDns is false: remove one of them');
    expect(errorOf(() => new AllowEgressToDomains(chart, 'd', { domains: ['a.com'] } as any))).toBe(
      'test/d (AllowEgressToDomains): invalid subject undefined: must be a Subject, e.g. Subject.allNamespaces(), ' +
      "Subject.namespace('shop') or Subject.pods({ labels: { app: 'web' }, namespace: 'shop' })");
    expect(errorOf(() => new AllowEgressToDomains(chart, 'e', { subject: checkout, domains: ['a.com'], ports: [Port.named('https')] }))).toMatch(
      /^test\/e \(AllowEgressToDomains\): Invalid ClusterRule\.accept\(\): the API server would reject the rule: .*namedPorts/);
    const many = Array.from({ length: 30 }, (_, i) => `d${i}.example.com`);
    const f = new AllowEgressToDomains(chart, 'f', { subject: checkout, domains: many });
    // 25 names per peer (the CRD's limit): two peers
    expect(f.toJson().spec.egress[1].to.map((p: any) => p.domainNames.length)).toEqual([25, 5]);
  });
});
