import { Testing } from 'cdk8s';
import { NetworkAssertions, Protocol } from '../src';
import { SEED_001_PODS, seed001Requirements } from './seed-001-requirements';
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
  const net = NetworkAssertions.fromApp(synth(), { pods: SEED_001_PODS });

  seed001Requirements(() => net);

  /** Which policies admit the connection on each half; [] when that half denies it. */
  function halves(from: string, to: string, port: number, protocol?: Protocol) {
    const e = net.model.explain({ from, to, port, protocol });
    return { egress: e.egress.allowedBy.map((r) => r.policy), ingress: e.ingress.allowedBy.map((r) => r.policy) };
  }

  test('frontend to backend: egress on the frontend AND ingress on the backend, each on 80 only', () => {
    expect(halves('frontend/frontend', 'backend/backend', 80)).toEqual({ egress: ['frontend/frontend-to-backend'], ingress: ['backend/backend-from-frontend'] });
    for (const [port, protocol] of [[79], [81], [8080], [80, Protocol.UDP]] as [number, Protocol?][]) {
      expect(halves('frontend/frontend', 'backend/backend', port, protocol)).toEqual({ egress: [], ingress: [] });
    }
  });

  test('backend to database: both halves, each on 3306 only', () => {
    expect(halves('backend/backend', 'database/database', 3306)).toEqual({ egress: ['backend/backend-to-database'], ingress: ['database/database-from-backend'] });
    for (const [port, protocol] of [[3305], [3307], [80], [3306, Protocol.UDP]] as [number, Protocol?][]) {
      expect(halves('backend/backend', 'database/database', port, protocol)).toEqual({ egress: [], ingress: [] });
    }
  });
});
