/**
 * Self-check of the np-guard/netpol-analyzer AdminNetworkPolicy / BaselineAdminNetworkPolicy data
 * (README.md): every manifest parses, the layout matches index.json, every expected output line
 * reads as documented, and the counts are pinned, so that a broken or half-copied file fails here.
 * No engine code: the engine does not model these kinds yet.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

const ROOT = __dirname;
const TESTS = path.join(ROOT, 'tests');
const OUTPUTS = path.join(ROOT, 'test_outputs', 'connlist');

const ANP_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'];
const ANP_API_VERSION = 'policy.networking.k8s.io/v1alpha1';
const EXPECTED_KINDS = ['connlist', 'error', 'exposure', 'explain', 'none'] as const;

type Expected = typeof EXPECTED_KINDS[number];

interface Entry {
  readonly dir: string;
  readonly expected: Expected;
  readonly output?: string;
  readonly upstreamOptions?: string[];
  readonly errorContains?: string;
  readonly upstreamCase?: string;
  readonly warningsContain?: string[];
  readonly marks?: string[];
}

interface Index {
  readonly source: string;
  readonly commit: string;
  readonly license: string;
  readonly expectedKinds: Record<string, string>;
  readonly marks: Record<string, string>;
  readonly directories: Entry[];
}

interface K8sObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { name?: unknown; namespace?: unknown; ownerReferences?: { name?: unknown; controller?: unknown }[] };
  readonly spec?: unknown;
}

interface Manifest {
  readonly file: string;
  readonly objects: K8sObject[];
  /** Parse errors and warnings, and documents that are not objects: none, or the data is broken. */
  readonly problems: string[];
}

const index: Index = JSON.parse(fs.readFileSync(path.join(ROOT, 'index.json'), 'utf8'));

const isManifest = (file: string) => /\.(ya?ml|json)$/.test(file);

/** Every object of a file: one per YAML document, a List flattened; what does not parse goes to problems. */
function readManifest(file: string): Manifest {
  const objects: K8sObject[] = [];
  const problems: string[] = [];
  parseAllDocuments(fs.readFileSync(file, 'utf8')).forEach((doc, i) => {
    const issues = [...doc.errors, ...doc.warnings];
    if (issues.length > 0) {
      problems.push(...issues.map((p) => `document ${i}: ${p.message}`));
      return;
    }
    const value = doc.toJS();
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`document ${i}: not an object`);
      return;
    }
    const items = typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items) ? value.items : [value];
    objects.push(...items);
  });
  return { file: path.relative(ROOT, file), objects, problems };
}

const dirs = fs.readdirSync(TESTS).sort();
const manifests = new Map<string, Manifest[]>(
  dirs.map((dir) => [dir, fs.readdirSync(path.join(TESTS, dir)).filter(isManifest).sort().map((f) => readManifest(path.join(TESTS, dir, f)))]),
);
const allObjects = [...manifests.values()].flat().flatMap((m) => m.objects);
const ofKind = (kind: string) => allObjects.filter((o) => o.kind === kind);
const entries = new Map(index.directories.map((e) => [e.dir, e]));
const outputFiles = fs.readdirSync(OUTPUTS).sort();
const outputText = (entry: Entry) => fs.readFileSync(path.join(ROOT, entry.output!), 'utf8');
const connlist = index.directories.filter((e) => e.expected === 'connlist');
const multiNetwork = (e: Entry) => (e.upstreamOptions ?? []).includes('multiple-networks');

// One connection line: `src => dst : conns`.
const LINE = /^(\S+) => (\S+) : (.+)$/;
const WORKLOAD = /^([a-z0-9-]+)(\[udn\])?\/([a-z0-9.-]+)\[([A-Za-z]+)\]$/;
const IPV4 = '(?:\\d{1,3}\\.){3}\\d{1,3}';
const EXTERNAL = new RegExp(`^(${IPV4})-(${IPV4})\\[External\\]$`);
const PROTOCOL_ITEM = /^(SCTP|TCP|UDP) (\d+(?:-\d+)?)$/;
const PORT_ITEM = /^\d+(?:-\d+)?$/;

const ipNumber = (ip: string) => ip.split('.').reduce((n, part) => {
  const octet = Number(part);
  if (octet > 255) throw new Error(`not an IPv4 address: ${ip}`);
  return n * 256 + octet;
}, 0);

