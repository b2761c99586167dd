/**
 * The Firewall's policies as a user reaches them (`fw.policies`, `fw.policiesIn()`), and the
 * errors a Firewall explains in its own terms: a chart without a namespace, a name clash.
 */
import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DefaultDeny, Direction, Firewall, FirewallPolicyRole, NetworkAssertions, NetworkPolicyLinter, Peer, Port } from '../../../src';
import { errorOf, manifests, newChart } from '../../support/policy-helpers';

const pods = [
  { namespace: 'shop', name: 'web', labels: { app: 'web' } },
  { namespace: 'shop', name: 'api', labels: { app: 'api' } },
  { namespace: 'ops', name: 'prometheus', labels: { app: 'prometheus' } },
];

describe('fw.policies: every policy the firewall wrote, by namespace and role', () => {
  test('GIVEN two namespaces and allow() calls THEN per namespace the default deny first, then the halves by name', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw', { namespaces: ['shop', 'ops'] });
    fw.allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8080)]);
    fw.allow(Peer.app('prometheus', 'ops'), Peer.namespace('shop'), [Port.tcp(9090)]);
    expect(fw.policies.map((p) => [p.namespace, p.role, p.name, p.pods])).toEqual([
      ['shop', FirewallPolicyRole.DEFAULT_DENY, 'default-deny', 'all pods'],
      ['shop', FirewallPolicyRole.INGRESS, 'all-pods-ingress', 'all pods'],
      ['shop', FirewallPolicyRole.INGRESS, 'api-ingress', 'app=api'],
      ['shop', FirewallPolicyRole.EGRESS, 'web-egress', 'app=web'],
      ['ops', FirewallPolicyRole.DEFAULT_DENY, 'default-deny', 'all pods'],
      ['ops', FirewallPolicyRole.EGRESS, 'prometheus-egress', 'app=prometheus'],
    ]);
    // each entry's policy is the construct that is synthesized
    const synthesized = manifests(chart).filter((m) => m.kind === 'NetworkPolicy').map((m) => `${m.metadata.namespace}/${m.metadata.name}`).sort();
    expect(fw.policies.map((p) => `${p.policy.namespace}/${p.policy.name}`).sort()).toEqual(synthesized);
    expect(fw.policiesIn('ops').map((p) => p.name)).toEqual(['default-deny', 'prometheus-egress']);
    expect(fw.policiesIn().map((p) => p.name)).toEqual(['default-deny', 'all-pods-ingress', 'api-ingress', 'web-egress']);
  });

  test('a workload\'s pods are named by the workload', () => {
    const chart = newChart('shop');
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 80 }] });
    const fw = new Firewall(chart, 'fw');
    fw.allowFromAnywhere(Peer.workload(web), [Port.tcp(80)]);
    expect(fw.policies.map((p) => [p.role, p.name, p.pods])).toEqual([
      [FirewallPolicyRole.DEFAULT_DENY, 'default-deny', 'all pods'],
      [FirewallPolicyRole.INGRESS, 'web-ingress', 'the pods of Deployment "test/web"'],
    ]);
  });

  test('policies written later (an allow() after reading) appear when read again', () => {
    const fw = new Firewall(newChart('shop'), 'fw');
    expect(fw.policies.map((p) => p.name)).toEqual(['default-deny']);
    fw.allow(Peer.app('web'), Peer.app('api'));
    expect(fw.policies.map((p) => p.name)).toEqual(['default-deny', 'api-ingress', 'web-egress']);
  });

  test('in a chart without a namespace: no namespace in the entries', () => {
    const fw = new Firewall(newChart(), 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'));
    expect(fw.policies.map((p) => [p.namespace, p.name])).toEqual([[undefined, 'default-deny'], [undefined, 'api-ingress'], [undefined, 'web-egress']]);
    expect(fw.policiesIn().map((p) => p.name)).toEqual(['default-deny', 'api-ingress', 'web-egress']);
  });

  test('policiesIn a namespace the firewall does not manage: an error naming the ones it does', () => {
    const fw = new Firewall(newChart('shop'), 'fw');
    expect(errorOf(() => fw.policiesIn('ops'))).toMatch(/policiesIn\("ops"\): "ops" is not one of this firewall's namespaces \("shop"\)/);
  });

  test('an annotation added through an entry is synthesized, and the policy still means the same', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'), [Port.tcp(8080)]);
    const ingress = fw.policies.find((p) => p.role === FirewallPolicyRole.INGRESS)!;
    ingress.policy.metadata.addAnnotation('team', 'payments');
    ingress.policy.metadata.addLabel('owner', 'sre');
    const m = manifests(chart).find((x) => x.metadata.name === 'api-ingress');
    expect(m.metadata).toEqual({ name: 'api-ingress', namespace: 'shop', annotations: { team: 'payments' }, labels: { owner: 'sre' } });
    NetworkAssertions.fromChart(chart, { pods }).allowsOnly('shop/web', 'shop/api', 'TCP 8080').isolated('shop/api', Direction.BOTH);
  });

  test('a lint suppression added through fw.policies is honoured: the finding is reported as suppressed, with its reason', () => {
    const chart = newChart('shop');
    new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'nginx', portNumber: 80 }] });
    const fw = new Firewall(chart, 'fw');
    fw.allowFromAnywhere(Peer.app('web'));
    const ruleOn = (findings: ReturnType<typeof NetworkPolicyLinter.lintScope>) => findings.filter((f) => f.ruleId === 'NP012');
    const before = ruleOn(NetworkPolicyLinter.lintScope(chart));
    expect(before.map((f) => [f.kind, f.name, f.suppressed ?? false])).toEqual([['NetworkPolicy', 'web-ingress', false]]);

    const web = fw.policies.find((p) => p.name === 'web-ingress')!;
    web.policy.metadata.addAnnotation('cdk8s-netpol.io/suppress', 'NP012=public web server behind the load balancer');
    const after = ruleOn(NetworkPolicyLinter.lintScope(chart));
    expect(after.map((f) => [f.name, f.suppressed, f.suppressionReason])).toEqual([['web-ingress', true, 'public web server behind the load balancer']]);
  });
});

