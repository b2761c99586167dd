// The README's first command (`npx projen example`) runs this file. It synthesizes the example
// app into examples/dist/: seed 001's three tiers written with the Firewall
// (three-tier-firewall.ts: frontend -> backend:80 -> database:3306, nothing else, no external
// egress, DNS kept) and the workloads they protect. Then it asks the engine what the policies
// allow, with the same code the `cdk8s-netpol connlist` and `check` commands run.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { threeTierFirewall } from './three-tier-firewall';
import { demoWorkloads } from './workloads';
import { main as cli } from '../src/cli/main';

async function run(): Promise<number> {
  const outdir = path.join(__dirname, 'dist');
  fs.rmSync(outdir, { recursive: true, force: true }); // no stale manifests from an earlier run
  const app = new App({ outdir });
  threeTierFirewall(app);
  demoWorkloads(app);
  app.synth();

  const files = app.charts.map((c) => path.relative(process.cwd(), path.join(outdir, `${c.node.id}.k8s.yaml`)));
  console.log(`Synthesized ${files.length} manifests:`);
  for (const f of files) console.log(`  ${f}`);

  console.log('\nWhat the policies allow (cdk8s-netpol connlist examples/dist):\n');
  let status = await cli(['connlist', outdir]);

  const checks = [
    ['frontend/frontend', 'backend/backend', '80'],
    ['default/intruder', 'database/database', '3306'],
  ];
  for (const [from, to, port] of checks) {
    console.log(`\n$ cdk8s-netpol check examples/dist --from ${from} --to ${to} --port ${port}`);
    const code = await cli(['check', outdir, '--from', from, '--to', to, '--port', port]);
    if (code === 2) status = 2;
  }
  return status === 2 ? 2 : 0;
}

run().then((code) => { process.exitCode = code; }, (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
