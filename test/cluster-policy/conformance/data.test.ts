// Self-check of the network-policy-api conformance suites transcribed as data (see README.md here).
// No engine is involved: the checks are on the data alone, so that a broken transcription fails the
// test suite before any engine reads it. Besides the shape (every probe names pods of the base, every
// policy has apiVersion, kind and metadata.name, the counts), each entry's policies are re-derived from
// the upstream manifests by replaying the entry's recorded mutations, and must be equal.
import * as fs from 'fs';
import * as path from 'path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Probe {
  readonly from: string;
  readonly to: string | { readonly ip: string };
  readonly protocol: string;
  readonly port: number;
  readonly expected: boolean;
  readonly line: number;
  readonly portRef?: string;
}

interface Target { readonly kind: string; readonly name: string; readonly namespace?: string }

interface Mutation {
  readonly op: 'swapRules' | 'setRuleField' | 'setSpecField' | 'prependRules' | 'setNamespaceLabels' | 'delete';
  readonly line: number;
  readonly target?: Target;
  readonly direction?: 'ingress' | 'egress';
  readonly i?: number;
  readonly j?: number;
  readonly index?: number;
  readonly field?: string;
  readonly value?: Json;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
}

interface Entry {
  readonly name: string;
  readonly test: string;
  readonly subtest: string;
  readonly step?: number;
  readonly steps?: number;
  readonly file: string;
  readonly line: number;
  readonly features: string[];
  readonly channel: 'Standard' | 'Experimental';
  readonly manifests: string[];
  readonly mutations: Mutation[];
  readonly namespaceLabels?: Record<string, Record<string, string>>;
  readonly policies: JsonObject[];
  readonly probes: Probe[];
}

interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly ports: { name?: string; port: number; protocol: string; declared: boolean }[];
  readonly hostNetwork?: boolean;
  readonly node?: string;
}

interface Data {
  readonly source: {
    readonly repository: string;
    readonly ref: string;
    readonly commit: string;
    readonly paths: string[];
    readonly apiVersion: string;
    readonly hostNetworkPorts: number[];
  };
  readonly base: {
    readonly namespaces: { name: string; labels: Record<string, string> }[];
    readonly pods: Pod[];
    readonly nodes: { name: string; labels: Record<string, string> }[];
  };
  readonly manifests: Record<string, JsonObject[]>;
  readonly tests: Entry[];
}

interface Version {
  readonly file: string;
  readonly ref: string;
  readonly apiVersion: string;
  readonly kinds: string[];
  readonly experimental: string[];
  readonly tests: number;
  readonly subtests: number;
  readonly entries: number;
  readonly probes: number;
}

const VERSIONS: Version[] = [
  {
    file: 'v1alpha2.json',
    ref: 'main',
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kinds: ['ClusterNetworkPolicy'],
    experimental: ['ClusterNetworkPolicyNamedPorts', 'ClusterNetworkPolicyEgressNodePeers'],
    tests: 24,
    subtests: 92,
    entries: 96,
    probes: 301,
  },
  {
    file: 'v1alpha1.json',
    ref: 'release-0.1',
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kinds: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'],
    experimental: [
      'AdminNetworkPolicyNamedPorts', 'AdminNetworkPolicyEgressNodePeers',
      'BaselineAdminNetworkPolicyNamedPorts', 'BaselineAdminNetworkPolicyEgressNodePeers',
    ],
    tests: 24,
    subtests: 92,
    entries: 92,
    probes: 289,
  },
];

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

function load(file: string): Data {
  return JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')) as Data;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function asObject(value: Json | undefined, what: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} is not an object`);
  }
  return value;
}

