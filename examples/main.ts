// The README's first command (`npx projen example`) runs this file: it synthesizes the example
// app (seed 001's three tiers: frontend -> backend:80 -> database:3306, nothing else, no
// external egress, DNS kept) into examples/dist/, then asks the engine what the policies allow,
// with the same code the `cdk8s-netpol connlist` and `check` commands run.
import * as path from 'path';
import { App } from 'cdk8s';
import { threeTier } from './three-tier';
import { demoWorkloads } from './workloads';
import { main as cli } from '../src/cli/main';

async function run(): Promise<number> {
  const outdir = path.join(__dirname, 'dist');
  const app = new App({ outdir });
  threeTier(app);
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
