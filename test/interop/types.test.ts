/**
 * Issue 12, at the type level: the shop app written against each cdk8s-plus major (and without
 * cdk8s-plus) type-checks with `tsc --noEmit`, strict, without casts, as a user's app would.
 * `Peer.workload()` typed with one major's `IPodSelector` failed this for every other major
 * (TS2345, "separate declarations of a private property"): fixtures/old-signature.ts keeps that
 * failure in view, so that the check is known to see it.
 */
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');

test('the app of every major type-checks with tsc --noEmit (and what must fail does)', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.ts')).sort();
  expect(files).toEqual(['old-signature.ts', 'shop-plain.ts', 'shop-plus-28.ts', 'shop-plus-31.ts', 'shop-plus-33.ts', 'shop.ts']);
  const tsc = require.resolve('typescript/bin/tsc');
  // the options of a strict user project; --ignoreConfig: these files alone, not the repository's tsconfig.json
  const args = [
    tsc, '--ignoreConfig', '--noEmit', '--pretty', 'false', '--strict', '--noUnusedLocals', '--noUnusedParameters',
    '--target', 'ES2022', '--module', 'node16', '--skipLibCheck', '--types', 'node',
    ...files.map((f) => relative(ROOT, join(FIXTURES, f))),
  ];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf-8' });
  expect(run.error).toBeUndefined();
  // a diagnostic starts a line (test/interop/fixtures/shop-plus-33.ts(23,72): error TS2345: ...), its details are indented
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
  const diagnostic = /^(\S+)\(\d+,\d+\): error TS\d+: /;
  // anything but a diagnostic means tsc did not run to the end
  expect(lines.filter((l) => !diagnostic.test(l))).toEqual([]);
  // the apps must be clean. Errors in src/ itself (the repository's own type check reports them)
  // are not this test's: a user compiles against the library's .d.ts files.
  expect(lines.filter((l) => l.startsWith('test/'))).toEqual([]);
  if (run.status !== 0) expect(lines.length).toBeGreaterThan(0);
}, 180_000);