function asArray(value: Json | undefined, what: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`);
  return value;
}

function metadata(policy: JsonObject): JsonObject {
  return asObject(policy.metadata, 'metadata');
}

function sameTarget(policy: JsonObject, target: Target): boolean {
  const meta = metadata(policy);
  return policy.kind === target.kind && meta.name === target.name && (meta.namespace ?? undefined) === target.namespace;
}

/** The policies and namespace labels after replaying the entry's mutations on its manifests. */
function replay(data: Data, entry: Entry): { policies: JsonObject[]; namespaceLabels: Record<string, Record<string, string>> } {
  const policies: JsonObject[] = entry.manifests.flatMap((m) => clone(data.manifests[m]));
  const namespaceLabels: Record<string, Record<string, string>> = {};
  for (const mutation of entry.mutations) {
    if (mutation.op === 'setNamespaceLabels') {
      // SetLabels replaces the labels; the API server puts kubernetes.io/metadata.name back
      namespaceLabels[mutation.namespace!] = { ...mutation.labels, 'kubernetes.io/metadata.name': mutation.namespace! };
      continue;
    }
    const found = policies.filter((p) => sameTarget(p, mutation.target!));
    expect(found).toHaveLength(1);
    const policy = found[0];
    const spec = asObject(policy.spec, 'spec');
    switch (mutation.op) {
      case 'delete':
        policies.splice(policies.indexOf(policy), 1);
        break;
      case 'swapRules': {
        const rules = asArray(spec[mutation.direction!], mutation.direction!);
        expect(rules.length).toBeGreaterThan(Math.max(mutation.i!, mutation.j!));
        [rules[mutation.i!], rules[mutation.j!]] = [rules[mutation.j!], rules[mutation.i!]];
        break;
      }
      case 'setRuleField': {
        const rules = asArray(spec[mutation.direction!], mutation.direction!);
        asObject(rules[mutation.index!], 'rule')[mutation.field!] = clone(mutation.value!);
        break;
      }
      case 'setSpecField':
        spec[mutation.field!] = clone(mutation.value!);
        break;
      case 'prependRules':
        spec[mutation.direction!] = [...asArray(clone(mutation.value!), 'value'), ...asArray(spec[mutation.direction!] ?? [], 'rules')];
        break;
      default:
        throw new Error(`unknown mutation ${JSON.stringify(mutation)}`);
    }
  }
  return { policies, namespaceLabels };
}

/** Every object under `value` that has a `cidrFromPod` key. */
function cidrRefs(value: Json, found: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) {
    value.forEach((v) => cidrRefs(v, found));
  } else if (value !== null && typeof value === 'object') {
    if ('cidrFromPod' in value) found.push(value);
    Object.values(value).forEach((v) => cidrRefs(v, found));
  }
  return found;
}

describe.each(VERSIONS)('conformance data $file', (version) => {
  const data = load(version.file);
  const pods = new Map(data.base.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const namespaces = new Map(data.base.namespaces.map((n) => [n.name, n]));
  const nodes = new Set(data.base.nodes.map((n) => n.name));

  test('names its source: repository, ref, commit, paths', () => {
    expect(data.source.repository).toBe('https://github.com/kubernetes-sigs/network-policy-api');
    expect(data.source.ref).toBe(version.ref);
    expect(data.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(data.source.apiVersion).toBe(version.apiVersion);
    expect(data.source.hostNetworkPorts).toHaveLength(8);
    for (const entry of data.tests) {
      expect(data.source.paths).toContain(entry.file);
      for (const m of entry.manifests) {
        expect(data.source.paths).toContain(m);
        expect(data.manifests[m]).toBeDefined();
      }
    }
  });

  test('the base: namespaces, pods and nodes are consistent', () => {
    expect(namespaces.size).toBe(data.base.namespaces.length);
    expect(pods.size).toBe(data.base.pods.length);
    expect(pods.size).toBe(10);
    for (const ns of data.base.namespaces) {
      expect(ns.labels['kubernetes.io/metadata.name']).toBe(ns.name);
    }
    for (const pod of data.base.pods) {
      expect(namespaces.has(pod.namespace)).toBe(true);
      expect(pod.labels['conformance-house']).toBeDefined();
      expect(pod.ports.length).toBeGreaterThan(0);
      for (const port of pod.ports) {
        expect(PROTOCOLS).toContain(port.protocol);
        expect(Number.isInteger(port.port) && port.port > 0 && port.port < 65536).toBe(true);
        if (port.name !== undefined) expect(port.declared).toBe(true);
      }
      if (pod.hostNetwork) {
        expect(pod.node).toBeDefined();
      }
      if (pod.node !== undefined) expect(nodes.has(pod.node)).toBe(true);
    }
  });

  test(`at least ${version.tests} tests, ${version.subtests} subtests, ${version.entries} entries, ${version.probes} probes`, () => {
    const tests = new Set(data.tests.map((e) => e.test));
    const subtests = new Set(data.tests.map((e) => e.name));
    const keys = new Set(data.tests.map((e) => `${e.name}#${e.step ?? 1}`));
    expect(tests.size).toBeGreaterThanOrEqual(version.tests);
    expect(subtests.size).toBeGreaterThanOrEqual(version.subtests);
    expect(data.tests.length).toBeGreaterThanOrEqual(version.entries);
    expect(keys.size).toBe(data.tests.length);
    expect(data.tests.reduce((n, e) => n + e.probes.length, 0)).toBeGreaterThanOrEqual(version.probes);
  });

  test('every entry: name, steps, features, channel', () => {
    for (const entry of data.tests) {
      expect(entry.name).toBe(`${entry.test}/${entry.subtest}`);
      expect(entry.file).toMatch(/^conformance\/tests\/[a-z-]+\.go$/);
      if (entry.step !== undefined) {
        expect(entry.step).toBeGreaterThanOrEqual(1);
        expect(entry.step).toBeLessThanOrEqual(entry.steps!);
        const siblings = data.tests.filter((e) => e.name === entry.name).map((e) => e.step);
        expect(siblings).toEqual(Array.from({ length: entry.steps! }, (_, k) => k + 1));
      } else {
        expect(data.tests.filter((e) => e.name === entry.name)).toHaveLength(1);
      }
      expect(entry.features.length).toBeGreaterThan(0);
      const experimental = entry.features.some((f) => version.experimental.includes(f));
      expect(entry.channel).toBe(experimental ? 'Experimental' : 'Standard');
      expect(entry.probes.length).toBeGreaterThan(0);
    }
  });

  test('every probe names pods of the base, a protocol, a port and an expectation', () => {
    for (const entry of data.tests) {
      for (const probe of entry.probes) {
        expect(pods.has(probe.from)).toBe(true);
        if (typeof probe.to === 'string') {
          expect(pods.has(probe.to)).toBe(true);
        } else {
          expect(probe.to.ip).toMatch(/^[0-9a-f.:]+$/);
        }
        expect(PROTOCOLS).toContain(probe.protocol);
        expect(Number.isInteger(probe.port) && probe.port > 0 && probe.port < 65536).toBe(true);
        expect(typeof probe.expected).toBe('boolean');
        expect(Number.isInteger(probe.line) && probe.line > entry.line).toBe(true);
        if (probe.portRef !== undefined) {
          const m = /^HostNetworkPorts\[(\d)\]$/.exec(probe.portRef);
          expect(m).not.toBeNull();
          expect(data.source.hostNetworkPorts[Number(m![1])]).toBe(probe.port);
        }
      }
    }
  });

  test('every policy has apiVersion, kind and metadata.name, of a kind the suite uses', () => {
    for (const entry of data.tests) {
      const keys = new Set<string>();
      for (const policy of entry.policies) {
        const meta = metadata(policy);
        expect(typeof meta.name).toBe('string');
        if (policy.kind === 'NetworkPolicy') {
          expect(policy.apiVersion).toBe('networking.k8s.io/v1');
          expect(namespaces.has(meta.namespace as string)).toBe(true);
        } else {
          expect(policy.apiVersion).toBe(version.apiVersion);
          expect(version.kinds).toContain(policy.kind);
        }
        asObject(policy.spec, 'spec');
        keys.add(`${policy.kind}/${meta.namespace ?? ''}/${meta.name}`);
      }
      expect(keys.size).toBe(entry.policies.length);
    }
  });

  test('every CIDR derived from a pod IP names a pod of the base', () => {
    for (const entry of data.tests) {
      for (const ref of cidrRefs(entry.policies as Json)) {
        const m = /^([^/]+\/[^/]+)\/32$/.exec(ref.cidrFromPod as string);
        expect(m).not.toBeNull();
        expect(pods.has(m![1])).toBe(true);
        expect(Object.keys(ref)).toEqual(['cidrFromPod']);
      }
    }
  });

  test("each entry's policies are its manifests with its mutations replayed", () => {
    for (const entry of data.tests) {
      const { policies, namespaceLabels } = replay(data, entry);
      expect({ name: entry.name, step: entry.step, policies }).toEqual({ name: entry.name, step: entry.step, policies: entry.policies });
      expect(namespaceLabels).toEqual(entry.namespaceLabels ?? {});
      for (const ns of Object.keys(namespaceLabels)) expect(namespaces.has(ns)).toBe(true);
      for (const m of entry.mutations) expect(m.line).toBeLessThan(entry.probes[0].line);
    }
  });
});
