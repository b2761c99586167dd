import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Direction, DnsProvider, Firewall, NetworkAssertions, Peer, PodEndpointProps, Port, Protocol } from '../../../src';
import { errorOf, manifests, newChart, policy } from '../../support/policy-helpers';

/** The NetworkPolicies of a chart as `namespace/name`. */
const names = (chart: Chart) => manifests(chart).filter((m) => m.kind === 'NetworkPolicy').map((m) => `${m.metadata.namespace ?? '-'}/${m.metadata.name}`);

/** Pods of namespace shop, plus a monitoring pod in ops, plus the cluster DNS. */
const pods: PodEndpointProps[] = [
  { namespace: 'shop', name: 'web', labels: { app: 'web' } },
  { namespace: 'shop', name: 'api', labels: { app: 'api' } },
  { namespace: 'shop', name: 'db', labels: { app: 'db' } },
  { namespace: 'shop', name: 'other', labels: { app: 'other' } },
  { namespace: 'ops', name: 'prometheus', labels: { app: 'prometheus' } },
  { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
];
const net = (chart: Chart) => NetworkAssertions.fromChart(chart, { pods });

describe('Firewall: default deny in its namespaces', () => {
  test("GIVEN no namespaces THEN it manages the chart's namespace, denying both directions and keeping DNS", () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    expect(fw.namespaces).toEqual(['shop']);
    expect(names(chart)).toEqual(['shop/default-deny']);
    net(chart)
      .isolated('shop/web', Direction.BOTH)
      .deniesAll('shop/web', 'shop/api')
      .deniesAll('shop/web', '8.8.8.8')
      .allowsOnly('shop/web', 'kube-system/coredns', 'TCP 53,UDP 53')
      .notIsolated('ops/prometheus', Direction.BOTH);
  });

  test('GIVEN a chart without namespace THEN the policies carry none (the namespace they are applied to)', () => {
    const chart = newChart();
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8080)]);
    expect(fw.namespaces).toEqual([]);
    expect(names(chart)).toEqual(['-/default-deny', '-/web-egress', '-/api-ingress']);
    expect(policy(chart, 'api-ingress').spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    NetworkAssertions.fromChart(chart, { pods: pods.map((p) => (p.namespace === 'shop' ? { ...p, namespace: 'default' } : p)) })
      .allowsOnly('default/web', 'default/api', 'TCP 8080')
      .deniesAll('default/other', 'default/api');
  });

  test('allowDns: false drops DNS; dnsProvider changes where it goes', () => {
    const noDns = newChart('shop');
    new Firewall(noDns, 'fw', { allowDns: false });
    expect(policy(noDns, 'default-deny').spec.egress).toBeUndefined();
    net(noDns).deniesAll('shop/web', 'kube-system/coredns');

    const nodeLocal = newChart('shop');
    new Firewall(nodeLocal, 'fw', { dnsProvider: DnsProvider.nodeLocal() });
    expect(policy(nodeLocal, 'default-deny').spec.egress[0].to[0]).toEqual({ ipBlock: { cidr: '169.254.20.10/32' } });
    net(nodeLocal).allows('shop/web', '169.254.20.10', 53, Protocol.UDP);
  });

  test('GIVEN several namespaces THEN one default-deny in each, in the order given, duplicates ignored', () => {
    const chart = newChart();
    const fw = new Firewall(chart, 'fw', { namespaces: ['b', 'a', 'b'] });
    expect(fw.namespaces).toEqual(['b', 'a']);
    expect(names(chart)).toEqual(['b/default-deny', 'a/default-deny']);
  });
});

