import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AllowFrom, AllowTo, Direction, Firewall, NetworkAssertions, NetworkModel, Peer, PodSelector, Port } from '../../src';
import { errorOf, manifests, policy } from '../support/policy-helpers';

/** GIVEN a chart in namespace `shop` with a web Deployment (app=web) and an api Deployment (app=api). */
function shop(namespace: string | undefined = 'shop') {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', namespace === undefined ? {} : { namespace });
  const container = (port: number) => ({ image: 'nginx', portNumber: port, securityContext: { ensureNonRoot: false } });
  const web = new kplus.Deployment(chart, 'web', { containers: [container(80)], podMetadata: { labels: { app: 'web' } } });
  const api = new kplus.Deployment(chart, 'api', { containers: [container(9000)], podMetadata: { labels: { app: 'api' } } });
  const other = new kplus.Deployment(chart, 'other', { containers: [container(80)], podMetadata: { labels: { app: 'other' } } });
  return { app, chart, web, api, other, container };
}

const ep = (w: kplus.AbstractPod) => `${w.metadata.namespace ?? 'default'}/${w.name}`;

describe('Peer.workload / PodSelector.workload with AllowFrom (issue 4 example)', () => {
  function build() {
    const s = shop();
    new AllowFrom(s.chart, 'api-from-web', { selector: PodSelector.workload(s.api), from: [Peer.workload(s.web)], ports: [Port.tcp(9000)] });
    return s;
  }

  test('renders the workloads by their pod labels, without the hashed cdk8s label, in their namespace', () => {
    const { chart } = build();
    const p = policy(chart, 'api-from-web');
    expect(p.metadata.namespace).toBe('shop');
    expect(p.spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } }],
        ports: [{ port: 9000, protocol: 'TCP' }],
      }],
    });
    expect(JSON.stringify(p)).not.toContain('cdk8s.io/metadata.addr');
  });

  test('the engine sees the Deployments by name: web reaches api on 9000 only, other does not', () => {
    const { app, web, api, other } = build();
    const net = NetworkAssertions.fromApp(app);
    expect(net.model.endpoints).toEqual(expect.arrayContaining([ep(web), ep(api), ep(other)]));
    net.allowsOnly(ep(web), ep(api), 'TCP 9000');
    net.deniesAll(ep(other), ep(api));
    net.reachableOnlyFrom(ep(api), 9000, [ep(web)]);
  });

  test('never isolates the peer: web stays open in both directions (unlike connections.allowFrom)', () => {
    const { app, web, other } = build();
    const net = NetworkAssertions.fromApp(app);
    net.notIsolated(ep(web), Direction.BOTH);
    net.allowsOnly(ep(other), ep(web), 'All Connections');
    net.allowsOnly(ep(web), '8.8.8.8', 'All Connections');
    // one NetworkPolicy, the one asked for
    expect(manifests(build().chart).filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name)).toEqual(['api-from-web']);
  });

  test('labels added after the peer was created are used (read at synth time)', () => {
    const s = shop();
    const peer = Peer.workload(s.web);
    new AllowTo(s.chart, 'api-to-web', { selector: PodSelector.workload(s.api), to: [peer] });
    s.web.podMetadata.addLabel('tier', 'edge');
    s.api.podMetadata.addLabel('tier', 'core');
    const p = policy(s.chart, 'api-to-web');
    expect(p.spec.podSelector).toEqual({ matchLabels: { app: 'api', tier: 'core' } });
    expect(p.spec.egress[0].to[0].podSelector).toEqual({ matchLabels: { app: 'web', tier: 'edge' } });
    expect(peer.toString()).toBe('app=web,tier=edge in namespace shop');
  });

  test('the policy goes to the workload namespace; another namespace is an error saying which', () => {
    const s = shop();
    const db = new kplus.StatefulSet(s.chart, 'db', {
      metadata: { namespace: 'data' }, containers: [s.container(5432)], podMetadata: { labels: { app: 'db' } },
    });
    new AllowFrom(s.chart, 'db-from-api', { selector: PodSelector.workload(db), from: [Peer.workload(s.api)], ports: [Port.POSTGRES] });
    const p = policy(s.chart, 'db-from-api');
    expect(p.metadata.namespace).toBe('data');
    // api lives in the chart's namespace, shop: named, since the policy is in data
    expect(p.spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
      podSelector: { matchLabels: { app: 'api' } },
    }]);
    const net = NetworkAssertions.fromApp(s.app);
    net.allowsOnly(ep(s.api), ep(db), 'TCP 5432');
    net.deniesAll(ep(s.web), ep(db));

    expect(errorOf(() => new AllowFrom(s.chart, 'wrong', { namespace: 'shop', selector: PodSelector.workload(db) })))
      .toMatch(/picks pods of namespace "data", but the policy is in namespace "shop".*namespace: "data"/);
  });

  test('a workload whose pods carry no label of the user is selected by its own selector', () => {
    const s = shop();
    const bare = new kplus.Deployment(s.chart, 'bare', { containers: [s.container(8080)] });
    new AllowFrom(s.chart, 'bare-from-web', { selector: PodSelector.workload(bare), from: [Peer.workload(s.web)] });
    const p = policy(s.chart, 'bare-from-web');
    expect(Object.keys(p.spec.podSelector.matchLabels)).toEqual(['cdk8s.io/metadata.addr']);
    const net = NetworkAssertions.fromApp(s.app);
    net.allowsOnly(ep(s.web), ep(bare), 'All Connections');
    net.deniesAll(ep(s.other), ep(bare));
  });

  test('bad input says what was passed and what is accepted, never every pod', () => {
    const s = shop();
    const accepted = /Pass a workload construct of cdk8s-plus \(any major: Deployment, .*\) or Pods.select\(...\), a cdk8s ApiObject of a workload kind \(Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, ReplicationController\), or a construct holding one/;
    const cases: [string, unknown, RegExp][] = [
      ['a string', 'web', /^Invalid Peer.workload\(\) argument "web": not a construct\./],
      ['undefined', undefined, /argument undefined: not a construct/],
      ['null', null, /argument null: not a construct/],
      ['a number', 42, /argument 42: not a construct/],
      ['an options object', { labels: { app: 'web' } }, /argument \{"labels":\{"app":"web"\}\}: not a construct/],
      ['a Peer', Peer.app('web'), /argument a Peer "app=web": not a construct/],
      ['a cdk8s-plus Service', new kplus.Service(s.chart, 'svc', { ports: [{ port: 80 }] }),
        /argument Service "shop\/svc": it renders a Service \(its node.defaultChild KubeService "shop\/svc\/Resource"\), not a workload, and holds none/],
      ['a plain ApiObject Service', new ApiObject(s.chart, 'plain-svc', { apiVersion: 'v1', kind: 'Service' }),
        /argument ApiObject "shop\/plain-svc" \(kind "Service"\): it renders a Service, not a workload/],
      ['a Deployment of another API group', new ApiObject(s.chart, 'crd', { apiVersion: 'example.com/v1', kind: 'Deployment' }),
        /argument ApiObject "shop\/crd" \(kind "Deployment"\): it renders a Deployment of apiVersion "example.com\/v1", not a workload/],
      ['a construct holding nothing', new Construct(s.chart, 'empty'), /argument Construct "shop\/empty": it is not a workload and holds none/],
      ['the chart', s.chart, /argument Chart "shop": a chart is not one workload; pass the workload itself/],
      ['the app', s.app, /argument App "": a cdk8s app is not one workload/],
    ];
    for (const [what, value, expected] of cases) {
      for (const [factory, call] of [['Peer', () => Peer.workload(value as any)], ['PodSelector', () => PodSelector.workload(value as any)]] as const) {
        const message = errorOf(call);
        expect({ what, message }).toEqual({ what, message: expect.stringMatching(expected.source.replace('Peer.workload', `${factory}.workload`)) });
        expect({ what, message }).toEqual({ what, message: expect.stringMatching(accepted) });
      }
    }
  });

  test('a construct holding several workloads is ambiguous: the error names them', () => {
    const s = shop();
    const pair = new Construct(s.chart, 'pair');
    new kplus.Deployment(pair, 'a', { containers: [s.container(80)], podMetadata: { labels: { app: 'a' } } });
    new kplus.Deployment(pair, 'b', { containers: [s.container(80)], podMetadata: { labels: { app: 'b' } } });
    expect(errorOf(() => Peer.workload(pair))).toMatch(
      /Construct "shop\/pair": it holds 2 workloads \(KubeDeployment "shop\/pair\/a\/Resource", KubeDeployment "shop\/pair\/b\/Resource"\), so which pods it means is ambiguous; pass one of them, or make it the construct's node.defaultChild/);
    pair.node.defaultChild = pair.node.findChild('b');
    expect(Peer.workload(pair).toString()).toBe('app=b in namespace shop');
  });
});

