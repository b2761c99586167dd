/**
 * `npm run bench`: synth, engine, CLI and read benchmarks; prints a table (each target
 * met/missed), writes bench/results/latest.json and bench/results/engine.svg.
 *
 *   npm run bench                  full run (a few minutes on 2 cores)
 *   npm run bench -- --quick       smoke run (seconds): small sizes, naive on a sample of pairs;
 *                                  writes bench/results/quick.json.tmp (gitignored), no plot
 *   BENCH_QUICK=1 npm run bench    the same
 *   --only synth,engine,cli,read,hostile,tiers,diff,report,connlist   run some parts only; the parts not run keep their figures
 *                                  from the file written before (same mode), under `measured`
 *   --out FILE                     where to write the JSON
 *
 * Every measurement that reports memory runs in its own child process (bench/child.ts) so that
 * peak RSS belongs to it alone; the synth timings of the three variants run in ONE child,
 * alternating after a warm-up, in an order that rotates each round (A B C, B C A, C A B).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { generateCluster } from './cluster';
import { ClusterTiersResult } from './cluster-tiers';
import { benchConnlist, connlistTargets } from './connlist';
import { DiffRow } from './diff';
import { EngineResult } from './engine';
import { HostileRow } from './hostile-input';
import { engineSvg } from './plot';
import { HOSTILE, HostileResult, ReadThroughput } from './read';
import { REPORT_TARGET, ReportSizeResult } from './report-size';
import { SYNTH_LABELS, SYNTH_VARIANTS, SynthVariant } from './synth';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');

interface Options {
  readonly quick: boolean;
  readonly only: ReadonlySet<string>;
  readonly out: string;
}

function parseOptions(argv: string[]): Options {
  let quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
  let only = new Set<string>(SECTIONS);
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') {quick = true;} else if (a === '--full') {quick = false;} else if (a === '--only') {only = new Set(argv[++i].split(','));} else if (a.startsWith('--only=')) {only = new Set(a.slice(7).split(','));} else if (a === '--out') {out = argv[++i];} else if (a.startsWith('--out=')) {out = a.slice(6);} else if (a === '--help' || a === '-h') {
      process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0].replace(/^\/\*\*\n?/, '').replace(/^ \* ?/gm, '') + '\n');
      process.exit(0);
    } else {
      throw new Error(`unknown option ${a} (try --help)`);
    }
  }
  return { quick, only, out: out ?? path.join(RESULTS, quick ? 'quick.json.tmp' : 'latest.json') };
}

const SECTIONS = ['synth', 'engine', 'cli', 'read', 'hostile', 'tiers', 'diff', 'report', 'connlist'] as const;

// sizes and repetitions
const FULL = {
  synth: [
    // rounds: a multiple of 3, so that every variant runs in every position equally often
    { namespaces: 150, layout: 'chart-per-namespace', warmup: 2, rounds: 9 },
    { namespaces: 150, layout: 'single-chart', warmup: 2, rounds: 9 },
    { namespaces: 300, layout: 'chart-per-namespace', warmup: 1, rounds: 6 },
  ],
  engine: [{ workloads: 300, naive: 'all', repeats: 7 }, { workloads: 1000, naive: '0', repeats: 7 }, { workloads: 2000, naive: '0', repeats: 7 }, { workloads: 5000, naive: '0', repeats: 3 }],
  cliRuns: 7,
  read: { workloads: 5000, repeats: 7, hostileRepeats: 5 },
};
const QUICK = {
  synth: [{ namespaces: 20, layout: 'chart-per-namespace', warmup: 1, rounds: 3 }, { namespaces: 20, layout: 'single-chart', warmup: 1, rounds: 3 }],
  engine: [{ workloads: 300, naive: '2000', repeats: 3 }, { workloads: 1000, naive: '0', repeats: 3 }, { workloads: 2000, naive: '0', repeats: 3 }],
  cliRuns: 3,
  read: { workloads: 500, repeats: 3, hostileRepeats: 1 },
};

// targets (issue 6); "well under" made concrete
const TARGET = {
  synthVsL1: 1.2,
  synthVsKplus: 0.5,
  naiveSpeedup: 10,
  growth: 4.5,
  at5000Ms: 20_000, // "well under a minute"
  at5000MB: 1024,
  cliMs: 500, // "well under a second"
  readYamlMBps: 20, // parse + validate (issue 11)
  readJsonMBps: 100,
  // hostile inputs: twice the input costs at most this much more (time, and peak RSS growth),
  // with a little slack for figures too small to compare
  linear: 2.5,
  linearSlackMs: 5,
  linearSlackMB: 16,
};

function child(args: string[], script = 'child.ts'): any {
  const r = spawnSync(process.execPath, [...process.execArgv, path.join(__dirname, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: process.env.TS_NODE_PROJECT ?? path.join(ROOT, 'test', 'tsconfig.json') },
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

function machine() {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    // not Linux
  }
  let nproc = cpus.length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // no nproc
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    nproc,
    cpuModel,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ------------------------------------------------------------------------------- synth

function runSynth(opts: Options) {
  const plan = opts.quick ? QUICK.synth : FULL.synth;
  const sizes: any[] = [];
  for (const p of plan) {
    log(`synth: ${p.namespaces} namespaces x 10 policies (${p.layout}), ${p.warmup} warm-up + ${p.rounds} rounds, rotating A B C ...`);
    const time = child(['synth-time', String(p.namespaces), p.layout, String(p.warmup), String(p.rounds)]);
    log('synth: memory, one child process per variant ...');
    const baseline = child(['synth-mem', 'none', String(p.namespaces), p.layout]);
    const memory: Record<string, any> = {};
    for (const v of SYNTH_VARIANTS) {
      const m = child(['synth-mem', v, String(p.namespaces), p.layout]);
      memory[v] = { ...m, aboveBaselineMB: m.peakRssMB - baseline.peakRssMB };
    }
    sizes.push({ ...time, baselineRssMB: baseline.peakRssMB, memory });
  }
  return sizes;
}

// ------------------------------------------------------------------------------ engine

function runEngine(opts: Options): (EngineResult & { peakRssMB: number })[] {
  const plan = opts.quick ? QUICK.engine : FULL.engine;
  const out: (EngineResult & { peakRssMB: number })[] = [];
  for (const p of plan) {
    log(`engine: ${p.workloads} workloads, ${p.repeats} runs${p.naive !== '0' ? `, naive evaluator on ${p.naive === 'all' ? 'every' : p.naive} pairs` : ''} ...`);
    out.push(child(['engine', String(p.workloads), p.naive, String(p.repeats)]));
  }
  return out;
}

// --------------------------------------------------------------------------------- CLI

function runCli(opts: Options) {
  const cliMain = path.join(ROOT, 'lib', 'cli', 'main.js');
  let built = false;
  if (!fs.existsSync(cliMain)) {
    log('cli: lib/cli/main.js missing, compiling with jsii ...');
    execFileSync('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: ROOT, stdio: 'inherit' });
    built = true;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-bench-'));
  const small = generateCluster(13);
  const smallFile = path.join(dir, 'small.yaml');
  fs.writeFileSync(smallFile, small.manifests.map((m) => YAML.stringify(m)).join('---\n'));
  const large = generateCluster(1000);
  const largeFile = path.join(dir, 'large.yaml');
  fs.writeFileSync(largeFile, large.manifests.map((m) => YAML.stringify(m)).join('---\n'));
  const runs = opts.quick ? QUICK.cliRuns : FULL.cliRuns;
  const time = (args: string[]) => {
    const ms: number[] = [];
    let status: number | null = null;
    let stdout = '';
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const elapsed = performance.now() - t0;
      if (r.error) throw r.error;
      status = r.status;
      stdout = r.stdout;
      if (i > 0) ms.push(elapsed); // the first run warms the file cache
    }
    return { medianMs: median(ms), runsMs: ms.map((t) => Math.round(t)), exitCode: status, firstLine: stdout.split('\n')[0] };
  };
  const query = ['--from', 'team-0/web', '--to', 'team-0/api', '--port', '8080'];
  log(`cli: node lib/cli/main.js check, ${runs} runs each ...`);
  const result = {
    libBuiltNow: built,
    libModified: fs.statSync(cliMain).mtime.toISOString(),
    nodeBaseline: time(['-e', '0']),
    checkSmall: { workloads: small.workloads, policies: small.policies, ...time([cliMain, 'check', smallFile, ...query]) },
    checkLarge: { workloads: large.workloads, policies: large.policies, ...time([cliMain, 'check', largeFile, ...query]) },
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

// -------------------------------------------------------------------------------- read

interface ReadSection {
  readonly baselineRssMB: number;
  readonly throughput: (ReadThroughput & { peakRssMB: number })[];
  readonly hostile: { name: string; runs: (HostileResult & { peakRssMB: number })[] }[];
}

function runRead(opts: Options): ReadSection {
  const plan = opts.quick ? QUICK.read : FULL.read;
  const baselineRssMB = child(['read-none']).peakRssMB;
  const throughput: (ReadThroughput & { peakRssMB: number })[] = [];
  for (const format of ['yaml', 'json']) {
    log(`read: ${plan.workloads} workloads as ${format}, parse + validate, ${plan.repeats} runs ...`);
    throughput.push(child(['read', format, String(plan.workloads), String(plan.repeats)]));
  }
  const hostile: ReadSection['hostile'] = [];
  for (const [name, h] of Object.entries(HOSTILE)) {
    const runs = (opts.quick ? h.quickSizes : h.sizes).map((n) => {
      log(`read: ${h.what(n)} ...`);
      return child(['read-hostile', name, String(n), String(plan.hostileRepeats)]);
    });
    hostile.push({ name, runs });
  }
  return { baselineRssMB, throughput, hostile };
}

function readTargets(read: ReadSection | undefined, quick: boolean): TargetRow[] {
  if (!read) {
    return [
      { target: `read: YAML parse + validate >= ${TARGET.readYamlMBps} MB/s`, measured: '-', status: 'not measured' },
      { target: `read: JSON parse + validate >= ${TARGET.readJsonMBps} MB/s`, measured: '-', status: 'not measured' },
    ];
  }
  const rows: TargetRow[] = [];
  for (const t of read.throughput) {
    const want = t.format === 'yaml' ? TARGET.readYamlMBps : TARGET.readJsonMBps;
    const what = t.format === 'yaml' ? `${t.objects.toLocaleString('en-US')} YAML documents` : `a JSON List of ${t.objects.toLocaleString('en-US')} items`;
    rows.push({
      target: `read: ${t.format.toUpperCase()} parse + validate >= ${want} MB/s (${what}, ${(t.bytes / 1e6).toFixed(1)} MB)`,
      measured: `${t.mbPerS.toFixed(1)} MB/s (median ${fmtMs(t.medianMs)}; fastest run ${(t.bytes / 1e6 / (Math.min(...t.runsMs) / 1000)).toFixed(1)} MB/s); `
        + `a deep field's line, first asked: ${fmtMs(t.deepFieldLineMs)}; `
        + `${t.invalidPolicies} policies refused${quick ? ' (quick run: too small to judge)' : ''}`,
      // a quick run's dump is too small (and its 3 runs too few, the first one cold) to judge by
      status: quick ? 'not measured' : ok(t.mbPerS >= want && t.invalidPolicies === 0),
    });
  }
  for (const h of read.hostile) {
    const [a, b] = h.runs;
    const growth = (r: { peakRssMB: number }) => Math.max(0, r.peakRssMB - read.baselineRssMB);
    // linearity is judged on the fastest run of each size: the one other processes disturbed least
    const fastest = (r: HostileResult) => Math.min(...r.runsMs);
    // for JSON, the time beyond V8's own JSON.parse (which is not linear on one huge object or
    // very deep nesting at these sizes: shown beside) is what this project's reading adds
    const own = (r: HostileResult) => Math.max(0, fastest(r) - (r.jsonParseMs ?? 0));
    const timeOk = own(b) <= TARGET.linear * own(a) + TARGET.linearSlackMs;
    const parse = a.jsonParseMs !== undefined && b.jsonParseMs !== undefined
      ? `; JSON.parse alone ${fmtMs(a.jsonParseMs)} -> ${fmtMs(b.jsonParseMs)} (${(b.jsonParseMs / Math.max(a.jsonParseMs, 0.1)).toFixed(2)}x), `
        + `the rest ${fmtMs(own(a))} -> ${fmtMs(own(b))}`
      : '';
    // memory: the heap the result holds (peak RSS grows with V8's heap sizing, not in proportion)
    const memOk = b.retainedMB <= TARGET.linear * a.retainedMB + TARGET.linearSlackMB;
    const ends = HOSTILE[h.name].error ? 'an error naming the file and line' : 'read correctly';
    rows.push({
      target: `read: ${a.what}: ${ends}; linear (2x input <= ${TARGET.linear}x time${parse ? ' beyond JSON.parse' : ''} and memory)`,
      measured: `fastest ${fmtMs(fastest(a))} -> ${fmtMs(fastest(b))} for 2x (${(fastest(b) / Math.max(fastest(a), 0.1)).toFixed(2)}x; `
        + `medians ${fmtMs(a.medianMs)} -> ${fmtMs(b.medianMs)}${parse}); heap held ${a.retainedMB} -> ${b.retainedMB} MB `
        + `(peak RSS +${growth(a)} -> +${growth(b)} MB); ${a.outcome}`,
      status: ok(a.expected && b.expected && timeOk && memOk),
    });
  }
  return rows;
}

// ----------------------------------------------------------------------------- hostile

/** Messages from hostile input (bench/hostile-input.ts), measured in a child of their own. */
function runHostile(opts: Options): HostileRow[] {
  log('hostile: a 4 MB field name through the validator, 100,000 invalid entries through the CLI ...');
  return child([opts.quick ? 'quick' : 'full'], 'hostile-input.ts');
}

