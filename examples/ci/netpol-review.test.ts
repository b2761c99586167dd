import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'lint', 'fixtures');

function review(base: string, pr: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-'));
  const comment = path.join(dir, 'comment.md');
  const sarif = path.join(dir, 'netpol.sarif');
  const r = spawnSync('bash', [path.join(__dirname, 'netpol-review.sh'), base, pr, comment, sarif], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      // the CLI from source (a project that depends on cdk8s-netpol uses the default, npx cdk8s-netpol)
      NETPOL: `node -r ts-node/register/transpile-only ${path.join(ROOT, 'src', 'cli', 'main.ts')}`,
      TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json'),
    },
    timeout: 120_000,
  });
  return { status: r.status, stderr: r.stderr, comment: fs.existsSync(comment) ? fs.readFileSync(comment, 'utf8') : '', sarif };
}

test('GIVEN a pull request that opens frontend => db THEN the comment shows the diff, the lint and the graph', () => {
  const r = review(path.join(FIXTURES, 'base'), path.join(FIXTURES, 'pr'));
  expect(r.stderr).toContain('wrote');
  expect(r.status).toBe(0);
  expect(r.comment.startsWith('<!-- cdk8s-netpol-review -->\n## NetworkPolicy review')).toBe(true);
  expect(r.comment).toContain('+ shop/frontend => shop/db : TCP 5432 (added)');
  expect(r.comment).toContain('```mermaid\nflowchart LR');
  expect(r.comment).toContain('0 errors, 0 warnings, 0 info');
  expect(JSON.parse(fs.readFileSync(r.sarif, 'utf8')).version).toBe('2.1.0');
});

test('GIVEN lint errors THEN the comment is written and the script fails', () => {
  const r = review(path.join(FIXTURES, 'base'), path.join(FIXTURES, 'broken'));
  expect(r.status).toBe(1);
  expect(r.comment).toContain('error NP006 NetworkPolicy shop/web-in');
  expect(r.comment).toContain('(removed)');
});