describe('workloads without cdk8s-plus, and constructs holding one', () => {
  const podSpec = { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 7000 }] }] };
  const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: podSpec });

  test.each([
    ['Deployment', 'apps/v1', { selector: { matchLabels: { app: 'x' } }, template: template({ app: 'x', tier: 'a' }) }],
    ['StatefulSet', 'apps/v1', { serviceName: 'x', selector: { matchLabels: { app: 'x' } }, template: template({ app: 'x', tier: 'a' }) }],
    ['DaemonSet', 'apps/v1', { selector: { matchLabels: { app: 'x' } }, template: template({ app: 'x', tier: 'a' }) }],
    ['ReplicaSet', 'apps/v1', { selector: { matchLabels: { app: 'x' } }, template: template({ app: 'x', tier: 'a' }) }],
    ['ReplicationController', 'v1', { selector: { app: 'x' }, template: template({ app: 'x', tier: 'a' }) }],
    ['Job', 'batch/v1', { template: template({ app: 'x', tier: 'a' }) }],
    ['CronJob', 'batch/v1', { schedule: '@daily', jobTemplate: { spec: { template: template({ app: 'x', tier: 'a' }) } } }],
  ])('a plain cdk8s ApiObject %s: its pod template labels, its namespace; the engine agrees', (kind, apiVersion, spec) => {
    const s = shop();
    const x = new ApiObject(s.chart, 'x', { apiVersion, kind, metadata: { name: 'x', namespace: 'data' }, spec });
    new AllowFrom(s.chart, 'x-from-web', { selector: PodSelector.workload(x), from: [Peer.workload(s.web)], ports: [Port.tcp(7000)] });
    const p = policy(s.chart, 'x-from-web');
    expect(p.metadata.namespace).toBe('data');
    expect(p.spec.podSelector).toEqual({ matchLabels: { app: 'x', tier: 'a' } });
    const net = NetworkAssertions.fromApp(s.app);
    net.allowsOnly(ep(s.web), 'data/x', 'TCP 7000');
    net.deniesAll(ep(s.other), 'data/x');
  });

  test('a plain Pod: its metadata labels, read at synth time; none at all is an error naming it', () => {
    const s = shop();
    const pod = new ApiObject(s.chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', labels: { app: 'pod' } }, spec: podSpec });
    const peer = Peer.workload(pod);
    pod.metadata.addLabel('tier', 'edge');
    expect(peer.toString()).toBe('app=pod,tier=edge in namespace shop');

    const bare = new ApiObject(s.chart, 'bare', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: podSpec });
    const lazy = Peer.workload(bare); // found now; its labels are read at synth
    expect(errorOf(() => lazy.toString())).toMatch(/Invalid Peer.workload\(\) argument ApiObject "shop\/bare" \(kind "Pod"\): its pods carry no label, so no selector can tell them apart/);
  });

  test('a construct whose defaultChild is the workload, or whose only workload it is, stands for it and names it', () => {
    const s = shop();
    const wrapped = new Construct(s.chart, 'billing');
    const billing = new kplus.Deployment(wrapped, 'deployment', { containers: [s.container(7000)], podMetadata: { labels: { app: 'billing' } } });
    new kplus.Service(wrapped, 'service', { selector: billing, ports: [{ port: 7000 }] });
    const viaDefault = new Construct(s.chart, 'ledger');
    viaDefault.node.defaultChild = new kplus.StatefulSet(viaDefault, 'sts', { containers: [s.container(7000)], podMetadata: { labels: { app: 'ledger' } } });
    const fw = new Firewall(s.chart, 'fw');
    fw.allow(Peer.workload(s.web), Peer.workload(wrapped), [Port.tcp(7000)]);
    fw.allow(Peer.workload(s.web), Peer.workload(viaDefault), [Port.tcp(7000)]);
    const names = manifests(s.chart).filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name);
    expect(names).toEqual(['default-deny', 'web-egress', 'billing-ingress', 'ledger-ingress']);
    expect(policy(s.chart, 'billing-ingress').spec.podSelector).toEqual({ matchLabels: { app: 'billing' } });
    const net = NetworkAssertions.fromApp(s.app);
    net.allowsOnly(ep(s.web), ep(billing), 'TCP 7000');
    net.deniesAll(ep(s.other), ep(billing));
  });

  test('a cdk8s-plus workload completed after the peer was created (containers added later)', () => {
    const s = shop();
    const late = new kplus.Deployment(s.chart, 'late', { podMetadata: { labels: { app: 'late' } } });
    const peer = Peer.workload(late); // not rendered yet: it has no container
    new AllowFrom(s.chart, 'api-from-late', { selector: PodSelector.workload(s.api), from: [peer] });
    expect(errorOf(() => peer.toString())).toMatch(/^Peer.workload\(\) Deployment "shop\/late": cannot render the workload to read its pod labels: /);
    late.addContainer(s.container(80));
    expect(policy(s.chart, 'api-from-late').spec.ingress[0].from[0].podSelector).toEqual({ matchLabels: { app: 'late' } });
  });
});