function hostileTargets(rows: HostileRow[] | undefined): TargetRow[] {
  if (!rows) return [{ target: 'hostile input: bounded messages', measured: '-', status: 'not measured' }];
  return rows.map((r) => ({ target: `hostile: ${r.name} (${r.bound})`, measured: r.figure, status: ok(r.met) }));
}

// ------------------------------------------------------------------------------- tiers

/** The engine with and without 100 cluster policies (bench/cluster-tiers.ts), in a child of its own. */
function runTiers(opts: Options): ClusterTiersResult {
  const [workloads, policies, repeats] = opts.quick ? [1000, 100, 3] : [5000, 100, 5];
  log(`tiers: ${workloads} workloads, with and without ${policies} cluster policies, ${repeats} runs ...`);
  return child([String(workloads), String(policies), String(repeats)], 'cluster-tiers.ts');
}

function tiersTargets(t: ClusterTiersResult | undefined, quick: boolean): TargetRow[] {
  const target = '5,000 workloads with 100 cluster policies, every pair, <= 2x the time without them';
  if (!t) return [{ target, measured: '-', status: 'not measured' }];
  return [{
    target,
    measured: `${t.ratio.toFixed(2)}x (${fmtMs(t.with.totalMs)} vs ${fmtMs(t.without.totalMs)} at ${t.workloads.toLocaleString('en-US')} workloads)`,
    status: quick ? 'not measured' : ok(t.met),
  }];
}

