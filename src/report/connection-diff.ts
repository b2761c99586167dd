/**
 * What changed between two connectivity listings, as a gate reads it: for every endpoint pair,
 * what the new side allows that the old did not is *opened* (a new pair, or a widened one), and
 * what the old side allowed that the new does not is *closed*. One pair can be both (TCP 8080
 * replaced by UDP 53). Both sides come from the engine's listing (every tier: Admin,
 * NetworkPolicy, Baseline); this module only compares them; the renderers are `diff-text.ts`,
 * `diff-markdown.ts` and `diff-json.ts`.
 *
 * Endpoints that exist on one side only: a workload the change adds has only opened
 * connections, one it removes only closed ones; each change says which of its ends is such a
 * workload (`fromEndpoint`, `toEndpoint`).
 *
 * Domain names (the `domainNames` of cluster Accept rules) are destinations of their own, from
 * every pod (`diffSide`).
 *
 * Outside addresses: each side splits the address space at its own ipBlock boundaries, so the
 * two listings name different ranges. Per pod and direction, both sides' ranges are cut at the
 * union of their bounds and compared piece by piece (adjacent pieces with the same before and
 * after joined again): a range split differently on each side is no change, and what does
 * change is named by the exact addresses it changes for.
 */
import { Analysis, ConnSet, externalRange } from '../engine';
import { IpFamily, parseIp } from '../k8s';
import { compare } from '../text';

/** One line of a connectivity listing: `from => to : conns`. */
export interface ListedConnection {
  /** `namespace/workload` or an address range */
  readonly from: string;
  readonly to: string;
  readonly conns: ConnSet;
}

/**
 * How a pair changed as a whole: `added` (nothing was allowed before), `removed` (nothing is
 * allowed now), `changed` (allowed on both sides, not the same ports). What a gate reads is
 * `opened` and `closed`: a `changed` pair may open, close, or both.
 */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** An end of a pair that exists on one side only: a workload the change adds or removes. */
export type EndpointChange = 'new' | 'removed';

export interface ConnectionChange {
  readonly kind: ChangeKind;
  readonly from: string;
  readonly to: string;
  /** what was allowed before (`No Connections` when added) */
  readonly before: ConnSet;
  /** what is allowed now (`No Connections` when removed) */
  readonly after: ConnSet;
  /** what the new side allows that the old did not (`No Connections` when nothing opens) */
  readonly opened: ConnSet;
  /** what the old side allowed that the new does not (`No Connections` when nothing closes) */
  readonly closed: ConnSet;
  /** `new` when the source is a workload only the new side has, `removed` when only the old side has it */
  readonly fromEndpoint?: EndpointChange;
  /** the same for the destination */
  readonly toEndpoint?: EndpointChange;
}

/** The endpoint names (pods and workloads) each side has: tells a new workload from a new pair. */
export interface DiffEndpoints {
  readonly before: Iterable<string>;
  readonly after: Iterable<string>;
}

/** One side of a diff, read from the engine: its connectivity listing and its endpoints. */
export interface DiffSide {
  readonly connections: ListedConnection[];
  readonly endpoints: string[];
}

/**
 * The listing and the endpoint names of one analysis (hostNetwork pods left out, as in the
 * listing). `domains` (the `domainNames` of either side's cluster policies: `Analysis.domainNames`)
 * are destinations too: what each pod may send to each name (`shop/web => api.example.com`), so
 * that a change to a domain Accept rule shows. Give both sides the same names.
 */
export function diffSide(analysis: Analysis, domains: readonly string[] = []): DiffSide {
  const connections: ListedConnection[] = [];
  analysis.forEachConnection((from, to, conns) => connections.push({ from: from.id, to: to.id, conns }));
  const pods = analysis.pods.filter((p) => !p.hostNetwork);
  for (const pod of pods) {
    for (const domain of domains) {
      const conns = analysis.domainConnections(pod, domain);
      if (!conns.isEmpty) connections.push({ from: pod.id, to: domain, conns });
    }
  }
  return { connections, endpoints: pods.map((p) => p.id) };
}