/** The ranges of `lo-hi` or `n` port items, checked to be inside 1..65535 and increasing. */
function checkPorts(items: string[], where: string): void {
  let last = 0;
  for (const item of items) {
    const [lo, hi = lo] = item.split('-').map(Number);
    if (!(lo >= 1 && lo <= hi && hi <= 65535 && lo > last)) throw new Error(`${where}: bad port item ${item}`);
    last = hi;
  }
}

/** Checks a `<conns>` part: All Connections, or protocols in alphabetical order, each with its ports. */
function checkConns(conns: string, where: string): void {
  if (conns === 'All Connections') return;
  const groups: { protocol: string; ports: string[] }[] = [];
  for (const item of conns.split(',')) {
    const start = PROTOCOL_ITEM.exec(item);
    if (start) {
      groups.push({ protocol: start[1], ports: [start[2]] });
    } else if (PORT_ITEM.test(item) && groups.length > 0) {
      groups[groups.length - 1].ports.push(item);
    } else {
      throw new Error(`${where}: bad connection item ${JSON.stringify(item)}`);
    }
  }
  const protocols = groups.map((g) => g.protocol);
  if (protocols.join() !== [...new Set(protocols)].sort().join()) throw new Error(`${where}: protocols not in order: ${conns}`);
  groups.forEach((g) => checkPorts(g.ports, where));
}

/** The workload names a directory defines, as netpol-analyzer writes them (`ns/name[Kind]`). */
function workloadNames(dir: string): Set<string> {
  const names = new Set<string>();
  for (const o of manifests.get(dir)!.flatMap((m) => m.objects)) {
    if (typeof o.kind !== 'string' || ['Namespace', 'NetworkPolicy', 'UserDefinedNetwork', ...ANP_KINDS].includes(o.kind)) continue;
    const ns = typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : 'default';
    const owner = o.metadata?.ownerReferences?.find((r) => r.controller === true);
    const name = typeof owner?.name === 'string' ? owner.name : o.metadata?.name;
    names.add(`${ns}/${name}[${o.kind}]`);
  }
  return names;
}

/** Checks one endpoint of a line: a workload the directory defines, or an external IPv4 range. */
function checkEndpoint(endpoint: string, names: Set<string>, where: string): 'workload' | 'external' {
  const external = EXTERNAL.exec(endpoint);
  if (external) {
    if (ipNumber(external[1]) > ipNumber(external[2])) throw new Error(`${where}: empty range ${endpoint}`);
    return 'external';
  }
  const workload = WORKLOAD.exec(endpoint);
  if (!workload) throw new Error(`${where}: neither a workload nor an external range: ${endpoint}`);
  const name = `${workload[1]}/${workload[3]}[${workload[4]}]`;
  if (!names.has(name)) throw new Error(`${where}: ${name} is no workload of the directory`);
  return 'workload';
}

/** The connection lines of an output, each checked; the other lines (multiple-networks outputs only) returned apart. */
function checkOutput(entry: Entry): { lines: string[]; others: string[] } {
  const text = outputText(entry);
  if (!text.endsWith('\n') || text.includes('\r')) throw new Error(`${entry.output}: must end in one newline, LF only`);
  const names = workloadNames(entry.dir);
  const lines: string[] = [];
  const others: string[] = [];
  text.slice(0, -1).split('\n').forEach((line, i) => {
    const where = `${entry.output}:${i + 1}`;
    const m = LINE.exec(line);
    if (!m) {
      others.push(line);
      return;
    }
    const kinds = [checkEndpoint(m[1], names, where), checkEndpoint(m[2], names, where)];
    if (m[1] === m[2]) throw new Error(`${where}: a workload to itself`);
    if (kinds.every((k) => k === 'external')) throw new Error(`${where}: external to external`);
    if (!multiNetwork(entry) && (m[1].includes('[udn]') || m[2].includes('[udn]'))) {
      throw new Error(`${where}: [udn] outside a multiple-networks output`);
    }
    checkConns(m[3], where);
    lines.push(line);
  });
  return { lines, others };
}

