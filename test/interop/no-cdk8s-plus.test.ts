/**
 * Issue 12: cdk8s-plus is not a dependency. A user without any cdk8s-plus installed loads every
 * module of the library and synthesizes the shop app of plain cdk8s ApiObjects; no module asks
 * for a cdk8s-plus package at runtime (a type-only import is fine: it is not emitted).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');

/** Loaded first: any request for a cdk8s-plus package fails, and is reported on stderr. */
const BLOCKER = `
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^cdk8s-plus(-\\d+)?(\\/|$)/.test(request)) {
    process.stderr.write('cdk8s-plus requested: ' + request + '\\n');
    throw new Error("Cannot find module '" + request + "' (not installed)");
  }
  return resolve.call(this, request, ...rest);
};
`;

function sources(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return f.endsWith('.ts') && !f.endsWith('.d.ts') ? [path] : [];
  });
}

test('every module loads and the plain app synthesizes without cdk8s-plus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'no-cdk8s-plus-'));
  try {
    const blocker = join(dir, 'block-cdk8s-plus.js');
    writeFileSync(blocker, BLOCKER);
    const modules = sources(join(ROOT, 'src')).map((f) => `./${relative(ROOT, f)}`);
    expect(modules.length).toBeGreaterThan(50);
    const script = `
      for (const m of ${JSON.stringify(modules)}) require(m);
      const { shopApp } = require('./test/interop/fixtures/shop-plain');
      const { chart } = shopApp();
      const names = chart.toJson().filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name);
      process.stdout.write(JSON.stringify(names));
    `;
    const run = spawnSync(process.execPath, ['-r', blocker, '-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: ROOT,
      encoding: 'utf-8',
      env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['db-from-web', 'default-deny', 'web-egress', 'db-ingress', 'worker-egress']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