/** The domain names either side's cluster policies name, each once, sorted (for `diffSide`). */
export function domainNamesOf(...analyses: Analysis[]): string[] {
  return [...new Set(analyses.flatMap((a) => a.domainNames().map((d) => d.name)))].sort(compare);
}

/** An address range outside the cluster, as an endpoint name spells it (`a-b` or `a`). */
interface Range {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** The range an endpoint name stands for, or undefined for a pod or workload (whose names have a `/`). */
function rangeOf(id: string): Range | undefined {
  if (id.includes('/')) return undefined;
  const dash = id.indexOf('-');
  const first = parseIp(dash < 0 ? id : id.slice(0, dash));
  const last = dash < 0 ? first : parseIp(id.slice(dash + 1));
  if (!first || !last || first.family !== last.family || first.value > last.value) return undefined;
  return { family: first.family, first: first.value, last: last.value };
}

interface Piece extends Range {
  readonly conns: ConnSet;
}

/**
 * Compares two listings. Output is sorted by source, then destination (pods by name, then
 * outside ranges by family and address). Pairs whose connections are the same on both sides
 * (however each side writes or splits them) are left out.
 */
export function diffConnections(
  before: readonly ListedConnection[], after: readonly ListedConnection[], endpoints?: DiffEndpoints,
): ConnectionChange[] {
  const oldEndpoints = new Set(endpoints?.before ?? []);
  const newEndpoints = new Set(endpoints?.after ?? []);
  const endpointChange = (id: string): EndpointChange | undefined => {
    if (!endpoints) return undefined;
    if (newEndpoints.has(id) && !oldEndpoints.has(id)) return 'new';
    if (oldEndpoints.has(id) && !newEndpoints.has(id)) return 'removed';
    return undefined;
  };
  const changes: { change: ConnectionChange; fromRange?: Range; toRange?: Range }[] = [];
  const push = (from: string, to: string, b: ConnSet, a: ConnSet, fromRange?: Range, toRange?: Range) => {
    if (b.equals(a)) return;
    const kind: ChangeKind = b.isEmpty ? 'added' : a.isEmpty ? 'removed' : 'changed';
    const change: ConnectionChange = {
      kind,
      from,
      to,
      before: b,
      after: a,
      opened: a.subtract(b),
      closed: b.subtract(a),
      ...(fromRange ? {} : optional('fromEndpoint', endpointChange(from))),
      ...(toRange ? {} : optional('toEndpoint', endpointChange(to))),
    };
    changes.push({ change, fromRange, toRange });
  };

  // pod to pod: by name; a pod and the outside: by pod, direction and family, compared per piece
  const pairs = new Map<string, { from: string; to: string; before: ConnSet; after: ConnSet }>();
  const outside = new Map<string, { pod: string; egress: boolean; family: IpFamily; before: Piece[]; after: Piece[] }>();
  const collect = (list: readonly ListedConnection[], side: 'before' | 'after') => {
    for (const c of list) {
      if (c.conns.isEmpty) continue;
      const fromRange = rangeOf(c.from);
      const toRange = rangeOf(c.to);
      const range = toRange ?? fromRange;
      if (range && !(fromRange && toRange)) {
        const egress = toRange !== undefined;
        const pod = egress ? c.from : c.to;
        const key = `${egress ? 'E' : 'I'}${range.family}\u0000${pod}`;
        let entry = outside.get(key);
        if (!entry) outside.set(key, entry = { pod, egress, family: range.family, before: [], after: [] });
        entry[side].push({ ...range, conns: c.conns });
        continue;
      }
      const key = `${c.from}\u0000${c.to}`;
      let entry = pairs.get(key);
      if (!entry) pairs.set(key, entry = { from: c.from, to: c.to, before: ConnSet.NONE, after: ConnSet.NONE });
      entry[side] = entry[side].union(c.conns);
    }
  };
  collect(before, 'before');
  collect(after, 'after');
  for (const p of pairs.values()) push(p.from, p.to, p.before, p.after, rangeOf(p.from), rangeOf(p.to));
  for (const o of outside.values()) {
    for (const piece of comparePieces(o.before, o.after)) {
      const range = externalRange(o.family, piece.first, piece.last).id;
      if (o.egress) push(o.pod, range, piece.before, piece.after, undefined, piece);
      else push(range, o.pod, piece.before, piece.after, piece, undefined);
    }
  }
  const order = (id: string, r: Range | undefined, s: string, q: Range | undefined) => compareEnds(id, r, s, q);
  return changes
    .sort((x, y) => order(x.change.from, x.fromRange, y.change.from, y.fromRange) || order(x.change.to, x.toRange, y.change.to, y.toRange))
    .map((x) => x.change);
}

function optional<K extends string>(key: K, value: EndpointChange | undefined): Partial<Record<K, EndpointChange>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, EndpointChange>);
}

