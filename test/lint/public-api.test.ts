import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { deployment, policy } from './helpers';
import { NetworkPolicyChecks } from '../../src/lint/network-policy-checks';
import { NetworkPolicyLinter } from '../../src/lint/network-policy-linter';
import { NetworkPolicyValidation, ValidationPluginViolation } from '../../src/lint/validation-plugin';
import { AllowTo } from '../../src/policies/allow-to';
import { BlockMetadata } from '../../src/policies/block-metadata';
import { Peer } from '../../src/vocabulary/peer';

/** A chart with a workload and a policy whose named port matches nothing (NP006, an error). */
function brokenChart(app: App): Chart {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = deployment('shop', 'web', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080 }] });
  new ApiObject(chart, 'web', web);
  new ApiObject(chart, 'web-in', policy('shop', 'web-in', {
    podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'https' }] }],
  }));
  return chart;
}

describe('NetworkPolicyLinter', () => {
  test('lintScope: findings carry the construct path', () => {
    const app = Testing.app();
    brokenChart(app);
    const f = NetworkPolicyLinter.lintScope(app).find((x) => x.ruleId === 'NP006')!;
    expect(f).toMatchObject({ namespace: 'shop', name: 'web-in', constructPath: 'shop/web-in' });
    expect(NetworkPolicyLinter.failsBuild(NetworkPolicyLinter.lintScope(app))).toBe(true);
  });

  test('lintYaml and lintManifests agree', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {template: {metadata: {labels: {app: web}}, spec: {containers: []}}}\n';
    expect(NetworkPolicyLinter.lintYaml(yaml).map((f) => f.ruleId)).toEqual(['NP001', 'NP002']);
    expect(NetworkPolicyLinter.lintManifests([deployment('shop', 'web', { app: 'web' })]).map((f) => f.ruleId)).toEqual(['NP001', 'NP002']);
  });

  test('rules(): every id NP000..NP022 with cause, explanation and fix', () => {
    const rules = NetworkPolicyLinter.rules();
    expect(rules.map((r) => r.id)).toEqual(['NP000', ...Array.from({ length: 22 }, (_, i) => `NP${String(i + 1).padStart(3, '0')}`)]);
    for (const r of rules) expect(r.cause && r.explanation && r.fix).toBeTruthy();
  });

  test('NP007: BlockMetadata alone passes; a broad egress allow beside it re-opens every blocked address', () => {
    const build = (reopen: boolean) => {
      const app = Testing.app();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new ApiObject(chart, 'web', deployment('shop', 'web', { app: 'web' }));
      new BlockMetadata(chart, 'block-metadata');
      if (reopen) new AllowTo(chart, 'to-anywhere', { to: [Peer.anyIpv4(), Peer.anyIpv6()] });
      return NetworkPolicyLinter.lintScope(app).filter((f) => f.ruleId === 'NP007');
    };
    expect(build(false)).toEqual([]);
    const findings = build(true);
    expect(findings.length).toBeGreaterThan(0);
    const text = findings.map((f) => f.message).join('\n');
    const blocked = BlockMetadata.defaultAddresses();
    // the message names the first three and counts the rest: all of them are re-opened
    for (const address of blocked.slice(0, 3)) expect(text).toContain(address);
    expect(text).toContain(`(+${blocked.length - 3} more)`);
    expect(text).toContain('to-anywhere');
  });
});

