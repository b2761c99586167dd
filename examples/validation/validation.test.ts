import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, ApiObject, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { validatedApp } from './main';
import * as netpol from '../../src';
import { NetworkPolicyChecks, NetworkPolicyLinter, NetworkPolicyValidation, ValidationPluginViolation } from '../../src';

test('the example app passes the synth-time check', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-example-')) });
  const checks = NetworkPolicyChecks.of(app);
  validatedApp(app);
  expect(() => app.synth()).not.toThrow();
  expect(checks.findings.filter((f) => !f.suppressed && f.severity === 'error')).toEqual([]);
});

test('a broken port name fails app.synth() with the construct path', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-example-')) });
  NetworkPolicyChecks.of(app);
  const chart = validatedApp(app);
  new ApiObject(chart, 'typo', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web-https' },
    spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'https' }] }] },
  });
  expect(() => app.synth()).toThrow(/NP006 error at shop\/typo/);
});

test('cdk8s.yaml names the plugin class, and the plugin runs on the synthesized manifests', async () => {
  const config = YAML.parse(fs.readFileSync(path.join(__dirname, 'cdk8s.yaml'), 'utf8'));
  expect(config.validations[0]).toMatchObject({ package: 'cdk8s-netpol', class: 'NetworkPolicyValidation' });
  expect(typeof (netpol as any)[config.validations[0].class]).toBe('function');

  const app = Testing.app();
  validatedApp(app);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-example-')), 'shop.k8s.yaml');
  fs.writeFileSync(file, app.synthYaml());
  const violations: ValidationPluginViolation[] = [];
  let status = '';
  await new NetworkPolicyValidation(config.validations[0].properties).validate({
    manifests: [file],
    report: { addViolation: (v) => violations.push(v), submit: (s) => { status = s; } },
    logger: { log: () => undefined },
  });
  expect(status).toBe('success');
  // the same findings as the linter run on the app
  expect(violations.map((v) => v.ruleName.split(' ')[0])).toEqual(NetworkPolicyLinter.lintScope(app).filter((f) => !f.suppressed).map((f) => f.ruleId));
});
