/**
 * The engine against the conformance suites of kubernetes-sigs/network-policy-api, transcribed
 * as data in conformance/ (see its README.md): `v1alpha2.json` (ClusterNetworkPolicy, `main`)
 * and `v1alpha1.json` (AdminNetworkPolicy and BaselineAdminNetworkPolicy, `release-0.1`). For
 * every entry (a subtest, or one state of it) the base cluster is built with the entry's
 * namespace labels and policies, and every probe asks the engine whether the connection is
 * allowed; the answer must be upstream's, for standard and experimental features alike.
 *
 * What the data leaves to a runner, and what this one does:
 * - pod IPs: the suite learns them at run time; here pod `k` of namespace `n` (both counted
 *   from 0 in the base's order) has `10.244.n.(k+10)`, and a `{ cidrFromPod: "ns/pod/32" }`
 *   entry becomes that pod's `ip/32`;
 * - nodes: the base's synthetic nodes get `172.18.0.(k+2)`; a hostNetwork pod runs on its `node`
 *   and has that node's IP (as `status.podIP` of a hostNetwork pod is);
 * - container ports: every port of a pod, named where the data names it (declared ports only).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analysis, Inventory } from '../../src/engine';

interface Probe {
  readonly from: string;
  readonly to: string | { readonly ip: string };
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly port: number;
  readonly expected: boolean;
  readonly line: number;
}

interface Entry {
  readonly name: string;
  readonly step?: number;
  readonly features: string[];
  readonly channel: 'Standard' | 'Experimental';
  readonly namespaceLabels?: Record<string, Record<string, string>>;
  readonly policies: any[];
  readonly probes: Probe[];
}

interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly ports: { name?: string; port: number; protocol: string }[];
  readonly hostNetwork?: boolean;
  readonly node?: string;
}

interface Data {
  readonly source: { readonly commit: string; readonly apiVersion: string };
  readonly base: {
    readonly namespaces: { name: string; labels: Record<string, string> }[];
    readonly pods: Pod[];
    readonly nodes: { name: string; labels: Record<string, string> }[];
  };
  readonly tests: Entry[];
}

const VERSIONS = [
  { file: 'v1alpha2.json', entries: 96, probes: 301, experimentalProbes: 17 },
  { file: 'v1alpha1.json', entries: 92, probes: 289, experimentalProbes: 17 },
];

function load(file: string): Data {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'conformance', file), 'utf8')) as Data;
}

/** The synthetic addresses of the base: pods by namespace and position, nodes by position. */
function addresses(data: Data): { podIp: Map<string, string>; nodeIp: Map<string, string> } {
  const nodeIp = new Map(data.base.nodes.map((n, k) => [n.name, `172.18.0.${k + 2}`]));
  const podIp = new Map<string, string>();
  data.base.namespaces.forEach((ns, n) => {
    data.base.pods.filter((p) => p.namespace === ns.name).forEach((p, k) => {
      podIp.set(`${p.namespace}/${p.name}`, p.hostNetwork ? nodeIp.get(p.node!)! : `10.244.${n}.${k + 10}`);
    });
  });
  return { podIp, nodeIp };
}

/** `{ cidrFromPod: "ns/pod/32" }` entries replaced by that pod's address. */
function resolveCidrs(value: any, podIp: ReadonlyMap<string, string>): any {
  if (Array.isArray(value)) return value.map((v) => resolveCidrs(v, podIp));
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.cidrFromPod === 'string') {
    const m = /^(.+)\/(\d+)$/.exec(value.cidrFromPod)!;
    return `${podIp.get(m[1])}/${m[2]}`;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveCidrs(v, podIp)]));
}

/** The base cluster in the entry's state, in the engine. */
function analysisOf(data: Data, entry: Entry): Analysis {
  const { podIp, nodeIp } = addresses(data);
  const inventory = new Inventory();
  for (const ns of data.base.namespaces) inventory.addNamespace(ns.name, entry.namespaceLabels?.[ns.name] ?? ns.labels);
  for (const node of data.base.nodes) inventory.addNode({ name: node.name, labels: node.labels, addresses: [nodeIp.get(node.name)!] });
  for (const p of data.base.pods) {
    inventory.addPod({
      namespace: p.namespace,
      name: p.name,
      labels: p.labels,
      ports: p.ports.map((x) => ({ name: x.name, port: x.port, protocol: x.protocol })),
      hostNetwork: p.hostNetwork === true,
      node: p.node,
      ip: podIp.get(`${p.namespace}/${p.name}`),
    });
  }
  for (const policy of entry.policies) inventory.addManifest(resolveCidrs(policy, podIp));
  return new Analysis(inventory);
}

/** The probes whose answer is not upstream's, as readable lines (none expected). */
function disagreements(analysis: Analysis, entry: Entry): string[] {
  const out: string[] = [];
  for (const probe of entry.probes) {
    const to = typeof probe.to === 'string' ? probe.to : probe.to.ip;
    const covered = analysis.notCoveredReason(probe.from, to);
    const allowed = analysis.connections(probe.from, to).contains(probe.protocol, probe.port);
    if (covered !== undefined || allowed !== probe.expected) {
      out.push(`line ${probe.line}: ${probe.from} => ${to} ${probe.protocol} ${probe.port}: upstream ${probe.expected ? 'allowed' : 'denied'}, ` +
        `engine ${covered ? `not covered (${covered})` : allowed ? 'allowed' : 'denied'}`);
    }
  }
  return out;
}

describe.each(VERSIONS)('conformance $file: every probe agrees with upstream', (version) => {
  const data = load(version.file);
  const title = (e: Entry) => `${e.name}${e.step !== undefined ? ` (step ${e.step})` : ''}`;

  test(`the data: ${version.entries} entries, ${version.probes} probes (${version.experimentalProbes} of experimental features)`, () => {
    expect(data.tests).toHaveLength(version.entries);
    expect(data.tests.reduce((n, e) => n + e.probes.length, 0)).toBe(version.probes);
    expect(data.tests.filter((e) => e.channel === 'Experimental').reduce((n, e) => n + e.probes.length, 0)).toBe(version.experimentalProbes);
  });

  test.each(data.tests.map((e) => [title(e), e] as const))('%s', (_title, entry) => {
    expect(disagreements(analysisOf(data, entry), entry)).toEqual([]);
  });

  test('no probe\'s verdict rests on what the engine does not know (IPs and nodes are given, no two policies share a priority)', () => {
    for (const entry of data.tests) {
      const analysis = analysisOf(data, entry);
      for (const probe of entry.probes) {
        const to = typeof probe.to === 'string' ? probe.to : probe.to.ip;
        expect({ probe: `${title(entry)} line ${probe.line}`, caveats: analysis.caveats(probe.from, to).map((c) => c.text) })
          .toEqual({ probe: `${title(entry)} line ${probe.line}`, caveats: [] });
      }
      expect(analysis.samePriorityPairs()).toEqual([]);
    }
  });

  test('every policy of every entry is valid, and read as a policy (none is left aside)', () => {
    for (const entry of data.tests) {
      const analysis = analysisOf(data, entry);
      const cluster = entry.policies.filter((p) => p.kind !== 'NetworkPolicy').length;
      expect(analysis.clusterPolicies).toHaveLength(cluster);
      expect(analysis.policies).toHaveLength(entry.policies.length - cluster);
      expect(analysis.inventory.unmodelledPolicies).toEqual([]);
    }
  });
});
