/**
 * SARIF from `lint --format sarif` (src/report/sarif.ts), validated against the SARIF 2.1.0
 * JSON schema that @microsoft/jest-sarif ships: files with spaces, standard input and absolute
 * paths, the tool's version and the rules' help links.
 */
import '@microsoft/jest-sarif';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { sarifUri } from '../../src/report/sarif';
import { runCli } from '../cli/run-cli';

const ROOT = path.join(__dirname, '..', '..');
const BROKEN = fs.readFileSync(path.join(ROOT, 'test', 'lint', 'fixtures', 'broken', 'app.yaml'), 'utf8');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol sarif '));
const spaced = path.join(dir, 'my app.k8s.yaml');
fs.writeFileSync(spaced, BROKEN);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function lintSarif(args: string[], stdin?: string): Promise<any> {
  const r = await runCli(['lint', '--format', 'sarif', ...args], { stdin });
  expect(r.code).toBe(1);
  return JSON.parse(r.stdout);
}

const uris = (log: any): string[] => log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);

describe('lint --format sarif is a valid SARIF 2.1.0 log', () => {
  test('a relative path with a space: a percent-encoded relative reference', async () => {
    const relative = path.relative(process.cwd(), spaced);
    const log = await lintSarif([relative]);
    expect(log).toBeValidSarifLog();
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const uri of uris(log)) {
      expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      expect(uri).toContain('my%20app.k8s.yaml');
      expect(fileURLToPath(new URL(uri, `file://${process.cwd().split(path.sep).join('/')}/`))).toBe(spaced);
    }
  });

  test('an absolute path (with spaces): a file:// URI', async () => {
    const log = await lintSarif([spaced]);
    expect(log).toBeValidSarifLog();
    for (const uri of uris(log)) {
      expect(uri).toMatch(/^file:\/\/\//);
      expect(fileURLToPath(uri)).toBe(spaced);
    }
  });

  test('standard input: the relative reference stdin, the line kept, the object named', async () => {
    const log = await lintSarif(['-'], BROKEN);
    expect(log).toBeValidSarifLog();
    const results = log.runs[0].results;
    expect(uris(log)).toEqual(results.map(() => 'stdin'));
    const np006 = results.find((r: any) => r.ruleId === 'NP006');
    expect(np006.locations[0].physicalLocation.region.startLine).toBe(20);
    expect(np006.locations[0].logicalLocations[0]).toMatchObject({ name: 'web-in', kind: 'resource' });
  });

  test('the driver: name, the package version, information URI, every rule with a help link to its RULES.md section', async () => {
    const driver = (await lintSarif([spaced])).runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'cdk8s-netpol', version: VERSION, informationUri: 'https://github.com/cdk8s-netpol/cdk8s-netpol' });
    const anchors = fs.readFileSync(path.join(ROOT, 'RULES.md'), 'utf8').match(/^## NP\d{3}$/gm)!.map((h) => h.slice(3).toLowerCase());
    expect(driver.rules.map((r: any) => r.helpUri)).toEqual(anchors.map((a) => `https://github.com/cdk8s-netpol/cdk8s-netpol/blob/main/RULES.md#${a}`));
    expect(driver.rules.map((r: any) => r.id.toLowerCase())).toEqual(anchors);
  });

  test('the schema catches what is not SARIF (the matcher is not a no-op)', async () => {
    const log = await lintSarif([spaced]);
    expect({ ...log, version: '2.0.0' }).not.toBeValidSarifLog();
    const badUri = JSON.parse(JSON.stringify(log));
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my app.yaml';
    expect(badUri).not.toBeValidSarifLog();
  });
});

describe('sarifUri', () => {
  test.each([
    ['dist/app.k8s.yaml', 'dist/app.k8s.yaml'],
    ['dist/my app.yaml', 'dist/my%20app.yaml'],
    ['../x/a b#c?.yaml', '../x/a%20b%23c%3F.yaml'],
    ['a:b.yaml', 'a%3Ab.yaml'],
    ['dist/a:b.yaml', 'dist/a:b.yaml'],
    ['dist\\win\\a.yaml', 'dist/win/a.yaml'],
    ['<stdin>', 'stdin'],
    ['/work/dist/my app.yaml', 'file:///work/dist/my%20app.yaml'],
    ['C:\\work\\dist\\a b.yaml', 'file:///C:/work/dist/a%20b.yaml'],
    ['C:/work/a.yaml', 'file:///C:/work/a.yaml'],
    ['\\\\server\\share\\a.yaml', 'file://server/share/a.yaml'],
  ])('%j is %j', (file, uri) => {
    expect(sarifUri(file)).toBe(uri);
  });

  test('an absolute path round-trips through the URL parser', () => {
    for (const file of ['/tmp/a b/#x?y%z.yaml', '/tmp/ünï/\u202e.yaml']) expect(fileURLToPath(sarifUri(file))).toBe(file);
  });
});

test('a cluster-scoped object is named without a namespace (ClusterNetworkPolicy guard, not "/guard")', async () => {
  const input = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: guard}
spec:
  tier: Admin
  priority: 10
  subject: {namespaces: {matchLabels: {nothing: here}}}
  ingress:
  - action: Deny
    from: [{namespaces: {}}]
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
`;
  const log = await lintSarif(['--strict', '-'], input);
  expect(log).toBeValidSarifLog();
  const results = log.runs[0].results.filter((r: any) => r.message.text.startsWith('ClusterNetworkPolicy'));
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) {
    expect(r.message.text).toMatch(/^ClusterNetworkPolicy guard \(spec\.subject\): /);
    expect(r.locations[0].logicalLocations[0].fullyQualifiedName).toBe('ClusterNetworkPolicy/guard');
  }
});
