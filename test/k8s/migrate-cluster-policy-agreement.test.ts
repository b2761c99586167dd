/**
 * The proof of `migrateClusterPolicy`: on upstream's own v1alpha1 inputs (network-policy-api's
 * `release-0.1` conformance suite and np-guard/netpol-analyzer's ANP/BANP directories, the data of
 * test/cluster-policy/), every AdminNetworkPolicy and BaselineAdminNetworkPolicy is converted to a
 * ClusterNetworkPolicy, and the engine gives the same verdict before and after for every pair of
 * endpoints (pods and the outside ranges the policies cut), port by port (the whole connection
 * set), and every conformance probe still gets upstream's answer.
 *
 * The loading below follows test/cluster-policy/conformance-agreement.test.ts (pod and node
 * addresses) and np-guard-agreement.test.ts (np-guard's reading of the objects the API server
 * refuses), in short.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Analysis, Inventory } from '../../src/engine';
import { validateClusterNetworkPolicy } from '../../src/k8s';
import { isV1alpha1ClusterPolicy, migrateClusterPolicy } from '../../src/k8s/migrate-cluster-policy';
import { readYaml } from '../../src/manifests/yaml-reader';
import { writeYamlValue } from '../../src/manifests/yaml-writer';

const DATA = path.join(__dirname, '..', 'cluster-policy');

/** Every v1alpha1 cluster policy converted; the rest kept. Each converted object is also written as YAML and read back. */
function migrated(objects: readonly any[]): any[] {
  return objects.map((o) => {
    if (!isV1alpha1ClusterPolicy(o)) return o;
    const { object, errors } = migrateClusterPolicy(o);
    expect({ policy: o.metadata?.name, errors }).toEqual({ policy: o.metadata?.name, errors: [] });
    expect(validateClusterNetworkPolicy(object)).toEqual([]);
    const text = writeYamlValue(object);
    expect(readYaml(text).documents.map((d) => d.value)).toEqual([object]);
    return object;
  });
}

/** Every verdict of an analysis, by `from => to`: the connection set, or why it is not covered. */
function verdicts(analysis: Analysis, extraDestinations: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const ids = analysis.endpoints.map((e) => e.id);
  const answer = (from: string, to: string) => {
    const reason = analysis.notCoveredReason(from, to);
    out.set(`${from} => ${to}`, reason !== undefined ? `not covered: ${reason}` : String(analysis.connections(from, to)));
  };
  for (const from of ids) {
    for (const to of [...ids, ...extraDestinations]) answer(from, to);
  }
  for (const { name } of analysis.domainNames()) {
    for (const pod of analysis.pods) out.set(`${pod.id} => ${name}`, String(analysis.domainConnections(pod, name)));
  }
  return out;
}

/** The differences between two verdict maps, as lines (none expected). */
function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [pair, verdict] of before) if (after.get(pair) !== verdict) out.push(`${pair}: before ${verdict}, after ${after.get(pair)}`);
  for (const pair of after.keys()) if (!before.has(pair)) out.push(`${pair}: only after`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// the conformance suite of release-0.1

interface Probe {
  readonly from: string;
  readonly to: string | { readonly ip: string };
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly port: number;
  readonly expected: boolean;
}
interface Entry {
  readonly name: string;
  readonly step?: number;
  readonly namespaceLabels?: Record<string, Record<string, string>>;
  readonly policies: any[];
  readonly probes: Probe[];
}
interface BasePod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: { name?: string; port: number; protocol: string }[];
  hostNetwork?: boolean;
  node?: string;
}
interface Conformance {
  readonly base: {
    readonly namespaces: { name: string; labels: Record<string, string> }[];
    readonly pods: BasePod[];
    readonly nodes: { name: string; labels: Record<string, string> }[];
  };
  readonly tests: Entry[];
}

const conformance: Conformance = JSON.parse(fs.readFileSync(path.join(DATA, 'conformance', 'v1alpha1.json'), 'utf8'));

