// The real `cdk8s synth --validate` (cdk8s-cli from node_modules) with the NetworkPolicyValidation
// plugin, everything in a temp dir, no network:
// - the plugin is a shim package in the temp dir (`package: <absolute path>`, as the README says
//   for a local build) that registers ts-node (transpile only) and requires src/: the test runs the
//   sources as they are, never a stale lib/, and needs no jsii build (about 2 s to load);
// - the app (fixtures/app.ts) runs with `node -r ts-node/register/transpile-only`, as cdk8s-cli
//   runs any app: it sets CDK8S_OUTDIR and asks for construct-metadata.json;
// - `pluginsDirectory` is in the temp dir: a local plugin is never installed, so it stays empty.
// A synth takes several seconds (the app and the plugin each load src/): the strict one reuses the
// manifests of the first (its app copies them), while the one with errors runs beside them.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { build } from './fixtures/app';
import { NetworkPolicyLinter } from '../../src';

const ROOT = path.join(__dirname, '..', '..');
const CDK8S = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const TS_NODE = path.join(ROOT, 'node_modules', 'ts-node');
const TSCONFIG = path.join(ROOT, 'test', 'tsconfig.json');

interface Synth {
  readonly dir: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly report: any;
}

interface Occurrence {
  readonly rule: string;
  readonly constructPath?: string;
  readonly manifestPath: string;
  readonly resourceName: string;
  readonly locations: readonly string[];
  readonly recommendation: string;
}

let root: string;
let plugin: string;

/**
 * `cdk8s synth --validate` of fixtures/app.ts (`which`) with examples/validation/cdk8s.yaml's plugin
 * entry (`properties` added); with `reuse`, the app copies the manifests that synth wrote.
 */
function synth(which: string, properties: Record<string, unknown>, reuse?: Synth): Promise<Synth> {
  const dir = fs.mkdtempSync(path.join(root, `${which}-`));
  const example = YAML.parse(fs.readFileSync(path.join(ROOT, 'examples', 'validation', 'cdk8s.yaml'), 'utf8'));
  let app = `node -r ${JSON.stringify(path.join(TS_NODE, 'register', 'transpile-only'))} ${JSON.stringify(path.join(__dirname, 'fixtures', 'app.ts'))}`;
  if (reuse) {
    fs.writeFileSync(path.join(dir, 'copy.js'),
      `require('fs').cpSync(${JSON.stringify(path.join(reuse.dir, 'dist'))}, process.env.CDK8S_OUTDIR, { recursive: true });\n`);
    app = `node ${JSON.stringify(path.join(dir, 'copy.js'))}`;
  }
  const config = {
    ...example,
    app,
    pluginsDirectory: path.join(dir, 'plugins'),
    validations: [{ ...example.validations[0], package: plugin, properties: { ...example.validations[0].properties, ...properties } }],
  };
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), YAML.stringify(config));
  const env: NodeJS.ProcessEnv = { ...process.env, NETPOL_APP: which, TS_NODE_PROJECT: TSCONFIG, FORCE_COLOR: '0', npm_config_offline: 'true' };
  delete env.CDK8S_RECORD_CONSTRUCT_METADATA;
  delete env.CDK8S_OUTDIR;
  const reportFile = path.join(dir, 'report.json');
  return new Promise((resolve) => {
    execFile(process.execPath, [CDK8S, 'synth', '--validate', '--validation-reports-output-file', reportFile], { cwd: dir, env, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined;
        resolve({ dir, code, stdout, stderr, report });
      });
  });
}

function occurrences(s: Synth): Occurrence[] {
  expect(s.report?.reports).toHaveLength(1);
  return s.report.reports[0].violations.flatMap((v: any) => v.violatingConstructs.map((c: any) => ({
    rule: v.ruleName,
    ...(c.constructPath !== undefined ? { constructPath: c.constructPath } : {}),
    manifestPath: c.manifestPath,
    resourceName: c.resourceName,
    locations: c.locations,
    recommendation: v.recommendation,
  })));
}

/** The findings of the linter run in memory on the same app (it knows every construct path). */
function inMemory(which: string) {
  const app: App = Testing.app();
  build(app, which);
  return NetworkPolicyLinter.lintScope(app).filter((f) => !f.suppressed);
}

let warnings: Synth;
let strict: Synth;
let errors: Synth;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-cdk8s-cli-'));
  plugin = path.join(root, 'plugin');
  fs.mkdirSync(plugin);
  fs.writeFileSync(path.join(plugin, 'package.json'), JSON.stringify({ name: 'cdk8s-netpol', version: '0.0.0', main: 'index.js' }));
  fs.writeFileSync(path.join(plugin, 'index.js'), [
    `require(${JSON.stringify(TS_NODE)}).register({ transpileOnly: true, project: ${JSON.stringify(TSCONFIG)} });`,
    `module.exports = require(${JSON.stringify(path.join(ROOT, 'src'))});`,
    '',
  ].join('\n'));
  const withErrors = synth('errors', {});
  warnings = await synth('warnings', {});
  strict = await synth('warnings', { strict: true }, warnings);
  errors = await withErrors;
}, 120_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function diagnose(s: Synth): string {
  return `exit ${s.code}\n--- stdout\n${s.stdout}\n--- stderr\n${s.stderr}`;
}

