// The example app that `npx projen example` synthesizes: seed 001's requirements, asserted
// through the engine on the app with its workloads.
import { App, Testing } from 'cdk8s';
import { NetworkAssertions, NetworkModel } from '../src';
import { threeTierFirewall } from './three-tier-firewall';
import { demoWorkloads } from './workloads';

function exampleApp(): App {
  const app = Testing.app();
  threeTierFirewall(app);
  demoWorkloads(app);
  return app;
}

describe('example app (seed 001 with workloads)', () => {
  const app = exampleApp();
  const net = NetworkAssertions.fromApp(app);

  test('frontend reaches backend on TCP 80 and nothing else', () => {
    net.allowsOnly('frontend/frontend', 'backend/backend', 'TCP 80');
  });

  test('backend reaches database on TCP 3306 and nothing else', () => {
    net.allowsOnly('backend/backend', 'database/database', 'TCP 3306');
  });

  test('nothing else reaches backend or database', () => {
    for (const other of ['default/intruder', 'kube-system/coredns', 'database/database']) {
      net.deniesAll(other, 'backend/backend');
    }
    for (const other of ['default/intruder', 'kube-system/coredns', 'frontend/frontend']) {
      net.deniesAll(other, 'database/database');
    }
    net.deniesAll('203.0.113.7', 'backend/backend');
  });

  test('no tier reaches the internet, every tier resolves DNS', () => {
    for (const tier of ['frontend/frontend', 'backend/backend', 'database/database']) {
      net.deniesAll(tier, '203.0.113.7');
      net.deniesAll(tier, '169.254.169.254');
      net.allowsOnly(tier, 'kube-system/coredns', 'TCP 53,UDP 53');
    }
  });

  test('the full listing is exactly the scenario plus the unprotected pods', () => {
    const lines = NetworkModel.fromApp(exampleApp()).connectivity()
      .filter((c) => !c.from.startsWith('default/') && !c.to.startsWith('default/'))
      .filter((c) => !c.from.startsWith('kube-system/') && !/^[0-9]/.test(c.from))
      .map((c) => `${c.from} => ${c.to} : ${c.connections.toString()}`);
    expect(lines).toEqual([
      'backend/backend => database/database : TCP 3306',
      'backend/backend => kube-system/coredns : TCP 53,UDP 53',
      'database/database => kube-system/coredns : TCP 53,UDP 53',
      'frontend/frontend => backend/backend : TCP 80',
      'frontend/frontend => kube-system/coredns : TCP 53,UDP 53',
    ]);
  });
});
