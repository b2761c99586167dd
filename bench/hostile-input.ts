/**
 * Hostile input, measured in this process: what a pull request can make the validator and the
 * CLI's error output cost. `hostileRows(quick)` returns one row per bound (what was measured,
 * the bound, whether it was met); bench/run.ts prints them with the other targets.
 *
 * - A 4 MB unknown field name through the validator (and the formatting of its error): before
 *   the bounded "did you mean", it cost about 2.6 s and a 4 MB message; now the length
 *   difference alone rules every suggestion out, and the message is cut.
 * - The CLI's error output for a NetworkPolicy with 100,000 invalid `from` entries (10,000 in a
 *   quick run): at most `LIMITS.maxErrors` lines and a count, each of bounded length, whatever
 *   the number of entries; and the validator keeps at most 51 errors of them.
 *
 * Memory is the growth of the heap (after a GC when `--expose-gc` is on) and of peak RSS
 * (`process.resourceUsage().maxRSS`) across the measured call, the input being built before.
 */
import { main } from '../src/cli/main';
import { checkNetworkPolicy, formatPolicyError, MAX_POLICY_ERRORS, validateNetworkPolicy } from '../src/k8s';
import { LIMITS } from '../src/manifests/limits';

export interface HostileRow {
  readonly name: string;
  readonly figure: string;
  readonly bound: string;
  readonly met: boolean;
}

/** The bounds, stated once. */
export const HOSTILE_BOUNDS = {
  /** the 4 MB field name: validation and formatting, median */
  longNameMs: 50,
  /** ... heap growth */
  longNameHeapMB: 16,
  /** ... peak RSS growth */
  longNameRssMB: 32,
  /**
   * one error line of these inputs (location, object, a field path cut at 480 characters, the
   * message); the worst case of any input is about 2.3 KB plus the file and object names: a
   * field path of 480, a value of 120 characters all escaped, a message of 960
   */
  errorLineBytes: 1024,
  /** the validator on 100,000 invalid entries */
  manyErrorsMs: 5_000,
} as const;

const MB = 1024 * 1024;

function policy(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'hostile', namespace: 'bench' }, spec };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly heapMB: number;
  readonly rssMB: number;
}

/** Runs `fn` once, with its time, heap growth and peak-RSS growth. */
function measure<T>(fn: () => T): Measured<T> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.resourceUsage().maxRSS; // KiB
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapMB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / MB;
  const rssMB = Math.max(0, process.resourceUsage().maxRSS - rssBefore) / 1024;
  return { value, ms, heapMB, rssMB };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A 4 MB unknown field name in `spec`, validated and its error formatted. */
function longFieldName(quick: boolean): HostileRow[] {
  const obj = policy({ podSelector: {}, ['x'.repeat(4 * MB)]: 1 });
  const runs: Measured<string[]>[] = [];
  for (let i = 0; i < (quick ? 2 : 7); i++) {
    runs.push(measure(() => validateNetworkPolicy(obj).map(formatPolicyError)));
  }
  const first = runs[0];
  const ms = median(runs.map((r) => r.ms));
  const heapMB = Math.max(...runs.map((r) => r.heapMB));
  const rssMB = Math.max(...runs.map((r) => r.rssMB));
  const lineLength = Math.max(...first.value.map((l) => l.length));
  const b = HOSTILE_BOUNDS;
  return [
    {
      name: 'a 4 MB unknown field name through the validator: time',
      figure: `${ms.toFixed(2)} ms (median of ${runs.length}); ${first.value.length} error of ${lineLength} characters`,
      bound: `<= ${b.longNameMs} ms, one error line of <= ${b.errorLineBytes} characters`,
      met: ms <= b.longNameMs && first.value.length === 1 && lineLength <= b.errorLineBytes,
    },
    {
      name: 'a 4 MB unknown field name through the validator: memory',
      figure: `heap +${heapMB.toFixed(1)} MB, peak RSS +${rssMB.toFixed(1)} MB`,
      bound: `heap <= +${b.longNameHeapMB} MB, peak RSS <= +${b.longNameRssMB} MB`,
      met: heapMB <= b.longNameHeapMB && rssMB <= b.longNameRssMB,
    },
  ];
}

/**
 * A NetworkPolicy with `n` invalid `from` entries: the validator, then the CLI's whole error
 * output (`cdk8s-netpol connlist -`, run by `main` in this process). A command runs synchronously
 * inside `main`, whose promise only carries the exit code: what it writes is complete when the
 * call returns, and is measured then (the row says so if it were not).
 */
function manyInvalidEntries(quick: boolean): HostileRow[] {
  const n = quick ? 10_000 : 100_000;
  const from = Array.from({ length: n }, () => ({ ipBlock: { cidr: 'not-a-cidr' } }));
  const obj = policy({ podSelector: {}, ingress: [{ from }] });
  const check = measure(() => checkNetworkPolicy(obj));
  const rows: HostileRow[] = [{
    name: `a NetworkPolicy with ${n.toLocaleString('en-US')} invalid entries: errors the validator keeps`,
    figure: `${check.value.errors.length} kept of ${check.value.total.toLocaleString('en-US')} counted, ${check.ms.toFixed(0)} ms, heap +${check.heapMB.toFixed(1)} MB`,
    bound: `<= ${MAX_POLICY_ERRORS} kept, all counted, <= ${HOSTILE_BOUNDS.manyErrorsMs} ms`,
    met: check.value.errors.length <= MAX_POLICY_ERRORS && check.value.total === n && check.ms <= HOSTILE_BOUNDS.manyErrorsMs,
  }];

  const text = JSON.stringify(obj);
  let written = '';
  const sink = { isTTY: false, write: (s: string) => { written += s; return true; } };
  void main(['connlist', '-'], { stdout: sink, stderr: sink, stdin: () => text, env: {} });
  const lines = written.trimEnd().split('\n');
  const bytes = Buffer.byteLength(written);
  const maxLines = LIMITS.maxErrors + 1;
  const maxBytes = maxLines * HOSTILE_BOUNDS.errorLineBytes;
  const longest = Math.max(...lines.map((l) => Buffer.byteLength(l)));
  const isInputError = lines[0].startsWith('cdk8s-netpol: <stdin>:1: NetworkPolicy bench/hostile: spec.ingress[0].from[0].ipBlock.cidr: ');
  rows.push({
    name: `a NetworkPolicy with ${n.toLocaleString('en-US')} invalid entries: the CLI's error output`,
    figure: written === ''
      ? 'not measured: nothing written when main returned'
      : `${bytes.toLocaleString('en-US')} bytes in ${lines.length} lines (longest ${longest}); last: ${lines[lines.length - 1]}`,
    bound: `<= ${maxBytes.toLocaleString('en-US')} bytes: <= ${maxLines} lines of <= ${HOSTILE_BOUNDS.errorLineBytes} bytes`,
    met: isInputError && lines.length <= maxLines && bytes <= maxBytes && longest <= HOSTILE_BOUNDS.errorLineBytes,
  });
  return rows;
}

/** The rows of the hostile-input benchmark: a 4 MB field name, and 100,000 invalid entries (10,000 when `quick`). */
export function hostileRows(quick: boolean): HostileRow[] {
  return [...longFieldName(quick), ...manyInvalidEntries(quick)];
}

// `bench/run.ts` runs this file in a child process of its own: `hostile-input.ts quick|full`
if (require.main === module) {
  process.stdout.write(JSON.stringify(hostileRows(process.argv[2] === 'quick')) + '\n');
}
