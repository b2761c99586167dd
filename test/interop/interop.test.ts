/**
 * Issue 12: the same shop app (a Deployment `web`, a StatefulSet `db`, an unnamed-by-rules
 * Deployment `other` and a label-less CronJob `worker`, in namespace `shop`; `AllowFrom` with
 * `Peer.workload(web)`, a Firewall between them) built with cdk8s-plus-28, -31 and -33 installed
 * side by side, and without cdk8s-plus. Asserted through the engine: which policies select which
 * pods, and who reaches whom.
 */
import { readFileSync } from 'fs';
import { Yaml } from 'cdk8s';
import { ShopApp } from './fixtures/shop';
import * as plain from './fixtures/shop-plain';
import * as plus28 from './fixtures/shop-plus-28';
import * as plus31 from './fixtures/shop-plus-31';
import * as plus33 from './fixtures/shop-plus-33';
import { Direction, NetworkAssertions, NetworkModel } from '../../src';

/** One build of the shop app: which cdk8s-plus it uses, and the app. */
interface Fixture {
  readonly MAJOR: string;
  shopApp(): ShopApp;
}

const MAJORS: Fixture[] = [plus28, plus31, plus33];
const ALL: Fixture[] = [...MAJORS, plain];

/** The app's NetworkPolicies as the YAML a reviewer reads. */
function policiesYaml(fixture: Fixture): string {
  const { chart } = fixture.shopApp();
  return Yaml.stringify(...chart.toJson().filter((m) => m.kind === 'NetworkPolicy'));
}

test('each major is its own package, side by side', () => {
  const versions = ['cdk8s-plus-28', 'cdk8s-plus-31', 'cdk8s-plus-33']
    .map((name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf-8')).name);
  expect(versions).toEqual(['cdk8s-plus-28', 'cdk8s-plus-31', 'cdk8s-plus-33']);
  expect(MAJORS.map((m) => m.MAJOR)).toEqual(versions);
});

describe.each(ALL.map((f) => [f.MAJOR, f] as const))('%s', (_major, fixture) => {
  test('each policy selects exactly the pods it is about', () => {
    const s = fixture.shopApp();
    const model = NetworkModel.fromChart(s.chart);
    expect([...model.endpoints].sort()).toEqual([s.db, s.other, s.web, s.worker].sort());
    expect(model.selectingPolicies(s.db, Direction.INGRESS)).toEqual(['shop/db-from-web', 'shop/db-ingress', 'shop/default-deny']);
    expect(model.selectingPolicies(s.web, Direction.EGRESS)).toEqual(['shop/default-deny', 'shop/web-egress']);
    expect(model.selectingPolicies(s.worker, Direction.EGRESS)).toEqual(['shop/default-deny', 'shop/worker-egress']);
    for (const e of [s.web, s.other, s.worker]) expect(model.selectingPolicies(e, Direction.INGRESS)).toEqual(['shop/default-deny']);
    for (const e of [s.db, s.other]) expect(model.selectingPolicies(e, Direction.EGRESS)).toEqual(['shop/default-deny']);
  });

  test('web and worker reach db on 5432 only; nothing else is open', () => {
    const s = fixture.shopApp();
    const net = NetworkAssertions.fromChart(s.chart);
    net.allowsOnly(s.web, s.db, 'TCP 5432');
    net.allowsOnly(s.worker, s.db, 'TCP 5432');
    net.reachableOnlyFrom(s.db, 5432, [s.web, s.worker]);
    net.deniesAll(s.other, s.db);
    net.deniesAll(s.db, s.web);
    net.deniesAll(s.web, s.other);
    net.deniesAll(s.web, '8.8.8.8');
  });

  test('the rendered selectors use the labels of the pods, never a selector of every pod', () => {
    const policies = fixture.shopApp().chart.toJson().filter((m) => m.kind === 'NetworkPolicy' && m.metadata.name !== 'default-deny');
    for (const p of policies) expect(p.spec.podSelector).not.toEqual({});
  });
});

describe.each(MAJORS.map((f) => [f.MAJOR, f] as const))('%s renders what cdk8s-plus-28 renders', (_major, fixture) => {
  test('the same policies, to the byte', () => {
    expect(policiesYaml(fixture)).toBe(policiesYaml(plus28));
  });
});

test('the policies of the shop app (every major: the same YAML)', () => {
  const yaml = policiesYaml(plus28);
  // only the label-less CronJob falls back to cdk8s-plus's address label
  expect(yaml.match(/cdk8s\.io\/metadata\.addr: .*/g)).toEqual([expect.stringMatching(/shop-worker-/), expect.stringMatching(/shop-worker-/)]);
  expect(yaml).toMatchSnapshot();
});

test('the policies of the shop app without cdk8s-plus', () => {
  expect(policiesYaml(plain)).toMatchSnapshot();
});