describe('Firewall.allow: every shape', () => {
  test('pods -> pods in the same namespace: egress on the source, ingress on the destination, no namespace selector', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8080)]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/web-egress', 'shop/api-ingress']);
    expect(policy(chart, 'web-egress').spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
    net(chart).allowsOnly('shop/web', 'shop/api', 'TCP 8080').deniesAll('shop/api', 'shop/web').deniesAll('shop/other', 'shop/api');
  });

  test('pods -> pods across managed namespaces: each side names the other with its namespace', () => {
    const chart = newChart();
    new Firewall(chart, 'fw', { namespaces: ['shop', 'ops'] }).allow(Peer.app('prometheus', 'ops'), Peer.app('api', 'shop'), [Port.named('metrics')]);
    expect(policy(chart, 'prometheus-egress').spec.egress[0].to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } },
    }]);
    const withPorts = pods.map((p) => (p.name === 'api' ? { ...p, ports: [{ name: 'metrics', port: 9090 }] } : p));
    NetworkAssertions.fromChart(chart, { pods: withPorts })
      .allowsOnly('ops/prometheus', 'shop/api', 'TCP 9090')
      .deniesAll('ops/prometheus', 'shop/web');
  });

  test('source outside the managed namespaces: only the ingress half, the source is never isolated', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.app('prometheus', 'ops'), Peer.app('api'), [Port.tcp(9090)]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/api-ingress']);
    net(chart).allowsOnly('ops/prometheus', 'shop/api', 'TCP 9090').notIsolated('ops/prometheus', Direction.BOTH);
  });

  test('destination outside the managed namespaces: only the egress half', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.app('api'), Peer.app('prometheus', 'ops'), [Port.tcp(9091)]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/api-egress']);
    net(chart).allowsOnly('shop/api', 'ops/prometheus', 'TCP 9091').notIsolated('ops/prometheus', Direction.BOTH);
  });

  test('pods -> address block: egress only', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.app('api'), Peer.ipv4('203.0.113.0/24'), [Port.HTTPS]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/api-egress']);
    net(chart).allowsOnly('shop/api', '203.0.113.7', 'TCP 443').deniesAll('shop/api', '8.8.8.8').deniesAll('shop/web', '203.0.113.7');
  });

  test('anywhere -> pods: ingress only, with no `from` (inside and outside the cluster)', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.anywhere(), Peer.app('web'), [Port.HTTP]);
    expect(policy(chart, 'web-ingress').spec.ingress).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }] }]);
    net(chart).allows('8.8.8.8', 'shop/web', 80).allows('ops/prometheus', 'shop/web', 80).denies('8.8.8.8', 'shop/web', 443)
      // a pod of the firewall still needs its own egress half
      .denies('shop/other', 'shop/web', 80);
  });

  test('pods -> anywhere: egress with no `to`', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.app('api'), Peer.anywhere(), [Port.HTTPS]);
    expect(policy(chart, 'api-egress').spec.egress).toEqual([{ ports: [{ port: 443, protocol: 'TCP' }] }]);
    net(chart).allows('shop/api', '8.8.8.8', 443).allows('shop/api', 'ops/prometheus', 443).denies('shop/api', 'shop/web', 443);
  });

  test('all pods of all namespaces -> pods: egress for all pods of every managed namespace, ingress from all pods', () => {
    const chart = newChart();
    new Firewall(chart, 'fw', { namespaces: ['shop', 'ops'] }).allow(Peer.allPods(), Peer.app('api', 'shop'), [Port.tcp(8080)]);
    expect(names(chart)).toEqual(['shop/default-deny', 'ops/default-deny', 'shop/all-pods-egress', 'ops/all-pods-egress', 'shop/api-ingress']);
    net(chart).allows('shop/web', 'shop/api', 8080).allows('ops/prometheus', 'shop/api', 8080).denies('8.8.8.8', 'shop/api', 8080);
  });

  test('a namespace -> pods: every pod of that namespace', () => {
    const chart = newChart();
    new Firewall(chart, 'fw', { namespaces: ['shop', 'ops'] }).allow(Peer.namespace('ops'), Peer.app('api', 'shop'));
    expect(policy(chart, 'all-pods-egress').metadata.namespace).toBe('ops');
    expect(policy(chart, 'all-pods-egress').spec.podSelector).toEqual({});
    net(chart).allowsOnly('ops/prometheus', 'shop/api', 'All Connections').deniesAll('shop/web', 'shop/api');
  });

  test('pods talking to their own kind (replicas of one app)', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allow(Peer.app('db'), Peer.app('db'), [Port.tcp(7000)]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/db-egress', 'shop/db-ingress']);
    const replicas = [...pods, { namespace: 'shop', name: 'db-1', labels: { app: 'db' } }];
    NetworkAssertions.fromChart(chart, { pods: replicas }).allowsOnly('shop/db', 'shop/db-1', 'TCP 7000');
  });

  test('a peer without a namespace lives in the chart namespace', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw', { namespaces: ['shop', 'ops'] }).allow(Peer.app('prometheus', 'ops'), Peer.app('api'), [Port.tcp(9090)]);
    expect(policy(chart, 'prometheus-egress').spec.egress[0].to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } },
    }]);
    expect(policy(chart, 'api-ingress').metadata.namespace).toBe('shop');
  });
});