describe('every kind cdk8s-plus can select', () => {
  /** GIVEN one workload of each kind, all labelled, in namespace shop; a client pod allowed to each on 7000 */
  function kinds() {
    const s = shop();
    const c = [s.container(7000)];
    const workloads: Record<string, kplus.AbstractPod> = {
      deployment: new kplus.Deployment(s.chart, 'deploy', { containers: c, podMetadata: { labels: { app: 'deploy' } } }),
      statefulset: new kplus.StatefulSet(s.chart, 'sts', { containers: c, podMetadata: { labels: { app: 'sts' } } }),
      daemonset: new kplus.DaemonSet(s.chart, 'ds', { containers: c, podMetadata: { labels: { app: 'ds' } } }),
      job: new kplus.Job(s.chart, 'job', { containers: c, podMetadata: { labels: { app: 'job' } } }),
      pod: new kplus.Pod(s.chart, 'pod', { containers: c, metadata: { labels: { app: 'pod' } } }),
    };
    const fw = new Firewall(s.chart, 'fw');
    for (const w of Object.values(workloads)) fw.allow(Peer.workload(s.web), Peer.workload(w), [Port.tcp(7000)]);
    return { ...s, workloads, fw };
  }

  test.each(['deployment', 'statefulset', 'daemonset', 'job', 'pod'])('%s: web reaches it on 7000 only, through the engine', (kind) => {
    const { app, web, other, workloads } = kinds();
    const net = NetworkAssertions.fromApp(app);
    const target = ep(workloads[kind]);
    net.allowsOnly(ep(web), target, 'TCP 7000');
    net.deniesAll(ep(other), target);
  });

  test('each kind gets its readable policy, named after its construct id', () => {
    const { chart } = kinds();
    const names = manifests(chart).filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name);
    expect(names).toEqual(['default-deny', 'web-egress', 'deploy-ingress', 'sts-ingress', 'ds-ingress', 'job-ingress', 'pod-ingress']);
    for (const n of names) expect(n).toMatch(/^[a-z]+(-[a-z]+)*$/); // no hash
    const egress = policy(chart, 'web-egress').spec.egress;
    expect(egress).toHaveLength(1); // one rule: five peers, one port
    expect(egress[0].to.map((p: any) => p.podSelector.matchLabels.app)).toEqual(['deploy', 'ds', 'job', 'pod', 'sts']);
  });

  test('Pods.select(...) works as a peer and as a selector', () => {
    const s = shop();
    const monitoring = kplus.Pods.select(s.chart, 'monitoring', {
      labels: { role: 'monitoring' },
      namespaces: kplus.Namespaces.select(s.chart, 'ops', { names: ['ops'] }),
    });
    const apis = kplus.Pods.select(s.chart, 'apis', { labels: { app: 'api' } });
    new AllowFrom(s.chart, 'api-from-monitoring', { selector: PodSelector.workload(apis), from: [Peer.workload(monitoring)], ports: [Port.tcp(9090)] });
    const p = policy(s.chart, 'api-from-monitoring');
    expect(p.spec.podSelector).toEqual({ matchLabels: { app: 'api' } });
    expect(p.spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } },
      podSelector: { matchLabels: { role: 'monitoring' } },
    }]);
    const net = NetworkAssertions.fromApp(s.app, { pods: [{ namespace: 'ops', name: 'prometheus', labels: { role: 'monitoring' } }] });
    net.allowsOnly('ops/prometheus', ep(s.api), 'TCP 9090');
    net.deniesAll(ep(s.web), ep(s.api));
  });

  test('Pods.select across several namespaces: a peer, never a policy selector', () => {
    const s = shop();
    const many = kplus.Pods.select(s.chart, 'many', {
      labels: { role: 'monitoring' },
      namespaces: kplus.Namespaces.select(s.chart, 'nss', { names: ['ops', 'infra'] }),
    });
    expect(Peer.workload(many).toString()).toBe('role=monitoring in namespaces kubernetes.io/metadata.name in (infra,ops)');
    expect(errorOf(() => PodSelector.workload(many))).toMatch(/a policy only selects pods of its own namespace/);
    const all = kplus.Pods.select(s.chart, 'all', { labels: { role: 'x' }, namespaces: kplus.Namespaces.all(s.chart, 'allns') });
    expect(Peer.workload(all).toString()).toBe('role=x in all namespaces');
  });
});