describe('np-guard AdminNetworkPolicy / BaselineAdminNetworkPolicy data', () => {
  test('index.json names the upstream commit, and lists exactly the directories present, once each, in order', () => {
    expect(index.source).toBe('https://github.com/np-guard/netpol-analyzer');
    expect(index.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(index.directories.map((e) => e.dir)).toEqual(dirs);
    expect(entries.size).toBe(dirs.length);
    expect(Object.keys(index.expectedKinds).sort()).toEqual([...EXPECTED_KINDS].sort());
  });

  test('the counts are pinned', () => {
    const count = (kind: Expected) => index.directories.filter((e) => e.expected === kind).length;
    expect(dirs).toHaveLength(111);
    expect(EXPECTED_KINDS.map((k) => [k, count(k)])).toEqual([['connlist', 56], ['error', 35], ['exposure', 16], ['explain', 2], ['none', 2]]);
    expect([...manifests.values()].flat()).toHaveLength(246);
    expect(allObjects).toHaveLength(927);
    expect(ofKind('AdminNetworkPolicy')).toHaveLength(105);
    expect(ofKind('BaselineAdminNetworkPolicy')).toHaveLength(53);
    expect(outputFiles).toHaveLength(56);
    const lines = connlist.map(outputText).join('').split('\n').slice(0, -1);
    expect(lines).toHaveLength(912);
    expect(lines.filter((l) => LINE.test(l))).toHaveLength(884);
  });

  test.each(dirs)('%s: manifests that parse, with an AdminNetworkPolicy or BaselineAdminNetworkPolicy in them', (dir) => {
    const files = fs.readdirSync(path.join(TESTS, dir));
    expect(files.filter(isManifest).length).toBeGreaterThan(0);
    expect(manifests.get(dir)!.filter((m) => m.problems.length > 0)).toEqual([]);
    expect(files.filter((f) => !isManifest(f)).every((f) => f.endsWith('.md'))).toBe(true);
    const objects = manifests.get(dir)!.flatMap((m) => m.objects);
    for (const o of objects) {
      expect([typeof o.apiVersion, typeof o.kind]).toEqual(['string', 'string']);
    }
    expect(objects.some((o) => ANP_KINDS.includes(o.kind as string))).toBe(true);
  });

  test('every AdminNetworkPolicy and BaselineAdminNetworkPolicy is policy.networking.k8s.io/v1alpha1, with a name and a spec', () => {
    const policies = allObjects.filter((o) => ANP_KINDS.includes(o.kind as string));
    expect(policies.filter((o) => o.apiVersion !== ANP_API_VERSION)).toEqual([]);
    expect(policies.filter((o) => typeof o.metadata?.name !== 'string' || typeof o.spec !== 'object' || o.spec === null)).toEqual([]);
  });

  test('one expected output for each connlist directory, none for the others, and no output without a directory', () => {
    for (const e of index.directories) {
      const file = `${e.dir}_connlist_output.txt`;
      if (e.expected === 'connlist') {
        expect([e.dir, e.output]).toEqual([e.dir, `test_outputs/connlist/${file}`]);
      } else {
        expect([e.dir, e.output, outputFiles.includes(file)]).toEqual([e.dir, undefined, false]);
      }
    }
    expect(outputFiles).toEqual(connlist.map((e) => `${e.dir}_connlist_output.txt`).sort());
  });

  test.each(connlist.map((e) => [e.dir, e] as const))('%s: every output line reads `src => dst : conns`', (_dir, entry) => {
    const { lines, others } = checkOutput(entry);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    if (multiNetwork(entry)) {
      expect(others).toContain('Workload-to-Networks Mapping:');
      expect(others.filter((l) => l.startsWith('Permitted connectivity analyzed in ')).length).toBeGreaterThan(0);
    } else {
      expect(others).toEqual([]);
      expect(lines).toEqual([...lines].sort());
    }
  });

  test('error entries carry the upstream case and message; warnings only on connlist entries; marks are defined', () => {
    for (const e of index.directories) {
      if (e.expected === 'error') {
        expect([e.dir, typeof e.errorContains, typeof e.upstreamCase]).toEqual([e.dir, 'string', 'string']);
        expect(e.errorContains!.length).toBeGreaterThan(0);
      } else {
        expect([e.dir, e.errorContains, e.upstreamCase]).toEqual([e.dir, undefined, undefined]);
      }
      if (e.warningsContain) expect([e.dir, e.expected]).toEqual([e.dir, 'connlist']);
      for (const mark of e.marks ?? []) expect(Object.keys(index.marks)).toContain(mark);
    }
    expect(Object.keys(index.marks).every((m) => index.directories.some((e) => e.marks?.includes(m)))).toBe(true);
  });
});