describe('Firewall: the zero-trust extras', () => {
  test('allowWithin: the pods of a namespace talk to each other, not to others', () => {
    const chart = newChart();
    const fw = new Firewall(chart, 'fw', { namespaces: ['shop', 'ops'] });
    fw.allowWithin('shop');
    expect(names(chart)).toEqual(['shop/default-deny', 'ops/default-deny', 'shop/all-pods-egress', 'shop/all-pods-ingress']);
    expect(policy(chart, 'all-pods-ingress').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] });
    net(chart).allowsOnly('shop/web', 'shop/db', 'All Connections').deniesAll('shop/web', 'ops/prometheus').deniesAll('ops/prometheus', 'shop/web');
  });

  test("allowWithin with ports, and defaulting to the chart's namespace", () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allowWithin(undefined, [Port.HTTP]);
    net(chart).allowsOnly('shop/web', 'shop/api', 'TCP 80');
  });

  test('allowFromAnywhere: clients outside the cluster and an ingress controller reach the web pods', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allowFromAnywhere(Peer.app('web'), [Port.HTTP, Port.HTTPS]);
    expect(policy(chart, 'web-ingress').spec.ingress).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }]);
    const ingressNginx = { namespace: 'ingress-nginx', name: 'controller', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
    NetworkAssertions.fromChart(chart, { pods: [...pods, ingressNginx] })
      .allowsOnly('203.0.113.9', 'shop/web', 'TCP 80,443')
      .allowsOnly('ingress-nginx/controller', 'shop/web', 'TCP 80,443')
      .deniesAll('203.0.113.9', 'shop/api');
  });

  test('allowToInternet: public addresses yes; private ranges, cloud metadata and pods no', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw').allowToInternet(Peer.app('api'), [Port.HTTPS]);
    const egress = policy(chart, 'api-egress').spec.egress;
    expect(egress).toHaveLength(1);
    expect(egress[0].to.map((p: any) => p.ipBlock.cidr)).toEqual(['0.0.0.0/0', '::/0']);
    net(chart)
      .allowsOnly('shop/api', '93.184.216.34', 'TCP 443')
      .allows('shop/api', '2606:2800:220:1::1', 443)
      .deniesAll('shop/api', '169.254.169.254')
      .deniesAll('shop/api', 'fd00:ec2::254')
      .deniesAll('shop/api', '10.1.2.3')
      .deniesAll('shop/api', '192.168.1.1')
      .deniesAll('shop/api', 'shop/web')
      .deniesAll('shop/web', '93.184.216.34');
  });
});

describe('Firewall: merging', () => {
  /** GIVEN a small shop: web -> api on 8080 and 8443, prometheus -> api on 9090, api -> db on 5432, ops -> api on 8080 */
  function build(order: number[]) {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw', { namespaces: ['shop'] });
    const calls: (() => void)[] = [
      () => fw.allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8443), Port.tcp(8080)]),
      () => fw.allow(Peer.app('prometheus', 'ops'), Peer.app('api'), [Port.tcp(9090)]),
      () => fw.allow(Peer.app('api'), Peer.app('db'), [Port.POSTGRES]),
      () => fw.allow(Peer.app('other'), Peer.app('api'), [Port.tcp(8080), Port.tcp(8443)]),
      () => fw.allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8080)]),
    ];
    for (const i of order) calls[i]();
    return chart;
  }

  test('one policy per pods and direction; same ports -> one rule with every peer; sorted', () => {
    const chart = build([0, 1, 2, 3, 4]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/web-egress', 'shop/api-ingress', 'shop/api-egress', 'shop/db-ingress', 'shop/other-egress']);
    expect(policy(chart, 'api-ingress').spec.ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: { app: 'other' } } }, { podSelector: { matchLabels: { app: 'web' } } }],
        ports: [{ port: 8080, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }],
      },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } }, podSelector: { matchLabels: { app: 'prometheus' } } }],
        ports: [{ port: 9090, protocol: 'TCP' }],
      },
    ]);
    expect(manifests(chart)).toMatchSnapshot();
  });

  test('the rules do not depend on the order of the calls', () => {
    const spec = (chart: Chart) => Object.fromEntries(manifests(chart).map((m) => [m.metadata.name, m.spec]));
    expect(spec(build([4, 3, 2, 1, 0]))).toEqual(spec(build([0, 1, 2, 3, 4])));
    expect(spec(build([2, 0, 4, 1, 3]))).toEqual(spec(build([0, 1, 2, 3, 4])));
  });

  test('merging keeps the meaning', () => {
    net(build([0, 1, 2, 3, 4]))
      .allowsOnly('shop/web', 'shop/api', 'TCP 8080,8443')
      .allowsOnly('shop/other', 'shop/api', 'TCP 8080,8443')
      .allowsOnly('ops/prometheus', 'shop/api', 'TCP 9090')
      .allowsOnly('shop/api', 'shop/db', 'TCP 5432')
      .deniesAll('shop/web', 'shop/db')
      .deniesAll('shop/db', 'shop/api');
  });

  test('every port wins over some ports; anywhere wins over some peers', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8080)]);
    fw.allow(Peer.app('web'), Peer.app('api'));
    fw.allow(Peer.app('other'), Peer.app('api'), [Port.HTTP]);
    fw.allowFromAnywhere(Peer.app('api'), [Port.HTTP]);
    expect(policy(chart, 'api-ingress').spec.ingress).toEqual([
      { ports: [{ port: 80, protocol: 'TCP' }] },
      { from: [{ podSelector: { matchLabels: { app: 'web' } } }] },
    ]);
  });

  test('the same pods written two ways are one group', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'), [Port.HTTP]);
    fw.allow(Peer.pods({ labels: { app: 'web' }, namespace: 'shop' }), Peer.pods({ labels: { app: 'api' } }), [Port.HTTPS]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/web-egress', 'shop/api-ingress']);
    expect(policy(chart, 'api-ingress').spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] },
    ]);
  });
});

