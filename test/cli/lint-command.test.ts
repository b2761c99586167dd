import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

const FIXTURES = path.join(__dirname, '..', 'lint', 'fixtures');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => { stdout += s; return true; } },
    stderr: { write: (s: string) => { stderr += s; return true; } },
    env: {},
  });
  return { code, stdout, stderr };
}

describe('cdk8s-netpol lint', () => {
  test('clean manifests: exit 0', async () => {
    const r = await run('lint', path.join(FIXTURES, 'base'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings, 0 info\n');
  });

  test('an error: exit 1, the finding names rule, file:line, object and fix; suppressions are listed', async () => {
    const r = await run('lint', path.join(FIXTURES, 'broken'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('broken/app.yaml:20: error NP006 NetworkPolicy shop/web-in (spec.ingress[0].ports[0])');
    expect(r.stdout).toContain('fix: Use one of the declared names: http (TCP 8080); or a port number.');
    expect(r.stdout).toContain('NP002 Deployment shop/web: egress is reviewed in the firewall repo');
  });

  test('warnings: exit 0, and 1 with --strict', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lint-'));
    const file = path.join(dir, 'web.yaml');
    fs.copyFileSync(path.join(FIXTURES, 'base', 'workloads.yaml'), file);
    expect((await run('lint', file)).code).toBe(0);
    const strict = await run('lint', file, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('NP001');
  });

  test('-o FILE writes the findings to the file, the summary still to stderr', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lint-')), 'findings.sarif');
    const r = await run('lint', path.join(FIXTURES, 'broken'), '--format', 'sarif', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  test('unreadable input: exit 2', async () => {
    const r = await run('lint', path.join(FIXTURES, 'does-not-exist.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or directory');
  });

  test('--format sarif: a SARIF 2.1.0 log with rules and located results', async () => {
    const r = await run('lint', path.join(FIXTURES, 'broken'), '--format', 'sarif');
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((x: any) => x.id)).toContain('NP012');
    const result = run0.results.find((x: any) => x.ruleId === 'NP006');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(20);
    expect(run0.results.find((x: any) => x.ruleId === 'NP002').suppressions[0].justification).toBe('egress is reviewed in the firewall repo');
    expect(r.stderr).toContain('1 error, 0 warnings');
  });

  test('--format json and --rule/--skip', async () => {
    const r = await run('lint', path.join(FIXTURES, 'broken'), '--format', 'json', '--skip', 'NP006');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((f: any) => f.ruleId)).toEqual(['NP002']);
    expect((await run('lint', path.join(FIXTURES, 'broken'), '--rule', 'NP999')).code).toBe(2);
  });
});
