/**
 * Read benchmark: what reading manifests costs, in a child process each (bench/child.ts), so
 * that peak RSS belongs to the measurement.
 *
 * - Throughput: a generated cluster dump (bench/cluster.ts) written as multi-document YAML (one
 *   document per object, as `kubectl get -o yaml` per object or a Helm render writes it) and as
 *   one JSON `List` (as `kubectl get -o json` writes it, 4-space indentation), read by
 *   `parseManifests` and every NetworkPolicy checked by `validateNetworkPolicy`. The figure is
 *   input bytes per second of the median run; the line of a deep field (read again on demand)
 *   is timed once, apart.
 * - Hostile inputs, each at a size and at twice that size: the time of the read (fastest and
 *   median run), how it ends (read, or the error it must end in) and peak RSS. Linear means:
 *   twice the input takes at most 2.5 times as long (the fastest runs compared: on a shared
 *   machine they are the ones other processes disturbed least) and its result at most 2.5 times
 *   the heap (peak RSS is shown too, but V8 sizes its heap with slack that is not proportional).
 *   For JSON, V8's `JSON.parse` alone is timed on the same text: it is not linear itself on one
 *   object of 120,000 keys or on 200,000 levels of nesting (about 2.7x per doubling there), so
 *   the bound applies to the time beyond it, what this project's reading adds.
 */
import * as YAML from 'yaml';
import { generateCluster } from './cluster';
import { validateNetworkPolicy } from '../src/k8s';
import { ManifestError, parseManifests } from '../src/manifests';

export type ReadFormat = 'yaml' | 'json';

export interface ReadThroughput {
  readonly format: ReadFormat;
  readonly workloads: number;
  readonly objects: number;
  readonly policies: number;
  readonly bytes: number;
  /** parse + validate, every run (the first one cold) */
  readonly runsMs: number[];
  readonly medianMs: number;
  /** bytes / median, in MB/s (10^6 bytes) */
  readonly mbPerS: number;
  /** the first `fieldLine` of a field below the two top levels: the document is read again */
  readonly deepFieldLineMs: number;
  /** policies the validator refused (must be 0: the cluster is valid) */
  readonly invalidPolicies: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The cluster dump as text. */
export function clusterText(workloads: number, format: ReadFormat): { text: string; objects: number; policies: number } {
  const cluster = generateCluster(workloads);
  const text = format === 'yaml'
    ? cluster.manifests.map((m) => YAML.stringify(m)).join('---\n')
    : JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: {}, items: cluster.manifests }, null, 4);
  return { text, objects: cluster.manifests.length, policies: cluster.policies };
}

/** parse + validate of a cluster dump, `repeats` times. */
export function benchReadThroughput(workloads: number, format: ReadFormat, repeats: number): ReadThroughput {
  const { text, objects, policies } = clusterText(workloads, format);
  const source = `cluster.${format}`;
  const runsMs: number[] = [];
  let invalid = 0;
  for (let r = 0; r < repeats; r++) {
    gc();
    const t0 = performance.now();
    const docs = parseManifests(text, source);
    let bad = 0;
    for (const d of docs) {
      if (d.object.kind === 'NetworkPolicy' && validateNetworkPolicy(d.object).length > 0) bad++;
    }
    runsMs.push(performance.now() - t0);
    invalid = bad;
    if (docs.length !== objects) throw new Error(`read ${docs.length} objects, expected ${objects}`);
  }
  const docs = parseManifests(text, source);
  const policy = docs.find((d) => d.object.kind === 'NetworkPolicy' && d.object.spec?.ingress?.length)!;
  const t0 = performance.now();
  const line = policy.fieldLine?.('spec.ingress[0].from[0]');
  const deepFieldLineMs = performance.now() - t0;
  if (line === undefined) throw new Error('no line for spec.ingress[0].from[0]');
  const bytes = Buffer.byteLength(text);
  const medianMs = median(runsMs);
  return {
    format,
    workloads,
    objects,
    policies,
    bytes,
    runsMs: runsMs.map((t) => Math.round(t)),
    medianMs,
    mbPerS: bytes / 1e6 / (medianMs / 1000),
    deepFieldLineMs,
    invalidPolicies: invalid,
  };
}