function conformanceAnalysis(entry: Entry, policies: readonly any[]): Analysis {
  const { base } = conformance;
  const nodeIp = new Map(base.nodes.map((n, k) => [n.name, `172.18.0.${k + 2}`]));
  const inventory = new Inventory();
  base.namespaces.forEach((ns, n) => {
    inventory.addNamespace(ns.name, entry.namespaceLabels?.[ns.name] ?? ns.labels);
    base.pods.filter((p) => p.namespace === ns.name).forEach((p, k) => {
      inventory.addPod({
        namespace: p.namespace,
        name: p.name,
        labels: p.labels,
        ports: p.ports,
        hostNetwork: p.hostNetwork === true,
        node: p.node,
        ip: p.hostNetwork ? nodeIp.get(p.node!)! : `10.244.${n}.${k + 10}`,
      });
    });
  });
  for (const node of base.nodes) inventory.addNode({ name: node.name, labels: node.labels, addresses: [nodeIp.get(node.name)!] });
  for (const policy of policies) inventory.addManifest(policy);
  return new Analysis(inventory);
}

/** `{ cidrFromPod: "ns/pod/32" }` replaced by that pod's address (as the agreement test does). */
function resolveCidrs(value: any): any {
  if (Array.isArray(value)) return value.map(resolveCidrs);
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.cidrFromPod === 'string') {
    const m = /^(.+)\/([^/]+)\/(\d+)$/.exec(value.cidrFromPod)!;
    const { base } = conformance;
    const n = base.namespaces.findIndex((ns) => ns.name === m[1]);
    const k = base.pods.filter((p) => p.namespace === m[1]).findIndex((p) => p.name === m[2]);
    return `10.244.${n}.${k + 10}/${m[3]}`;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveCidrs(v)]));
}