// -------------------------------------------------------------------------------- diff

/** `diff --format md` at scale (bench/diff.ts): the pull-request comment's size, in a child of its own. */
function runDiff(opts: Options): DiffRow[] {
  const sizes = opts.quick ? [500] : [500, 5000];
  log(`diff: a generated cluster against a change of it, ${sizes.join(' and ')} workloads, the Markdown comment's size ...`);
  return child(sizes.map(String), 'diff.ts');
}

function diffTargets(rows: DiffRow[] | undefined): TargetRow[] {
  if (!rows) return [{ target: 'diff --format md <= 65,536 characters', measured: '-', status: 'not measured' }];
  return rows.map((r) => ({
    target: `diff --format md of ${r.workloads.toLocaleString('en-US')} workloads <= 65,536 characters`,
    measured: `${r.markdownChars.toLocaleString('en-US')} characters (${r.opened} pairs opened, ${r.closed} closed; JSON ${(r.jsonBytes / 1e6).toFixed(2)} MB; ${fmtMs(r.ms)}, ${r.peakRssMB} MB)`,
    status: ok(r.met),
  }));
}

// ------------------------------------------------------------------------- report sizes

/** The reports of generated clusters (bench/report-size.ts), in a child of their own. */
function runReportSize(opts: Options): ReportSizeResult {
  const [md, html] = opts.quick ? [500, 1000] : [500, 5000];
  log(`report: Markdown and Mermaid of ${md} workloads, HTML of ${html} workloads (and its load in chromium) ...`);
  return child([String(md), String(html)], 'report-size.ts');
}

