import { Testing } from 'cdk8s';
import { threeTier } from './three-tier';

function synth() {
  const app = Testing.app();
  threeTier(app);
  return app;
}

test('three-tier synthesizes to the expected YAML', () => {
  expect(synth().synthYaml()).toMatchSnapshot();
});

describe('three-tier semantics (seed 001)', () => {
  const byName = (ns: string, name: string) => {
    const app = synth();
    const chart = app.charts.find((c) => c.namespace === ns)!;
    return Testing.synth(chart).find((m) => m.metadata.name === name);
  };
  const tier = (name: string) => ({
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
    podSelector: { matchLabels: { role: name } },
  });

  test('every namespace denies everything by default, keeping only DNS', () => {
    for (const ns of ['frontend', 'backend', 'database']) {
      const deny = byName(ns, 'default-deny');
      expect(deny.spec.podSelector).toEqual({});
      expect(deny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(deny.spec.ingress).toBeUndefined();
      expect(deny.spec.egress).toHaveLength(1);
      expect(deny.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
    }
  });

  test('frontend -> backend on 80: egress on the frontend AND ingress on the backend', () => {
    expect(byName('frontend', 'frontend-to-backend').spec.egress).toEqual([{ to: [tier('backend')], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(byName('backend', 'backend-from-frontend').spec.ingress).toEqual([{ from: [tier('frontend')], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });

  test('backend -> database on 3306: both sides', () => {
    expect(byName('backend', 'backend-to-database').spec.egress).toEqual([{ to: [tier('database')], ports: [{ port: 3306, protocol: 'TCP' }] }]);
    expect(byName('database', 'database-from-backend').spec.ingress).toEqual([{ from: [tier('backend')], ports: [{ port: 3306, protocol: 'TCP' }] }]);
  });

  test('no ipBlock anywhere: nothing external is reachable', () => {
    expect(synth().synthYaml()).not.toContain('ipBlock');
  });
});
