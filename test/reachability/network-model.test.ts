import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { ConnSet } from '../../src/engine';
import { AssumedDns, ConnectionSet, NetworkModel } from '../../src/reachability/network-model';
import { Direction } from '../../src/vocabulary/direction';
import { Protocol } from '../../src/vocabulary/protocol';

function np(namespace: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

function deployment(namespace: string, name: string, labels: Record<string, string>, ports: any[] = [], extra: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace, name },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'x', ports }], ...extra } },
    },
  };
}

/** GIVEN the shop: frontend -> backend (named port http = 8080) -> db, default deny in shop */
function shop(): NetworkModel {
  return new NetworkModel()
    .addNamespace('shop', { team: 'shop' })
    .addManifests([
      np('shop', 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
      np('shop', 'backend-from-frontend', {
        podSelector: { matchLabels: { app: 'backend' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 'http' }] }],
      }),
      np('shop', 'frontend-to-backend', {
        podSelector: { matchLabels: { app: 'frontend' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'backend' } } }] }],
      }),
      deployment('shop', 'frontend', { app: 'frontend' }),
      deployment('shop', 'backend', { app: 'backend' }, [{ name: 'http', containerPort: 8080 }]),
    ]);
}

describe('ConnectionSet', () => {
  test.each([
    ['All Connections', ConnSet.ALL],
    ['No Connections', ConnSet.NONE],
    ['TCP 80,8080-8090,UDP 53', ConnSet.range('UDP', 53).union(ConnSet.range('TCP', 8080, 8090)).union(ConnSet.range('TCP', 80))],
    ['SCTP 81,TCP 81', ConnSet.range('TCP', 81).union(ConnSet.range('SCTP', 81))],
    ['UDP 1-65535', ConnSet.allOf('UDP')],
    ['TCP 80-82', ConnSet.range('TCP', 80).union(ConnSet.range('TCP', 82)).union(ConnSet.range('TCP', 81))],
    ['SCTP 1-65535,TCP 1-65535', ConnSet.allOf('TCP').union(ConnSet.allOf('SCTP'))],
  ])('canonical text %s', (text, set) => {
    expect(set.toString()).toBe(text);
    expect(ConnectionSet.parse(text).toString()).toBe(text);
  });

  test('parse accepts any order and overlaps, and intersect/contains work', () => {
    const s = ConnectionSet.parse('UDP 53, TCP 8080-8090, TCP 80, TCP 8085');
    expect(s.toString()).toBe('TCP 80,8080-8090,UDP 53');
    expect(s.allows(8085)).toBe(true);
    expect(s.allows(53)).toBe(false);
    expect(s.allows(53, Protocol.UDP)).toBe(true);
    expect(s.ports(Protocol.TCP)).toEqual([{ start: 80, end: 80 }, { start: 8080, end: 8090 }]);
    expect(ConnSet.parse('TCP 1-100').intersect(ConnSet.parse('TCP 50-200,UDP 5')).toString()).toBe('TCP 50-100');
    expect(ConnectionSet.parse('UDP').toString()).toBe('UDP 1-65535');
  });

  test('parse rejects nonsense with the expected form', () => {
    expect(() => ConnectionSet.parse('HTTP 80')).toThrow(/unknown protocol "HTTP"/);
    expect(() => ConnectionSet.parse('TCP 0')).toThrow(/outside 1-65535/);
    expect(() => ConnectionSet.parse('80')).toThrow(/expected e.g. "TCP 80,8080-8090,UDP 53"/);
  });
});