function reportSizeTargets(r: ReportSizeResult | undefined, quick: boolean): TargetRow[] {
  const md = `report --format md of 500 workloads <= ${REPORT_TARGET.mdChars.toLocaleString('en-US')} characters`;
  const mermaid = `report --format mermaid of 500 workloads <= ${REPORT_TARGET.mermaidChars.toLocaleString('en-US')} characters, <= ${REPORT_TARGET.mermaidEdges} edges`;
  const size = `report --format html of 5,000 workloads <= ${REPORT_TARGET.htmlBytes / 1e6} MB`;
  const load = `report --format html of 5,000 workloads loads in chromium < ${REPORT_TARGET.htmlLoadMs / 1000} s`;
  if (!r) return [md, mermaid, size, load].map((target) => ({ target, measured: '-', status: 'not measured' as const }));
  const at = `at ${r.html.workloads.toLocaleString('en-US')} workloads`;
  return [
    { target: md, measured: `${r.md.chars.toLocaleString('en-US')} characters, ${r.md.bytes.toLocaleString('en-US')} bytes (${r.md.connections.toLocaleString('en-US')} connections)`, status: ok(r.md.met) },
    { target: mermaid, measured: `${r.mermaid.chars.toLocaleString('en-US')} characters, ${r.mermaid.edges} edges${r.mermaid.aggregated ? ' (namespaces)' : ''}`, status: ok(r.mermaid.met) },
    { target: size, measured: `${(r.html.bytes / 1e6).toFixed(2)} MB ${at} (${r.html.connections.toLocaleString('en-US')} connections)`, status: quick ? 'not measured' : ok(r.html.sizeMet) },
    r.html.load
      ? { target: load, measured: `${fmtMs(r.html.load.wallMs)} browser run, page script ${fmtMs(r.html.load.pageScriptMs)} ${at}`, status: quick ? 'not measured' : ok(r.html.load.met) }
      : { target: load, measured: '- (no chromium)', status: 'not measured' },
  ];
}

