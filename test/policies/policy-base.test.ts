import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { AllowFrom, AllowTo, DefaultDeny, Direction, NetworkAssertions, Peer, PodSelector, Port } from '../../src';
import { errorOf, manifests, newChart, policy, yaml } from '../support/policy-helpers';

describe('common policy props', () => {
  test('name: derived from the construct id in kebab-case, no hash', () => {
    const chart = newChart('shop');
    new DefaultDeny(chart, 'backend-from-frontend');
    new DefaultDeny(chart, 'BackendFromFrontend2');
    new DefaultDeny(chart, 'allow_API_server');
    expect(manifests(chart).map((m) => m.metadata.name)).toEqual(['backend-from-frontend', 'backend-from-frontend2', 'allow-api-server']);
  });

  test('name: the prop overrides', () => {
    const chart = newChart('shop');
    const p = new DefaultDeny(chart, 'Deny', { name: 'deny-all.v2' });
    expect(p.name).toBe('deny-all.v2');
    expect(policy(chart, 'deny-all.v2').metadata.name).toBe('deny-all.v2');
  });

  test('namespace: the chart namespace by default, the prop overrides, omitted when there is none', () => {
    const chart = newChart('shop');
    const a = new DefaultDeny(chart, 'a');
    const b = new DefaultDeny(chart, 'b', { namespace: 'other' });
    expect(a.namespace).toBe('shop');
    expect(b.namespace).toBe('other');
    expect(policy(chart, 'a').metadata.namespace).toBe('shop');
    expect(policy(chart, 'b').metadata.namespace).toBe('other');

    const bare = newChart();
    const c = new DefaultDeny(bare, 'c');
    expect(c.namespace).toBeUndefined();
    expect(policy(bare, 'c').metadata).toEqual({ name: 'c' });
  });

  test('target pods: every pod of the namespace by default, app or selector', () => {
    // GIVEN
    const chart = newChart('shop');
    // WHEN
    new DefaultDeny(chart, 'all');
    new DefaultDeny(chart, 'app', { app: 'web' });
    new DefaultDeny(chart, 'sel', { selector: PodSelector.labels({ tier: 'db' }) });
    // THEN the engine sees each policy select exactly those pods
    const net = NetworkAssertions.fromChart(chart, {
      pods: [
        { namespace: 'shop', name: 'web', labels: { app: 'web' } },
        { namespace: 'shop', name: 'db', labels: { tier: 'db' } },
        { namespace: 'shop', name: 'plain' },
        { namespace: 'other', name: 'web', labels: { app: 'web', tier: 'db' } },
      ],
    });
    const selecting = (pod: string) => net.model.selectingPolicies(pod, Direction.BOTH);
    expect(selecting('shop/web')).toEqual(['shop/all', 'shop/app']);
    expect(selecting('shop/db')).toEqual(['shop/all', 'shop/sel']);
    expect(selecting('shop/plain')).toEqual(['shop/all']);
    expect(selecting('other/web')).toEqual([]);
    net.isolated('shop/plain', Direction.BOTH).notIsolated('other/web', Direction.BOTH);
  });

  test('each construct is its own NetworkPolicy ApiObject, at the construct path', () => {
    const chart = newChart('shop');
    const p = new AllowFrom(chart, 'web', { app: 'web' });
    expect(p.apiObject).toBe(p);
    expect(ApiObject.isApiObject(p)).toBe(true);
    expect(p.apiVersion).toBe('networking.k8s.io/v1');
    expect(p.kind).toBe('NetworkPolicy');
    expect(p.name).toBe('web');
    expect(p.node.path).toBe('test/web');
    expect(p.node.children).toEqual([]); // one construct per policy, no wrapper
    expect(p.podSelector.toString()).toBe('app=web');
    // metadata works as on any ApiObject
    p.metadata.addLabel('team', 'payments');
    expect(manifests(chart)[0].metadata.labels).toEqual({ team: 'payments' });
  });

  test('the spec is rendered lazily: peers and ports added later land in the manifest', () => {
    // GIVEN
    const chart = newChart('shop');
    const p = new AllowFrom(chart, 'web', { app: 'web' });
    // WHEN
    p.addPeer(Peer.app('frontend'));
    p.addPort(Port.HTTP);
    // THEN
    NetworkAssertions.fromChart(chart, {
      pods: [{ namespace: 'shop', name: 'web', labels: { app: 'web' } }, { namespace: 'shop', name: 'frontend', labels: { app: 'frontend' } }, { namespace: 'shop', name: 'other' }],
    })
      .allowsOnly('shop/frontend', 'shop/web', 'TCP 80')
      .deniesAll('shop/other', 'shop/web');
  });

  test('peers and ports are de-duplicated, in insertion order', () => {
    const chart = newChart('shop');
    new AllowTo(chart, 'web', {
      to: [Peer.app('b'), Peer.app('a'), Peer.app('b'), Peer.ipv4('0.0.0.0/0'), Peer.anyIpv4()],
      ports: [Port.tcp(443), Port.HTTPS, Port.tcpRange(80, 80), Port.HTTP],
    });
    const rule = policy(chart, 'web').spec.egress[0];
    expect(rule.to).toEqual([
      { podSelector: { matchLabels: { app: 'b' } } },
      { podSelector: { matchLabels: { app: 'a' } } },
      { ipBlock: { cidr: '0.0.0.0/0' } },
    ]);
    expect(rule.ports).toEqual([{ port: 443, protocol: 'TCP' }, { port: 80, protocol: 'TCP' }]);
  });

  test('deterministic: the same code gives byte-identical YAML', () => {
    const build = () => {
      const chart = newChart('shop');
      const p = new AllowFrom(chart, 'api', { app: 'api', from: [Peer.pods({ labels: { z: '1', a: '2' } })], ports: [Port.tcp(8080)] });
      p.addRule([Peer.namespaces({ team: 'ops', env: 'prod' })], [Port.named('metrics')]);
      new DefaultDeny(chart, 'default-deny');
      return yaml(chart);
    };
    expect(build()).toBe(build());
  });

  describe('bad input names the construct path, the field, the value and the rule', () => {
    test('invalid name', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new DefaultDeny(chart, 'x', { name: 'Deny_All' }))).toBe(
        'test/x (DefaultDeny): invalid name "Deny_All": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, ' +
        "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com'). Did you mean \"deny-all\"?");
    });

    test('an id that gives no name', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new DefaultDeny(chart, '___'))).toBe(
        'test/___ (DefaultDeny): cannot derive a policy name from the construct id "___" (got "": a name is required): give a `name`');
    });

    test('invalid namespace', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new DefaultDeny(chart, 'x', { namespace: 'My_Namespace' }))).toMatch(
        /^test\/x \(DefaultDeny\): invalid namespace "My_Namespace": a lowercase RFC 1123 label must consist .*\. Did you mean "my-namespace"\?$/);
    });

    test('invalid chart namespace', () => {
      const chart = newChart('Shop');
      expect(errorOf(() => new DefaultDeny(chart, 'x'))).toMatch(/^test\/x \(DefaultDeny\): invalid namespace "Shop" \(from the chart\): .*Did you mean "shop"\?$/);
    });

    test('app and selector together', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new DefaultDeny(chart, 'x', { app: 'web', selector: PodSelector.app('api') }))).toBe(
        'test/x (DefaultDeny): both app "web" and selector "app=api" were given: give one of them (app: \'x\' is selector: PodSelector.app(\'x\'))');
    });

    test('invalid app', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new AllowFrom(chart, 'x', { app: 'my app' }))).toMatch(/^test\/x \(AllowFrom\): invalid app "my app": it is the value of the "app" label, and a valid label must be/);
    });

    test('not a Peer / not a Port (JavaScript callers)', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new AllowFrom(chart, 'x', { from: ['10.0.0.0/8' as any] }))).toBe(
        'test/x (AllowFrom): invalid from[0] "10.0.0.0/8": must be a Peer; for an address block use Peer.ipv4("10.0.0.0/8") or Peer.ipv6("10.0.0.0/8")');
      expect(errorOf(() => new AllowFrom(chart, 'y', { ports: [8080 as any] }))).toBe('test/y (AllowFrom): invalid ports[0] 8080: must be a Port; did you mean Port.tcp(8080)?');
    });

    test('empty lists are refused rather than silently meaning everything', () => {
      const chart = newChart('shop');
      expect(errorOf(() => new AllowFrom(chart, 'x', { from: [] }))).toBe(
        'test/x (AllowFrom): invalid from []: an empty list would mean every peer; omit `from` or say [Peer.anywhere()]');
      expect(errorOf(() => new AllowTo(chart, 'y', { ports: [] }))).toBe(
        'test/y (AllowTo): invalid ports []: an empty list would mean every port; omit `ports` to allow every port');
    });
  });

  describe('duplicate names are a synth-time error naming both paths', () => {
    test('in one chart', () => {
      const chart = newChart('shop');
      new DefaultDeny(chart, 'deny');
      new AllowFrom(chart, 'other', { name: 'deny' });
      expect(errorOf(() => manifests(chart))).toContain(
        'Duplicate NetworkPolicy name "deny" in namespace "shop": declared at "test/deny" and at "test/other". Names must be unique per namespace');
    });

    test('across charts of one app, and against NetworkPolicies not made by this library', () => {
      const app = Testing.app();
      const a = newChart('shop', app, 'a');
      const b = newChart('shop', app, 'b');
      new DefaultDeny(a, 'deny');
      new DefaultDeny(b, 'deny');
      new ApiObject(b, 'raw', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' } });
      const message = errorOf(() => app.synthYaml());
      expect(message).toContain('Duplicate NetworkPolicy name "deny" in namespace "shop": declared at "a/deny" and at "b/deny"');
      expect(message).toContain('declared at "a/deny" and at "b/raw"');
    });

    test('the same name in different namespaces is fine', () => {
      const app = Testing.app();
      new DefaultDeny(newChart('a', app, 'a'), 'deny');
      new DefaultDeny(newChart('b', app, 'b'), 'deny');
      expect(() => app.synthYaml()).not.toThrow();
    });
  });

  test('safety net: a rendered spec the API server would reject fails the synth', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'shop', labels: { 'bad key!': 'x' } });
    new DefaultDeny(chart, 'deny');
    expect(errorOf(() => manifests(chart))).toMatch(/^test\/deny \(DefaultDeny\): the NetworkPolicy "deny" would be rejected by the API server: metadata\.labels/);
  });

  test('safety net: escape hatches are checked too (a JSON patch that breaks the spec fails the synth)', () => {
    const chart = newChart('shop');
    const p = new AllowFrom(chart, 'web', { app: 'web', ports: [Port.tcp(8080)] });
    p.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/protocol', 'tcp'));
    expect(errorOf(() => manifests(chart))).toMatch(
      /^test\/web \(AllowFrom\): the NetworkPolicy "web" would be rejected by the API server: spec\.ingress\[0\]\.ports\[0\]\.protocol: Unsupported value: "tcp"/);
  });

  test('JSON patches reach the manifest whole, and a field the API does not know is an error', () => {
    const chart = newChart('shop');
    const p = new AllowFrom(chart, 'web', { app: 'web', ports: [Port.tcp(8080)] });
    p.addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: 'payments' }));
    expect(manifests(chart)[0].metadata.annotations).toEqual({ owner: 'payments' });
    p.addJsonPatch(JsonPatch.add('/spec/ingress/0/portz', []));
    expect(errorOf(() => manifests(chart))).toMatch(
      /^test\/web \(AllowFrom\): the NetworkPolicy "web" would be rejected by the API server: spec\.ingress\[0\]\.portz: Unknown field: did you mean "ports"\?/);
  });
});