describe('a Firewall in a chart without a namespace explains that', () => {
  test('allow() of pods of a named namespace: says the firewall manages the namespace the manifests are applied to, and what to write', () => {
    const fw = new Firewall(newChart(), 'fw');
    const msg = errorOf(() => fw.allow(Peer.app('web', 'shop'), Peer.app('api', 'shop'), [Port.tcp(80)]));
    expect(msg).toContain('"app=web in namespace shop" in namespace "shop" is not one of this firewall\'s pods: ' +
      'this firewall manages only the namespace its manifests are applied to (its chart has no namespace and no `namespaces` were given). ');
    expect(msg).toContain("Give the chart that namespace (new Chart(app, 'id', { namespace: \"shop\" })) or the firewall its namespaces (new Firewall(chart, 'fw', { namespaces: [\"shop\"] }))");
    expect(msg).not.toContain('neither side');
  });

  test('allowWithin() of a named namespace: the same explanation', () => {
    const fw = new Firewall(newChart(), 'fw');
    expect(errorOf(() => fw.allowWithin('shop'))).toMatch(/allowWithin\("shop"\): "shop" is not one of this firewall's namespaces \(the chart's namespace\): this firewall manages only the namespace its manifests are applied to/);
    fw.allowWithin(); // the namespace the manifests are applied to
    expect(fw.policies.map((p) => p.name)).toEqual(['default-deny', 'all-pods-egress', 'all-pods-ingress']);
  });

  test('with namespaces given, the usual message', () => {
    const fw = new Firewall(newChart(), 'fw', { namespaces: ['shop'] });
    expect(errorOf(() => fw.allow(Peer.app('a', 'ops'), Peer.app('b', 'ops')))).toMatch(/neither side is pods of this firewall's namespaces \("shop"\)/);
  });

  test('addresses only: the usual message (no namespace to name)', () => {
    const fw = new Firewall(newChart(), 'fw');
    expect(errorOf(() => fw.allow(Peer.anywhere(), Peer.ipv4('10.0.0.0/8')))).toMatch(/neither side is pods of this firewall's namespaces \(the chart's namespace\)/);
  });
});

describe('a name clash with a Firewall policy says what can be done about it', () => {
  const synthError = (chart: any) => errorOf(() => Testing.synth(chart));

  test('a DefaultDeny of the user in a managed namespace: remove it (the firewall writes one) or rename it', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'fw');
    new DefaultDeny(chart, 'mine', { name: 'default-deny' });
    const msg = synthError(chart);
    expect(msg).toContain('Duplicate NetworkPolicy name "default-deny" in namespace "shop"');
    expect(msg).toContain('Firewall "test/fw": its NetworkPolicy "default-deny" in namespace "shop" has the name of "test/mine": ' +
      'the firewall already writes the default deny of namespace "shop" (ingress and egress, DNS kept): remove the other policy, or give it another `name`');
  });

  test('two Firewalls managing one namespace: let one manage it', () => {
    const chart = newChart('shop');
    new Firewall(chart, 'a');
    new Firewall(chart, 'b');
    const msg = synthError(chart);
    expect(msg).toContain('two Firewalls manage namespace "shop" ("test/a" and "test/b"): let one Firewall manage it ' +
      '(one Firewall may manage several namespaces: `namespaces: [...]`) and write its allow() calls there');
  });

  test('a policy of the user named like a pod group\'s half: rename it, or label the pods apart', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'));
    new ApiObject(chart, 'raw', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api-ingress', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    expect(synthError(chart)).toContain('Firewall "test/fw": its NetworkPolicy "api-ingress" in namespace "shop" has the name of "test/raw": ' +
      'the firewall names the policies of app=api after the pods; give the other policy another `name`, or the pods a distinguishing label (e.g. app)');
  });

  test('no clash, no error: the firewall alone synthesizes', () => {
    const chart = newChart('shop');
    const fw = new Firewall(chart, 'fw');
    fw.allow(Peer.app('web'), Peer.app('api'));
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});