// ------------------------------------------------------------------------------ report

interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly status: 'met' | 'MISSED' | 'not measured';
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const ok = (b: boolean): 'met' | 'MISSED' => (b ? 'met' : 'MISSED');

function targets(synth: any[] | undefined, engine: any[] | undefined, cli: any | undefined, quick: boolean): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const s of synth ?? []) {
    const v = s.variants;
    const r1 = v.netpol.medianMs / v.l1.medianMs;
    const r2 = v.netpol.medianMs / v.kplus.medianMs;
    const what = `synth ${s.policies} policies in ${s.charts} chart${s.charts === 1 ? '' : 's'}`;
    // a quick run's apps are too small (and its 3 rounds too few) to judge the targets by
    const judge = (b: boolean) => (quick ? 'not measured' : ok(b));
    const small = quick ? ' (quick run: too small to judge)' : '';
    rows.push({ target: `${what}: netpol <= ${TARGET.synthVsL1}x raw L1`, measured: `${r1.toFixed(2)}x (${fmtMs(v.netpol.medianMs)} vs ${fmtMs(v.l1.medianMs)})${small}`, status: judge(r1 <= TARGET.synthVsL1) });
    // when missed: how much of cdk8s-plus's time cdk8s's YAML serialization alone takes
    const floor = r2 > TARGET.synthVsKplus && s.yamlStringifyMs ? `; cdk8s's Yaml.stringify alone is ${(s.yamlStringifyMs / v.kplus.medianMs).toFixed(2)}x` : '';
    rows.push({ target: `${what}: netpol <= ${TARGET.synthVsKplus}x cdk8s-plus-28`, measured: `${r2.toFixed(2)}x (${fmtMs(v.netpol.medianMs)} vs ${fmtMs(v.kplus.medianMs)})${floor}${small}`, status: judge(r2 <= TARGET.synthVsKplus) });
  }
  const e = engine ?? [];
  const withNaive = e.find((r) => r.naive);
  if (withNaive) {
    const n = withNaive.naive;
    const speedup = n.allPairsMs / withNaive.totalMs;
    rows.push({
      target: `engine >= ${TARGET.naiveSpeedup}x faster than naive at ${withNaive.workloads}, identical answers`,
      measured: `${Math.round(speedup)}x (${fmtMs(withNaive.totalMs)} vs ${fmtMs(n.allPairsMs)}${n.complete ? '' : ` extrapolated from ${n.pairs} pairs`}); ${n.mismatches} of ${n.pairs} answers differ`,
      status: ok(speedup >= TARGET.naiveSpeedup && n.mismatches === 0),
    });
  } else {
    rows.push({ target: `engine >= ${TARGET.naiveSpeedup}x faster than naive at 300`, measured: '-', status: 'not measured' });
  }
  const at = (w: number) => e.find((r) => Math.abs(r.workloads - w) / w < 0.05);
  const a = at(1000);
  const b = at(2000);
  if (a && b) {
    const g = b.totalMs / a.totalMs;
    rows.push({ target: `growth 1,000 -> 2,000 workloads <= ${TARGET.growth}x`, measured: `${g.toFixed(2)}x (${fmtMs(a.totalMs)} -> ${fmtMs(b.totalMs)}; pairs x${(b.pairs / a.pairs).toFixed(2)})`, status: ok(g <= TARGET.growth) });
  } else {
    rows.push({ target: `growth 1,000 -> 2,000 workloads <= ${TARGET.growth}x`, measured: '-', status: 'not measured' });
  }
  const big = at(5000);
  if (big) {
    rows.push({ target: `5,000 workloads, every ordered pair, well under a minute (<= ${TARGET.at5000Ms / 1000} s)`, measured: `${fmtMs(big.totalMs)} (${(big.pairs / 1e6).toFixed(1)}M pairs)`, status: ok(big.totalMs <= TARGET.at5000Ms) });
    rows.push({ target: `5,000 workloads: memory < ${TARGET.at5000MB} MB`, measured: `peak RSS ${big.peakRssMB} MB`, status: ok(big.peakRssMB < TARGET.at5000MB) });
  } else {
    rows.push({ target: '5,000 workloads, every ordered pair, well under a minute', measured: quick ? '- (quick run)' : '-', status: 'not measured' });
  }
  if (cli) {
    rows.push({ target: `CLI check on a small file well under a second (<= ${TARGET.cliMs} ms)`, measured: `${fmtMs(cli.checkSmall.medianMs)} (node alone ${fmtMs(cli.nodeBaseline.medianMs)})`, status: ok(cli.checkSmall.medianMs <= TARGET.cliMs) });
  } else {
    rows.push({ target: 'CLI check on a small file well under a second', measured: '-', status: 'not measured' });
  }
  return rows;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function report(result: any): string {
  const out: string[] = [];
  const m = result.machine;
  out.push(`cdk8s-netpol benchmarks (${result.mode}) - ${m.cpuModel}, ${m.nproc} cores, node ${m.node}, load average ${result.loadAverage.before.join(' ')} before / ${result.loadAverage.after.join(' ')} after`);
  out.push('');
  for (const s of result.synth ?? []) {
    out.push(`Synth: ${s.namespaces} namespaces x (1 default-deny + 9 allow) = ${s.policies} policies in ${s.charts} chart(s); build + app.synthYaml(); median of ${s.rounds} rounds (order rotating A B C, B C A, C A B) after ${s.warmup} warm-up`);
    out.push(table(['variant', 'median', 'min', 'vs raw L1', 'app heap (retained)', 'process peak RSS', 'YAML bytes'], SYNTH_VARIANTS.map((v: SynthVariant) => {
      const t = s.variants[v];
      const mem = s.memory[v];
      return [SYNTH_LABELS[v], fmtMs(t.medianMs), fmtMs(t.minMs), `${(t.medianMs / s.variants.l1.medianMs).toFixed(2)}x`, `${mem.appHeapMB} MB`,
        `${mem.peakRssMB} MB (${mem.aboveBaselineMB >= 0 ? '+' : ''}${mem.aboveBaselineMB} vs none)`, String(t.yamlBytes)];
    }).concat(s.yamlStringifyMs ? [['(of which cdk8s Yaml.stringify, any variant)', fmtMs(s.yamlStringifyMs), '', `${(s.yamlStringifyMs / s.variants.l1.medianMs).toFixed(2)}x`, '', '', '']] : [])));
    out.push('');
  }
  if (result.engine?.length) {
    out.push('Engine: build the model (validated manifests -> Inventory -> Analysis) + answer every ordered pair (forEachPair); median run');
    out.push(table(['workloads', 'policies', 'ns', 'ext. ranges', 'ordered pairs', 'allowed', 'build', 'every pair', 'total', 'per pair', 'peak RSS', 'naive (same work)'], result.engine.map((r: any) => [
      String(r.workloads), String(r.policies), String(r.namespaces), String(r.externalRanges), r.pairs.toLocaleString('en-US'), r.allowedPairs.toLocaleString('en-US'),
      fmtMs(r.buildMs), fmtMs(r.pairsMs), fmtMs(r.totalMs), `${((r.totalMs * 1e6) / r.pairs).toFixed(0)} ns`, `${r.peakRssMB} MB`,
      r.naive ? `${fmtMs(r.naive.allPairsMs)}${r.naive.complete ? '' : ' (extrapolated)'}, ${r.naive.mismatches} diffs` : '-',
    ])));
    out.push('');
  }
  if (result.cli) {
    const c = result.cli;
    out.push(`CLI: node lib/cli/main.js check FILE --from team-0/web --to team-0/api --port 8080 (median of ${c.checkSmall.runsMs.length} runs)`);
    out.push(table(['command', 'median', 'exit', 'first line'], [
      ['node -e 0 (baseline)', fmtMs(c.nodeBaseline.medianMs), String(c.nodeBaseline.exitCode), ''],
      [`check, ${c.checkSmall.workloads} workloads / ${c.checkSmall.policies} policies`, fmtMs(c.checkSmall.medianMs), String(c.checkSmall.exitCode), c.checkSmall.firstLine],
      [`check, ${c.checkLarge.workloads} workloads / ${c.checkLarge.policies} policies`, fmtMs(c.checkLarge.medianMs), String(c.checkLarge.exitCode), c.checkLarge.firstLine],
    ]));
    out.push('');
  }
  if (result.read) {
    const r = result.read as ReadSection;
    out.push(`Read: parse + validate (validateNetworkPolicy on every NetworkPolicy), median of runs; peak RSS of the child (a child alone: ${r.baselineRssMB} MB)`);
    out.push(table(['input', 'objects', 'MB', 'median', 'MB/s', 'deep field line', 'peak RSS'], r.throughput.map((t) => [
      t.format === 'yaml' ? 'multi-document YAML' : 'JSON List', t.objects.toLocaleString('en-US'), (t.bytes / 1e6).toFixed(1), fmtMs(t.medianMs),
      t.mbPerS.toFixed(1), fmtMs(t.deepFieldLineMs), `${t.peakRssMB} MB`,
    ])));
    out.push('');
    out.push('Read: hostile inputs (each at a size and twice that size)');
    out.push(table(['input', 'MB', 'fastest', 'median', 'heap held', 'peak RSS', 'outcome'], r.hostile.flatMap((h) => h.runs.map((x) => [
      x.what, (x.bytes / 1e6).toFixed(1), fmtMs(Math.min(...x.runsMs)), fmtMs(x.medianMs), `${x.retainedMB} MB`, `${x.peakRssMB} MB`, x.outcome,
    ]))));
    out.push('');
  }
  if (result.measured) {
    const measured = result.measured as Record<string, { date: string; commit: string }>;
    const earlier = Object.entries(measured).filter(([, when]) => when.date !== result.date);
    if (earlier.length > 0) out.push(`Kept from earlier runs: ${earlier.map(([k, when]) => `${k} (${when.date}, ${when.commit})`).join(', ')}`, '');
  }
  out.push('Targets (issues 6 and 11)');
  out.push(table(['target', 'measured', 'status'], result.targets.map((t: TargetRow) => [t.target, t.measured, t.status])));
  return out.join('\n') + '\n';
}