describe('cdk8s synth --validate with the plugin', () => {
  test('warnings only: the synth succeeds, each finding at its construct path', () => {
    expect({ code: warnings.code, status: warnings.report?.reports[0].summary.status }).toEqual({ code: 0, status: 'success' });
    const expected = inMemory('warnings');
    expect(expected.map((f) => `${f.ruleId} ${f.severity} ${f.constructPath}`)).toContain('NP004 warning shop/stale');
    expect(expected.every((f) => f.severity !== 'error')).toBe(true);
    expect(occurrences(warnings).map(({ recommendation, ...o }) => o)).toEqual(expected.map((f) => ({
      rule: `${f.ruleId} [${f.severity}]`,
      constructPath: f.constructPath,
      manifestPath: 'dist/shop.k8s.yaml',
      resourceName: f.name,
      locations: [f.location ?? 'metadata.name'],
    })));
    expect(warnings.report.reports[0].summary.metadata).toEqual({ findings: String(expected.length), suppressed: '0' });
    expect(warnings.stdout).toContain('Validations ended succesfully');
    // nothing was installed (and nothing fetched): the plugin is a local path
    expect(warnings.stdout).not.toContain('Installing validation plugin');
    expect(fs.existsSync(path.join(warnings.dir, 'plugins'))).toBe(false);
  });

  test('strict: the same warnings fail the synth (exit 2)', () => {
    expect({ code: strict.code, status: strict.report?.reports[0].summary.status }).toEqual({ code: 2, status: 'failure' });
    expect(occurrences(strict)).toEqual(occurrences(warnings));
    expect(strict.stderr).toContain('Validation failed');
  });

  test('an error fails the synth (exit 2) and is printed with its construct path, manifest and field', () => {
    expect(errors.code).toBe(2);
    expect(errors.report?.reports[0].summary.status).toBe('failure');
    expect(occurrences(errors)).toContainEqual({
      rule: 'NP006 [error]',
      constructPath: 'shop/typo',
      manifestPath: 'dist/shop.k8s.yaml',
      resourceName: 'web-https',
      locations: ['spec.ingress[0].ports[0]'],
      recommendation: expect.stringMatching(/^NetworkPolicy shop\/web-https: named port "https" \(TCP\)/),
    });
    // (the rule line is bold red: escape sequences around it)
    expect(errors.stdout).toMatch(/NP006 \[error\] \(1 occurrences\)(?:\u001b\[\d+m)*\s+Occurrences:\s+- Construct Path: shop\/typo\s+- Manifest Path: dist\/shop\.k8s\.yaml\s+- Resource Name: web-https\s+- Locations:\s+> spec\.ingress\[0\]\.ports\[0\]/);
  });

  test('two namespaces holding a policy of one name: no wrong construct path, the object named in the recommendation', () => {
    // cdk8s keeps one construct path per metadata.name, the last one synthesized
    const metadata = JSON.parse(fs.readFileSync(path.join(errors.dir, 'dist', 'construct-metadata.json'), 'utf8'));
    expect(metadata.resources['web-in']).toEqual({ path: 'billing/web-in' });
    expect(metadata.resources.web).toEqual({ path: 'billing/web' });
    // the linter in memory knows both paths
    const truth = inMemory('errors').filter((f) => f.name === 'web-in').map((f) => f.constructPath).sort();
    expect(truth).toEqual(['billing/web-in', 'orders/web-in']);

    const found = occurrences(errors);
    for (const ns of ['orders', 'billing']) {
      expect(found).toContainEqual({
        rule: 'NP006 [error]',
        manifestPath: `dist/${ns}.k8s.yaml`,
        resourceName: `${ns}/web-in (NetworkPolicy)`,
        locations: ['spec.ingress[0].ports[0]'],
        recommendation: expect.stringMatching(new RegExp(`^NetworkPolicy ${ns}/web-in: .* \\(construct path not known: 2 synthesized objects are named "web-in" and cdk8s maps construct paths by name alone; this is NetworkPolicy ${ns}/web-in\\)$`)),
      });
    }
    // Deployments of one name too (of any kind: three `web`s), and never another object's path
    expect(found.filter((o) => o.rule.startsWith('NP002')).map((o) => [o.resourceName, o.constructPath ?? 'N/A'])).toEqual(
      expect.arrayContaining([['orders/web (Deployment)', 'N/A'], ['billing/web (Deployment)', 'N/A']]));
    for (const o of found) {
      if (o.constructPath !== undefined) expect(o.constructPath.startsWith(`${o.manifestPath.replace(/^dist\/|\.k8s\.yaml$/g, '')}/`)).toBe(true);
    }
    expect(errors.stdout).toMatch(/- Construct Path: N\/A\s+- Manifest Path: dist\/orders\.k8s\.yaml\s+- Resource Name: orders\/web-in \(NetworkPolicy\)/);
    expect(errors.stdout).not.toMatch(/Construct Path: billing\/\S+\s+- Manifest Path: dist\/orders/);
  });
});

// keep the failure output readable when cdk8s-cli itself fails
afterEach(() => {
  for (const s of [warnings, strict, errors]) {
    if (s && s.report === undefined) process.stderr.write(diagnose(s));
  }
});