describe('NetworkPolicyChecks (synth-time)', () => {
  test('GIVEN an error THEN app.synth() fails naming the construct path', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-synth-')) });
    brokenChart(app);
    NetworkPolicyChecks.of(app);
    expect(() => app.synth()).toThrow(/NP006 error at shop\/web-in \(NetworkPolicy shop\/web-in spec.ingress\[0\].ports\[0\]\): .*named port "https"/);
  });

  test('warnings pass, unless strict', () => {
    const mk = (strict: boolean) => {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-synth-')) });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new ApiObject(chart, 'web', deployment('shop', 'web', { app: 'web' }));
      NetworkPolicyChecks.of(app, { strict });
      return app;
    };
    expect(() => mk(false).synth()).not.toThrow();
    expect(() => mk(true).synth()).toThrow(/NP001 warning at shop\/web/);
  });

  test('not strict: the warnings are printed to stderr at synth, with construct path and fix; strict or printWarnings: false prints none', () => {
    const mk = (options: { strict?: boolean; printWarnings?: boolean }) => {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-synth-')) });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new ApiObject(chart, 'web', deployment('shop', 'web', { app: 'web' }));
      NetworkPolicyChecks.of(app, options);
      return app;
    };
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
      written.push(String(chunk));
      return true;
    });
    try {
      mk({}).synth();
      expect(written).toEqual([
        expect.stringMatching(/^cdk8s-netpol: NP001 warning at shop\/web \(Deployment shop\/web\): Deployment shop\/web is not selected by any policy for ingress: .* Fix: Add a default-deny ingress policy in namespace shop .*\n$/),
        expect.stringMatching(/^cdk8s-netpol: NP002 warning at shop\/web \(Deployment shop\/web\): .* Fix: .*\n$/),
      ]);
      written.length = 0;
      mk({ printWarnings: false }).synth();
      expect(() => mk({ strict: true }).synth()).toThrow(/NP001 warning at shop\/web/);
      expect(written).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  test('a suppressed error does not fail the synth', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-synth-')) });
    const chart = brokenChart(app);
    (chart.node.findChild('web-in') as ApiObject).metadata.addAnnotation('cdk8s-netpol.io/suppress', 'NP006=port named on the sidecar, added at deploy time');
    const checks = NetworkPolicyChecks.of(app);
    expect(() => app.synth()).not.toThrow();
    expect(checks.findings.find((f) => f.ruleId === 'NP006')!.suppressed).toBe(true);
  });
});

describe('NetworkPolicyValidation (cdk8s validation plugin)', () => {
  function fakeContext(manifests: string[]) {
    const violations: ValidationPluginViolation[] = [];
    let status: string | undefined;
    const logs: string[] = [];
    return {
      violations,
      logs,
      status: () => status,
      context: {
        manifests,
        report: { addViolation: (v: ValidationPluginViolation) => violations.push(v), submit: (s: string) => { status = s; } },
        logger: { log: (m: string) => logs.push(m) },
      },
    };
  }

  test('GIVEN synthesized manifests with an error THEN violations per finding and status failure', async () => {
    const app = Testing.app();
    brokenChart(app);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
    const file = path.join(dir, 'shop.k8s.yaml');
    fs.writeFileSync(file, app.synthYaml());
    const fake = fakeContext([file]);
    await new NetworkPolicyValidation().validate(fake.context);
    expect(fake.status()).toBe('failure');
    const np006 = fake.violations.find((v) => v.ruleName.startsWith('NP006'))!;
    expect(np006.violatingResources).toEqual([{ resourceName: 'web-in', locations: ['spec.ingress[0].ports[0]'], manifestPath: file }]);
    expect(np006.fix).toContain('RULES.md#np006');
    // the recommendation names the object once, as the finding's message does
    expect(np006.recommendation).toMatch(/^NetworkPolicy shop\/web-in: named port "https"/);
    expect(np006.recommendation).not.toMatch(/NetworkPolicy shop\/web-in: NetworkPolicy/);
  });

  test('a finding about a whole object points at its name (cdk8s counts occurrences by location)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
    const file = path.join(dir, 'web.yaml');
    fs.writeFileSync(file, JSON.stringify(deployment('shop', 'web', { app: 'web' })));
    const fake = fakeContext([file]);
    await new NetworkPolicyValidation().validate(fake.context);
    const np001 = fake.violations.find((v) => v.ruleName.startsWith('NP001'))!;
    expect(np001.violatingResources).toEqual([{ resourceName: 'web', locations: ['metadata.name'], manifestPath: file }]);
  });

  test('only warnings: success (failure with strict)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
    const file = path.join(dir, 'web.yaml');
    fs.writeFileSync(file, JSON.stringify(deployment('shop', 'web', { app: 'web' })));
    const lenient = fakeContext([file]);
    await new NetworkPolicyValidation().validate(lenient.context);
    expect(lenient.status()).toBe('success');
    expect(lenient.violations.map((v) => v.ruleName)).toEqual(['NP001 [warning]', 'NP002 [warning]']);
    const strict = fakeContext([file]);
    await new NetworkPolicyValidation({ strict: true }).validate(strict.context);
    expect(strict.status()).toBe('failure');
  });
});