describe('conformance v1alpha1 (release-0.1): every entry, migrated, gives the verdicts it gave', () => {
  const title = (e: Entry) => `${e.name}${e.step !== undefined ? ` (step ${e.step})` : ''}`;

  test('the data: 92 entries, 104 v1alpha1 policies among them (61 AdminNetworkPolicy, 43 BaselineAdminNetworkPolicy)', () => {
    expect(conformance.tests).toHaveLength(92);
    const kinds = conformance.tests.flatMap((e) => e.policies.map((p) => p.kind));
    expect(kinds.filter((k) => k === 'AdminNetworkPolicy')).toHaveLength(61);
    expect(kinds.filter((k) => k === 'BaselineAdminNetworkPolicy')).toHaveLength(43);
  });

  test.each(conformance.tests.map((e) => [title(e), e] as const))('%s', (_title, entry) => {
    const policies = entry.policies.map(resolveCidrs);
    const after = migrated(policies);
    expect(after.filter((p) => p.kind === 'ClusterNetworkPolicy')).toHaveLength(policies.filter(isV1alpha1ClusterPolicy).length);
    const before = conformanceAnalysis(entry, policies);
    const migratedAnalysis = conformanceAnalysis(entry, after);
    expect(migratedAnalysis.clusterPolicies.every((p) => p.kind === 'ClusterNetworkPolicy')).toBe(true);
    const probeIps = entry.probes.flatMap((p) => (typeof p.to === 'string' ? [] : [p.to.ip]));
    expect(differences(verdicts(before, probeIps), verdicts(migratedAnalysis, probeIps))).toEqual([]);
    // and upstream's expectations still hold
    for (const probe of entry.probes) {
      const to = typeof probe.to === 'string' ? probe.to : probe.to.ip;
      expect(`${probe.from} => ${to} ${probe.protocol} ${probe.port}: ${migratedAnalysis.connections(probe.from, to).contains(probe.protocol, probe.port)}`)
        .toBe(`${probe.from} => ${to} ${probe.protocol} ${probe.port}: ${probe.expected}`);
    }
    expect(migratedAnalysis.samePriorityPairs()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// np-guard/netpol-analyzer's ANP/BANP directories

interface NpGuardEntry { readonly dir: string; readonly expected: string }
const NP_GUARD = path.join(DATA, 'np-guard');
const index: { directories: NpGuardEntry[] } = JSON.parse(fs.readFileSync(path.join(NP_GUARD, 'index.json'), 'utf8'));

function objectsOf(dir: string): any[] {
  const files = fs.readdirSync(path.join(NP_GUARD, 'tests', dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  return files.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(NP_GUARD, 'tests', dir, f), 'utf8'))
    .map((d) => d.toJS())
    .filter((v) => v && typeof v === 'object')
    .flatMap((v: any) => (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items) ? v.items : [v])));
}

/**
 * np-guard's reading of the objects the API server refuses (np-guard-agreement.test.ts,
 * `npGuardReading`): a missing `pods` selector as `{}`, and an egress rule with named ports and
 * address peers as two rules of the same action.
 */
function npGuardReading(objects: readonly any[]): any[] {
  return objects.map((o) => {
    if (!isV1alpha1ClusterPolicy(o) || !o.spec) return o;
    const copy = JSON.parse(JSON.stringify(o));
    const fill = (pods: any) => {
      if (!pods || typeof pods !== 'object') return;
      for (const selector of ['namespaceSelector', 'podSelector']) pods[selector] ??= {};
    };
    fill(copy.spec.subject?.pods);
    for (const direction of ['ingress', 'egress']) {
      for (const rule of copy.spec[direction] ?? []) for (const peer of (direction === 'ingress' ? rule?.from : rule?.to) ?? []) fill(peer?.pods);
    }
    if (copy.spec.egress) {
      copy.spec.egress = copy.spec.egress.flatMap((rule: any) => {
        const addressPeer = (peer: any) => peer?.networks !== undefined || peer?.nodes !== undefined;
        const ports: any[] = rule?.ports ?? [];
        if (!ports.some((p) => p?.namedPort !== undefined) || !(rule.to ?? []).some(addressPeer)) return [rule];
        const podPeers = rule.to.filter((peer: any) => !addressPeer(peer));
        const numbered = ports.filter((p) => p?.namedPort === undefined);
        return [
          ...(podPeers.length > 0 ? [{ ...rule, to: podPeers }] : []),
          ...(numbered.length > 0 ? [{ ...rule, to: rule.to.filter(addressPeer), ports: numbered }] : []),
        ];
      });
    }
    return copy;
  });
}

function analysisOfObjects(objects: readonly any[]): Analysis {
  const inventory = new Inventory();
  for (const o of objects) inventory.addManifest(o);
  return new Analysis(inventory);
}

describe('np-guard ANP/BANP connlist directories: migrated, every verdict is the same', () => {
  const connlist = index.directories.filter((e) => e.expected === 'connlist');

  test('the data: 56 connlist directories, each with v1alpha1 policies', () => {
    expect(connlist).toHaveLength(56);
    for (const e of connlist) {
      expect({ dir: e.dir, v1alpha1: objectsOf(e.dir).some(isV1alpha1ClusterPolicy) }).toEqual({ dir: e.dir, v1alpha1: true });
    }
  });

  test.each(connlist.map((e) => [e.dir] as const))('%s', (dir) => {
    const objects = npGuardReading(objectsOf(dir));
    const after = migrated(objects);
    const before = analysisOfObjects(objects);
    const migratedAnalysis = analysisOfObjects(after);
    expect(migratedAnalysis.clusterPolicies.map((p) => p.kind)).toEqual(before.clusterPolicies.map(() => 'ClusterNetworkPolicy'));
    expect(migratedAnalysis.endpoints.map((e) => e.id)).toEqual(before.endpoints.map((e) => e.id));
    expect(differences(verdicts(before), verdicts(migratedAnalysis))).toEqual([]);
    expect(migratedAnalysis.connectivity().map((c) => `${c.from.id} => ${c.to.id} : ${c.conns}`))
      .toEqual(before.connectivity().map((c) => `${c.from.id} => ${c.to.id} : ${c.conns}`));
  });
});

describe('np-guard ANP/BANP error directories: what the API server refuses is not migrated either', () => {
  const errors = index.directories.filter((e) => e.expected === 'error');

  test.each(errors.map((e) => [e.dir] as const))('%s', (dir) => {
    const policies = objectsOf(dir).filter(isV1alpha1ClusterPolicy);
    const invalid = policies.filter((p) => validateClusterNetworkPolicy(p).length > 0);
    for (const p of invalid) {
      const { object, errors: found } = migrateClusterPolicy(p);
      expect(object).toBeUndefined();
      expect(found).toEqual(validateClusterNetworkPolicy(p));
    }
    // the valid ones (same priority twice, same name twice) convert
    for (const p of policies.filter((x) => !invalid.includes(x))) expect(migrateClusterPolicy(p).errors).toEqual([]);
  });
});
