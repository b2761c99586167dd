import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { NetworkPolicyValidation, ValidationPluginViolation } from '../../src';

// cdk8s-cli maps a violation's resourceName to a construct path through construct-metadata.json,
// which cdk8s keys by metadata.name alone: a name is passed only when it cannot map to another
// object (test/cdk8s-cli/synth-validate.test.ts checks it with the real cdk8s synth).
const policy = (namespace: string, name: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec: { podSelector: { matchLabels: { app: 'gone' } }, policyTypes: ['Ingress'] },
});

/** A workload in each namespace a policy is in, so that NP004 (policy selects nothing) applies. */
const workload = (namespace: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: `api-${namespace}`, namespace },
  spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api' }] } } },
});

async function run(files: Record<string, unknown[]>): Promise<ValidationPluginViolation[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
  const manifests = Object.entries(files).map(([name, docs]) => {
    const file = path.join(dir, name);
    const namespaces = [...new Set(JSON.stringify(docs).match(/"namespace":"[^"]+"/g))].map((m) => m.slice(13, -1));
    fs.writeFileSync(file, [...docs, ...namespaces.map(workload)].map((d) => YAML.stringify(d)).join('---\n'));
    return file;
  });
  const violations: ValidationPluginViolation[] = [];
  await new NetworkPolicyValidation({ rules: ['NP004'] }).validate({
    manifests,
    report: { addViolation: (v) => violations.push(v), submit: () => undefined },
    logger: { log: () => undefined },
  });
  return violations;
}

test('GIVEN a name one object bears THEN resourceName is that name', async () => {
  const [v] = await run({ 'a.k8s.yaml': [policy('shop', 'web-in')] });
  expect(v.violatingResources.map((r) => r.resourceName)).toEqual(['web-in']);
  expect(v.recommendation).not.toContain('construct path');
});

test('GIVEN one name in two namespaces (two files) THEN neither passes the name, and the recommendation says why', async () => {
  const violations = await run({ 'a.k8s.yaml': [policy('shop', 'web-in')], 'b.k8s.yaml': [policy('billing', 'web-in')] });
  expect(violations.map((v) => v.violatingResources[0].resourceName).sort()).toEqual(['billing/web-in (NetworkPolicy)', 'shop/web-in (NetworkPolicy)']);
  for (const v of violations) {
    const ns = v.violatingResources[0].resourceName.split('/')[0];
    expect(v.recommendation).toMatch(new RegExp(`\\(construct path not known: 2 synthesized objects are named "web-in" and cdk8s maps construct paths by name alone; this is NetworkPolicy ${ns}/web-in\\)$`));
  }
});

test('GIVEN a name shared with an object of another kind THEN it is not passed either', async () => {
  const [v] = await run({ 'a.k8s.yaml': [policy('shop', 'web'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } }] });
  expect(v.violatingResources[0].resourceName).toBe('shop/web (NetworkPolicy)');
});

test('GIVEN an item of a List THEN its name is not passed (cdk8s records the List, not its items)', async () => {
  const [v] = await run({ 'a.k8s.yaml': [{ apiVersion: 'v1', kind: 'List', metadata: { name: 'all' }, items: [policy('shop', 'web-in')] }] });
  expect(v.violatingResources[0].resourceName).toBe('shop/web-in (NetworkPolicy)');
  expect(v.recommendation).toMatch(/\(construct path not known for NetworkPolicy shop\/web-in\)$/);
});