/**
 * The sections this run did not measure keep their figures from the file written before (when
 * it was a run of the same mode), with when and at which commit they were measured.
 */
function keepEarlierSections(result: any, opts: Options): void {
  let previous: any;
  try {
    previous = JSON.parse(fs.readFileSync(opts.out, 'utf8'));
  } catch {
    previous = undefined;
  }
  const now = { date: result.date, commit: result.machine.commit, loadAverage: result.loadAverage };
  for (const section of SECTIONS) {
    if (result[section] !== undefined) {
      result.measured[section] = now;
    } else if (previous?.mode === result.mode && previous[section] !== undefined) {
      result[section] = previous[section];
      result.measured[section] = previous.measured?.[section]
        ?? { date: previous.date, commit: previous.machine?.commit, loadAverage: previous.loadAverage };
    }
  }
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  const loadBefore = os.loadavg().map((x) => +x.toFixed(2));
  const started = new Date();
  const synth = opts.only.has('synth') ? runSynth(opts) : undefined;
  const engine = opts.only.has('engine') ? runEngine(opts) : undefined;
  const cli = opts.only.has('cli') ? runCli(opts) : undefined;
  const read = opts.only.has('read') ? runRead(opts) : undefined;
  const hostile = opts.only.has('hostile') ? runHostile(opts) : undefined;
  const tiers = opts.only.has('tiers') ? runTiers(opts) : undefined;
  const diff = opts.only.has('diff') ? runDiff(opts) : undefined;
  const reportSize = opts.only.has('report') ? runReportSize(opts) : undefined;
  const connlist = opts.only.has('connlist') ? benchConnlist(opts.quick, log) : undefined;
  const result: any = {
    mode: opts.quick ? 'quick' : 'full',
    date: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 1000),
    machine: machine(),
    loadAverage: { before: loadBefore, after: os.loadavg().map((x) => +x.toFixed(2)) },
    measured: {},
    synth,
    engine,
    cli,
    read,
    hostile,
    tiers,
    diff,
    report: reportSize,
    connlist,
  };
  keepEarlierSections(result, opts);
  result.targets = [
    ...targets(result.synth, result.engine, result.cli, opts.quick),
    ...readTargets(result.read, opts.quick),
    ...hostileTargets(result.hostile),
    ...tiersTargets(result.tiers, opts.quick),
    ...diffTargets(result.diff),
    ...reportSizeTargets(result.report, opts.quick),
    ...connlistTargets(result.connlist, opts.quick),
  ];
  const text = report(result);
  process.stdout.write(text);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(result, null, 2) + '\n');
  log(`wrote ${path.relative(ROOT, opts.out)}`);
  if (!opts.quick && engine && engine.length > 1) {
    const svg = path.join(RESULTS, 'engine.svg');
    fs.writeFileSync(svg, engineSvg(engine, `${result.machine.cpuModel}, ${result.machine.nproc} cores, node ${result.machine.node}; median of runs`));
    log(`wrote ${path.relative(ROOT, svg)}`);
  }
  const mismatches = (engine ?? []).some((r) => r.naive && r.naive.mismatches > 0);
  if (mismatches) {
    log('engine and naive evaluator disagree: see "firstMismatch" in the JSON');
    process.exitCode = 1;
  }
}

main();