describe('Firewall: names', () => {
  test('from the app label, a single label, several labels, expressions', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.pods({ labels: { role: 'frontend' } }), Peer.pods({ labels: { app: 'bookstore', role: 'db' } }));
    fw.allow(Peer.pods({ labels: { 'app.kubernetes.io/name': 'Search_Engine' } }), Peer.pods({ expressions: [{ key: 'tier', operator: 'In' as any, values: ['api', 'web'] }] }));
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/frontend-egress', 'shop/bookstore-db-ingress', 'shop/search-engine-egress', 'shop/api-web-ingress']);
  });

  test('two different pod groups with the same short name: the second gets the long name', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.pods({ labels: { role: 'web' } }), Peer.app('api'));
    fw.allow(Peer.pods({ labels: { tier: 'web' } }), Peer.app('api'));
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/web-egress', 'shop/api-ingress', 'shop/tier-web-egress']);
  });

  test('when both names are taken: a clear error saying what to do', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.pods({ labels: { role: 'web' } }), Peer.app('api')); // web-egress; its long form would be role-web
    fw.allow(Peer.pods({ labels: { tier: 'web' } }), Peer.app('api')); // tier-web-egress
    fw.allow(Peer.pods({ labels: { x: 'role-web' } }), Peer.app('api')); // role-web-egress
    expect(errorOf(() => fw.allow(Peer.pods({ labels: { Role: 'web' } }), Peer.app('api'))))
      .toMatch(/^test\/fw \(Firewall\): cannot name the policies of "Role=web" in namespace "shop": "web-ingress" and "role-web-ingress" already belong to other pods \(pods role=web\)\. Give the pods a distinguishing label/);
  });
});

