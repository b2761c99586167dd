import { ApiObject, JsonPatch } from 'cdk8s';
import {
  AllowTo, ClusterNetworkPolicy, ClusterRule, DnsProvider, Firewall, NetworkAssertions, Peer, Port, Subject, Tier,
} from '../../../src';
import { errorOf, manifests, newChart, yaml } from '../../support/policy-helpers';

const base = { tier: Tier.ADMIN, priority: 10, subject: Subject.namespace('shop') };

describe('ClusterNetworkPolicy', () => {
  test('snapshot: cluster-scoped (no namespace even in a chart with one), rules in order', () => {
    const chart = newChart('shop');
    new ClusterNetworkPolicy(chart, 'ShopGuard', {
      ...base,
      ingress: [ClusterRule.pass({ name: 'same-namespace', peers: [Peer.namespace('shop')] }), ClusterRule.deny({ peers: [Peer.allPods()] })],
      egress: [
        ClusterRule.deny({ name: 'metadata', peers: [Peer.ipv4('169.254.169.254/32')] }),
        ClusterRule.accept({ peers: [Peer.domain('api.stripe.com')], ports: [Port.HTTPS] }),
      ],
    });
    const out = manifests(chart);
    expect(out[0].metadata).toEqual({ name: 'shop-guard' });
    expect(out[0].apiVersion).toBe('policy.networking.k8s.io/v1alpha2');
    expect(yaml(chart)).toMatchSnapshot();
  });

  test('rules added after construction land (lazy spec); a policy without rules of a direction has none', () => {
    const chart = newChart();
    const p = new ClusterNetworkPolicy(chart, 'guard', { tier: Tier.BASELINE, priority: 5, subject: Subject.allNamespaces() });
    expect(manifests(chart)[0].spec).toEqual({ tier: 'Baseline', priority: 5, subject: { namespaces: {} } });
    p.addEgress(ClusterRule.deny({ peers: [Peer.anywhere()] }));
    p.addIngress(ClusterRule.deny({ peers: [Peer.allPods()] }));
    expect(manifests(chart)[0].spec).toEqual({
      tier: 'Baseline',
      priority: 5,
      subject: { namespaces: {} },
      egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0', '::/0'] }] }],
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
    });
    expect(p.egressRules.map(String)).toEqual(['Deny anywhere']);
    expect(p.ingressRules.map(String)).toEqual(['Deny all pods in all namespaces']);
  });

  test('semantics: an Admin Deny is not re-opened by a NetworkPolicy; a Pass hands to it', () => {
    const chart = newChart('shop');
    new ClusterNetworkPolicy(chart, 'guard', {
      ...base,
      egress: [ClusterRule.pass({ peers: [Peer.namespace('shop')] }), ClusterRule.deny({ peers: [Peer.anywhere()], ports: [Port.tcp(5432)] })],
    });
    new AllowTo(chart, 'anything', { to: [Peer.anywhere()] });
    // `networks` peers match pods by IP (SEMANTICS.md 8.3): the pods have theirs
    const pods = [
      { namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.0.0.1' },
      { namespace: 'shop', name: 'db', ip: '10.0.0.2' },
      { namespace: 'data', name: 'pg', ip: '10.0.1.1' },
    ];
    const net = NetworkAssertions.fromChart(chart, { pods });
    net.denies('shop/web', 'data/pg', 5432).allows('shop/web', 'data/pg', 5433).denies('shop/web', '8.8.8.8', 5432);
    net.allows('shop/web', 'shop/db', 5432); // passed to the NetworkPolicy, which allows
  });

  describe('errors at the call site', () => {
    test('priority, tier, subject, name', () => {
      const chart = newChart();
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p1', { ...base, priority: 1001 }))).toBe(
        'test/p1 (ClusterNetworkPolicy): invalid props: the ClusterNetworkPolicy "p1" would be rejected by the API server: ' +
        'spec.priority: Invalid value: 1001: should be less than or equal to 1000 (the priority is an integer from 0 to 1000, lower evaluated first)');
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p2', { ...base, priority: 1.5 }))).toMatch(/spec\.priority: Invalid value: 1\.5: must be an integer, not a fraction/);
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p3', { ...base, priority: '10' as any }))).toBe(
        'test/p3 (ClusterNetworkPolicy): invalid priority "10": must be an integer from 0 to 1000 (lower evaluated first). Did you mean the number 10?');
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p4', { ...base, tier: 'admin' as any }))).toBe(
        'test/p4 (ClusterNetworkPolicy): invalid tier "admin": must be Tier.ADMIN or Tier.BASELINE. Did you mean Tier.ADMIN?');
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p5', { ...base, subject: { namespaces: {} } as any }))).toBe(
        'test/p5 (ClusterNetworkPolicy): invalid subject {"namespaces":{}}: must be a Subject, e.g. Subject.allNamespaces(), ' +
        "Subject.namespace('shop') or Subject.pods({ labels: { app: 'web' }, namespace: 'shop' })");
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p6', { ...base, name: 'Shop_Guard' }))).toMatch(
        /^test\/p6 \(ClusterNetworkPolicy\): invalid name "Shop_Guard": a lowercase RFC 1123 subdomain .*\. Did you mean "shop-guard"\?$/);
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'p7', { ...base, priorty: 3 } as any))).toBe(
        'test/p7 (ClusterNetworkPolicy): unknown prop "priorty" (did you mean "priority"?): valid props are egress, ingress, name, priority, subject, tier');
    });

    test('names are unique in the cluster, across charts of any namespace', () => {
      const a = newChart('a');
      new ClusterNetworkPolicy(a, 'guard', base);
      const b = newChart('b', a.node.scope as any, 'other');
      expect(errorOf(() => new ClusterNetworkPolicy(b, 'guard', base))).toBe(
        'other/guard (ClusterNetworkPolicy): duplicate ClusterNetworkPolicy name "guard": also declared at "test/guard". A ClusterNetworkPolicy is cluster-scoped, ' +
        "so its name is unique in the cluster whatever the chart's namespace: give one of them another `name`");
    });

    test('ingress peers are pods only', () => {
      const p = new ClusterNetworkPolicy(newChart(), 'guard', base);
      expect(errorOf(() => p.addIngress(ClusterRule.accept({ peers: [Peer.allPods(), Peer.ipv4('10.0.0.0/8')] })))).toBe(
        'test/guard (ClusterNetworkPolicy): invalid addIngress()[0] (Accept): peers[1] "10.0.0.0/8": ClusterNetworkPolicy ingress rules match pods only ' +
        '(namespaces and pods peers), not addresses, nodes or domains. Match that traffic on the egress side of its sender instead, or name pods (Peer.namespace(), Peer.pods(), Peer.allPods())');
      expect(errorOf(() => new ClusterNetworkPolicy(newChart(), 'g', { ...base, ingress: [ClusterRule.deny({ peers: [Peer.anywhere()] })] }))).toMatch(
        /^test\/g \(ClusterNetworkPolicy\): invalid ingress\[0\] \(Deny\): peers\[0\] "anywhere": .* For every pod of the cluster write Peer\.allPods\(\)/);
      expect(p.ingressRules).toEqual([]);
    });

    test('at most 25 rules per direction, from the validator; the rejected rules are not kept', () => {
      const p = new ClusterNetworkPolicy(newChart(), 'guard', base);
      const rules = Array.from({ length: 26 }, (_, i) => ClusterRule.deny({ peers: [Peer.namespace(`ns-${i}`)] }));
      expect(errorOf(() => p.addEgress(...rules))).toBe(
        'test/guard (ClusterNetworkPolicy): invalid addEgress(): the ClusterNetworkPolicy "guard" would be rejected by the API server: ' +
        'spec.egress: Invalid value: 26: must have at most 25 items. Split the rules over two ClusterNetworkPolicies of the same tier, ' +
        'the second at a higher priority number (evaluated after the first)');
      expect(p.egressRules).toHaveLength(0);
      p.addEgress(...rules.slice(0, 25));
      expect(p.egressRules).toHaveLength(25);
    });

    test('not a ClusterRule', () => {
      const p = new ClusterNetworkPolicy(newChart(), 'guard', base);
      expect(errorOf(() => p.addEgress({ action: 'Deny' } as any))).toBe(
        'test/guard (ClusterNetworkPolicy): invalid addEgress()[0] {"action":"Deny"}: must be a ClusterRule: ClusterRule.accept(...), ClusterRule.deny(...) or ClusterRule.pass(...)');
    });

    test('the rendered manifest is checked once more (an escape hatch cannot slip through)', () => {
      const chart = newChart();
      const p = new ClusterNetworkPolicy(chart, 'guard', base);
      p.addJsonPatch(JsonPatch.replace('/spec/priority', 5000));
      expect(errorOf(() => manifests(chart))).toMatch(
        /test\/guard \(ClusterNetworkPolicy\): the ClusterNetworkPolicy "guard" would be rejected by the API server: spec\.priority: Invalid value: 5000: should be less than or equal to 1000/);
    });
  });

  describe('v1 constructs refuse the cluster-only peers, pointing to ClusterNetworkPolicy', () => {
    test('Peer.domain() and Peer.nodes() in AllowTo', () => {
      expect(errorOf(() => new AllowTo(newChart('shop'), 'to-stripe', { to: [Peer.domain('api.stripe.com')] }))).toBe(
        'test/to-stripe (AllowTo): invalid to[0] "domain api.stripe.com": Peer.domain("api.stripe.com") has no NetworkPolicy form: a NetworkPolicy names addresses, never domains. ' +
        'Write it in a ClusterNetworkPolicy egress Accept rule (AllowEgressToDomains, or new ClusterNetworkPolicy(...) with egress: ' +
        '[ClusterRule.accept({ peers: [Peer.domain("api.stripe.com")] })])');
      expect(errorOf(() => new AllowTo(newChart('shop'), 'to-nodes', { to: [Peer.nodes({})] }))).toBe(
        'test/to-nodes (AllowTo): invalid to[0] "all nodes": all nodes has no NetworkPolicy form: a NetworkPolicy cannot select nodes. Write it in a ClusterNetworkPolicy egress rule ' +
        "(new ClusterNetworkPolicy(...) with egress: [ClusterRule.accept({ peers: [Peer.nodes(...)] })]), or name the nodes' addresses with Peer.ipv4() / Peer.ipv6()");
    });

    test('in the Firewall and in a DnsProvider', () => {
      const fw = new Firewall(newChart('shop'), 'fw');
      expect(errorOf(() => fw.allow(Peer.app('web'), Peer.domain('api.stripe.com')))).toMatch(
        /^test\/fw \(Firewall\): invalid allow\(\) to "domain api\.stripe\.com": Peer\.domain\("api\.stripe\.com"\) has no NetworkPolicy form/);
      expect(errorOf(() => DnsProvider.custom([Peer.domain('dns.example.com')]))).toBe(
        'Invalid DnsProvider.custom() peers[0] "domain dns.example.com": name the resolver by its pods or addresses ' +
        "(Peer.pods(), Peer.ipv4('10.0.0.10/32'), ...): a DNS provider is also written into NetworkPolicies, which cannot name domains or nodes");
      expect(errorOf(() => DnsProvider.custom(['10.0.0.10' as any]))).toBe(
        "Invalid DnsProvider.custom() peers[0] \"10.0.0.10\": must be a Peer, e.g. Peer.ipv4('10.0.0.10/32')");
    });
  });

  test('is an ApiObject', () => {
    expect(new ClusterNetworkPolicy(newChart(), 'guard', base)).toBeInstanceOf(ApiObject);
  });
});