/** A hostile input, made at a size `n`, and how reading it must end. */
interface Hostile {
  /** the file name the input is read as (JSON or YAML by its first character, as always) */
  readonly source: string;
  readonly what: (n: number) => string;
  readonly make: (n: number) => string;
  /** a ManifestError whose message matches, or (undefined) a read that returns objects */
  readonly error?: RegExp;
  /** the sizes measured (the second twice the first); quick runs use the quick ones */
  readonly sizes: readonly [number, number];
  readonly quickSizes: readonly [number, number];
}

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

export const HOSTILE: Record<string, Hostile> = {
  'keys': {
    source: 'keys.yaml',
    what: (n) => `${n.toLocaleString('en-US')} keys in one mapping (YAML)`,
    make: (n) => {
      const lines = [ns('keys').trimEnd(), '  labels:'];
      for (let i = 0; i < n; i++) lines.push(`    k${i}: v${i}`);
      return lines.join('\n') + '\n';
    },
    sizes: [120_000, 240_000],
    quickSizes: [12_000, 24_000],
  },
  'keys-json': {
    source: 'keys.json',
    what: (n) => `${n.toLocaleString('en-US')} keys in one object (JSON)`,
    make: (n) => {
      const labels: Record<string, string> = {};
      for (let i = 0; i < n; i++) labels[`k${i}`] = `v${i}`;
      return JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'keys', labels } });
    },
    sizes: [120_000, 240_000],
    quickSizes: [12_000, 24_000],
  },
  'documents': {
    source: 'docs.yaml',
    what: (n) => `${n.toLocaleString('en-US')} documents (YAML)`,
    make: (n) => Array.from({ length: n }, (_, i) => ns(`n${i}`)).join('---\n'),
    sizes: [130_000, 260_000],
    quickSizes: [13_000, 26_000],
  },
  'deep-yaml': {
    source: 'deep.yaml',
    what: (n) => `${n.toLocaleString('en-US')}-deep nesting (YAML flow)`,
    make: (n) => `${ns('deep')}spec: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    error: /^deep\.yaml:5:\d+: invalid YAML: nesting deeper than 256 levels$/,
    sizes: [200_000, 400_000],
    quickSizes: [20_000, 40_000],
  },
  'deep-block': {
    source: 'deep.yaml',
    what: (n) => `${n.toLocaleString('en-US')}-deep nesting (YAML block sequences)`,
    make: (n) => `${'- '.repeat(n)}x\n`,
    error: /^deep\.yaml:1:513: invalid YAML: nesting deeper than 256 levels$/,
    sizes: [200_000, 400_000],
    quickSizes: [20_000, 40_000],
  },
  'deep-json': {
    source: 'deep.json',
    what: (n) => `${n.toLocaleString('en-US')}-deep nesting (JSON)`,
    make: (n) => `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"deep"},"spec":${'['.repeat(n)}${']'.repeat(n)}}`,
    error: /^deep\.json:1:\d+: invalid JSON: nesting deeper than 256 levels$/,
    sizes: [200_000, 400_000],
    quickSizes: [20_000, 40_000],
  },
  'aliases': {
    source: 'laughs.yaml',
    what: (n) => `aliases that would expand a value ${n.toLocaleString('en-US')}-fold ("billion laughs")`,
    // levels of 10 aliases each: 10^levels copies of the first value
    make: (n) => {
      const levels = Math.round(Math.log10(n));
      const lines = [ns('laughs').trimEnd(), 'data:', '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let i = 1; i < levels; i++) lines.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      return lines.join('\n') + '\n';
    },
    error: /^laughs\.yaml:\d+:\d+: invalid YAML: aliases expand this document by more than 100,000 nodes/,
    sizes: [1e6, 1e9],
    quickSizes: [1e6, 1e9],
  },
  'long-key': {
    source: 'key.yaml',
    what: (n) => `a ${n / 1048576} MB key (YAML)`,
    make: (n) => `${ns('key')}  labels:\n    ${'k'.repeat(n)}: v\n`,
    error: /^key\.yaml:6:5: invalid YAML: a mapping key of more than 1,024 characters$/,
    sizes: [4 * 1048576, 8 * 1048576],
    quickSizes: [4 * 1048576, 8 * 1048576],
  },
  'long-key-json': {
    source: 'key.json',
    what: (n) => `a ${n / 1048576} MB key (JSON, read: kubectl reads it)`,
    make: (n) => JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'key', labels: { ['k'.repeat(n)]: 'v' } } }),
    sizes: [4 * 1048576, 8 * 1048576],
    quickSizes: [4 * 1048576, 8 * 1048576],
  },
};

export interface HostileResult {
  readonly name: string;
  readonly what: string;
  readonly n: number;
  readonly bytes: number;
  /** 'read N objects', or the error message (cut) */
  readonly outcome: string;
  /** whether it ended as it must */
  readonly expected: boolean;
  readonly runsMs: number[];
  readonly medianMs: number;
  /** the JS heap the read's result holds (after a full GC, the text alive before and after) */
  readonly retainedMB: number;
  /** for a JSON text: V8's JSON.parse alone on it, fastest run (the part of the time this project does not control) */
  readonly jsonParseMs?: number;
}

/** Reads one hostile input of size `n`, `repeats` times. */
export function benchHostile(name: string, n: number, repeats: number): HostileResult {
  const h = HOSTILE[name];
  if (!h) throw new Error(`unknown hostile input ${name}`);
  const text = h.make(n);
  const source = h.source;
  const runsMs: number[] = [];
  let outcome = '';
  let expected = false;
  for (let r = 0; r < repeats; r++) {
    gc();
    const t0 = performance.now();
    try {
      const docs = parseManifests(text, source);
      outcome = `read ${docs.length.toLocaleString('en-US')} object${docs.length === 1 ? '' : 's'}`;
      expected = h.error === undefined;
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      outcome = e.message.length > 140 ? `${e.message.slice(0, 140)}...` : e.message;
      expected = h.error !== undefined && h.error.test(e.message);
    }
    runsMs.push(performance.now() - t0);
  }
  return {
    name,
    what: h.what(n),
    n,
    bytes: Buffer.byteLength(text),
    outcome,
    expected,
    runsMs: runsMs.map((t) => Math.round(t * 10) / 10),
    medianMs: median(runsMs),
    retainedMB: retainedMB(text, source),
    ...source.endsWith('.json') ? { jsonParseMs: jsonParseMs(text, repeats) } : {},
  };
}

function jsonParseMs(text: string, repeats: number): number {
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    gc();
    const t0 = performance.now();
    try {
      weighed.result = JSON.parse(text);
    } catch {
      // the reader refuses it too
    }
    runs.push(performance.now() - t0);
    weighed.result = undefined;
  }
  return Math.round(Math.min(...runs) * 10) / 10;
}

/** keeps a result alive across a GC, to weigh it (exported so that nothing may drop it) */
export const weighed: { result?: unknown } = {};

/** The heap one more read's result holds, in MB (nothing when the read ends in an error). */
function retainedMB(text: string, source: string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  try {
    weighed.result = parseManifests(text, source);
  } catch {
    weighed.result = undefined;
  }
  gc();
  const held = Math.max(0, process.memoryUsage().heapUsed - before) / 1048576;
  weighed.result = undefined;
  return Math.round(held * 10) / 10;
}
