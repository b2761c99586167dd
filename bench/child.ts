/**
 * One measurement in a fresh process, so that memory figures belong to that measurement only.
 * Started by bench/run.ts; prints one JSON line on stdout.
 *
 *   child.ts synth-time NAMESPACES LAYOUT WARMUP ROUNDS   all three variants, alternating in a
 *                                                        rotating order (A B C, B C A, C A B), medians
 *   child.ts synth-mem VARIANT|none NAMESPACES LAYOUT      one build + synth; peak RSS of the process
 *   child.ts engine WORKLOADS NAIVE_PAIRS REPEATS   engine (and naive) on a generated cluster
 *   child.ts read FORMAT WORKLOADS REPEATS          parse + validate a cluster dump (yaml or json)
 *   child.ts read-hostile NAME N REPEATS            one hostile input of bench/read.ts at size N
 *   child.ts read-none                              nothing: the peak RSS of a child alone
 */
import { Yaml } from 'cdk8s';
import { benchEngine } from './engine';
import { benchHostile, benchReadThroughput, ReadFormat } from './read';
import { buildApp, SYNTH_VARIANTS, SynthLayout, SynthVariant, synthOnce } from './synth';

function gc(): void {
  const g = (global as any).gc as (() => void) | undefined;
  if (!g) throw new Error('run with node --expose-gc (npm run bench does)');
  g();
}

function maxRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024); // KiB on Linux
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function synthTime(namespaces: number, layout: SynthLayout, warmup: number, rounds: number) {
  const times: Record<SynthVariant, number[]> = { netpol: [], l1: [], kplus: [] };
  const bytes: Partial<Record<SynthVariant, number>> = {};
  // Each round runs every variant once. The order rotates from round to round so that each
  // variant follows each other one equally often: a variant timed right after cdk8s-plus (which
  // leaves the most garbage and the busiest heap behind) measured 10-15% slower than the same
  // variant timed after a light one, so a fixed A B C order biased the comparison.
  for (let r = 0; r < warmup + rounds; r++) {
    const shift = r % SYNTH_VARIANTS.length;
    const order = [...SYNTH_VARIANTS.slice(shift), ...SYNTH_VARIANTS.slice(0, shift)];
    for (const v of order) {
      gc();
      const t0 = performance.now();
      const yaml = synthOnce(v, namespaces, layout);
      const ms = performance.now() - t0;
      if (r >= warmup) times[v].push(ms);
      bytes[v] = yaml.length;
    }
  }
  // the part of every variant that no construct library can change: cdk8s serializing the
  // (identical) manifests to YAML, the last step of app.synthYaml()
  const app = buildApp('l1', namespaces, layout);
  const docs = app.charts.flatMap((chart) => Object.values(chart.toJson()));
  const yamlOnly: number[] = [];
  for (let r = 0; r < warmup + rounds; r++) {
    gc();
    const t0 = performance.now();
    Yaml.stringify(...docs);
    if (r >= warmup) yamlOnly.push(performance.now() - t0);
  }
  const charts = layout === 'single-chart' ? 1 : namespaces;
  const result: any = { namespaces, layout, charts, policies: namespaces * 10, warmup, rounds, yamlStringifyMs: median(yamlOnly), variants: {} };
  for (const v of SYNTH_VARIANTS) {
    const runsMs = times[v].map((t) => Math.round(t));
    result.variants[v] = { medianMs: median(times[v]), minMs: Math.min(...times[v]), runsMs, yamlBytes: bytes[v] };
  }
  return result;
}

function synthMem(variant: SynthVariant | 'none', namespaces: number, layout: SynthLayout) {
  gc();
  const before = process.memoryUsage().heapUsed;
  let appHeapMB = 0;
  if (variant !== 'none') {
    const app = buildApp(variant, namespaces, layout);
    const yaml = app.synthYaml();
    gc();
    // what the built app (construct tree, synthesized once) keeps alive
    appHeapMB = Math.round((process.memoryUsage().heapUsed - before) / 1048576);
    if (yaml.length === 0 || app.node.children.length === 0) throw new Error('empty synthesis');
  }
  return { variant, namespaces, peakRssMB: maxRssMB(), appHeapMB };
}

function main(argv: string[]): unknown {
  const [task, a, b, c, d] = argv;
  switch (task) {
    case 'synth-time':
      return synthTime(Number(a), b as SynthLayout, Number(c), Number(d));
    case 'synth-mem':
      return synthMem(a as SynthVariant | 'none', Number(b), c as SynthLayout);
    case 'engine': {
      const naive = b === 'all' ? Infinity : Number(b);
      return { ...benchEngine(Number(a), naive, Number(c)), peakRssMB: maxRssMB() };
    }
    case 'read':
      return { ...benchReadThroughput(Number(b), a as ReadFormat, Number(c)), peakRssMB: maxRssMB() };
    case 'read-hostile':
      return { ...benchHostile(a, Number(b), Number(c)), peakRssMB: maxRssMB() };
    case 'read-none':
      return { peakRssMB: maxRssMB() };
    default:
      throw new Error(`unknown task ${task}`);
  }
}

process.stdout.write(JSON.stringify(main(process.argv.slice(2))) + '\n');
