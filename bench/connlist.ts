/**
 * `connlist` at scale (issue 13, item 3): the CLI itself (`node lib/cli/main.js connlist FILE -o
 * OUT`, text format) on the multi-team clusters of bench/cluster.ts at two sizes, four times
 * apart, each run in a process of its own whose peak RSS is read when it exits. The listing
 * must cost about what its output costs: the larger size at most 5x the time of the smaller
 * (its output is about 4x), and under 1 GB of peak RSS.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { generateCluster } from './cluster';

const ROOT = path.resolve(__dirname, '..');

export interface ConnlistRun {
  readonly workloads: number;
  readonly policies: number;
  /** input file size */
  readonly inputMB: number;
  /** lines of the listing */
  readonly lines: number;
  readonly outputMB: number;
  readonly medianMs: number;
  readonly runsMs: number[];
  /** the largest peak RSS of the runs (the whole CLI process: reading, validating, listing) */
  readonly peakRssMB: number;
  /** the largest V8 heap in use at the end of a run (before exit) */
  readonly heapUsedMB: number;
}

export interface ConnlistResult {
  readonly small: ConnlistRun;
  readonly large: ConnlistRun;
  /** large / small, median times */
  readonly timeRatio: number;
  readonly outputRatio: number;
}

export const CONNLIST_TARGET = { timeRatio: 5, peakRssMB: 1024 };

/** Runs the CLI once per repeat at each size. `quick`: 1,000 and 4,000 workloads. */
export function benchConnlist(quick: boolean, log: (text: string) => void): ConnlistResult {
  const cliMain = path.join(ROOT, 'lib', 'cli', 'main.js');
  if (!fs.existsSync(cliMain)) {
    log('connlist: lib/cli/main.js missing, compiling with jsii ...');
    execFileSync('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: ROOT, stdio: 'inherit' });
  }
  const [smallSize, largeSize, repeats] = quick ? [1000, 4000, 1] : [5000, 20000, 3];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-connlist-'));
  try {
    const measure = (workloads: number): ConnlistRun => {
      const cluster = generateCluster(workloads);
      const input = path.join(dir, `cluster-${workloads}.yaml`);
      fs.writeFileSync(input, cluster.manifests.map((m) => YAML.stringify(m)).join('---\n'));
      const output = path.join(dir, `connlist-${workloads}.txt`);
      // the CLI's own entry point, with its peak RSS and heap written to stderr when it exits
      const script = `const m = require(${JSON.stringify(cliMain)});
process.on('exit', () => process.stderr.write('\\nBENCH ' + JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed }) + '\\n'));
m.runAsProgram(process.argv.slice(1));`;
      const runsMs: number[] = [];
      let peakRssMB = 0;
      let heapUsedMB = 0;
      log(`connlist: ${cluster.workloads.toLocaleString('en-US')} workloads, ${repeats} run(s) ...`);
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['-e', script, 'connlist', input, '-o', output], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        runsMs.push(performance.now() - t0);
        if (r.status !== 0) throw new Error(`connlist on ${workloads} workloads failed (${r.status}):\n${r.stderr}`);
        const m = /^BENCH (.*)$/m.exec(r.stderr);
        if (!m) throw new Error(`connlist on ${workloads} workloads: no memory figures on stderr:\n${r.stderr}`);
        const figures = JSON.parse(m[1]);
        peakRssMB = Math.max(peakRssMB, Math.round(figures.maxRSS / 1024));
        heapUsedMB = Math.max(heapUsedMB, Math.round(figures.heapUsed / 1048576));
      }
      const text = fs.readFileSync(output, 'utf8');
      const sorted = [...runsMs].sort((a, b) => a - b);
      return {
        workloads: cluster.workloads,
        policies: cluster.policies,
        inputMB: +(fs.statSync(input).size / 1e6).toFixed(1),
        lines: text.split('\n').length - 1,
        outputMB: +(text.length / 1e6).toFixed(1),
        medianMs: sorted[Math.floor(sorted.length / 2)],
        runsMs: runsMs.map((t) => Math.round(t)),
        peakRssMB,
        heapUsedMB,
      };
    };
    const small = measure(smallSize);
    const large = measure(largeSize);
    return { small, large, timeRatio: large.medianMs / small.medianMs, outputRatio: large.lines / small.lines };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the targets table: the time ratio and the peak memory, each met or MISSED. */
export function connlistTargets(r: ConnlistResult | undefined, quick: boolean): { target: string; measured: string; status: 'met' | 'MISSED' | 'not measured' }[] {
  const timeTarget = `connlist: 20,000 workloads <= ${CONNLIST_TARGET.timeRatio}x the time of 5,000 (the CLI, text to a file)`;
  const memTarget = 'connlist: 20,000 workloads, peak RSS < 1 GB';
  if (!r) return [{ target: timeTarget, measured: '-', status: 'not measured' }, { target: memTarget, measured: '-', status: 'not measured' }];
  const s = (x: ConnlistRun) => `${x.workloads.toLocaleString('en-US')} workloads: ${(x.medianMs / 1000).toFixed(2)} s, ${x.lines.toLocaleString('en-US')} lines`;
  const status = (b: boolean) => (quick ? 'not measured' as const : b ? 'met' as const : 'MISSED' as const);
  return [
    {
      target: timeTarget,
      measured: `${r.timeRatio.toFixed(2)}x (${s(r.small)}; ${s(r.large)}; output ${r.outputRatio.toFixed(2)}x)${quick ? ' (quick run: 1,000 and 4,000)' : ''}`,
      status: status(r.timeRatio <= CONNLIST_TARGET.timeRatio),
    },
    {
      target: memTarget,
      measured: `${r.large.peakRssMB} MB peak RSS, ${r.large.heapUsedMB} MB heap in use at exit (${r.small.peakRssMB} MB at ${r.small.workloads.toLocaleString('en-US')})`,
      status: status(r.large.peakRssMB < CONNLIST_TARGET.peakRssMB),
    },
  ];
}