/** Pods by name, then domain names, then outside ranges: IPv4 before IPv6, by address. */
function compareEnds(a: string, ra: Range | undefined, b: string, rb: Range | undefined): number {
  if (!ra && !rb) return rank(a) - rank(b) || compare(a, b);
  if (!ra) return -1;
  if (!rb) return 1;
  if (ra.family !== rb.family) return ra.family - rb.family;
  return ra.first < rb.first ? -1 : ra.first > rb.first ? 1 : ra.last < rb.last ? -1 : ra.last > rb.last ? 1 : 0;
}

/** 0 for a pod or workload (`namespace/name`), 1 for a domain name */
function rank(id: string): number {
  return id.includes('/') ? 0 : 1;
}

/**
 * Both sides' ranges cut at the union of their bounds; per piece what each side allows; adjacent
 * pieces with the same before and after joined; pieces where nothing changes left out.
 */
function comparePieces(before: Piece[], after: Piece[]): (Range & { before: ConnSet; after: ConnSet })[] {
  const byStart = (x: Piece, y: Piece) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0);
  before.sort(byStart);
  after.sort(byStart);
  const cuts = new Set<bigint>();
  for (const p of [...before, ...after]) {
    cuts.add(p.first);
    cuts.add(p.last + 1n);
  }
  const bounds = [...cuts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: (Range & { before: ConnSet; after: ConnSet })[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const first = bounds[k];
    const last = bounds[k + 1] - 1n;
    while (i < before.length && before[i].last < first) i++;
    while (j < after.length && after[j].last < first) j++;
    const b = i < before.length && before[i].first <= first ? before[i].conns : ConnSet.NONE;
    const a = j < after.length && after[j].first <= first ? after[j].conns : ConnSet.NONE;
    if (b.equals(a)) continue;
    const prev = out[out.length - 1];
    if (prev && prev.last + 1n === first && prev.before.equals(b) && prev.after.equals(a)) {
      out[out.length - 1] = { ...prev, last };
    } else {
      out.push({ family: before[0]?.family ?? after[0].family, first, last, before: b, after: a });
    }
  }
  return out;
}

/** The changes that open something (a new pair, a widened one), in listing order. */
export function openedChanges(changes: readonly ConnectionChange[]): ConnectionChange[] {
  return changes.filter((c) => !c.opened.isEmpty);
}

/** The changes that close something (a removed pair, a narrowed one), in listing order. */
export function closedChanges(changes: readonly ConnectionChange[]): ConnectionChange[] {
  return changes.filter((c) => !c.closed.isEmpty);
}

/** The workloads a change adds (`new`) or removes (`removed`), as the changes name them, sorted. */
export function changedEndpoints(changes: readonly ConnectionChange[], which: EndpointChange): string[] {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.fromEndpoint === which) out.add(c.from);
    if (c.toEndpoint === which) out.add(c.to);
  }
  return [...out].sort(compare);
}

/**
 * Policies of kinds the engine does not model, as a diff sees them: how many either side has,
 * and which were added, removed or changed (`CiliumNetworkPolicy shop/x (added)`). The diff's
 * connectivity changes hold only for the policies it models when `present` is not 0.
 */
export interface UnanalyzedChanges {
  readonly present: number;
  readonly changed: readonly string[];
}