describe('NetworkModel', () => {
  test('isAllowed: both sides must allow; protocol defaults to TCP', () => {
    const m = shop();
    expect(m.isAllowed({ from: 'shop/frontend', to: 'shop/backend', port: 8080 })).toBe(true);
    expect(m.isAllowed({ from: 'shop/frontend', to: 'shop/backend', port: 8080, protocol: Protocol.UDP })).toBe(false);
    expect(m.isAllowed({ from: 'shop/backend', to: 'shop/frontend', port: 80 })).toBe(false);
    expect(m.allowedConnections('shop/frontend', 'shop/backend').toString()).toBe('TCP 8080');
  });

  test('named ports resolve on the destination; toward an IP they match nothing', () => {
    const m = new NetworkModel().addManifests([
      np('a', 'egress-named', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'metrics' }, { port: 'dns', protocol: 'UDP' }] }] }),
      deployment('a', 'client', { app: 'client' }),
      deployment('b', 'server', { app: 'server' }, [{ name: 'metrics', containerPort: 9090 }, { name: 'dns', containerPort: 53, protocol: 'TCP' }]),
    ]);
    // dns is declared for TCP only: the UDP entry matches nothing
    expect(m.allowedConnections('a/client', 'b/server').toString()).toBe('TCP 9090');
    expect(m.allowedConnections('a/client', '8.8.8.8').toString()).toBe('No Connections');
  });

  test('policyTypes defaulting: `egress: []` without policyTypes does not isolate egress', () => {
    const m = new NetworkModel().addManifests([
      np('a', 'looks-like-deny-all', { podSelector: {}, egress: [] }),
      deployment('a', 'web', { app: 'web' }),
    ]);
    expect(m.isIsolated('a/web', Direction.INGRESS)).toBe(true);
    expect(m.isIsolated('a/web', Direction.EGRESS)).toBe(false);
    expect(m.isIsolated('a/web', Direction.BOTH)).toBe(false);
    expect(m.isAllowed({ from: 'a/web', to: '1.1.1.1', port: 443 })).toBe(true);
    expect(m.selectingPolicies('a/web', Direction.BOTH)).toEqual(['a/looks-like-deny-all']);
  });

  test('hostNetwork pods are outside NetworkPolicy: reported, not guessed', () => {
    const m = shop().addPod({ namespace: 'shop', name: 'node-agent', labels: { app: 'backend' }, hostNetwork: true });
    expect(() => m.isAllowed({ from: 'shop/node-agent', to: 'shop/backend', port: 8080 })).toThrow(/shop\/node-agent uses hostNetwork/);
    const e = m.explain({ from: 'shop/frontend', to: 'shop/node-agent', port: 8080 });
    expect(e.covered).toBe(false);
    expect(e.allowed).toBe(false);
    expect(e.text).toMatch(/^NOT COVERED: .*hostNetwork/);
    expect(m.connectivity().some((c) => c.from === 'shop/node-agent' || c.to === 'shop/node-agent')).toBe(false);
  });

  test('a pod to itself is not covered, and says so', () => {
    expect(() => shop().allowedConnections('shop/backend', 'shop/backend')).toThrow(/to itself .*loopback/);
  });

  test('unknown endpoints are errors listing the closest known names', () => {
    expect(() => shop().isAllowed({ from: 'shop/frontnd', to: 'shop/backend', port: 1 }))
      .toThrow('Unknown endpoint "shop/frontnd": expected "namespace/name" of a workload or pod, or an IP address outside the cluster. Closest known endpoints: shop/frontend, shop/backend.');
    expect(() => shop().isAllowed({ from: 'backend', to: 'shop/backend', port: 1 })).toThrow(/Closest known endpoints: shop\/backend/);
  });

  test('referenced namespaces without a manifest only carry kubernetes.io/metadata.name', () => {
    const m = new NetworkModel()
      .addNamespace('prod', { env: 'prod' })
      .addManifests([
        np('db', 'from-prod', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }] }] }),
        deployment('db', 'postgres', { app: 'pg' }),
        deployment('prod', 'app', { app: 'app' }),
        deployment('staging', 'app', { app: 'app' }),
      ]);
    expect(m.isAllowed({ from: 'prod/app', to: 'db/postgres', port: 5432 })).toBe(true);
    expect(m.isAllowed({ from: 'staging/app', to: 'db/postgres', port: 5432 })).toBe(false);
  });

  test('every workload kind is one endpoint from its pod template; List is flattened; default namespace', () => {
    const template = { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 80 }] }] } };
    const m = new NetworkModel().addManifest({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod' }, spec: template.spec },
        ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].map((kind) => (
          { apiVersion: 'apps/v1', kind, metadata: { name: kind.toLowerCase(), namespace: 'w' }, spec: { template } })),
        { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cron', namespace: 'w' }, spec: { jobTemplate: { spec: { template } } } },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ignored' } },
      ],
    }).addManifest(np('w', 'only-http', { podSelector: { matchLabels: { app: 'w' } }, ingress: [{ ports: [{ port: 'http' }] }] }));
    expect(m.endpoints).toEqual(['default/pod', 'w/cron', 'w/daemonset', 'w/deployment', 'w/job', 'w/replicaset', 'w/replicationcontroller', 'w/statefulset']);
    expect(m.allowedConnections('default/pod', 'w/cron').toString()).toBe('TCP 80');
  });

  test('invalid NetworkPolicies are rejected naming the object and the field', () => {
    const bad = np('shop', 'bad-range', { podSelector: {}, ingress: [{ ports: [{ port: 90, endPort: 80 }] }] });
    expect(() => new NetworkModel().addManifest(bad)).toThrow(/NetworkPolicy shop\/bad-range is invalid: spec\.ingress\[0\]\.ports\[0\]\.endPort: Invalid value: 80/);
  });

  test('fromYaml reads several documents; errors name the document', () => {
    const m = NetworkModel.fromYaml([
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: { name: deny, namespace: a }', 'spec: { podSelector: {} }',
      '---', 'apiVersion: v1', 'kind: Pod', 'metadata: { name: web, namespace: a }', 'spec: { containers: [{ name: c, image: x }] }',
    ].join('\n'));
    expect(m.isIsolated('a/web', Direction.INGRESS)).toBe(true);
    expect(() => NetworkModel.fromYaml('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: x }\nspec: { podSelector: {}, policyTypes: [Sideways] }'))
      .toThrow(/<yaml>, document 1: NetworkPolicy default\/x is invalid: spec\.policyTypes\[0\]/);
  });

  test('fromChart and fromApp read what the charts synthesize', () => {
    const app = Testing.app();
    const policies = new Chart(app, 'policies', { namespace: 'shop' });
    new ApiObject(policies, 'deny', np('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] }));
    const workloads = new Chart(app, 'workloads');
    new ApiObject(workloads, 'web', deployment('shop', 'web', { app: 'web' }));
    expect(NetworkModel.fromApp(app).isIsolated('shop/web', Direction.INGRESS)).toBe(true);
    expect(NetworkModel.fromChart(policies).endpoints).toEqual([]);
    expect(NetworkModel.fromChart(workloads).isIsolated('shop/web', Direction.INGRESS)).toBe(false);
    expect(app).toBeInstanceOf(App);
  });

  test('the model can change after a query', () => {
    const m = new NetworkModel().addPod({ namespace: 'a', name: 'x' }).addPod({ namespace: 'a', name: 'y' });
    expect(m.isAllowed({ from: 'a/x', to: 'a/y', port: 80 })).toBe(true);
    m.addManifest(np('a', 'deny', { podSelector: {} }));
    expect(m.isAllowed({ from: 'a/x', to: 'a/y', port: 80 })).toBe(false);
  });

  test('ipBlockMatchesPods: ipBlocks match pod IPs only when asked to', () => {
    const policies = [np('a', 'to-10', { podSelector: { matchLabels: { app: 'x' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] })];
    const build = (ipBlockMatchesPods?: boolean) => new NetworkModel({ ipBlockMatchesPods }).addManifests(policies)
      .addPod({ namespace: 'a', name: 'x', labels: { app: 'x' } })
      .addPod({ namespace: 'a', name: 'y', ip: '10.1.2.3' });
    expect(build().isAllowed({ from: 'a/x', to: 'a/y', port: 80 })).toBe(false);
    expect(build(true).isAllowed({ from: 'a/x', to: 'a/y', port: 80 })).toBe(true);
    expect(build().isAllowed({ from: 'a/x', to: '10.1.2.3', port: 80 })).toBe(true);
    expect(() => build().addPod({ name: 'bad', ip: '10.0.0.0/8' })).toThrow(/invalid IP address "10.0.0.0\/8"/);
    expect(() => build().addPod({ name: 'bad', ports: [{ port: 70000 }] })).toThrow('Pod default/bad: container port 70000 must be between 1 and 65535, inclusive');
  });

  test('explain names isolation, selecting policies and the admitting rule, or that none did', () => {
    const m = shop();
    expect(m.explain({ from: 'shop/frontend', to: 'shop/backend', port: 8080 }).text).toBe([
      'ALLOWED: shop/frontend => shop/backend on TCP 8080',
      '  egress:  shop/frontend is isolated for egress by shop/default-deny and shop/frontend-to-backend; shop/frontend-to-backend spec.egress[0] admits to shop/backend on TCP 8080',
      '  ingress: shop/backend is isolated for ingress by shop/default-deny and shop/backend-from-frontend; shop/backend-from-frontend spec.ingress[0] admits from shop/frontend on TCP 8080',
    ].join('\n'));
    const denied = m.explain({ from: '1.2.3.4', to: 'shop/backend', port: 8080 });
    expect(denied.allowed).toBe(false);
    expect(denied.ingress.policies).toEqual(['shop/default-deny', 'shop/backend-from-frontend']);
    expect(denied.ingress.text).toBe('shop/backend is isolated for ingress by shop/default-deny and shop/backend-from-frontend; no rule admits 1.2.3.4 on TCP 8080');
    expect(denied.egress.text).toBe('1.2.3.4 is outside the cluster: NetworkPolicy does not restrict its egress');
    expect(m.explain({ from: 'shop/frontend', to: 'shop/backend', port: 80 }).ingress.text).toBe(
      'shop/backend is isolated for ingress by shop/default-deny and shop/backend-from-frontend; no rule admits shop/frontend on TCP 80 ' +
      '(shop/backend-from-frontend spec.ingress[0] admits it on TCP 8080 only)');
    const allowed = m.explain({ from: 'shop/frontend', to: 'shop/backend', port: 8080 });
    expect(allowed.ingress.allowedBy).toEqual([{ policy: 'shop/backend-from-frontend', direction: Direction.INGRESS, field: 'spec.ingress[0]' }]);
  });

  test('connectivity: IPv6 ranges appear once a policy mentions IPv6; adjacent ranges with one result are merged', () => {
    // no DNS stand-in: the listing of what the model defines
    const m = new NetworkModel({ assumedDns: AssumedDns.NONE })
      .addManifest(np('a', 'v6-only', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32' } }] }] }))
      .addPod({ namespace: 'a', name: 'web' });
    expect(m.connectivity().map((c) => `${c.from} => ${c.to} : ${c.connections}`)).toEqual([
      'a/web => 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff : All Connections',
      '0.0.0.0-255.255.255.255 => a/web : All Connections',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff => a/web : All Connections',
    ]);
  });

  test('connectivity lists every allowed pair, external ranges split at ipBlock boundaries', () => {
    const m = new NetworkModel({ assumedDns: AssumedDns.NONE }).addManifests([
      np('a', 'web', {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 443 }] }],
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 5432 }] }],
      }),
      deployment('a', 'web', { app: 'web' }),
      deployment('a', 'db', { app: 'db' }),
    ]);
    // db is not isolated (it reaches and is reached by everything); web only accepts 10/8 minus 10.1/16 on 443
    expect(m.connectivity().map((c) => `${c.from} => ${c.to} : ${c.connections}`)).toEqual([
      'a/db => 0.0.0.0-255.255.255.255 : All Connections',
      'a/web => a/db : TCP 5432',
      '0.0.0.0-255.255.255.255 => a/db : All Connections',
      '10.0.0.0-10.0.255.255 => a/web : TCP 443',
      '10.2.0.0-10.255.255.255 => a/web : TCP 443',
    ]);
  });
});