describe('Firewall: errors say what to write instead', () => {
  test('pods chosen by namespace labels cannot carry a policy', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    const msg = errorOf(() => fw.allow(Peer.namespaces({ team: 'ops' }), Peer.app('api')));
    expect(msg).toMatch(/cannot write the egress half for "all pods in namespaces team=ops": its namespaces are chosen by labels/);
    expect(msg).toMatch(/Name the namespace instead, e\.g\. Peer\.pods\(\{ labels: \.\.\. , namespace: 'name' \}\) or Peer\.namespace\('name'\)/);
    expect(msg).toMatch(/write the other half with AllowFrom/);
    expect(errorOf(() => fw.allow(Peer.app('api'), Peer.pods({ labels: { app: 'x' }, namespaceLabels: { team: 'ops' } }))))
      .toMatch(/cannot write the ingress half .* with AllowTo/);
    // nothing was half-written
    expect(names(chart)).toEqual(['shop/default-deny']);
  });

  test('neither side in a managed namespace', () => {
    const fw = new Firewall(newChart('shop'), 'fw');
    expect(errorOf(() => fw.allow(Peer.app('a', 'ops'), Peer.app('b', 'ops'))))
      .toMatch(/neither side is pods of this firewall's namespaces \("shop"\).*AllowFrom \/ AllowTo/);
    expect(errorOf(() => fw.allow(Peer.anywhere(), Peer.ipv4('10.0.0.0/8')))).toMatch(/neither side/);
  });

  test('a peer without namespace in a chart without namespace, named from another namespace', () => {
    const fw = new Firewall(newChart(), 'fw', { namespaces: ['shop'] });
    // Peer.app('web') lives in the chart's (unnamed) namespace: not managed, so it only appears as a peer
    expect(errorOf(() => fw.allow(Peer.app('web'), Peer.app('api', 'shop'))))
      .toMatch(/"app=web" has no namespace and the chart has none either.*Peer.app\('web', 'shop'\).*namespace: 'shop'/);
  });

  test('bad peers, ports and props', () => {
    const fw = new Firewall(newChart('shop'), 'fw');
    expect(errorOf(() => fw.allow('web' as any, Peer.app('api')))).toMatch(/invalid allow\(\) from "web": must be a Peer; for pods use Peer.app\("web"\)/);
    expect(errorOf(() => fw.allow(Peer.app('web'), '10.0.0.0/8' as any))).toMatch(/for an address block use Peer.ipv4\("10.0.0.0\/8"\)/);
    expect(errorOf(() => fw.allow(Peer.app('web'), Peer.app('api'), [80 as any]))).toMatch(/invalid allow\(\) ports\[0\] 80: must be a Port; did you mean Port.tcp\(80\)\?/);
    expect(errorOf(() => fw.allow(Peer.app('web'), Peer.app('api'), []))).toMatch(/an empty list would mean every port; omit it/);
    expect(errorOf(() => new Firewall(newChart('shop'), 'fw', { namespaces: [] }))).toMatch(/a firewall manages at least one namespace/);
    expect(errorOf(() => new Firewall(newChart('shop'), 'fw', { namespaces: ['Shop'] }))).toMatch(/invalid namespace "Shop" in namespaces/);
    expect(errorOf(() => new Firewall(newChart('shop'), 'fw', { allowDns: false, dnsProvider: DnsProvider.nodeLocal() }))).toMatch(/remove one of them/);
    expect(errorOf(() => fw.allowWithin('ops'))).toMatch(/allowWithin\("ops"\): "ops" is not one of this firewall's namespaces \("shop"\)/);
  });

  test('pods of several namespaces from cdk8s-plus Pods.select: name them one by one', () => {
    const chart = newChart('shop');
    const many = kplus.Pods.select(chart, 'monitoring', {
      labels: { role: 'monitoring' },
      namespaces: kplus.Namespaces.select(chart, 'nss', { names: ['ops', 'infra'] }),
    });
    expect(errorOf(() => new Firewall(chart, 'fw').allow(Peer.workload(many), Peer.app('api'))))
      .toMatch(/cannot write the egress half for "role=monitoring in namespaces kubernetes.io\/metadata.name in \(infra,ops\)".*one allow\(\) per namespace/);
  });

  test('a workload passed where a Peer is expected: the error names it and says Peer.workload', () => {
    const chart = newChart('shop');
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }] });
    expect(errorOf(() => new Firewall(chart, 'fw').allow(web as any, Peer.app('api'))))
      .toMatch(/test\/fw \(Firewall\): invalid allow\(\) from Deployment "test\/web": must be a Peer; for the pods of a workload .* use Peer.workload\(...\)/);
  });

  test('a workload and the ApiObject it renders are the same pods: one policy, named after the workload', () => {
    const chart = newChart('shop');
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }], podMetadata: { labels: { app: 'web' } } });
    const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 9000 }], podMetadata: { labels: { app: 'api' } } });
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.workload(web), Peer.workload(api), [Port.tcp(9000)]);
    fw.allow(Peer.workload(web.node.defaultChild!), Peer.workload(api.node.defaultChild!), [Port.tcp(9001)]);
    expect(names(chart)).toEqual(['shop/default-deny', 'shop/web-egress', 'shop/api-ingress']);
    expect(policy(chart, 'api-ingress').spec.ingress[0].ports).toEqual([{ port: 9000, protocol: 'TCP' }, { port: 9001, protocol: 'TCP' }]);
  });

  test('allow() reads where a workload lives, not its labels: a workload completed later is fine', () => {
    const chart = newChart('shop');
    const web = new kplus.Deployment(chart, 'web', { podMetadata: { labels: { app: 'web' } } });
    new Firewall(chart, 'fw').allow(Peer.workload(web), Peer.app('api'), [Port.tcp(9000)]);
    web.addContainer({ image: 'nginx' });
    web.podMetadata.addLabel('tier', 'edge');
    expect(policy(chart, 'web-egress').spec.podSelector).toEqual({ matchLabels: { app: 'web', tier: 'edge' } });
  });

  test('two firewalls managing one namespace: the duplicate default-deny is reported at synth', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'a');
    new Firewall(chart, 'b');
    expect(errorOf(() => Testing.synth(chart))).toMatch(/Duplicate NetworkPolicy name "default-deny" in namespace "shop"/);
  });
});
