/**
 * Engine benchmark: build the model from a generated cluster's manifests (validated, as
 * `NetworkModel` does) and answer every ordered pair of distinct endpoints (workloads, and
 * the outside address ranges the ipBlocks cut), through `Analysis.forEachPair`. The naive
 * evaluator does the same work pair by pair with `naiveConnections` (one canonical answer per
 * pair); the answers are compared, and any difference fails the benchmark.
 */
import { generateCluster } from './cluster';
import { naiveClusterOf } from './naive-adapter';
import { Analysis, Inventory } from '../src/engine';
import { formatIp, formatPolicyError, validateNetworkPolicy } from '../src/k8s';
import { naiveConnections } from '../test/support/naive-evaluator';

export interface EngineResult {
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  /** outside address ranges (endpoints) the ipBlocks cut the address space into */
  readonly externalRanges: number;
  /** ordered pairs answered: workload pairs + workload/range pairs both ways */
  readonly pairs: number;
  readonly allowedPairs: number;
  readonly buildMs: number;
  readonly pairsMs: number;
  /** build + pairs, the median run (the figures above are that run's) */
  readonly totalMs: number;
  /** build + pairs of every run (each on a fresh model), first one cold */
  readonly runsMs: number[];
  /** distinct connection sets met (interned) */
  readonly distinctConnSets: number;
  /** JS heap in use after the pass, the model still alive, after a full gc */
  readonly heapRetainedMB: number;
  readonly naive?: NaiveResult;
}

export interface NaiveResult {
  /** pairs the naive evaluator answered (all of them, or a sample) */
  readonly pairs: number;
  /** whether `pairs` covers every pair (else: a sample, time extrapolated) */
  readonly complete: boolean;
  readonly measuredMs: number;
  /** time for every pair (measured, or extrapolated from the sample) */
  readonly allPairsMs: number;
  /** pairs whose answers differ from the engine's (must be 0) */
  readonly mismatches: number;
  readonly firstMismatch?: string;
}

function gc(): void {
  const g = (global as any).gc as (() => void) | undefined;
  if (g) g();
}

function mb(bytes: number): number {
  return Math.round(bytes / 1048576);
}

/**
 * Runs the engine on a generated cluster of about `workloads` workloads; with `naivePairs`,
 * also the naive evaluator on that many pairs (evenly spread; Infinity = all) and compares.
 */
export function benchEngine(workloads: number, naivePairs = 0, repeats = 3): EngineResult {
  // warm-up: let the JIT compile the engine's paths on a small cluster first, so that small
  // sizes measure the engine rather than compilation (every size gets the same warm-up)
  const warm = generateCluster(300).manifests;
  for (let w = 0; w < 3; w++) {
    const inventory = new Inventory((obj) => validateNetworkPolicy(obj).map(formatPolicyError));
    for (const m of warm) inventory.addManifest(m);
    new Analysis(inventory).forEachPair(() => undefined);
  }
  const cluster = generateCluster(workloads);
  const runs: { build: number; pairs: number; total: number }[] = [];
  let analysis!: Analysis;
  let pairs = 0;
  let allowed = 0;
  for (let r = 0; r < repeats; r++) {
    gc();
    const t0 = performance.now();
    const inventory = new Inventory((obj) => validateNetworkPolicy(obj).map(formatPolicyError));
    for (const m of cluster.manifests) inventory.addManifest(m);
    analysis = new Analysis(inventory);
    const t1 = performance.now();
    pairs = 0;
    allowed = 0;
    analysis.forEachPair((_from, _to, id) => {
      pairs++;
      if (id !== 0) allowed++;
    });
    const t2 = performance.now();
    runs.push({ build: t1 - t0, pairs: t2 - t1, total: t2 - t0 });
  }
  const best = [...runs].sort((a, b) => a.total - b.total)[Math.floor((runs.length - 1) / 2)];

  const ranges = analysis.externalRangeEndpoints().length;
  const seen = new Set<number>();
  analysis.forEachPair((_f, _t, id) => { seen.add(id); });
  gc();
  const heap = process.memoryUsage().heapUsed;

  let naive: NaiveResult | undefined;
  if (naivePairs > 0) naive = compareWithNaive(analysis, cluster.manifests, pairs, naivePairs);

  return {
    workloads: cluster.workloads,
    namespaces: cluster.namespaces,
    policies: cluster.policies,
    externalRanges: ranges,
    pairs,
    allowedPairs: allowed,
    buildMs: best.build,
    pairsMs: best.pairs,
    totalMs: best.total,
    runsMs: runs.map((r) => Math.round(r.total)),
    distinctConnSets: seen.size,
    heapRetainedMB: mb(heap),
    naive,
  };
}

/** The endpoint as the naive evaluator names it: `ns/name`, or a range's first address. */
function naiveName(analysis: Analysis, index: number): string {
  const e = analysis.endpoints[index];
  return e.kind === 'pod' ? e.id : formatIp(e.family, e.first);
}

function compareWithNaive(analysis: Analysis, manifests: readonly any[], totalPairs: number, wanted: number): NaiveResult {
  const cluster = naiveClusterOf(manifests);
  const stride = wanted >= totalPairs ? 1 : totalPairs / wanted;
  // the pairs to ask, and the engine's answers (taken outside the timed region)
  const asked: { from: string; to: string; engine: string }[] = [];
  let i = 0;
  let next = 0;
  analysis.forEachPair((from, to, id) => {
    if (i++ < next) return;
    next += stride;
    asked.push({ from: naiveName(analysis, from), to: naiveName(analysis, to), engine: analysis.connSetById(id).toString() });
  });
  gc();
  const answers: string[] = new Array(asked.length);
  const t0 = performance.now();
  for (let k = 0; k < asked.length; k++) answers[k] = naiveConnections(cluster, asked[k].from, asked[k].to);
  const measuredMs = performance.now() - t0;
  let mismatches = 0;
  let firstMismatch: string | undefined;
  asked.forEach((q, k) => {
    if (answers[k] === q.engine) return;
    mismatches++;
    firstMismatch ??= `${q.from} -> ${q.to}: engine "${q.engine}", naive "${answers[k]}"`;
  });
  return {
    pairs: asked.length,
    complete: asked.length === totalPairs,
    measuredMs,
    allPairsMs: measuredMs * (totalPairs / asked.length),
    mismatches,
    firstMismatch,
  };
}