describe('Firewall with workloads', () => {
  test('two-sided, readable, and repeated calls change nothing', () => {
    const once = shop();
    new Firewall(once.chart, 'fw').allow(Peer.workload(once.web), Peer.workload(once.api), [Port.tcp(9000)]);
    const twice = shop();
    const fw = new Firewall(twice.chart, 'fw');
    for (let i = 0; i < 3; i++) fw.allow(Peer.workload(twice.web), Peer.workload(twice.api), [Port.tcp(9000)]);
    expect(Testing.synth(twice.chart)).toEqual(Testing.synth(once.chart));
    expect(Testing.synth(once.chart).filter((m) => m.kind === 'NetworkPolicy')).toMatchSnapshot();

    const net = NetworkAssertions.fromApp(twice.app);
    net.allowsOnly(ep(twice.web), ep(twice.api), 'TCP 9000');
    net.deniesAll(ep(twice.api), ep(twice.web));
    net.deniesAll(ep(twice.other), ep(twice.api));
    net.deniesAll(ep(twice.web), ep(twice.other));
    net.deniesAll(ep(twice.web), '8.8.8.8');
  });

  test('NetworkModel.fromApp names the workloads (one endpoint per Deployment)', () => {
    const s = shop();
    new Firewall(s.chart, 'fw').allow(Peer.workload(s.web), Peer.workload(s.api));
    const model = NetworkModel.fromApp(s.app);
    for (const w of [s.web, s.api, s.other]) expect(model.endpoints).toContain(ep(w));
    expect(model.isAllowed({ from: ep(s.web), to: ep(s.api), port: 1234 })).toBe(true);
    expect(model.isAllowed({ from: ep(s.other), to: ep(s.api), port: 1234 })).toBe(false);
  });
});
