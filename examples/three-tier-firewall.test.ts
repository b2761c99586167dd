import { Testing } from 'cdk8s';
import { NetworkAssertions } from '../src';
import { SEED_001_PODS, seed001Requirements } from './seed-001-requirements';
import { threeTier } from './three-tier';
import { threeTierFirewall } from './three-tier-firewall';

const EVERYONE = SEED_001_PODS.map((p) => `${p.namespace}/${p.name}`);

function synth() {
  const app = Testing.app();
  const chart = threeTierFirewall(app);
  return { app, chart };
}

test('three-tier (Firewall) synthesizes to the expected YAML', () => {
  expect(synth().app.synthYaml()).toMatchSnapshot();
});

test('it is short: three default-denies and one policy per half', () => {
  const names = Testing.synth(synth().chart).map((m) => `${m.metadata.namespace}/${m.metadata.name}`);
  expect(names).toEqual([
    'frontend/default-deny', 'backend/default-deny', 'database/default-deny',
    'frontend/frontend-egress', 'backend/backend-ingress', 'backend/backend-egress', 'database/database-ingress',
  ]);
});

describe('three-tier (Firewall) semantics, seed 001', () => {
  const net = NetworkAssertions.fromChart(synth().chart, { pods: SEED_001_PODS });
  seed001Requirements(() => net);
});

test('the Firewall version allows exactly what the hand-written one (three-tier.ts) allows', () => {
  const fw = NetworkAssertions.fromChart(synth().chart, { pods: SEED_001_PODS }).model;
  const app = Testing.app();
  threeTier(app);
  const hand = NetworkAssertions.fromApp(app, { pods: SEED_001_PODS }).model;
  for (const from of [...EVERYONE, '8.8.8.8']) {
    for (const to of [...EVERYONE, '8.8.8.8']) {
      if (from === to || (from === '8.8.8.8' && to === '8.8.8.8')) continue;
      expect(`${from} -> ${to}: ${fw.allowedConnections(from, to)}`).toEqual(`${from} -> ${to}: ${hand.allowedConnections(from, to)}`);
    }
  }
});
